#pragma once

#include "net/httpframing.h"

#include <QHash>
#include <QHostAddress>
#include <QMap>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>

class QSslSocket;
class QTimer;

namespace cloudex::net {

class GuardedSslServer;

/// One HTTP connection's answers, in request order. Qt 6.4's HttpServer hands pipelined
/// requests to their handlers at once, and a handler may answer later (an order after its
/// journal commit): each request takes a place in this queue when it is dispatched, its
/// answer waits there until every earlier answer has been written, and a refusal by the
/// framing guard joins the queue last, so the connection closes only after the answers of
/// the requests before it. It also closes the connection when it has been idle (no request
/// in progress, no answer owed) for the idle timeout.
class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    HttpConnection(GuardedSslServer *server, QSslSocket *socket, int idleTimeoutMs);

    QSslSocket *socket() const { return m_socket; }

    /// A place for the answer of the next request.
    quint64 reserve();
    /// The answer (a whole HTTP response) of the request at `slot`.
    void answer(quint64 slot, const QByteArray &response);
    /// A final answer after every earlier one, then the connection closes.
    void refuse(const QByteArray &response);
    bool isRefused() const { return m_refused; }
    /// The connection now carries WebSocket frames: this queue and its idle timer retire.
    void upgraded();
    /// Answers owed on this connection.
    int pending() const { return int(m_next - m_written); }

    /// The HttpConnection of `socket`, or null.
    static HttpConnection *of(QObject *socket);

private:
    void flush();
    void touch();

    QPointer<GuardedSslServer> m_server;
    QSslSocket *m_socket;
    QTimer *m_idle;
    quint64 m_next = 0;    ///< the slot of the next request
    quint64 m_written = 0; ///< every slot before this one has been written
    QMap<quint64, QByteArray> m_ready;
    bool m_refused = false;
};

/// The API server's TLS listener. It accepts TCP connections itself and runs their TLS
/// handshakes (instead of QSslServer, which stops accepting for good once 30 handshakes
/// are pending and a client hangs up before finishing one): a handshake has a deadline,
/// every address has a connection cap and so has the listener as a whole; connections
/// over a cap are closed at once (logged at debug level and counted), and accepting never
/// pauses. After the handshake each connection gets an HttpConnection and a framing guard
/// that inspects each request's framing before Qt HttpServer reads it: Qt 6.4's
/// HttpServer buffers whole bodies with no size limit, so requests whose framing
/// HttpFraming refuses are answered here with a problem and the connection is closed; the
/// body is never buffered.
class GuardedSslServer final : public QTcpServer
{
    Q_OBJECT

public:
    struct Limits
    {
        HttpFraming::Limits framing;
        int maxConnections = 4096;
        int maxConnectionsPerAddress = 128;
        int handshakeTimeoutMs = 10'000;
        int idleTimeoutMs = 120'000;
        /// The handshake passes client certificates outside their validity period (the chain
        /// is still checked), for servers that decide validity on their own clock.
        bool ignoreValidityPeriod = false;
    };

    explicit GuardedSslServer(const Limits &limits, QObject *parent = nullptr);
    ~GuardedSslServer() override;

    void setSslConfiguration(const QSslConfiguration &tls) { m_tls = tls; }
    const Limits &limits() const { return m_limits; }
    qint64 maxBodyBytes() const { return m_limits.framing.maxBodyBytes; }

    /// Open connections (handshaking, HTTP or WebSocket), in all or from `address`.
    int connectionCount() const { return m_total; }
    int connectionCount(const QHostAddress &address) const;
    /// Connections closed at once because a cap was reached.
    qint64 refusedConnections() const { return m_refused; }
    /// Connections closed because their TLS handshake did not finish in time.
    qint64 handshakeTimeouts() const { return m_handshakeTimeouts; }
    /// Connections closed after idling for the idle timeout.
    qint64 idleClosed() const { return m_idleClosed; }

Q_SIGNALS:
    /// A request was refused at the framing level (status 400, 411, 413, 431 or 505).
    void requestRefused(int status);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    friend class HttpConnection;
    friend class ConnectionTicket;
    void release(const QHostAddress &address);

    Limits m_limits;
    QSslConfiguration m_tls;
    QHash<QHostAddress, int> m_perAddress;
    int m_total = 0;
    qint64 m_refused = 0;
    qint64 m_handshakeTimeouts = 0;
    qint64 m_idleClosed = 0;
};

} // namespace cloudex::net
