#include "connectserver.h"

#include "api/parse.h"
#include "catalogue/catalogue.h"
#include "connectagent.h"
#include "core/logging.h"
#include "pki/certificateverifier.h"
#include "pki/contractdirectory.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSslCertificateExtension>
#include <QSslConfiguration>
#include <QTimer>

#include <algorithm>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};

using catalogue::Tenancy;
using net::ApiProblem;

constexpr qint64 kMsPerSecond = 1000;
constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kJobKeepMs = kHourMs;
constexpr qint64 kGiB = 1024LL * 1024 * 1024;
constexpr int kBasisPoints = 10'000;
/// Host groups that exclusive contracts claim from the shared pool: "claim-<contract id>".
constexpr char kClaimPrefix[] = "claim-";
const QString kExpected = QStringLiteral("expected");
const QString kAvailable = QStringLiteral("available");
const QByteArray kContractOid = QByteArrayLiteral("2.25.119828128812114853495835593828542138692.1");

QString key(const QString &contract, const QString &vm)
{
    return contract + u'/' + vm;
}

QString domainName(const QString &contract, const QString &vm)
{
    return contract + u'-' + vm;
}

QString tenancyWord(Tenancy tenancy)
{
    switch (tenancy) {
    case Tenancy::Shared:
        return QStringLiteral("shared");
    case Tenancy::GroupShared:
        return QStringLiteral("group-shared");
    case Tenancy::Exclusive:
        return QStringLiteral("exclusive");
    }
    return {};
}

ApiProblem problem(int status, const QString &code, const QString &detail)
{
    return ApiProblem::fromError(status, Error{code, detail});
}

/// What a POST /v1/vms body holds.
struct CreateVmRequest
{
    QString name;
    QString templateName;

    void read(api::JsonObjectReader &r)
    {
        r.read(QLatin1StringView("name"), name);
        r.read(QLatin1StringView("template"), templateName);
    }
};

struct ContractSize
{
    Tenancy tenancy = Tenancy::Shared;
    catalogue::InstanceClass instanceClass{QString(), 1, 64, 0};
};

ContractSize sizeOf(const HeldContractRecord &contract)
{
    ContractSize size;
    const auto product = catalogue::Catalogue::standard().parseProduct(contract.product);
    if (!product)
        return size;
    size.tenancy = product->tenancy;
    if (const catalogue::InstanceClass *c = catalogue::Catalogue::standard().findClass(product->classCode))
        size.instanceClass = *c;
    return size;
}

/// Total length of the overlap of two sorted, disjoint interval lists.
qint64 overlapMs(const QList<QPair<qint64, qint64>> &a, const QList<QPair<qint64, qint64>> &b)
{
    qint64 total = 0;
    for (const auto &x : a) {
        for (const auto &y : b) {
            const qint64 from = std::max(x.first, y.first);
            const qint64 to = std::min(x.second, y.second);
            if (to > from)
                total += to - from;
        }
    }
    return total;
}

qint64 lengthMs(const QList<QPair<qint64, qint64>> &a)
{
    qint64 total = 0;
    for (const auto &x : a)
        total += x.second - x.first;
    return total;
}

/// The parts of `intervals` inside [from, to).
QList<QPair<qint64, qint64>> clip(const QList<QPair<qint64, qint64>> &intervals, qint64 from, qint64 to)
{
    QList<QPair<qint64, qint64>> out;
    for (const auto &x : intervals) {
        const qint64 a = std::max(x.first, from);
        const qint64 b = std::min(x.second, to);
        if (b > a)
            out.append({a, b});
    }
    return out;
}
} // namespace

/// The contracts this site holds, for the verifier.
class ConnectServer::Directory final : public pki::ContractDirectory
{
public:
    explicit Directory(const QHash<QString, HeldContractRecord> &contracts)
        : m_contracts(contracts)
    {}
    std::optional<pki::ContractTerms> find(const QString &id) const override
    {
        const auto it = m_contracts.constFind(id);
        if (it == m_contracts.cend())
            return std::nullopt;
        return pki::ContractTerms{it->id,       it->buyer,   it->seller, it->instrument,
                                  it->quantity, it->startMs, it->endMs,  it->terminated};
    }

private:
    const QHash<QString, HeldContractRecord> &m_contracts;
};

struct ConnectServer::Admission
{
    std::optional<ApiProblem> refusal; ///< 403 or 503, answered by the route
    QString contract;
    QString holder; ///< the buyer's user the certificate was issued to (empty for older ones)
    QString serial;
};

struct ConnectServer::ApiJob
{
    QString id;
    QString contract;
    QString operation;
    QString vm;
    QString state = QStringLiteral("running");
    int progress = 0;
    std::optional<Error> error;
    QPointer<ConnectJob> job;
    qint64 endedMs = 0;
    qint64 powerOffAtMs = 0; ///< stop: power off if still running then
    bool cancelRequested = false;
};

struct ConnectServer::VmView
{
    QString contract;
    QString name;
    QString templateName;
    QString state;
    qint64 runningSinceMs = 0;
    qint64 seq = 0;
};

struct ConnectServer::Waiter
{
    QString contract;
    qint64 since = 0;
    net::ApiReply reply;
    QTimer *timer = nullptr;
};

