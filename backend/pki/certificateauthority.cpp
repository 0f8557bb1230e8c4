#include "pki/certificateauthority.h"

#include "core/datadirectory.h"
#include "core/logging.h"
#include "pki/certificatesigner_p.h"
#include "pki/certificatestore_p.h"
#include "pki/der_p.h"
#include "pki/extensions_p.h"
#include "pki/openssl_p.h"
#include "pki/privatekey.h"
#include "pki/requestverifier_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSaveFile>

namespace cloudex::pki {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Pki)
};

constexpr char kKeyFile[] = "ca-key.pem";
constexpr char kCertificateFile[] = "ca-cert.pem";
constexpr char kDatabaseFile[] = "ca.sqlite";
constexpr char kCrlFile[] = "crl.pem";
constexpr qint64 kMsPerSecond = 1000;
constexpr qint64 kSecondsPerDay = 86'400;
// Identities and the root are backdated so that a peer whose clock runs a little behind
// still accepts a certificate issued a moment ago. Contract certificates are not: their
// validity is exactly the delivery window.
constexpr qint64 kBackdateSeconds = 3600;

// DER extension values.
constexpr QByteArrayView kBasicConstraintsCa("\x30\x03\x01\x01\xff", 5);
constexpr QByteArrayView kBasicConstraintsEndEntity("\x30\x00", 2);
constexpr QByteArrayView kKeyUsageDigitalSignature("\x03\x02\x07\x80", 4);
constexpr QByteArrayView kKeyUsageCertAndCrlSign("\x03\x02\x01\x06", 4);
constexpr quint8 kGeneralNameDns = der::tag::contextPrimitive(2);
constexpr quint8 kGeneralNameUri = der::tag::contextPrimitive(6);
constexpr quint8 kGeneralNameIp = der::tag::contextPrimitive(7);
constexpr int kCrlVersion2 = 1;

const QRegularExpression &idPattern()
{
    // Participant, user, site and contract ids: "p-acme", "u-alice", "c-000042", ...
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"));
    return pattern;
}

bool isId(const QString &id)
{
    return idPattern().match(id).hasMatch();
}

QByteArray extendedKeyUsage(bool server, bool client)
{
    QByteArray purposes;
    if (server)
        purposes += der::tlv(der::tag::Oid, ext::kOidServerAuth);
    if (client)
        purposes += der::tlv(der::tag::Oid, ext::kOidClientAuth);
    return CertificateSigner::extension(ext::kOidExtKeyUsage, false, der::tlv(der::tag::Sequence, purposes));
}

QString serialText(const QByteArray &serial)
{
    return QString::fromLatin1(serial.toHex().toUpper());
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{QStringLiteral("pki.ca.read-failed"),
                     Tr::tr("Cannot read %1: %2").arg(path, file.errorString())};
    }
    return file.readAll();
}

Result<void> writeNewFile(const QString &path, const QByteArray &data, QFile::Permissions permissions)
{
    QFile file(path);
    // NewOnly with explicit permissions: the file never exists with wider access, not even
    // for a moment, and an existing file is never overwritten.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions) || file.write(data) != data.size()
        || !file.flush()) {
        return Error{QStringLiteral("pki.ca.write-failed"),
                     Tr::tr("Cannot write %1: %2").arg(path, file.errorString())};
    }
    return {};
}

Error badRequest(const QString &message)
{
    return Error{QStringLiteral("pki.request.invalid"), message};
}
} // namespace

struct CertificateAuthority::Private
{
    CaOptions options;
    const Clock *clock = nullptr;
    bool created = false;
    PrivateKey key;
    QByteArray rootDer;
    std::unique_ptr<CertificateSigner> signer;
    RequestVerifier requestVerifier;
    CertificateStore store;

    QByteArray crl;
    qint64 crlThisUpdateMs = 0;
    qint64 crlNextUpdateMs = 0;
    qint64 crlNumber = 0;
    bool crlDirty = true;

    QString path(const char *file) const { return QDir(options.directory).filePath(QLatin1String(file)); }
    qint64 nowSeconds() const { return clock->nowMs() / kMsPerSecond; }

