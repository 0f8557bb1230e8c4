#include "fillmodel.h"

#include "desk/price.h"

#include <QDateTime>
#include <QLocale>

namespace cloudex::models {

FillModel::FillModel(QObject *parent)
    : RowTableModel(parent)
{}

void FillModel::setFills(const QList<desk::FillRecord> &oldestFirst)
{
    QList<desk::FillRecord> rows(oldestFirst.crbegin(), oldestFirst.crend());
    if (rows.size() > kCapacity)
        rows.resize(kCapacity);
    resetRows(std::move(rows));
}

void FillModel::appendFills(const QList<desk::FillRecord> &oldestFirst)
{
    prependRows(QList<desk::FillRecord>(oldestFirst.crbegin(), oldestFirst.crend()), kCapacity);
}

int FillModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FillModel::data(const QModelIndex &index, int role) const
{
    const desk::FillRecord *f = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!f)
        return {};
    const auto column = Column(index.column());
    if (role == Qt::TextAlignmentRole)
        return column == Price || column == Quantity ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                     : QVariant();
    if (role == RawDataRole) {
        switch (column) {
        case Time:
            return f->trade.time;
        case Price:
            return f->trade.price;
        case Quantity:
            return f->trade.quantity;
        case Side:
            return api::toWire(f->side);
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != RawDataRole)
        return {};
    switch (column) {
    case Time:
        return desk::formatTimeUtc(f->trade.time, QLocale());
    case Symbol:
        return f->trade.symbol;
    case Side:
        return f->side == api::Side::Buy ? tr("bought") : tr("sold");
    case Price:
        return desk::formatPriceTicks(f->trade.price, QLocale());
    case Quantity:
        return QLocale().toString(f->trade.quantity);
    case Counterparty:
        return f->counterparty;
    case Contract:
        return f->contractId;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant FillModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time:
        return tr("Time (UTC)");
    case Symbol:
        return tr("Instrument");
    case Side:
        return tr("Side");
    case Price:
        return tr("Price (EUR)");
    case Quantity:
        return tr("Qty");
    case Counterparty:
        return tr("Counterparty");
    case Contract:
        return tr("Contract");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cloudex::models
