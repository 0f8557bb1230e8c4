#include "pki/requestverifier_p.h"

#include "pki/der_p.h"
#include "pki/extensions_p.h"

#include <openssl/core_names.h>
#include <openssl/params.h>

#include <QCoreApplication>
#include <QHostAddress>

namespace cloudex::pki {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Pki)
};

constexpr qsizetype kUncompressedPointSize = 65;
constexpr qsizetype kCompressedPointSize = 33;
constexpr quint8 kUncompressedPrefix = 0x04;
constexpr quint8 kGeneralNameDns = der::tag::contextPrimitive(2);
constexpr quint8 kGeneralNameIp = der::tag::contextPrimitive(7);
constexpr qsizetype kIpv4Size = 4;
constexpr qsizetype kIpv6Size = 16;

Error malformed()
{
    return Error{QStringLiteral("pki.csr.malformed"),
                 Tr::tr("The certificate signing request is malformed.")};
}

Error wrongKeyType()
{
    return Error{QStringLiteral("pki.csr.key-type"),
                 Tr::tr("The certificate signing request must carry an ECDSA P-256 key; other "
                        "key types and sizes are not accepted.")};
}

// Name ::= SEQUENCE OF SET OF SEQUENCE { type OID, value ANY }
bool readName(QByteArrayView content, ParsedRequest &request)
{
    der::Reader rdns(content);
    bool seenOrganisation = false;
    bool seenCommonName = false;
    while (!rdns.atEnd()) {
        der::Element set;
        if (!rdns.expect(der::tag::Set, set))
            return false;
        der::Reader atvs(set.content);
        while (!atvs.atEnd()) {
            der::Element atv;
            der::Element type;
            der::Element value;
            if (!atvs.expect(der::tag::Sequence, atv))
                return false;
            der::Reader fields(atv.content);
            if (!fields.expect(der::tag::Oid, type) || !fields.next(value) || !fields.atEnd())
                return false;
            QString *target = nullptr;
            bool *seen = nullptr;
            if (type.content == ext::kOidOrganisation) {
                target = &request.organisation;
                seen = &seenOrganisation;
            } else if (type.content == ext::kOidCommonName) {
                target = &request.commonName;
                seen = &seenCommonName;
            }
            if (!target)
                continue;
            // Two O or CN attributes would make "who is asking" ambiguous.
            if (*seen || !der::readString(value, *target))
                return false;
            *seen = true;
        }
    }
    return true;
}

// Collects DNS and IP subjectAltNames from the extensionRequest attribute, if any.
bool readAttributes(QByteArrayView content, ParsedRequest &request)
{
    der::Reader attributes(content);
    while (!attributes.atEnd()) {
        der::Element attribute;
        der::Element type;
        der::Element values;
        if (!attributes.expect(der::tag::Sequence, attribute))
            return false;
        der::Reader fields(attribute.content);
        if (!fields.expect(der::tag::Oid, type) || !fields.expect(der::tag::Set, values))
            return false;
        if (type.content != ext::kOidExtensionRequest)
            continue;
        der::Reader valueReader(values.content);
        der::Element extensions;
        if (!valueReader.expect(der::tag::Sequence, extensions))
            return false;
        der::Reader extensionReader(extensions.content);
        while (!extensionReader.atEnd()) {
            der::Element extension;
            der::Element oid;
            der::Element value;
            if (!extensionReader.expect(der::tag::Sequence, extension))
                return false;
            der::Reader parts(extension.content);
            if (!parts.expect(der::tag::Oid, oid))
                return false;
            der::Element critical;
            if (parts.peekTag() == der::tag::Boolean && !parts.next(critical))
                return false;
            if (!parts.expect(der::tag::OctetString, value))
                return false;
            if (oid.content != ext::kOidSubjectAltName)
                continue;
            der::Reader valueParts(value.content);
            der::Element names;
            if (!valueParts.expect(der::tag::Sequence, names))
                return false;
            der::Reader nameReader(names.content);
            while (!nameReader.atEnd()) {
                der::Element name;
                if (!nameReader.next(name))
                    return false;
                if (name.tag == kGeneralNameDns) {
                    request.dnsNames.append(QString::fromLatin1(name.content));
                } else if (name.tag == kGeneralNameIp) {
                    QHostAddress address;
                    if (name.content.size() == kIpv4Size) {
                        quint32 ip = 0;
                        for (const char byte : name.content)
                            ip = (ip << 8) | quint8(byte);
                        address.setAddress(ip);
                    } else if (name.content.size() == kIpv6Size) {
                        address.setAddress(reinterpret_cast<const quint8 *>(name.content.data()));
                    } else {
                        return false;
                    }
                    request.ipAddresses.append(address.toString());
                }
            }
        }
    }
    return true;
}
} // namespace

RequestVerifier::RequestVerifier()
    : m_sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr))
    , m_mdContext(EVP_MD_CTX_new())
{
    static constexpr char kGroup[] = "prime256v1";
    const ossl::PkeyCtx context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char *>(kGroup), 0),
        OSSL_PARAM_construct_end()};
    EVP_PKEY *group = nullptr;
    if (context && EVP_PKEY_fromdata_init(context.get()) == 1
        && EVP_PKEY_fromdata(context.get(), &group, EVP_PKEY_KEY_PARAMETERS, params) == 1)
        m_group.reset(group);
    ossl::drainErrors();
}