ConnectServer::ConnectServer(ConnectAgent &agent, const Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_agent(agent)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_verifyClock(std::make_unique<ManualClock>(clock.nowMs()))
    , m_verifier(std::make_unique<pki::CertificateVerifier>(*m_verifyClock))
    , m_directory(std::make_unique<Directory>(m_contracts))
    , m_api(new net::ApiServer(clock, this))
    , m_timer(new QTimer(this))
{
    for (const HeldContractRecord &c : agent.store().contracts())
        m_contracts.insert(c.id, c);
    // The contract VM records in memory, those not created yet (defined before their
    // window), and the VMs whose availability is being metered.
    QSet<QString> placed;
    for (const VmRecord &vm : agent.store().vms())
        placed.insert(vm.name);
    for (const ContractVmRecord &record : agent.store().contractVms()) {
        rememberRecord(record);
        if (!placed.contains(record.domain))
            m_scheduled.insert(key(record.contract, record.name));
    }
    for (const QString &k : agent.store().openIntervals(kAvailable))
        m_metered.insert(k, VmState::Running);
    m_lastTickMs = m_clock.nowMs();
    m_api->setAuthenticator([this](const QSslCertificate &certificate) { return authenticate(certificate); });
    const auto bindRoute = [this](const QString &method, const QString &path,
                                  void (ConnectServer::*handler)(const net::ApiRequest &, net::ApiReply)) {
        m_api->route(method, path, [this, handler](const net::ApiRequest &r, net::ApiReply reply) {
            (this->*handler)(r, reply);
        });
    };
    bindRoute(QStringLiteral("GET"), QStringLiteral("/v1/contract"), &ConnectServer::getContract);
    bindRoute(QStringLiteral("GET"), QStringLiteral("/v1/templates"), &ConnectServer::getTemplates);
    bindRoute(QStringLiteral("GET"), QStringLiteral("/v1/vms"), &ConnectServer::getVms);
    bindRoute(QStringLiteral("POST"), QStringLiteral("/v1/vms"), &ConnectServer::postVm);
    bindRoute(QStringLiteral("GET"), QStringLiteral("/v1/vms/{name}"), &ConnectServer::getVm);
    bindRoute(QStringLiteral("DELETE"), QStringLiteral("/v1/vms/{name}"), &ConnectServer::deleteVm);
    for (const QString &operation :
         {QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("reboot")}) {
        m_api->route(QStringLiteral("POST"), QStringLiteral("/v1/vms/{name}/") + operation,
                     [this, operation](const net::ApiRequest &r, net::ApiReply reply) {
                         vmAction(r, reply, operation);
                     });
    }
    bindRoute(QStringLiteral("GET"), QStringLiteral("/v1/jobs/{id}"), &ConnectServer::getJob);
    bindRoute(QStringLiteral("DELETE"), QStringLiteral("/v1/jobs/{id}"), &ConnectServer::deleteJob);
    bindRoute(QStringLiteral("GET"), QStringLiteral("/v1/usage"), &ConnectServer::getUsage);

    connect(&m_agent, &ConnectAgent::inventoryChanged, this, &ConnectServer::onInventoryChanged);
    connect(&m_agent, &ConnectAgent::hostsChanged, this, &ConnectServer::reviewAtRisk);
    connect(m_timer, &QTimer::timeout, this, &ConnectServer::tick);
    m_timer->start(m_options.tickMs);
    refresh();
}

ConnectServer::~ConnectServer() = default;

Result<void> ConnectServer::setTrustAnchor(const QByteArray &rootDer)
{
    if (auto ok = m_verifier->setTrustAnchor(rootDer); !ok)
        return ok;
    // The CRL the records hold from an earlier run: enforcement goes on without the exchange.
    if (const auto crl = m_agent.store().crl())
        (void)m_verifier->setCrl(crl->der);
    return {};
}

void ConnectServer::refuseCertificate(const QString &serial)
{
    const QString upper = serial.toUpper();
    if (m_revokedSerials.contains(upper))
        return;
    m_revokedSerials.insert(upper);
    const int closed = m_api->closeConnections(upper);
    qCWarning(lcConnect, "contract certificate %s revoked by the exchange; refused from now on (%d connections closed)",
              qPrintable(upper), closed);
}

void ConnectServer::recordOperation(const QString &contract, const QString &vm, const QString &operation)
{
    const QString user = m_holder.isEmpty() ? QStringLiteral("?") : m_holder;
    qCInfo(lcConnect, "contract %s: %s of VM %s by %s (certificate %s)", qPrintable(contract),
           qPrintable(operation), qPrintable(vm), qPrintable(user), qPrintable(m_holderSerial));
    if (auto logged = const_cast<AgentStore &>(m_agent.store())
                          .logOperation({contract, vm, operation, m_holder, m_holderSerial, m_clock.nowMs()});
        !logged) {
        qCWarning(lcConnect, "cannot record the operation: %s", qPrintable(logged.error().message));
        return;
    }
    Q_EMIT operationRecorded();
}

namespace {
const QString kOperationsReport = QStringLiteral("vm-operations");
}

QList<std::pair<qint64, OperationRecord>> ConnectServer::operationsAfter(qint64 after, int limit) const
{
    return m_agent.store().operationsAfter(after, limit);
}

qint64 ConnectServer::operationsReportedThrough() const
{
    return m_agent.store().reportedThrough(kOperationsReport);
}

Result<void> ConnectServer::setOperationsReportedThrough(qint64 last)
{
    return const_cast<AgentStore &>(m_agent.store()).setReportedThrough(kOperationsReport, last);
}

Result<void> ConnectServer::applyCrl(const QByteArray &crlDer)
{
    if (auto ok = m_verifier->setCrl(crlDer); !ok)
        return ok;
    const CrlRecord record{crlDer, m_verifier->crlThisUpdateMs(), m_verifier->crlNextUpdateMs(),
                           m_clock.nowMs()};
    return const_cast<AgentStore &>(m_agent.store()).saveCrl(record);
}

quint16 ConnectServer::port() const
{
    return m_api->port();
}

Result<quint16> ConnectServer::listen(const net::ApiServer::Config &config)
{
    net::ApiServer::Config c = config;
    // Contracts start scheduled and the handshake compares validity with the system clock:
    // TLS checks the chain only, the verifier decides the window on the agent's clock.
    c.ignoreValidityPeriod = true;
    return m_api->listen(c);
}

const HeldContractRecord *ConnectServer::held(const QString &id) const
{
    const auto it = m_contracts.constFind(id);
    return it == m_contracts.cend() ? nullptr : &*it;
}

qint64 ConnectServer::effectiveEndMs(const HeldContractRecord &contract) const
{
    if (contract.terminated)
        return std::min(contract.endMs, contract.terminatedMs > 0 ? contract.terminatedMs : m_clock.nowMs());
    return contract.endMs;
}

QString ConnectServer::contractState(const HeldContractRecord &contract) const
{
    const qint64 now = m_clock.nowMs();
    if (contract.terminated)
        return QStringLiteral("terminated");
    if (now < contract.startMs)
        return QStringLiteral("scheduled");
    if (now < contract.endMs)
        return QStringLiteral("active");
    return QStringLiteral("expired");
}

// --- contracts and reservations ------------------------------------------------------------

Result<void> ConnectServer::applyContract(HeldContractRecord contract)
{
    if (contract.id.isEmpty() || contract.buyer.isEmpty())
        return Error{QStringLiteral("contract.invalid"), Tr::tr("A contract needs an id and a buyer.")};
    if (!catalogue::Catalogue::standard().parseProduct(contract.product))
        return Error{QStringLiteral("contract.unknown-product"),
                     Tr::tr("Contract %1 names the unknown product %2.").arg(contract.id, contract.product)};
    const HeldContractRecord *previous = held(contract.id);
    if (previous) {
        // What the site did stays the site's: reservation and enforcement stage.
        contract.atRisk = previous->atRisk;
        contract.reservationGroup = previous->reservationGroup;
        contract.reservationHosts = previous->reservationHosts;
        contract.stage = previous->stage;
        contract.stageMs = previous->stageMs;
        if (previous->terminated && !contract.terminated) {
            contract.terminated = true; // a termination is final
            contract.terminatedMs = previous->terminatedMs;
        }
        if (contract.terminated && contract.terminatedMs == 0)
            contract.terminatedMs = previous->terminatedMs > 0 ? previous->terminatedMs : m_clock.nowMs();
        else if (contract.terminated && !previous->terminated)
            contract.terminatedMs = std::min(contract.terminatedMs, m_clock.nowMs());
    } else {
        // A termination takes effect at the site when it learns of it, even when the
        // exchange's clock is ahead of the site's: the shutdown starts at once.
        if (contract.terminated)
            contract.terminatedMs = contract.terminatedMs == 0
                                        ? m_clock.nowMs()
                                        : std::min(contract.terminatedMs, m_clock.nowMs());
        // The buyer becomes a tenant of the site.
        if (auto ok = m_agent.saveTenant(Tenant{contract.buyer, contract.buyer}); !ok)
            return ok;
        evaluateReservation(contract);
    }
    if (auto saved = const_cast<AgentStore &>(m_agent.store()).saveContract(contract); !saved)
        return saved;
    if (!previous || previous->terminated != contract.terminated) {
        qCInfo(lcConnect, "contract %s of %s held: %s %lld x %s, window %lld..%lld%s",
               qPrintable(contract.id), qPrintable(contract.buyer), qPrintable(contract.product),
               contract.quantity, qPrintable(contract.instrument), contract.startMs / kMsPerSecond,
               contract.endMs / kMsPerSecond, contract.terminated ? " (terminated)" : "");
    }
    m_contracts.insert(contract.id, contract);
    Q_EMIT contractChanged(contract.id);
    if (contract.terminated)
        tick();
    return {};
}

void ConnectServer::evaluateReservation(HeldContractRecord &contract)
{
    const ContractSize size = sizeOf(contract);
    QList<HostGroup> groups = m_agent.store().hostGroups();
    QString group;
    QString why;
    if (size.tenancy == Tenancy::GroupShared) {
        for (const HostGroup &g : std::as_const(groups)) {
            if (g.tenancy == Tenancy::GroupShared && g.tenants.contains(contract.buyer))
                group = g.name;
        }
        if (group.isEmpty() && !m_options.defaultGroup.isEmpty()) {
            for (HostGroup &g : groups) {
                if (g.name == m_options.defaultGroup && g.tenancy == Tenancy::GroupShared) {
                    g.tenants.append(contract.buyer);
                    if (m_agent.saveHostGroup(g))
                        group = g.name;
                }
            }
        }
        if (group.isEmpty())
            why = Tr::tr("no group-shared host group serves %1 and there is no default group")
                      .arg(contract.buyer);
    } else if (size.tenancy == Tenancy::Exclusive) {
        // The hosts this contract claimed already, else a group the seller dedicated to the
        // buyer, else whole hosts of the shared pool claimed now.
        const QString claim = claimGroupName(contract.id);
        for (const HostGroup &g : std::as_const(groups)) {
            if (g.name == claim)
                group = g.name;
        }
        for (const HostGroup &g : std::as_const(groups)) {
            if (group.isEmpty() && g.tenancy == Tenancy::Exclusive &&
                g.tenants == QStringList{contract.buyer} && !g.name.startsWith(QLatin1String(kClaimPrefix)))
                group = g.name;
        }
        if (group.isEmpty()) {
            auto claimed = claimHosts(contract, qint64(size.instanceClass.vcpus) * contract.quantity,
                                      qint64(size.instanceClass.memoryMiB) * contract.quantity);
            if (claimed) {
                group = claimed->name;
                groups.append(*claimed);
            } else {
                why = claimed.error().message;
            }
        }
    }
    // The hosts of the pool, and what other live contracts of the same pool reserve in
    // overlapping windows.
    const auto poolOf = [&](const QString &host) -> QString {
        for (const HostGroup &g : std::as_const(groups)) {
            if (g.hosts.contains(host))
                return g.tenancy == Tenancy::Shared ? QString() : g.name;
        }
        return {};
    };
    qint64 cpus = 0;
    qint64 memory = 0;
    int hosts = 0;
    for (const HostInfo &host : m_agent.inventory().hosts) {
        if (poolOf(host.id) != group)
            continue;
        ++hosts;
        cpus += host.cpus;
        memory += host.memoryMiB;
    }
    for (const HeldContractRecord &other : std::as_const(m_contracts)) {
        if (other.id == contract.id || other.terminated || other.reservationGroup != group || other.atRisk ||
            other.endMs <= contract.startMs || other.startMs >= contract.endMs)
            continue;
        const ContractSize otherSize = sizeOf(other);
        if (otherSize.tenancy != size.tenancy)
            continue;
        cpus -= qint64(otherSize.instanceClass.vcpus) * other.quantity;
        memory -= qint64(otherSize.instanceClass.memoryMiB) * other.quantity;
    }
    const qint64 needCpus = qint64(size.instanceClass.vcpus) * contract.quantity;
    const qint64 needMemory = qint64(size.instanceClass.memoryMiB) * contract.quantity;
    if (why.isEmpty() && (needCpus > cpus || needMemory > memory)) {
        why = Tr::tr("it needs %1 vCPU and %2 MiB, the %3 pool has %4 vCPU and %5 MiB free for its window")
                  .arg(needCpus)
                  .arg(needMemory)
                  .arg(group.isEmpty() ? QStringLiteral("shared") : group)
                  .arg(cpus)
                  .arg(memory);
    }
    contract.reservationGroup = group;
    contract.reservationHosts = hosts;
    const bool wasAtRisk = contract.atRisk;
    contract.atRisk = !why.isEmpty();
    if (contract.atRisk && !wasAtRisk)
        qCWarning(lcConnect, "contract %s at risk: %s", qPrintable(contract.id), qPrintable(why));
    else if (!contract.atRisk && wasAtRisk)
        qCInfo(lcConnect, "contract %s no longer at risk", qPrintable(contract.id));
}

QString ConnectServer::claimGroupName(const QString &contractId)
{
    return QLatin1String(kClaimPrefix) + contractId;
}

Result<HostGroup> ConnectServer::claimHosts(const HeldContractRecord &contract, qint64 vcpus,
                                            qint64 memoryMiB)
{
    // Whole hosts of the shared pool that nothing runs on: no host group, no VM recorded or seen.
    QSet<QString> taken;
    for (const HostGroup &g : m_agent.store().hostGroups()) {
        for (const QString &host : g.hosts)
            taken.insert(host);
    }
    for (const VmRecord &vm : m_agent.store().vms())
        taken.insert(vm.host);
    for (const VmInfo &vm : m_agent.inventory().vms)
        taken.insert(vm.host);
    QList<HostInfo> free;
    for (const HostInfo &host : m_agent.inventory().hosts) {
        if (host.online && !taken.contains(host.id))
            free.append(host);
    }
    // The fewest hosts: the largest first.
    std::sort(free.begin(), free.end(), [](const HostInfo &a, const HostInfo &b) {
        return a.memoryMiB != b.memoryMiB ? a.memoryMiB > b.memoryMiB
               : a.cpus != b.cpus         ? a.cpus > b.cpus
                                          : a.id < b.id;
    });
    HostGroup claim{claimGroupName(contract.id), Tenancy::Exclusive, {}, {contract.buyer}};
    qint64 cpus = 0;
    qint64 memory = 0;
    for (const HostInfo &host : std::as_const(free)) {
        if (cpus >= vcpus && memory >= memoryMiB)
            break;
        claim.hosts.append(host.id);
        cpus += host.cpus;
        memory += host.memoryMiB;
    }
    if (cpus < vcpus || memory < memoryMiB) {
        return Error{QStringLiteral("contract.no-hosts"),
                     Tr::tr("no exclusive host group is dedicated to %1 and the shared pool has no whole "
                            "hosts free for %2 vCPU and %3 MiB (%4 free hosts with %5 vCPU and %6 MiB)")
                         .arg(contract.buyer)
                         .arg(vcpus)
                         .arg(memoryMiB)
                         .arg(free.size())
                         .arg(cpus)
                         .arg(memory)};
    }
    if (auto saved = m_agent.saveHostGroup(claim); !saved)
        return saved.error();
    qCInfo(lcConnect, "contract %s of %s claims the whole hosts %s (exclusive)", qPrintable(contract.id),
           qPrintable(contract.buyer), qPrintable(claim.hosts.join(QStringLiteral(", "))));
    return claim;
}

void ConnectServer::releaseClaim(const HeldContractRecord &contract)
{
    const QString claim = claimGroupName(contract.id);
    if (contract.reservationGroup != claim || m_released.contains(contract.id))
        return;
    // Refused while the buyer's VMs still rely on the hosts (their disks are deleted after the
    // retention); tried again on the next tick.
    if (auto removed = m_agent.removeHostGroup(claim); removed) {
        m_released.insert(contract.id);
        qCInfo(lcConnect, "contract %s: its whole hosts return to the shared pool", qPrintable(contract.id));
    }
}

// --- admission ------------------------------------------------------------------------------

Result<net::PeerIdentity> ConnectServer::authenticate(const QSslCertificate &certificate)
{
    m_admission = std::make_unique<Admission>();
    if (certificate.isNull())
        return Error{QStringLiteral("connect.not-a-contract-certificate"), Tr::tr("No client certificate.")};
    net::PeerIdentity identity;
    identity.participant = certificate.subjectInfo(QSslCertificate::Organization).value(0);
    identity.name = certificate.subjectInfo(QSslCertificate::CommonName).value(0);
    identity.serial = QString::fromLatin1(certificate.serialNumber()).remove(u':').toUpper();
    identity.role = QStringLiteral("contract");
    // Revoked through the exchange's event (a user revoked or stripped of deploy): refused
    // at once, before the next CRL arrives.
    if (m_revokedSerials.contains(identity.serial))
        return Error{QStringLiteral("connect.revoked"), Tr::tr("This certificate has been revoked.")};
    m_admission->serial = identity.serial;

    const qint64 now = m_clock.nowMs();
    const qint64 nextUpdate = m_verifier->crlNextUpdateMs();
    const qint64 tolerance = m_options.crlToleranceSeconds * kMsPerSecond;
    if (nextUpdate == 0 || now > nextUpdate + tolerance) {
        if (now - m_lastStaleLogMs > 60'000) {
            m_lastStaleLogMs = now;
            qCWarning(lcConnect, "refusing admission: the CRL is %s",
                      nextUpdate == 0 ? "missing" : "stale beyond tolerance");
        }
        m_admission->refusal = problem(503, QStringLiteral("connect.crl-stale"),
                                       Tr::tr("The site's revocation list is out of date; try again later."));
        return identity;
    }
    qint64 at = std::max(now, m_verifier->crlThisUpdateMs());
    if (now > nextUpdate) {
        // Within the tolerance the last CRL still stands: verify as of its last moment.
        at = nextUpdate - kMsPerSecond;
        if (now - m_lastStaleLogMs > 60'000) {
            m_lastStaleLogMs = now;
            qCWarning(lcConnect, "the CRL is stale since %lld s; accepted within the tolerance",
                      (now - nextUpdate) / kMsPerSecond);
        }
    }
    m_verifyClock->setNowMs(at);
    pki::Expectation expected;
    expected.kind = pki::CertificateKind::Contract;
    expected.seller = m_options.seller;
    expected.contracts = m_directory.get();
    const auto verified = m_verifier->verify(certificate, expected);
    const auto forbid = [&](const QString &code, const QString &detail) {
        m_admission->refusal = problem(403, code, detail);
        return identity;
    };
    if (verified) {
        m_admission->contract = verified->contract.id;
        m_admission->holder = verified->holder;
        identity.participant = verified->participant;
        return identity;
    }
    const QString code = verified.error().code;
    if (code == u"pki.verify.revoked")
        return Error{QStringLiteral("connect.revoked"), Tr::tr("This certificate has been revoked.")};
    if (code == u"pki.verify.crl-stale") {
        m_admission->refusal = problem(503, QStringLiteral("connect.crl-stale"),
                                       Tr::tr("The site's revocation list is out of date; try again later."));
        return identity;
    }
    if (code == u"pki.verify.unknown-contract" || code == u"pki.verify.wrong-contract" ||
        code == u"pki.verify.contract-mismatch")
        return forbid(QStringLiteral("connect.unknown-contract"),
                      Tr::tr("This site holds no such contract (%1).").arg(verified.error().message));
    if (code == u"pki.verify.terminated")
        return forbid(QStringLiteral("connect.terminated"), Tr::tr("The contract was terminated."));
    if (code == u"pki.verify.not-yet-valid" || code == u"pki.verify.expired") {
        // Outside its window: the chain, the key usage and the CRL have been checked (OpenSSL
        // checks revocation before validity times); the contract is checked here as the
        // verifier would, and the routes decide what is open outside the window.
        bool isContract = false;
        for (const QSslCertificateExtension &extension : certificate.extensions())
            isContract = isContract || extension.oid().toLatin1() == kContractOid;
        if (!isContract)
            return Error{QStringLiteral("connect.not-a-contract-certificate"),
                         Tr::tr("This is not a contract certificate.")};
        const HeldContractRecord *contract = held(identity.name);
        if (!contract || contract->seller != m_options.seller || contract->buyer != identity.participant ||
            certificate.effectiveDate().toMSecsSinceEpoch() / kMsPerSecond !=
                contract->startMs / kMsPerSecond ||
            certificate.expiryDate().toMSecsSinceEpoch() / kMsPerSecond != contract->endMs / kMsPerSecond)
            return forbid(QStringLiteral("connect.unknown-contract"),
                          Tr::tr("This site holds no such contract."));
        if (contract->terminated)
            return forbid(QStringLiteral("connect.terminated"), Tr::tr("The contract was terminated."));
        m_admission->contract = contract->id;
        // The user the CA named (subject OU, the same as the contract extension's holder), so
        // that a VM defined before the window is recorded with its user too.
        m_admission->holder = certificate.subjectInfo(QSslCertificate::OrganizationalUnitName).value(0);
        return identity;
    }
    return Error{
        QStringLiteral("connect.not-a-contract-certificate"),
        Tr::tr("This is not a contract certificate of the exchange (%1).").arg(verified.error().message)};
}

ConnectServer::AdmissionResult ConnectServer::admit(const QSslCertificate &certificate)
{
    AdmissionResult result;
    const auto identity = authenticate(certificate);
    if (!identity)
        result.refusal = identity.error().code;
    else if (m_admission && m_admission->refusal)
        result.refusal = m_admission->refusal->code;
    else if (m_admission)
        result.contract = m_admission->contract;
    m_admission.reset();
    return result;
}

const HeldContractRecord *ConnectServer::admitted(const net::ApiRequest &, net::ApiReply &reply,
                                                  bool changing, bool early)
{
    if (!m_admission) {
        reply.sendProblem(problem(401, QStringLiteral("connect.not-a-contract-certificate"), QString()));
        return nullptr;
    }
    const Admission admission = *m_admission;
    m_admission.reset();
    m_holder = admission.holder;
    m_holderSerial = admission.serial;
    if (admission.refusal) {
        reply.sendProblem(*admission.refusal);
        return nullptr;
    }
    const HeldContractRecord *contract = held(admission.contract);
    if (!contract) {
        reply.sendProblem(problem(403, QStringLiteral("connect.unknown-contract"),
                                  Tr::tr("This site holds no such contract.")));
        return nullptr;
    }
    const qint64 now = m_clock.nowMs();
    const qint64 end = effectiveEndMs(*contract);
    const bool inWindow =
        now >= contract->startMs && now < end && contract->stage == HeldContractRecord::Live;
    const bool before = now < contract->startMs && contract->stage == HeldContractRecord::Live;
    if (changing && !inWindow && !(early && before)) {
        reply.sendProblem(problem(403, QStringLiteral("connect.outside-window"),
                                  now < contract->startMs
                                      ? Tr::tr("The contract's window has not opened yet.")
                                      : Tr::tr("The contract's window has closed.")));
        return nullptr;
    }
    if (!changing && now >= end + (m_options.graceSeconds + m_options.retentionSeconds) * kMsPerSecond) {
        reply.sendProblem(problem(403, QStringLiteral("connect.outside-window"),
                                  Tr::tr("The contract ended and its retention is over.")));
        return nullptr;
    }
    return contract;
}

// --- routes ----------------------------------------------------------------------------------

QJsonObject ConnectServer::heldContractJson(const HeldContractRecord &contract) const
{
    const ContractSize size = sizeOf(contract);
    int defined = 0;
    int running = 0;
    for (const VmView &view : m_views.value(contract.id)) {
        if (view.state == u"deleted")
            continue;
        ++defined;
        if (view.state == u"running")
            ++running;
    }
    QJsonObject reservation{{QStringLiteral("tenancy"), tenancyWord(size.tenancy)},
                            {QStringLiteral("hosts"), contract.reservationHosts}};
    if (!contract.reservationGroup.isEmpty())
        reservation.insert(QStringLiteral("group"), contract.reservationGroup);
    return {{QStringLiteral("id"), contract.id},
            {QStringLiteral("product"), contract.product},
            {QStringLiteral("instanceClass"),
             QJsonObject{{QStringLiteral("code"), size.instanceClass.code},
                         {QStringLiteral("vcpus"), size.instanceClass.vcpus},
                         {QStringLiteral("memoryMiB"), size.instanceClass.memoryMiB},
                         {QStringLiteral("diskGiB"), size.instanceClass.diskGiB}}},
            {QStringLiteral("tenancy"), tenancyWord(size.tenancy)},
            {QStringLiteral("quantity"), contract.quantity},
            {QStringLiteral("deliveryStart"), contract.startMs / kMsPerSecond},
            {QStringLiteral("deliveryEnd"), contract.endMs / kMsPerSecond},
            {QStringLiteral("state"), contractState(contract)},
            {QStringLiteral("graceSeconds"), m_options.graceSeconds},
            {QStringLiteral("retentionSeconds"), m_options.retentionSeconds},
            {QStringLiteral("vmsDefined"), defined},
            {QStringLiteral("vmsRunning"), running},
            {QStringLiteral("atRisk"), contract.atRisk},
            {QStringLiteral("reservation"), reservation}};
}

void ConnectServer::getContract(const net::ApiRequest &request, net::ApiReply reply)
{
    if (const HeldContractRecord *contract = admitted(request, reply, false))
        reply.send(200, heldContractJson(*contract));
}

void ConnectServer::getTemplates(const net::ApiRequest &request, net::ApiReply reply)
{
    if (!admitted(request, reply, false))
        return;
    QMap<QString, qint64> sizes;
    for (const TemplateInfo &t : m_agent.inventory().templates)
        sizes[t.name] = std::max(sizes.value(t.name), t.capacityBytes);
    QJsonArray templates;
    for (auto it = sizes.cbegin(); it != sizes.cend(); ++it) {
        templates.append(QJsonObject{{QStringLiteral("name"), it.key()},
                                     {QStringLiteral("sizeGiB"), (it.value() + kGiB - 1) / kGiB},
                                     {QStringLiteral("format"), it.key().endsWith(QLatin1String(".qcow2"))
                                                                    ? QStringLiteral("qcow2")
                                                                    : QStringLiteral("raw")}});
    }
    reply.send(200, QJsonObject{{QStringLiteral("templates"), templates}});
}

QJsonObject ConnectServer::vmJson(const VmView &view) const
{
    const HeldContractRecord *contract = held(view.contract);
    const ContractSize size = contract ? sizeOf(*contract) : ContractSize{};
    QJsonObject o{{QStringLiteral("name"), view.name},
                  {QStringLiteral("template"), view.templateName},
                  {QStringLiteral("state"), view.state},
                  {QStringLiteral("vcpus"), size.instanceClass.vcpus},
                  {QStringLiteral("memoryMiB"), size.instanceClass.memoryMiB},
                  {QStringLiteral("diskGiB"), size.instanceClass.diskGiB},
                  {QStringLiteral("seq"), view.seq}};
    if (view.state == u"running" && view.runningSinceMs > 0)
        o.insert(QStringLiteral("runningSince"), view.runningSinceMs / kMsPerSecond);
    if (view.state == u"scheduled" && contract)
        o.insert(QStringLiteral("startsAt"), contract->startMs / kMsPerSecond);
    return o;
}

void ConnectServer::getVms(const net::ApiRequest &request, net::ApiReply reply)
{
    const HeldContractRecord *contract = admitted(request, reply, false);
    if (!contract)
        return;
    std::optional<qint64> since;
    qint64 wait = 0;
    bool ok = true;
    if (request.query.hasQueryItem(QStringLiteral("since"))) {
        since = request.query.queryItemValue(QStringLiteral("since")).toLongLong(&ok);
        if (!ok || *since < 0) {
            return reply.sendProblem(ApiProblem::fromError(
                400, Error{QStringLiteral("request.bad-query"), Tr::tr("since must be a sequence number."),
                           QStringLiteral("since")}));
        }
    }
    if (request.query.hasQueryItem(QStringLiteral("wait"))) {
        wait = request.query.queryItemValue(QStringLiteral("wait")).toLongLong(&ok);
        if (!ok || wait < 0 || wait > m_options.maxWaitSeconds) {
            return reply.sendProblem(ApiProblem::fromError(
                400, Error{QStringLiteral("request.bad-query"),
                           Tr::tr("wait must be 0 to %1 seconds.").arg(m_options.maxWaitSeconds),
                           QStringLiteral("wait")}));
        }
    }
    const QString id = contract->id;
    const auto answer = [this, id](net::ApiReply &r, std::optional<qint64> after) {
        // The contract's views, by name.
        QJsonArray vms;
        for (const VmView &view : m_views.value(id)) {
            if (after ? view.seq > *after : view.state != u"deleted")
                vms.append(vmJson(view));
        }
        r.send(200, QJsonObject{{QStringLiteral("seq"), m_seq}, {QStringLiteral("vms"), vms}});
        return !vms.isEmpty();
    };
    if (!since || wait == 0) {
        answer(reply, since);
        return;
    }
    bool changed = false;
    for (const VmView &view : m_views.value(id))
        changed = changed || view.seq > *since;
    if (changed) {
        answer(reply, since);
        return;
    }
    auto waiter = std::make_shared<Waiter>(Waiter{id, *since, reply, new QTimer(this)});
    waiter->timer->setSingleShot(true);
    connect(waiter->timer, &QTimer::timeout, this, [this, waiter, answer] {
        m_waiters.removeAll(waiter);
        waiter->timer->deleteLater();
        answer(waiter->reply, waiter->since);
    });
    waiter->timer->start(int(wait * kMsPerSecond));
    m_waiters.append(waiter);
}

void ConnectServer::answerWaiters(const QSet<QString> &contracts)
{
    const QList<std::shared_ptr<Waiter>> waiters = m_waiters;
    for (const auto &waiter : waiters) {
        if (!contracts.contains(waiter->contract) && waiter->reply.isConnected())
            continue;
        const QMap<QString, VmView> views = m_views.value(waiter->contract);
        bool changed = false;
        for (const VmView &view : views)
            changed = changed || view.seq > waiter->since;
        if (!changed && waiter->reply.isConnected())
            continue;
        m_waiters.removeAll(waiter);
        waiter->timer->stop();
        waiter->timer->deleteLater();
        if (!changed)
            continue; // the client left
        QJsonArray vms;
        for (const VmView &view : views) {
            if (view.seq > waiter->since)
                vms.append(vmJson(view));
        }
        waiter->reply.send(200, QJsonObject{{QStringLiteral("seq"), m_seq}, {QStringLiteral("vms"), vms}});
    }
}

const ConnectServer::VmView *ConnectServer::findView(const QString &contract, const QString &name) const
{
    const auto views = m_views.constFind(contract);
    if (views == m_views.cend())
        return nullptr;
    const auto view = views->constFind(name);
    return view == views->cend() ? nullptr : &*view;
}

void ConnectServer::rememberRecord(const ContractVmRecord &record)
{
    const QString k = key(record.contract, record.name);
    m_records.insert(k, record);
    m_contractVms[record.contract].insert(record.name);
    m_keyOfDomain.insert(record.domain, k);
}

void ConnectServer::forgetRecord(const QString &contract, const QString &name)
{
    const QString k = key(contract, name);
    const auto it = m_records.constFind(k);
    if (it == m_records.cend())
        return;
    m_keyOfDomain.remove(it->domain);
    m_records.erase(it);
    m_scheduled.remove(k);
    if (const auto names = m_contractVms.find(contract); names != m_contractVms.end()) {
        names->remove(name);
        if (names->isEmpty())
            m_contractVms.erase(names);
    }
}

QList<ContractVmRecord> ConnectServer::recordsOf(const QString &contract) const
{
    QList<ContractVmRecord> records;
    for (const QString &name : m_contractVms.value(contract))
        records.append(m_records.value(key(contract, name)));
    std::sort(records.begin(), records.end(),
              [](const ContractVmRecord &a, const ContractVmRecord &b) { return a.name < b.name; });
    return records;
}

void ConnectServer::getVm(const net::ApiRequest &request, net::ApiReply reply)
{
    const HeldContractRecord *contract = admitted(request, reply, false);
    if (!contract)
        return;
    const VmView *view = findView(contract->id, request.params.value(QStringLiteral("name")));
    if (!view || view->state == u"deleted")
        return reply.sendProblem(ApiProblem::fromError(
            404, Error{QStringLiteral("vm.not-found"), Tr::tr("There is no such VM.")}));
    reply.send(200, vmJson(*view));
}

void ConnectServer::postVm(const net::ApiRequest &request, net::ApiReply reply)
{
    const HeldContractRecord *contract = admitted(request, reply, true, true);
    if (!contract)
        return;
    auto body = api::parseRequest<CreateVmRequest>(request.body);
    if (!body)
        return reply.sendProblem(ApiProblem::fromError(400, body.error()));
    static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,31}$"));
    if (!namePattern.match(body->name).hasMatch()) {
        return reply.sendProblem(
            ApiProblem::fromError(400, Error{QStringLiteral("vm.bad-name"),
                                             Tr::tr("A VM name is 1 to 32 lower-case letters, digits and "
                                                    "'-', starting with a letter or digit."),
                                             QStringLiteral("name")}));
    }
    const QSet<QString> vms = m_contractVms.value(contract->id);
    if (vms.contains(body->name))
        return reply.sendProblem(
            problem(409, QStringLiteral("vm.exists"), Tr::tr("There is a VM %1 already.").arg(body->name)));
    if (vms.size() >= contract->quantity) {
        return reply.sendProblem(problem(
            409, QStringLiteral("contract.volume-exhausted"),
            Tr::tr("The contract's volume of %1 VMs is in use; delete one first.").arg(contract->quantity)));
    }
    if (!body->templateName.isEmpty()) {
        const auto &templates = m_agent.inventory().templates;
        if (std::none_of(templates.cbegin(), templates.cend(),
                         [&](const TemplateInfo &t) { return t.name == body->templateName; })) {
            return reply.sendProblem(ApiProblem::fromError(
                422, Error{QStringLiteral("vm.unknown-template"),
                           Tr::tr("The site offers no template %1.").arg(body->templateName),
                           QStringLiteral("template")}));
        }
    }
    const QString domain = domainName(contract->id, body->name);
    const ContractVmRecord record{contract->id, body->name, domain, body->templateName, m_clock.nowMs()};
    if (auto saved = const_cast<AgentStore &>(m_agent.store()).saveContractVm(record); !saved)
        return reply.sendProblem(ApiProblem::fromError(500, saved.error()));
    rememberRecord(record);
    recordOperation(contract->id, body->name, QStringLiteral("create"));
    if (m_clock.nowMs() < contract->startMs) {
        // Defined now, created and started when the window opens (createScheduled()).
        qCInfo(lcConnect, "contract %s: VM %s scheduled for the window's start %lld",
               qPrintable(contract->id), qPrintable(body->name), contract->startMs / kMsPerSecond);
        m_scheduled.insert(key(contract->id, body->name));
        ApiJob &job = doneJob(*contract, QStringLiteral("create"), body->name);
        refreshVms({{contract->id, body->name}});
        return sendJob(reply, 202, job);
    }
    ApiJob &job = startJob(*contract, QStringLiteral("create"), body->name, provisionVm(*contract, record));
    sendJob(reply, 202, job);
}

