#include "exchange/routehelpers.h"

#include "exchange/exchangejson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace cloudex::exchange::routes {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};

const QString kJournalFailed = QStringLiteral("store.failed");
} // namespace

using net::ApiProblem;

ApiProblem badRequest(const Error &error)
{
    // fromError carries the error's field (strict parsing names it) into the problem.
    return ApiProblem::fromError(400, error);
}

ApiProblem wrongValue(const QString &field, const QString &allowed)
{
    return ApiProblem::badRequest(QStringLiteral("request.wrong-type"),
                                  Tr::tr("The field \"%1\" must be one of %2.").arg(field, allowed));
}

void answerAck(net::ApiReply &reply, const market::Ack &ack, int okStatus)
{
    if (!ack.accepted) {
        // A failed journal is the exchange's fault, not the request's: 503, and the
        // problem's detail says why.
        const int status = ack.error.code == kJournalFailed ? 503 : 422;
        ApiProblem problem = ApiProblem::fromError(status, ack.error);
        if (ack.duplicate)
            problem.extensions.insert(QStringLiteral("duplicate"), true);
        reply.sendProblem(problem);
        return;
    }
    reply.sendJson(okStatus, json::ack(ack));
}

std::optional<QByteArray> base64(const QString &text)
{
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    return decoded.decoded;
}

std::optional<QByteArray> base64Field(const QJsonObject &object, const QString &field)
{
    return base64(object.value(field).toString());
}

std::optional<qint64> queryInt(const net::ApiRequest &request, const QString &name, qint64 fallback)
{
    if (!request.query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 n = request.query.queryItemValue(name).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return n;
}

} // namespace cloudex::exchange::routes
