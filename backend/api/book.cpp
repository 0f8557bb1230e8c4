#include "api/book.h"

#include <QJsonArray>

namespace cloudex::api {

void BookLevel::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("price"), price);
    r.read(QLatin1StringView("quantity"), quantity);
    r.read(QLatin1StringView("orders"), orders);
}

QJsonObject BookLevel::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("price"), price);
    o.insert(QLatin1StringView("quantity"), quantity);
    o.insert(QLatin1StringView("orders"), orders);
    return o;
}

Result<BookLevel> BookLevel::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<BookLevel>(o, mode);
}

void Book::read(JsonObjectReader &r)
{
    r.read(QLatin1StringView("symbol"), symbol);
    r.read(QLatin1StringView("seq"), seq);
    r.read(QLatin1StringView("bids"), bids);
    r.read(QLatin1StringView("asks"), asks);
}

QJsonObject Book::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1StringView("symbol"), symbol);
    o.insert(QLatin1StringView("seq"), seq);
    o.insert(QLatin1StringView("bids"), toJsonArray(bids));
    o.insert(QLatin1StringView("asks"), toJsonArray(asks));
    return o;
}

Result<Book> Book::fromJson(const QJsonObject &o, ParseMode mode)
{
    return JsonObjectReader::readObject<Book>(o, mode);
}

} // namespace cloudex::api
