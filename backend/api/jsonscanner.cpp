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

class Scanner
{
public:
    explicit Scanner(QByteArrayView json) : m_begin(json.data()), m_at(json.data()), m_end(json.data() + json.size()) {}

    Result<JsonScan> run()
    {
        skipSpace();
        if (!value(0))
            return *m_error;
        skipSpace();
        if (m_at != m_end)
            return malformed();
        return std::move(m_scan);
    }

private:
    bool value(int depth)
    {
        if (m_at == m_end)
            return failMalformed();
        switch (*m_at) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string(nullptr);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool object(int depth)
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
        m_path.append(Step{});
        for (;;) {
            if (m_at == m_end || *m_at != '"')
                return failMalformed();
            QByteArrayView key;
            if (!string(&key))
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
            if (!value(depth))
                return false;
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

    bool array(int depth)
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
        for (;;) {
            if (!value(depth))
                return false;
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
    bool string(QByteArrayView *key)
    {
        const char *start = ++m_at; // after '"'
        bool escaped = false;
        while (m_at != m_end) {
            const auto c = static_cast<unsigned char>(*m_at);
            if (c == '"') {
                if (key)
                    *key = escaped ? decodeKey(QByteArrayView(start, m_at)) : QByteArrayView(start, m_at);
                ++m_at;
                return true;
            }
            if (c < 0x20)
                return failMalformed();
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

    /// The key's text with its escapes resolved, kept alive for the rest of the scan.
    QByteArrayView decodeKey(QByteArrayView raw)
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
        m_decodedKeys.append(text.toUtf8());
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

    bool number()
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
        if (fractional)
            m_scan.fractionalNumbers.append(path());
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
    JsonScan m_scan;
    std::optional<Error> m_error;
};
} // namespace

Result<JsonScan> JsonScanner::scan(QByteArrayView json)
{
    return Scanner(json).run();
}

} // namespace cloudex::api