ConnectJob *ConnectServer::provisionVm(const HeldContractRecord &contract, const ContractVmRecord &record)
{
    const ContractSize size = sizeOf(contract);
    ProvisionRequest provision;
    provision.name = record.domain;
    provision.tenant = contract.buyer;
    provision.tenancy = size.tenancy;
    provision.templateName = record.templateName;
    provision.vcpus = size.instanceClass.vcpus;
    provision.memoryMiB = size.instanceClass.memoryMiB;
    provision.restartOnPowerOff = m_options.restartOnPowerOff;
    qCInfo(lcConnect, "contract %s: creating VM %s (%s)", qPrintable(contract.id), qPrintable(record.name),
           qPrintable(record.domain));
    return m_agent.provision(provision);
}

bool ConnectServer::isScheduled(const ContractVmRecord &record) const
{
    const QString k = key(record.contract, record.name);
    return m_scheduled.contains(k) && !m_vmJob.contains(k);
}

void ConnectServer::createScheduled(qint64 now)
{
    const QSet<QString> scheduled = m_scheduled;
    for (const QString &k : scheduled) {
        const auto record = m_records.constFind(k);
        if (record == m_records.cend()) {
            m_scheduled.remove(k);
            continue;
        }
        const HeldContractRecord *contract = held(record->contract);
        if (!contract || contract->stage != HeldContractRecord::Live || now < contract->startMs ||
            now >= effectiveEndMs(*contract) || !isScheduled(*record) || m_agent.isBusy(record->domain))
            continue;
        qCInfo(lcConnect, "contract %s: the window opened; creating the scheduled VM %s",
               qPrintable(contract->id), qPrintable(record->name));
        const ContractVmRecord created = *record;
        m_scheduled.remove(k);
        startJob(*contract, QStringLiteral("create"), created.name, provisionVm(*contract, created));
    }
}

