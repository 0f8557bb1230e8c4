#include "pki/certificateverifier.h"

#include "pki/extensions_p.h"
#include "pki/openssl_p.h"

#include <openssl/bn.h>
#include <openssl/x509v3.h>

#include <QCoreApplication>
#include <QSslSocket>
#include <QDateTime>

namespace cloudex::pki {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Pki)
};

constexpr qint64 kMsPerSecond = 1000;

Error failure(const char *code, const QString &message)
{
    ossl::drainErrors();
    return Error{QString::fromLatin1(code), message};
}

// The error OpenSSL's chain verification reported, as a CloudEx error.
Error chainError(int error)
{
    switch (error) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return failure("pki.verify.expired", Tr::tr("The certificate has expired."));
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return failure("pki.verify.not-yet-valid", Tr::tr("The certificate is not valid yet."));
    case X509_V_ERR_CERT_REVOKED:
        return failure("pki.verify.revoked", Tr::tr("The certificate has been revoked."));
    case X509_V_ERR_UNABLE_TO_GET_CRL:
        return failure("pki.verify.no-crl", Tr::tr("There is no revocation list to check the certificate against."));
    case X509_V_ERR_CRL_HAS_EXPIRED:
        return failure("pki.verify.crl-stale", Tr::tr("The revocation list is out of date."));
    case X509_V_ERR_CRL_NOT_YET_VALID:
        return failure("pki.verify.crl-stale", Tr::tr("The revocation list is not valid yet."));
    case X509_V_ERR_INVALID_PURPOSE:
        return failure("pki.verify.wrong-usage", Tr::tr("The certificate is not meant for this use."));
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        return failure("pki.verify.untrusted", Tr::tr("The certificate was not issued by the exchange."));
    default:
        return failure("pki.verify.failed", Tr::tr("The certificate does not verify: %1")
                                                .arg(QString::fromUtf8(X509_verify_cert_error_string(error))));
    }
}

QString nameEntry(const X509_NAME *name, int nid)
{
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    const ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, data);
    if (length < 0)
        return {};
    QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

qint64 timeMs(const ASN1_TIME *time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return 0;
    const QDateTime utc(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                        QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
    return utc.toMSecsSinceEpoch();
}

QByteArrayView extensionData(X509 *certificate, const ASN1_OBJECT *oid)
{
    const int index = X509_get_ext_by_OBJ(certificate, oid, -1);
    if (index < 0)
        return {};
    const ASN1_OCTET_STRING *data = X509_EXTENSION_get_data(X509_get_ext(certificate, index));
    return QByteArrayView(reinterpret_cast<const char *>(ASN1_STRING_get0_data(data)), ASN1_STRING_length(data));
}

QString sanUri(X509 *certificate)
{
    QString uri;
    auto *names = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
    if (!names)
        return uri;
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);
        if (name->type == GEN_URI) {
            uri = QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(name->d.uniformResourceIdentifier)),
                                      ASN1_STRING_length(name->d.uniformResourceIdentifier));
            break;
        }
    }
    GENERAL_NAMES_free(names);
    return uri;
}

QString serialHex(X509 *certificate)
{
    BIGNUM *number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    if (!number)
        return {};
    char *hex = BN_bn2hex(number);
    const QString text = hex ? QString::fromLatin1(hex) : QString();
    OPENSSL_free(hex);
    BN_free(number);
    return text;
}

bool sameTerms(const ContractTerms &a, const ContractTerms &b)
{
    return a.id == b.id && a.buyer == b.buyer && a.seller == b.seller && a.instrument == b.instrument
           && a.volume == b.volume && a.startMs / kMsPerSecond == b.startMs / kMsPerSecond
           && a.endMs / kMsPerSecond == b.endMs / kMsPerSecond;
}
} // namespace

