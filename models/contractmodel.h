#pragma once

#include "desk/records.h"
#include "rowtablemodel.h"

namespace cloudex::models {

/// The participant's contracts, merged by contract id: a new trade adds a row, a state
/// change (scheduled → active → expired, or terminated) changes its cells.
class ContractModel final : public RowTableModel<desk::ContractRecord>
{
    Q_OBJECT

public:
    enum Column { Id, Symbol, Side, Counterparty, Quantity, Price, Delivery, State, ColumnCount };
    enum Role { RawDataRole = Qt::UserRole + 1 };

    explicit ContractModel(QObject *parent = nullptr);

    /// Whose contracts these are: decides the side and the counterparty shown.
    void setParticipant(const QString &participant) { m_participant = participant; }
    void setContracts(const QList<desk::ContractRecord> &contracts);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString stateName(api::ContractState state);

private:
    QString m_participant;
};

} // namespace cloudex::models
