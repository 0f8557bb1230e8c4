#include "net/streamserver.h"

#include "net/apiserver.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QWebSocket>

namespace cloudex::net {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};

constexpr int kDefaultFlushMs = 20;
constexpr int kRefusedCloseMs = 5000;
constexpr qsizetype kMaxChannelsPerConnection = 256;
constexpr qint64 kDefaultMaxBacklogBytes = 4 * 1024 * 1024;
} // namespace

StreamServer::StreamServer(ApiServer &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_flushTimer(new QTimer(this))
    , m_idleTimer(new QTimer(this))
    , m_maxBacklogBytes(kDefaultMaxBacklogBytes)
{
    m_uptime.start();
    connect(m_idleTimer, &QTimer::timeout, this, &StreamServer::checkIdle);
    setIdleTimeoutMs(api.idleTimeoutMs());
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(kDefaultFlushMs);
    connect(m_flushTimer, &QTimer::timeout, this, &StreamServer::flush);
    connect(api.httpServer(), &QAbstractHttpServer::newWebSocketConnection, this,
            &StreamServer::acceptPending);
}

StreamServer::~StreamServer()
{
    // The sockets are children: deleted right after this, without telling this server.
    for (const Connection &c : std::as_const(m_connections))
        c.socket->disconnect(this);
}

void StreamServer::setSnapshotProvider(SnapshotProvider provider)
{
    m_snapshots = std::move(provider);
}

void StreamServer::setChannelFilter(ChannelFilter filter)
{
    m_filter = std::move(filter);
}

void StreamServer::setChannelPermission(ChannelPermission permission)
{
    m_permission = std::move(permission);
}

void StreamServer::setFlushIntervalMs(int ms)
{
    m_flushTimer->setInterval(ms);
}

void StreamServer::setIdleTimeoutMs(int ms)
{
    m_idleTimeoutMs = ms;
    if (ms > 0)
        m_idleTimer->start(std::max(ms / 3, 10));
    else
        m_idleTimer->stop();
}

void StreamServer::checkIdle()
{
    const qint64 now = m_uptime.elapsed();
    QList<QWebSocket *> silent;
    for (Connection &c : m_connections) {
        if (now - c.lastHeardMs >= m_idleTimeoutMs) {
            c.lastHeardMs = now; // closing takes a moment; do not count it twice
            silent.append(c.socket);
        } else {
            c.socket->ping();
        }
    }
    for (QWebSocket *socket : std::as_const(silent)) {
        ++m_idleClosed;
        socket->close(QWebSocketProtocol::CloseCodeGoingAway,
                      Tr::tr("No frame and no answer to pings for %1 ms.").arg(m_idleTimeoutMs));
        // A peer that does not answer the close either is cut off.
        QTimer::singleShot(std::max(m_idleTimeoutMs / 3, 10), socket, &QWebSocket::abort);
    }
}

void StreamServer::acceptPending()
{
    // Qt 6.4 cannot refuse an upgrade in the route, so the check happens here, on the
    // certificate of the TLS connection the upgrade came over. Drain the whole queue.
    while (m_api.httpServer()->hasPendingWebSocketConnections()) {
        QWebSocket *socket = m_api.httpServer()->nextPendingWebSocketConnection().release();
        if (!socket)
            break;
        // Owned by the server: a session still open when it goes is deleted with it.
        socket->setParent(this);
        const auto identity = m_api.authenticator()(socket->sslConfiguration().peerCertificate());
        if (!identity) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, identity.error().message);
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            // A peer that never answers the close is cut off.
            QTimer::singleShot(kRefusedCloseMs, socket, [socket] { socket->abort(); });
            Q_EMIT connectionRefused(identity.error().code);
            continue;
        }
        m_connections.insert(socket, Connection{socket, *identity, {}, m_uptime.elapsed()});
        auto heard = [this, socket] {
            if (auto it = m_connections.find(socket); it != m_connections.end())
                it->lastHeardMs = m_uptime.elapsed();
        };
        connect(socket, &QWebSocket::pong, this, heard);
        connect(socket, &QWebSocket::binaryFrameReceived, this, heard);
        connect(socket, &QWebSocket::textFrameReceived, this, heard);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &text) { handleMessage(socket, text); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            if (auto gone = m_connections.find(socket); gone != m_connections.end()) {
                for (const QString &channel : std::as_const(gone->channels))
                    unfollow(channel);
                m_connections.erase(gone);
            }
            socket->deleteLater();
        });
        Q_EMIT connectionAccepted(identity->participant);
    }
}

int StreamServer::closeSessions(const QString &serial, const QString &reason)
{
    QList<QWebSocket *> sockets;
    for (const Connection &c : std::as_const(m_connections)) {
        if (c.identity.serial == serial)
            sockets.append(c.socket);
    }
    for (QWebSocket *socket : std::as_const(sockets)) {
        // Unsubscribed at once, so nothing more is published to a session being closed.
        if (auto it = m_connections.find(socket); it != m_connections.end()) {
            for (const QString &channel : std::as_const(it->channels))
                unfollow(channel);
            it->channels.clear();
        }
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
    }
    return int(sockets.size());
}

bool StreamServer::mayAccess(const PeerIdentity &identity, const QString &channel) const
{
    const qsizetype at = channel.indexOf(u'@');
    if (at >= 0 && QStringView(channel).mid(at + 1) != identity.participant)
        return false;
    return true;
}

