#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

namespace cloudex::api {

/// What a site measured for one VM in one hour of a contract's window.
struct UsageHour
{
    qint64 start = 0; ///< Unix seconds, an hour of the window
    QString vm;       ///< the buyer's VM name
    qint64 instanceSeconds = 0;
    qint64 expectedSeconds = 0;
    qint64 availableSeconds = 0;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<UsageHour> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const UsageHour &) const = default;
};

/// The body of `POST /v1/contracts/{id}/usage`: everything measured so far (it replaces the
/// previous report); `final` once the window and the grace period are over.
struct UsageReport
{
    bool final = false;
    QList<UsageHour> hours;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<UsageReport> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const UsageReport &) const = default;
};

/// The answer to an accepted usage report, sent after its journal commit.
struct UsageAck
{
    qint64 seq = 0; ///< the report's command sequence number
    bool accepted = false;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<UsageAck> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const UsageAck &) const = default;
};

} // namespace cloudex::api