ConnectServer::ApiJob &ConnectServer::doneJob(const HeldContractRecord &contract, const QString &operation,
                                              const QString &vm)
{
    auto job = std::make_shared<ApiJob>();
    job->id = QStringLiteral("j-%1").arg(++m_nextJob, 6, 10, QLatin1Char('0'));
    job->contract = contract.id;
    job->operation = operation;
    job->vm = vm;
    job->state = QStringLiteral("done");
    job->progress = 100;
    job->endedMs = m_clock.nowMs();
    m_jobs.insert(job->id, job);
    return *job;
}

void ConnectServer::vmAction(const net::ApiRequest &request, net::ApiReply reply, const QString &operation)
{
    const HeldContractRecord *contract = admitted(request, reply, true);
    if (!contract)
        return;
    const QString name = request.params.value(QStringLiteral("name"));
    const VmView *view = findView(contract->id, name);
    if (!view || view->state == u"deleted")
        return reply.sendProblem(ApiProblem::fromError(
            404, Error{QStringLiteral("vm.not-found"), Tr::tr("There is no such VM.")}));
    if (m_vmJob.contains(key(contract->id, name)))
        return reply.sendProblem(
            problem(409, QStringLiteral("vm.busy"), Tr::tr("%1 is busy with another job.").arg(name)));
    const QString domain = domainName(contract->id, name);
    AgentStore &store = const_cast<AgentStore &>(m_agent.store());
    const qint64 now = m_clock.nowMs();
    ConnectJob *work = nullptr;
    if (operation == u"start") {
        work = m_agent.startVm(domain);
    } else if (operation == u"stop") {
        // The buyer no longer wants it running: expected time ends with the request.
        (void)store.closeInterval(contract->id, name, kExpected, now);
        work = m_agent.shutdownVm(domain);
    } else {
        work = m_agent.rebootVm(domain);
    }
    recordOperation(contract->id, name, operation);
    ApiJob &job = startJob(*contract, operation, name, work);
    if (operation == u"stop")
        job.powerOffAtMs = now + m_options.stopTimeoutSeconds * kMsPerSecond;
    sendJob(reply, 202, job);
}

