#pragma once

#include "net/peeridentity.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QSet>

#include <functional>

class QTimer;
class QWebSocket;

namespace cloudex::net {

class ApiServer;

/// Live channels over WebSocket on the API server's TLS listener.
///
/// Protocol (JSON text frames). The client sends
///   {"op":"subscribe","channels":["trades.DE.GP2.SH.S1.H2026-12-01T14", "orders@p-acme"]}
///   {"op":"unsubscribe","channels":[...]}
///   {"op":"resync","channel":"..."}
/// and receives
///   {"type":"snapshot","channel":C,"seq":N,"data":...}   state as of sequence N
///   {"type":"batch","messages":[{"channel":C,"seq":N+1,"data":...}, ...]}
///   {"type":"error","code":...,"detail":...,"channel"?:C,"permission"?:P}
/// Every channel numbers its messages without gaps; a client that sees a gap asks for a
/// resync and continues from the snapshot. Channels named `topic@participant` are private
/// to that participant; a channel may also need a permission of the identity (the
/// subscription is refused with `auth.permission-missing` and `permission` naming it, as
/// the HTTP API's 403 problem does, and nothing of the channel is sent). Updates are batched per connection every flush interval, so a
/// frame may carry several messages and a busy channel costs one frame per interval.
class StreamServer final : public QObject
{
    Q_OBJECT

public:
    /// Returns the current state of a channel for a snapshot.
    using SnapshotProvider = std::function<QJsonValue(const QString &channel)>;
    /// Decides whether a channel exists (private access is checked before).
    using ChannelFilter = std::function<bool(const QString &channel)>;
    /// The permission an identity needs to follow a channel; empty: none.
    using ChannelPermission = std::function<QString(const QString &channel)>;

    explicit StreamServer(ApiServer &api, QObject *parent = nullptr);
    ~StreamServer() override;

    void setSnapshotProvider(SnapshotProvider provider);
    void setChannelFilter(ChannelFilter filter);
    void setChannelPermission(ChannelPermission permission);
    void setFlushIntervalMs(int ms);
    /// A connection with more unsent bytes than this skips frames (and resyncs later).
    void setMaxBacklogBytes(qint64 bytes) { m_maxBacklogBytes = bytes; }
    qint64 droppedFrames() const { return m_droppedFrames; }
    /// Sessions that neither sent anything nor answered a ping for this long are closed
    /// (1001); the server pings each session every third of it. Defaults to the API
    /// server's idle timeout; 0 disables.
    void setIdleTimeoutMs(int ms);
    qint64 idleClosed() const { return m_idleClosed; }

    /// Whether any connection subscribes to `channel`; publishers skip building messages
    /// for channels nobody follows.
    bool isFollowed(const QString &channel) const { return m_followers.contains(channel); }

    /// Queues a message on `channel` with the channel's next sequence number; a no-op for a
    /// channel nobody follows.
    void publish(const QString &channel, const QJsonValue &data);
    qint64 sequence(const QString &channel) const { return m_sequences.value(channel); }
    int connectionCount() const { return int(m_connections.size()); }

    /// Sends queued messages now instead of at the next interval.
    void flush();

    /// Closes the sessions of the identity with certificate `serial` with WebSocket close
    /// code 1008 (policy violation) and `reason`; for a revoked identity. Returns how many.
    int closeSessions(const QString &serial, const QString &reason);

Q_SIGNALS:
    void connectionAccepted(const QString &participant);
    void connectionRefused(const QString &reason);

private:
    struct Connection
    {
        QWebSocket *socket = nullptr;
        PeerIdentity identity;
        QSet<QString> channels;
        qint64 lastHeardMs = 0; ///< on m_uptime: the last frame or pong from the client
    };
    struct Pending
    {
        QString channel;
        QByteArray json; ///< serialised once, shared by every subscriber
    };

    void acceptPending();
    void handleMessage(QWebSocket *socket, const QString &text);
    void sendSnapshot(Connection &connection, const QString &channel);
    /// `extra` members (channel, permission) join the error object.
    void sendError(QWebSocket *socket, const QString &code, const QString &detail,
                   const QJsonObject &extra = {});
    bool mayAccess(const PeerIdentity &identity, const QString &channel) const;
    void unfollow(const QString &channel);
    void checkIdle();

    ApiServer &m_api;
    SnapshotProvider m_snapshots;
    ChannelFilter m_filter;
    ChannelPermission m_permission;
    QHash<QWebSocket *, Connection> m_connections;
    QHash<QString, qint64> m_sequences;
    QHash<QString, int> m_followers; ///< subscriptions per channel
    QList<Pending> m_pending;
    QTimer *m_flushTimer;
    QTimer *m_idleTimer;
    QElapsedTimer m_uptime;
    int m_idleTimeoutMs = 0;
    qint64 m_idleClosed = 0;
    qint64 m_maxBacklogBytes;
    qint64 m_droppedFrames = 0;
};

} // namespace cloudex::net
