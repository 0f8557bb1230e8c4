#pragma once

#include "api/contract.h"
#include "api/settlement.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace cloudex::models {

/// The contracts the participant bought, as the Buy workspace lists them: seller, product,
/// volume used of total (VMs defined at the site), the delivery window with how much of it
/// has passed, the contract certificate's state in the wallet, and the settlement once there
/// is one. Rows are merged by contract id (never a reset per update).
class BoughtContractModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Id,
        Seller,
        Product,
        Volume,
        Window,
        Progress,
        Certificate,
        Settlement,
        State,
        ColumnCount
    };
    enum Role {
        ContractIdRole = Qt::UserRole + 1,
        ProgressRole, ///< int: percent of the window passed
    };
    /// The wallet's view of a contract certificate (desk::ContractWallet::State, as text).
    struct CertificateInfo
    {
        QString state; ///< translated: "valid", "pending", …
        qint64 notAfter = 0;
        QString problem;
    };

    explicit BoughtContractModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Contracts where `participant` is the buyer are listed; the others are left out.
    void setContracts(const QString &participant, const QList<api::Contract> &contracts);
    void setVmsDefined(const QString &contractId, int count);
    void setCertificate(const QString &contractId, const CertificateInfo &info);
    void setSettlements(const QList<api::Settlement> &settlements);
    void setNow(qint64 seconds);

    const api::Contract *contractAt(int row) const;
    int rowOf(const QString &contractId) const;
    /// How many more VMs the contract admits (its volume less the VMs defined); -1: unknown.
    int remainingVolume(const QString &contractId) const;

private:
    struct Entry
    {
        api::Contract contract;
    };
    void changed(const QString &contractId, int column);
    int progress(const api::Contract &contract) const;

    QList<Entry> m_rows;
    QHash<QString, int> m_index;
    QHash<QString, int> m_vms;
    QHash<QString, CertificateInfo> m_certificates;
    QHash<QString, api::Settlement> m_settlements;
    qint64 m_now = 0;
};

} // namespace cloudex::models
