#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

namespace cloudex::api {

/// The settlement of one contract (docs/CONNECT-API.md, section 1). Amounts in ticks of
/// 0.0001 EUR: gross = price x quantity x seconds / 3600, credit = gross x creditPercent /
/// 100 (each rounded half up to ticks), net = gross - credit.
struct Settlement
{
    QString contractId; ///< "c-000042"
    QString buyer;
    QString seller;
    SettlementState state = SettlementState::Final;
    qint64 hours = 0;   ///< whole or partial hours of the window delivered (seconds rounded up)
    qint64 seconds = 0; ///< of the window delivered: up to its end or the termination
    qint64 quantity = 0;
    qint64 price = 0; ///< ticks per instance-hour
    qint64 gross = 0;
    qint64 availabilityBasisPoints = 10000;
    qint64 creditPercent = 0;
    qint64 credit = 0;
    qint64 net = 0;
    qint64 settledAt = 0; ///< Unix seconds (exchange time)

    /// The key of the list answer `{"settlements":[…]}`.
    static constexpr QLatin1StringView kListKey{"settlements"};
    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Settlement> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Settlement &) const = default;
};

} // namespace cloudex::api
