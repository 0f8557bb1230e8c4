#include "exchange/authenticator.h"

#include "pki/certificateauthority.h"
#include "pki/certificateverifier.h"

#include <QCoreApplication>
#include <QSslCertificate>

namespace cloudex::exchange {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};
} // namespace

Authenticator::Authenticator(const Clock &clock, pki::CertificateAuthority &ca)
    : m_clock(clock)
    , m_ca(ca)
    , m_verifier(std::make_unique<pki::CertificateVerifier>(clock))
{}

Authenticator::~Authenticator() = default;

Result<void> Authenticator::open()
{
    return m_verifier->setTrustAnchor(m_ca.rootCertificate());
}

Result<net::PeerIdentity> Authenticator::authenticate(const QSslCertificate &certificate)
{
    if (certificate.isNull()) {
        return Error{QStringLiteral("auth.no-certificate"), Tr::tr("The client presented no certificate.")};
    }
    // The handshake checked the chain to our root, and the CA never reuses a serial, so the
    // serial names the certificate.
    const QByteArray qtSerial = certificate.serialNumber();
    if (auto it = m_identities.constFind(qtSerial); it != m_identities.constEnd()) {
        if (m_clock.nowMs() < it->notAfterMs)
            return it->identity;
        m_identities.erase(it);
    }
    const QString serial = QString::fromLatin1(qtSerial).remove(u':').toUpper();
    const QByteArray der = certificate.toDer();
    const std::optional<pki::IssuedCertificate> record = m_ca.find(serial);
    if (!record || record->der != der) {
        return Error{QStringLiteral("auth.unknown-certificate"),
                     Tr::tr("The certificate was not issued by this exchange.")};
    }
    if (record->kind == pki::CertificateKind::Contract) {
        return Error{QStringLiteral("auth.wrong-kind"),
                     Tr::tr("A contract certificate is not an identity for the exchange API.")};
    }
    if (m_ca.isRevoked(serial))
        return Error{QStringLiteral("auth.revoked"), Tr::tr("The certificate has been revoked.")};
    auto crl = m_ca.crl();
    if (!crl)
        return crl.error();
    if (auto set = m_verifier->setCrl(crl.value()); !set)
        return set.error();
    pki::Expectation expectation;
    expectation.kind = record->kind;
    auto verified = m_verifier->verify(der, expectation);
    if (!verified)
        return Error{QStringLiteral("auth.invalid-certificate"), verified.error().message};

    net::PeerIdentity identity;
    identity.participant = verified->participant;
    identity.name = verified->name;
    identity.role = verified->identity.role;
    identity.permissions = verified->identity.permissions;
    identity.serial = serial;
    m_identities.insert(qtSerial, CachedIdentity{identity, verified->notAfterMs});
    return identity;
}

} // namespace cloudex::exchange
