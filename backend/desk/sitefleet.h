#pragma once

#include "api/connecttypes.h"
#include "api/contract.h"
#include "core/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace cloudex::desk {

class ContractWallet;
class SiteClient;
class VmWatcher;

/// Every contract of the participant at its seller's site, watched: for each live contract
/// that names a site and has a usable certificate in the wallet, one SiteClient (its own
/// mutual TLS, docs/CONNECT-API.md section 3) and one VmWatcher keeping a long poll open,
/// so a change at any site arrives within the poll's answer time. A contract whose
/// certificate is not there yet is picked up when the wallet reports it; a terminated,
/// expired or revoked contract's watcher stops (its VMs stay listed until the contract
/// leaves the list). Nothing here blocks.
class SiteFleet final : public QObject
{
    Q_OBJECT

public:
    explicit SiteFleet(QObject *parent = nullptr);
    ~SiteFleet() override;

    /// The wallet the certificates come from (may change when the session reconnects).
    void setWallet(ContractWallet *wallet);
    ContractWallet *wallet() const { return m_wallet; }
    /// The participant's contracts: new ones are watched, gone ones dropped.
    void setContracts(const QList<api::Contract> &contracts);

    QStringList contractIds() const { return m_contracts.keys(); }
    std::optional<api::Contract> contract(const QString &contractId) const;
    /// The deploy client of a watched contract (nullptr: not watched, e.g. no certificate yet).
    SiteClient *client(const QString &contractId) const;
    VmWatcher *watcher(const QString &contractId) const;

    /// Applied to watchers created from now on (tests use short waits).
    void setWaitSeconds(int seconds) { m_waitSeconds = seconds; }
    void setRetryMs(int ms) { m_retryMs = ms; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    /// A contract is watched now (its client exists).
    void watching(const QString &contractId);
    /// A contract left the list: its VMs are no longer reported.
    void dropped(const QString &contractId);
    /// The site's whole list of the contract's VMs.
    void vmsReset(const QString &contractId, const QList<cloudex::api::Vm> &vms);
    /// VMs that appeared or changed, and the names of deleted ones.
    void vmsChanged(const QString &contractId, const QList<cloudex::api::Vm> &vms,
                    const QStringList &deleted);
    /// The site stopped or resumed answering; `lastAnswerMs` is the time of its last answer.
    void staleChanged(const QString &contractId, bool stale, qint64 lastAnswerMs,
                      const cloudex::Error &error);

private:
    struct Entry
    {
        api::Contract contract;
        SiteClient *client = nullptr;
        VmWatcher *watcher = nullptr;
    };
    void serve(const QString &contractId);
    void unwatch(Entry &entry);
    static bool isLive(const api::Contract &contract);

    QPointer<ContractWallet> m_wallet;
    QHash<QString, Entry> m_contracts;
    int m_waitSeconds = 25;
    int m_retryMs = 2000;
    int m_timeoutMs = 0;
};

} // namespace cloudex::desk
