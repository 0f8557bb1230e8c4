#pragma once

#include "core/result.h"

#include <QSslCertificate>
#include <QStringList>

#include <functional>

namespace cloudex::net {

/// Who is on the other end of a mutually authenticated TLS connection.
struct PeerIdentity
{
    QString participant; ///< participant id, the certificate subject's O
    QString name;        ///< user, site or participant id, the subject's CN
    QString role;
    QStringList permissions;
    QString serial; ///< certificate serial, upper-case hex

    bool hasPermission(const QString &permission) const { return permissions.contains(permission); }
};

/// Turns a verified peer certificate into an identity, or refuses it (revoked, unknown
/// participant, wrong kind of certificate). The TLS handshake has already checked the chain
/// and validity; this is the application's check on top.
using Authenticator = std::function<Result<PeerIdentity>(const QSslCertificate &certificate)>;

/// Reads O and CN of the subject; accepts any certificate the handshake accepted. For
/// servers whose CA is their own trust decision, and for tests.
Result<PeerIdentity> subjectIdentity(const QSslCertificate &certificate);

} // namespace cloudex::net
