#pragma once

#include "desk/records.h"
#include "rowtablemodel.h"

namespace cloudex::models {

/// The public trade tape of the selected instrument, newest first. New trades arrive as one
/// insert at the top per batch; the tape keeps at most `capacity` rows.
class TradeTapeModel final : public RowTableModel<desk::TradeRecord>
{
    Q_OBJECT

public:
    enum Column { Time, Price, Quantity, Aggressor, ColumnCount };
    enum Role { RawDataRole = Qt::UserRole + 1 };

    explicit TradeTapeModel(QObject *parent = nullptr);

    /// A snapshot, oldest first.
    void setTrades(const QList<desk::TradeRecord> &oldestFirst);
    /// New trades, oldest first.
    void appendTrades(const QList<desk::TradeRecord> &oldestFirst);
    void setCapacity(int rows) { m_capacity = rows; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int m_capacity = 200;
};

} // namespace cloudex::models
