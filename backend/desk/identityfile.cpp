#include "desk/identityfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace cloudex::desk {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Desk)
};
} // namespace

Result<QSslConfiguration> loadIdentityFile(const QString &path, const QByteArray &passphrase)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{QStringLiteral("identity.unreadable"),
                     Tr::tr("Cannot read the identity file %1: %2").arg(path, file.errorString())};
    }
    QSslKey key;
    QSslCertificate certificate;
    QList<QSslCertificate> chain;
    if (!QSslCertificate::importPkcs12(&file, &key, &certificate, &chain, passphrase)) {
        return Error{QStringLiteral("identity.invalid"),
                     Tr::tr("%1 is not a PKCS#12 identity, or the passphrase is wrong.").arg(path)};
    }
    if (certificate.subjectInfo(QSslCertificate::Organization).isEmpty()) {
        return Error{QStringLiteral("identity.not-cloudex"),
                     Tr::tr("The certificate in %1 names no participant (subject O).").arg(path)};
    }
    // Trust only the CA that issued this identity: the exchange must prove it belongs to it.
    QList<QSslCertificate> cas;
    for (const QSslCertificate &c : std::as_const(chain)) {
        if (c != certificate)
            cas.append(c);
    }
    if (cas.isEmpty()) {
        return Error{QStringLiteral("identity.no-ca"),
                     Tr::tr("%1 carries no CA certificate to trust the exchange with.").arg(path)};
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setLocalCertificateChain(QList<QSslCertificate>{certificate} + cas);
    tls.setPrivateKey(key);
    tls.setCaCertificates(cas);
    return tls;
}

} // namespace cloudex::desk
