#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>

#include <vector>

namespace cloudex::api {

/// What one pass over raw JSON bytes found that a parsed QJsonDocument no longer shows.
struct JsonScan
{
    /// Paths (`price`, `requirements.jurisdictions[0]`) of the numbers written with a
    /// fraction or an exponent. QJsonDocument reads `2.0` and `1e0` as the integer 2 and 1;
    /// every number of the API is an integer, so each of these is a wrong type.
    QStringList fractionalNumbers;
};

/// The shape of a JSON document as the scanner saw it: one node per value in document order,
/// with views into the scanned bytes (which must outlive it). A strict request is read from
/// here, without building a QJsonDocument.
struct JsonTape
{
    enum class Kind : quint8 { Object, Array, String, Number, True, False, Null };
    struct Node
    {
        Kind kind = Kind::Null;
        bool escaped = false;    ///< a string with escapes: `raw` is not yet its text
        bool fractional = false; ///< a number written with a fraction or an exponent
        QByteArrayView key;      ///< a member's key, escapes resolved (UTF-8)
        QByteArrayView raw;      ///< strings: the bytes between the quotes; numbers: the number
        qsizetype first = -1;    ///< objects and arrays: the first child
        qsizetype next = -1;     ///< the next sibling
        qsizetype count = 0;     ///< objects and arrays: the number of children
    };

    std::vector<Node> nodes;
    /// Keys with escapes, decoded; the nodes' keys point into them.
    QList<QByteArray> decodedKeys;

    /// The text of a string node.
    static QString text(const Node &node);
};

/// A strict single-pass reader of JSON syntax (RFC 8259) that checks what QJsonDocument
/// forgives: a duplicate key at any depth (QJsonDocument silently keeps the last one) is
/// `request.duplicate-key` naming its path; broken syntax (including invalid UTF-8 in a
/// string) is `request.malformed-json`; and nesting beyond kMaxDepth is refused before any
/// recursion can exhaust the stack. It builds no values: scan() allocates only for paths it
/// reports and for keys with escapes, read() adds one node per value.
class JsonScanner final
{
public:
    /// Objects and arrays nested deeper than this are refused.
    static constexpr int kMaxDepth = 64;

    static Result<JsonScan> scan(QByteArrayView json);
    /// The same checks, recording the document's shape for a reader (no fraction list: the
    /// nodes say which numbers are fractional).
    static Result<JsonTape> read(QByteArrayView json);
};

} // namespace cloudex::api
