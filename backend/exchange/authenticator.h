#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "net/peeridentity.h"

#include <QByteArray>
#include <QHash>

#include <memory>

class QSslCertificate;

namespace cloudex::pki {
class CertificateAuthority;
class CertificateVerifier;
} // namespace cloudex::pki

namespace cloudex::exchange {

/// Who is calling: the identity, role and permissions of a TLS client certificate, checked
/// against the exchange CA (issued here, of a participant, user or site, not a contract
/// certificate, not revoked, not expired). Verified identities are cached by serial until
/// the certificate expires or a revocation clears the cache.
class Authenticator final
{
public:
    Authenticator(const Clock &clock, pki::CertificateAuthority &ca);
    ~Authenticator();

    /// Anchors verification in the CA's root; call once the CA is open.
    Result<void> open();

    Result<net::PeerIdentity> authenticate(const QSslCertificate &certificate);

    /// Forgets every cached identity: after a revocation, the next request is checked anew.
    void forget() { m_identities.clear(); }

private:
    struct CachedIdentity
    {
        net::PeerIdentity identity;
        qint64 notAfterMs = 0;
    };

    const Clock &m_clock;
    pki::CertificateAuthority &m_ca;
    std::unique_ptr<pki::CertificateVerifier> m_verifier;
    QHash<QByteArray, CachedIdentity> m_identities; ///< by the certificate's serial as Qt prints it
};

} // namespace cloudex::exchange
