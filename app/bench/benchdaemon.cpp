#include "benchdaemon.h"

#include "benchexchange.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

#include <sys/resource.h>

namespace cloudex::bench {
namespace {
constexpr int kStartTimeoutMs = 120'000;
constexpr int kStopTimeoutMs = 60'000;
const QString kPassphrase = QStringLiteral("cloudex");

std::optional<Digest> lastDigest(const QByteArray &log, const QRegularExpression &pattern)
{
    std::optional<Digest> found;
    QRegularExpressionMatchIterator it = pattern.globalMatch(QString::fromUtf8(log));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        found = Digest{m.captured(1).toULongLong(), m.captured(2).toULongLong(nullptr, 16)};
    }
    return found;
}
} // namespace

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        wait(2);
    }
    return true;
}

QString exchangeProgram(const QStringList &arguments)
{
    const qsizetype at = arguments.indexOf(QStringLiteral("--exchange"));
    if (at >= 0 && at + 1 < arguments.size())
        return arguments.at(at + 1);
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("cloudex-exchange"));
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

qint64 raiseOpenFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur == RLIM_INFINITY ? -1 : qint64(limit.rlim_cur);
}

Daemon::Daemon(QString program, QString dataDir, quint16 port, QStringList extra)
    : m_program(std::move(program))
    , m_dataDir(std::move(dataDir))
    , m_port(port)
    , m_extra(std::move(extra))
{
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                     [this] { m_out += m_process.readAllStandardOutput(); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                     [this] { m_err += m_process.readAllStandardError(); });
}

Daemon::~Daemon()
{
    if (running())
        kill();
}

