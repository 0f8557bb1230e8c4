#include "boughtcontractmodel.h"

#include "contractmodel.h"
#include "desk/price.h"

#include <QDateTime>
#include <QLocale>

namespace cloudex::models {

BoughtContractModel::BoughtContractModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int BoughtContractModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BoughtContractModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void BoughtContractModel::setContracts(const QString &participant, const QList<api::Contract> &contracts)
{
    QList<api::Contract> bought;
    for (const api::Contract &contract : contracts) {
        if (contract.buyer == participant)
            bought.append(contract);
    }
    QSet<QString> keep;
    for (const api::Contract &contract : bought)
        keep.insert(contract.id);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (keep.contains(m_rows.at(row).contract.id))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    m_index.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_index.insert(m_rows.at(row).contract.id, row);
    for (const api::Contract &contract : bought) {
        const auto it = m_index.constFind(contract.id);
        if (it != m_index.constEnd()) {
            if (!(m_rows[*it].contract == contract)) {
                m_rows[*it].contract = contract;
                Q_EMIT dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
            }
            continue;
        }
        // Newest first, as the exchange lists them.
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        Entry entry;
        entry.contract = contract;
        m_rows.append(entry);
        m_index.insert(contract.id, int(m_rows.size()) - 1);
        endInsertRows();
    }
}

void BoughtContractModel::changed(const QString &contractId, int column)
{
    const int row = rowOf(contractId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, column), index(row, column));
}

void BoughtContractModel::setVmsDefined(const QString &contractId, int count)
{
    if (m_vms.value(contractId, -1) == count)
        return;
    m_vms.insert(contractId, count);
    changed(contractId, Volume);
}

void BoughtContractModel::setCertificate(const QString &contractId, const CertificateInfo &info)
{
    m_certificates.insert(contractId, info);
    changed(contractId, Certificate);
}

void BoughtContractModel::setSettlements(const QList<api::Settlement> &settlements)
{
    for (const api::Settlement &settlement : settlements) {
        m_settlements.insert(settlement.contractId, settlement);
        changed(settlement.contractId, Settlement);
    }
}

void BoughtContractModel::setNow(qint64 seconds)
{
    m_now = seconds;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Progress), index(int(m_rows.size()) - 1, Progress));
}

const api::Contract *BoughtContractModel::contractAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).contract : nullptr;
}

int BoughtContractModel::rowOf(const QString &contractId) const
{
    return m_index.value(contractId, -1);
}

int BoughtContractModel::remainingVolume(const QString &contractId) const
{
    const int row = rowOf(contractId);
    const int used = m_vms.value(contractId, -1);
    if (row < 0 || used < 0)
        return -1;
    return std::max(0, int(m_rows.at(row).contract.quantity) - used);
}

int BoughtContractModel::progress(const api::Contract &contract) const
{
    const qint64 length = contract.deliveryEnd - contract.deliveryStart;
    if (length <= 0 || m_now <= contract.deliveryStart)
        return 0;
    return int(std::min<qint64>(100, 100 * (m_now - contract.deliveryStart) / length));
}

QVariant BoughtContractModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const api::Contract &c = m_rows.at(index.row()).contract;
    const auto column = Column(index.column());
    const QLocale locale;
    if (role == ContractIdRole)
        return c.id;
    if (role == ProgressRole)
        return column == Progress ? QVariant(progress(c)) : QVariant();
    if (role == Qt::ToolTipRole && column == Certificate) {
        const auto it = m_certificates.constFind(c.id);
        return it == m_certificates.constEnd() ? QVariant() : QVariant(it->problem);
    }
    if (role == Qt::TextAlignmentRole)
        return column == Volume || column == Progress ? QVariant(Qt::AlignCenter) : QVariant();
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (column) {
    case Id:
        return c.id;
    case Seller:
        return c.seller;
    case Product:
        return c.product;
    case Volume: {
        const int used = m_vms.value(c.id, -1);
        if (used < 0)
            return tr("– of %1").arg(locale.toString(c.quantity));
        return tr("%1 of %2").arg(locale.toString(used), locale.toString(c.quantity));
    }
    case Window: {
        const QString start = desk::formatTimeUtc(c.deliveryStart, locale);
        const QDateTime from = QDateTime::fromSecsSinceEpoch(c.deliveryStart, Qt::UTC);
        const QDateTime to = QDateTime::fromSecsSinceEpoch(c.deliveryEnd, Qt::UTC);
        if (from.date() == to.date() ||
            (to.time() == QTime(0, 0) && from.daysTo(to) <= 1 && c.deliveryEnd - c.deliveryStart <= 86400))
            return tr("%1 – %2").arg(start, to.toString(u"HH:mm"));
        return tr("%1 – %2").arg(start, desk::formatTimeUtc(c.deliveryEnd, locale));
    }
    case Progress:
        if (m_now < c.deliveryStart)
            return tr("starts %1")
                .arg(QDateTime::fromSecsSinceEpoch(c.deliveryStart, Qt::UTC).toString(u"HH:mm"));
        return tr("%1 %").arg(locale.toString(progress(c)));
    case Certificate: {
        const auto it = m_certificates.constFind(c.id);
        return it == m_certificates.constEnd() ? tr("none") : it->state;
    }
    case Settlement: {
        const auto it = m_settlements.constFind(c.id);
        if (it == m_settlements.constEnd())
            return c.state == api::ContractState::Expired || c.state == api::ContractState::Terminated
                       ? tr("awaiting")
                       : tr("open");
        return it->state == api::SettlementState::Estimated
                   ? tr("EUR %1 (estimated)").arg(desk::formatPriceTicks(it->net, locale))
                   : tr("EUR %1").arg(desk::formatPriceTicks(it->net, locale));
    }
    case State:
        return ContractModel::stateName(c.state);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BoughtContractModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Contract");
    case Seller:
        return tr("Seller");
    case Product:
        return tr("Product");
    case Volume:
        return tr("VMs used");
    case Window:
        return tr("Delivery (UTC)");
    case Progress:
        return tr("Window");
    case Certificate:
        return tr("Certificate");
    case Settlement:
        return tr("Settlement");
    case State:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cloudex::models
