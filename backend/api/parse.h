#pragma once

#include "api/jsonobjectreader.h"
#include "api/jsonscanner.h"

#include <QByteArrayView>

namespace cloudex::api {

/// Scans a request body that must be one JSON object (JsonScanner::read):
/// `request.malformed-json`, `request.duplicate-key`, `request.not-an-object`.
Result<JsonTape> scanRequestObject(QByteArrayView body);

/// Reads a request body as T (an API type) with every check, in one pass over the bytes and
/// one over the fields: syntax, UTF-8 and duplicate keys while scanning, then fields, types
/// (a number written as `2.0` or `1e0` is no integer), ranges and required fields from the
/// scanned shape, without a QJsonDocument. The error's code and field are what the server
/// answers in its 400 problem. `body` must outlive the call only.
template<typename T>
Result<T> parseRequest(QByteArrayView body)
{
    auto tape = scanRequestObject(body);
    if (!tape)
        return tape.error();
    JsonObjectReader reader(tape.value(), 0, ParseMode::Strict);
    T out;
    out.read(reader);
    if (auto done = reader.finish(); !done)
        return done.error();
    return out;
}

} // namespace cloudex::api