void ConnectServer::deleteVm(const net::ApiRequest &request, net::ApiReply reply)
{
    const HeldContractRecord *contract = admitted(request, reply, true, true);
    if (!contract)
        return;
    const QString name = request.params.value(QStringLiteral("name"));
    const VmView *view = findView(contract->id, name);
    if (!view || view->state == u"deleted")
        return reply.sendProblem(ApiProblem::fromError(
            404, Error{QStringLiteral("vm.not-found"), Tr::tr("There is no such VM.")}));
    if (m_vmJob.contains(key(contract->id, name)))
        return reply.sendProblem(
            problem(409, QStringLiteral("vm.busy"), Tr::tr("%1 is busy with another job.").arg(name)));
    if (m_clock.nowMs() < contract->startMs) {
        // Only a scheduled VM exists before the window: its definition goes.
        (void)const_cast<AgentStore &>(m_agent.store()).removeContractVm(contract->id, name);
        forgetRecord(contract->id, name);
        ApiJob &job = doneJob(*contract, QStringLiteral("delete"), name);
        refreshVms({{contract->id, name}});
        return sendJob(reply, 202, job);
    }
    (void)const_cast<AgentStore &>(m_agent.store())
        .closeInterval(contract->id, name, kExpected, m_clock.nowMs());
    recordOperation(contract->id, name, QStringLiteral("delete"));
    ApiJob &job =
        startJob(*contract, QStringLiteral("delete"), name, m_agent.removeVm(domainName(contract->id, name)));
    sendJob(reply, 202, job);
}