Result<void> Daemon::init()
{
    QProcess init;
    init.start(m_program, {QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--init")});
    if (!init.waitForFinished(kStartTimeoutMs) || init.exitStatus() != QProcess::NormalExit ||
        init.exitCode() != 0)
        return Error{QStringLiteral("bench.init"),
                     QStringLiteral("%1 --init failed: %2")
                         .arg(m_program, QString::fromUtf8(init.readAllStandardError()))};
    return {};
}

Result<double> Daemon::start()
{
    m_out.clear();
    m_err.clear();
    QElapsedTimer timer;
    timer.start();
    m_process.start(m_program,
                    QStringList{QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:%1").arg(m_port)} +
                        m_extra);
    const bool listening = waitUntil(
        [this] { return m_out.contains("listening on") || m_process.state() == QProcess::NotRunning; },
        kStartTimeoutMs);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!listening || !m_out.contains("listening on")) {
        m_err += m_process.readAllStandardError();
        return Error{
            QStringLiteral("bench.start"),
            QStringLiteral("the exchange did not start: %1").arg(QString::fromUtf8(m_err.right(2000)))};
    }
    return ms;
}

void Daemon::kill()
{
    m_process.kill(); // SIGKILL
    m_process.waitForFinished(kStopTimeoutMs);
}

bool Daemon::stop()
{
    m_process.terminate(); // SIGTERM
    waitUntil([this] { return m_process.state() == QProcess::NotRunning; }, kStopTimeoutMs);
    m_err += m_process.readAllStandardError();
    m_out += m_process.readAllStandardOutput();
    return m_process.state() == QProcess::NotRunning && m_process.exitStatus() == QProcess::NormalExit &&
           m_process.exitCode() == 0;
}

std::optional<Digest> Daemon::recovered() const
{
    static const QRegularExpression pattern(
        QStringLiteral("recovered the journal to sequence (\\d+) in \\d+ ms, state digest ([0-9a-f]+)"));
    return lastDigest(m_err, pattern);
}

std::optional<Digest> Daemon::stopped() const
{
    static const QRegularExpression pattern(
        QStringLiteral("stopped at sequence (\\d+), state digest ([0-9a-f]+)"));
    return lastDigest(m_err, pattern);
}

Result<QByteArray> Daemon::admin(const QStringList &arguments, int timeoutMs) const
{
    QProcess command;
    command.start(m_program, arguments + QStringList{QStringLiteral("--data-dir"), m_dataDir,
                                                     QStringLiteral("--server"), server()});
    if (!command.waitForFinished(timeoutMs) || command.exitStatus() != QProcess::NormalExit ||
        command.exitCode() != 0)
        return Error{QStringLiteral("bench.admin"),
                     QStringLiteral("cloudex-exchange %1 failed: %2")
                         .arg(arguments.join(u' '), QString::fromUtf8(command.readAllStandardError()))};
    return command.readAllStandardOutput();
}

Result<QSslConfiguration> Daemon::onboard(const QString &participant)
{
    const QString p12 = QDir(m_dataDir).filePath(QStringLiteral("../%1.p12").arg(participant));
    if (auto made = admin({QStringLiteral("onboard"), QStringLiteral("--kind"), QStringLiteral("participant"),
                           QStringLiteral("--participant"), participant, QStringLiteral("--role"),
                           QStringLiteral("both"), QStringLiteral("--out"), p12});
        !made)
        return made.error();
    // Far above the conservative defaults: the benchmarks trade thousands of orders each.
    if (auto limited = admin({QStringLiteral("limits"), QStringLiteral("--participant"), participant,
                              QStringLiteral("--max-order-quantity"), QStringLiteral("1000"),
                              QStringLiteral("--max-open-notional"), QStringLiteral("1000000000000000"),
                              QStringLiteral("--credit"), QStringLiteral("1000000000000000")});
        !limited)
        return limited.error();
    QFile file(p12);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("bench.identity"), QStringLiteral("cannot read %1").arg(p12)};
    QSslKey key;
    QSslCertificate certificate;
    QList<QSslCertificate> chain;
    if (!QSslCertificate::importPkcs12(&file, &key, &certificate, &chain, kPassphrase.toUtf8()))
        return Error{QStringLiteral("bench.identity"), QStringLiteral("cannot import %1").arg(p12)};
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPrivateKey(key);
    tls.setLocalCertificate(certificate);
    QFile ca(QDir(m_dataDir).filePath(QStringLiteral("ca.pem")));
    if (!ca.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("bench.identity"), QStringLiteral("cannot read the exchange CA")};
    tls.setCaCertificates(QSslCertificate::fromData(ca.readAll()));
    return tls;
}

Result<QJsonObject> Daemon::lastHour(const QString &product)
{
    auto listed = admin({QStringLiteral("instruments"), QStringLiteral("--product"), product,
                         QStringLiteral("--period"), QStringLiteral("H")});
    if (!listed)
        return listed.error();
    QJsonObject last;
    for (const QJsonValue &v :
         QJsonDocument::fromJson(listed.value()).object().value(u"instruments").toArray()) {
        const QJsonObject i = v.toObject();
        if (last.isEmpty() ||
            i.value(u"deliveryStart").toInteger() > last.value(u"deliveryStart").toInteger())
            last = i;
    }
    if (last.isEmpty())
        return Error{QStringLiteral("bench.instrument"),
                     QStringLiteral("no hourly instrument of %1").arg(product)};
    return last;
}

std::optional<std::pair<int, QByteArray>> takeResponseWithBody(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QByteArray head = buffer.left(end).toLower();
    const qsizetype at = head.indexOf("content-length:");
    constexpr qsizetype kFieldLength = 15; // "content-length:"
    const qint64 length =
        at < 0
            ? 0
            : head.mid(at + kFieldLength, head.indexOf('\r', at) - at - kFieldLength).trimmed().toLongLong();
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    const int status = head.mid(9, 3).toInt();
    QByteArray body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    return std::make_pair(status, body);
}

QByteArray httpRequest(const QByteArray &method, const QByteArray &path, const QByteArray &body)
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n";
    if (!body.isEmpty())
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

} // namespace cloudex::bench
