#pragma once

#include "core/result.h"

#include <QByteArrayView>
#include <QStringList>

namespace cloudex::api {

/// What one pass over raw JSON bytes found that a parsed QJsonDocument no longer shows.
struct JsonScan
{
    /// Paths (`price`, `requirements.jurisdictions[0]`) of the numbers written with a
    /// fraction or an exponent. QJsonDocument reads `2.0` and `1e0` as the integer 2 and 1;
    /// every number of the API is an integer, so each of these is a wrong type.
    QStringList fractionalNumbers;
};

/// A strict single-pass reader of JSON syntax (RFC 8259) that checks what QJsonDocument
/// forgives: a duplicate key at any depth (QJsonDocument silently keeps the last one) is
/// `request.duplicate-key` naming its path; broken syntax is `request.malformed-json`; and
/// nesting beyond kMaxDepth is refused before any recursion can exhaust the stack. It builds
/// no values and allocates only for paths it reports and for keys with escapes.
class JsonScanner final
{
public:
    /// Objects and arrays nested deeper than this are refused.
    static constexpr int kMaxDepth = 64;

    static Result<JsonScan> scan(QByteArrayView json);
};

} // namespace cloudex::api
