#include "api/parse.h"

#include <QCoreApplication>

namespace cloudex::api {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};
} // namespace

Result<JsonTape> scanRequestObject(QByteArrayView body)
{
    auto tape = JsonScanner::read(body);
    if (!tape)
        return tape.error();
    // The first node is the document's value.
    if (tape->nodes.front().kind != JsonTape::Kind::Object)
        return Error{QStringLiteral("request.not-an-object"), Tr::tr("The body must be a JSON object."), {}};
    return tape;
}

} // namespace cloudex::api
