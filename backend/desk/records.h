#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

/// The exchange's JSON objects (docs/API.md) as plain C++ values for the desk. Parsing is
/// lenient about extra fields and strict about nothing else: a field the server left out
/// reads as empty or zero, so a newer server never breaks an older desk.
namespace cloudex::desk {

struct InstrumentRecord
{
    QString symbol;
    QString product;
    QString kind; ///< H, D, W, M or Q
    qint64 deliveryStart = 0;
    qint64 deliveryEnd = 0;
    qint64 lotSize = 1;
    qint64 bandLow = 0;
    qint64 bandHigh = 0;

    static InstrumentRecord fromJson(const QJsonObject &o);
    bool operator==(const InstrumentRecord &) const = default;
};

struct BookLevel
{
    qint64 price = 0;
    qint64 quantity = 0;
    int orders = 0;
    bool operator==(const BookLevel &) const = default;
};

struct BookRecord
{
    QString symbol;
    qint64 seq = 0;
    QList<BookLevel> bids; ///< best first
    QList<BookLevel> asks; ///< best first

    static BookRecord fromJson(const QJsonObject &o);
    bool operator==(const BookRecord &) const = default;
};

struct TradeRecord
{
    qint64 id = 0;
    qint64 seq = 0;
    QString symbol;
    qint64 price = 0;
    qint64 quantity = 0;
    QString aggressor; ///< buy or sell
    qint64 time = 0;

    static TradeRecord fromJson(const QJsonObject &o);
    bool operator==(const TradeRecord &) const = default;
};

struct FillRecord
{
    TradeRecord trade;
    QString side; ///< this participant's side
    QString counterparty;
    qint64 orderId = 0;
    QString contractId;

    static FillRecord fromJson(const QJsonObject &o);
    bool operator==(const FillRecord &) const = default;
};

struct CandleRecord
{
    qint64 start = 0;
    qint64 open = 0;
    qint64 high = 0;
    qint64 low = 0;
    qint64 close = 0;
    qint64 volume = 0;

    static CandleRecord fromJson(const QJsonObject &o);
    bool operator==(const CandleRecord &) const = default;
};

struct CurvePointRecord
{
    QString symbol;
    QString kind;
    qint64 deliveryStart = 0;
    qint64 last = 0; ///< 0: no trade yet
    qint64 bid = 0;  ///< 0: no bid
    qint64 ask = 0;  ///< 0: no ask

    static CurvePointRecord fromJson(const QJsonObject &o);
    bool operator==(const CurvePointRecord &) const = default;
};

struct OrderRecord
{
    qint64 id = 0;
    QString symbol;
    QString side;
    qint64 price = 0;
    qint64 remaining = 0;
    QString clientOrderId;

    static OrderRecord fromJson(const QJsonObject &o);
    bool operator==(const OrderRecord &) const = default;
};

struct ContractRecord
{
    QString id;
    QString symbol;
    QString product;
    QString buyer;
    QString seller;
    qint64 quantity = 0;
    qint64 price = 0;
    qint64 deliveryStart = 0;
    qint64 deliveryEnd = 0;
    QString state;

    static ContractRecord fromJson(const QJsonObject &o);
    bool operator==(const ContractRecord &) const = default;
};

/// What the order ticket sends: an OrderRequest of the API.
struct OrderTicket
{
    QString symbol;
    QString side = QStringLiteral("buy");
    QString type = QStringLiteral("limit");
    QString timeInForce = QStringLiteral("gtc");
    qint64 price = 0; ///< ticks; ignored for market orders
    qint64 quantity = 0;
    qint64 expiry = 0; ///< Unix seconds, good-till-date only
    bool postOnly = false;
    QString clientOrderId;
    QStringList jurisdictions;
    QStringList certifications;
    QStringList metadataPolicies;

    QJsonObject toJson() const;
};

/// An id (order, trade, contract) whether the server sends it as a number or a string.
QString idText(const QJsonValue &value);

} // namespace cloudex::desk
