#pragma once

#include "connect/inventory.h"

#include <QAbstractTableModel>

namespace cloudex::models {

/// The site's VMs for the Sell workspace's table. Filtering (free text and tenant) and
/// sorting run here in C++ on our own data. Updates are diffed by VM name: removed rows
/// are removed, new rows appended, changed rows reported in one batched dataChanged — never
/// a reset per inventory pass.
class VmModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Tenant, Host, State, Vcpus, Memory, Template, ColumnCount };
    enum Role {
        RawDataRole = Qt::UserRole + 1, ///< unformatted: numbers as numbers, state as key
        NameRole,
    };

    explicit VmModel(QObject *parent = nullptr);

    void setVms(const QList<connect::VmInfo> &vms);
    /// Case-insensitive substring over name, tenant, host, template and state.
    void setFilterText(const QString &text);
    /// Only VMs of `tenant`; empty: all.
    void setTenantFilter(const QString &tenant);
    QString filterText() const { return m_filterText; }

    const connect::VmInfo *vmAt(int row) const;
    int rowOf(const QString &name) const;
    int totalCount() const { return int(m_all.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    bool accepts(const connect::VmInfo &vm) const;
    void refilter();
    void applyRows(QList<connect::VmInfo> next);

    QList<connect::VmInfo> m_all;
    QList<connect::VmInfo> m_rows;
    QString m_filterText;
    QString m_tenantFilter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace cloudex::models
