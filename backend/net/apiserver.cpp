#include "net/apiserver.h"

#include "core/clock.h"
#include "net/guardedsslserver.h"
#include "net/ratelimiter.h"

#include <QCoreApplication>
#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSslKey>
#include <QSslSocket>
#include <QVarLengthArray>

#include <optional>

namespace cloudex::net {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

// Header names are case-insensitive; Qt 6.4's QHttpServerRequest::value() is not.
bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("upgrade", Qt::CaseInsensitive) == 0)
            return value.compare("websocket", Qt::CaseInsensitive) == 0;
    }
    return false;
}

/// The segments of a request path as views into it (no copies: this runs per request).
using PathSegments = QVarLengthArray<QStringView, 8>;
PathSegments pathSegments(QStringView path)
{
    PathSegments out;
    for (const QStringView segment : path.tokenize(u'/', Qt::SkipEmptyParts))
        out.append(segment);
    return out;
}
} // namespace

/// Hands requests to the dispatcher. For a WebSocket upgrade, Qt 6.4 asks handleRequest()
/// first and hands the socket to its WebSocket server only when it returns true (without
/// answering); upgrades of any other path are refused here as unknown.
class ApiServer::Frontend final : public QAbstractHttpServer
{
public:
    explicit Frontend(ApiServer *api)
        : QAbstractHttpServer(api)
        , m_api(api)
    {
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        if (isWebSocketUpgrade(request))
            return request.url().path() == ApiServer::webSocketPath();
        m_api->dispatch(request, makeResponder(request, socket));
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // Reached only for upgrades of paths other than the stream.
        makeResponder(request, socket)
            .write(ApiProblem::notFound(QString()).toBody(), "application/problem+json",
                   QHttpServerResponder::StatusCode::NotFound);
    }

private:
    ApiServer *m_api;
};

struct ApiReply::State
{
    std::optional<QHttpServerResponder> responder;
    QPointer<QTcpSocket> socket;
    QPointer<ApiServer> server;
    QString method;
    QString path;
    bool sent = false;
};

void ApiReply::send(int status, const QJsonValue &body, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    const QJsonDocument doc = body.isArray() ? QJsonDocument(body.toArray()) : QJsonDocument(body.toObject());
    sendJson(status, doc.toJson(QJsonDocument::Compact), headers);
}

void ApiReply::sendJson(int status, const QByteArray &json, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    write(status, "application/json", json, headers);
}

void ApiReply::sendProblem(const ApiProblem &problem)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (problem.status == 429) {
        const qint64 ms = problem.extensions.value(QStringLiteral("retryAfterMs")).toInteger();
        headers.append({"Retry-After", QByteArray::number(std::max<qint64>(1, (ms + 999) / 1000))});
    }
    write(problem.status, "application/problem+json", problem.toBody(), headers);
}

bool ApiReply::isSent() const
{
    return m_state->sent;
}

bool ApiReply::isConnected() const
{
    return m_state->socket && m_state->socket->state() == QAbstractSocket::ConnectedState;
}

void ApiReply::write(int status, const QByteArray &contentType, const QByteArray &body,
                     const QList<QPair<QByteArray, QByteArray>> &headers)
{
    State &s = *m_state;
    if (s.sent)
        return;
    s.sent = true;
    if (s.server)
        Q_EMIT s.server->requestFinished(s.method, s.path, status);
    // The client may have left while the answer was being prepared: the work it asked for
    // stands, only the answer has nowhere to go.
    if (!isConnected() || !s.responder)
        return;
    // Qt 6.4's HeaderList is an initializer_list, so headers of our choosing go one by one.
    QHttpServerResponder &r = *s.responder;
    r.writeStatusLine(QHttpServerResponder::StatusCode(status));
    r.writeHeader("Content-Type", contentType);
    r.writeHeader("Content-Length", QByteArray::number(body.size()));
    for (const auto &h : headers)
        r.writeHeader(h.first, h.second);
    r.writeBody(body);
    s.responder.reset();
}

