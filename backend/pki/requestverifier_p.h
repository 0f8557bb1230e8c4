#pragma once

#include "core/result.h"
#include "pki/openssl_p.h"

#include <QStringList>

namespace cloudex::pki {

/// What a verified PKCS#10 request says. Views point into the caller's DER.
struct ParsedRequest
{
    QByteArrayView subjectPublicKeyInfo; ///< DER, copied verbatim into the certificate
    QByteArrayView publicKey;            ///< the EC point inside it
    QString organisation;                ///< subject O
    QString commonName;                  ///< subject CN
    QStringList dnsNames;                ///< from the extensionRequest's subjectAltName
    QStringList ipAddresses;
};

/// Internal: reads a DER certificate signing request by hand and verifies its signature.
/// Only ECDSA P-256 keys signed with ECDSA-SHA256 are accepted. OpenSSL 3.0's d2i_X509_REQ
/// decodes the public key through the generic provider decoder, which alone costs more than
/// the signature check. Even EVP_PKEY_fromdata builds the curve group from its name for every
/// key (about 12 us); copying the group from a template key made once with EVP_PKEY_fromdata
/// and setting only the point costs about 4 us. Not thread-safe: one instance per thread.
class RequestVerifier
{
public:
    RequestVerifier();
    Result<ParsedRequest> verify(QByteArrayView der);

private:
    bool digest(QByteArrayView data, unsigned char (&out)[32]);

    ossl::Md m_sha256;
    ossl::MdCtx m_mdContext;
    ossl::Pkey m_group; ///< P-256 domain parameters, copied into each request's key
};

} // namespace cloudex::pki
