#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// What an order asks of its counterparties; an empty list asks nothing.
struct Requirements
{
    QStringList jurisdictions;
    QStringList certifications;
    QStringList metadataPolicies;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Requirements> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Requirements &) const = default;
};

/// The body of `POST /v1/orders`.
struct OrderRequest
{
    QString symbol;
    Side side = Side::Buy;
    OrderType type = OrderType::Limit;
    TimeInForce timeInForce = TimeInForce::GoodTillCancel;
    std::optional<qint64> price; ///< ticks; limit orders
    qint64 quantity = 0; ///< instances
    std::optional<qint64> expiry; ///< Unix seconds; good-till-date orders
    bool postOnly = false;
    QString clientOrderId; ///< at most 24 characters; else the Idempotency-Key
    std::optional<Requirements> requirements;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<OrderRequest> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const OrderRequest &) const = default;
};

} // namespace cloudex::api
