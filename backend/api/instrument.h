#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// An open (or recently closed) instrument: one product for one delivery period.
struct Instrument
{
    QString symbol;
    QString product;
    QString kind; ///< period kind: H, D, W, M or Q
    qint64 deliveryStart = 0; ///< Unix seconds
    qint64 deliveryEnd = 0; ///< Unix seconds
    qint64 lotSize = 0; ///< quantities are multiples of it
    qint64 bandLow = 0; ///< lowest price accepted, ticks
    qint64 bandHigh = 0; ///< highest price accepted, ticks

    /// The key of the list answers `{"instruments":[…]}`.
    static constexpr QLatin1StringView kListKey{"instruments"};
    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Instrument> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Instrument &) const = default;
};

} // namespace cloudex::api