ApiServer::ApiServer(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_http(new Frontend(this))
    , m_limiter(std::make_unique<RateLimiter>(clock, Config{}.rateBurst, Config{}.ratePerSecond))
    , m_authenticator(subjectIdentity)
{
}

QAbstractHttpServer *ApiServer::httpServer() const
{
    return m_http;
}

ApiServer::~ApiServer() = default;

void ApiServer::setAuthenticator(Authenticator authenticator)
{
    m_authenticator = std::move(authenticator);
}

void ApiServer::setRateLimits(int burst, int perSecond)
{
    m_limiter->setLimits(burst, perSecond);
}

void ApiServer::route(const QString &method, const QString &pattern, Handler handler, const QString &permission)
{
    m_routes.append(Route{method, pattern.split(u'/', Qt::SkipEmptyParts), std::move(handler), permission});
}

Result<quint16> ApiServer::listen(const Config &config)
{
    if (m_tcp) {
        return Error{QStringLiteral("server.already-listening"),
                     Tr::tr("The API server is already listening on port %1.").arg(port())};
    }
    if (config.tls.localCertificate().isNull() || config.tls.privateKey().isNull()) {
        return Error{QStringLiteral("server.no-identity"),
                     Tr::tr("The API server has no TLS certificate and key.")};
    }
    QSslConfiguration tls = config.tls;
    // Mutual TLS: no client certificate chained to our CA, no connection.
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    auto server = new GuardedSslServer(config.maxBodyBytes, config.maxHeaderBytes);
    server->setSslConfiguration(tls);
    if (config.ignoreValidityPeriod) {
        connect(server, &QSslServer::sslErrors, server, [](QSslSocket *socket, const QList<QSslError> &errors) {
            QList<QSslError> ignore;
            for (const QSslError &error : errors) {
                if (error.error() == QSslError::CertificateNotYetValid || error.error() == QSslError::CertificateExpired)
                    ignore.append(error);
            }
            // Only when nothing else is wrong: any other error still refuses the handshake.
            if (ignore.size() == errors.size())
                socket->ignoreSslErrors(ignore);
        });
    }
    if (!server->listen(config.address, config.port)) {
        const QString why = server->errorString();
        delete server;
        return Error{QStringLiteral("server.listen-failed"),
                     Tr::tr("Cannot listen on %1:%2: %3").arg(config.address.toString()).arg(config.port).arg(why)};
    }
    m_limiter->setLimits(config.rateBurst, config.ratePerSecond);
    m_http->bind(server);
    m_tcp = server;
    return m_tcp->serverPort();
}

quint16 ApiServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

void ApiServer::dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    auto state = std::make_shared<ApiReply::State>();
    state->socket = responder.socket();
    state->responder.emplace(std::move(responder));
    state->server = this;
    state->method = methodName(request.method());
    state->path = request.url().path();
    ApiReply reply(state);

    auto sslSocket = qobject_cast<QSslSocket *>(state->socket.data());
    const auto identity = m_authenticator(sslSocket ? sslSocket->peerCertificate() : QSslCertificate());
    if (!identity)
        return reply.sendProblem(ApiProblem::fromError(401, identity.error()));

    if (const qint64 waitMs = m_limiter->acquire(identity->participant); waitMs > 0)
        return reply.sendProblem(ApiProblem::tooManyRequests(waitMs));

    const PathSegments segments = pathSegments(state->path);
    bool pathMatched = false;
    for (const Route &route : std::as_const(m_routes)) {
        if (route.segments.size() != segments.size())
            continue;
        QHash<QString, QString> params;
        bool match = true;
        for (qsizetype i = 0; i < segments.size() && match; ++i) {
            const QString &want = route.segments.at(i);
            if (want.startsWith(u'{') && want.endsWith(u'}'))
                params.insert(want.mid(1, want.size() - 2), segments.at(i).toString());
            else
                match = want == segments.at(i);
        }
        if (!match)
            continue;
        pathMatched = true;
        if (route.method != state->method)
            continue;
        if (!route.permission.isEmpty() && !identity->hasPermission(route.permission)) {
            return reply.sendProblem(ApiProblem::forbidden(
                QStringLiteral("auth.permission-missing"),
                Tr::tr("This call needs the permission \"%1\".").arg(route.permission)));
        }
        ApiRequest apiRequest;
        apiRequest.method = state->method;
        apiRequest.path = state->path;
        apiRequest.query = request.query();
        apiRequest.params = std::move(params);
        apiRequest.headers = request.headers();
        apiRequest.body = request.body();
        apiRequest.identity = *identity;
        route.handler(apiRequest, reply);
        return;
    }
    if (pathMatched)
        return reply.sendProblem(ApiProblem::methodNotAllowed(state->method));
    reply.sendProblem(ApiProblem::notFound(Tr::tr("No API resource at %1.").arg(state->path)));
}

} // namespace cloudex::net
