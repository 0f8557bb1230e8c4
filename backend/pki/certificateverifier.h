#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "pki/contractdirectory.h"
#include "pki/pkitypes.h"

#include <QSslCertificate>

#include <memory>

namespace cloudex::pki {

/// What the caller expects of a peer's certificate. Empty strings are not checked.
struct Expectation
{
    CertificateKind kind = CertificateKind::Contract;
    /// The participant the certificate must belong to (a contract's buyer).
    QString participant;
    /// Identities: the expected subject name (user or site id).
    QString name;
    /// Contracts: the contract the peer must present.
    QString contractId;
    /// Contracts: the seller the contract must be with (a connect agent passes itself).
    QString seller;
    /// Contracts: when set, the contract must be held there, with the same terms, and not
    /// be terminated (a connect agent passes the contracts it pulled).
    const ContractDirectory *contracts = nullptr;
    /// Checks everything but the validity period of the certificate and the CRL (a buyer's
    /// wallet checking a certificate for a window that has not opened yet or has closed;
    /// the caller compares the period with its clock and passed a CRL it just fetched).
    bool ignoreValidityPeriod = false;
};

/// A certificate that passed verification, with what it says.
struct VerifiedCertificate
{
    QString serial;
    CertificateKind kind = CertificateKind::Contract;
    QString participant;
    QString name;
    qint64 notBeforeMs = 0;
    qint64 notAfterMs = 0;
    IdentityRequest identity; ///< participant, user and site certificates
    ContractTerms contract;   ///< contract certificates
    QString holder;           ///< contract certificates: the user who asked (empty for older ones)
};

/// The one check both the connect agent and the manage side apply to a certificate: chain
/// to the exchange root, validity at the clock's time, key usage and extended key usage,
/// revocation against a CRL signed by the root and still current, and that the contract
/// and parties inside are the ones the caller expects. Error codes are pki.verify.*.
class CertificateVerifier
{
public:
    explicit CertificateVerifier(const Clock &clock = SystemClock::instance());
    ~CertificateVerifier();
    CertificateVerifier(const CertificateVerifier &) = delete;
    CertificateVerifier &operator=(const CertificateVerifier &) = delete;

    /// The exchange root certificate (DER) everything must chain to.
    Result<void> setTrustAnchor(const QByteArray &rootDer);
    /// The current CRL (DER); refused unless the trust anchor signed it.
    Result<void> setCrl(const QByteArray &crlDer);

    /// thisUpdate and nextUpdate of the current CRL (ms since the epoch); 0 without a CRL.
    qint64 crlThisUpdateMs() const;
    qint64 crlNextUpdateMs() const;

    Result<VerifiedCertificate> verify(const QByteArray &certificateDer, const Expectation &expected) const;
    /// The same for a certificate the TLS layer has already decoded (a peer's): its OpenSSL
    /// handle is used as it is, so the certificate is not decoded a second time (OpenSSL 3.0
    /// decodes the public key through its provider machinery, most of an admission's cost).
    Result<VerifiedCertificate> verify(const QSslCertificate &certificate, const Expectation &expected) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cloudex::pki
