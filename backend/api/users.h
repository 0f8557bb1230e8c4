#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

/// An organisation's own users (docs/API.md, "Users"): the bodies of the admin routes
/// under `/v1/participants/{id}/users` and what they answer.
namespace cloudex::api {

/// The permission names (docs/API.md, "Permissions").
inline const QString kPermissionTrade = QStringLiteral("trade");
inline const QString kPermissionDeploy = QStringLiteral("deploy");
inline const QString kPermissionAdmin = QStringLiteral("admin");
inline const QString kPermissionOperate = QStringLiteral("operate");
/// What an organisation's admin may grant.
inline QStringList grantablePermissions()
{
    return {kPermissionTrade, kPermissionDeploy, kPermissionAdmin};
}

/// The body of `POST /v1/participants/{id}/users`.
struct UserIssueRequest
{
    QString name;
    QStringList permissions;
    QString csr; ///< PKCS#10, DER, base64; subject O=<participant>, CN=<name>
    QString organisation;
    QString role;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    bool operator==(const UserIssueRequest &) const = default;
};

/// The body of `PUT /v1/participants/{id}/users/{name}/permissions`.
struct UserPermissionsRequest
{
    QStringList permissions;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    bool operator==(const UserPermissionsRequest &) const = default;
};

/// The body of `PUT /v1/participants/{id}/users/{name}/limits`, and the limits of a User.
struct UserLimitsRequest
{
    std::optional<qint64> maxOrderQuantity;
    std::optional<qint64> maxOpenNotional;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<UserLimitsRequest> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Lenient);
    bool operator==(const UserLimitsRequest &) const = default;
};

/// One user of `GET /v1/participants/{id}/users`: the latest identity issued under the name.
struct User
{
    static constexpr QLatin1StringView kListKey{"users"};
    QString name;
    QString serial;
    QStringList permissions;
    QString state; ///< "active" or "revoked"
    qint64 notAfter = 0;
    UserLimitsRequest limits;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<User> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Lenient);
    bool operator==(const User &) const = default;
};

/// The answer of `POST /v1/participants/{id}/users/{name}/revoke`.
struct UserRevocation
{
    QString user;
    QStringList revoked;
    QStringList contractCertificates;
    qint64 crlNumber = 0;

    void read(JsonObjectReader &r);
    static Result<UserRevocation> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Lenient);
};

/// One line of `GET /v1/participants/{id}/audit`.
struct AuditEntry
{
    static constexpr QLatin1StringView kListKey{"audit"};
    qint64 time = 0;
    QString user;
    QString action; ///< issued, permissions-changed, revoked, limits-changed
    QString serial;
    QStringList permissions;
    QString by;
    QString detail;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<AuditEntry> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Lenient);
    bool operator==(const AuditEntry &) const = default;
};

} // namespace cloudex::api
