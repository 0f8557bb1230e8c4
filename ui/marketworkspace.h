#pragma once

#include "workspacepage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace cloudex {
class Clock;
namespace catalogue {
class Catalogue;
}
namespace api {
struct OrderRequest;
}
namespace desk {
class MarketSession;
} // namespace desk
namespace models {
class ContractModel;
class FillModel;
class InstrumentModel;
class OrderBookModel;
class OrderModel;
class ProductModel;
class TradeTapeModel;
} // namespace models
} // namespace cloudex

namespace cloudex::ui {

class CandleChart;
class ForwardCurveChart;
class SpotChart;
class OrderTicket;

/// Traders' screen. The instrument browser (the product catalogue with filters, and the
/// selected product's instruments open for trading with their quotes); for the selected
/// instrument the order book ladder, a live candlestick chart with volume and last price,
/// the trade tape and the order ticket; the product's forward curve; the participant's own
/// orders (cancel, replace), fills and contracts. Everything follows the session's stream; without a
/// session the catalogue is browsable and the rest says that no exchange is connected.
class MarketWorkspace final : public WorkspacePage
{
    Q_OBJECT

public:
    /// `session` may be null (no exchange); it is not owned.
    MarketWorkspace(const catalogue::Catalogue &catalogue, const Clock &clock, desk::MarketSession *session,
                    QWidget *parent = nullptr);

    models::ProductModel *productModel() const { return m_model; }
    /// The product selected when the workspace opens without filters.
    static QString defaultProduct(const catalogue::Catalogue &catalogue);
    /// Says that the market's other participants are simulated (--demo-market).
    void setSimulated(bool simulated);
    /// Shows `symbol`'s market (selects its product and instrument when listed).
    void selectSymbol(const QString &symbol);
    /// Where the order ticket reads SLA profiles and records the profile of an order.
    void setDataDirectory(const QString &dataDir);
    /// The saved SLA profiles changed: the ticket's chooser reads them again.
    void reloadProfiles();
    OrderTicket *orderTicket() const { return m_ticket; }

private:
    QWidget *createBrowser();
    QWidget *createChartPanel();
    QWidget *createBookPanel();
    QWidget *createOrdersTab();

    void applyFilter();
    void showProduct(int row);
    void showInstrument(const QString &symbol);
    void listCatalogueInstruments();
    void onInstrumentsChanged();
    void onStateChanged();
    void updateNotice();
    void updateSelectionHeader();
    void submit(const api::OrderRequest &order);
    void cancelSelectedOrder();
    void cancelAllOrders();
    void replaceSelectedOrder();
    qint64 selectedOrderId() const;

    const catalogue::Catalogue &m_catalogue;
    const Clock &m_clock;
    desk::MarketSession *m_session;
    bool m_simulated = false;
    QString m_product;
    models::ProductModel *m_model;
    models::InstrumentModel *m_instrumentModel;
    models::OrderBookModel *m_bookModel;
    models::TradeTapeModel *m_tapeModel;
    models::OrderModel *m_orderModel;
    models::FillModel *m_fillModel;
    models::ContractModel *m_contractModel;

    QComboBox *m_region = nullptr;
    QComboBox *m_class = nullptr;
    QComboBox *m_tenancy = nullptr;
    QComboBox *m_sla = nullptr;
    QComboBox *m_period = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailTerms = nullptr;
    QTableView *m_instruments = nullptr;
    QCheckBox *m_quotedOnly = nullptr;
    QLabel *m_symbolTitle = nullptr;
    QLabel *m_spot = nullptr;
    QComboBox *m_resolution = nullptr;
    CandleChart *m_chart = nullptr;
    ForwardCurveChart *m_curve = nullptr;
    SpotChart *m_spotChart = nullptr;
    QWidget *m_ordersTab = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_book = nullptr;
    QTableView *m_tape = nullptr;
    OrderTicket *m_ticket = nullptr;
    QTableView *m_orders = nullptr;
    QTableView *m_fills = nullptr;
    QTableView *m_contracts = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_cancelAll = nullptr;
    QPushButton *m_replace = nullptr;
    QLabel *m_ordersStatus = nullptr;
};

} // namespace cloudex::ui
