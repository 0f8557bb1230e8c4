#include "tradetapemodel.h"

#include "desk/price.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace cloudex::models {
namespace {
QList<desk::TradeRecord> newestFirst(const QList<desk::TradeRecord> &oldestFirst, int cap)
{
    QList<desk::TradeRecord> out(oldestFirst.crbegin(), oldestFirst.crend());
    if (out.size() > cap)
        out.resize(cap);
    return out;
}
} // namespace

TradeTapeModel::TradeTapeModel(QObject *parent)
    : RowTableModel(parent)
{}

void TradeTapeModel::setTrades(const QList<desk::TradeRecord> &oldestFirst)
{
    resetRows(newestFirst(oldestFirst, m_capacity));
}

void TradeTapeModel::appendTrades(const QList<desk::TradeRecord> &oldestFirst)
{
    prependRows(newestFirst(oldestFirst, m_capacity), m_capacity);
}

int TradeTapeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TradeTapeModel::data(const QModelIndex &index, int role) const
{
    const desk::TradeRecord *t = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!t)
        return {};
    const auto column = Column(index.column());
    switch (role) {
    case RawDataRole:
        switch (column) {
        case Time:
            return t->time;
        case Price:
            return t->price;
        case Quantity:
            return t->quantity;
        case Aggressor:
            return api::toWire(t->aggressor);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == Price || column == Quantity ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                     : QVariant();
    case Qt::ForegroundRole:
        if (column == Price || column == Aggressor)
            return QBrush(t->aggressor == api::Side::Buy ? QColor(0x2e, 0x7d, 0x32)
                                                         : QColor(0xc6, 0x28, 0x28));
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case Time:
            return QDateTime::fromSecsSinceEpoch(t->time, Qt::UTC).toString(QStringLiteral("HH:mm:ss"));
        case Price:
            return desk::formatPriceTicks(t->price, QLocale());
        case Quantity:
            return QLocale().toString(t->quantity);
        case Aggressor:
            return t->aggressor == api::Side::Buy ? tr("buy") : tr("sell");
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant TradeTapeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Time:
            return tr("Time of the trade, UTC");
        case Price:
            return tr("EUR per instance-hour");
        case Aggressor:
            return tr("The side that took liquidity: a buyer lifting an offer or a seller hitting a bid");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Price:
        return tr("Price");
    case Quantity:
        return tr("Qty");
    case Aggressor:
        return tr("Taker");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cloudex::models
