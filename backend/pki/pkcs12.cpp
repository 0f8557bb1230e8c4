#include "pki/pkcs12.h"

#include "pki/openssl_p.h"

#include <QCoreApplication>

namespace cloudex::pki {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Pki)
};
} // namespace

Result<QByteArray> exportPkcs12(const PrivateKey &key, const QByteArray &certificateDer,
                                const QList<QByteArray> &chainDer, const QString &passphrase,
                                const QString &friendlyName)
{
    auto *pkey = static_cast<EVP_PKEY *>(key.handle());
    if (!pkey)
        return Error{QStringLiteral("pki.key.null"), Tr::tr("There is no private key.")};
    if (passphrase.isEmpty()) {
        return Error{QStringLiteral("pki.p12.no-passphrase"),
                     Tr::tr("A PKCS#12 file with a private key needs a passphrase.")};
    }
    const ossl::X509Ptr certificate = ossl::certificateFromDer(certificateDer);
    if (!certificate)
        return ossl::error(QStringLiteral("pki.p12.bad-certificate"), Tr::tr("The certificate is damaged."));
    if (X509_check_private_key(certificate.get(), pkey) != 1) {
        return ossl::error(QStringLiteral("pki.p12.key-mismatch"),
                           Tr::tr("The private key does not belong to the certificate."));
    }
    ossl::X509Stack chain(sk_X509_new_null());
    if (!chain)
        return ossl::error(QStringLiteral("pki.p12.failed"), Tr::tr("Cannot create the PKCS#12 file."));
    for (const QByteArray &der : chainDer) {
        ossl::X509Ptr ca = ossl::certificateFromDer(der);
        if (!ca)
            return ossl::error(QStringLiteral("pki.p12.bad-certificate"), Tr::tr("A chain certificate is damaged."));
        if (sk_X509_push(chain.get(), ca.get()) <= 0)
            return ossl::error(QStringLiteral("pki.p12.failed"), Tr::tr("Cannot create the PKCS#12 file."));
        ca.release(); // owned by the stack now
    }
    QByteArray secret = passphrase.toUtf8();
    const QByteArray name = friendlyName.toUtf8();
    // NIDs 0 and iteration 0 select OpenSSL 3's defaults: AES-256-CBC, PBKDF2, SHA-256 MAC.
    const ossl::Pkcs12 bundle(PKCS12_create(secret.constData(), name.isEmpty() ? nullptr : name.constData(), pkey,
                                            certificate.get(), chain.get(), 0, 0, 0, 0, 0));
    secret.fill('\0');
    if (!bundle)
        return ossl::error(QStringLiteral("pki.p12.failed"), Tr::tr("Cannot create the PKCS#12 file."));
    const int length = i2d_PKCS12(bundle.get(), nullptr);
    if (length <= 0)
        return ossl::error(QStringLiteral("pki.p12.failed"), Tr::tr("Cannot create the PKCS#12 file."));
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_PKCS12(bundle.get(), &out) != length)
        return ossl::error(QStringLiteral("pki.p12.failed"), Tr::tr("Cannot create the PKCS#12 file."));
    return der;
}

} // namespace cloudex::pki
