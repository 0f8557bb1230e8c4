// Certificate authority: contract certificate issuance from DER CSRs (CSR signature
// verified, certificate signed, DER encoded and recorded in SQLite, in transactions of
// 1,000) and signing a CRL of 100,000 entries read from the database.
// certs_per_s is wall-clock time; certs_per_cpu_s counts this thread's CPU time only, which
// stays meaningful when other builds share the machine.
#include "benchsuite.h"

#include "core/clock.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <ctime>

namespace {
using namespace cloudex::pki;

constexpr int kDefaultCount = 100'000;
constexpr int kDistinctKeys = 500; // buyers reuse keys; the CA verifies every CSR anyway
constexpr int kBatchSize = 1000;   // requests per database transaction
constexpr qint64 kHourMs = 3'600'000;

// CPU time of this thread: the issuing loop runs on one core, whatever else the machine does.
double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

QJsonObject fail(const QString &message)
{
    return {{QStringLiteral("error"), message}};
}

QJsonObject runPki(const QStringList &arguments)
{
    int count = kDefaultCount;
    const qsizetype countAt = arguments.indexOf(QStringLiteral("--count"));
    if (countAt >= 0 && countAt + 1 < arguments.size())
        count = qMax(1, arguments.at(countAt + 1).toInt());

    QTemporaryDir directory;
    const qint64 start = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    cloudex::ManualClock clock(start);
    CaOptions options;
    options.directory = directory.filePath(QStringLiteral("pki"));
    auto ca = CertificateAuthority::open(options, clock);
    if (!ca)
        return fail(ca.error().message);

    QList<QByteArray> csrs;
    for (int i = 0; i < kDistinctKeys; ++i) {
        auto key = PrivateKey::generate();
        if (!key)
            return fail(key.error().message);
        auto csr = createCertificateRequest(*key, {QStringLiteral("p-bench"), QStringLiteral("manage"), {}, {}});
        if (!csr)
            return fail(csr.error().message);
        csrs.append(*csr);
    }
    InMemoryContractDirectory contracts;
    QList<ContractCertificateRequest> requests;
    requests.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("c-%1").arg(i, 7, 10, QLatin1Char('0'));
        contracts.insert({id, QStringLiteral("p-bench"), QStringLiteral("p-seller"),
                          QStringLiteral("DE.GP2.SH.S1.H2026-12-01T14"), 4, start + 14 * kHourMs,
                          start + 15 * kHourMs});
        requests.append({csrs.at(i % kDistinctKeys), id, QStringLiteral("p-bench"), {}});
    }

    QStringList serials;
    serials.reserve(count);
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = threadCpuSeconds();
    for (int from = 0; from < count; from += kBatchSize) {
        const auto results = (*ca)->issueContractCertificates(requests.mid(from, kBatchSize), contracts);
        for (const auto &result : results) {
            if (!result)
                return fail(result.error().message);
            serials.append(result->serial);
        }
    }
    const double issueSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double issueCpuSeconds = threadCpuSeconds() - cpuStart;

    auto revoked = (*ca)->revoke(serials, RevocationReason::CessationOfOperation);
    if (!revoked)
        return fail(revoked.error().message);
    timer.restart();
    auto crl = (*ca)->publishCrl();
    const double crlSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!crl)
        return fail(crl.error().message);

    return {{QStringLiteral("certificates"), count},
            {QStringLiteral("certs_per_s"), qRound64(count / issueSeconds)},
            {QStringLiteral("certs_per_cpu_s"), qRound64(count / issueCpuSeconds)},
            {QStringLiteral("crl_entries"), *revoked},
            {QStringLiteral("crl_bytes"), crl->size()},
            {QStringLiteral("crl_100k_s"), qRound(crlSeconds * 1000) / 1000.0}};
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("pki"), QStringLiteral("contract certificate issuance and CRL signing"), runPki);
} // namespace
