#include "api/parse.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace cloudex::api {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};
} // namespace

Result<StrictObject> parseStrictObject(QByteArrayView body)
{
    auto scan = JsonScanner::scan(body);
    if (!scan)
        return scan.error();
    // Valid JSON, so the first character past white space tells an object.
    const QByteArrayView trimmed = body.trimmed();
    if (!trimmed.startsWith('{'))
        return Error{QStringLiteral("request.not-an-object"), Tr::tr("The body must be a JSON object."), {}};
    // The scanner has checked the syntax; Qt still refuses what it cannot hold (invalid
    // UTF-8 in a string, for example).
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(body.data(), body.size()), &error);
    if (error.error != QJsonParseError::NoError) {
        return Error{QStringLiteral("request.malformed-json"),
                     Tr::tr("The body is not valid JSON: %1 at offset %2.").arg(error.errorString()).arg(error.offset),
                     {}};
    }
    return StrictObject{doc.object(), std::move(scan).value()};
}

Result<void> checkIntegers(const JsonScan &scan)
{
    if (scan.fractionalNumbers.isEmpty())
        return {};
    const QString &field = scan.fractionalNumbers.constFirst();
    return Error{QStringLiteral("request.wrong-type"),
                 Tr::tr("The field \"%1\" must be %2.").arg(field, Tr::tr("an integer")), field};
}

} // namespace cloudex::api
