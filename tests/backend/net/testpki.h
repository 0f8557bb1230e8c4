#pragma once
// A throw-away PKI made by tests/data/net/make-test-pki.sh, and curl as the client.

#include "../../support/curl.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

class TestPki
{
public:
    bool create()
    {
        QProcess p;
        p.start(QStringLiteral("bash"),
                {QStringLiteral(CLOUDEX_TEST_DATA_DIR "/net/make-test-pki.sh"), m_dir.path()});
        return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QByteArray read(const QString &name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QSslConfiguration serverTls() const
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(read(QStringLiteral("server.pem"))));
        tls.setPrivateKey(QSslKey(read(QStringLiteral("server.key")), QSsl::Ec));
        tls.setCaCertificates(QSslCertificate::fromData(read(QStringLiteral("ca.pem"))));
        return tls;
    }

    /// TLS for a Qt client presenting `who`'s certificate.
    QSslConfiguration clientTls(const QString &who) const
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(read(who + QStringLiteral(".pem"))));
        tls.setPrivateKey(QSslKey(read(who + QStringLiteral(".key")), QSsl::Ec));
        tls.setCaCertificates(QSslCertificate::fromData(read(QStringLiteral("ca.pem"))));
        return tls;
    }

private:
    QTemporaryDir m_dir;
};

/// curl as `who` (empty: no client certificate) against the server on `port`.
inline CurlResult curl(const TestPki &pki, const QString &who, quint16 port, const QString &method,
                       const QString &path, const QStringList &extra = {})
{
    QStringList args{QStringLiteral("-X"), method, QStringLiteral("--cacert"), pki.path(QStringLiteral("ca.pem"))};
    if (!who.isEmpty()) {
        args << QStringLiteral("--cert") << pki.path(who + QStringLiteral(".pem")) << QStringLiteral("--key")
             << pki.path(who + QStringLiteral(".key"));
    }
    args << extra << QStringLiteral("https://localhost:%1%2").arg(port).arg(path);
    return runCurl(args);
}
