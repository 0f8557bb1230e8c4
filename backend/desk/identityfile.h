#pragma once

#include "core/result.h"

#include <QSslConfiguration>

namespace cloudex::desk {

/// Opens a PKCS#12 identity the exchange CA issued (certificate, key and the CA chain, as
/// pki::exportPkcs12 writes it) as the TLS configuration for a remote exchange: the
/// certificate and key to present, the chain's CA certificates as the only trust anchors.
/// Errors: identity.unreadable, identity.invalid (not PKCS#12 or wrong passphrase),
/// identity.no-ca (no CA certificate in the file), identity.not-cloudex (no participant in
/// the subject).
Result<QSslConfiguration> loadIdentityFile(const QString &path, const QByteArray &passphrase);

} // namespace cloudex::desk
