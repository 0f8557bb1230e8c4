#include "net/apiserver.h"

#include "core/clock.h"
#include "core/logging.h"
#include "net/guardedsslserver.h"
#include "net/ratelimiter.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSslKey>
#include <QSslSocket>
#include <QStringDecoder>
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

/// The segments of a request path, each percent-decoded on its own: "%2F" inside a
/// segment stays inside it and never splits the path. Empty when a segment decodes to
/// something no route can name (a slash, a NUL or malformed UTF-8).
using PathSegments = QVarLengthArray<QString, 8>;
std::optional<PathSegments> pathSegments(const QByteArray &encodedPath)
{
    PathSegments out;
    for (const QByteArray &segment : encodedPath.split('/')) {
        if (segment.isEmpty())
            continue;
        if (!segment.contains('%')) {
            out.append(QString::fromLatin1(segment));
            continue;
        }
        const QByteArray bytes = QByteArray::fromPercentEncoding(segment);
        if (bytes.contains('/') || bytes.contains('\0'))
            return std::nullopt;
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = utf8(bytes);
        if (utf8.hasError())
            return std::nullopt;
        out.append(std::move(text));
    }
    return out;
}

/// The media type of a Content-Type value, without parameters, lower-case.
QByteArray mediaType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    }
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
    {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        if (isWebSocketUpgrade(request)) {
            if (request.url().path(QUrl::FullyEncoded) != ApiServer::webSocketPath())
                return false;
            // From here on the socket carries WebSocket frames.
            if (HttpConnection *connection = HttpConnection::of(socket))
                connection->upgraded();
            return true;
        }
        m_api->dispatch(request, socket);
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // Reached only for upgrades of paths other than the stream (or with no stream).
        m_api->dispatch(request, socket, true);
    }

private:
    ApiServer *m_api;
};

struct ApiReply::State
{
    QPointer<HttpConnection> connection;
    quint64 slot = 0;
    QPointer<ApiServer> server;
    QString method;
    QString path;
    bool sent = false;