void StreamServer::handleMessage(QWebSocket *socket, const QString &text)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString op = message.value(QStringLiteral("op")).toString();
    QStringList channels;
    for (const QJsonValue &v : message.value(QStringLiteral("channels")).toArray())
        channels.append(v.toString());
    if (message.contains(QStringLiteral("channel")))
        channels.append(message.value(QStringLiteral("channel")).toString());

    if (op != u"subscribe" && op != u"unsubscribe" && op != u"resync") {
        return sendError(socket, QStringLiteral("stream.unknown-op"),
                         Tr::tr("Unknown operation \"%1\"; use subscribe, unsubscribe or resync.").arg(op));
    }
    for (const QString &channel : std::as_const(channels)) {
        if (channel.isEmpty() || (m_filter && !m_filter(channel))) {
            sendError(socket, QStringLiteral("stream.unknown-channel"),
                      Tr::tr("There is no channel \"%1\".").arg(channel),
                      QJsonObject{{QStringLiteral("channel"), channel}});
            continue;
        }
        const QJsonObject named{{QStringLiteral("channel"), channel}};
        if (!mayAccess(it->identity, channel)) {
            sendError(socket, QStringLiteral("stream.forbidden-channel"),
                      Tr::tr("The channel \"%1\" belongs to another participant.").arg(channel), named);
            continue;
        }
        // A channel of trading data needs the permission its HTTP routes need (issue #16):
        // refused like the 403 problem, with the permission by name, and nothing is sent.
        if (const QString needed = m_permission ? m_permission(channel) : QString();
            !needed.isEmpty() && !it->identity.hasPermission(needed)) {
            QJsonObject refusal = named;
            refusal.insert(QStringLiteral("permission"), needed);
            sendError(socket, QStringLiteral("auth.permission-missing"),
                      Tr::tr("The channel \"%1\" needs the permission \"%2\".").arg(channel, needed), refusal);
            continue;
        }
        if (op == u"unsubscribe") {
            if (it->channels.remove(channel))
                unfollow(channel);
            continue;
        }
        if (op == u"resync" && !it->channels.contains(channel)) {
            sendError(socket, QStringLiteral("stream.not-subscribed"),
                      Tr::tr("Subscribe to \"%1\" before asking for a resync.").arg(channel), named);
            continue;
        }
        if (op == u"subscribe" && !it->channels.contains(channel)) {
            if (it->channels.size() >= kMaxChannelsPerConnection) {
                sendError(
                    socket, QStringLiteral("stream.too-many-channels"),
                    Tr::tr("A connection may follow at most %1 channels.").arg(kMaxChannelsPerConnection));
                continue;
            }
            it->channels.insert(channel);
            ++m_followers[channel];
        }
        sendSnapshot(*it, channel);
    }
}

void StreamServer::sendSnapshot(Connection &connection, const QString &channel)
{
    // Messages queued but not yet flushed are already part of the state the provider
    // reports and of the snapshot's sequence; the client drops them when the flush
    // delivers them, as it drops every sequence its state already covers.
    QJsonObject snapshot{{QStringLiteral("type"), QStringLiteral("snapshot")},
                         {QStringLiteral("channel"), channel},
                         {QStringLiteral("seq"), m_sequences.value(channel)},
                         {QStringLiteral("data"), m_snapshots ? m_snapshots(channel) : QJsonValue()}};
    connection.socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact)));
}

void StreamServer::sendError(QWebSocket *socket, const QString &code, const QString &detail,
                             const QJsonObject &extra)
{
    QJsonObject error = extra;
    error.insert(QStringLiteral("type"), QStringLiteral("error"));
    error.insert(QStringLiteral("code"), code);
    error.insert(QStringLiteral("detail"), detail);
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(error).toJson(QJsonDocument::Compact)));
}

void StreamServer::unfollow(const QString &channel)
{
    auto it = m_followers.find(channel);
    if (it != m_followers.end() && --*it <= 0)
        m_followers.erase(it);
}

void StreamServer::publish(const QString &channel, const QJsonValue &data)
{
    // Nobody follows it: nothing to number or send. A later subscriber starts from a
    // snapshot carrying the channel's sequence, so skipping keeps its numbering gap-free.
    if (!isFollowed(channel))
        return;
    const qint64 seq = ++m_sequences[channel];
    const QJsonObject message{
        {QStringLiteral("channel"), channel}, {QStringLiteral("seq"), seq}, {QStringLiteral("data"), data}};
    m_pending.append(Pending{channel, QJsonDocument(message).toJson(QJsonDocument::Compact)});
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void StreamServer::flush()
{
    m_flushTimer->stop();
    if (m_pending.isEmpty())
        return;
    const QList<Pending> pending = std::exchange(m_pending, {});
    // Subscribers with the same channel set get the same frame: build it once.
    QHash<QStringList, QString> frames;
    for (Connection &c : m_connections) {
        if (c.channels.isEmpty())
            continue;
        QStringList key(c.channels.cbegin(), c.channels.cend());
        key.sort();
        auto frame = frames.find(key);
        if (frame == frames.end()) {
            QByteArray body = QByteArrayLiteral("{\"type\":\"batch\",\"messages\":[");
            bool any = false;
            for (const Pending &p : pending) {
                if (!c.channels.contains(p.channel))
                    continue;
                if (any)
                    body.append(',');
                body.append(p.json);
                any = true;
            }
            body.append("]}");
            frame = frames.insert(key, any ? QString::fromUtf8(body) : QString());
        }
        if (frame->isEmpty())
            continue;
        // A consumer that cannot keep up loses this frame instead of growing our memory;
        // its next frame shows a gap and it resyncs from a snapshot.
        if (c.socket->bytesToWrite() > m_maxBacklogBytes) {
            ++m_droppedFrames;
            continue;
        }
        c.socket->sendTextMessage(*frame);
    }
}

} // namespace cloudex::net
