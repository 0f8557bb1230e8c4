#include "exchange/embeddedexchange.h"

#include "exchange/exchangeservice.h"

#include <QCoreApplication>
#include <QThread>

namespace cloudex::exchange {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};
} // namespace

EmbeddedExchange::EmbeddedExchange(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{}

EmbeddedExchange::~EmbeddedExchange()
{
    stop();
}

void EmbeddedExchange::start(const Options &options)
{
    if (m_thread)
        return;
    m_options = options;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("cloudex-exchange"));
    // A plain QObject may move; the exchange itself is built on its thread, because its
    // sockets, timers and the CA's database connection belong to the thread that made them.
    m_worker = new QObject;
    m_worker->moveToThread(m_thread.get());
    // Deleted on the exchange thread as it finishes, and the exchange with it.
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();

    const Clock *clock = &m_clock;
    const quint64 run = ++m_run;
    QMetaObject::invokeMethod(m_worker, [this, clock, options, run] {
        m_local = new LocalExchange(*clock, m_worker);
        // Emitted on the exchange thread, delivered queued on this object's thread.
        connect(&m_local->service(), &ExchangeService::journalFailed, this, [this, run](const QString &reason) {
            if (run == m_run)
                Q_EMIT journalFailed(reason);
        });
        m_local->start(options, [this, run](Result<void> result) {
            // Read on the exchange thread, handed over by value.
            const QUrl url = result ? m_local->baseUrl() : QUrl();
            const QByteArray ca = result ? m_local->caCertificatePem() : QByteArray();
            const QSslConfiguration tls = result ? m_local->clientTls() : QSslConfiguration();
            QMetaObject::invokeMethod(this, [this, run, result, url, ca, tls] {
                if (run != m_run)
                    return;
                m_started = result.ok();
                m_baseUrl = url;
                m_caPem = ca;
                m_clientTls = tls;
                Q_EMIT started(result);
            });
        });
    });
}

void EmbeddedExchange::stop()
{
    if (!m_thread)
        return;
    ++m_run;
    m_thread->quit();
    m_thread->wait();
    // The thread has finished: the worker and the exchange were deleted on it.
    m_thread.reset();
    m_worker = nullptr;
    m_local = nullptr;
    m_started = false;
}

void EmbeddedExchange::onboardParticipant(const QString &participant, market::Role role,
                                          const QString &jurisdiction)
{
    const auto answer = [this, participant, run = m_run](const Result<QSslConfiguration> &identity) {
        QMetaObject::invokeMethod(this, [this, participant, identity, run] {
            if (run == m_run)
                Q_EMIT participantOnboarded(participant, identity);
        });
    };
    if (!m_worker) {
        return answer(
            Error{QStringLiteral("exchange.not-started"), Tr::tr("The embedded exchange is not running.")});
    }
    QMetaObject::invokeMethod(m_worker, [this, participant, role, jurisdiction, answer] {
        if (!m_local || !m_local->isStarted()) {
            return answer(Error{QStringLiteral("exchange.not-started"),
                                Tr::tr("The embedded exchange is not running.")});
        }
        m_local->onboardParticipant(participant, role, jurisdiction, answer);
    });
}

void EmbeddedExchange::issueSiteIdentity(const QString &seller, const QString &siteId)
{
    const auto answer = [this, siteId, run = m_run](const Result<QSslConfiguration> &identity) {
        QMetaObject::invokeMethod(this, [this, siteId, identity, run] {
            if (run == m_run)
                Q_EMIT siteIdentityIssued(siteId, identity);
        });
    };
    if (!m_worker) {
        return answer(
            Error{QStringLiteral("exchange.not-started"), Tr::tr("The embedded exchange is not running.")});
    }
    QMetaObject::invokeMethod(m_worker, [this, seller, siteId, answer] {
        if (!m_local || !m_local->isStarted()) {
            return answer(Error{QStringLiteral("exchange.not-started"),
                                Tr::tr("The embedded exchange is not running.")});
        }
        m_local->issueSiteIdentity(seller, siteId, answer);
    });
}

void EmbeddedExchange::post(std::function<void(ExchangeService &)> task)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, [this, task = std::move(task)] {
        if (m_local)
            task(m_local->service());
    });
}

} // namespace cloudex::exchange
