#include "api/jsonscanner.h"

#include <QCoreApplication>
#include <QSet>
#include <QVarLengthArray>

namespace cloudex::api {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};

// Keys of one object are compared pairwise up to this many; a larger object gets a hash set.
constexpr qsizetype kLinearKeyLimit = 16;

/// One step of the path to the value being scanned: an object key or an array index.
struct Step
{
    QByteArrayView key;
    qsizetype index = -1;
};

/// The text of a JSON string's raw bytes (between the quotes) with escapes resolved.
QString decodeString(QByteArrayView raw)
{
    QString text;
    text.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\') {
            // Runs of plain bytes are UTF-8; decode them as such.
            qsizetype j = i;
            while (j < raw.size() && raw[j] != '\\')
                ++j;
            text += QString::fromUtf8(raw.sliced(i, j - i));
            i = j - 1;
            continue;
        }
        const char e = raw[++i];
        switch (e) {
        case 'b': text += u'\b'; break;
        case 'f': text += u'\f'; break;
        case 'n': text += u'\n'; break;
        case 'r': text += u'\r'; break;
        case 't': text += u'\t'; break;
        case 'u':
            text += QChar(char16_t(QByteArrayView(raw.sliced(i + 1, 4)).toUShort(nullptr, 16)));
            i += 4;
            break;
        default: text += QLatin1Char(e); break; // " \ /
        }
    }
    return text;
}

class Scanner
{
public:
    Scanner(QByteArrayView json, JsonTape *tape)
        : m_begin(json.data()), m_at(json.data()), m_end(json.data() + json.size()), m_tape(tape)
    {
    }

    Result<JsonScan> run()
    {
        skipSpace();
        if (!value(0))
            return *m_error;
        skipSpace();
        if (m_at != m_end)
            return malformed();
        if (m_tape)
            m_tape->decodedKeys = std::move(m_decodedKeys);
        return std::move(m_scan);
    }

private:
    using Kind = JsonTape::Kind;

    /// A new node of the tape (when there is one); its index, or -1.
    qsizetype addNode(Kind kind)
    {
        if (!m_tape)
            return -1;
        m_tape->nodes.push_back(JsonTape::Node{kind, false, false, {}, {}, -1, -1, 0});
        return qsizetype(m_tape->nodes.size()) - 1;
    }

    /// Appends `child` to `parent`'s children.
    void link(qsizetype parent, qsizetype &previous, qsizetype child)
    {
        if (!m_tape)
            return;
        auto &nodes = m_tape->nodes;
        if (previous < 0)
            nodes[std::size_t(parent)].first = child;
        else
            nodes[std::size_t(previous)].next = child;
        ++nodes[std::size_t(parent)].count;
        previous = child;
    }

    bool value(int depth)
    {
        if (m_at == m_end)
            return failMalformed();
        switch (*m_at) {
        case '{':
            return object(depth + 1, addNode(Kind::Object));
        case '[':
            return array(depth + 1, addNode(Kind::Array));
        case '"':
            return string(nullptr, addNode(Kind::String));
        case 't':
            addNode(Kind::True);
            return literal("true");
        case 'f':
            addNode(Kind::False);
            return literal("false");
        case 'n':
            addNode(Kind::Null);
            return literal("null");
        default:
            return number(addNode(Kind::Number));
        }
    }