ConnectServer::ApiJob &ConnectServer::startJob(const HeldContractRecord &contract, const QString &operation,
                                               const QString &vm, ConnectJob *work)
{
    auto job = std::make_shared<ApiJob>();
    job->id = QStringLiteral("j-%1").arg(++m_nextJob, 6, 10, QLatin1Char('0'));
    job->contract = contract.id;
    job->operation = operation;
    job->vm = vm;
    job->job = work;
    m_jobs.insert(job->id, job);
    m_vmJob.insert(key(contract.id, vm), job->id);
    const QString id = job->id;
    connect(work, &Job::progress, this, [this, id](int percent, const QString &) {
        if (const auto it = m_jobs.constFind(id); it != m_jobs.cend())
            (*it)->progress = percent;
    });
    connect(work, &Job::finished, this, [this, id] { jobFinished(id); });
    refreshVms({{contract.id, vm}});
    return *job;
}

void ConnectServer::jobFinished(const QString &id)
{
    const auto found = m_jobs.value(id);
    if (!found || !found->job)
        return;
    ApiJob &job = *found;
    const Result<void> result = job.job->result();
    job.job->deleteLater();
    job.job = nullptr;
    AgentStore &store = const_cast<AgentStore &>(m_agent.store());
    const qint64 now = m_clock.nowMs();
    if (job.operation == u"stop" && result) {
        // The guest was asked; the job ends when it is off (or is powered off at the deadline).
        const VmInfo *vm = m_agent.findVm(domainName(job.contract, job.vm));
        if (vm && vm->state == VmState::Running) {
            job.progress = 50;
            refreshVms({{job.contract, job.vm}});
            return;
        }
    }
    if (result) {
        job.state = QStringLiteral("done");
        job.progress = 100;
        if (job.operation == u"create" || job.operation == u"start")
            (void)store.openInterval(job.contract, job.vm, kExpected, now);
        if (job.operation == u"delete") {
            (void)store.removeContractVm(job.contract, job.vm);
            forgetRecord(job.contract, job.vm);
            (void)store.closeInterval(job.contract, job.vm, kAvailable, now);
        }
    } else {
        const bool cancelled = result.error().code == u"job.cancelled";
        job.state = cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
        if (!cancelled)
            job.error = result.error();
        if (job.operation == u"create") {
            (void)store.removeContractVm(job.contract, job.vm);
            forgetRecord(job.contract, job.vm);
        }
        qCWarning(lcConnect, "contract %s: %s of %s %s: %s", qPrintable(job.contract),
                  qPrintable(job.operation), qPrintable(job.vm), qPrintable(job.state),
                  qPrintable(result.error().message));
    }
    job.endedMs = now;
    m_vmJob.remove(key(job.contract, job.vm));
    refreshVms({{job.contract, job.vm}});
}

