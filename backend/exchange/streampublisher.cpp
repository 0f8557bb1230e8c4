#include "exchange/streampublisher.h"

#include "api/channels.h"
#include "api/users.h"
#include "catalogue/catalogue.h"
#include "exchange/apiconvert.h"
#include "exchange/exchangejson.h"
#include "market/exchange.h"
#include "net/streamserver.h"

#include <QJsonArray>
#include <QTimer>

namespace cloudex::exchange {

namespace {
constexpr int kDefaultBookDepth = 10;
constexpr int kDefaultTradeLimit = 100;
} // namespace

StreamPublisher::StreamPublisher(const market::Exchange &exchange, net::StreamServer &stream, QObject *parent)
    : QObject(parent)
    , m_exchange(exchange)
    , m_stream(stream)
{
    m_stream.setSnapshotProvider([this](const QString &channel) { return snapshot(channel); });
    m_stream.setChannelFilter([this](const QString &channel) { return channelExists(channel); });
    m_stream.setChannelPermission(&StreamPublisher::permissionFor);

    const market::Exchange *x = &m_exchange;
    connect(x, &market::Exchange::tradeExecuted, this, [this](const market::TradeInfo &trade) {
        const QString tape = api::channel::trades(trade.symbol);
        if (m_stream.isFollowed(tape))
            m_stream.publish(tape, json::trade(trade));
        // Each party sees its own side of the trade.
        for (const bool buyer : {true, false}) {
            const QString channel = api::channel::fills(buyer ? trade.buyer : trade.seller);
            if (!m_stream.isFollowed(channel))
                continue;
            market::FillInfo fill;
            fill.trade = trade;
            fill.side = buyer ? market::Side::Buy : market::Side::Sell;
            fill.counterparty = buyer ? trade.seller : trade.buyer;
            fill.orderId = buyer ? trade.buyOrder : trade.sellOrder;
            m_stream.publish(channel, json::fill(fill));
        }
        markDirty(trade.symbol, true);
    });
    connect(x, &market::Exchange::orderEvent, this, [this](const market::OrderEvent &event) {
        const QString channel = api::channel::orders(event.participant);
        if (m_stream.isFollowed(channel))
            m_stream.publish(channel, json::orderEvent(event));
    });
    connect(x, &market::Exchange::contractChanged, this, &StreamPublisher::publishContract);
    connect(x, &market::Exchange::contractSettled, this, [this](const market::SettlementInfo &settlement) {
        const QJsonObject object = json::settlement(settlement);
        m_stream.publish(api::channel::settlements(settlement.buyer), object);
        if (settlement.seller != settlement.buyer)
            m_stream.publish(api::channel::settlements(settlement.seller), object);
    });
    connect(x, &market::Exchange::bookChanged, this,
            [this](const QString &symbol) { markDirty(symbol, false); });
    connect(x, &market::Exchange::spotIndexChanged, this, [this](const QString &product, qint64 ticks) {
        m_stream.publish(api::channel::spot(product), QJsonObject{{QStringLiteral("price"), ticks}});
    });
    connect(x, &market::Exchange::instrumentListed, this, [this](const QString &symbol) {
        m_listed.append(symbol);
        markDirty({}, false);
    });
    connect(x, &market::Exchange::instrumentClosed, this, [this](const QString &symbol) {
        m_closed.append(symbol);
        markDirty({}, false);
    });
}

void StreamPublisher::publishContract(const market::ContractInfo &contract)
{
    const QJsonObject object = json::contract(contract);
    m_stream.publish(api::channel::contracts(contract.buyer), object);
    if (contract.seller != contract.buyer)
        m_stream.publish(api::channel::contracts(contract.seller), object);
}

/// Books and candles change with every order: they are published once per pass of the
/// event loop, whatever the number of commands acknowledged in it.
void StreamPublisher::markDirty(const QString &symbol, bool candles)
{
    if (!symbol.isEmpty())
        (candles ? m_dirtyCandles : m_dirtyBooks).insert(symbol);
    if (m_publishScheduled)
        return;
    m_publishScheduled = true;
    QTimer::singleShot(0, this, &StreamPublisher::publishDirty);
}

void StreamPublisher::publishDirty()
{
    m_publishScheduled = false;
    for (const QString &symbol : std::as_const(m_dirtyBooks)) {
        const QString channel = api::channel::book(symbol);
        if (m_stream.isFollowed(channel))
            m_stream.publish(channel, json::book(symbol, m_exchange.depth(symbol, kDefaultBookDepth)));
    }
    m_dirtyBooks.clear();
    for (const QString &symbol : std::as_const(m_dirtyCandles)) {
        for (int r = 0; r < int(market::kResolutionSecs.size()); ++r) {
            const auto resolution = market::Resolution(r);
            const QString channel = api::channel::candles(symbol, toApi(resolution));
            if (!m_stream.isFollowed(channel))
                continue;
            const QList<market::Candle> candles = m_exchange.candles(symbol, resolution);
            if (!candles.isEmpty())
                m_stream.publish(channel, json::candle(candles.constLast()));
        }
    }
    m_dirtyCandles.clear();
    if (!m_listed.isEmpty() || !m_closed.isEmpty()) {
        m_stream.publish(api::channel::instruments(),
                         QJsonObject{{QStringLiteral("listed"), QJsonArray::fromStringList(m_listed)},
                                     {QStringLiteral("closed"), QJsonArray::fromStringList(m_closed)}});
        m_listed.clear();
        m_closed.clear();
    }
}

namespace {
/// "topic.rest" or "topic@participant" split at the first separator.
std::pair<QString, QString> splitChannel(const QString &channel)
{
    const qsizetype at = channel.indexOf(u'@');
    if (at > 0)
        return {channel.left(at + 1), channel.mid(at + 1)};
    const qsizetype dot = channel.indexOf(u'.');
    if (dot < 0)
        return {channel, {}};
    return {channel.left(dot + 1), channel.mid(dot + 1)};
}

/// "DE...T14.1m" -> the symbol and the resolution name.
std::pair<QString, QString> splitCandles(const QString &rest)
{
    const qsizetype dot = rest.lastIndexOf(u'.');
    return {rest.left(dot), rest.mid(dot + 1)};
}
} // namespace

QString StreamPublisher::permissionFor(const QString &channel)
{
    // The participant's trading (its orders, their cancels and replaces, fills and
    // settlements) and the prices (trades, book, candles, spot) need `trade`, as their HTTP
    // routes do (GET /v1/orders, /v1/fills, /v1/settlements, /v1/trades, /v1/market/…; issue
    // #16: "trade: orders, …, prices"). Contracts and revocations serve deploying users and
    // sites too, and the listings any identity.
    const auto [topic, rest] = splitChannel(channel);
    if (topic == u"orders@" || topic == u"fills@" || topic == u"settlements@" || topic == u"trades." ||
        topic == u"book." || topic == u"candles." || topic == u"spot.")
        return api::kPermissionTrade;
    return {};
}

bool StreamPublisher::channelExists(const QString &channel) const
{
    const auto [topic, rest] = splitChannel(channel);
    if (topic == u"instruments")
        return true;
    if (topic == u"orders@" || topic == u"fills@" || topic == u"contracts@" || topic == u"settlements@"
        || topic == u"revocations@")
        return !rest.isEmpty();
    if (topic == u"spot.")
        return catalogue::Catalogue::standard().parseProduct(rest).ok();
    if (topic == u"trades." || topic == u"book.")
        return m_exchange.openSymbols().contains(rest) || !m_exchange.recentTrades(rest, 1).isEmpty();
    if (topic == u"candles.") {
        const auto [symbol, resolution] = splitCandles(rest);
        return json::resolutionFrom(resolution).has_value() &&
               (m_exchange.openSymbols().contains(symbol) || !m_exchange.recentTrades(symbol, 1).isEmpty());
    }
    return false;
}

QJsonValue StreamPublisher::snapshot(const QString &channel) const
{
    const auto [topic, rest] = splitChannel(channel);
    if (topic == u"instruments")
        return QJsonObject{
            {QStringLiteral("instruments"), json::array(m_exchange.instruments(), json::instrument)}};
    if (topic == u"orders@")
        return QJsonObject{{QStringLiteral("orders"), json::array(m_exchange.openOrders(rest), json::order)}};
    if (topic == u"fills@")
        return QJsonObject{{QStringLiteral("fills"), json::array(m_exchange.fills(rest), json::fill)}};
    if (topic == u"contracts@")
        return QJsonObject{
            {QStringLiteral("contracts"), json::array(m_exchange.contractsOf(rest), json::contract)}};
    if (topic == u"settlements@")
        return QJsonObject{
            {QStringLiteral("settlements"), json::array(m_exchange.settlementsOf(rest), json::settlement)}};
    if (topic == u"revocations@") // events only: the CRL is the state
        return QJsonObject{{QStringLiteral("revocations"), QJsonArray()}};
    if (topic == u"spot.")
        return QJsonObject{{QStringLiteral("price"), m_exchange.spotIndex(rest)}};
    if (topic == u"trades.")
        return QJsonObject{{QStringLiteral("trades"),
                            json::array(m_exchange.recentTrades(rest, kDefaultTradeLimit), json::trade)}};
    if (topic == u"book.")
        return json::book(rest, m_exchange.depth(rest, kDefaultBookDepth));
    if (topic == u"candles.") {
        const auto [symbol, resolution] = splitCandles(rest);
        return QJsonObject{
            {QStringLiteral("candles"),
             json::array(m_exchange.candles(symbol, *json::resolutionFrom(resolution)), json::candle)}};
    }
    return {};
}

} // namespace cloudex::exchange
