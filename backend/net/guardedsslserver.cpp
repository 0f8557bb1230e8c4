#include "net/guardedsslserver.h"

#include "core/logging.h"
#include "net/problem.h"

#include <QSslSocket>
#include <QTimer>

#include <unistd.h>

namespace cloudex::net {
namespace {

QHostAddress plainAddress(const QHostAddress &address)
{
    // A dual-stack listener sees IPv4 peers as ::ffff:a.b.c.d; they count as a.b.c.d.
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : address;
}

QByteArray problemResponse(const ApiProblem &problem)
{
    const QByteArray body = problem.toBody();
    const QByteArray reason = problem.status == 413   ? "Payload Too Large"
                              : problem.status == 411 ? "Length Required"
                              : problem.status == 431 ? "Request Header Fields Too Large"
                              : problem.status == 505 ? "HTTP Version Not Supported"
                                                      : "Bad Request";
    return "HTTP/1.1 " + QByteArray::number(problem.status) + ' ' + reason +
           "\r\nContent-Type: application/problem+json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

/// Checks each request's framing (HttpFraming) before HttpServer reads it, without
/// copying or counting a byte twice. It relies on how Qt 6.4's HttpServer reads a
/// connection (pinned by tst_apiserver's pipelining and split-request cases): on each
/// readyRead it takes exactly one complete request and emits readyRead again for what
/// follows, or, when the request is incomplete, reads all there is inside a transaction
/// and waits for more. So when this guard's slot runs (it is connected first) with no
/// transaction open, the unread bytes start at a request boundary and only the first
/// request matters now: the rest get their own readyRead. With a transaction open, every
/// earlier byte has been read and the unread bytes continue the request the guard has
/// already begun to check.
class FramingGuard final : public QObject
{
public:
    FramingGuard(GuardedSslServer *server, HttpConnection *connection, const HttpFraming::Limits &limits)
        : QObject(connection)
        , m_server(server)
        , m_connection(connection)
        , m_socket(connection->socket())
        , m_framing(limits)
    {
        connect(m_socket, &QIODevice::readyRead, this, &FramingGuard::inspect);
    }

private:
    enum class State { Boundary, Header, Body, Refused };

    void inspect()
    {
        if (m_state == State::Refused || m_connection->isRefused()) {
            m_socket->readAll();
            return;
        }
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0)
            return;
        if (!m_socket->isTransactionStarted()) {
            // A fresh request starts at the first unread byte.
            m_state = State::Boundary;
            m_header.clear();
        }
        if (m_state == State::Body)
            return; // its head was checked
        // Look no further than a head may reach (plus leading space and the blank line).
        const qint64 limit = m_framing.limits().maxHeaderBytes + 8;
        const qint64 wanted = std::min<qint64>(available, limit - m_header.size());
        m_header.append(m_socket->peek(std::max<qint64>(wanted, 0)));
        const HttpFraming::Verdict verdict = m_framing.inspect(m_header);
        if (verdict.refusal)
            return refuse(*verdict.refusal);
        if (verdict.needMore()) {
            m_state = State::Header; // HttpServer reads this much and waits for the rest
            return;
        }
        // Until HttpServer has read the body, a later readyRead (transaction open) is more body.
        m_state = State::Body;
        m_header.clear();
    }

    void refuse(const ApiProblem &problem)
    {
        m_state = State::Refused;
        qCDebug(lcNet, "refused a request from %s: %d %s", qPrintable(m_socket->peerAddress().toString()),
                problem.status, qPrintable(problem.code));
        // Drain what arrived so HttpServer, whose slot runs next, sees nothing of it.
        m_socket->readAll();
        m_connection->refuse(problemResponse(problem));
        Q_EMIT m_server->requestRefused(problem.status);
    }

    GuardedSslServer *m_server;
    HttpConnection *m_connection;
    QSslSocket *m_socket;
    HttpFraming m_framing;
    State m_state = State::Boundary;
    QByteArray m_header; ///< the head so far, while it is incomplete
};
} // namespace

/// Counts a connection against its address and the listener for as long as its socket
/// lives (it is the socket's child, so it goes with it, whoever deletes the socket).
class ConnectionTicket final : public QObject
{
public:
    ConnectionTicket(GuardedSslServer *server, QSslSocket *socket, const QHostAddress &address)
        : QObject(socket)
        , m_server(server)
        , m_address(address)
    {}
    ~ConnectionTicket() override
    {
        if (m_server)
            m_server->release(m_address);
    }

private:
    QPointer<GuardedSslServer> m_server;
    QHostAddress m_address;
};

HttpConnection::HttpConnection(GuardedSslServer *server, QSslSocket *socket, int idleTimeoutMs)
    : QObject(socket)
    , m_server(server)
    , m_socket(socket)
    , m_idle(new QTimer(this))
{
    setObjectName(QStringLiteral("cloudex-http-connection"));
    m_idle->setSingleShot(true);
    m_idle->setInterval(idleTimeoutMs);
    connect(m_idle, &QTimer::timeout, this, [this] {
        // An answer is owed: not idle. A request begun and not finished within the
        // timeout is (a client trickling a head byte by byte restarts the timer, but the
        // head limit ends that).
        if (pending() > 0)
            return m_idle->start();
        qCDebug(lcNet, "closing an idle connection from %s", qPrintable(m_socket->peerAddress().toString()));
        if (m_server)
            ++m_server->m_idleClosed;
        m_socket->abort();
    });
    connect(socket, &QIODevice::readyRead, this, &HttpConnection::touch);
    connect(socket, &QIODevice::bytesWritten, this, &HttpConnection::touch);
    if (idleTimeoutMs > 0)
        m_idle->start();
}

HttpConnection *HttpConnection::of(QObject *socket)
{
    return socket ? socket->findChild<HttpConnection *>(QStringLiteral("cloudex-http-connection"),
                                                        Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void HttpConnection::touch()
{
    if (m_idle->interval() > 0 && !m_idle->property("retired").toBool())
        m_idle->start();
}

quint64 HttpConnection::reserve()
{
    return m_next++;
}

void HttpConnection::answer(quint64 slot, const QByteArray &response)
{
    if (slot < m_written || slot >= m_next)
        return;
    m_ready.insert(slot, response);
    flush();
}

void HttpConnection::refuse(const QByteArray &response)
{
    if (m_refused)
        return;
    const quint64 slot = reserve();
    m_refused = true;
    answer(slot, response);
}

void HttpConnection::flush()
{
    while (!m_ready.isEmpty() && m_ready.firstKey() == m_written) {
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->write(m_ready.first());
        m_ready.erase(m_ready.begin());
        ++m_written;
    }
    if (m_refused && m_written == m_next)
        m_socket->disconnectFromHost();
}

void HttpConnection::upgraded()
{
    m_idle->stop();
    m_idle->setProperty("retired", true);
    disconnect(m_socket, nullptr, this, nullptr);
}

GuardedSslServer::GuardedSslServer(const Limits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    // Bursts of connections wait in the kernel rather than being dropped (Qt's default is 50).
    setListenBacklogSize(1024);
}

GuardedSslServer::~GuardedSslServer() = default;

int GuardedSslServer::connectionCount(const QHostAddress &address) const
{
    return m_perAddress.value(plainAddress(address));
}

void GuardedSslServer::release(const QHostAddress &address)
{
    --m_total;
    if (auto it = m_perAddress.find(address); it != m_perAddress.end() && --*it <= 0)
        m_perAddress.erase(it);
}

void GuardedSslServer::incomingConnection(qintptr descriptor)
{
    auto socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(int(descriptor));
        return;
    }
    const QHostAddress address = plainAddress(socket->peerAddress());
    const int fromAddress = m_perAddress.value(address);
    if (m_total >= m_limits.maxConnections || fromAddress >= m_limits.maxConnectionsPerAddress) {
        ++m_refused;
        qCDebug(lcNet, "refused a connection from %s: %d open from it, %d in all (caps %d and %d)",
                qPrintable(address.toString()), fromAddress, m_total, m_limits.maxConnectionsPerAddress,
                m_limits.maxConnections);
        socket->abort();
        delete socket;
        return;
    }
    ++m_total;
    ++m_perAddress[address];
    new ConnectionTicket(this, socket, address);

    socket->setSslConfiguration(m_tls);
    if (m_limits.ignoreValidityPeriod) {
        connect(socket, &QSslSocket::sslErrors, socket, [socket](const QList<QSslError> &errors) {
            QList<QSslError> ignore;
            for (const QSslError &error : errors) {
                if (error.error() == QSslError::CertificateNotYetValid ||
                    error.error() == QSslError::CertificateExpired)
                    ignore.append(error);
            }
            // Only when nothing else is wrong: any other error still refuses the handshake.
            if (!ignore.isEmpty() && ignore.size() == errors.size())
                socket->ignoreSslErrors(ignore);
        });
    }
    auto deadline = new QTimer(socket);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, socket, [this, socket] {
        ++m_handshakeTimeouts;
        qCDebug(lcNet, "closing a connection from %s: no TLS handshake within %d ms",
                qPrintable(socket->peerAddress().toString()), m_limits.handshakeTimeoutMs);
        socket->abort();
        socket->deleteLater();
    });
    deadline->start(m_limits.handshakeTimeoutMs);
    // Until the handshake is done the socket is ours: a client that leaves, fails the
    // handshake or times out is deleted here (and its ticket released). After it, HttpServer
    // owns it.
    const QMetaObject::Connection early =
        connect(socket, &QAbstractSocket::disconnected, socket, [socket] { socket->deleteLater(); });
    connect(socket, &QSslSocket::encrypted, this, [this, socket, deadline, early] {
        disconnect(early);
        deadline->stop();
        deadline->deleteLater();
        auto connection = new HttpConnection(this, socket, m_limits.idleTimeoutMs);
        // Connected before HttpServer connects its own readyRead handler, so it runs first.
        new FramingGuard(this, connection, m_limits.framing);
        // HttpServer takes it from the pending queue at once (its slot is connected
        // directly), so the queue never fills and accepting never pauses.
        addPendingConnection(socket);
    });
    socket->startServerEncryption();
}

} // namespace cloudex::net