QJsonObject ConnectServer::jobJson(const ApiJob &job) const
{
    QJsonObject o{{QStringLiteral("id"), job.id},
                  {QStringLiteral("operation"), job.operation},
                  {QStringLiteral("vm"), job.vm},
                  {QStringLiteral("state"), job.state},
                  {QStringLiteral("progress"), job.progress}};
    if (job.error)
        o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), job.error->code},
                                                      {QStringLiteral("detail"), job.error->message}});
    return o;
}

void ConnectServer::sendJob(net::ApiReply &reply, int status, const ApiJob &job) const
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (status == 202)
        headers.append({QByteArray("Location"), QByteArray("/v1/jobs/") + job.id.toUtf8()});
    reply.send(status, jobJson(job), headers);
}

void ConnectServer::getJob(const net::ApiRequest &request, net::ApiReply reply)
{
    const HeldContractRecord *contract = admitted(request, reply, false);
    if (!contract)
        return;
    const auto job = m_jobs.value(request.params.value(QStringLiteral("id")));
    if (!job || job->contract != contract->id)
        return reply.sendProblem(ApiProblem::fromError(
            404, Error{QStringLiteral("job.not-found"), Tr::tr("There is no such job.")}));
    sendJob(reply, 200, *job);
}

void ConnectServer::deleteJob(const net::ApiRequest &request, net::ApiReply reply)
{
    const HeldContractRecord *contract = admitted(request, reply, false);
    if (!contract)
        return;
    const auto job = m_jobs.value(request.params.value(QStringLiteral("id")));
    if (!job || job->contract != contract->id)
        return reply.sendProblem(ApiProblem::fromError(
            404, Error{QStringLiteral("job.not-found"), Tr::tr("There is no such job.")}));
    const bool cancellable =
        job->state == u"running" && job->job && (job->operation == u"create" || job->operation == u"delete");
    if (!cancellable) {
        return reply.sendProblem(problem(409, QStringLiteral("job.not-cancellable"),
                                         Tr::tr("This job cannot be cancelled (any more).")));
    }
    job->cancelRequested = true;
    job->job->cancel();
    job->state = QStringLiteral("cancelled");
    sendJob(reply, 200, *job);
}

void ConnectServer::getUsage(const net::ApiRequest &request, net::ApiReply reply)
{
    if (const HeldContractRecord *contract = admitted(request, reply, false))
        reply.send(200, usageJson(contract->id));
}

// --- usage ----------------------------------------------------------------------------------

QJsonArray ConnectServer::usageHours(const QString &contractId) const
{
    QJsonArray hours;
    const HeldContractRecord *contract = held(contractId);
    if (!contract)
        return hours;
    const qint64 now = m_clock.nowMs();
    const qint64 from = contract->startMs;
    const qint64 to = std::min(effectiveEndMs(*contract), now);
    QMap<QString, QPair<QList<QPair<qint64, qint64>>, QList<QPair<qint64, qint64>>>> byVm;
    for (const UsageInterval &interval : m_agent.store().usage(contractId)) {
        const QPair<qint64, qint64> span{interval.startMs, interval.endMs == 0 ? now : interval.endMs};
        auto &lists = byVm[interval.vm];
        (interval.kind == kExpected ? lists.first : lists.second).append(span);
    }
    for (qint64 hour = from; hour < to; hour += kHourMs) {
        const qint64 hourEnd = std::min(hour + kHourMs, to);
        for (auto it = byVm.cbegin(); it != byVm.cend(); ++it) {
            const auto expected = clip(it->first, hour, hourEnd);
            const auto ran = clip(it->second, hour, hourEnd);
            const qint64 expectedMs = lengthMs(expected);
            const qint64 ranMs = lengthMs(ran);
            if (expectedMs == 0 && ranMs == 0)
                continue;
            hours.append(
                QJsonObject{{QStringLiteral("start"), hour / kMsPerSecond},
                            {QStringLiteral("vm"), it.key()},
                            {QStringLiteral("instanceSeconds"), ranMs / kMsPerSecond},
                            {QStringLiteral("expectedSeconds"), expectedMs / kMsPerSecond},
                            {QStringLiteral("availableSeconds"), overlapMs(expected, ran) / kMsPerSecond}});
        }
    }
    return hours;
}

QJsonObject ConnectServer::usageJson(const QString &contractId) const
{
    const QJsonArray hours = usageHours(contractId);
    qint64 expected = 0;
    qint64 available = 0;
    for (const QJsonValue &hour : hours) {
        expected += hour[QStringLiteral("expectedSeconds")].toInteger();
        available += hour[QStringLiteral("availableSeconds")].toInteger();
    }
    const HeldContractRecord *contract = held(contractId);
    return {{QStringLiteral("contractId"), contractId},
            {QStringLiteral("deliveryStart"), contract ? contract->startMs / kMsPerSecond : 0},
            {QStringLiteral("deliveryEnd"), contract ? contract->endMs / kMsPerSecond : 0},
            {QStringLiteral("availabilityBasisPoints"),
             expected == 0 ? kBasisPoints : available * kBasisPoints / expected},
            {QStringLiteral("hours"), hours}};
}

// --- the views, metering and enforcement --------------------------------------------------------

bool ConnectServer::refreshVm(const QString &contractId, const QString &name, qint64 now)
{
    const QString k = key(contractId, name);
    const auto record = m_records.constFind(k);
    if (record == m_records.cend()) {
        // No record any more: the view becomes a tombstone (once).
        m_metered.remove(k);
        const auto views = m_views.find(contractId);
        if (views == m_views.end())
            return false;
        const auto view = views->find(name);
        if (view == views->end() || view->state == u"deleted")
            return false;
        view->state = QStringLiteral("deleted");
        view->runningSinceMs = 0;
        view->seq = ++m_seq;
        return true;
    }
    AgentStore &store = const_cast<AgentStore &>(m_agent.store());
    VmView view{record->contract, record->name, record->templateName, QString(), 0, 0};
    const VmView *existing = findView(contractId, name);
    const QString previous = existing ? existing->state : QString();
    const VmInfo *vm = m_agent.findVm(record->domain);
    const VmState state = vm ? vm->state : VmState::Unknown;
    QString jobState;
    if (const QString jobId = m_vmJob.value(k); !jobId.isEmpty()) {
        const QString op = m_jobs.value(jobId)->operation;
        jobState = op == u"create"   ? QStringLiteral("creating")
                   : op == u"start"  ? QStringLiteral("starting")
                   : op == u"stop"   ? QStringLiteral("stopping")
                   : op == u"delete" ? QStringLiteral("deleting")
                                     : QString();
    }
    const HeldContractRecord *contract = held(record->contract);
    if (!jobState.isEmpty())
        view.state = jobState;
    else if (contract && now < contract->startMs && state == VmState::Unknown && isScheduled(*record))
        view.state = QStringLiteral("scheduled");
    else if (state == VmState::Running)
        view.state = QStringLiteral("running");
    else if (state == VmState::Stopped || state == VmState::Paused)
        view.state = QStringLiteral("stopped");
    else if (state == VmState::Missing)
        view.state = QStringLiteral("failed");
    else
        view.state = previous.isEmpty() || previous == u"deleted" ? QStringLiteral("creating") : previous;
    // Availability: what the agent's events and inventory reads saw running, written when
    // it changes.
    if (state != VmState::Unknown) {
        const auto metered = m_metered.constFind(k);
        if (metered == m_metered.cend() || *metered != state) {
            if (state == VmState::Running)
                (void)store.openInterval(record->contract, record->name, kAvailable, now);
            else
                (void)store.closeInterval(record->contract, record->name, kAvailable, now);
            m_metered.insert(k, state);
        }
    }
    if (existing && existing->state == view.state)
        return false;
    view.runningSinceMs = view.state == u"running" ? now : 0;
    view.seq = ++m_seq;
    m_views[contractId].insert(name, view);
    return true;
}

