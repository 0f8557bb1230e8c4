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

JsonObjectReader::JsonObjectReader(const QJsonObject &object, ParseMode mode, QString path)
    : m_object(object)
    , m_mode(mode)
    , m_path(std::move(path))
{
}

std::optional<QJsonValueConstRef> JsonObjectReader::take(QLatin1StringView key, Presence presence)
{
    m_known.append(key);
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
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
    // A reference into the object: no QJsonValue is made for a field read once.
    return it.value();
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
    if (!value->isDouble())
        return failType(key, TypeInteger);
    // Qt keeps integers that fit in 64 bits exactly and the others as doubles; a double
    // here is either a fraction or a magnitude beyond any integer we accept.
    const double d = value->toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d)
        return failType(key, TypeInteger);
    if (d < double(min) || d > double(max)) {
        const QString field = path(key);
        return fail(Error{QStringLiteral("request.out-of-range"),
                          Tr::tr("The field \"%1\" must be between %2 and %3.").arg(field).arg(min).arg(max), field});
    }
    const qint64 n = value->toInteger(std::numeric_limits<qint64>::min());
    if (n < min || n > max) {
        const QString field = path(key);
        return fail(Error{QStringLiteral("request.out-of-range"),
                          Tr::tr("The field \"%1\" must be between %2 and %3.").arg(field).arg(min).arg(max), field});
    }
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
    if (const auto value = take(key, presence)) {
        if (!value->isBool())
            return failType(key, TypeBoolean);
        out = value->toBool();
    }
}

void JsonObjectReader::read(QLatin1StringView key, std::optional<qint64> &out)
{
    if (!m_object.contains(key))
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
    const QJsonArray array = value->toArray();
    out.clear();
    out.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isString())
            return failType(key, TypeStringArray);
        out.append(item.toString());
    }
}

Result<void> JsonObjectReader::finish() const
{
    if (m_mode == ParseMode::Strict && m_present < m_object.size()) {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            const QString key = it.key();
            if (std::find(m_known.cbegin(), m_known.cend(), key) == m_known.cend()) {
                const QString field = m_path.isEmpty() ? key : m_path + u'.' + key;
                return Error{QStringLiteral("request.unknown-field"), Tr::tr("Unknown field \"%1\".").arg(field),
                             field};
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
