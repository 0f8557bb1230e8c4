#include "net/guardedsslserver.h"

#include "net/problem.h"

#include <QCoreApplication>
#include <QSslSocket>

namespace cloudex::net {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};

const QByteArray kHeaderEnd = QByteArrayLiteral("\r\n\r\n");

/// Follows one connection's request boundaries by peeking at bytes before HttpServer reads
/// them (it reads everything available on each readyRead, after this guard's slot).
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
    enum class State { Header, Body, Passthrough, Refused };

    void inspect()
    {
        if (m_state == State::Passthrough)
            return;
        if (m_state == State::Refused) {
            m_socket->readAll();
            return;
        }
        QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
        qsizetype pos = 0;
        while (pos < fresh.size()) {
            if (m_state == State::Body) {
                const qint64 take = std::min<qint64>(m_bodyRemaining, fresh.size() - pos);
                m_bodyRemaining -= take;
                pos += take;
                if (m_bodyRemaining == 0)
                    m_state = State::Header;
                continue;
            }
            // Header: accumulate until the blank line.
            const qsizetype before = m_header.size();
            m_header.append(fresh.constData() + pos, fresh.size() - pos);
            const qsizetype end = m_header.indexOf(kHeaderEnd);
            if (end < 0) {
                if (m_header.size() > m_maxHeader)
                    return refuse(431, QStringLiteral("request.header-too-large"),
                                  Tr::tr("The request headers exceed %1 bytes.").arg(m_maxHeader));
                return;
            }
            pos += end + kHeaderEnd.size() - before;
            if (!parseHeader(m_header.left(end)))
                return;
            m_header.clear();
            if (m_state == State::Passthrough)
                return;
        }
    }

    bool parseHeader(const QByteArray &header)
    {
        qint64 length = 0;
        bool upgrade = false;
        for (const QByteArray &line : header.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length") {
                bool ok = false;
                length = value.toLongLong(&ok);
                if (!ok || length < 0) {
                    refuse(400, QStringLiteral("request.bad-content-length"),
                           Tr::tr("The Content-Length header is not a number."));
                    return false;
                }
            } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
                refuse(411, QStringLiteral("request.length-required"),
                       Tr::tr("Chunked request bodies are not accepted; send a Content-Length."));
                return false;
            } else if (name == "upgrade" && value.toLower() == "websocket") {
                upgrade = true;
            }
        }
        if (length > m_maxBody) {
            const ApiProblem problem = ApiProblem::payloadTooLarge(m_maxBody);
            refuse(413, problem.code, problem.detail);
            return false;
        }
        if (upgrade) {
            // After the handshake the connection carries WebSocket frames, not requests.
            m_state = State::Passthrough;
            return true;
        }
        m_bodyRemaining = length;
        m_state = length > 0 ? State::Body : State::Header;
        return true;
    }

    void refuse(int status, const QString &code, const QString &detail)
    {
        m_state = State::Refused;
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
    State m_state = State::Header;
    QByteArray m_header;
    qint64 m_bodyRemaining = 0;
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
