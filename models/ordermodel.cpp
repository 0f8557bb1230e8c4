#include "ordermodel.h"

#include "desk/price.h"

namespace cloudex::models {

OrderModel::OrderModel(QObject *parent)
    : RowTableModel(parent)
{}

void OrderModel::setOrders(const QList<desk::OrderRecord> &orders)
{
    mergeRows(orders, [](const desk::OrderRecord &o) { return o.id; });
}

int OrderModel::rowOf(qint64 orderId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == orderId)
            return row;
    }
    return -1;
}

int OrderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderModel::data(const QModelIndex &index, int role) const
{
    const desk::OrderRecord *o = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!o)
        return {};
    const auto column = Column(index.column());
    if (role == OrderIdRole)
        return o->id;
    if (role == Qt::TextAlignmentRole) {
        return column == Id || column == Price || column == Remaining
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    }
    if (role == RawDataRole) {
        switch (column) {
        case Id:
            return o->id;
        case Price:
            return o->price;
        case Remaining:
            return o->remaining;
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != RawDataRole)
        return {};
    switch (column) {
    case Id:
        return QString::number(o->id);
    case Symbol:
        return o->symbol;
    case Side:
        if (role == RawDataRole)
            return api::toWire(o->side);
        return o->side == api::Side::Buy ? tr("buy") : tr("sell");
    case Price:
        return desk::formatPriceTicks(o->price, QLocale());
    case Remaining:
        return QLocale().toString(o->remaining);
    case ClientOrderId:
        return o->clientOrderId;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant OrderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Order");
    case Symbol:
        return tr("Instrument");
    case Side:
        return tr("Side");
    case Price:
        return tr("Price (EUR)");
    case Remaining:
        return tr("Remaining");
    case ClientOrderId:
        return tr("Client order id");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cloudex::models