    Result<void> createRoot();
    Result<void> loadRoot();
    Result<IssuedCertificate> signContract(const ContractCertificateRequest &request,
                                           const ContractDirectory &contracts);
    /// Signs an identity for the key and names of `parsed`; revokes `supersedes` (when not
    /// empty) in the same transaction.
    Result<IssuedCertificate> issueIdentity(const ParsedRequest &parsed, const IdentityRequest &input,
                                            const QString &supersedes);
    Result<QByteArray> buildCrl();
};

Result<void> CertificateAuthority::Private::createRoot()
{
    auto generated = PrivateKey::generate();
    if (!generated)
        return generated.error();
    key = *generated;
    const QByteArray name = CertificateSigner::name(options.organisation, options.commonName);
    signer = std::make_unique<CertificateSigner>(static_cast<EVP_PKEY *>(key.handle()), name);
    const QByteArray spki = key.publicKeyDer();
    const QByteArray keyId = signer->keyIdentifier(spki);
    auto serial = signer->newSerial();
    if (spki.isEmpty() || keyId.isEmpty() || !serial)
        return ossl::error(QStringLiteral("pki.ca.create-failed"), Tr::tr("Cannot create the CA certificate."));
    signer->setAuthorityKeyId(keyId);

    QByteArray extensions = CertificateSigner::extension(ext::kOidBasicConstraints, true, kBasicConstraintsCa);
    extensions += CertificateSigner::extension(ext::kOidKeyUsage, true, kKeyUsageCertAndCrlSign);
    extensions += CertificateSigner::extension(ext::kOidSubjectKeyId, false, der::tlv(der::tag::OctetString, keyId));
    const qint64 now = nowSeconds();
    CertificateTemplate fields;
    fields.serial = *serial;
    fields.subjectName = name;
    fields.subjectPublicKeyInfo = spki;
    fields.notBefore = now - kBackdateSeconds;
    fields.notAfter = now + options.rootValidityDays * kSecondsPerDay;
    fields.extensions = extensions;
    auto certificate = signer->signCertificate(fields);
    if (!certificate)
        return certificate.error();
    rootDer = *certificate;

    auto keyPem = key.toPem(options.passphrase);
    if (!keyPem)
        return keyPem.error();
    // Key first, certificate last: a CA directory with a certificate has a complete CA.
    if (auto written = writeNewFile(path(kKeyFile), *keyPem, QFile::ReadOwner | QFile::WriteOwner); !written)
        return written;
    return writeNewFile(path(kCertificateFile), ossl::pem(rootDer, "CERTIFICATE"),
                        QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

Result<void> CertificateAuthority::Private::loadRoot()
{
    const QString keyPath = path(kKeyFile);
    // The key must stay private even if someone loosened the file's mode by hand.
    QFile::setPermissions(keyPath, QFile::ReadOwner | QFile::WriteOwner);
    auto keyPem = readFile(keyPath);
    if (!keyPem)
        return keyPem.error();
    const bool encrypted = keyPem->contains("ENCRYPTED");
    if (encrypted && options.passphrase.isEmpty()) {
        keyPem.value().fill('\0');
        return Error{QStringLiteral("pki.ca.passphrase-required"),
                     Tr::tr("The CA key %1 is encrypted: its passphrase is needed.").arg(keyPath)};
    }
    if (!encrypted && !options.passphrase.isEmpty())
        qCWarning(lcPki, "the CA key %s is not encrypted; the passphrase given is not used",
                  qPrintable(keyPath));
    auto loaded = PrivateKey::fromPem(*keyPem, options.passphrase);
    keyPem.value().fill('\0');
    if (!loaded) {
        return Error{QStringLiteral("pki.ca.key-unreadable"),
                     Tr::tr("Cannot read the CA key %1: the passphrase is wrong or the file is damaged.")
                         .arg(keyPath)};
    }
    key = *loaded;
    auto certificatePem = readFile(path(kCertificateFile));
    if (!certificatePem)
        return certificatePem.error();
    rootDer = ossl::derFromPem(*certificatePem, "CERTIFICATE");
    const ossl::X509Ptr root = ossl::certificateFromDer(rootDer);
    if (!root) {
        return ossl::error(QStringLiteral("pki.ca.certificate-unreadable"),
                           Tr::tr("The CA certificate %1 is damaged.").arg(path(kCertificateFile)));
    }
    if (X509_check_private_key(root.get(), static_cast<EVP_PKEY *>(key.handle())) != 1) {
        return ossl::error(QStringLiteral("pki.ca.key-mismatch"),
                           Tr::tr("The CA key does not belong to the CA certificate."));
    }
    unsigned char *nameDer = nullptr;
    const int nameLength = i2d_X509_NAME(X509_get_subject_name(root.get()), &nameDer);
    if (nameLength <= 0)
        return ossl::error(QStringLiteral("pki.ca.certificate-unreadable"), Tr::tr("The CA certificate is damaged."));
    const QByteArray name(reinterpret_cast<const char *>(nameDer), nameLength);
    OPENSSL_free(nameDer);
    signer = std::make_unique<CertificateSigner>(static_cast<EVP_PKEY *>(key.handle()), name);
    signer->setAuthorityKeyId(signer->keyIdentifier(key.publicKeyDer()));
    return {};
}

Result<IssuedCertificate> CertificateAuthority::Private::signContract(const ContractCertificateRequest &request,
                                                                      const ContractDirectory &contracts)
{
    auto parsed = requestVerifier.verify(request.csrDer);
    if (!parsed)
        return parsed.error();
    if (!isId(request.requester) || !isId(request.contractId))
        return badRequest(Tr::tr("The participant or contract id is not valid."));
    if (parsed->organisation != request.requester) {
        return Error{QStringLiteral("pki.csr.wrong-participant"),
                     Tr::tr("The certificate signing request names participant \"%1\", but it was sent by %2.")
                         .arg(parsed->organisation, request.requester)};
    }
    const std::optional<ContractTerms> terms = contracts.find(request.contractId);
    if (!terms) {
        return Error{QStringLiteral("pki.contract.unknown"),
                     Tr::tr("There is no contract %1.").arg(request.contractId)};
    }
    if (terms->buyer != request.requester) {
        return Error{QStringLiteral("pki.contract.not-party"),
                     Tr::tr("Contract %1 is not a contract of %2.").arg(request.contractId, request.requester)};
    }
    if (terms->terminated) {
        return Error{QStringLiteral("pki.contract.terminated"),
                     Tr::tr("Contract %1 was terminated.").arg(request.contractId)};
    }
    const qint64 notBefore = terms->startMs / kMsPerSecond;
    const qint64 notAfter = terms->endMs / kMsPerSecond;
    if (notAfter <= notBefore || !isId(terms->seller)) {
        return Error{QStringLiteral("pki.contract.invalid"),
                     Tr::tr("Contract %1 has no valid delivery window or parties.").arg(request.contractId)};
    }
    if (nowSeconds() >= notAfter) {
        return Error{QStringLiteral("pki.contract.ended"),
                     Tr::tr("The delivery window of contract %1 is over.").arg(request.contractId)};
    }

    auto serial = signer->newSerial();
    if (!serial)
        return serial.error();
    const QByteArray keyId = signer->keyIdentifier(parsed->subjectPublicKeyInfo);
    QByteArray extensions;
    extensions.reserve(400);
    extensions += CertificateSigner::extension(ext::kOidBasicConstraints, true, kBasicConstraintsEndEntity);
    extensions += CertificateSigner::extension(ext::kOidKeyUsage, true, kKeyUsageDigitalSignature);
    extensions += extendedKeyUsage(false, true);
    extensions += CertificateSigner::extension(
        ext::kOidSubjectAltName, false,
        der::tlv(der::tag::Sequence, der::tlv(kGeneralNameUri, ext::contractUrn(terms->id).toUtf8())));
    extensions += CertificateSigner::extension(ext::kOidSubjectKeyId, false, der::tlv(der::tag::OctetString, keyId));
    extensions += signer->authorityKeyIdExtension();
    // The user who asked is written into the certificate (extension and subject OU), so the
    // site records who did what.
    extensions += CertificateSigner::extension(ext::kContractOid, false, ext::encodeContract(*terms, request.holder));

    const QByteArray subject = CertificateSigner::name(terms->buyer, terms->id, request.holder);
    CertificateTemplate fields;
    fields.serial = *serial;
    fields.subjectName = subject;
    fields.subjectPublicKeyInfo = parsed->subjectPublicKeyInfo;
    fields.notBefore = notBefore;
    fields.notAfter = notAfter;
    fields.extensions = extensions;
    auto der = signer->signCertificate(fields);
    if (!der)
        return der.error();

    IssuedCertificate issued;
    issued.serial = serialText(*serial);
    issued.kind = CertificateKind::Contract;
    issued.participant = terms->buyer;
    issued.name = terms->id;
    issued.contractId = terms->id;
    issued.holder = request.holder;
    issued.notBeforeMs = notBefore * kMsPerSecond;
    issued.notAfterMs = notAfter * kMsPerSecond;
    issued.der = std::move(*der);
    return issued;
}

Result<QByteArray> CertificateAuthority::Private::buildCrl()
{
    auto revocations = store.revocations();
    if (!revocations)
        return revocations.error();
    auto number = store.takeCrlNumber();
    if (!number)
        return number.error();

    // crlEntryExtensions carrying a reasonCode, one per reason (RFC 5280 5.3.1: omit the
    // extension for "unspecified").
    const auto reasonExtensions = [](RevocationReason reason) {
        if (reason == RevocationReason::Unspecified)
            return QByteArray();
        const QByteArray value = der::tlv(der::tag::Enumerated, QByteArray(1, char(reason)));
        return der::tlv(der::tag::Sequence, CertificateSigner::extension(ext::kOidCrlReason, false, value));
    };
    const QByteArray reasons[] = {reasonExtensions(RevocationReason::Unspecified),
                                  reasonExtensions(RevocationReason::KeyCompromise),
                                  reasonExtensions(RevocationReason::Superseded),
                                  reasonExtensions(RevocationReason::CessationOfOperation)};
    const auto reasonIndex = [](RevocationReason reason) {
        switch (reason) {
        case RevocationReason::KeyCompromise:
            return 1;
        case RevocationReason::Superseded:
            return 2;
        case RevocationReason::CessationOfOperation:
            return 3;
        case RevocationReason::Unspecified:
            break;
        }
        return 0;
    };

    QByteArray entries;
    entries.reserve(revocations->size() * 64);
    for (const Revocation &r : std::as_const(*revocations)) {
        const QByteArray serial = der::unsignedInteger(r.serial);
        const QByteArray when = der::x509Time(r.revokedAtMs / kMsPerSecond);
        const QByteArray &reason = reasons[reasonIndex(r.reason)];
        der::appendHeader(entries, der::tag::Sequence, serial.size() + when.size() + reason.size());
        entries.append(serial);
        entries.append(when);
        entries.append(reason);
    }

    const qint64 now = clock->nowMs();
    const qint64 next = now + options.crlLifetimeMs;
    QByteArray body = der::integer(kCrlVersion2);
    body += CertificateSigner::signatureAlgorithm();
    body += signer->issuerName();
    body += der::x509Time(now / kMsPerSecond);
    body += der::x509Time(next / kMsPerSecond);
    if (!revocations->isEmpty()) {
        der::appendHeader(body, der::tag::Sequence, entries.size());
        body += entries;
    }
    QByteArray crlExtensions = signer->authorityKeyIdExtension();
    crlExtensions += CertificateSigner::extension(ext::kOidCrlNumber, false, der::integer(*number));
    body += der::tlv(der::tag::contextConstructed(0), der::tlv(der::tag::Sequence, crlExtensions));
    auto signedCrl = signer->signStructure(der::tlv(der::tag::Sequence, body));
    if (!signedCrl)
        return signedCrl.error();

    QSaveFile file(path(kCrlFile));
    const QByteArray pem = ossl::pem(*signedCrl, "X509 CRL");
    if (!file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size() || !file.commit()) {
        return Error{QStringLiteral("pki.crl.write-failed"),
                     Tr::tr("Cannot write the CRL to %1: %2").arg(path(kCrlFile), file.errorString())};
    }
    crl = *signedCrl;
    crlThisUpdateMs = now;
    crlNextUpdateMs = next;
    crlNumber = *number;
    crlDirty = false;
    return crl;
}

CertificateAuthority::CertificateAuthority(std::unique_ptr<Private> data) : d(std::move(data)) {}
CertificateAuthority::~CertificateAuthority() = default;

Result<std::unique_ptr<CertificateAuthority>> CertificateAuthority::open(const CaOptions &options, const Clock &clock)
{
    auto directory = DataDirectory::prepare(options.directory);
    if (!directory)
        return directory.error();
    auto d = std::make_unique<Private>();
    d->options = options;
    d->options.directory = *directory;
    d->clock = &clock;

    const bool hasKey = QFileInfo::exists(d->path(kKeyFile));
    const bool hasCertificate = QFileInfo::exists(d->path(kCertificateFile));
    if (hasKey != hasCertificate) {
        return Error{QStringLiteral("pki.ca.incomplete"),
                     Tr::tr("The CA directory %1 holds a key or a certificate but not both.").arg(*directory)};
    }
    d->created = !hasKey;
    auto root = d->created ? d->createRoot() : d->loadRoot();
    if (!root)
        return root.error();
    if (!d->signer->isValid())
        return ossl::error(QStringLiteral("pki.ca.create-failed"), Tr::tr("Cannot set up the CA signing key."));
    if (auto opened = d->store.open(d->path(kDatabaseFile)); !opened)
        return opened.error();
    return std::unique_ptr<CertificateAuthority>(new CertificateAuthority(std::move(d)));
}

Result<std::optional<ExchangeIdentity>> CertificateAuthority::exchangeIdentity() const
{
    return d->store.identity();
}

Result<void> CertificateAuthority::setExchangeIdentity(const ExchangeIdentity &identity)
{
    return d->store.setIdentity(identity);
}

Result<std::optional<ExchangeIdentity>> CertificateAuthority::readExchangeIdentity(const QString &directory)
{
    const QString path = QDir(directory).filePath(QLatin1String(kDatabaseFile));
    if (!QFileInfo::exists(path))
        return std::optional<ExchangeIdentity>();
    return CertificateStore::readIdentity(path);
}

QStringList CertificateAuthority::missingFiles(const QString &directory)
{
    QStringList missing;
    for (const char *file : {kKeyFile, kCertificateFile, kDatabaseFile}) {
        if (!QFileInfo::exists(QDir(directory).filePath(QLatin1String(file))))
            missing.append(QLatin1String(file));
    }
    return missing;
}

bool CertificateAuthority::wasCreated() const
{
    return d->created;
}

QByteArray CertificateAuthority::rootCertificate() const
{
    return d->rootDer;
}

QString CertificateAuthority::directory() const
{
    return d->options.directory;
}

Result<IssuedCertificate> CertificateAuthority::issueIdentity(const QByteArray &csrDer, const IdentityRequest &input)
{
    auto parsed = d->requestVerifier.verify(csrDer);
    if (!parsed)
        return parsed.error();
    return d->issueIdentity(*parsed, input, {});
}

Result<IssuedCertificate> CertificateAuthority::reissueIdentity(const QString &serial, const IdentityRequest &input)
{
    const std::optional<IssuedCertificate> previous = d->store.find(serial.toUpper());
    if (!previous || previous->kind == CertificateKind::Contract) {
        return Error{QStringLiteral("pki.revoke.unknown"),
                     Tr::tr("No identity with serial %1 was issued by this exchange.").arg(serial)};
    }
    if (d->store.revocation(previous->serial))
        return Error{QStringLiteral("pki.reissue.revoked"), Tr::tr("The identity %1 was revoked.").arg(serial)};
    // The same key and names, signed anew: the holder keeps their key.
    const ossl::X509Ptr certificate = ossl::certificateFromDer(previous->der);
    if (!certificate)
        return badRequest(Tr::tr("The stored certificate %1 cannot be read.").arg(serial));
    const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(certificate.get()), nullptr);
    QByteArray spki(qMax(length, 0), Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(spki.data());
    if (length <= 0 || i2d_X509_PUBKEY(X509_get_X509_PUBKEY(certificate.get()), &out) != length)
        return badRequest(Tr::tr("The stored certificate %1 has no readable key.").arg(serial));
    ParsedRequest parsed;
    parsed.subjectPublicKeyInfo = spki;
    parsed.organisation = previous->participant;
    parsed.commonName = previous->name;
    return d->issueIdentity(parsed, input, previous->serial);
}

Result<IssuedCertificate> CertificateAuthority::Private::issueIdentity(const ParsedRequest &parsedRequest,
                                                                       const IdentityRequest &input,
                                                                       const QString &supersedes)
{
    const ParsedRequest *parsed = &parsedRequest;
    IdentityRequest request = input;
    if (request.kind == CertificateKind::Participant && request.name.isEmpty())
        request.name = request.participant;
    if (request.organisation.isEmpty())
        request.organisation = request.participant;
    if (request.kind == CertificateKind::Contract)
        return badRequest(Tr::tr("Contract certificates are issued for contracts, not as identities."));
    if (!isId(request.participant) || !isId(request.name))
        return badRequest(Tr::tr("The participant or identity name is not valid."));
    if (request.kind == CertificateKind::Participant && request.name != request.participant)
        return badRequest(Tr::tr("A participant certificate is named after the participant."));
    for (const QString &permission : std::as_const(request.permissions)) {
        if (!isId(permission))
            return badRequest(Tr::tr("\"%1\" is not a valid permission.").arg(permission));
    }
    if (parsed->organisation != request.participant) {
        return Error{QStringLiteral("pki.csr.wrong-participant"),
                     Tr::tr("The certificate signing request names participant \"%1\", not %2.")
                         .arg(parsed->organisation, request.participant)};
    }
    if (parsed->commonName != request.name) {
        return Error{QStringLiteral("pki.csr.wrong-name"),
                     Tr::tr("The certificate signing request names \"%1\", not %2.")
                         .arg(parsed->commonName, request.name)};
    }

    QByteArray extensions = CertificateSigner::extension(ext::kOidBasicConstraints, true, kBasicConstraintsEndEntity);
    extensions += CertificateSigner::extension(ext::kOidKeyUsage, true, kKeyUsageDigitalSignature);
    if (request.kind == CertificateKind::Site) {
        // A site is the connect agent's TLS server identity and also calls the exchange.
        extensions += extendedKeyUsage(true, true);
        if (request.dnsNames.isEmpty() && request.ipAddresses.isEmpty()) {
            request.dnsNames = parsed->dnsNames;
            request.ipAddresses = parsed->ipAddresses;
        }
        if (request.dnsNames.isEmpty() && request.ipAddresses.isEmpty()) {
            return Error{QStringLiteral("pki.site.no-names"),
                         Tr::tr("A site certificate needs at least one DNS name or IP address.")};
        }
        QByteArray names;
        for (const QString &dns : std::as_const(request.dnsNames)) {
            if (!ext::isDnsName(dns))
                return badRequest(Tr::tr("%1 is not a valid DNS name.").arg(dns));
            names += der::tlv(kGeneralNameDns, dns.toLatin1());
        }
        for (const QString &ip : std::as_const(request.ipAddresses)) {
            QHostAddress address;
            if (!address.setAddress(ip))
                return badRequest(Tr::tr("%1 is not a valid IP address.").arg(ip));
            if (address.protocol() == QAbstractSocket::IPv4Protocol) {
                const quint32 v4 = address.toIPv4Address();
                const char bytes[] = {char(v4 >> 24), char(v4 >> 16), char(v4 >> 8), char(v4)};
                names += der::tlv(kGeneralNameIp, QByteArrayView(bytes, sizeof bytes));
            } else {
                const Q_IPV6ADDR v6 = address.toIPv6Address();
                names += der::tlv(kGeneralNameIp, QByteArrayView(reinterpret_cast<const char *>(v6.c), sizeof v6.c));
            }
        }
        extensions += CertificateSigner::extension(ext::kOidSubjectAltName, false, der::tlv(der::tag::Sequence, names));
    } else {
        extensions += extendedKeyUsage(false, true);
    }
    const QByteArray keyId = signer->keyIdentifier(parsed->subjectPublicKeyInfo);
    extensions += CertificateSigner::extension(ext::kOidSubjectKeyId, false, der::tlv(der::tag::OctetString, keyId));
    extensions += signer->authorityKeyIdExtension();
    extensions += CertificateSigner::extension(ext::kIdentityOid, false, ext::encodeIdentity(request));

    auto serial = signer->newSerial();
    if (!serial)
        return serial.error();
    const qint64 now = nowSeconds();
    const QByteArray subject = CertificateSigner::name(request.participant, request.name);
    CertificateTemplate fields;
    fields.serial = *serial;
    fields.subjectName = subject;
    fields.subjectPublicKeyInfo = parsed->subjectPublicKeyInfo;
    fields.notBefore = now - kBackdateSeconds;
    fields.notAfter = now + options.identityValidityDays * kSecondsPerDay;
    fields.extensions = extensions;
    auto der = signer->signCertificate(fields);
    if (!der)
        return der.error();

    IssuedCertificate issued;
    issued.serial = serialText(*serial);
    issued.kind = request.kind;
    issued.participant = request.participant;
    issued.name = request.name;
    issued.notBeforeMs = fields.notBefore * kMsPerSecond;
    issued.notAfterMs = fields.notAfter * kMsPerSecond;
    issued.der = std::move(*der);
    if (auto begun = store.begin(); !begun)
        return begun.error();
    if (auto inserted = store.insert(issued, clock->nowMs()); !inserted) {
        store.rollback();
        return inserted.error();
    }
    if (!supersedes.isEmpty()) {
        // A re-issue (changed permissions): the old certificate goes in the same transaction.
        auto revoked = store.revoke({supersedes}, clock->nowMs(), RevocationReason::Superseded);
        if (!revoked) {
            store.rollback();
            return revoked.error();
        }
        crlDirty = crlDirty || *revoked > 0;
    }
    if (auto committed = store.commit(); !committed)
        return committed.error();
    return issued;
}

Result<IssuedCertificate> CertificateAuthority::issueContractCertificate(const ContractCertificateRequest &request,
                                                                         const ContractDirectory &contracts)
{
    auto results = issueContractCertificates({request}, contracts);
    return std::move(results.front());
}

std::vector<Result<IssuedCertificate>> CertificateAuthority::issueContractCertificates(
    const QList<ContractCertificateRequest> &requests, const ContractDirectory &contracts)
{
    std::vector<Result<IssuedCertificate>> results;
    results.reserve(size_t(requests.size()));
    if (auto begun = d->store.begin(); !begun) {
        for (qsizetype i = 0; i < requests.size(); ++i)
            results.emplace_back(begun.error());
        return results;
    }
    const qint64 now = d->clock->nowMs();
    bool superseded = false;
    for (const ContractCertificateRequest &request : requests) {
        auto issued = d->signContract(request, contracts);
        if (issued) {
            // One live certificate per contract and holder: the new one replaces the old.
            const QString &holder = request.holder;
            const std::optional<QString> previous =
                holder.isEmpty() ? std::nullopt : d->store.holderSerial(issued->contractId, holder);
            Result<int> revoked = 0;
            if (previous)
                revoked = d->store.revoke({*previous}, now, RevocationReason::Superseded);
            if (!revoked)
                issued = revoked.error();
            else if (auto inserted = d->store.insert(*issued, now); !inserted)
                issued = inserted.error();
            else if (auto held = holder.isEmpty() ? Result<void>{}
                                                  : d->store.setHolderSerial(issued->contractId, holder, issued->serial);
                     !held)
                issued = held.error();
            else
                superseded = superseded || *revoked > 0;
        }
        results.push_back(std::move(issued));
    }
    if (auto committed = d->store.commit(); !committed) {
        // Nothing was stored, so nothing counts as issued.
        for (auto &result : results)
            result = committed.error();
        return results;
    }
    if (superseded)
        d->crlDirty = true;
    return results;
}

std::optional<IssuedCertificate> CertificateAuthority::find(const QString &serial) const
{
    return d->store.find(serial.toUpper());
}

QList<IssuedCertificate> CertificateAuthority::certificatesForContract(const QString &contractId) const
{
    return d->store.forContract(contractId);
}

qint64 CertificateAuthority::certificateCount() const
{
    return d->store.certificateCount();
}

bool CertificateAuthority::isRevoked(const QString &serial) const
{
    return d->store.revocation(serial.toUpper()).has_value();
}

Result<int> CertificateAuthority::revoke(const QStringList &serials, RevocationReason reason)
{
    QStringList normalised;
    normalised.reserve(serials.size());
    for (const QString &serial : serials)
        normalised.append(serial.toUpper());
    if (auto begun = d->store.begin(); !begun)
        return begun.error();
    auto changed = d->store.revoke(normalised, d->clock->nowMs(), reason);
    if (!changed) {
        d->store.rollback();
        return changed.error();
    }
    if (auto committed = d->store.commit(); !committed)
        return committed.error();
    if (*changed > 0)
        d->crlDirty = true;
    return *changed;
}

Result<int> CertificateAuthority::revokeContract(const QString &contractId, RevocationReason reason)
{
    QStringList serials;
    for (const IssuedCertificate &certificate : d->store.forContract(contractId))
        serials.append(certificate.serial);
    return revoke(serials, reason);
}

Result<QByteArray> CertificateAuthority::crl()
{
    // Re-sign after half the lifetime, so a verifier that fetched the previous CRL late in
    // its life still has a valid one when it fetches again.
    const qint64 refreshAt = d->crlThisUpdateMs + d->options.crlLifetimeMs / 2;
    if (!d->crlDirty && !d->crl.isEmpty() && d->clock->nowMs() < refreshAt)
        return d->crl;
    return d->buildCrl();
}

Result<QByteArray> CertificateAuthority::publishCrl()
{
    return d->buildCrl();
}

qint64 CertificateAuthority::crlNumber() const
{
    return d->crlNumber;
}

qint64 CertificateAuthority::crlNextUpdateMs() const
{
    return d->crlNextUpdateMs;
}

std::optional<IdentityRequest> CertificateAuthority::identityOf(const IssuedCertificate &certificate)
{
    return pki::identityOf(certificate);
}

QList<IssuedCertificate> CertificateAuthority::identitiesOf(const QString &participant, CertificateKind kind) const
{
    return d->store.identitiesOf(participant, kind);
}

Result<QList<IssuedCertificate>> CertificateAuthority::revokeHolder(const QString &participant,
                                                                     const QString &holder, RevocationReason reason)
{
    const QStringList serials = d->store.liveHolderSerials(participant, holder);
    QList<IssuedCertificate> certificates;
    for (const QString &serial : serials) {
        if (auto certificate = d->store.find(serial))
            certificates.append(*certificate);
    }
    if (serials.isEmpty())
        return certificates;
    auto revoked = revoke(serials, reason);
    if (!revoked)
        return revoked.error();
    return certificates;
}

Result<void> CertificateAuthority::appendAudit(const AuditEntry &entry)
{
    return d->store.appendAudit(entry);
}

QList<AuditEntry> CertificateAuthority::audit(const QString &participant) const
{
    return d->store.audit(participant);
}

Result<void> CertificateAuthority::setUserLimits(const QString &participant, const QString &user,
                                                 const UserLimits &limits)
{
    return d->store.setUserLimits(participant, user, limits);
}

UserLimits CertificateAuthority::userLimits(const QString &participant, const QString &user) const
{
    return d->store.userLimits(participant, user);
}

Result<int> CertificateAuthority::appendVmOperations(const QList<VmOperationRecord> &records)
{
    return d->store.appendVmOperations(records);
}

QList<VmOperationRecord> CertificateAuthority::vmOperations(const QString &buyer, const QString &contract,
                                                            const QString &user, int limit) const
{
    return d->store.vmOperations(buyer, contract, user, limit);
}

QByteArray IssuedCertificate::pem() const
{
    return ossl::pem(der, "CERTIFICATE");
}

} // namespace cloudex::pki
