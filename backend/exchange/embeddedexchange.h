#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "exchange/localexchange.h"
#include "market/types.h"

#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>

class QThread;

namespace cloudex::exchange {

class ExchangeService;

/// The exchange inside the desktop app: a LocalExchange (the same ExchangeService as the
/// daemon, its CA, journal, engine, API and stream servers) built and run on a thread of its
/// own, so that matching, journal commits and TLS handshakes never hold up the GUI. This
/// object stays on the caller's thread and is the only way in: start and onboarding are
/// asynchronous and answer with signals on the caller's thread; the desk talks to the
/// exchange only through ApiClient/StreamClient with clientTls().
class EmbeddedExchange final : public QObject
{
    Q_OBJECT

public:
    using Options = LocalExchange::Options;

    explicit EmbeddedExchange(const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    /// Stops the exchange (see stop()).
    ~EmbeddedExchange() override;

    /// Starts the exchange thread, builds the exchange in it and starts it there (open or
    /// create, local participant onboarded through the API). Returns at once; `started`
    /// follows. Only the first call counts.
    void start(const Options &options);
    /// True once `started` reported success, until stop().
    bool isStarted() const { return m_started; }

    /// Stops the servers and destroys the exchange on its thread (the journal drains its
    /// queue there), then ends the thread and waits for it. Answers still on their way
    /// (`started`, `participantOnboarded`) are dropped.
    void stop();

    /// Valid once started.
    QUrl baseUrl() const { return m_baseUrl; }
    QByteArray caCertificatePem() const { return m_caPem; }
    /// The local user's TLS identity for ApiClient and StreamClient (trusts only this CA).
    QSslConfiguration clientTls() const { return m_clientTls; }
    QString participant() const { return m_options.participant; }

    /// Onboards another participant through the API (role, jurisdiction; a user identity
    /// with the "trade" permission), or loads its identity on later starts; the outcome
    /// follows as `participantOnboarded`. For the simulated participants of the demo market.
    void onboardParticipant(const QString &participant, market::Role role = market::Role::Both,
                            const QString &jurisdiction = QStringLiteral("DE"));

    /// Issues (or on later starts loads) a site identity of `seller` named `siteId` for a
    /// site on this machine (LocalExchange::issueSiteIdentity); the outcome follows as
    /// `siteIdentityIssued`. For the simulated sites of the demo market.
    void issueSiteIdentity(const QString &seller, const QString &siteId);

    /// Runs `task` with the service on the exchange's thread, queued behind earlier calls;
    /// not at all before start() or after stop(). Only for inspection and administration that
    /// has no API route (tests, tools): the service must not be touched from other threads.
    void post(std::function<void(ExchangeService &)> task);

    /// The thread the exchange runs on; nullptr before start() and after stop().
    QThread *exchangeThread() const { return m_thread.get(); }

Q_SIGNALS:
    /// Once per start(): the exchange is listening and the local identity is ready, or why not.
    void started(const cloudex::Result<void> &result);
    void participantOnboarded(const QString &participant, const cloudex::Result<QSslConfiguration> &identity);
    void siteIdentityIssued(const QString &siteId, const cloudex::Result<QSslConfiguration> &identity);
    /// The exchange's journal failed: it takes no more orders until it is restarted, and
    /// `reason` says why (ExchangeService::journalFailed, handed to the caller's thread).
    void journalFailed(const QString &reason);

private:
    const Clock &m_clock;
    Options m_options;
    std::unique_ptr<QThread> m_thread;
    /// Lives on the exchange thread and owns the LocalExchange there; touched only through
    /// queued calls.
    QObject *m_worker = nullptr;
    /// Set and used on the exchange thread only.
    LocalExchange *m_local = nullptr;
    bool m_started = false;
    /// Counts start()s; answers of an exchange that was stopped meanwhile are dropped.
    quint64 m_run = 0;
    QUrl m_baseUrl;
    QByteArray m_caPem;
    QSslConfiguration m_clientTls;
};

} // namespace cloudex::exchange
