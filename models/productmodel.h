#pragma once

#include "api/marketsummary.h"
#include "catalogue/catalogue.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace cloudex::models {

/// The exchange's standard products as a table: what a buyer chooses by, in words, with the
/// product's spot index, its change over the day and the day's volume beside it. Filtered
/// and sorted in C++ on the catalogue's own values rather than per-cell QVariants.
class ProductModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ProductColumn, ///< two lines: class and size; region, tenancy and SLA
        SpotColumn,
        ChangeColumn,
        VolumeColumn,
        RegionColumn,
        SizeColumn,
        TenancyColumn,
        SlaColumn,
        AvailabilityColumn,
        SupportColumn,
        SymbolColumn,
        ColumnCount
    };

    enum Role {
        /// The row's product symbol, whatever the column.
        ProductRole = Qt::UserRole + 1,
        /// The value a column sorts by (numbers for spot, change and volume).
        SortRole,
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
    /// Market figures by product symbol; products without one show dashes.
    void setSummaries(const QHash<QString, api::ProductSummary> &summaries);
    const catalogue::Product &productAt(int row) const { return m_rows.at(row).product; }
    /// The row of `symbol`, -1 when it is filtered out.
    int rowOf(const QString &symbol) const;

    /// The day's change of the spot index in basis points; nullopt without two samples.
    static std::optional<qint64> changeBasisPoints(const api::ProductSummary &summary);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Sorts by spot, change, volume or the catalogue's order (any other column); products
    /// without figures sort last either way. Selections follow their rows.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Row
    {
        catalogue::Product product;
        int catalogueIndex = 0;
        QString symbol;
    };
    void applySort();
    const api::ProductSummary *summaryOf(const Row &row) const;

    const catalogue::Catalogue &m_catalogue;
    QList<Row> m_all;
    QList<Row> m_rows;
    QHash<QString, api::ProductSummary> m_summaries;
    Filter m_filter;
    int m_sortColumn = ProductColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace cloudex::models
