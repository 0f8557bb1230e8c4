#include "api/jsonobjectreader.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cloudex::api {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};

const QString kWrongType = QStringLiteral("request.wrong-type");
} // namespace

namespace {
using Kind = JsonTape::Kind;

const JsonTape::Node &nodeOf(const JsonTape *tape, qsizetype node)
{
    return tape->nodes[std::size_t(node)];
}

/// The children of a tape node, in order.
template<typename F>
void forEachChild(const JsonTape *tape, qsizetype node, F &&f)
{
    for (qsizetype child = nodeOf(tape, node).first; child >= 0; child = nodeOf(tape, child).next) {
        if (!f(child))
            return;
    }
}

/// A number as the scanner recorded it, when it is an integer written without fraction or
/// exponent and fits 64 bits.
std::optional<qint64> integerOf(const JsonTape::Node &node)
{
    if (node.fractional)
        return std::nullopt;
    QByteArrayView digits = node.raw;
    const bool negative = digits.startsWith('-');
    if (negative)
        digits = digits.sliced(1);
    // 18 digits always fit; longer numbers are beyond any range the API accepts.
    constexpr qsizetype kSafeDigits = 18;
    if (digits.size() > kSafeDigits)
        return negative ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
    qint64 n = 0;
    for (const char c : digits)
        n = n * 10 + (c - '0');
    return negative ? -n : n;
}
} // namespace

bool JsonValueRef::isString() const
{
    return m_tape ? nodeOf(m_tape, m_node).kind == Kind::String : m_json.isString();
}

QString JsonValueRef::toString() const
{
    return m_tape ? JsonTape::text(nodeOf(m_tape, m_node)) : m_json.toString();
}

std::optional<QByteArrayView> JsonValueRef::plainUtf8() const
{
    if (!m_tape)
        return std::nullopt;
    const JsonTape::Node &node = nodeOf(m_tape, m_node);
    if (node.kind != Kind::String || node.escaped)
        return std::nullopt;
    return node.raw;
}

bool JsonValueRef::isObject() const
{
    return m_tape ? nodeOf(m_tape, m_node).kind == Kind::Object : m_json.isObject();
}

bool JsonValueRef::isArray() const
{
    return m_tape ? nodeOf(m_tape, m_node).kind == Kind::Array : m_json.isArray();
}

QList<JsonValueRef> JsonValueRef::elements() const
{
    QList<JsonValueRef> out;
    if (m_tape) {
        out.reserve(nodeOf(m_tape, m_node).count);
        forEachChild(m_tape, m_node, [&](qsizetype child) {
            out.append(JsonValueRef(m_tape, child));
            return true;
        });
        return out;
    }
    const QJsonArray array = m_json.toArray();
    out.reserve(array.size());
    for (const QJsonValue &item : array)
        out.append(JsonValueRef(item));
    return out;
}

JsonObjectReader::JsonObjectReader(const QJsonObject &object, ParseMode mode, QString path)
    : m_object(object)
    , m_mode(mode)
    , m_path(std::move(path))
{
}

JsonObjectReader::JsonObjectReader(const JsonTape &tape, qsizetype node, ParseMode mode, QString path)
    : m_tape(&tape)
    , m_node(node)
    , m_mode(mode)
    , m_path(std::move(path))
{
}

JsonObjectReader::JsonObjectReader(const JsonValueRef &object, ParseMode mode, QString path)
    : m_object(object.tape() ? QJsonObject() : object.json().toObject())
    , m_tape(object.tape())
    , m_node(object.node())
    , m_mode(mode)
    , m_path(std::move(path))
{
}

bool JsonObjectReader::has(QLatin1StringView key) const
{
    if (!m_tape)
        return m_object.contains(key);
    const QByteArrayView bytes(key.data(), key.size());
    bool found = false;
    forEachChild(m_tape, m_node, [&](qsizetype child) {
        found = nodeOf(m_tape, child).key == bytes;
        return !found;
    });
    return found;
}

qsizetype JsonObjectReader::memberCount() const
{
    return m_tape ? nodeOf(m_tape, m_node).count : m_object.size();
}

std::optional<JsonValueRef> JsonObjectReader::take(QLatin1StringView key, Presence presence)
{
    m_known.append(key);
    std::optional<JsonValueRef> value;
    if (m_tape) {
        // Request objects are small: a walk over the members beats any index.
        const QByteArrayView bytes(key.data(), key.size());
        forEachChild(m_tape, m_node, [&](qsizetype child) {
            if (nodeOf(m_tape, child).key != bytes)
                return true;
            value.emplace(m_tape, child);
            return false;
        });
    } else if (const auto it = m_object.constFind(key); it != m_object.constEnd()) {
        value.emplace(QJsonValue(it.value()));
    }
    if (!value) {
        if (presence == Presence::Required) {
            const QString field = path(key);
            fail(Error{QStringLiteral("request.missing-field"), Tr::tr("The field \"%1\" is required.").arg(field),
                       field});
        }
        return std::nullopt;
    }
    ++m_present;
    // After the first problem only the keys are recorded (for the unknown-field check).
    if (m_error)
        return std::nullopt;
    return value;
}

void JsonObjectReader::read(QLatin1StringView key, QString &out, Presence presence)
{
    if (const auto value = take(key, presence)) {
        if (!value->isString())
            return failType(key, TypeString);
        out = value->toString();
    }
}