    bool object(int depth, qsizetype self)
    {
        if (depth > JsonScanner::kMaxDepth)
            return failTooDeep();
        ++m_at; // '{'
        skipSpace();
        if (m_at != m_end && *m_at == '}') {
            ++m_at;
            return true;
        }
        QVarLengthArray<QByteArrayView, kLinearKeyLimit> keys;
        QSet<QByteArrayView> manyKeys;
        qsizetype previous = -1;
        m_path.append(Step{});
        for (;;) {
            if (m_at == m_end || *m_at != '"')
                return failMalformed();
            QByteArrayView key;
            if (!string(&key, -1))
                return false;
            m_path.last() = Step{key, -1};
            // Objects of the API are small: comparing with each earlier key beats hashing.
            bool duplicate = false;
            if (keys.size() < kLinearKeyLimit) {
                duplicate = std::find(keys.cbegin(), keys.cend(), key) != keys.cend();
                keys.append(key);
                if (keys.size() == kLinearKeyLimit && !duplicate)
                    manyKeys = QSet<QByteArrayView>(keys.cbegin(), keys.cend());
            } else {
                duplicate = manyKeys.contains(key);
                manyKeys.insert(key);
            }
            if (duplicate) {
                m_error = Error{QStringLiteral("request.duplicate-key"),
                                Tr::tr("The field \"%1\" appears more than once.").arg(path()), path()};
                return false;
            }
            skipSpace();
            if (m_at == m_end || *m_at != ':')
                return failMalformed();
            ++m_at;
            skipSpace();
            const qsizetype child = m_tape ? qsizetype(m_tape->nodes.size()) : -1;
            if (!value(depth))
                return false;
            if (m_tape) {
                m_tape->nodes[std::size_t(child)].key = key;
                link(self, previous, child);
            }
            skipSpace();
            if (m_at == m_end)
                return failMalformed();
            if (*m_at == ',') {
                ++m_at;
                skipSpace();
                continue;
            }
            if (*m_at != '}')
                return failMalformed();
            ++m_at;
            m_path.removeLast();
            return true;
        }
    }

    bool array(int depth, qsizetype self)
    {
        if (depth > JsonScanner::kMaxDepth)
            return failTooDeep();
        ++m_at; // '['
        skipSpace();
        if (m_at != m_end && *m_at == ']') {
            ++m_at;
            return true;
        }
        m_path.append(Step{{}, 0});
        qsizetype previous = -1;
        for (;;) {
            const qsizetype child = m_tape ? qsizetype(m_tape->nodes.size()) : -1;
            if (!value(depth))
                return false;
            link(self, previous, child);
            skipSpace();
            if (m_at == m_end)
                return failMalformed();
            if (*m_at == ',') {
                ++m_at;
                ++m_path.last().index;
                skipSpace();
                continue;
            }
            if (*m_at != ']')
                return failMalformed();
            ++m_at;
            m_path.removeLast();
            return true;
        }
    }

    /// A string; for a key, `key` receives its text (raw bytes, or decoded when it has
    /// escapes, so that "a" and "\u0061" are the same key).
    bool string(QByteArrayView *key, qsizetype self)
    {
        const char *start = ++m_at; // after '"'
        bool escaped = false;
        while (m_at != m_end) {
            const auto c = static_cast<unsigned char>(*m_at);
            if (c == '"') {
                if (key)
                    *key = escaped ? decodeKey(QByteArrayView(start, m_at)) : QByteArrayView(start, m_at);
                if (self >= 0) {
                    JsonTape::Node &node = m_tape->nodes[std::size_t(self)];
                    node.raw = QByteArrayView(start, m_at);
                    node.escaped = escaped;
                }
                ++m_at;
                return true;
            }
            if (c < 0x20)
                return failMalformed();
            if (c >= 0x80) {
                if (!utf8Sequence())
                    return failMalformed();
                continue;
            }
            if (c == '\\') {
                escaped = true;
                ++m_at;
                if (m_at == m_end)
                    return failMalformed();
                switch (*m_at) {
                case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                    break;
                case 'u':
                    for (int i = 0; i < 4; ++i) {
                        ++m_at;
                        if (m_at == m_end || !isxdigit(static_cast<unsigned char>(*m_at)))
                            return failMalformed();
                    }
                    break;
                default:
                    return failMalformed();
                }
            }
            ++m_at;
        }
        return failMalformed();
    }

