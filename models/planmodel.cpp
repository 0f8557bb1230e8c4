#include "planmodel.h"

#include "desk/price.h"

#include <QLocale>

namespace cloudex::models {

PlanModel::PlanModel(QObject *parent)
    : RowTableModel(parent)
{}

void PlanModel::setLines(const QList<manage::PlanLine> &lines)
{
    resetRows(lines);
}

int PlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PlanModel::rungName(manage::PlanRung rung)
{
    switch (rung) {
    case manage::PlanRung::Term:
        return tr("term");
    case manage::PlanRung::Short:
        return tr("short");
    case manage::PlanRung::Spot:
        return tr("spot");
    }
    return {};
}

QVariant PlanModel::data(const QModelIndex &index, int role) const
{
    const manage::PlanLine *line = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!line)
        return {};
    const auto column = Column(index.column());
    if (role == Qt::TextAlignmentRole)
        return column == Quantity || column == Limit || column == AveragePrice || column == Cost
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    if (role == RawDataRole) {
        switch (column) {
        case Quantity:
            return line->quantity;
        case Limit:
            return line->limitPrice;
        case AveragePrice:
            return line->averagePrice;
        case Cost:
            return line->cost;
        case Period:
            return line->deliveryStart;
        case Status:
            return line->projected;
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != RawDataRole)
        return {};
    const QLocale locale;
    switch (column) {
    case Rung:
        return line->fallbackLevel > 0
                   ? tr("%1 (fallback %2)").arg(rungName(line->rung)).arg(line->fallbackLevel)
                   : rungName(line->rung);
    case Product:
        return line->seller.isEmpty() ? line->product : tr("%1 from %2").arg(line->product, line->seller);
    case Period:
        return line->projected ? tr("%1 h from %2")
                                     .arg((line->deliveryEnd - line->deliveryStart) / 3600)
                                     .arg(desk::formatTimeUtc(line->deliveryStart, locale))
                               : line->symbol;
    case Quantity:
        return locale.toString(line->quantity);
    case Limit:
        return desk::formatPriceTicks(line->limitPrice, locale);
    case AveragePrice:
        return desk::formatPriceTicks(line->averagePrice, locale);
    case Cost:
        return desk::formatPriceTicks(line->cost, locale);
    case Status:
        return line->projected ? tr("projected") : tr("to place");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Rung:
        return tr("Rung");
    case Product:
        return tr("Product");
    case Period:
        return tr("Period");
    case Quantity:
        return tr("Quantity");
    case Limit:
        return tr("Limit (EUR/h)");
    case AveragePrice:
        return tr("Average (EUR/h)");
    case Cost:
        return tr("Cost (EUR)");
    case Status:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cloudex::models