    ~State()
    {
        // Every copy of the reply is gone and nobody answered: the answers behind this one
        // on the connection must not wait for ever.
        if (!sent && connection) {
            qCWarning(lcNet, "%s %s was not answered", qPrintable(method), qPrintable(path));
            const QByteArray body = ApiProblem{500, QStringLiteral("server.no-answer"), {}, {}, {}}.toBody();
            connection->answer(slot, "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/problem+json\r\n"
                                     "Content-Length: "
                                         + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        }
    }
};

void ApiReply::send(int status, const QJsonValue &body, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    const QJsonDocument doc = body.isArray() ? QJsonDocument(body.toArray()) : QJsonDocument(body.toObject());
    sendJson(status, doc.toJson(QJsonDocument::Compact), headers);
}

void ApiReply::sendJson(int status, const QByteArray &json,
                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    write(status, "application/json", json, headers);
}

void ApiReply::sendProblem(const ApiProblem &problem,
                           const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    QList<QPair<QByteArray, QByteArray>> headers = extraHeaders;
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
    return m_state->connection && m_state->connection->socket()->state() == QAbstractSocket::ConnectedState;
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
    if (!s.connection)
        return;
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                          "\r\nContent-Type: " + contentType +
                          "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : headers)
        response += name + ": " + value + "\r\n";
    response += "\r\n";
    response += body;
    // In request order: an answer waits for the answers of the requests before it.
    s.connection->answer(s.slot, response);
}

ApiServer::ApiServer(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_http(new Frontend(this))
    , m_limiter(std::make_unique<RateLimiter>(clock, Config{}.rateBurst, Config{}.ratePerSecond))
    , m_authenticator(subjectIdentity)
{}

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

void ApiServer::route(const QString &method, const QString &pattern, Handler handler,
                      const QString &permission)
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
    GuardedSslServer::Limits limits;
    limits.framing.maxBodyBytes = config.maxBodyBytes;
    limits.framing.maxHeaderBytes = config.maxHeaderBytes;
    limits.maxConnections = config.maxConnections;
    limits.maxConnectionsPerAddress = config.maxConnectionsPerAddress;
    limits.handshakeTimeoutMs = config.handshakeTimeoutMs;
    limits.idleTimeoutMs = config.idleTimeoutMs;
    limits.ignoreValidityPeriod = config.ignoreValidityPeriod;
    auto server = new GuardedSslServer(limits);
    server->setSslConfiguration(tls);
    if (!server->listen(config.address, config.port)) {
        const QString why = server->errorString();
        delete server;
        return Error{
            QStringLiteral("server.listen-failed"),
            Tr::tr("Cannot listen on %1:%2: %3").arg(config.address.toString()).arg(config.port).arg(why)};
    }
    m_limiter->setLimits(config.rateBurst, config.ratePerSecond);
    m_http->bind(server);
    m_tcp = server;
    return m_tcp->serverPort();
}

int ApiServer::closeConnections(const QString &serial)
{
    if (!m_tcp)
        return 0;
    int closed = 0;
    // QSslServer parents its sockets to itself, upgraded WebSocket connections included
    // (the stream closes those first, so their close frame is queued before this).
    for (QSslSocket *socket : m_tcp->findChildren<QSslSocket *>(Qt::FindDirectChildrenOnly)) {
        if (socket->state() != QAbstractSocket::ConnectedState)
            continue;
        const QString peer =
            QString::fromLatin1(socket->peerCertificate().serialNumber()).remove(u':').toUpper();
        if (peer.isEmpty() || peer != serial)
            continue;
        // Graceful: what is already queued (an answer, a close frame) goes out first.
        socket->disconnectFromHost();
        ++closed;
    }
    return closed;
}

quint16 ApiServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

const GuardedSslServer *ApiServer::listener() const
{
    return m_tcp;
}

int ApiServer::idleTimeoutMs() const
{
    return m_tcp ? m_tcp->limits().idleTimeoutMs : Config{}.idleTimeoutMs;
}

void ApiServer::dispatch(const QHttpServerRequest &request, QTcpSocket *socket, bool notFound)
{
    auto state = std::make_shared<ApiReply::State>();
    state->connection = HttpConnection::of(socket);
    if (state->connection)
        state->slot = state->connection->reserve();
    state->server = this;
    state->method = methodName(request.method());
    state->path = request.url().path();
    ApiReply reply(state);
    if (notFound)
        return reply.sendProblem(ApiProblem::notFound(Tr::tr("No API resource at %1.").arg(state->path)));

    auto sslSocket = qobject_cast<QSslSocket *>(socket);
    const auto identity = m_authenticator(sslSocket ? sslSocket->peerCertificate() : QSslCertificate());
    if (!identity)
        return reply.sendProblem(ApiProblem::fromError(401, identity.error()));

    if (const qint64 waitMs = m_limiter->acquire(identity->participant); waitMs > 0)
        return reply.sendProblem(ApiProblem::tooManyRequests(waitMs));

    const std::optional<PathSegments> segments =
        pathSegments(request.url().path(QUrl::FullyEncoded).toLatin1());
    if (!segments)
        return reply.sendProblem(ApiProblem::notFound(Tr::tr("No API resource at %1.").arg(state->path)));
    QStringList allowed;
    for (const Route &route : std::as_const(m_routes)) {
        if (route.segments.size() != segments->size())
            continue;
        QHash<QString, QString> params;
        bool match = true;
        for (qsizetype i = 0; i < segments->size() && match; ++i) {
            const QString &want = route.segments.at(i);
            if (want.startsWith(u'{') && want.endsWith(u'}'))
                params.insert(want.mid(1, want.size() - 2), segments->at(i));
            else
                match = want == segments->at(i);
        }
        if (!match)
            continue;
        if (route.method != state->method) {
            if (!allowed.contains(route.method))
                allowed.append(route.method);
            continue;
        }
        if (!route.permission.isEmpty() && !identity->hasPermission(route.permission)) {
            ApiProblem problem = ApiProblem::forbidden(
                QStringLiteral("auth.permission-missing"),
                Tr::tr("This call needs the permission \"%1\".").arg(route.permission));
            // The missing permission by name, so clients can say why without parsing text.
            problem.extensions.insert(QStringLiteral("permission"), route.permission);
            return reply.sendProblem(problem);
        }
        const QByteArray body = request.body();
        if (!body.isEmpty()) {
            QByteArray contentType;
            for (const auto &[name, value] : request.headers())
                if (name.compare("content-type", Qt::CaseInsensitive) == 0)
                    contentType = value;
            if (mediaType(contentType) != "application/json") {
                return reply.sendProblem(
                    ApiProblem{415,
                               QStringLiteral("request.unsupported-media-type"),
                               {},
                               Tr::tr("A request body must be sent as Content-Type: application/json."),
                               {}});
            }
        }
        ApiRequest apiRequest;
        apiRequest.method = state->method;
        apiRequest.path = state->path;
        apiRequest.query = request.query();
        apiRequest.params = std::move(params);
        apiRequest.headers = request.headers();
        apiRequest.body = body;
        apiRequest.identity = *identity;
        route.handler(apiRequest, reply);
        return;
    }
    if (!allowed.isEmpty()) {
        allowed.sort();
        return reply.sendProblem(ApiProblem::methodNotAllowed(state->method),
                                 {{"Allow", allowed.join(QStringLiteral(", ")).toLatin1()}});
    }
    reply.sendProblem(ApiProblem::notFound(Tr::tr("No API resource at %1.").arg(state->path)));
}

} // namespace cloudex::net
