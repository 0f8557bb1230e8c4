#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace cloudex::net {

/// An API error as RFC 9457 problem details: an HTTP status, a stable machine-readable code
/// (also the `type` URI's last segment) and a human title and detail.
struct ApiProblem
{
    int status = 500;
    QString code;   ///< for example "order.price-off-tick"
    QString title;  ///< short, for people
    QString detail; ///< this occurrence, for people
    QJsonObject extensions;

    QJsonObject toJson() const;
    QByteArray toBody() const;

    static ApiProblem fromError(int status, const Error &error);
    static ApiProblem badRequest(const QString &code, const QString &detail);
    static ApiProblem notFound(const QString &detail);
    static ApiProblem methodNotAllowed(const QString &method);
    static ApiProblem forbidden(const QString &code, const QString &detail);
    static ApiProblem unauthorized(const QString &code, const QString &detail);
    static ApiProblem payloadTooLarge(qint64 limit);
    static ApiProblem tooManyRequests(qint64 retryAfterMs);
};

} // namespace cloudex::net
