#include "desk/records.h"

#include <QJsonArray>

namespace cloudex::desk {
namespace {
qint64 integer(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString().toLongLong() : v.toInteger();
}

QString text(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

QList<BookLevel> levels(const QJsonArray &array)
{
    QList<BookLevel> out;
    out.reserve(array.size());
    for (const QJsonValue &v : array) {
        const QJsonObject l = v.toObject();
        out.append({integer(l, QLatin1StringView("price")), integer(l, QLatin1StringView("quantity")),
                    int(integer(l, QLatin1StringView("orders")))});
    }
    return out;
}
} // namespace

QString idText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

InstrumentRecord InstrumentRecord::fromJson(const QJsonObject &o)
{
    InstrumentRecord r;
    r.symbol = text(o, QLatin1StringView("symbol"));
    r.product = text(o, QLatin1StringView("product"));
    r.kind = text(o, QLatin1StringView("kind"));
    r.deliveryStart = integer(o, QLatin1StringView("deliveryStart"));
    r.deliveryEnd = integer(o, QLatin1StringView("deliveryEnd"));
    r.lotSize = std::max<qint64>(1, integer(o, QLatin1StringView("lotSize")));
    r.bandLow = integer(o, QLatin1StringView("bandLow"));
    r.bandHigh = integer(o, QLatin1StringView("bandHigh"));
    return r;
}

BookRecord BookRecord::fromJson(const QJsonObject &o)
{
    BookRecord r;
    r.symbol = text(o, QLatin1StringView("symbol"));
    r.seq = integer(o, QLatin1StringView("seq"));
    r.bids = levels(o.value(QLatin1StringView("bids")).toArray());
    r.asks = levels(o.value(QLatin1StringView("asks")).toArray());
    return r;
}

TradeRecord TradeRecord::fromJson(const QJsonObject &o)
{
    TradeRecord r;
    r.id = integer(o, QLatin1StringView("id"));
    r.seq = integer(o, QLatin1StringView("seq"));
    r.symbol = text(o, QLatin1StringView("symbol"));
    r.price = integer(o, QLatin1StringView("price"));
    r.quantity = integer(o, QLatin1StringView("quantity"));
    r.aggressor = text(o, QLatin1StringView("aggressor"));
    r.time = integer(o, QLatin1StringView("time"));
    return r;
}

FillRecord FillRecord::fromJson(const QJsonObject &o)
{
    FillRecord r;
    r.trade = TradeRecord::fromJson(o);
    r.side = text(o, QLatin1StringView("side"));
    r.counterparty = text(o, QLatin1StringView("counterparty"));
    r.orderId = integer(o, QLatin1StringView("orderId"));
    r.contractId = idText(o.value(QLatin1StringView("contractId")));
    return r;
}

CandleRecord CandleRecord::fromJson(const QJsonObject &o)
{
    CandleRecord r;
    r.start = integer(o, QLatin1StringView("start"));
    r.open = integer(o, QLatin1StringView("open"));
    r.high = integer(o, QLatin1StringView("high"));
    r.low = integer(o, QLatin1StringView("low"));
    r.close = integer(o, QLatin1StringView("close"));
    r.volume = integer(o, QLatin1StringView("volume"));
    return r;
}

CurvePointRecord CurvePointRecord::fromJson(const QJsonObject &o)
{
    CurvePointRecord r;
    r.symbol = text(o, QLatin1StringView("symbol"));
    r.kind = text(o, QLatin1StringView("kind"));
    r.deliveryStart = integer(o, QLatin1StringView("deliveryStart"));
    r.last = integer(o, QLatin1StringView("last"));
    r.bid = integer(o, QLatin1StringView("bid"));
    r.ask = integer(o, QLatin1StringView("ask"));
    return r;
}

OrderRecord OrderRecord::fromJson(const QJsonObject &o)
{
    OrderRecord r;
    r.id = integer(o, QLatin1StringView("id"));
    r.symbol = text(o, QLatin1StringView("symbol"));
    r.side = text(o, QLatin1StringView("side"));
    r.price = integer(o, QLatin1StringView("price"));
    r.remaining = integer(o, QLatin1StringView("remaining"));
    r.clientOrderId = text(o, QLatin1StringView("clientOrderId"));
    return r;
}

ContractRecord ContractRecord::fromJson(const QJsonObject &o)
{
    ContractRecord r;
    r.id = idText(o.value(QLatin1StringView("id")));
    r.symbol = text(o, QLatin1StringView("symbol"));
    r.product = text(o, QLatin1StringView("product"));
    r.buyer = text(o, QLatin1StringView("buyer"));
    r.seller = text(o, QLatin1StringView("seller"));
    r.quantity = integer(o, QLatin1StringView("quantity"));
    r.price = integer(o, QLatin1StringView("price"));
    r.deliveryStart = integer(o, QLatin1StringView("deliveryStart"));
    r.deliveryEnd = integer(o, QLatin1StringView("deliveryEnd"));
    r.state = text(o, QLatin1StringView("state"));
    return r;
}

QJsonObject OrderTicket::toJson() const
{
    QJsonObject o{{QStringLiteral("symbol"), symbol},
                  {QStringLiteral("side"), side},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("timeInForce"), timeInForce},
                  {QStringLiteral("quantity"), quantity}};
    if (type == u"limit")
        o.insert(QStringLiteral("price"), price);
    if (timeInForce == u"gtd")
        o.insert(QStringLiteral("expiry"), expiry);
    if (postOnly)
        o.insert(QStringLiteral("postOnly"), true);
    if (!clientOrderId.isEmpty())
        o.insert(QStringLiteral("clientOrderId"), clientOrderId);
    if (!jurisdictions.isEmpty() || !certifications.isEmpty() || !metadataPolicies.isEmpty()) {
        o.insert(
            QStringLiteral("requirements"),
            QJsonObject{{QStringLiteral("jurisdictions"), QJsonArray::fromStringList(jurisdictions)},
                        {QStringLiteral("certifications"), QJsonArray::fromStringList(certifications)},
                        {QStringLiteral("metadataPolicies"), QJsonArray::fromStringList(metadataPolicies)}});
    }
    return o;
}

} // namespace cloudex::desk
