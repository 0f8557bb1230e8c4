#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// One execution on the public tape.
struct Trade
{
    qint64 id = 0;
    qint64 seq = 0; ///< event sequence number
    QString symbol;
    qint64 price = 0; ///< ticks
    qint64 quantity = 0; ///< instances
    Side aggressor = Side::Buy; ///< the side of the incoming order
    qint64 time = 0; ///< Unix seconds

    /// The key of the list answers `{"trades":[…]}`.
    static constexpr QLatin1StringView kListKey{"trades"};
    void read(JsonObjectReader &r);
    /// Adds the fields to `o` (for objects that extend this one).
    void write(QJsonObject &o) const;
    QJsonObject toJson() const;
    static Result<Trade> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Trade &) const = default;
};

} // namespace cloudex::api
