#pragma once

// Internal: RAII ownership of OpenSSL handles and the translation of OpenSSL's error queue
// into cloudex::Error. Only .cpp files inside backend/pki include this header; OpenSSL is
// a private dependency of cloudex_backend.

#include "core/result.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <QByteArray>

#include <memory>

namespace cloudex::pki::ossl {

template<auto FreeFunction>
struct Deleter
{
    template<typename T>
    void operator()(T *p) const { FreeFunction(p); }
};

using Bio = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using Pkey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using Md = std::unique_ptr<EVP_MD, Deleter<EVP_MD_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using X509Crl = std::unique_ptr<X509_CRL, Deleter<X509_CRL_free>>;
using X509Req = std::unique_ptr<X509_REQ, Deleter<X509_REQ_free>>;
using X509Store = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using X509StoreCtx = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX_free>>;
using X509Name = std::unique_ptr<X509_NAME, Deleter<X509_NAME_free>>;
using Asn1Object = std::unique_ptr<ASN1_OBJECT, Deleter<ASN1_OBJECT_free>>;
using Asn1Integer = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER_free>>;
using Pkcs12 = std::unique_ptr<PKCS12, Deleter<PKCS12_free>>;

struct X509StackDeleter
{
    void operator()(STACK_OF(X509) *stack) const { sk_X509_pop_free(stack, X509_free); }
};
using X509Stack = std::unique_ptr<STACK_OF(X509), X509StackDeleter>;

struct CrlStackDeleter
{
    void operator()(STACK_OF(X509_CRL) *stack) const { sk_X509_CRL_pop_free(stack, X509_CRL_free); }
};
using CrlStack = std::unique_ptr<STACK_OF(X509_CRL), CrlStackDeleter>;

/// Takes every entry off OpenSSL's thread-local error queue and returns them as one line
/// for logs and error details (the queue must not leak into the next operation).
QByteArray drainErrors();

/// An Error with `code` and `message`, OpenSSL's queued reasons appended for diagnosis.
Error error(const QString &code, const QString &message);

/// DER of an X509 or other i2d-encodable object; empty on failure.
QByteArray toDer(X509 *certificate);
QByteArray toDer(X509_CRL *crl);

X509Ptr certificateFromDer(QByteArrayView der);
X509Crl crlFromDer(QByteArrayView der);

/// PEM text of a DER blob under `label` ("CERTIFICATE", "X509 CRL", ...).
QByteArray pem(QByteArrayView der, const char *label);
/// The DER inside the first PEM block labelled `label`; empty if there is none.
QByteArray derFromPem(QByteArrayView pem, const char *label);

} // namespace cloudex::pki::ossl
