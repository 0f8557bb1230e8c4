#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// The body of `POST /v1/identities`.
struct IdentityRequest
{
    IdentityKind kind = IdentityKind::User;
    QString participant;
    QString name;
    QString organisation;
    QString role;
    QStringList permissions;
    QString csr; ///< PKCS#10, DER, base64

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<IdentityRequest> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const IdentityRequest &) const = default;
};

} // namespace cloudex::api
