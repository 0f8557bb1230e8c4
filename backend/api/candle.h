#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// Open, high, low, close and volume of one interval.
struct Candle
{
    qint64 start = 0; ///< Unix seconds
    qint64 open = 0;
    qint64 high = 0;
    qint64 low = 0;
    qint64 close = 0;
    qint64 volume = 0; ///< instances

    /// The key of the list answers `{"candles":[…]}`.
    static constexpr QLatin1StringView kListKey{"candles"};
    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Candle> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Candle &) const = default;
};

} // namespace cloudex::api
