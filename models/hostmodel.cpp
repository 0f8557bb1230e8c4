#include "hostmodel.h"

#include <QHash>
#include <QLocale>
#include <QSet>

namespace cloudex::models {

using connect::HostInfo;

namespace {
constexpr qint64 kMiBPerGiB = 1024;

bool sameRow(const HostInfo &a, const HostInfo &b)
{
    return a.online == b.online && a.status == b.status && a.cpus == b.cpus && a.memoryMiB == b.memoryMiB &&
           a.usedVcpus == b.usedVcpus && a.usedMemoryMiB == b.usedMemoryMiB && a.group == b.group &&
           a.tenancy == b.tenancy && a.uri == b.uri && a.driver == b.driver;
}
} // namespace

HostModel::HostModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void HostModel::setHosts(const QList<HostInfo> &hosts)
{
    QHash<QString, const HostInfo *> next;
    for (const HostInfo &host : hosts)
        next.insert(host.id, &host);
    for (int row = int(m_hosts.size()) - 1; row >= 0; --row) {
        if (!next.contains(m_hosts.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_hosts.removeAt(row);
            endRemoveRows();
        }
    }
    QSet<QString> present;
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_hosts.size(); ++row) {
        const HostInfo &updated = *next.value(m_hosts.at(row).id);
        present.insert(updated.id);
        if (sameRow(m_hosts.at(row), updated))
            continue;
        m_hosts[row] = updated;
        first = first < 0 ? row : first;
        last = row;
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    QList<HostInfo> added;
    for (const HostInfo &host : hosts) {
        if (!present.contains(host.id))
            added.append(host);
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_hosts.size()), int(m_hosts.size() + added.size() - 1));
        m_hosts += added;
        endInsertRows();
    }
}

const HostInfo *HostModel::hostAt(int row) const
{
    return row >= 0 && row < m_hosts.size() ? &m_hosts.at(row) : nullptr;
}

int HostModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hosts.size());
}

int HostModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HostModel::data(const QModelIndex &index, int role) const
{
    const HostInfo *host = index.isValid() ? hostAt(index.row()) : nullptr;
    if (!host)
        return {};
    if (role == UtilisationRole)
        return host->utilisationPercent();
    if (role == RawDataRole) {
        switch (Column(index.column())) {
        case Cpu:
            return host->usedVcpus;
        case Memory:
            return host->usedMemoryMiB;
        case Utilisation:
            return host->utilisationPercent();
        case Status:
            return host->online;
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Status)
        return host->status.isEmpty() ? host->uri : host->status;
    if (role != Qt::DisplayRole && role != RawDataRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return host->id;
    case Group:
        return host->group.isEmpty() ? tr("shared pool") : host->group;
    case Tenancy:
        return catalogue::tenancyName(host->tenancy);
    case Cpu:
        return tr("%1 / %2 vCPU").arg(host->usedVcpus).arg(host->cpus);
    case Memory:
        return tr("%1 / %2 GiB")
            .arg(QLocale().toString(double(host->usedMemoryMiB) / kMiBPerGiB, 'f', 1),
                 QLocale().toString(host->memoryMiB / kMiBPerGiB));
    case Utilisation:
        return tr("%1 %").arg(QLocale().toString(host->utilisationPercent()));
    case Status:
        return host->online ? tr("online (%1)").arg(host->driver) : tr("offline");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HostModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Host");
    case Group:
        return tr("Host group");
    case Tenancy:
        return tr("Separation");
    case Cpu:
        return tr("CPU");
    case Memory:
        return tr("Memory");
    case Utilisation:
        return tr("Utilisation");
    case Status:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cloudex::models
