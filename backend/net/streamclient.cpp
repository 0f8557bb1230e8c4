#include "net/streamclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>

namespace cloudex::net {

StreamClient::StreamClient(QObject *parent)
    : QObject(parent)
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &StreamClient::connectNow);
}

StreamClient::~StreamClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void StreamClient::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = initialMs;
    m_maxBackoffMs = maxMs;
}

int StreamClient::nextRetryDelayMs() const
{
    const int shift = std::min(m_attempt, 20);
    return int(std::min<qint64>(qint64(m_initialBackoffMs) << shift, m_maxBackoffMs));
}

void StreamClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void StreamClient::open()
{
    m_wanted = true;
    m_attempt = 0;
    if (m_state == State::Disconnected)
        connectNow();
}

void StreamClient::close()
{
    m_wanted = false;
    m_retry->stop();
    if (m_socket)
        m_socket->close();
    setState(State::Disconnected);
}

void StreamClient::connectNow()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setSslConfiguration(m_tls);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_attempt = 0;
        setState(State::Connected);
        // Every channel starts over from a snapshot.
        m_sequences.clear();
        if (!m_channels.isEmpty())
            send(QStringLiteral("subscribe"), m_channels);
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &StreamClient::handleText);
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        setState(State::Disconnected);
        if (m_wanted)
            scheduleReconnect();
    });
    setState(State::Connecting);
    m_socket->open(m_url);
}

void StreamClient::scheduleReconnect()
{
    if (m_retry->isActive())
        return;
    m_retry->start(nextRetryDelayMs());
    ++m_attempt;
}

void StreamClient::subscribe(const QStringList &channels)
{
    QStringList fresh;
    for (const QString &c : channels) {
        if (!m_channels.contains(c))
            fresh.append(c);
    }
    m_channels.append(fresh);
    if (m_state == State::Connected && !fresh.isEmpty())
        send(QStringLiteral("subscribe"), fresh);
}

void StreamClient::unsubscribe(const QStringList &channels)
{
    for (const QString &c : channels) {
        m_channels.removeAll(c);
        m_sequences.remove(c);
    }
    if (m_state == State::Connected)
        send(QStringLiteral("unsubscribe"), channels);
}

void StreamClient::send(const QString &op, const QStringList &channels)
{
    const QJsonObject message{{QStringLiteral("op"), op}, {QStringLiteral("channels"), QJsonArray::fromStringList(channels)}};
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void StreamClient::handleText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QStringLiteral("type")).toString();
    if (type == u"snapshot") {
        const QString channel = frame.value(QStringLiteral("channel")).toString();
        if (!m_channels.contains(channel))
            return;
        const qint64 seq = frame.value(QStringLiteral("seq")).toInteger();
        m_sequences.insert(channel, seq);
        Q_EMIT snapshotReceived(channel, seq, frame.value(QStringLiteral("data")));
    } else if (type == u"batch") {
        for (const QJsonValue &v : frame.value(QStringLiteral("messages")).toArray()) {
            const QJsonObject m = v.toObject();
            handleUpdate(m.value(QStringLiteral("channel")).toString(), m.value(QStringLiteral("seq")).toInteger(),
                         m.value(QStringLiteral("data")));
        }
    } else if (type == u"error") {
        Q_EMIT errorReceived(frame.value(QStringLiteral("code")).toString(), frame.value(QStringLiteral("detail")).toString());
    }
}

void StreamClient::handleUpdate(const QString &channel, qint64 seq, const QJsonValue &data)
{
    const qint64 last = m_sequences.value(channel, -1);
    if (last < 0)
        return; // waiting for the snapshot, which will cover this update
    if (seq <= last)
        return; // already part of the snapshot
    if (seq != last + 1) {
        Q_EMIT gapDetected(channel, last + 1, seq);
        m_sequences.insert(channel, -1);
        send(QStringLiteral("resync"), {channel});
        return;
    }
    m_sequences.insert(channel, seq);
    Q_EMIT messageReceived(channel, seq, data);
}

} // namespace cloudex::net
