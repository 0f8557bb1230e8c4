#pragma once

#include "api/users.h"
#include "core/result.h"

#include <QObject>

#include <functional>

namespace cloudex::desk {

class ExchangeClient;

/// What the desk's Users page needs beyond the plain calls of ExchangeClient: issuing a user
/// with a key made here, handed over as a PKCS#12 protected by a passphrase the
/// administrator chooses (the key never reaches the exchange, only its request does).
struct IssuedUser
{
    QString serial;
    QByteArray pkcs12;
};

/// Makes a P-256 key and a request for `request.name` of `participant`, has the exchange
/// issue it (`POST /v1/participants/{id}/users`) and answers the PKCS#12 of key and
/// certificate under `passphrase` (not empty). `done` runs on `context`'s thread, not at all
/// once `context` is gone.
void issueUserWithPkcs12(ExchangeClient *client, const QString &participant, api::UserIssueRequest request,
                         const QString &passphrase, QObject *context,
                         std::function<void(Result<IssuedUser>)> done);

} // namespace cloudex::desk
