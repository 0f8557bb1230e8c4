#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// The body of `POST /v1/participants`.
struct ParticipantRequest
{
    QString id;
    Role role = Role::Both;
    QString jurisdiction;
    QStringList certifications;
    QString metadataPolicy; ///< empty: the standard policy

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<ParticipantRequest> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const ParticipantRequest &) const = default;
};

/// The body of `PUT /v1/participants/{id}/limits`; a limit left out keeps the engine's default.
struct LimitsRequest
{
    std::optional<qint64> maxOrderQuantity;
    std::optional<qint64> maxOpenNotional;
    std::optional<qint64> credit;
    std::optional<QStringList> allowedBuyers; ///< a seller's allow-list

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<LimitsRequest> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const LimitsRequest &) const = default;
};

/// The body of `POST /v1/participants/{id}/kill-switch`.
struct KillSwitchRequest
{
    bool blocked = false;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<KillSwitchRequest> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const KillSwitchRequest &) const = default;
};

} // namespace cloudex::api
