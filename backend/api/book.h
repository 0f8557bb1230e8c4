#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// One price level of a book side.
struct BookLevel
{
    qint64 price = 0; ///< ticks
    qint64 quantity = 0; ///< instances at the level
    int orders = 0; ///< resting orders at the level

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<BookLevel> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const BookLevel &) const = default;
};

/// The top levels of an instrument's order book, each side best first.
struct Book
{
    QString symbol;
    qint64 seq = 0; ///< event sequence of the last change
    QList<BookLevel> bids;
    QList<BookLevel> asks;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Book> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Book &) const = default;
};

} // namespace cloudex::api
