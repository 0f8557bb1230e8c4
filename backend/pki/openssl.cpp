#include "pki/openssl_p.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <QCoreApplication>

namespace cloudex::pki::ossl {

QByteArray drainErrors()
{
    QByteArray text;
    char buffer[256];
    while (const unsigned long code = ERR_get_error()) {
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!text.isEmpty())
            text.append("; ");
        text.append(buffer);
    }
    return text;
}

Error error(const QString &code, const QString &message)
{
    const QByteArray details = drainErrors();
    if (details.isEmpty())
        return Error{code, message};
    return Error{code, message + QStringLiteral(" (") + QString::fromLatin1(details) + u')'};
}

namespace {
template<typename T, typename Encode>
QByteArray encode(T *object, Encode i2d)
{
    if (!object)
        return {};
    const int length = i2d(object, nullptr);
    if (length <= 0)
        return {};
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d(object, &out) != length)
        return {};
    return der;
}
} // namespace

QByteArray toDer(X509 *certificate)
{
    return encode(certificate, i2d_X509);
}

QByteArray toDer(X509_CRL *crl)
{
    return encode(crl, i2d_X509_CRL);
}

X509Ptr certificateFromDer(QByteArrayView der)
{
    const auto *in = reinterpret_cast<const unsigned char *>(der.data());
    X509Ptr certificate(d2i_X509(nullptr, &in, long(der.size())));
    // Trailing bytes after the certificate mean the input was not one certificate.
    if (certificate && in != reinterpret_cast<const unsigned char *>(der.data()) + der.size())
        certificate.reset();
    return certificate;
}

X509Crl crlFromDer(QByteArrayView der)
{
    const auto *in = reinterpret_cast<const unsigned char *>(der.data());
    X509Crl crl(d2i_X509_CRL(nullptr, &in, long(der.size())));
    if (crl && in != reinterpret_cast<const unsigned char *>(der.data()) + der.size())
        crl.reset();
    return crl;
}

QByteArray pem(QByteArrayView der, const char *label)
{
    QByteArray out = QByteArrayLiteral("-----BEGIN ") + label + "-----\n";
    const QByteArray base64 = der.toByteArray().toBase64();
    constexpr int kLineLength = 64;
    for (qsizetype i = 0; i < base64.size(); i += kLineLength)
        out += base64.mid(i, kLineLength) + '\n';
    out += QByteArrayLiteral("-----END ") + label + "-----\n";
    return out;
}

QByteArray derFromPem(QByteArrayView pem, const char *label)
{
    const QByteArray begin = QByteArrayLiteral("-----BEGIN ") + label + "-----";
    const QByteArray end = QByteArrayLiteral("-----END ") + label + "-----";
    const qsizetype from = pem.indexOf(begin);
    if (from < 0)
        return {};
    const qsizetype to = pem.indexOf(end, from + begin.size());
    if (to < 0)
        return {};
    return QByteArray::fromBase64(pem.sliced(from + begin.size(), to - from - begin.size()).toByteArray());
}

} // namespace cloudex::pki::ossl
