#include "net/peeridentity.h"

#include <QCoreApplication>

namespace cloudex::net {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};
} // namespace

Result<PeerIdentity> subjectIdentity(const QSslCertificate &certificate)
{
    if (certificate.isNull()) {
        return Error{QStringLiteral("auth.no-certificate"),
                     Tr::tr("The connection did not present a client certificate.")};
    }
    PeerIdentity identity;
    identity.participant = certificate.subjectInfo(QSslCertificate::Organization).value(0);
    identity.name = certificate.subjectInfo(QSslCertificate::CommonName).value(0);
    identity.serial = QString::fromLatin1(certificate.serialNumber()).remove(u':').toUpper();
    if (identity.participant.isEmpty() || identity.name.isEmpty()) {
        return Error{QStringLiteral("auth.incomplete-subject"),
                     Tr::tr("The client certificate names no participant (O) or no name (CN).")};
    }
    return identity;
}

} // namespace cloudex::net