    /// One multi-byte UTF-8 sequence at m_at (RFC 3629: no overlong forms, no surrogates,
    /// nothing beyond U+10FFFF); moves past it.
    bool utf8Sequence()
    {
        const auto lead = static_cast<unsigned char>(*m_at);
        int length = 0;
        char32_t min = 0;
        char32_t code = 0;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2, min = 0x80, code = lead & 0x1f;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3, min = 0x800, code = lead & 0x0f;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4, min = 0x10000, code = lead & 0x07;
        } else {
            return false;
        }
        if (m_end - m_at < length)
            return false;
        for (int i = 1; i < length; ++i) {
            const auto c = static_cast<unsigned char>(m_at[i]);
            if ((c & 0xc0) != 0x80)
                return false;
            code = (code << 6) | (c & 0x3f);
        }
        if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return false;
        m_at += length;
        return true;
    }

    /// The key's text with its escapes resolved, kept alive for the rest of the scan.
    QByteArrayView decodeKey(QByteArrayView raw)
    {
        m_decodedKeys.append(decodeString(raw).toUtf8());
        return m_decodedKeys.constLast();
    }

    bool literal(const char *word)
    {
        for (const char *w = word; *w; ++w, ++m_at) {
            if (m_at == m_end || *m_at != *w)
                return failMalformed();
        }
        return true;
    }

    bool number(qsizetype self)
    {
        const char *start = m_at;
        if (m_at != m_end && *m_at == '-')
            ++m_at;
        if (m_at == m_end || !isDigit(*m_at))
            return failMalformed(start);
        // No leading zeros: "01" is not JSON.
        if (*m_at == '0')
            ++m_at;
        else
            skipDigits();
        bool fractional = false;
        if (m_at != m_end && *m_at == '.') {
            fractional = true;
            ++m_at;
            if (m_at == m_end || !isDigit(*m_at))
                return failMalformed();
            skipDigits();
        }
        if (m_at != m_end && (*m_at == 'e' || *m_at == 'E')) {
            fractional = true;
            ++m_at;
            if (m_at != m_end && (*m_at == '+' || *m_at == '-'))
                ++m_at;
            if (m_at == m_end || !isDigit(*m_at))
                return failMalformed();
            skipDigits();
        }
        if (self >= 0) {
            JsonTape::Node &node = m_tape->nodes[std::size_t(self)];
            node.raw = QByteArrayView(start, m_at);
            node.fractional = fractional;
        } else if (fractional) {
            m_scan.fractionalNumbers.append(path());
        }
        return true;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    void skipDigits()
    {
        while (m_at != m_end && isDigit(*m_at))
            ++m_at;
    }
    void skipSpace()
    {
        while (m_at != m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
            ++m_at;
    }

    /// "a.b[2].c"
    QString path() const
    {
        QString out;
        for (const Step &step : m_path) {
            if (step.index >= 0) {
                out += u'[' + QString::number(step.index) + u']';
            } else {
                if (!out.isEmpty())
                    out += u'.';
                out += QString::fromUtf8(step.key);
            }
        }
        return out;
    }

    Error malformed(const char *at = nullptr) const
    {
        const qsizetype offset = (at ? at : m_at) - m_begin;
        return Error{QStringLiteral("request.malformed-json"),
                     Tr::tr("The body is not valid JSON at offset %1.").arg(offset), {}};
    }
    bool failMalformed(const char *at = nullptr)
    {
        m_error = malformed(at);
        return false;
    }
    bool failTooDeep()
    {
        m_error = Error{QStringLiteral("request.malformed-json"),
                        Tr::tr("The body nests deeper than %1 levels.").arg(JsonScanner::kMaxDepth), {}};
        return false;
    }

    const char *m_begin;
    const char *m_at;
    const char *m_end;
    QVarLengthArray<Step, 8> m_path;
    QList<QByteArray> m_decodedKeys;
    JsonTape *m_tape;
    JsonScan m_scan;
    std::optional<Error> m_error;
};
} // namespace

QString JsonTape::text(const Node &node)
{
    return node.escaped ? decodeString(node.raw) : QString::fromUtf8(node.raw);
}

Result<JsonScan> JsonScanner::scan(QByteArrayView json)
{
    return Scanner(json, nullptr).run();
}

Result<JsonTape> JsonScanner::read(QByteArrayView json)
{
    JsonTape tape;
    // Request bodies are small: one allocation for the nodes of most of them.
    constexpr std::size_t kTypicalNodes = 32;
    tape.nodes.reserve(kTypicalNodes);
    if (auto scanned = Scanner(json, &tape).run(); !scanned)
        return scanned.error();
    return tape;
}

} // namespace cloudex::api
