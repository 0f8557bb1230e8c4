#pragma once

#include "api/connecttypes.h"
#include "api/contract.h"
#include "core/job.h"
#include "desk/exchangejob.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

#include <memory>

class QTimer;

namespace cloudex::net {
class ApiClient;
}
namespace cloudex::pki {
class CertificateVerifier;
}

namespace cloudex::desk {

/// A typed call to a site's connect API: the same job as an exchange call (the site
/// answers with the same RFC 9457 problems), `finished` once with value() or error().
template<typename T> using SiteCall = ExchangeCall<T>;

class SiteClient;

/// A long operation at a site (create, start, stop, reboot, delete), followed to its end:
/// the `202 Job` the site answers, then `GET /v1/jobs/{id}` until it is done, failed or
/// cancelled. progress() follows the site's percentage; cancel() asks the site to cancel
/// (`DELETE /v1/jobs/{id}`; create and delete can be cancelled while they wait, otherwise
/// the site refuses and the operation runs to its end). Ends ok when the site's job is
/// done; else error() is the site's problem code (the request was refused), the job's
/// error code (it failed at the site), "job.cancelled", or a transport error.
class SiteOperation final : public Job
{
    Q_OBJECT

public:
    /// How often the job is asked about.
    static constexpr int kPollMs = 500;
    /// Transport failures in a row before the operation gives up following.
    static constexpr int kMaxPollFailures = 3;

    /// The site's last word on the job (empty id until the site accepted the request).
    const api::ConnectJobState &state() const { return m_state; }
    bool ok() const { return isFinished() && result().ok(); }

private:
    friend class SiteClient;
    SiteOperation(SiteClient *client, SiteCall<api::ConnectJobState> *request, const QString &title);
    void onAnswer(SiteCall<api::ConnectJobState> *call, bool first);
    void poll();
    void onCancel() override;

    QPointer<SiteClient> m_client;
    api::ConnectJobState m_state;
    int m_failures = 0;
    bool m_cancelAsked = false;
};

/// The buyer's client of one contract at its site (docs/CONNECT-API.md, section 2): mutual
/// TLS with the contract's certificate (ContractWallet::tlsFor), trusting only the exchange
/// CA, and refusing a server whose certificate is not a site certificate of this exchange
/// naming the contract's site (`site.wrong-certificate`; TLS itself checks the chain and
/// that the certificate covers the endpoint's host). Each client has its own network access
/// manager, so a connection made with one contract's certificate never carries another's
/// request (Qt reuses connections by host and port, not by client certificate).
///
/// Calls time out (`transport.timeout`) when the site sends nothing for timeoutMs(); an
/// answer that is not the API's type is `response.invalid`. Nothing here blocks.
class SiteClient final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 15'000;
    /// The longest wait a VM poll asks the site for.
    static constexpr int kMaxWaitSeconds = 30;

    /// `verifier` holds the exchange root and CRL (ContractWallet::verifier()).
    SiteClient(const QString &contractId, const api::ContractSite &site, const QSslConfiguration &contractTls,
               std::shared_ptr<const pki::CertificateVerifier> verifier, QObject *parent = nullptr);
    ~SiteClient() override;

    const QString &contractId() const { return m_contractId; }
    const api::ContractSite &site() const { return m_site; }
    void setTimeoutMs(int ms);
    int timeoutMs() const { return m_timeoutMs; }

    SiteCall<api::HeldContract> *contract();
    SiteCall<QList<api::Template>> *templates();
    /// `GET /v1/vms`; with `since`, only VMs changed after it, waiting up to `waitSeconds`
    /// for a change (long poll).
    SiteCall<api::VmList> *vms(std::optional<qint64> since = std::nullopt, int waitSeconds = 0);
    SiteCall<api::Vm> *vm(const QString &name);
    SiteCall<api::Usage> *usage();

    SiteOperation *create(const QString &name, const QString &templateName);
    SiteOperation *start(const QString &name);
    SiteOperation *stop(const QString &name);
    SiteOperation *reboot(const QString &name);
    SiteOperation *remove(const QString &name);

    /// The raw job calls SiteOperation follows.
    SiteCall<api::ConnectJobState> *job(const QString &id);
    SiteCall<api::ConnectJobState> *cancelJob(const QString &id);

private:
    SiteOperation *operation(const QString &path, const QJsonValue &body, const QString &title);

    QString m_contractId;
    api::ContractSite m_site;
    net::ApiClient *m_api;
    int m_timeoutMs = kDefaultTimeoutMs;
};

/// Keeps one long poll open at a site and holds its VMs: a full list first, then
/// `GET /v1/vms?since=S&wait=W` again and again, so a change at the site shows within the
/// poll's answer time. A failed poll marks the watcher stale (with the time of the last
/// answer) and retries after retryMs(); the VMs it last saw stay.
class VmWatcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultWaitSeconds = 25;
    static constexpr int kDefaultRetryMs = 2000;

    explicit VmWatcher(SiteClient *client, QObject *parent = nullptr);
    ~VmWatcher() override;

    void start();
    void stop();
    void setWaitSeconds(int seconds) { m_waitSeconds = seconds; }
    void setRetryMs(int ms) { m_retryMs = ms; }

    const QHash<QString, api::Vm> &vms() const { return m_vms; }
    qint64 seq() const { return m_seq; }
    bool isStale() const { return m_stale; }
    /// Milliseconds since the epoch of the site's last answer; 0 before the first.
    qint64 lastAnswerMs() const { return m_lastAnswerMs; }

Q_SIGNALS:
    /// VMs that appeared or changed (tombstones, state deleted, are removed from vms()).
    void changed(const QList<cloudex::api::Vm> &vms);
    /// The first full list replaced what was held.
    void reset();
    void staleChanged(bool stale, const cloudex::Error &error);

private:
    void poll();
    void onAnswer();

    SiteClient *m_client;
    QPointer<SiteCall<api::VmList>> m_call;
    QTimer *m_retry;
    QHash<QString, api::Vm> m_vms;
    std::optional<qint64> m_since;
    qint64 m_seq = 0;
    qint64 m_lastAnswerMs = 0;
    int m_waitSeconds = kDefaultWaitSeconds;
    int m_retryMs = kDefaultRetryMs;
    bool m_running = false;
    bool m_stale = false;
};

} // namespace cloudex::desk
