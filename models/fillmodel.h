#pragma once

#include "desk/records.h"
#include "rowtablemodel.h"

namespace cloudex::models {

/// The participant's own trades, newest first.
class FillModel final : public RowTableModel<desk::FillRecord>
{
    Q_OBJECT

public:
    enum Column { Time, Symbol, Side, Price, Quantity, Counterparty, Contract, ColumnCount };
    enum Role { RawDataRole = Qt::UserRole + 1 };

    explicit FillModel(QObject *parent = nullptr);

    /// A snapshot, oldest first.
    void setFills(const QList<desk::FillRecord> &oldestFirst);
    /// New fills, oldest first.
    void appendFills(const QList<desk::FillRecord> &oldestFirst);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static constexpr int kCapacity = 1000;
};

} // namespace cloudex::models
