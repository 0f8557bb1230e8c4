#include "vmmodel.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace cloudex::models {

using connect::VmInfo;

VmModel::VmModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void VmModel::setVms(const QList<VmInfo> &vms)
{
    m_all = vms;
    QList<VmInfo> next;
    next.reserve(vms.size());
    for (const VmInfo &vm : vms) {
        if (accepts(vm))
            next.append(vm);
    }
    applyRows(std::move(next));
}

void VmModel::applyRows(QList<VmInfo> next)
{
    QHash<QString, qsizetype> nextIndex;
    nextIndex.reserve(next.size());
    for (qsizetype i = 0; i < next.size(); ++i)
        nextIndex.insert(next.at(i).name, i);

    // Remove vanished rows bottom-up, one contiguous run at a time.
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (nextIndex.contains(m_rows.at(row).name)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !nextIndex.contains(m_rows.at(first - 1).name))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    // Update the rows that stayed, in place; one dataChanged over the changed span.
    QSet<QString> present;
    int firstChanged = -1;
    int lastChanged = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        const VmInfo &updated = next.at(nextIndex.value(m_rows.at(row).name));
        present.insert(updated.name);
        if (m_rows.at(row) == updated)
            continue;
        m_rows[row] = updated;
        if (firstChanged < 0)
            firstChanged = row;
        lastChanged = row;
    }
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));

    // New rows go to the end, so existing rows (and the selection) stay where they are.
    QList<VmInfo> added;
    for (const VmInfo &vm : next) {
        if (!present.contains(vm.name))
            added.append(vm);
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        m_rows += added;
        endInsertRows();
        // A sorted view stays sorted: the new rows move into place (a layout change).
        if (m_sortColumn >= 0)
            sort(m_sortColumn, m_sortOrder);
    }
}

bool VmModel::accepts(const VmInfo &vm) const
{
    if (!m_tenantFilter.isEmpty() && vm.tenant != m_tenantFilter)
        return false;
    if (m_filterText.isEmpty())
        return true;
    for (const QString *field : {&vm.name, &vm.tenant, &vm.host, &vm.templateName}) {
        if (field->contains(m_filterText, Qt::CaseInsensitive))
            return true;
    }
    return connect::vmStateKey(vm.state).contains(m_filterText, Qt::CaseInsensitive) ||
           connect::vmStateName(vm.state).contains(m_filterText, Qt::CaseInsensitive);
}

void VmModel::refilter()
{
    // A new filter is a new view of the data: one reset per user edit, not per update.
    beginResetModel();
    m_rows.clear();
    for (const VmInfo &vm : std::as_const(m_all)) {
        if (accepts(vm))
            m_rows.append(vm);
    }
    endResetModel();
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
}

void VmModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    refilter();
}

void VmModel::setTenantFilter(const QString &tenant)
{
    if (tenant == m_tenantFilter)
        return;
    m_tenantFilter = tenant;
    refilter();
}

const VmInfo *VmModel::vmAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int VmModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).name == name)
            return row;
    }
    return -1;
}

int VmModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VmModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VmModel::data(const QModelIndex &index, int role) const
{
    const VmInfo *vm = index.isValid() ? vmAt(index.row()) : nullptr;
    if (!vm)
        return {};
    if (role == NameRole)
        return vm->name;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Vcpus || index.column() == Memory)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == RawDataRole) {
        switch (Column(index.column())) {
        case Vcpus:
            return vm->vcpus;
        case Memory:
            return vm->memoryMiB;
        case State:
            return connect::vmStateKey(vm->state);
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != RawDataRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return vm->name;
    case Tenant:
        return vm->tenant.isEmpty() ? tr("(not placed by CloudEx)") : vm->tenant;
    case Host:
        return vm->host;
    case State:
        return connect::vmStateName(vm->state);
    case Vcpus:
        return QLocale().toString(vm->vcpus);
    case Memory:
        return tr("%1 MiB").arg(vm->memoryMiB);
    case Template:
        return vm->templateName.isEmpty() ? tr("diskless") : vm->templateName;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant VmModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Tenant:
        return tr("Tenant");
    case Host:
        return tr("Host");
    case State:
        return tr("State");
    case Vcpus:
        return tr("vCPU");
    case Memory:
        return tr("Memory");
    case Template:
        return tr("Template");
    case ColumnCount:
        break;
    }
    return {};
}

void VmModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QStringList names;
    for (const QModelIndex &index : before)
        names.append(m_rows.at(index.row()).name);
    const auto key = [column](const VmInfo &vm) -> std::tuple<qint64, QString> {
        switch (Column(column)) {
        case Vcpus:
            return {vm.vcpus, vm.name};
        case Memory:
            return {vm.memoryMiB, vm.name};
        case Tenant:
            return {0, vm.tenant + u'\x1f' + vm.name};
        case Host:
            return {0, vm.host + u'\x1f' + vm.name};
        case State:
            return {qint64(vm.state), vm.name};
        case Template:
            return {0, vm.templateName + u'\x1f' + vm.name};
        default:
            return {0, vm.name};
        }
    };
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const VmInfo &a, const VmInfo &b) {
        return order == Qt::AscendingOrder ? key(a) < key(b) : key(b) < key(a);
    });
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(rowOf(names.at(i)), before.at(i).column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace cloudex::models
