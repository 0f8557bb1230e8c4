#include "pki/certificatesigner_p.h"

#include "pki/der_p.h"
#include "pki/extensions_p.h"

#include <openssl/rand.h>

#include <QCoreApplication>

namespace cloudex::pki {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Pki)
};

constexpr int kSerialBytes = 16;
constexpr int kMaxEcdsaSignature = 80; // DER ECDSA-Sig-Value for P-256 is at most 72 bytes
constexpr unsigned int kSha256Size = 32;
// TBSCertificate version [0] EXPLICIT INTEGER v3(2)
constexpr QByteArrayView kVersion3("\xa0\x03\x02\x01\x02", 5);

Error internal()
{
    return ossl::error(QStringLiteral("pki.sign-failed"), Tr::tr("The certificate authority could not sign."));
}
} // namespace

CertificateSigner::CertificateSigner(EVP_PKEY *key, QByteArray issuerName)
    : m_sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr))
    , m_sha1(EVP_MD_fetch(nullptr, "SHA1", nullptr))
    , m_mdContext(EVP_MD_CTX_new())
    , m_issuerName(std::move(issuerName))
{
    if (key && EVP_PKEY_up_ref(key) == 1) {
        m_key.reset(key);
        m_signContext.reset(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
        if (m_signContext && EVP_PKEY_sign_init(m_signContext.get()) != 1)
            m_signContext.reset();
    }
}

void CertificateSigner::setAuthorityKeyId(QByteArrayView keyId)
{
    // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING }
    const QByteArray value = der::tlv(der::tag::Sequence, der::tlv(der::tag::contextPrimitive(0), keyId));
    m_authorityKeyIdExtension = extension(ext::kOidAuthorityKeyId, false, value);
}

Result<QByteArray> CertificateSigner::newSerial() const
{
    QByteArray serial(kSerialBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(serial.data()), kSerialBytes) != 1)
        return internal();
    // Clear the sign bit and set the next one: positive, fixed length, no leading zero.
    serial[0] = char((quint8(serial[0]) & 0x7f) | 0x40);
    return serial;
}

Result<QByteArray> CertificateSigner::signCertificate(const CertificateTemplate &fields)
{
    const QByteArray serial = der::unsignedInteger(fields.serial);
    const QByteArray algorithm = signatureAlgorithm();
    const QByteArray notBefore = der::x509Time(fields.notBefore);
    const QByteArray notAfter = der::x509Time(fields.notAfter);
    QByteArray validityHeader;
    der::appendHeader(validityHeader, der::tag::Sequence, notBefore.size() + notAfter.size());
    QByteArray extensionsBody;
    der::appendHeader(extensionsBody, der::tag::Sequence, fields.extensions.size());
    QByteArray extensionsHeader;
    der::appendHeader(extensionsHeader, der::tag::contextConstructed(3),
                      extensionsBody.size() + fields.extensions.size());

    const qsizetype bodySize = kVersion3.size() + serial.size() + algorithm.size() + m_issuerName.size()
                               + validityHeader.size() + notBefore.size() + notAfter.size()
                               + fields.subjectName.size() + fields.subjectPublicKeyInfo.size()
                               + extensionsHeader.size() + extensionsBody.size() + fields.extensions.size();
    QByteArray tbs;
    tbs.reserve(bodySize + 8);
    der::appendHeader(tbs, der::tag::Sequence, bodySize);
    tbs.append(kVersion3);
    tbs.append(serial);
    tbs.append(algorithm);
    tbs.append(m_issuerName);
    tbs.append(validityHeader);
    tbs.append(notBefore);
    tbs.append(notAfter);
    tbs.append(fields.subjectName);
    tbs.append(fields.subjectPublicKeyInfo);
    tbs.append(extensionsHeader);
    tbs.append(extensionsBody);
    tbs.append(fields.extensions);
    return signStructure(tbs);
}

Result<QByteArray> CertificateSigner::signStructure(QByteArrayView tbs)
{
    if (!isValid())
        return internal();
    unsigned char hash[kSha256Size];
    unsigned int hashLength = 0;
    if (EVP_DigestInit_ex2(m_mdContext.get(), m_sha256.get(), nullptr) != 1
        || EVP_DigestUpdate(m_mdContext.get(), tbs.data(), size_t(tbs.size())) != 1
        || EVP_DigestFinal_ex(m_mdContext.get(), hash, &hashLength) != 1 || hashLength != kSha256Size)
        return internal();
    unsigned char signature[kMaxEcdsaSignature];
    size_t signatureLength = sizeof signature;
    if (EVP_PKEY_sign(m_signContext.get(), signature, &signatureLength, hash, hashLength) != 1)
        return internal();

    const QByteArray algorithm = signatureAlgorithm();
    const QByteArray bits = der::bitString(QByteArrayView(signature, qsizetype(signatureLength)));
    QByteArray out;
    const qsizetype bodySize = tbs.size() + algorithm.size() + bits.size();
    out.reserve(bodySize + 8);
    der::appendHeader(out, der::tag::Sequence, bodySize);
    out.append(tbs);
    out.append(algorithm);
    out.append(bits);
    return out;
}

QByteArray CertificateSigner::keyIdentifier(QByteArrayView subjectPublicKeyInfo)
{
    // The key bits are the BIT STRING inside the SPKI, without its unused-bits byte.
    der::Reader top(subjectPublicKeyInfo);
    der::Element spki;
    der::Element algorithm;
    der::Element bits;
    if (!top.expect(der::tag::Sequence, spki))
        return {};
    der::Reader parts(spki.content);
    if (!parts.expect(der::tag::Sequence, algorithm) || !parts.expect(der::tag::BitString, bits)
        || bits.content.isEmpty())
        return {};
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!m_sha1 || EVP_DigestInit_ex2(m_mdContext.get(), m_sha1.get(), nullptr) != 1
        || EVP_DigestUpdate(m_mdContext.get(), bits.content.data() + 1, size_t(bits.content.size() - 1)) != 1
        || EVP_DigestFinal_ex(m_mdContext.get(), hash, &length) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(hash), length);
}

QByteArray CertificateSigner::signatureAlgorithm()
{
    return der::tlv(der::tag::Sequence, der::tlv(der::tag::Oid, ext::kOidEcdsaWithSha256));
}

QByteArray CertificateSigner::name(const QString &organisation, const QString &commonName,
                                   const QString &organisationalUnit)
{
    const auto rdn = [](QByteArrayView oid, const QString &value) {
        QByteArray atv = der::tlv(der::tag::Oid, oid);
        atv += der::utf8String(value);
        return der::tlv(der::tag::Set, der::tlv(der::tag::Sequence, atv));
    };
    QByteArray rdns = rdn(ext::kOidOrganisation, organisation);
    if (!organisationalUnit.isEmpty())
        rdns += rdn(ext::kOidOrganisationalUnit, organisationalUnit);
    rdns += rdn(ext::kOidCommonName, commonName);
    return der::tlv(der::tag::Sequence, rdns);
}

QByteArray CertificateSigner::extension(QByteArrayView oid, bool critical, QByteArrayView value)
{
    QByteArray body = der::tlv(der::tag::Oid, oid);
    if (critical)
        body.append(QByteArrayView("\x01\x01\xff", 3));
    der::appendTlv(body, der::tag::OctetString, value);
    return der::tlv(der::tag::Sequence, body);
}

} // namespace cloudex::pki
