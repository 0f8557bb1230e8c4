#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace cloudex::pki {

/// An ECDSA P-256 private key, the only key type CloudEx certificates carry. Keys are
/// generated where they are used (buyer's manage side, seller's agent, the CA itself) and
/// never leave their owner: only CSRs and certificates travel. Cheap to copy (shared).
class PrivateKey
{
public:
    PrivateKey();
    ~PrivateKey();
    PrivateKey(const PrivateKey &);
    PrivateKey &operator=(const PrivateKey &);

    /// A fresh P-256 key from OpenSSL's CSPRNG.
    static Result<PrivateKey> generate();
    /// Reads a PEM private key (PKCS#8, encrypted when `passphrase` is given). Keys other
    /// than P-256 are refused.
    static Result<PrivateKey> fromPem(const QByteArray &pem, const QString &passphrase = {});

    bool isNull() const { return !d; }
    /// PKCS#8 PEM, encrypted with AES-256-CBC under a PBKDF2-derived key when `passphrase`
    /// is not empty.
    Result<QByteArray> toPem(const QString &passphrase = {}) const;
    /// The SubjectPublicKeyInfo (DER).
    QByteArray publicKeyDer() const;

    /// Internal: the OpenSSL EVP_PKEY*, for code inside backend/pki.
    void *handle() const;

private:
    struct Private;
    std::shared_ptr<Private> d;
};

/// What a certificate signing request asks for. The CA decides what it signs; the request
/// only proves possession of the key and names the requester.
struct CsrSubject
{
    QString participant;     ///< subject O: the requesting participant's id
    QString name;            ///< subject CN
    QStringList dnsNames;    ///< requested subjectAltName DNS entries (site certificates)
    QStringList ipAddresses; ///< requested subjectAltName IP entries (site certificates)
};

/// A PKCS#10 request (DER) for `key`, signed with it (ECDSA with SHA-256).
Result<QByteArray> createCertificateRequest(const PrivateKey &key, const CsrSubject &subject);

} // namespace cloudex::pki
