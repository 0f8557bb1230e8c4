#pragma once

#include "catalogue/catalogue.h"

#include <QAbstractTableModel>

#include <optional>

namespace cloudex::models {

/// The exchange's standard products as a table, filtered in C++ on the catalogue's own
/// values rather than per-cell QVariants.
class ProductModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SymbolColumn,
        RegionColumn,
        SizeColumn,
        TenancyColumn,
        SlaColumn,
        AvailabilityColumn,
        SupportColumn,
        ColumnCount
    };

    enum Role {
        /// The row's product symbol, whatever the column.
        ProductRole = Qt::UserRole + 1,
    };

    struct Filter
    {
        QString regionCode; ///< empty: any
        QString classCode;  ///< empty: any
        std::optional<catalogue::Tenancy> tenancy;
        std::optional<catalogue::SlaClass> sla;

        bool accepts(const catalogue::Product &product) const;
    };

    explicit ProductModel(const catalogue::Catalogue &catalogue, QObject *parent = nullptr);

    void setFilter(const Filter &filter);
    const Filter &filter() const { return m_filter; }
    const catalogue::Product &productAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const catalogue::Catalogue &m_catalogue;
    QList<catalogue::Product> m_all;
    QList<catalogue::Product> m_rows;
    Filter m_filter;
};

} // namespace cloudex::models
