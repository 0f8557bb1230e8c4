#include "api/fill.h"

#include <QJsonArray>

namespace cloudex::api {

void Fill::read(JsonObjectReader &r)
{
    trade.read(r);
    r.read(QLatin1StringView("side"), side);
    r.read(QLatin1StringView("counterparty"), counterparty);
    r.read(QLatin1StringView("orderId"), orderId);
    r.read(QLatin1StringView("contractId"), contractId);
}

QJsonObject Fill::toJson() const
{
    QJsonObject o;
    trade.write(o);
    o.insert(QLatin1StringView("side"), toWire(side));
    o.insert(QLatin1StringView("counterparty"), counterparty);
    o.insert(QLatin1StringView("orderId"), orderId);
    o.insert(QLatin1StringView("contractId"), contractId);
    return o;
}

Result<Fill> Fill::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Fill>(o, mode);
}

} // namespace cloudex::api
