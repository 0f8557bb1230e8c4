#pragma once

// Shared fixtures for the certificate authority tests: a CA in a scratch directory, buyer
// keys and CSRs, contracts, and the openssl command line as an independent peer.

#include "core/clock.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QDateTime>
#include <QProcess>
#include <QTest>

namespace pkitest {

using namespace cloudex::pki;

inline constexpr qint64 kHourMs = 3'600'000;
inline constexpr qint64 kDayMs = 24 * kHourMs;

/// 2026-12-01T00:00:00Z, the tests' "now" unless they need the real time.
inline qint64 fixedNowMs()
{
    return QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

inline QByteArray csrFor(const PrivateKey &key, const QString &participant, const QString &name,
                         const QStringList &dns = {}, const QStringList &ips = {})
{
    auto csr = createCertificateRequest(key, {participant, name, dns, ips});
    if (!csr)
        qFatal("cannot create a CSR: %s", qPrintable(csr.error().message));
    return *csr;
}

inline PrivateKey newKey()
{
    auto key = PrivateKey::generate();
    if (!key)
        qFatal("cannot generate a key: %s", qPrintable(key.error().message));
    return *key;
}

inline ContractTerms contract(const QString &id, qint64 startMs, qint64 endMs,
                              const QString &buyer = QStringLiteral("p-acme"),
                              const QString &seller = QStringLiteral("p-dc1"))
{
    return ContractTerms{id, buyer, seller, QStringLiteral("DE.GP2.SH.S1.H2026-12-01T14"), 4, startMs, endMs, false};
}

/// The error of a failed result for QVERIFY2 (Qt 6.4 evaluates its message eagerly).
template<typename T>
QByteArray why(const cloudex::Result<T> &result)
{
    return result.ok() ? QByteArray() : (result.error().code + u": "_qs + result.error().message).toUtf8();
}

/// Runs a command line tool to completion; returns exit code, stdout+stderr in `output`.
inline int run(const QString &program, const QStringList &arguments, QByteArray *output = nullptr,
               const QByteArray &input = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted())
        return -1;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000))
        return -2;
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -3;
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace pkitest
