#include "net/jsonfields.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace cloudex::net {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};

// Largest integer a JSON number (an IEEE double) carries exactly.
constexpr double kMaxExactInteger = 9007199254740992.0;

QString typeName(JsonType type)
{
    switch (type) {
    case JsonType::String:
        return Tr::tr("a string");
    case JsonType::Integer:
        return Tr::tr("an integer");
    case JsonType::Boolean:
        return Tr::tr("true or false");
    case JsonType::Object:
        return Tr::tr("an object");
    case JsonType::Array:
        return Tr::tr("an array");
    }
    return {};
}

bool hasType(const QJsonValue &value, JsonType type)
{
    switch (type) {
    case JsonType::String:
        return value.isString();
    case JsonType::Integer: {
        if (!value.isDouble())
            return false;
        const double d = value.toDouble();
        return std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= kMaxExactInteger;
    }
    case JsonType::Boolean:
        return value.isBool();
    case JsonType::Object:
        return value.isObject();
    case JsonType::Array:
        return value.isArray();
    }
    return false;
}
} // namespace

Result<QJsonObject> parseJsonObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return Error{QStringLiteral("request.malformed-json"),
                     Tr::tr("The body is not valid JSON: %1 at offset %2.")
                         .arg(error.errorString())
                         .arg(error.offset)};
    }
    if (!doc.isObject()) {
        return Error{QStringLiteral("request.not-an-object"), Tr::tr("The body must be a JSON object.")};
    }
    return doc.object();
}

Result<JsonFieldValues> readFields(const QJsonObject &object, std::initializer_list<JsonField> fields)
{
    JsonFieldValues values(qsizetype(fields.size()), QJsonValue(QJsonValue::Undefined));
    // One walk over the object: each key is made once and matched against the short list.
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        const auto field = std::find_if(fields.begin(), fields.end(),
                                        [&](const JsonField &f) { return f.name == key; });
        if (field == fields.end()) {
            return Error{QStringLiteral("request.unknown-field"), Tr::tr("Unknown field \"%1\".").arg(key)};
        }
        values[field - fields.begin()] = it.value();
    }
    // Then in the order of the list, so the error for several bad fields is stable.
    for (qsizetype i = 0; const JsonField &field : fields) {
        const QJsonValue &value = values.at(i++);
        if (value.isUndefined()) {
            if (field.required) {
                return Error{QStringLiteral("request.missing-field"),
                             Tr::tr("The field \"%1\" is required.").arg(field.name)};
            }
            continue;
        }
        if (!hasType(value, field.type)) {
            return Error{QStringLiteral("request.wrong-type"),
                         Tr::tr("The field \"%1\" must be %2.").arg(field.name, typeName(field.type))};
        }
    }
    return values;
}

Result<void> checkFields(const QJsonObject &object, std::initializer_list<JsonField> fields)
{
    if (auto read = readFields(object, fields); !read)
        return read.error();
    return {};
}

} // namespace cloudex::net
