#pragma once

#include "core/result.h"
#include "pki/privatekey.h"

#include <QList>

namespace cloudex::pki {

/// A PKCS#12 bundle of a user identity (key, certificate and the CA chain) for the desktop
/// app to sign in with. Encrypted with AES-256-CBC and PBKDF2 (OpenSSL 3 defaults) under
/// `passphrase`, which must not be empty. The key must belong to the certificate.
Result<QByteArray> exportPkcs12(const PrivateKey &key, const QByteArray &certificateDer,
                                const QList<QByteArray> &chainDer, const QString &passphrase,
                                const QString &friendlyName);

} // namespace cloudex::pki
