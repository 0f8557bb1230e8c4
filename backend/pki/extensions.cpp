#include "pki/extensions_p.h"

#include "pki/der_p.h"
#include "pki/openssl_p.h"
#include "pki/pkitypes.h"

#include <openssl/x509.h>

#include <QRegularExpression>

namespace cloudex::pki::ext {

namespace {
constexpr qint64 kMsPerSecond = 1000;
constexpr int kIdentityKinds = 3; // participant, user, site
constexpr qsizetype kMaxDnsNameLength = 253;
} // namespace

QByteArray encodeContract(const ContractTerms &terms, const QString &holder)
{
    QByteArray body;
    body.reserve(160);
    body += der::utf8String(terms.id);
    body += der::utf8String(terms.buyer);
    body += der::utf8String(terms.seller);
    body += der::utf8String(terms.instrument);
    body += der::integer(terms.volume);
    body += der::generalizedTime(terms.startMs / kMsPerSecond);
    body += der::generalizedTime(terms.endMs / kMsPerSecond);
    if (!holder.isEmpty())
        body += der::utf8String(holder);
    return der::tlv(der::tag::Sequence, body);
}

bool decodeContract(QByteArrayView input, ContractTerms &terms, QString *holder)
{
    der::Reader outer(input);
    der::Element sequence;
    if (!outer.expect(der::tag::Sequence, sequence) || !outer.atEnd())
        return false;
    der::Reader fields(sequence.content);
    der::Element e;
    qint64 start = 0;
    qint64 end = 0;
    const bool ok = fields.expect(der::tag::Utf8String, e) && der::readString(e, terms.id) &&
                    fields.expect(der::tag::Utf8String, e) && der::readString(e, terms.buyer) &&
                    fields.expect(der::tag::Utf8String, e) && der::readString(e, terms.seller) &&
                    fields.expect(der::tag::Utf8String, e) && der::readString(e, terms.instrument) &&
                    fields.expect(der::tag::Integer, e) && der::readInteger(e, terms.volume) &&
                    fields.expect(der::tag::GeneralizedTime, e) && der::readTime(e, start) &&
                    fields.expect(der::tag::GeneralizedTime, e) && der::readTime(e, end);
    // The holder, the user who asked for the certificate, is optional: certificates issued
    // before it was written have none.
    QString user;
    const bool holderOk = fields.atEnd() || (fields.expect(der::tag::Utf8String, e) &&
                                             der::readString(e, user) && !user.isEmpty() && fields.atEnd());
    if (holder)
        *holder = user;
    terms.startMs = start * kMsPerSecond;
    terms.endMs = end * kMsPerSecond;
    return ok && holderOk;
}

QByteArray encodeIdentity(const IdentityRequest &request)
{
    QByteArray permissions;
    for (const QString &permission : request.permissions)
        permissions += der::utf8String(permission);
    QByteArray body;
    body += der::tlv(der::tag::Enumerated, QByteArray(1, char(request.kind)));
    body += der::utf8String(request.participant);
    body += der::utf8String(request.organisation);
    body += der::utf8String(request.role);
    body += der::tlv(der::tag::Sequence, permissions);
    return der::tlv(der::tag::Sequence, body);
}

bool decodeIdentity(QByteArrayView input, IdentityRequest &request)
{
    der::Reader outer(input);
    der::Element sequence;
    if (!outer.expect(der::tag::Sequence, sequence) || !outer.atEnd())
        return false;
    der::Reader fields(sequence.content);
    der::Element e;
    if (!fields.expect(der::tag::Enumerated, e) || e.content.size() != 1 ||
        quint8(e.content[0]) >= kIdentityKinds)
        return false;
    request.kind = CertificateKind(quint8(e.content[0]));
    der::Element list;
    if (!(fields.expect(der::tag::Utf8String, e) && der::readString(e, request.participant) &&
          fields.expect(der::tag::Utf8String, e) && der::readString(e, request.organisation) &&
          fields.expect(der::tag::Utf8String, e) && der::readString(e, request.role) &&
          fields.expect(der::tag::Sequence, list) && fields.atEnd()))
        return false;
    request.permissions.clear();
    der::Reader items(list.content);
    while (!items.atEnd()) {
        QString permission;
        if (!items.expect(der::tag::Utf8String, e) || !der::readString(e, permission))
            return false;
        request.permissions.append(permission);
    }
    return true;
}

QString contractUrn(const QString &contractId)
{
    return QStringLiteral("urn:cloudex:contract:") + contractId;
}

bool isDnsName(const QString &name)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{"
                       "0,61}[A-Za-z0-9])?)*$"));
    return name.size() <= kMaxDnsNameLength && pattern.match(name).hasMatch();
}

} // namespace cloudex::pki::ext

namespace cloudex::pki {

std::optional<IdentityRequest> identityOf(const IssuedCertificate &certificate)
{
    const ossl::X509Ptr x509 = ossl::certificateFromDer(certificate.der);
    if (!x509)
        return std::nullopt;
    for (int i = 0; i < X509_get_ext_count(x509.get()); ++i) {
        X509_EXTENSION *extension = X509_get_ext(x509.get(), i);
        const ASN1_OBJECT *object = X509_EXTENSION_get_object(extension);
        const int oidLength = i2d_ASN1_OBJECT(object, nullptr);
        QByteArray oid(qMax(oidLength, 0), Qt::Uninitialized);
        auto *out = reinterpret_cast<unsigned char *>(oid.data());
        if (oidLength <= 2 || i2d_ASN1_OBJECT(object, &out) != oidLength || oid.mid(2) != ext::kIdentityOid)
            continue;
        const ASN1_OCTET_STRING *data = X509_EXTENSION_get_data(extension);
        IdentityRequest identity;
        if (!ext::decodeIdentity(QByteArrayView(reinterpret_cast<const char *>(ASN1_STRING_get0_data(data)),
                                                ASN1_STRING_length(data)),
                                 identity))
            return std::nullopt;
        identity.name = certificate.name;
        return identity;
    }
    return std::nullopt;
}

} // namespace cloudex::pki
