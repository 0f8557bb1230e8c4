#include "net/guardedsslserver.h"

#include "core/logging.h"
#include "net/problem.h"

#include <QCoreApplication>
#include <QSslSocket>

namespace cloudex::net {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};

constexpr char kHeaderEnd[] = "\r\n\r\n";

/// The header `name` (case-insensitive) in a request head, trimmed; empty when absent.
/// The head is the request line and header lines, without the blank line.
QByteArrayView headerValue(QByteArrayView head, QByteArrayView name)
{
    qsizetype line = head.indexOf('\n');
    while (line >= 0 && line + 1 < head.size()) {
        const qsizetype start = line + 1;
        qsizetype next = head.indexOf('\n', start);
        const QByteArrayView text = head.sliced(start, (next < 0 ? head.size() : next) - start);
        const qsizetype colon = text.indexOf(':');
        if (colon >= 0 && text.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return text.sliced(colon + 1).trimmed();
        line = next;
    }
    return {};
}

/// Checks each request's framing before HttpServer reads it, without copying or counting
/// a byte twice. It relies on how Qt 6.4's HttpServer reads a connection (pinned by
/// tst_apiserver's pipelining and split-request cases): on each readyRead it takes exactly
/// one complete request and emits readyRead again for what follows, or, when the request is
/// incomplete, reads all there is inside a transaction and waits for more. So when this
/// guard's slot runs (it is connected first) with no transaction open, the unread bytes
/// start at a request boundary and only the first request matters now: the rest get their
/// own readyRead. With a transaction open, every earlier byte has been read and the unread
/// bytes continue the request the guard has already begun to check.
class FramingGuard final : public QObject
{
public:
    FramingGuard(GuardedSslServer *server, QTcpSocket *socket, qint64 maxBody, int maxHeader)
        : QObject(socket)
        , m_server(server)
        , m_socket(socket)
        , m_maxBody(maxBody)
        , m_maxHeader(maxHeader)
    {
        connect(socket, &QIODevice::readyRead, this, &FramingGuard::inspect);
    }

private:
    enum class State { Boundary, Header, Body, Passthrough, Refused };

    void inspect()
    {
        if (m_state == State::Passthrough)
            return;
        if (m_state == State::Refused) {
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
            return; // its Content-Length was checked with its head
        // Look no further than a head may reach (plus the blank line).
        const qint64 wanted = std::min<qint64>(available, m_maxHeader + 4 - m_header.size());
        m_header.append(m_socket->peek(std::max<qint64>(wanted, 0)));
        const qsizetype end = m_header.indexOf(kHeaderEnd);
        if (end < 0) {
            if (m_header.size() > m_maxHeader)
                return refuse(431, QStringLiteral("request.header-too-large"),
                              Tr::tr("The request headers exceed %1 bytes.").arg(m_maxHeader));
            m_state = State::Header; // HttpServer reads this much and waits for the rest
            return;
        }
        check(QByteArrayView(m_header).first(end));
        m_header.clear();
    }

    void check(QByteArrayView head)
    {
        qint64 length = 0;
        if (const QByteArrayView value = headerValue(head, "content-length"); !value.isEmpty()) {
            bool ok = false;
            length = value.toLongLong(&ok);
            if (!ok || length < 0)
                return refuse(400, QStringLiteral("request.bad-content-length"),
                              Tr::tr("The Content-Length header is not a number."));
        }
        if (const QByteArrayView coding = headerValue(head, "transfer-encoding");
            !coding.isEmpty() && coding.toByteArray().toLower().contains("chunked")) {
            return refuse(411, QStringLiteral("request.length-required"),
                          Tr::tr("Chunked request bodies are not accepted; send a Content-Length."));
        }
        if (length > m_maxBody) {
            const ApiProblem problem = ApiProblem::payloadTooLarge(m_maxBody);
            return refuse(413, problem.code, problem.detail);
        }
        if (headerValue(head, "upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
            // After the handshake the connection carries WebSocket frames, not requests.
            m_state = State::Passthrough;
            return;
        }
        // Until HttpServer has read the body, a later readyRead (transaction open) is more body.
        m_state = State::Body;
    }

    void refuse(int status, const QString &code, const QString &detail)
    {
        m_state = State::Refused;
        qCDebug(lcNet, "refused a request from %s: %d %s", qPrintable(m_socket->peerAddress().toString()), status,
               qPrintable(code));
        // Drain what arrived so HttpServer, whose slot runs next, sees nothing of it.
        m_socket->readAll();
        ApiProblem problem{status, code, {}, detail, {}};
        const QByteArray body = problem.toBody();
        const QByteArray reason = status == 413 ? "Payload Too Large"
                                  : status == 411 ? "Length Required"
                                  : status == 431 ? "Request Header Fields Too Large"
                                                  : "Bad Request";
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                        + "\r\nContent-Type: application/problem+json\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        m_socket->disconnectFromHost();
        Q_EMIT m_server->requestRefused(status);
    }

    GuardedSslServer *m_server;
    QTcpSocket *m_socket;
    qint64 m_maxBody;
    int m_maxHeader;
    State m_state = State::Boundary;
    QByteArray m_header; ///< the head so far, while it is incomplete
};
} // namespace

GuardedSslServer::GuardedSslServer(qint64 maxBodyBytes, int maxHeaderBytes, QObject *parent)
    : QSslServer(parent)
    , m_maxBodyBytes(maxBodyBytes)
    , m_maxHeaderBytes(maxHeaderBytes)
{
}

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    QTcpSocket *socket = QSslServer::nextPendingConnection();
    // Connected before HttpServer connects its own readyRead handler, so it runs first.
    if (socket)
        new FramingGuard(this, socket, m_maxBodyBytes, m_maxHeaderBytes);
    return socket;
}

} // namespace cloudex::net
