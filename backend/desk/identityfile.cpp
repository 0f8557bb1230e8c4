#include "desk/identityfile.h"

#include "net/apiclient.h"

#include <QCoreApplication>
#include <QSslCertificate>

namespace cloudex::desk {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Desk)
};
} // namespace

Result<QSslConfiguration> loadIdentityFile(const QString &path, const QByteArray &passphrase)
{
    auto tls = net::ApiClient::tlsFromPkcs12(path, passphrase, {});
    if (!tls)
        return tls;
    if (tls->localCertificate().subjectInfo(QSslCertificate::Organization).isEmpty()) {
        return Error{QStringLiteral("identity.not-cloudex"),
                     Tr::tr("The certificate in %1 names no participant (subject O).").arg(path)};
    }
    return tls;
}

} // namespace cloudex::desk
