#pragma once

#include "connect/agentstore.h"
#include "core/clock.h"
#include "core/result.h"
#include "net/apiserver.h"

#include <QHash>
#include <QMap>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>

#include <memory>

class QTimer;

namespace cloudex::pki {
class CertificateVerifier;
}

namespace cloudex::connect {

class ConnectAgent;
class ConnectJob;

/// The site's connect API (docs/CONNECT-API.md, section 2) over the agent: mutual TLS with
/// the site certificate; buyers present contract certificates, which one
/// pki::CertificateVerifier admits on the agent's clock against the contracts this site
/// holds and the last CRL pulled. Every VM operation is one of the agent's jobs; volume,
/// window and size come from the held contract. It also enforces the contracts (ACPI
/// shutdown at window end, termination; destroy after the grace; disks deleted after the
/// retention) and meters usage per VM-hour, all recorded in the agent's SQLite records.
///
/// The records of contracts and the CRL are fed in by the exchange link (or a test):
/// applyContract(), applyCrl(). Lives in the agent's thread.
class ConnectServer final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString seller;       ///< participant id of this site (its certificate's O)
        QString siteId;       ///< its CN
        QString defaultGroup; ///< group-shared contracts of buyers in no group reserve here
        qint64 graceSeconds = 300;
        qint64 retentionSeconds = 86'400;
        qint64 crlToleranceSeconds = 6 * 3600;
        int stopTimeoutSeconds = 60; ///< POST …/stop powers off after this
        int tickMs = 1000;           ///< how often enforcement and timeouts are checked
        int maxWaitSeconds = 30;     ///< long poll limit
        /// Test facility (see VmSpec::restartOnPowerOff): guests ignore ACPI shutdowns.
        bool restartOnPowerOff = false;
    };

    ConnectServer(ConnectAgent &agent, const Clock &clock, Options options, QObject *parent = nullptr);
    ~ConnectServer() override;

    /// The exchange CA certificate (DER) contract certificates must chain to.
    Result<void> setTrustAnchor(const QByteArray &rootDer);
    /// Takes a CRL pulled from the exchange (DER), checks its signature and records it.
    Result<void> applyCrl(const QByteArray &crlDer);
    /// A contract certificate the exchange revoked (its `revocations@<seller>` event): refused
    /// from now on, its open connections closed, before the next CRL lists it.
    void refuseCertificate(const QString &serial);
    /// Records a contract this site holds (new, changed or terminated). A new contract
    /// makes its buyer a tenant of the site and reserves capacity by tenancy; a contract
    /// the site cannot hold is flagged at risk.
    Result<void> applyContract(HeldContractRecord contract);

    /// Serves the API with `tls` (the site certificate; CA certificates = the exchange CA).
    Result<quint16> listen(const net::ApiServer::Config &config);
    quint16 port() const;

    /// Runs enforcement and timeouts now (the timer does it every tickMs).
    void tick();

    QList<HeldContractRecord> heldContracts() const { return m_contracts.values(); }
    qint64 nowMs() const { return m_clock.nowMs(); }

    QJsonObject heldContractJson(const HeldContractRecord &contract) const;
    /// GET /v1/usage of a contract: per VM-hour expected, available and instance seconds.
    QJsonObject usageJson(const QString &contractId) const;
    /// The hours of usageJson() as the exchange's UsageReport takes them.
    QJsonArray usageHours(const QString &contractId) const;

    /// The VM operations recorded after record `after`, oldest first, at most `limit`, with
    /// their record numbers; and how far the report to the exchange got (ExchangeLink).
    QList<std::pair<qint64, OperationRecord>> operationsAfter(qint64 after, int limit) const;
    qint64 operationsReportedThrough() const;
    Result<void> setOperationsReportedThrough(qint64 last);

    /// The host group an exclusive contract claims whole hosts in.
    static QString claimGroupName(const QString &contractId);

    /// The state the API shows: scheduled, active, expired or terminated.
    QString contractState(const HeldContractRecord &contract) const;

    /// What a request presenting `certificate` is admitted as, decided exactly as for every
    /// request (the verifier on the agent's clock, the held contracts, the CRL and the
    /// revocation events): `contract` when admitted (the window is the routes' matter),
    /// else `refusal`, the problem code. For benchmarks and tests; nothing is answered.
    struct AdmissionResult
    {
        QString contract;
        QString refusal;
    };
    AdmissionResult admit(const QSslCertificate &certificate);

Q_SIGNALS:
    /// A contract's grace period is over and its VMs are destroyed: its usage is final.
    void contractFinished(const QString &contractId);
    /// A contract was recorded or changed (also at risk).
    void contractChanged(const QString &contractId);
    /// A VM operation was recorded (with its user): for the report to the exchange.
    void operationRecorded();

