#pragma once
// Keys, CSRs and files for tests that play the exchange CA and its participants with the
// real backend/pki: a real key, a real CSR, a real certificate written where curl reads it.

#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QFile>
#include <QSslCertificate>

namespace testsupport {

inline cloudex::pki::PrivateKey newKey()
{
    auto key = cloudex::pki::PrivateKey::generate();
    if (!key)
        qFatal("no key");
    return *key;
}

inline QByteArray csr(const cloudex::pki::PrivateKey &key, const QString &participant, const QString &name,
                      const QStringList &dns = {}, const QStringList &ips = {})
{
    auto request = cloudex::pki::createCertificateRequest(key, {participant, name, dns, ips});
    if (!request)
        qFatal("no CSR: %s", qPrintable(request.error().message));
    return *request;
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

inline QByteArray pem(const QByteArray &der)
{
    return QSslCertificate(der, QSsl::Der).toPem();
}

} // namespace testsupport
