#pragma once

#include "api/enums.h"
#include "api/jsonscanner.h"
#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QStringList>
#include <QVarLengthArray>

#include <optional>

namespace cloudex::api {

/// How fromJson treats fields it does not know. Requests to the server are Strict; a client
/// reads answers Lenient, so a newer server that adds a field never breaks an older desk.
/// Both modes check types and required fields.
enum class ParseMode { Strict, Lenient };

enum class Presence { Required, Optional };

/// Largest integer magnitude a JSON number (an IEEE double) carries exactly: 2^53.
inline constexpr qint64 kMaxJsonInteger = 9007199254740992LL;

/// One JSON value a JsonObjectReader looks at: a member of a QJsonObject (answers) or a node
/// of a JsonTape (strict requests, read straight from the request's bytes).
class JsonValueRef final
{
public:
    explicit JsonValueRef(QJsonValue value) : m_json(std::move(value)) {}
    JsonValueRef(const JsonTape *tape, qsizetype node) : m_tape(tape), m_node(node) {}

    bool isString() const;
    QString toString() const;
    /// A tape string without escapes: its UTF-8 bytes, compared without decoding.
    std::optional<QByteArrayView> plainUtf8() const;
    bool isObject() const;
    bool isArray() const;
    /// The elements of an array.
    QList<JsonValueRef> elements() const;

    const QJsonValue &json() const { return m_json; }
    const JsonTape *tape() const { return m_tape; }
    qsizetype node() const { return m_node; }

private:
    QJsonValue m_json;
    const JsonTape *m_tape = nullptr;
    qsizetype m_node = -1;
};

/// Reads the fields of one JSON object into C++ values, with the API's checks: each field of
/// its type (integers whole and in range, enumerations in their set), required fields
/// present, and in strict mode no field it was not asked for. The first problem wins, with
/// the unknown field reported before others (a misspelt required field reads as unknown,
/// not missing); finish() returns it with the field's path.
class JsonObjectReader final
{
public:
    /// `path` is the object's own place in the document ("requirements", "trades[2]"),
    /// prefixed to the fields in errors.
    JsonObjectReader(const QJsonObject &object, ParseMode mode, QString path = {});
    /// The object at `node` of a scanned document.
    JsonObjectReader(const JsonTape &tape, qsizetype node, ParseMode mode, QString path = {});

    ParseMode mode() const { return m_mode; }
    /// Whether the object has `key` (for fields whose absence means something).
    bool has(QLatin1StringView key) const;

    void read(QLatin1StringView key, QString &out, Presence presence = Presence::Required);
    void read(QLatin1StringView key, qint64 &out, Presence presence = Presence::Required,
              qint64 min = -kMaxJsonInteger, qint64 max = kMaxJsonInteger);
    void read(QLatin1StringView key, int &out, Presence presence = Presence::Required);
    void read(QLatin1StringView key, bool &out, Presence presence = Presence::Required);
    /// An optional integer that is either there or not (no default that could be mistaken
    /// for a value).
    void read(QLatin1StringView key, std::optional<qint64> &out);
    /// An array of strings.
    void read(QLatin1StringView key, QStringList &out, Presence presence = Presence::Required);

    template<WireEnum E>
    void read(QLatin1StringView key, E &out, Presence presence = Presence::Required)
    {
        const auto value = take(key, presence);
        if (!value)
            return;
        if (value->isString()) {
            // Compared as bytes when they are the text: no string is made for a name.
            const auto bytes = value->plainUtf8();
            if (const std::optional<E> parsed = bytes ? fromWireUtf8<E>(*bytes) : fromWire<E>(value->toString())) {
                out = *parsed;
                return;
            }
        }
        failNotOneOf(key, wireNameList<E>());
    }

    /// A nested object of an API type (one with `void read(JsonObjectReader &)`).
    template<typename T>
        requires requires(T t, JsonObjectReader &r) { t.read(r); }
    void read(QLatin1StringView key, T &out, Presence presence = Presence::Required)
    {
        const auto value = take(key, presence);
        if (!value)
            return;
        if (!value->isObject())
            return failType(key, TypeObject);
        JsonObjectReader nested(*value, m_mode, path(key));
        out.read(nested);
        if (auto done = nested.finish(); !done)
            fail(done.error());
    }

