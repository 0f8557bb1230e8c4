#include "pki/privatekey.h"

#include "pki/extensions_p.h"
#include "pki/openssl_p.h"

#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <QCoreApplication>
#include <QHostAddress>

namespace cloudex::pki {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Pki)
};

constexpr char kCurveName[] = "prime256v1";

bool isP256(EVP_PKEY *key)
{
    char group[64] = {};
    size_t length = 0;
    return EVP_PKEY_is_a(key, "EC")
           && EVP_PKEY_get_group_name(key, group, sizeof group, &length) == 1
           && qstrcmp(group, kCurveName) == 0;
}

} // namespace

struct PrivateKey::Private
{
    ossl::Pkey key;
};

PrivateKey::PrivateKey() = default;
PrivateKey::~PrivateKey() = default;
PrivateKey::PrivateKey(const PrivateKey &) = default;
PrivateKey &PrivateKey::operator=(const PrivateKey &) = default;

void *PrivateKey::handle() const
{
    return d ? d->key.get() : nullptr;
}

Result<PrivateKey> PrivateKey::generate()
{
    ossl::Pkey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        return ossl::error(QStringLiteral("pki.key.generate-failed"), Tr::tr("Cannot generate a key pair."));
    PrivateKey result;
    result.d = std::make_shared<Private>(Private{std::move(key)});
    return result;
}

Result<PrivateKey> PrivateKey::fromPem(const QByteArray &pem, const QString &passphrase)
{
    ossl::Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return ossl::error(QStringLiteral("pki.key.read-failed"), Tr::tr("Cannot read the private key."));
    QByteArray secret = passphrase.toUtf8();
    // With no callback, OpenSSL takes the last argument as the passphrase; an empty one
    // must still be a valid C string so an encrypted key fails instead of prompting.
    ossl::Pkey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, secret.data()));
    secret.fill('\0');
    if (!key) {
        return ossl::error(QStringLiteral("pki.key.read-failed"),
                           Tr::tr("Cannot read the private key: it is damaged or the passphrase is wrong."));
    }
    if (!isP256(key.get())) {
        return Error{QStringLiteral("pki.key.type"),
                     Tr::tr("The private key is not an ECDSA P-256 key.")};
    }
    PrivateKey result;
    result.d = std::make_shared<Private>(Private{std::move(key)});
    return result;
}

Result<QByteArray> PrivateKey::toPem(const QString &passphrase) const
{
    if (!d)
        return Error{QStringLiteral("pki.key.null"), Tr::tr("There is no private key.")};
    ossl::Bio bio(BIO_new(BIO_s_mem()));
    QByteArray secret = passphrase.toUtf8();
    const EVP_CIPHER *cipher = secret.isEmpty() ? nullptr : EVP_aes_256_cbc();
    const int written = bio ? PEM_write_bio_PKCS8PrivateKey(bio.get(), d->key.get(), cipher,
                                                            secret.isEmpty() ? nullptr : secret.data(),
                                                            int(secret.size()), nullptr, nullptr)
                            : 0;
    secret.fill('\0');
    if (written != 1)
        return ossl::error(QStringLiteral("pki.key.write-failed"), Tr::tr("Cannot encode the private key."));
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

QByteArray PrivateKey::publicKeyDer() const
{
    if (!d)
        return {};
    const int length = i2d_PUBKEY(d->key.get(), nullptr);
    if (length <= 0)
        return {};
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_PUBKEY(d->key.get(), &out) != length)
        return {};
    return der;
}

Result<QByteArray> createCertificateRequest(const PrivateKey &key, const CsrSubject &subject)
{
    const auto failed = [] {
        return ossl::error(QStringLiteral("pki.csr.create-failed"),
                           Tr::tr("Cannot create the certificate signing request."));
    };
    auto *pkey = static_cast<EVP_PKEY *>(key.handle());
    if (!pkey)
        return Error{QStringLiteral("pki.key.null"), Tr::tr("There is no private key.")};
    if (subject.participant.isEmpty() || subject.name.isEmpty()) {
        return Error{QStringLiteral("pki.csr.subject"),
                     Tr::tr("A certificate request needs a participant and a name.")};
    }

    ossl::X509Req request(X509_REQ_new());
    if (!request || X509_REQ_set_version(request.get(), X509_REQ_VERSION_1) != 1)
        return failed();
    X509_NAME *name = X509_REQ_get_subject_name(request.get());
    const QByteArray organisation = subject.participant.toUtf8();
    const QByteArray common = subject.name.toUtf8();
    if (X509_NAME_add_entry_by_NID(name, NID_organizationName, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(organisation.constData()),
                                   int(organisation.size()), -1, 0)
            != 1
        || X509_NAME_add_entry_by_NID(name, NID_commonName, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(common.constData()),
                                      int(common.size()), -1, 0)
               != 1
        || X509_REQ_set_pubkey(request.get(), pkey) != 1)
        return failed();

    if (!subject.dnsNames.isEmpty() || !subject.ipAddresses.isEmpty()) {
        // Names are validated first: the OpenSSL configuration syntax below must not be
        // open to injection through a comma or a colon in a name.
        QStringList entries;
        for (const QString &dns : subject.dnsNames) {
            if (!ext::isDnsName(dns))
                return Error{QStringLiteral("pki.csr.bad-name"), Tr::tr("%1 is not a valid DNS name.").arg(dns)};
            entries.append(QStringLiteral("DNS:") + dns);
        }
        for (const QString &ip : subject.ipAddresses) {
            QHostAddress address;
            if (!address.setAddress(ip))
                return Error{QStringLiteral("pki.csr.bad-name"), Tr::tr("%1 is not a valid IP address.").arg(ip)};
            entries.append(QStringLiteral("IP:") + address.toString());
        }
        const QByteArray value = entries.join(u',').toLatin1();
        X509_EXTENSION *extension = X509V3_EXT_nconf_nid(nullptr, nullptr, NID_subject_alt_name, value.constData());
        STACK_OF(X509_EXTENSION) *extensions = sk_X509_EXTENSION_new_null();
        const bool added = extension && extensions && sk_X509_EXTENSION_push(extensions, extension) > 0;
        if (!added)
            X509_EXTENSION_free(extension);
        const bool ok = added && X509_REQ_add_extensions(request.get(), extensions) == 1;
        sk_X509_EXTENSION_pop_free(extensions, X509_EXTENSION_free);
        if (!ok)
            return failed();
    }

    if (X509_REQ_sign(request.get(), pkey, EVP_sha256()) <= 0)
        return failed();
    const int length = i2d_X509_REQ(request.get(), nullptr);
    if (length <= 0)
        return failed();
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_X509_REQ(request.get(), &out) != length)
        return failed();
    return der;
}

} // namespace cloudex::pki
