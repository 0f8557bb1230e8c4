#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QStringView>

namespace cloudex::net {

/// Writes compact JSON straight into bytes, for answers on hot paths where building a
/// QJsonObject only to serialise it would cost more than the answer itself. Keys are
/// ASCII names of our own choosing; string values are escaped per RFC 8259.
///
///     JsonWriter w;
///     w.beginObject().key("seq").value(42).key("accepted").value(true).endObject();
///     reply.sendJson(201, w.take());
class JsonWriter
{
public:
    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }
    JsonWriter &key(QLatin1StringView name);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(bool flag);
    JsonWriter &value(QStringView text);
    JsonWriter &value(const QString &text) { return value(QStringView(text)); }
    JsonWriter &value(QLatin1StringView text);
    JsonWriter &null();
    /// A value that is already JSON (one object, array or scalar).
    JsonWriter &rawValue(const QByteArray &json);

    QByteArray take() { return std::move(m_out); }

private:
    JsonWriter &open(char bracket);
    JsonWriter &close(char bracket);
    void separate();
    void quoted(QStringView text);

    QByteArray m_out;
    bool m_needComma = false;
};

} // namespace cloudex::net
