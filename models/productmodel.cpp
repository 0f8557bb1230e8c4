#include "productmodel.h"

namespace cloudex::models {

using namespace cloudex::catalogue;

bool ProductModel::Filter::accepts(const Product &product) const
{
    return (regionCode.isEmpty() || product.regionCode == regionCode) &&
           (classCode.isEmpty() || product.classCode == classCode) &&
           (!tenancy || product.tenancy == *tenancy) && (!sla || product.sla == *sla);
}

ProductModel::ProductModel(const Catalogue &catalogue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catalogue(catalogue)
    , m_all(catalogue.products())
    , m_rows(m_all)
{}

void ProductModel::setFilter(const Filter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    for (const Product &p : std::as_const(m_all)) {
        if (m_filter.accepts(p))
            m_rows.append(p);
    }
    endResetModel();
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
    const Product &product = m_rows.at(index.row());
    if (role == ProductRole)
        return QVariant::fromValue(product.symbol());
    if (role == Qt::TextAlignmentRole && index.column() == AvailabilityColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};

    const SlaTerms &sla = slaTerms(product.sla);
    switch (Column(index.column())) {
    case SymbolColumn:
        return product.symbol();
    case RegionColumn: {
        const Region *region = m_catalogue.findRegion(product.regionCode);
        return region ? region->name() : product.regionCode;
    }
    case SizeColumn: {
        const InstanceClass *cls = m_catalogue.findClass(product.classCode);
        return cls ? cls->sizeText() : QString();
    }
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
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case SymbolColumn:
        return tr("Product");
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
