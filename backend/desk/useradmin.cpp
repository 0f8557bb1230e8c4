#include "desk/useradmin.h"

#include "desk/exchangeclient.h"
#include "pki/pkcs12.h"
#include "pki/privatekey.h"

#include <QCoreApplication>
#include <QSslCertificate>

namespace cloudex::desk {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Desk)
};
} // namespace

void issueUserWithPkcs12(ExchangeClient *client, const QString &participant, api::UserIssueRequest request,
                         const QString &passphrase, QObject *context,
                         std::function<void(Result<IssuedUser>)> done)
{
    if (passphrase.isEmpty()) {
        return done(Error{QStringLiteral("desk.passphrase-required"),
                          Tr::tr("Choose a passphrase to protect the new user's PKCS#12 file.")});
    }
    auto key = pki::PrivateKey::generate();
    if (!key)
        return done(key.error());
    auto csr = pki::createCertificateRequest(key.value(), {participant, request.name, {}, {}});
    if (!csr)
        return done(csr.error());
    request.csr = QString::fromLatin1(csr->toBase64());
    auto *call = client->issueUser(participant, request);
    QObject::connect(
        call, &ExchangeJob::finished, context,
        [client, context, call, key = key.value(), passphrase, name = request.name, done = std::move(done)] {
            call->deleteLater();
            if (!call->ok())
                return done(call->result().error());
            const QByteArray der = QSslCertificate(call->value().certificate.toLatin1()).toDer();
            const QString serial = call->value().serial;
            // The bundle carries the exchange CA too: the user's desk trusts the exchange with it.
            auto *ca = client->caCertificate();
            QObject::connect(ca, &ExchangeJob::finished, context,
                             [ca, key, der, serial, passphrase, name, done] {
                                 ca->deleteLater();
                                 if (!ca->ok())
                                     return done(ca->result().error());
                                 auto bundle = pki::exportPkcs12(key, der, {ca->value()}, passphrase, name);
                                 if (!bundle)
                                     return done(bundle.error());
                                 done(IssuedUser{serial, bundle.value()});
                             });
        });
}

} // namespace cloudex::desk
