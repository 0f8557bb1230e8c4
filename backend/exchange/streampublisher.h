#pragma once

#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace cloudex::market {
class Exchange;
struct ContractInfo;
} // namespace cloudex::market

namespace cloudex::net {
class StreamServer;
}

namespace cloudex::exchange {

/// Feeds the WebSocket channels of docs/API.md from the exchange's signals: the trade tape,
/// each party's fills, orders and contracts, spot indices and listings as they happen;
/// books and candles once per pass of the event loop, however many commands it
/// acknowledged. Answers the stream server's snapshot and channel-existence questions.
class StreamPublisher final : public QObject
{
    Q_OBJECT

public:
    StreamPublisher(const market::Exchange &exchange, net::StreamServer &stream, QObject *parent = nullptr);

private:
    void publishContract(const market::ContractInfo &contract);
    void markDirty(const QString &symbol, bool candles);
    void publishDirty();
    QJsonValue snapshot(const QString &channel) const;
    bool channelExists(const QString &channel) const;
    /// The permission a channel needs (docs/API.md, "Stream"); empty: any identity.
    static QString permissionFor(const QString &channel);

    const market::Exchange &m_exchange;
    net::StreamServer &m_stream;
    QSet<QString> m_dirtyBooks;
    QSet<QString> m_dirtyCandles;
    QStringList m_listed;
    QStringList m_closed;
    bool m_publishScheduled = false;
};

} // namespace cloudex::exchange
