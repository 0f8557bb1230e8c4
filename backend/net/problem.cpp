#include "net/problem.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace cloudex::net {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};

QString titleFor(int status)
{
    switch (status) {
    case 400:
        return Tr::tr("Bad request");
    case 401:
        return Tr::tr("Not authenticated");
    case 403:
        return Tr::tr("Forbidden");
    case 404:
        return Tr::tr("Not found");
    case 405:
        return Tr::tr("Method not allowed");
    case 409:
        return Tr::tr("Conflict");
    case 411:
        return Tr::tr("Length required");
    case 413:
        return Tr::tr("Request body too large");
    case 415:
        return Tr::tr("Unsupported media type");
    case 422:
        return Tr::tr("Request rejected");
    case 429:
        return Tr::tr("Too many requests");
    case 431:
        return Tr::tr("Request headers too large");
    case 503:
        return Tr::tr("Service unavailable");
    case 505:
        return Tr::tr("HTTP version not supported");
    default:
        return Tr::tr("Server error");
    }
}
} // namespace

QJsonObject ApiProblem::toJson() const
{
    QJsonObject json = extensions;
    json.insert(QStringLiteral("type"), QString(QStringLiteral("urn:cloudex:problem:") + code));
    json.insert(QStringLiteral("title"), title.isEmpty() ? titleFor(status) : title);
    json.insert(QStringLiteral("status"), status);
    json.insert(QStringLiteral("code"), code);
    if (!detail.isEmpty())
        json.insert(QStringLiteral("detail"), detail);
    return json;
}

QByteArray ApiProblem::toBody() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

ApiProblem ApiProblem::fromError(int status, const Error &error)
{
    ApiProblem problem{status, error.code, titleFor(status), error.message, {}};
    // A request error names its field, so a client can point at it without reading prose.
    if (!error.field.isEmpty())
        problem.extensions.insert(QStringLiteral("field"), error.field);
    return problem;
}

ApiProblem ApiProblem::badRequest(const QString &code, const QString &detail)
{
    return {400, code, titleFor(400), detail, {}};
}

ApiProblem ApiProblem::notFound(const QString &detail)
{
    return {404, QStringLiteral("route.not-found"), titleFor(404), detail, {}};
}

ApiProblem ApiProblem::methodNotAllowed(const QString &method)
{
    return {405,
            QStringLiteral("route.method-not-allowed"),
            titleFor(405),
            Tr::tr("This resource does not support %1.").arg(method),
            {}};
}

ApiProblem ApiProblem::forbidden(const QString &code, const QString &detail)
{
    return {403, code, titleFor(403), detail, {}};
}

ApiProblem ApiProblem::unauthorized(const QString &code, const QString &detail)
{
    return {401, code, titleFor(401), detail, {}};
}

ApiProblem ApiProblem::payloadTooLarge(qint64 limit)
{
    return {413,
            QStringLiteral("request.too-large"),
            titleFor(413),
            Tr::tr("The request body exceeds the limit of %1 bytes.").arg(limit),
            {}};
}

ApiProblem ApiProblem::tooManyRequests(qint64 retryAfterMs)
{
    ApiProblem problem{429,
                       QStringLiteral("request.rate-limited"),
                       titleFor(429),
                       Tr::tr("Too many requests; retry in %1 ms.").arg(retryAfterMs),
                       {}};
    problem.extensions.insert(QStringLiteral("retryAfterMs"), retryAfterMs);
    return problem;
}

} // namespace cloudex::net
