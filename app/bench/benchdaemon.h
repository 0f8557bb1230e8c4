#pragma once
// The real cloudex-exchange process for the crash and load suites: a data directory made by
// `--init`, participants onboarded and given limits by the admin commands, client identities
// from the PKCS#12 files those commands write, and the daemon started, killed and stopped as
// an operator (or a crash) would.

#include "core/result.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QProcess>
#include <QSslConfiguration>
#include <QStringList>

#include <functional>
#include <optional>

namespace cloudex::bench {

/// Runs the event loop until `done` or `timeoutMs`; true when `done`.
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

/// The cloudex-exchange next to cloudex-bench, or the one `--exchange PATH` names.
QString exchangeProgram(const QStringList &arguments);

/// A TCP port that was free a moment ago on 127.0.0.1.
quint16 freePort();

/// Raises this process's open-file soft limit to the hard limit; returns the new soft limit.
qint64 raiseOpenFileLimit();

/// A sequence number and state digest, as the daemon logs them.
struct Digest
{
    quint64 seq = 0;
    quint64 hash = 0;
    bool operator==(const Digest &) const = default;
};

class Daemon
{
public:
    Daemon(QString program, QString dataDir, quint16 port, QStringList extra = {});
    ~Daemon();

    QString dataDir() const { return m_dataDir; }
    quint16 port() const { return m_port; }
    QString server() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }

    /// `cloudex-exchange --data-dir DIR --init`.
    Result<void> init();
    /// Starts the daemon and waits for "listening on"; returns the milliseconds that took.
    Result<double> start();
    /// SIGKILL, as a crash: nothing of the daemon runs after it.
    void kill();
    /// SIGTERM, the orderly stop; true when the daemon exited 0.
    bool stop();
    bool running() const { return m_process.state() != QProcess::NotRunning; }

    /// The digest the last start logged after recovery ("recovered the journal to ...").
    std::optional<Digest> recovered() const;
    /// The digest the last orderly stop logged ("stopped at sequence ...").
    std::optional<Digest> stopped() const;
    /// stderr of the current (or last) run.
    QByteArray log() const { return m_err; }

    /// Runs an admin command (`onboard`, `limits`, `instruments`, `verify` ...) against this
    /// daemon and data directory; returns stdout, or an error with stderr.
    Result<QByteArray> admin(const QStringList &arguments, int timeoutMs = 60'000) const;

    /// Onboards a participant (role both) with limits far above what a benchmark trades and
    /// returns its TLS client configuration (key, certificate, the exchange CA).
    Result<QSslConfiguration> onboard(const QString &participant);
    /// An open hourly instrument of `product`, the one that starts last (so it stays open
    /// while a benchmark runs): its JSON object from GET /v1/instruments.
    Result<QJsonObject> lastHour(const QString &product);

private:
    QString m_program;
    QString m_dataDir;
    quint16 m_port;
    QStringList m_extra;
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};

/// Takes the next complete HTTP/1.1 response off the front of `buffer`: status and body.
std::optional<std::pair<int, QByteArray>> takeResponseWithBody(QByteArray &buffer);

/// A request line, headers and body for the benchmarks' raw clients (keep-alive).
QByteArray httpRequest(const QByteArray &method, const QByteArray &path, const QByteArray &body = {});

} // namespace cloudex::bench
