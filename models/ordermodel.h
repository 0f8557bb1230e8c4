#pragma once

#include "desk/records.h"
#include "rowtablemodel.h"

namespace cloudex::models {

/// The participant's open orders, merged by order id: fills change a row in place,
/// cancellations remove it, new orders are appended.
class OrderModel final : public RowTableModel<desk::OrderRecord>
{
    Q_OBJECT

public:
    enum Column { Id, Symbol, Side, Price, Remaining, ClientOrderId, ColumnCount };
    enum Role { RawDataRole = Qt::UserRole + 1, OrderIdRole };

    explicit OrderModel(QObject *parent = nullptr);

    void setOrders(const QList<desk::OrderRecord> &orders);
    int rowOf(qint64 orderId) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

} // namespace cloudex::models
