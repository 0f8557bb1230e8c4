#pragma once

#include "desk/records.h"

#include <QAbstractTableModel>

namespace cloudex::models {

/// The order book as a price ladder: asks on top (best ask lowest), bids below (best bid
/// highest), the spread between them. Rows are ladder positions, so a new book updates the
/// cells that changed in one dataChanged and inserts or removes rows only when the number
/// of levels changes.
class OrderBookModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { BidOrders, BidQuantity, Price, AskQuantity, AskOrders, ColumnCount };
    enum Role {
        RawDataRole = Qt::UserRole + 1, ///< numbers as numbers (ticks, instances)
        SideRole,                       ///< "bid" or "ask"
        DepthRole,                      ///< quantity as a fraction (0..1) of the largest level
    };

    explicit OrderBookModel(QObject *parent = nullptr);

    void setBook(const desk::BookRecord &book);
    const desk::BookRecord &book() const { return m_book; }
    /// The level at `row` and whether it is a bid.
    const desk::BookLevel *levelAt(int row, bool *isBid = nullptr) const;
    /// Row of the best bid (first bid row); -1 without bids.
    int bestBidRow() const { return m_book.bids.isEmpty() ? -1 : int(m_book.asks.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Cell
    {
        bool bid = false;
        desk::BookLevel level;
        bool operator==(const Cell &) const = default;
    };
    static QList<Cell> ladder(const desk::BookRecord &book);

    desk::BookRecord m_book;
    QList<Cell> m_rows;
    qint64 m_maxQuantity = 0;
};

} // namespace cloudex::models
