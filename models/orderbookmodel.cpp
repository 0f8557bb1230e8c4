#include "orderbookmodel.h"

#include "desk/price.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace cloudex::models {

OrderBookModel::OrderBookModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QList<OrderBookModel::Cell> OrderBookModel::ladder(const desk::BookRecord &book)
{
    QList<Cell> rows;
    rows.reserve(book.asks.size() + book.bids.size());
    for (auto it = book.asks.crbegin(); it != book.asks.crend(); ++it)
        rows.append({false, *it});
    for (const desk::BookLevel &level : book.bids)
        rows.append({true, level});
    return rows;
}

void OrderBookModel::setBook(const desk::BookRecord &book)
{
    const QList<Cell> next = ladder(book);
    qint64 maxQuantity = 0;
    for (const Cell &c : next)
        maxQuantity = std::max(maxQuantity, c.level.quantity);
    const bool scaleChanged = maxQuantity != m_maxQuantity;
    m_book = book;
    m_maxQuantity = maxQuantity;

    const int oldCount = int(m_rows.size());
    const int newCount = int(next.size());
    if (newCount < oldCount) {
        beginRemoveRows({}, newCount, oldCount - 1);
        m_rows.resize(newCount);
        endRemoveRows();
    }
    int firstChanged = -1;
    int lastChanged = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!scaleChanged && m_rows.at(row) == next.at(row))
            continue;
        m_rows[row] = next.at(row);
        if (firstChanged < 0)
            firstChanged = row;
        lastChanged = row;
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (newCount > oldCount) {
        beginInsertRows({}, oldCount, newCount - 1);
        m_rows += next.mid(oldCount);
        endInsertRows();
    }
}

const desk::BookLevel *OrderBookModel::levelAt(int row, bool *isBid) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    if (isBid)
        *isBid = m_rows.at(row).bid;
    return &m_rows.at(row).level;
}

int OrderBookModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OrderBookModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderBookModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Cell &cell = m_rows.at(index.row());
    const auto column = Column(index.column());
    const bool ownSide = cell.bid ? (column == BidOrders || column == BidQuantity)
                                  : (column == AskOrders || column == AskQuantity);
    switch (role) {
    case SideRole:
        return cell.bid ? QStringLiteral("bid") : QStringLiteral("ask");
    case DepthRole:
        if ((column == BidQuantity || column == AskQuantity) && ownSide && m_maxQuantity > 0)
            return double(cell.level.quantity) / double(m_maxQuantity);
        return {};
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return tr("%n order(s), %1 instances at %2 EUR", nullptr, cell.level.orders)
            .arg(cell.level.quantity)
            .arg(desk::formatPriceTicks(cell.level.price, QLocale()));
    case Qt::ForegroundRole:
        if (column == Price)
            return QBrush(cell.bid ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        return {};
    case RawDataRole:
        if (column == Price)
            return cell.level.price;
        if (!ownSide)
            return {};
        return column == BidOrders || column == AskOrders ? qint64(cell.level.orders) : cell.level.quantity;
    case Qt::DisplayRole:
        if (column == Price)
            return desk::formatPriceTicks(cell.level.price, QLocale());
        if (!ownSide)
            return {};
        return column == BidOrders || column == AskOrders ? QLocale().toString(cell.level.orders)
                                                          : QLocale().toString(cell.level.quantity);
    default:
        return {};
    }
}

QVariant OrderBookModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case BidOrders:
        return tr("Orders");
    case BidQuantity:
        return tr("Bids");
    case Price:
        return tr("Price");
    case AskQuantity:
        return tr("Asks");
    case AskOrders:
        return tr("Orders");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cloudex::models