void JsonObjectReader::read(QLatin1StringView key, qint64 &out, Presence presence, qint64 min, qint64 max)
{
    const auto value = take(key, presence);
    if (!value)
        return;
    const auto outOfRange = [&] {
        const QString field = path(key);
        fail(Error{QStringLiteral("request.out-of-range"),
                   Tr::tr("The field \"%1\" must be between %2 and %3.").arg(field).arg(min).arg(max), field});
    };
    qint64 n = 0;
    if (value->tape()) {
        // From the bytes: a number written as 2.0 or 1e0 is not an integer, whatever its value.
        const JsonTape::Node &node = nodeOf(value->tape(), value->node());
        if (node.kind != Kind::Number)
            return failType(key, TypeInteger);
        const std::optional<qint64> parsed = integerOf(node);
        if (!parsed)
            return failType(key, TypeInteger);
        n = *parsed;
    } else {
        const QJsonValue &json = value->json();
        if (!json.isDouble())
            return failType(key, TypeInteger);
        // Qt keeps integers that fit in 64 bits exactly and the others as doubles; a double
        // here is either a fraction or a magnitude beyond any integer we accept.
        const double d = json.toDouble();
        if (!std::isfinite(d) || std::trunc(d) != d)
            return failType(key, TypeInteger);
        if (d < double(min) || d > double(max))
            return outOfRange();
        n = json.toInteger(std::numeric_limits<qint64>::min());
    }
    if (n < min || n > max)
        return outOfRange();
    out = n;
}

void JsonObjectReader::read(QLatin1StringView key, int &out, Presence presence)
{
    qint64 wide = out;
    read(key, wide, presence, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    out = int(wide);
}

void JsonObjectReader::read(QLatin1StringView key, bool &out, Presence presence)
{
    const auto value = take(key, presence);
    if (!value)
        return;
    if (value->tape()) {
        const Kind kind = nodeOf(value->tape(), value->node()).kind;
        if (kind != Kind::True && kind != Kind::False)
            return failType(key, TypeBoolean);
        out = kind == Kind::True;
        return;
    }
    if (!value->json().isBool())
        return failType(key, TypeBoolean);
    out = value->json().toBool();
}

void JsonObjectReader::read(QLatin1StringView key, std::optional<qint64> &out)
{
    if (!has(key))
        return;
    qint64 value = 0;
    read(key, value, Presence::Required);
    out = value;
}

void JsonObjectReader::read(QLatin1StringView key, QStringList &out, Presence presence)
{
    const auto value = take(key, presence);
    if (!value)
        return;
    if (!value->isArray())
        return failType(key, TypeStringArray);
    const QList<JsonValueRef> items = value->elements();
    out.clear();
    out.reserve(items.size());
    for (const JsonValueRef &item : items) {
        if (!item.isString())
            return failType(key, TypeStringArray);
        out.append(item.toString());
    }
}

Result<void> JsonObjectReader::finish() const
{
    if (m_mode == ParseMode::Strict && m_present < memberCount()) {
        const auto unknown = [this](const QString &key) {
            const QString field = m_path.isEmpty() ? key : m_path + u'.' + key;
            return Error{QStringLiteral("request.unknown-field"), Tr::tr("Unknown field \"%1\".").arg(field), field};
        };
        if (m_tape) {
            std::optional<Error> error;
            forEachChild(m_tape, m_node, [&](qsizetype child) {
                const QByteArrayView key = nodeOf(m_tape, child).key;
                const bool known = std::any_of(m_known.cbegin(), m_known.cend(), [&](QLatin1StringView k) {
                    return QByteArrayView(k.data(), k.size()) == key;
                });
                if (!known)
                    error = unknown(QString::fromUtf8(key));
                return known;
            });
            if (error)
                return *error;
        } else {
            for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
                const QString key = it.key();
                if (std::find(m_known.cbegin(), m_known.cend(), key) == m_known.cend())
                    return unknown(key);
            }
        }
    }
    if (m_error)
        return *m_error;
    return {};
}

QString JsonObjectReader::path(QLatin1StringView key) const
{
    return m_path.isEmpty() ? QString(key) : m_path + u'.' + key;
}

QString JsonObjectReader::mustBe(const QString &field, Type type)
{
    QString what;
    switch (type) {
    case TypeString:
        what = Tr::tr("a string");
        break;
    case TypeInteger:
        what = Tr::tr("an integer");
        break;
    case TypeBoolean:
        what = Tr::tr("true or false");
        break;
    case TypeObject:
        what = Tr::tr("an object");
        break;
    case TypeArray:
        what = Tr::tr("an array");
        break;
    case TypeStringArray:
        return Tr::tr("The field \"%1\" must be an array of strings.").arg(field);
    }
    return Tr::tr("The field \"%1\" must be %2.").arg(field, what);
}

void JsonObjectReader::fail(Error error)
{
    if (!m_error)
        m_error = std::move(error);
}

void JsonObjectReader::failType(QLatin1StringView key, Type type)
{
    const QString field = path(key);
    fail(Error{kWrongType, mustBe(field, type), field});
}

void JsonObjectReader::failNotOneOf(QLatin1StringView key, const QString &allowed)
{
    const QString field = path(key);
    fail(Error{kWrongType, Tr::tr("The field \"%1\" must be one of %2.").arg(field, allowed), field});
}

} // namespace cloudex::api
