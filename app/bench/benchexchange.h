#pragma once
// An exchange service for the api and stream suites: one product, a scratch directory, no
// clock ticks, rate limits out of the way, and traders with client TLS identities.

#include "catalogue/catalogue.h"
#include "core/job.h"
#include "exchange/exchangeservice.h"
#include "market/exchange.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QEventLoop>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTimer>

#include <chrono>
#include <ctime>
#include <memory>
#include <optional>

namespace cloudex::bench {

/// Runs the event loop until `job` finished (or the timeout); returns it.
template<typename J> J *await(J *job, int timeoutMs = 15'000)
{
    if (!job->isFinished()) {
        QEventLoop loop;
        QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return job;
}

/// Runs the event loop for `ms`.
inline void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// CPU time of `clock` (CLOCK_THREAD_CPUTIME_ID: the calling thread; CLOCK_PROCESS_CPUTIME_ID).
inline qint64 cpuNs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

inline qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// Takes the next complete HTTP/1.1 response off the front of `buffer` and returns its
/// status, or nothing while the response is incomplete. For the benchmarks' raw clients,
/// which pipeline requests on one keep-alive connection.
inline std::optional<int> takeResponse(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QByteArray head = buffer.left(end).toLower();
    const qsizetype at = head.indexOf("content-length:");
    constexpr qsizetype kFieldLength = 15; // "content-length:"
    const qint64 length = at < 0 ? 0
                                 : head.mid(at + kFieldLength, head.indexOf('\r', at) - at - kFieldLength)
                                       .trimmed()
                                       .toLongLong();
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    const int status = head.mid(9, 3).toInt();
    buffer.remove(0, end + 4 + length);
    return status;
}

struct BenchExchange
{
    QTemporaryDir dir;
    exchange::ExchangeService service;

    /// `synchronousFull` false (PRAGMA synchronous=NORMAL: no fsync per commit) is a
    /// diagnostic that shows what the fsync costs; it is not a durable configuration.
    Result<void> open(bool synchronousFull = true)
    {
        exchange::ExchangeService::Config config;
        config.directory = dir.filePath(QStringLiteral("exchange"));
        config.products = {
            catalogue::Catalogue::standard().parseProduct(QStringLiteral("DE.GP2.SH.S1")).value()};
        config.horizon = {3, 0, 0, 0, 0};
        config.clockIntervalMs = 0;
        config.rateBurst = 1'000'000;
        config.ratePerSecond = 1'000'000;
        // Every simulated client connects from 127.0.0.1.
        config.maxConnections = 100'000;
        config.maxConnectionsPerAddress = 100'000;
        config.snapshotEvery = 0;
        config.journal.synchronousFull = synchronousFull;
        return service.open(config);
    }

    QString symbol() { return service.exchange().openSymbols().value(0); }

    /// A participant (role both) in the engine and a user identity for it, made directly:
    /// set-up, not part of what is measured.
    Result<QSslConfiguration> trader(const QString &participant)
    {
        bool added = false;
        service.exchange().addParticipant(
            {participant, market::Role::Both, QStringLiteral("DE"), {}, QStringLiteral("standard"),
             market::RiskLimits::unlimited()},
            [&](const market::Ack &ack) { added = ack.accepted; });
        service.exchange().flush();
        if (!added)
            return Error{QStringLiteral("bench.participant"),
                         QStringLiteral("cannot add %1").arg(participant)};
        auto key = pki::PrivateKey::generate();
        if (!key)
            return key.error();
        auto csr =
            pki::createCertificateRequest(key.value(), {participant, QStringLiteral("u-bench"), {}, {}});
        if (!csr)
            return csr.error();
        pki::IdentityRequest request;
        request.kind = pki::CertificateKind::User;
        request.participant = participant;
        request.name = QStringLiteral("u-bench");
        request.permissions = {QStringLiteral("trade"), QStringLiteral("deploy")};
        auto issued = service.issueIdentity(csr.value(), request);
        if (!issued)
            return issued.error();
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPrivateKey(QSslKey(key->toPem().value(), QSsl::Ec));
        tls.setLocalCertificate(QSslCertificate(issued->der, QSsl::Der));
        tls.setCaCertificates(QSslCertificate::fromData(service.caCertificatePem()));
        return tls;
    }
};

} // namespace cloudex::bench
