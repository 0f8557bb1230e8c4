#include "sitefleet.h"

#include "core/logging.h"
#include "desk/contractwallet.h"
#include "desk/siteclient.h"

namespace cloudex::desk {

SiteFleet::SiteFleet(QObject *parent)
    : QObject(parent)
{}

SiteFleet::~SiteFleet()
{
    for (Entry &entry : m_contracts)
        unwatch(entry);
}

void SiteFleet::setWallet(ContractWallet *wallet)
{
    if (wallet == m_wallet)
        return;
    if (m_wallet)
        m_wallet->disconnect(this);
    // Clients hold the old wallet's certificates; the new wallet serves them again.
    for (Entry &entry : m_contracts)
        unwatch(entry);
    m_wallet = wallet;
    if (m_wallet) {
        connect(m_wallet, &ContractWallet::stateChanged, this,
                [this](const QString &contractId, ContractWallet::State) { serve(contractId); });
        connect(m_wallet, &ContractWallet::trustChanged, this, [this](bool ok, const Error &) {
            if (ok) {
                for (const QString &id : m_contracts.keys())
                    serve(id);
            }
        });
    }
    for (const QString &id : m_contracts.keys())
        serve(id);
}

bool SiteFleet::isLive(const api::Contract &contract)
{
    return contract.state != api::ContractState::Terminated && contract.site.has_value() &&
           !contract.site->endpoint.isEmpty();
}

void SiteFleet::setContracts(const QList<api::Contract> &contracts)
{
    QSet<QString> seen;
    for (const api::Contract &contract : contracts) {
        seen.insert(contract.id);
        Entry &entry = m_contracts[contract.id];
        const bool siteMoved = entry.contract.site != contract.site;
        entry.contract = contract;
        if (entry.client && (siteMoved || !isLive(contract))) {
            unwatch(entry);
            if (!isLive(contract))
                Q_EMIT dropped(contract.id);
        }
        serve(contract.id);
    }
    for (auto it = m_contracts.begin(); it != m_contracts.end();) {
        if (seen.contains(it.key())) {
            ++it;
            continue;
        }
        unwatch(*it);
        const QString id = it.key();
        it = m_contracts.erase(it);
        Q_EMIT dropped(id);
    }
}

std::optional<api::Contract> SiteFleet::contract(const QString &contractId) const
{
    const auto it = m_contracts.constFind(contractId);
    if (it == m_contracts.constEnd())
        return std::nullopt;
    return it->contract;
}

SiteClient *SiteFleet::client(const QString &contractId) const
{
    const auto it = m_contracts.constFind(contractId);
    return it == m_contracts.constEnd() ? nullptr : it->client;
}

VmWatcher *SiteFleet::watcher(const QString &contractId) const
{
    const auto it = m_contracts.constFind(contractId);
    return it == m_contracts.constEnd() ? nullptr : it->watcher;
}

void SiteFleet::serve(const QString &contractId)
{
    const auto it = m_contracts.find(contractId);
    if (it == m_contracts.end() || it->client || !m_wallet || !m_wallet->verifier() || !isLive(it->contract))
        return;
    auto tls = m_wallet->tlsFor(contractId);
    if (!tls)
        return; // pending, revoked or failed: the wallet's stateChanged brings us back
    Entry &entry = *it;
    entry.client = new SiteClient(contractId, *entry.contract.site, tls.value(), m_wallet->verifier(), this);
    if (m_timeoutMs > 0)
        entry.client->setTimeoutMs(m_timeoutMs);
    entry.watcher = new VmWatcher(entry.client, this);
    entry.watcher->setWaitSeconds(m_waitSeconds);
    entry.watcher->setRetryMs(m_retryMs);
    VmWatcher *watcher = entry.watcher;
    connect(watcher, &VmWatcher::reset, this,
            [this, contractId, watcher] { Q_EMIT vmsReset(contractId, watcher->vms().values()); });
    connect(watcher, &VmWatcher::changed, this, [this, contractId](const QList<api::Vm> &vms) {
        QList<api::Vm> changed;
        QStringList deleted;
        for (const api::Vm &vm : vms) {
            if (vm.state == api::VmState::Deleted)
                deleted.append(vm.name);
            else
                changed.append(vm);
        }
        Q_EMIT vmsChanged(contractId, changed, deleted);
    });
    connect(watcher, &VmWatcher::staleChanged, this,
            [this, contractId, watcher](bool stale, const Error &error) {
                Q_EMIT staleChanged(contractId, stale, watcher->lastAnswerMs(), error);
            });
    qCInfo(lcDesk, "watching contract %s at site %s (%s)", qPrintable(contractId),
           qPrintable(entry.contract.site->id), qPrintable(entry.contract.site->endpoint));
    Q_EMIT watching(contractId);
    watcher->start();
}

void SiteFleet::unwatch(Entry &entry)
{
    if (entry.watcher) {
        entry.watcher->stop();
        entry.watcher->disconnect(this);
        entry.watcher->deleteLater();
        entry.watcher = nullptr;
    }
    if (entry.client) {
        entry.client->deleteLater();
        entry.client = nullptr;
    }
}

} // namespace cloudex::desk