private:
    struct Admission;
    struct ApiJob;
    struct VmView;
    struct Waiter;

    Result<net::PeerIdentity> authenticate(const QSslCertificate &certificate);
    /// The admitted contract of the request, or the refusal already sent.
    /// `early`: a change that may also come before the window opens (defining a VM that the
    /// site creates when it opens, or deleting such a definition).
    const HeldContractRecord *admitted(const net::ApiRequest &request, net::ApiReply &reply, bool changing,
                                       bool early = false);

    void getContract(const net::ApiRequest &request, net::ApiReply reply);
    void getTemplates(const net::ApiRequest &request, net::ApiReply reply);
    void getVms(const net::ApiRequest &request, net::ApiReply reply);
    void getVm(const net::ApiRequest &request, net::ApiReply reply);
    void postVm(const net::ApiRequest &request, net::ApiReply reply);
    void vmAction(const net::ApiRequest &request, net::ApiReply reply, const QString &operation);
    void deleteVm(const net::ApiRequest &request, net::ApiReply reply);
    void getJob(const net::ApiRequest &request, net::ApiReply reply);
    void deleteJob(const net::ApiRequest &request, net::ApiReply reply);
    void getUsage(const net::ApiRequest &request, net::ApiReply reply);

    ApiJob &startJob(const HeldContractRecord &contract, const QString &operation, const QString &vm,
                     ConnectJob *job);
    /// A job that is done already (a VM defined or removed before the window opens).
    ApiJob &doneJob(const HeldContractRecord &contract, const QString &operation, const QString &vm);
    /// Creates a recorded VM of the contract at a host (placement, disk, domain, start).
    ConnectJob *provisionVm(const HeldContractRecord &contract, const ContractVmRecord &record);
    /// VMs defined before their contract's window opened: created once it has opened.
    void createScheduled(qint64 now);
    /// A recorded VM that no host has yet: defined before the window, not created so far.
    bool isScheduled(const ContractVmRecord &record) const;
    void jobFinished(const QString &id);
    void sendJob(net::ApiReply &reply, int status, const ApiJob &job) const;
    QJsonObject jobJson(const ApiJob &job) const;
    QJsonObject vmJson(const VmView &view) const;

    /// Recomputes the VMs the API shows from the records, the inventory and running jobs;
    /// bumps sequences, meters availability and answers long polls. refresh() looks at
    /// every VM (the first inventory pass, changed records); refreshVms() at the named ones
    /// (an operation, an event, the VMs a pass found changed): no walk over the whole site
    /// per job or pass.
    void refresh();
    /// Contracts at risk are looked at again when the hosts change.
    void reviewAtRisk();
    void refreshVms(const QList<QPair<QString, QString>> &vms);
    void onInventoryChanged(const QStringList &domains);
    /// One VM (contract, name); true when its view changed.
    bool refreshVm(const QString &contract, const QString &name, qint64 now);
    void answerWaiters(const QSet<QString> &contracts);
    /// The contract VM records (contract_vms) are kept in memory too; every change goes
    /// through these.
    void rememberRecord(const ContractVmRecord &record);
    void forgetRecord(const QString &contract, const QString &name);
    QList<ContractVmRecord> recordsOf(const QString &contract) const;
    const VmView *findView(const QString &contract, const QString &name) const;
    void evaluateReservation(HeldContractRecord &contract);
    /// An exclusive contract without a host group dedicated to its buyer claims whole free
    /// hosts of the shared pool, as the exclusive host group "claim-<contract id>" (so that
    /// placement keeps every other tenant off them), or says why it cannot.
    Result<HostGroup> claimHosts(const HeldContractRecord &contract, qint64 vcpus, qint64 memoryMiB);
    /// Gives a contract's claimed hosts back to the shared pool once its VMs are gone.
    void releaseClaim(const HeldContractRecord &contract);
    void enforce(HeldContractRecord contract, qint64 now);
    qint64 effectiveEndMs(const HeldContractRecord &contract) const;
    const HeldContractRecord *held(const QString &id) const;

    ConnectAgent &m_agent;
    const Clock &m_clock;
    Options m_options;
    std::unique_ptr<ManualClock> m_verifyClock; ///< the agent's time, or the CRL's end in tolerance
    std::unique_ptr<pki::CertificateVerifier> m_verifier;
    class Directory;
    std::unique_ptr<Directory> m_directory;
    net::ApiServer *m_api;
    QTimer *m_timer;
    QHash<QString, HeldContractRecord> m_contracts;
    std::unique_ptr<Admission> m_admission; ///< of the request being dispatched
    QString m_holder;       ///< the user behind the request admitted last
    QString m_holderSerial; ///< and its certificate
    QSet<QString> m_revokedSerials;
    /// Records (agent store) and logs a VM operation with the user behind it.
    void recordOperation(const QString &contract, const QString &vm, const QString &operation);
    QHash<QString, std::shared_ptr<ApiJob>> m_jobs;
    QHash<QString, QString> m_vmJob; ///< "<contract>/<vm>" -> running API job id
    QHash<QString, QMap<QString, VmView>> m_views; ///< contract -> VM name -> view
    QHash<QString, ContractVmRecord> m_records;     ///< "<contract>/<vm>" -> its record
    QHash<QString, QSet<QString>> m_contractVms;    ///< contract -> names of its VM records
    QHash<QString, QString> m_keyOfDomain;          ///< libvirt domain -> "<contract>/<vm>"
    /// The VM state metering last acted on ("<contract>/<vm>"): availability intervals are
    /// written when it changes, not on every look.
    QHash<QString, VmState> m_metered;
    /// VMs defined before their window that the site has not created yet.
    QSet<QString> m_scheduled;
    qint64 m_lastTickMs = 0;
    qint64 m_seq = 0;
    qint64 m_nextJob = 0;
    QList<std::shared_ptr<Waiter>> m_waiters;
    qint64 m_lastStaleLogMs = 0;
    QSet<QString> m_released; ///< contracts whose claimed hosts went back to the pool
};

} // namespace cloudex::connect