struct CertificateVerifier::Private
{
    const Clock *clock = nullptr;
    ossl::X509Ptr root;
    /// The root alone, built once per trust anchor: a store made per verification sorted
    /// its objects again on every issuer lookup (about a sixth of an admission).
    /// OpenSSL locks a store's lookups, so verifications on several threads share it.
    ossl::X509Store store;
    ossl::X509Crl crl;
    ossl::Asn1Object contractOid{OBJ_txt2obj(ext::kContractOidText, 1)};
    ossl::Asn1Object identityOid{OBJ_txt2obj(ext::kIdentityOidText, 1)};

    Result<VerifiedCertificate> checkContract(X509 *certificate, VerifiedCertificate verified,
                                              const Expectation &expected) const;
    Result<VerifiedCertificate> checkIdentity(X509 *certificate, VerifiedCertificate verified,
                                              const Expectation &expected) const;
    /// verify() after the certificate is decoded (root and CRL are set).
    Result<VerifiedCertificate> verifyDecoded(X509 *certificate, const Expectation &expected) const;
};

CertificateVerifier::CertificateVerifier(const Clock &clock) : d(std::make_unique<Private>())
{
    d->clock = &clock;
}

CertificateVerifier::~CertificateVerifier() = default;

Result<void> CertificateVerifier::setTrustAnchor(const QByteArray &rootDer)
{
    ossl::X509Ptr root = ossl::certificateFromDer(rootDer);
    if (!root || X509_check_ca(root.get()) == 0)
        return failure("pki.verify.bad-anchor", Tr::tr("The exchange root certificate is damaged."));
    ossl::X509Store store(X509_STORE_new());
    if (!store || X509_STORE_add_cert(store.get(), root.get()) != 1)
        return ossl::error(QStringLiteral("pki.internal"), Tr::tr("Internal error in the certificate verifier."));
    d->root = std::move(root);
    d->store = std::move(store);
    d->crl.reset();
    return {};
}

Result<void> CertificateVerifier::setCrl(const QByteArray &crlDer)
{
    if (!d->root)
        return failure("pki.verify.no-anchor", Tr::tr("The exchange root certificate is not set."));
    ossl::X509Crl crl = ossl::crlFromDer(crlDer);
    if (!crl)
        return failure("pki.verify.bad-crl", Tr::tr("The revocation list is damaged."));
    EVP_PKEY *rootKey = X509_get0_pubkey(d->root.get());
    if (X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_subject_name(d->root.get())) != 0
        || !rootKey || X509_CRL_verify(crl.get(), rootKey) != 1)
        return failure("pki.verify.bad-crl", Tr::tr("The revocation list was not signed by the exchange."));
    // OpenSSL sorts the revoked entries on the first lookup (about 50 ms at 100,000 entries):
    // look up once here, so that the first certificate checked against this list is not the
    // one that waits.
    if (const ossl::Asn1Integer probe(ASN1_INTEGER_new()); probe) {
        X509_REVOKED *entry = nullptr;
        X509_CRL_get0_by_serial(crl.get(), &entry, probe.get());
    }
    d->crl = std::move(crl);
    return {};
}

qint64 CertificateVerifier::crlThisUpdateMs() const
{
    return d->crl ? timeMs(X509_CRL_get0_lastUpdate(d->crl.get())) : 0;
}

qint64 CertificateVerifier::crlNextUpdateMs() const
{
    return d->crl ? timeMs(X509_CRL_get0_nextUpdate(d->crl.get())) : 0;
}

Result<VerifiedCertificate> CertificateVerifier::verify(const QByteArray &certificateDer,
                                                        const Expectation &expected) const
{
    if (!d->root)
        return failure("pki.verify.no-anchor", Tr::tr("The exchange root certificate is not set."));
    if (!d->crl)
        return failure("pki.verify.no-crl", Tr::tr("There is no revocation list to check the certificate against."));
    const ossl::X509Ptr certificate = ossl::certificateFromDer(certificateDer);
    if (!certificate)
        return failure("pki.verify.malformed", Tr::tr("The certificate is damaged."));
    return d->verifyDecoded(certificate.get(), expected);
}