    template<typename T>
        requires requires(T t, JsonObjectReader &r) { t.read(r); }
    void read(QLatin1StringView key, std::optional<T> &out)
    {
        if (!has(key))
            return;
        out.emplace();
        read(key, *out, Presence::Required);
    }

    /// An array of objects of an API type.
    template<typename T>
        requires requires(T t, JsonObjectReader &r) { t.read(r); }
    void read(QLatin1StringView key, QList<T> &out, Presence presence = Presence::Required)
    {
        const auto value = take(key, presence);
        if (!value)
            return;
        if (!value->isArray())
            return failType(key, TypeArray);
        const QList<JsonValueRef> items = value->elements();
        out.clear();
        out.reserve(items.size());
        for (qsizetype i = 0; i < items.size() && !m_error; ++i) {
            const QString at = path(key) + u'[' + QString::number(i) + u']';
            const JsonValueRef &item = items.at(i);
            if (!item.isObject()) {
                fail(Error{QStringLiteral("request.wrong-type"), mustBe(at, TypeObject), at});
                return;
            }
            JsonObjectReader nested(item, m_mode, at);
            out.emplaceBack().read(nested);
            if (auto done = nested.finish(); !done)
                fail(done.error());
        }
    }

    /// The first problem, if any; in strict mode, a field nobody asked for.
    Result<void> finish() const;

    /// Reads an object of type T.
    template<typename T>
    static Result<T> readObject(const QJsonObject &object, ParseMode mode)
    {
        JsonObjectReader reader(object, mode);
        T out;
        out.read(reader);
        if (auto done = reader.finish(); !done)
            return done.error();
        return out;
    }

private:
    enum Type { TypeString, TypeInteger, TypeBoolean, TypeObject, TypeArray, TypeStringArray };

    /// A nested object (a JsonValueRef that isObject()).
    JsonObjectReader(const JsonValueRef &object, ParseMode mode, QString path);

    template<WireEnum E>
    static std::optional<E> fromWireUtf8(QByteArrayView name)
    {
        const auto &names = WireNames<E>::names;
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (QByteArrayView(names[i].data(), names[i].size()) == name)
                return E(i);
        }
        return std::nullopt;
    }

    /// The value of `key`, recorded as known; nothing when absent (then a missing required
    /// field is recorded) or after the first problem.
    std::optional<JsonValueRef> take(QLatin1StringView key, Presence presence);
    qsizetype memberCount() const;
    QString path(QLatin1StringView key) const;
    static QString mustBe(const QString &field, Type type);
    void fail(Error error);
    void failType(QLatin1StringView key, Type type);
    void failNotOneOf(QLatin1StringView key, const QString &allowed);

    QJsonObject m_object;
    /// Set when the object is a node of a scanned document rather than m_object.
    const JsonTape *m_tape = nullptr;
    qsizetype m_node = -1;
    ParseMode m_mode;
    QString m_path;
    /// The keys asked for, to find an unknown one without a second lookup per field.
    QVarLengthArray<QLatin1StringView, 16> m_known;
    qsizetype m_present = 0;
    std::optional<Error> m_error;
};

/// `{"<key>":[T…]}`, the envelope of the API's list answers.
template<typename T>
Result<QList<T>> listFromJson(const QJsonObject &object, QLatin1StringView key, ParseMode mode)
{
    struct Envelope
    {
        QLatin1StringView key;
        QList<T> items;
        void read(JsonObjectReader &r) { r.read(key, items); }
    };
    JsonObjectReader reader(object, mode);
    Envelope envelope{key, {}};
    envelope.read(reader);
    if (auto done = reader.finish(); !done)
        return done.error();
    return std::move(envelope.items);
}

/// An array of API objects.
template<typename T>
QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

template<typename T>
QJsonObject listToJson(const QList<T> &items, QLatin1StringView key)
{
    return QJsonObject{{key, toJsonArray(items)}};
}

} // namespace cloudex::api
