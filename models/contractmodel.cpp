#include "contractmodel.h"

#include "desk/price.h"

#include <QDateTime>
#include <QLocale>

namespace cloudex::models {

ContractModel::ContractModel(QObject *parent)
    : RowTableModel(parent)
{}

void ContractModel::setContracts(const QList<desk::ContractRecord> &contracts)
{
    mergeRows(contracts, [](const desk::ContractRecord &c) { return c.id; });
}

int ContractModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ContractModel::stateName(api::ContractState state)
{
    switch (state) {
    case api::ContractState::Scheduled:
        return tr("scheduled");
    case api::ContractState::Active:
        return tr("active");
    case api::ContractState::Expired:
        return tr("expired");
    case api::ContractState::Terminated:
        return tr("terminated");
    }
    return {};
}

QVariant ContractModel::data(const QModelIndex &index, int role) const
{
    const desk::ContractRecord *c = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!c)
        return {};
    const auto column = Column(index.column());
    const bool bought = c->buyer == m_participant;
    if (role == Qt::TextAlignmentRole)
        return column == Quantity || column == Price ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                     : QVariant();
    if (role == RawDataRole) {
        switch (column) {
        case Quantity:
            return c->quantity;
        case Price:
            return c->price;
        case Delivery:
            return c->deliveryStart;
        case State:
            return api::toWire(c->state);
        case Side:
            return api::toWire(bought ? api::Side::Buy : api::Side::Sell);
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != RawDataRole)
        return {};
    const auto time = [](qint64 secs) {
        return desk::formatTimeUtc(secs, QLocale());
    };
    switch (column) {
    case Id:
        return c->id;
    case Symbol:
        return c->symbol;
    case Side:
        return bought ? tr("bought") : tr("sold");
    case Counterparty:
        return bought ? c->seller : c->buyer;
    case Quantity:
        return QLocale().toString(c->quantity);
    case Price:
        return desk::formatPriceTicks(c->price, QLocale());
    case Delivery:
        // The end's date only when it differs: "1 Dec 2026 15:00 – 16:00".
        if (c->deliveryEnd - c->deliveryStart < 86400 &&
            QDateTime::fromSecsSinceEpoch(c->deliveryStart, Qt::UTC).date() ==
                QDateTime::fromSecsSinceEpoch(c->deliveryEnd, Qt::UTC).date())
            return tr("%1 – %2").arg(
                time(c->deliveryStart),
                QDateTime::fromSecsSinceEpoch(c->deliveryEnd, Qt::UTC).toString(u"HH:mm"));
        return tr("%1 – %2").arg(time(c->deliveryStart), time(c->deliveryEnd));
    case State:
        return stateName(c->state);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ContractModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Contract");
    case Symbol:
        return tr("Instrument");
    case Side:
        return tr("Side");
    case Counterparty:
        return tr("Counterparty");
    case Quantity:
        return tr("Instances");
    case Price:
        return tr("Price (EUR)");
    case Delivery:
        return tr("Delivery (UTC)");
    case State:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cloudex::models