Result<VerifiedCertificate> CertificateVerifier::verify(const QSslCertificate &certificate,
                                                        const Expectation &expected) const
{
    // Qt's OpenSSL backend hands out its X509 (the same libcrypto as ours); with any other
    // backend the handle is something else, and the DER path is taken.
    static const bool openSslBackend = QSslSocket::activeBackend() == u"openssl";
    auto *handle = openSslBackend ? static_cast<X509 *>(certificate.handle()) : nullptr;
    if (!handle || !d->root || !d->crl)
        return verify(certificate.toDer(), expected);
    return d->verifyDecoded(handle, expected);
}

Result<VerifiedCertificate> CertificateVerifier::Private::verifyDecoded(X509 *decoded, const Expectation &expected) const
{
    const Private *d = this;
    // Not owned: the caller's (decoded here from DER, or the TLS layer's).
    const struct
    {
        X509 *handle;
        X509 *get() const { return handle; }
    } certificate{decoded};

    const ossl::X509StoreCtx context(X509_STORE_CTX_new());
    if (!context || X509_STORE_CTX_init(context.get(), d->store.get(), certificate.get(), nullptr) != 1)
        return ossl::error(QStringLiteral("pki.internal"), Tr::tr("Internal error in the certificate verifier."));
    X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(context.get());
    // Revocation is checked below, not with X509_V_FLAG_CRL_CHECK: OpenSSL would verify the
    // CRL's signature again for every certificate, hashing the whole list (about 5 MB at
    // 100,000 entries, milliseconds each time); setCrl() verified it once.
    X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_X509_STRICT
                                           | (expected.ignoreValidityPeriod ? X509_V_FLAG_NO_CHECK_TIME : 0));
    time_t now = time_t(d->clock->nowMs() / kMsPerSecond);
    // OpenSSL honours a set time before NO_CHECK_TIME: set it only when time is checked.
    if (!expected.ignoreValidityPeriod)
        X509_VERIFY_PARAM_set_time(param, now);
    const int purpose = expected.kind == CertificateKind::Site ? X509_PURPOSE_SSL_SERVER : X509_PURPOSE_SSL_CLIENT;
    if (X509_STORE_CTX_set_purpose(context.get(), purpose) != 1)
        return ossl::error(QStringLiteral("pki.internal"), Tr::tr("Internal error in the certificate verifier."));
    const int chain = X509_verify_cert(context.get()) == 1 ? X509_V_OK : X509_STORE_CTX_get_error(context.get());
    // As with OpenSSL's own CRL check, the CRL's times and the revocation come before the
    // certificate's validity period: a revoked certificate is "revoked", in its window or not.
    if (chain == X509_V_OK || chain == X509_V_ERR_CERT_NOT_YET_VALID || chain == X509_V_ERR_CERT_HAS_EXPIRED) {
        X509_CRL *crl = d->crl.get();
        if (!expected.ignoreValidityPeriod) {
            if (X509_cmp_time(X509_CRL_get0_lastUpdate(crl), &now) > 0)
                return chainError(X509_V_ERR_CRL_NOT_YET_VALID);
            const ASN1_TIME *next = X509_CRL_get0_nextUpdate(crl);
            if (next && X509_cmp_time(next, &now) < 0)
                return chainError(X509_V_ERR_CRL_HAS_EXPIRED);
        }
        // A sorted lookup (OpenSSL sorts the entries once per CRL).
        X509_REVOKED *entry = nullptr;
        if (X509_CRL_get0_by_cert(crl, &entry, certificate.get()) == 1)
            return chainError(X509_V_ERR_CERT_REVOKED);
    }
    if (chain != X509_V_OK)
        return chainError(chain);

    // Every CloudEx end-entity key signs (ECDHE handshakes); sites are also clients.
    const uint32_t keyUsage = X509_get_key_usage(certificate.get());
    const uint32_t extended = X509_get_extended_key_usage(certificate.get());
    const bool siteUsage = (extended & XKU_SSL_SERVER) && (extended & XKU_SSL_CLIENT);
    if (!(keyUsage & KU_DIGITAL_SIGNATURE) || !(extended & XKU_SSL_CLIENT)
        || (expected.kind == CertificateKind::Site && !siteUsage))
        return failure("pki.verify.wrong-usage", Tr::tr("The certificate is not meant for this use."));

    VerifiedCertificate verified;
    verified.serial = serialHex(certificate.get());
    const X509_NAME *subject = X509_get_subject_name(certificate.get());
    verified.participant = nameEntry(subject, NID_organizationName);
    verified.name = nameEntry(subject, NID_commonName);
    verified.notBeforeMs = timeMs(X509_get0_notBefore(certificate.get()));
    verified.notAfterMs = timeMs(X509_get0_notAfter(certificate.get()));
    if (!expected.participant.isEmpty() && verified.participant != expected.participant) {
        return failure("pki.verify.wrong-party",
                       Tr::tr("The certificate belongs to %1, not %2.").arg(verified.participant, expected.participant));
    }
    return expected.kind == CertificateKind::Contract ? d->checkContract(certificate.get(), verified, expected)
                                                      : d->checkIdentity(certificate.get(), verified, expected);
}

