#pragma once

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>
#include <QUrl>

class QTimer;
class QWebSocket;

namespace cloudex::net {

/// Follows channels of a StreamServer: subscribes, checks every channel's sequence, asks
/// for a resync on a gap, and reconnects with exponential backoff when the connection
/// drops, subscribing again (each channel restarts from a snapshot).
class StreamClient final : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Connected };
    Q_ENUM(State)

    explicit StreamClient(QObject *parent = nullptr);
    ~StreamClient() override;

    void setUrl(const QUrl &url) { m_url = url; }
    void setSslConfiguration(const QSslConfiguration &tls) { m_tls = tls; }
    /// First retry after `initialMs`, doubling up to `maxMs`.
    void setBackoff(int initialMs, int maxMs);

    void open();
    void close();
    void subscribe(const QStringList &channels);
    void unsubscribe(const QStringList &channels);

    State state() const { return m_state; }
    qint64 lastSequence(const QString &channel) const { return m_sequences.value(channel, -1); }
    int reconnectAttempts() const { return m_attempt; }
    int nextRetryDelayMs() const;

Q_SIGNALS:
    void stateChanged(cloudex::net::StreamClient::State state);
    /// The full state of a channel as of `seq`.
    void snapshotReceived(const QString &channel, qint64 seq, const QJsonValue &data);
    /// One update, in order, exactly once.
    void messageReceived(const QString &channel, qint64 seq, const QJsonValue &data);
    void gapDetected(const QString &channel, qint64 expected, qint64 received);
    void errorReceived(const QString &code, const QString &detail);

private:
    void setState(State state);
    void connectNow();
    void handleText(const QString &text);
    void handleUpdate(const QString &channel, qint64 seq, const QJsonValue &data);
    void send(const QString &op, const QStringList &channels);
    void scheduleReconnect();

    QUrl m_url;
    QSslConfiguration m_tls;
    QWebSocket *m_socket = nullptr;
    QTimer *m_retry;
    State m_state = State::Disconnected;
    bool m_wanted = false;
    int m_attempt = 0;
    int m_initialBackoffMs = 250;
    int m_maxBackoffMs = 10000;
    QStringList m_channels;
    QHash<QString, qint64> m_sequences; ///< -1 or absent: waiting for a snapshot
};

} // namespace cloudex::net
