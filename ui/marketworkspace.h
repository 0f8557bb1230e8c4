#pragma once

#include "workspacepage.h"

class QComboBox;
class QLabel;
class QTreeWidget;
class QTableView;

namespace cloudex {
class Clock;
namespace catalogue {
class Catalogue;
}
namespace models {
class ProductModel;
}
} // namespace cloudex

namespace cloudex::ui {

/// Traders' screen: the product catalogue with filters, and for the selected product its
/// SLA terms and the delivery periods open for trading.
class MarketWorkspace final : public WorkspacePage
{
    Q_OBJECT

public:
    MarketWorkspace(const catalogue::Catalogue &catalogue, const Clock &clock, QWidget *parent = nullptr);

    models::ProductModel *productModel() const { return m_model; }

private:
    void applyFilter();
    void showProduct(int row);

    const catalogue::Catalogue &m_catalogue;
    const Clock &m_clock;
    models::ProductModel *m_model;
    QComboBox *m_region;
    QComboBox *m_class;
    QComboBox *m_tenancy;
    QComboBox *m_sla;
    QLabel *m_count;
    QTableView *m_table;
    QLabel *m_detailTitle;
    QLabel *m_detailTerms;
    QTreeWidget *m_periods;
};

} // namespace cloudex::ui
