#pragma once

#include "core/result.h"
#include "pki/openssl_p.h"

namespace cloudex::pki {

/// The variable parts of a certificate; the signer adds version, serial, algorithm and issuer.
struct CertificateTemplate
{
    QByteArrayView serial;               ///< unsigned big-endian
    QByteArrayView subjectName;          ///< DER Name
    QByteArrayView subjectPublicKeyInfo; ///< DER
    qint64 notBefore = 0;                ///< seconds since the epoch
    qint64 notAfter = 0;
    QByteArrayView extensions; ///< concatenated DER Extension values
};

/// Internal: assembles TBSCertificate and TBSCertList DER by hand and signs them with the
/// CA key (ECDSA P-256, SHA-256). The signing context is created once and reused: setting
/// it up per certificate would cost as much as the signature. Not thread-safe.
class CertificateSigner
{
public:
    /// `key` is shared (reference counted), `issuerName` is the issuer's DER Name.
    CertificateSigner(EVP_PKEY *key, QByteArray issuerName);
    /// The issuer's subjectKeyIdentifier, which issued certificates and CRLs name.
    void setAuthorityKeyId(QByteArrayView keyId);

    bool isValid() const { return m_signContext && m_sha256 && m_mdContext; }
    const QByteArray &issuerName() const { return m_issuerName; }

    /// 16 random bytes, positive as a DER INTEGER and never starting with a zero byte.
    Result<QByteArray> newSerial() const;

    /// The signed certificate (DER).
    Result<QByteArray> signCertificate(const CertificateTemplate &fields);
    /// Wraps `tbs` (a DER TBSCertificate or TBSCertList) into the signed structure.
    Result<QByteArray> signStructure(QByteArrayView tbs);

    /// SHA-1 over the subjectPublicKey bits (RFC 5280, 4.2.1.2 method 1).
    QByteArray keyIdentifier(QByteArrayView subjectPublicKeyInfo);

    /// The authorityKeyIdentifier extension naming this issuer.
    const QByteArray &authorityKeyIdExtension() const { return m_authorityKeyIdExtension; }

    /// DER AlgorithmIdentifier for ecdsa-with-SHA256.
    static QByteArray signatureAlgorithm();
    /// DER Name O=<organisation>, CN=<commonName> (UTF8String values).
    /// O=<organisation>[, OU=<organisationalUnit>], CN=<commonName>.
    static QByteArray name(const QString &organisation, const QString &commonName,
                           const QString &organisationalUnit = {});
    /// A DER Extension.
    static QByteArray extension(QByteArrayView oid, bool critical, QByteArrayView value);

private:
    ossl::Pkey m_key;
    ossl::PkeyCtx m_signContext;
    ossl::Md m_sha256;
    ossl::Md m_sha1;
    ossl::MdCtx m_mdContext;
    QByteArray m_issuerName;
    QByteArray m_authorityKeyIdExtension;
};

} // namespace cloudex::pki
