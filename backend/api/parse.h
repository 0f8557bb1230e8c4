#pragma once

#include "api/jsonobjectreader.h"
#include "api/jsonscanner.h"

#include <QByteArrayView>
#include <QJsonObject>

namespace cloudex::api {

/// A request body read strictly: its object and what the raw bytes showed.
struct StrictObject
{
    QJsonObject object;
    JsonScan scan;
};

/// Scans `body` (JsonScanner) and parses it as one JSON object: `request.malformed-json`,
/// `request.duplicate-key`, `request.not-an-object`.
Result<StrictObject> parseStrictObject(QByteArrayView body);

/// A number written as a fraction (`2.0`, `1e0`) where the typed parse found an integer:
/// `request.wrong-type` for the first one, else nothing.
Result<void> checkIntegers(const JsonScan &scan);

/// Reads a request body as T (an API type) with every check: syntax and duplicate keys on the
/// raw bytes, then fields, types, ranges and required fields, and no fraction written for
/// an integer. The error's code and field are what the server answers in its 400 problem.
template<typename T>
Result<T> parseRequest(QByteArrayView body)
{
    auto strict = parseStrictObject(body);
    if (!strict)
        return strict.error();
    auto parsed = T::fromJson(strict->object, ParseMode::Strict);
    if (!parsed)
        return parsed.error();
    // Every number of the API is an integer: a fraction that survived the typed parse (which
    // refuses unknown fields and non-numbers) sits where an integer belongs.
    if (auto integers = checkIntegers(strict->scan); !integers)
        return integers.error();
    return parsed;
}

} // namespace cloudex::api
