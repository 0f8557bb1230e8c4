#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QVarLengthArray>

#include <initializer_list>

namespace cloudex::net {

enum class JsonType { String, Integer, Boolean, Object, Array };

struct JsonField
{
    QString name;
    JsonType type;
    bool required = true;
};

/// Parses a request body that must be one JSON object.
Result<QJsonObject> parseJsonObject(const QByteArray &body);

/// Checks that `object` holds only the listed fields, each of its type, and every required
/// one. Integers must be whole and within ±2^53 (exact in JSON numbers). The error names
/// the offending field.
Result<void> checkFields(const QJsonObject &object, std::initializer_list<JsonField> fields);

/// The values of the listed fields, in the order of the list (undefined where absent).
using JsonFieldValues = QVarLengthArray<QJsonValue, 12>;

/// checkFields() in one pass over the object that also hands back the values, so that a
/// handler reads each field once.
Result<JsonFieldValues> readFields(const QJsonObject &object, std::initializer_list<JsonField> fields);

} // namespace cloudex::net