Result<VerifiedCertificate> CertificateVerifier::Private::checkContract(X509 *certificate, VerifiedCertificate verified,
                                                                        const Expectation &expected) const
{
    verified.kind = CertificateKind::Contract;
    const QByteArrayView data = extensionData(certificate, contractOid.get());
    if (data.isEmpty())
        return failure("pki.verify.wrong-kind", Tr::tr("The certificate is not a contract certificate."));
    ContractTerms &terms = verified.contract;
    // The CA writes contract, subject, SAN and validity from the same terms; a certificate
    // where they disagree was not made by it.
    if (!ext::decodeContract(data, terms, &verified.holder) || sanUri(certificate) != ext::contractUrn(terms.id)
        || verified.participant != terms.buyer || verified.name != terms.id
        || nameEntry(X509_get_subject_name(certificate), NID_organizationalUnitName) != verified.holder
        || verified.notBeforeMs != terms.startMs || verified.notAfterMs != terms.endMs)
        return failure("pki.verify.malformed", Tr::tr("The certificate's contract information is inconsistent."));
    if (!expected.contractId.isEmpty() && terms.id != expected.contractId) {
        return failure("pki.verify.wrong-contract",
                       Tr::tr("The certificate is for contract %1, not %2.").arg(terms.id, expected.contractId));
    }
    if (!expected.seller.isEmpty() && terms.seller != expected.seller) {
        return failure("pki.verify.wrong-contract",
                       Tr::tr("Contract %1 is not a contract with %2.").arg(terms.id, expected.seller));
    }
    if (expected.contracts) {
        const std::optional<ContractTerms> held = expected.contracts->find(terms.id);
        if (!held)
            return failure("pki.verify.unknown-contract", Tr::tr("Contract %1 is not known here.").arg(terms.id));
        if (held->terminated)
            return failure("pki.verify.terminated", Tr::tr("Contract %1 was terminated.").arg(terms.id));
        if (!sameTerms(*held, terms)) {
            return failure("pki.verify.contract-mismatch",
                           Tr::tr("The certificate's terms differ from contract %1.").arg(terms.id));
        }
    }
    return verified;
}

Result<VerifiedCertificate> CertificateVerifier::Private::checkIdentity(X509 *certificate, VerifiedCertificate verified,
                                                                        const Expectation &expected) const
{
    const QByteArrayView data = extensionData(certificate, identityOid.get());
    if (data.isEmpty() || !ext::decodeIdentity(data, verified.identity))
        return failure("pki.verify.wrong-kind", Tr::tr("The certificate is not an identity certificate."));
    verified.kind = verified.identity.kind;
    verified.identity.name = verified.name;
    if (verified.kind != expected.kind || verified.identity.participant != verified.participant)
        return failure("pki.verify.wrong-kind", Tr::tr("The certificate identifies something else."));
    if (!expected.name.isEmpty() && verified.name != expected.name) {
        return failure("pki.verify.wrong-party",
                       Tr::tr("The certificate belongs to %1, not %2.").arg(verified.name, expected.name));
    }
    return verified;
}

} // namespace cloudex::pki
