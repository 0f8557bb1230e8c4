#include "productmodel.h"

#include "desk/price.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>

namespace cloudex::models {

using namespace cloudex::catalogue;

namespace {

const QString kDash = QStringLiteral("–");

} // namespace

bool ProductModel::Filter::accepts(const Product &product) const
{
    return (regionCode.isEmpty() || product.regionCode == regionCode) &&
           (classCode.isEmpty() || product.classCode == classCode) &&
           (!tenancy || product.tenancy == *tenancy) && (!sla || product.sla == *sla);
}

ProductModel::ProductModel(const Catalogue &catalogue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalogue(catalogue)
{
    const QList<Product> products = catalogue.products();
    m_all.reserve(products.size());
    for (int i = 0; i < products.size(); ++i)
        m_all.append(Row{products.at(i), i, products.at(i).symbol()});
    m_rows = m_all;
}

void ProductModel::setFilter(const Filter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    for (const Row &row : std::as_const(m_all)) {
        if (m_filter.accepts(row.product))
            m_rows.append(row);
    }
    applySort();
    endResetModel();
}

void ProductModel::setSummaries(const QHash<QString, api::ProductSummary> &summaries)
{
    m_summaries = summaries;
    if (m_rows.isEmpty())
        return;
    if (m_sortColumn == SpotColumn || m_sortColumn == ChangeColumn || m_sortColumn == VolumeColumn) {
        sort(m_sortColumn, m_sortOrder);
        return;
    }
    Q_EMIT dataChanged(index(0, SpotColumn), index(int(m_rows.size()) - 1, VolumeColumn));
}

int ProductModel::rowOf(const QString &symbol) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).symbol == symbol)
            return row;
    }
    return -1;
}

const api::ProductSummary *ProductModel::summaryOf(const Row &row) const
{
    const auto it = m_summaries.constFind(row.symbol);
    return it == m_summaries.cend() ? nullptr : &it.value();
}

std::optional<qint64> ProductModel::changeBasisPoints(const api::ProductSummary &summary)
{
    if (summary.spot <= 0 || summary.spotBefore <= 0)
        return std::nullopt;
    // Rounded half away from zero, in integers.
    const qint64 delta = (summary.spot - summary.spotBefore) * 10000;
    const qint64 half = summary.spotBefore / 2;
    return (delta >= 0 ? delta + half : delta - half) / summary.spotBefore;
}

void ProductModel::sort(int column, Qt::SortOrder order)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<QString> symbols;
    symbols.reserve(before.size());
    for (const QModelIndex &i : before)
        symbols.append(m_rows.at(i.row()).symbol);
    m_sortColumn = column;
    m_sortOrder = order;
    applySort();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = rowOf(symbols.at(i));
        after.append(row < 0 ? QModelIndex() : index(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ProductModel::applySort()
{
    const auto key = [this](const Row &row) -> std::optional<qint64> {
        const api::ProductSummary *s = summaryOf(row);
        switch (m_sortColumn) {
        case SpotColumn:
            return s && s->spot > 0 ? std::optional<qint64>(s->spot) : std::nullopt;
        case ChangeColumn:
            return s ? changeBasisPoints(*s) : std::nullopt;
        case VolumeColumn:
            return s ? std::optional<qint64>(s->volume) : std::nullopt;
        default:
            return row.catalogueIndex;
        }
    };
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row &a, const Row &b) {
        const std::optional<qint64> ka = key(a);
        const std::optional<qint64> kb = key(b);
        if (!ka || !kb) // rows without figures last, in catalogue order
            return ka.has_value() > kb.has_value() || (!ka && !kb && a.catalogueIndex < b.catalogueIndex);
        if (*ka != *kb)
            return descending ? *ka > *kb : *ka < *kb;
        return a.catalogueIndex < b.catalogueIndex;
    });
}

int ProductModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProductModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProductModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Product &product = row.product;
    const auto column = Column(index.column());
    const api::ProductSummary *summary = summaryOf(row);
    const std::optional<qint64> change = summary ? changeBasisPoints(*summary) : std::nullopt;
    if (role == ProductRole)
        return row.symbol;
    if (role == Qt::TextAlignmentRole) {
        return column == SpotColumn || column == ChangeColumn || column == VolumeColumn ||
                       column == AvailabilityColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ForegroundRole && column == ChangeColumn && change && *change != 0)
        return QBrush(*change > 0 ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    if (role == SortRole) {
        switch (column) {
        case SpotColumn:
            return summary ? summary->spot : 0;
        case ChangeColumn:
            return change ? *change : 0;
        case VolumeColumn:
            return summary ? summary->volume : 0;
        default:
            return row.catalogueIndex;
        }
    }

    const InstanceClass *cls = m_catalogue.findClass(product.classCode);
    const Region *region = m_catalogue.findRegion(product.regionCode);
    const SlaTerms &sla = slaTerms(product.sla);
    const QLocale locale;
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case SpotColumn:
            return tr("Spot index: the volume-weighted price of the front hour's trades in the last five "
                      "minutes, EUR per instance-hour");
        case ChangeColumn:
            return tr("Change of the spot index over the last 24 hours (or since the first trade)");
        case VolumeColumn:
            return tr("Instance-hours traded in the last 24 hours, every delivery period");
        default:
            return tr("%1\n%2; support response %3")
                .arg(row.symbol, m_catalogue.describe(product), sla.supportResponseText());
        }
    }
    if (role != Qt::DisplayRole)
        return {};

    switch (column) {
    case ProductColumn:
        //: Product browser, two lines: class code and size; region, tenancy and SLA class
        return tr("%1 · %2 vCPU · %3 GiB\n%4 · %5 · %6")
            .arg(product.classCode)
            .arg(locale.toString(cls ? cls->vcpus : 0))
            .arg(locale.toString(cls ? double(cls->memoryMiB) / 1024.0 : 0.0, 'g', 4))
            .arg(region ? region->name() : product.regionCode, tenancyName(product.tenancy),
                 slaClassCode(product.sla));
    case SpotColumn:
        return summary && summary->spot > 0 ? desk::formatPriceTicks(summary->spot, locale) : kDash;
    case ChangeColumn: {
        if (!change)
            return kDash;
        const QString number = locale.toString(double(*change) / 100.0, 'f', 1);
        return QString((*change > 0 ? locale.positiveSign() : QString()) + number + QStringLiteral(" %"));
    }
    case VolumeColumn:
        return summary ? locale.toString(summary->volume) : kDash;
    case SymbolColumn:
        return row.symbol;
    case RegionColumn:
        return region ? region->name() : product.regionCode;
    case SizeColumn:
        return cls ? cls->sizeText() : QString();
    case TenancyColumn:
        return tenancyName(product.tenancy);
    case SlaColumn:
        return slaClassCode(product.sla);
    case AvailabilityColumn:
        return sla.availabilityText();
    case SupportColumn:
        return sla.supportResponseText();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProductModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == ChangeColumn)
        return tr("Change of the spot index over 24 hours");
    if (role == Qt::ToolTipRole && section == VolumeColumn)
        return tr("Instance-hours traded in 24 hours");
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case ProductColumn:
        return tr("Product");
    case SpotColumn:
        return tr("Spot");
    case ChangeColumn:
        //: Column header: change over 24 hours, keep short
        return tr("24 h");
    case VolumeColumn:
        //: Column header: volume, keep short
        return tr("Vol.");
    case SymbolColumn:
        return tr("Symbol");
    case RegionColumn:
        return tr("Region");
    case SizeColumn:
        return tr("Size");
    case TenancyColumn:
        return tr("Tenancy");
    case SlaColumn:
        return tr("SLA");
    case AvailabilityColumn:
        return tr("Availability");
    case SupportColumn:
        return tr("Support response");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cloudex::models