void ConnectServer::refresh()
{
    const qint64 now = m_clock.nowMs();
    QSet<QString> changed;
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it) {
        if (refreshVm(it->contract, it->name, now))
            changed.insert(it->contract);
    }
    // Views whose record went: tombstones.
    QList<QPair<QString, QString>> gone;
    for (auto views = m_views.cbegin(); views != m_views.cend(); ++views) {
        for (auto view = views->cbegin(); view != views->cend(); ++view) {
            if (view->state != u"deleted" && !m_records.contains(key(views.key(), view.key())))
                gone.append({views.key(), view.key()});
        }
    }
    for (const auto &[contract, name] : std::as_const(gone)) {
        if (refreshVm(contract, name, now))
            changed.insert(contract);
    }
    reviewAtRisk();
    if (!changed.isEmpty())
        answerWaiters(changed);
}

void ConnectServer::reviewAtRisk()
{
    const qint64 now = m_clock.nowMs();
    // Contracts at risk are looked at again when the hosts change.
    AgentStore &store = const_cast<AgentStore &>(m_agent.store());
    for (auto it = m_contracts.begin(); it != m_contracts.end(); ++it) {
        if (!it->atRisk || it->terminated || it->endMs <= now)
            continue;
        evaluateReservation(*it);
        if (!it->atRisk)
            (void)store.saveContract(*it);
    }
}

void ConnectServer::refreshVms(const QList<QPair<QString, QString>> &vms)
{
    const qint64 now = m_clock.nowMs();
    QSet<QString> changed;
    for (const auto &[contract, name] : vms) {
        if (refreshVm(contract, name, now))
            changed.insert(contract);
    }
    if (!changed.isEmpty())
        answerWaiters(changed);
}

void ConnectServer::onInventoryChanged(const QStringList &domains)
{
    if (domains.isEmpty())
        return refresh();
    QList<QPair<QString, QString>> vms;
    for (const QString &domain : domains) {
        const auto k = m_keyOfDomain.constFind(domain);
        if (k == m_keyOfDomain.cend())
            continue; // not a contract's VM
        const ContractVmRecord &record = m_records.value(*k);
        vms.append({record.contract, record.name});
    }
    refreshVms(vms);
}

void ConnectServer::tick()
{
    const qint64 now = m_clock.nowMs();
    QList<QPair<QString, QString>> touched;
    // Stops that the guest ignored are powered off at their deadline.
    for (const auto &job : std::as_const(m_jobs)) {
        if (job->operation != u"stop" || job->state != u"running" || job->job)
            continue;
        const QString domain = domainName(job->contract, job->vm);
        const VmInfo *vm = m_agent.findVm(domain);
        const bool running = vm && vm->state == VmState::Running;
        if (!running) {
            job->state = QStringLiteral("done");
            job->progress = 100;
            job->endedMs = now;
            m_vmJob.remove(key(job->contract, job->vm));
            touched.append({job->contract, job->vm});
        } else if (now >= job->powerOffAtMs && !m_agent.isBusy(domain)) {
            qCInfo(lcConnect, "contract %s: %s ignored the shutdown; powering off", qPrintable(job->contract),
                   qPrintable(job->vm));
            job->job = m_agent.stopVm(domain);
            const QString id = job->id;
            connect(job->job, &Job::finished, this, [this, id] { jobFinished(id); });
        }
    }
    // Jobs are kept an hour after they end.
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if ((*it)->endedMs > 0 && now - (*it)->endedMs > kJobKeepMs)
            it = m_jobs.erase(it);
        else
            ++it;
    }
    createScheduled(now);
    // Enforcement: the contracts whose window closed (or that were terminated) only.
    QStringList due;
    for (const HeldContractRecord &contract : std::as_const(m_contracts)) {
        if (contract.stage == HeldContractRecord::Deleted || now >= effectiveEndMs(contract))
            due.append(contract.id);
        // A window that opened since the last tick changes how its VMs show.
        if (contract.startMs > m_lastTickMs && contract.startMs <= now) {
            for (const QString &name : m_contractVms.value(contract.id))
                touched.append({contract.id, name});
        }
    }
    for (const QString &id : std::as_const(due)) {
        if (const HeldContractRecord *contract = held(id))
            enforce(*contract, now);
        // Enforcement may have dropped records: their views become tombstones.
        const QMap<QString, VmView> views = m_views.value(id);
        for (auto view = views.cbegin(); view != views.cend(); ++view) {
            if (view->state != u"deleted")
                touched.append({id, view.key()});
        }
    }
    m_lastTickMs = now;
    refreshVms(touched);
}

void ConnectServer::enforce(HeldContractRecord contract, qint64 now)
{
    if (contract.stage == HeldContractRecord::Deleted)
        return releaseClaim(contract);
    const qint64 end = effectiveEndMs(contract);
    if (now < end)
        return;
    AgentStore &store = const_cast<AgentStore &>(m_agent.store());
    const QList<ContractVmRecord> vms = recordsOf(contract.id);
    for (const ContractVmRecord &vm : vms) {
        if (m_agent.isBusy(vm.domain))
            return; // a job of the VM is in flight; the next tick goes on
    }
    const QString why = contract.terminated ? QStringLiteral("termination") : QStringLiteral("window end");
    const auto advance = [&](int stage, const QString &step, const QString &detail) {
        contract.stage = stage;
        if (stage == HeldContractRecord::ShutDown)
            contract.stageMs = now;
        (void)store.saveContract(contract);
        (void)store.logEnforcement(contract.id, step, now, detail);
        m_contracts.insert(contract.id, contract);
        qCInfo(lcConnect, "contract %s: %s (%s)", qPrintable(contract.id), qPrintable(detail),
               qPrintable(why));
    };
    const qint64 grace = m_options.graceSeconds * kMsPerSecond;
    const qint64 retention = m_options.retentionSeconds * kMsPerSecond;
    if (contract.stage == HeldContractRecord::Live) {
        for (const ContractVmRecord &vm : vms) {
            (void)store.closeInterval(contract.id, vm.name, kExpected, end);
            m_agent.shutdownVm(vm.domain);
        }
        advance(HeldContractRecord::ShutDown, QStringLiteral("shutdown"),
                Tr::tr("ACPI shutdown of %1 VM(s); destroyed after the grace period").arg(vms.size()));
        return;
    }
    if (contract.stage == HeldContractRecord::ShutDown && now >= contract.stageMs + grace) {
        for (const ContractVmRecord &vm : vms)
            m_agent.stopVm(vm.domain);
        for (const ContractVmRecord &vm : vms)
            (void)store.closeInterval(contract.id, vm.name, kAvailable, contract.stageMs + grace);
        advance(HeldContractRecord::Destroyed, QStringLiteral("destroy"),
                Tr::tr("%1 VM(s) destroyed after the grace period; disks kept for the retention")
                    .arg(vms.size()));
        Q_EMIT contractFinished(contract.id);
        return;
    }
    if (contract.stage == HeldContractRecord::Destroyed && now >= contract.stageMs + grace + retention) {
        for (const ContractVmRecord &vm : vms) {
            m_agent.removeVm(vm.domain);
            (void)store.removeContractVm(contract.id, vm.name);
            forgetRecord(contract.id, vm.name);
        }
        advance(HeldContractRecord::Deleted, QStringLiteral("delete"),
                Tr::tr("%1 VM(s) and their disks deleted after the retention").arg(vms.size()));
    }
}

} // namespace cloudex::connect