bool RequestVerifier::digest(QByteArrayView data, unsigned char (&out)[32])
{
    unsigned int length = 0;
    return m_sha256 && m_mdContext && EVP_DigestInit_ex2(m_mdContext.get(), m_sha256.get(), nullptr) == 1
           && EVP_DigestUpdate(m_mdContext.get(), data.data(), size_t(data.size())) == 1
           && EVP_DigestFinal_ex(m_mdContext.get(), out, &length) == 1 && length == sizeof out;
}

Result<ParsedRequest> RequestVerifier::verify(QByteArrayView input)
{
    // CertificationRequest ::= SEQUENCE { info, signatureAlgorithm, signature BIT STRING }
    der::Reader top(input);
    der::Element request;
    if (!top.expect(der::tag::Sequence, request) || !top.atEnd())
        return malformed();
    der::Reader parts(request.content);
    der::Element info;
    der::Element algorithm;
    der::Element signature;
    if (!parts.expect(der::tag::Sequence, info) || !parts.expect(der::tag::Sequence, algorithm)
        || !parts.expect(der::tag::BitString, signature) || !parts.atEnd())
        return malformed();

    // CertificationRequestInfo ::= SEQUENCE { version 0, subject, SPKI, [0] attributes }
    ParsedRequest parsed;
    der::Reader fields(info.content);
    der::Element version;
    der::Element subject;
    der::Element spki;
    der::Element attributes;
    if (!fields.expect(der::tag::Integer, version) || version.content != QByteArrayView("\0", 1)
        || !fields.expect(der::tag::Sequence, subject) || !fields.expect(der::tag::Sequence, spki)
        || !fields.expect(der::tag::contextConstructed(0), attributes) || !fields.atEnd())
        return malformed();
    if (!readName(subject.content, parsed) || !readAttributes(attributes.content, parsed))
        return malformed();

    // SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, BIT STRING }
    der::Reader keyParts(spki.content);
    der::Element keyAlgorithm;
    der::Element keyBits;
    if (!keyParts.expect(der::tag::Sequence, keyAlgorithm) || !keyParts.expect(der::tag::BitString, keyBits)
        || !keyParts.atEnd())
        return malformed();
    der::Reader algorithmParts(keyAlgorithm.content);
    der::Element keyType;
    if (!algorithmParts.expect(der::tag::Oid, keyType))
        return malformed();
    if (keyType.content != ext::kOidEcPublicKey)
        return wrongKeyType();
    der::Element curve;
    if (!algorithmParts.expect(der::tag::Oid, curve) || !algorithmParts.atEnd())
        return wrongKeyType(); // explicit curve parameters are not accepted either
    if (curve.content != ext::kOidPrime256v1)
        return wrongKeyType();
    if (keyBits.content.size() < 2 || keyBits.content[0] != 0)
        return malformed();
    const QByteArrayView point = keyBits.content.sliced(1);
    const quint8 prefix = quint8(point[0]);
    if (!((point.size() == kUncompressedPointSize && prefix == kUncompressedPrefix)
          || (point.size() == kCompressedPointSize && (prefix == 2 || prefix == 3))))
        return malformed();

    // Only ECDSA with SHA-256 (RFC 5758: no parameters).
    der::Reader signatureAlgorithm(algorithm.content);
    der::Element signatureOid;
    if (!signatureAlgorithm.expect(der::tag::Oid, signatureOid) || !signatureAlgorithm.atEnd()
        || signatureOid.content != ext::kOidEcdsaWithSha256)
        return Error{QStringLiteral("pki.csr.signature-algorithm"),
                     Tr::tr("The certificate signing request must be signed with ECDSA and SHA-256.")};
    if (signature.content.size() < 2 || signature.content[0] != 0)
        return malformed();

    // Build the key straight from the point; setting it checks that it lies on the curve.
    const ossl::Pkey key(EVP_PKEY_new());
    if (!m_group || !key || EVP_PKEY_copy_parameters(key.get(), m_group.get()) != 1
        || EVP_PKEY_set1_encoded_public_key(key.get(), reinterpret_cast<const unsigned char *>(point.data()),
                                            size_t(point.size()))
               != 1) {
        ossl::drainErrors();
        return Error{QStringLiteral("pki.csr.bad-key"),
                     Tr::tr("The public key of the certificate signing request is invalid.")};
    }

    unsigned char hash[32];
    if (!digest(info.encoded, hash))
        return ossl::error(QStringLiteral("pki.internal"), Tr::tr("Internal error in the certificate authority."));
    const ossl::PkeyCtx verifyContext(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    const QByteArrayView sig = signature.content.sliced(1);
    if (!verifyContext || EVP_PKEY_verify_init(verifyContext.get()) != 1
        || EVP_PKEY_verify(verifyContext.get(), reinterpret_cast<const unsigned char *>(sig.data()),
                           size_t(sig.size()), hash, sizeof hash)
               != 1) {
        ossl::drainErrors();
        return Error{QStringLiteral("pki.csr.bad-signature"),
                     Tr::tr("The signature of the certificate signing request does not verify.")};
    }

    parsed.subjectPublicKeyInfo = spki.encoded;
    parsed.publicKey = point;
    return parsed;
}

} // namespace cloudex::pki
