#pragma once

#include "api/jsonobjectreader.h"
#include "api/trade.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// A trade seen by one of its parties: the trade plus its own side.
struct Fill
{
    Trade trade;
    Side side = Side::Buy; ///< this participant's side
    QString counterparty;
    qint64 orderId = 0; ///< this participant's order
    QString contractId; ///< "c-000042"

    /// The key of the list answers `{"fills":[…]}`.
    static constexpr QLatin1StringView kListKey{"fills"};
    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Fill> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Fill &) const = default;
};

} // namespace cloudex::api
