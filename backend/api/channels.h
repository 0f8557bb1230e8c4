#pragma once

#include "api/enums.h"

#include <QString>

/// The names of the stream's channels (docs/API.md, "Stream"), spelt once for the server
/// that publishes them and the clients that follow them.
namespace cloudex::api::channel {

/// Listings and closings of instruments.
inline QString instruments()
{
    return QStringLiteral("instruments");
}
/// A participant's own orders, fills and contracts (private: only its identities may follow).
inline QString orders(const QString &participant)
{
    return QStringLiteral("orders@") + participant;
}
inline QString fills(const QString &participant)
{
    return QStringLiteral("fills@") + participant;
}
inline QString contracts(const QString &participant)
{
    return QStringLiteral("contracts@") + participant;
}
/// Contract certificates revoked because their user was revoked or lost `deploy`, sent to
/// the contract's buyer and seller (private): a site refuses the certificate at once.
inline QString revocations(const QString &participant)
{
    return QStringLiteral("revocations@") + participant;
}
/// The settlements of a participant's contracts, as buyer or seller (private).
inline QString settlements(const QString &participant)
{
    return QStringLiteral("settlements@") + participant;
}
/// An instrument's public tape and book, and a product's spot index.
inline QString trades(const QString &symbol)
{
    return QStringLiteral("trades.") + symbol;
}
inline QString book(const QString &symbol)
{
    return QStringLiteral("book.") + symbol;
}
inline QString spot(const QString &product)
{
    return QStringLiteral("spot.") + product;
}
/// An instrument's candles at one resolution: `candles.<symbol>.<1m|5m|1h|1d>`.
inline QString candles(const QString &symbol, Resolution resolution)
{
    return QStringLiteral("candles.") + symbol + u'.' + wireName(resolution);
}

} // namespace cloudex::api::channel
