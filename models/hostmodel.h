#pragma once

#include "connect/inventory.h"

#include <QAbstractTableModel>

namespace cloudex::models {

/// The site's hosts with capacity and utilisation. Diffed by host id like VmModel.
class HostModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Group, Tenancy, Cpu, Memory, Utilisation, Status, ColumnCount };
    enum Role {
        RawDataRole = Qt::UserRole + 1,
        UtilisationRole, ///< int percent, for the bar delegate
    };

    explicit HostModel(QObject *parent = nullptr);

    void setHosts(const QList<connect::HostInfo> &hosts);
    const connect::HostInfo *hostAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<connect::HostInfo> m_hosts;
};

} // namespace cloudex::models
