#pragma once

#include "core/result.h"
#include "net/peeridentity.h"
#include "net/problem.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonValue>
#include <QObject>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QAbstractHttpServer;
class QHttpServerRequest;
class QTcpSocket;

namespace cloudex {
class Clock;
}

namespace cloudex::net {

class GuardedSslServer;
class RateLimiter;

/// One authenticated API request, as the route handler sees it.
struct ApiRequest
{
    QString method; ///< "GET", "POST", ...
    QString path;
    QUrlQuery query;
    QHash<QString, QString> params;               ///< bound {placeholders} of the route
    QList<QPair<QByteArray, QByteArray>> headers; ///< as received
    QByteArray body;
    PeerIdentity identity;

    /// The value of header `name`, whose case does not matter; empty when absent.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers)
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }
};

/// The answer channel of one request. Copyable; the first send wins. It may be kept and
/// answered later (after a durable commit, say) on the server's thread: if the client has
/// gone away meanwhile, the answer is dropped, never written to a dead socket.
class ApiReply
{
public:
    void send(int status, const QJsonValue &body, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    /// Sends `json`, already serialised (see JsonWriter), as application/json.
    void sendJson(int status, const QByteArray &json,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    void sendProblem(const ApiProblem &problem, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    bool isSent() const;
    /// The client is still connected.
    bool isConnected() const;

private:
    friend class ApiServer;
    struct State;
    explicit ApiReply(std::shared_ptr<State> state)
        : m_state(std::move(state))
    {}
    void write(int status, const QByteArray &contentType, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers);

    std::shared_ptr<State> m_state;
};

/// HTTPS with mutual TLS on Qt HttpServer: every connection presents a client certificate
/// chained to the configured CA; the authenticator turns it into an identity. Routing,
/// permissions, per-participant rate limits, body-size limits and RFC 9457 problems are
/// handled here so that route handlers see only valid, authorised requests.
class ApiServer final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const ApiRequest &request, ApiReply reply)>;

    struct Config
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 0;      ///< 0: any free port
        QSslConfiguration tls; ///< local certificate, key and CA certificates
        qint64 maxBodyBytes = 64 * 1024;
        int maxHeaderBytes = 16 * 1024;
        int rateBurst = 200;      ///< requests at once per participant
        int ratePerSecond = 1000; ///< sustained requests per second per participant
        /// Open connections (handshaking, HTTP and WebSocket) at most, in all and per client
        /// address; one over a cap is closed at once.
        int maxConnections = 4096;
        int maxConnectionsPerAddress = 128;
        int handshakeTimeoutMs = 10'000; ///< a TLS handshake must finish within this
        /// An HTTP connection with no request in progress and no answer owed, or a stream
        /// session that neither sends nor answers pings, is closed after this.
        int idleTimeoutMs = 120'000;
        /// Let the handshake pass client certificates outside their validity period (the
        /// chain is still checked): for servers whose authenticator decides validity on its
        /// own clock, such as a connect agent admitting contracts that start later.
        bool ignoreValidityPeriod = false;
    };

    ApiServer(const Clock &clock, QObject *parent = nullptr);
    ~ApiServer() override;

    void setAuthenticator(Authenticator authenticator);
    const Authenticator &authenticator() const { return m_authenticator; }

    /// Adds a route; `pattern` may hold {placeholders}: "/v1/orders/{id}". An empty
    /// `permission` admits every authenticated identity.
    void route(const QString &method, const QString &pattern, Handler handler,
               const QString &permission = {});

    /// Starts listening; returns the bound port.
    Result<quint16> listen(const Config &config);
    quint16 port() const;
    /// The TLS listener (connection counts and caps); null before listen().
    const GuardedSslServer *listener() const;
    int idleTimeoutMs() const;
    void setRateLimits(int burst, int perSecond);

    /// Closes every open connection whose client certificate has `serial` (upper-case hex,
    /// as PeerIdentity::serial), after what was already written to it; for a revoked
    /// identity. Returns how many connections it closed.
    int closeConnections(const QString &serial);

    /// For the WebSocket stream, which shares the server and its TLS listener: upgrade
    /// requests to `webSocketPath` are handed over as WebSocket connections.
    QAbstractHttpServer *httpServer() const;
    static QString webSocketPath() { return QStringLiteral("/v1/stream"); }

Q_SIGNALS:
    /// A request was answered (status) — for logs and statistics.
    void requestFinished(const QString &method, const QString &path, int status);

private:
    struct Route
    {
        QString method;
        QStringList segments;
        Handler handler;
        QString permission;
    };

    class Frontend;
    void dispatch(const QHttpServerRequest &request, QTcpSocket *socket, bool notFound = false);

    const Clock &m_clock;
    Frontend *m_http;
    GuardedSslServer *m_tcp = nullptr;
    std::unique_ptr<RateLimiter> m_limiter;
    Authenticator m_authenticator;
    QList<Route> m_routes;
};

} // namespace cloudex::net
