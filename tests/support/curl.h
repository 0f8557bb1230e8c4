#pragma once
// curl as a real HTTPS client for tests whose server runs on the test's own event loop.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTest>

struct CurlResult
{
    int exitCode = -1; ///< -1: curl did not finish in time
    int status = 0;    ///< HTTP status; 0 when no answer came (a refused handshake)
    QByteArray body;
    QByteArray contentType;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString code() const { return json().value(QStringLiteral("code")).toString(); }
};

/// Runs `curl -s -H 'Expect:' -w <status line> ARGS...` while the event loop keeps serving.
/// Qt 6.4's HttpServer does not answer 100-continue, hence the empty Expect header.
inline CurlResult runCurl(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral("curl"),
                  QStringList{QStringLiteral("-s"), QStringLiteral("-H"), QStringLiteral("Expect:"),
                              QStringLiteral("-w"), QStringLiteral("\n%{http_code} %{content_type}")}
                      + args);
    CurlResult result;
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitCode();
    const QByteArray out = process.readAllStandardOutput();
    const qsizetype cut = out.lastIndexOf('\n');
    result.body = out.left(cut);
    const QList<QByteArray> tail = out.mid(cut + 1).split(' ');
    result.status = tail.value(0).toInt();
    result.contentType = tail.value(1);
    return result;
}
