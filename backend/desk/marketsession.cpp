#include "desk/marketsession.h"

#include "api/channels.h"
#include "api/orderevent.h"
#include "desk/contractwallet.h"
#include "desk/exchangeclient.h"
#include "desk/orderrules.h"
#include "net/streamclient.h"
#include "pki/pkitypes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace cloudex::desk {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Desk)
};

constexpr int kDefaultBatchMs = 50;
constexpr int kDefaultCurveRefreshMs = 2000;
/// The whole market's summary is larger and moves slower than one product's curve.
constexpr int kDefaultSummaryRefreshMs = 5000;
constexpr int kStreamBackoffInitialMs = 250;
constexpr int kStreamBackoffMaxMs = 8000;
constexpr int kClientOrderIdRandomChars = 16;

// The product of an instrument symbol: everything before the period part.
QString productOf(const QString &symbol)
{
    const qsizetype dot = symbol.lastIndexOf(u'.');
    return dot > 0 ? symbol.left(dot) : QString();
}

Q_LOGGING_CATEGORY(lcDesk, "cloudex.desk")

// Stream messages are read as answers are: leniently, every type and required field checked.
constexpr api::ParseMode kMessages = api::ParseMode::Lenient;

/// A message that is not what its channel carries is dropped (and logged): the desk keeps
/// what it had rather than showing zeros.
template<typename T> std::optional<T> message(const QString &channel, const QJsonValue &data)
{
    auto parsed = T::fromJson(data.toObject(), kMessages);
    if (!parsed) {
        qCWarning(lcDesk, "%s: unreadable message (%s %s)", qPrintable(channel),
                  qPrintable(parsed.error().code), qPrintable(parsed.error().field));
        return std::nullopt;
    }
    return std::move(parsed).value();
}

/// A snapshot `{"<key>":[T…]}` (T::kListKey).
template<typename T> std::optional<QList<T>> snapshotList(const QString &channel, const QJsonValue &data)
{
    auto parsed = api::listFromJson<T>(data.toObject(), T::kListKey, kMessages);
    if (!parsed) {
        qCWarning(lcDesk, "%s: unreadable snapshot (%s %s)", qPrintable(channel),
                  qPrintable(parsed.error().code), qPrintable(parsed.error().field));
        return std::nullopt;
    }
    return std::move(parsed).value();
}
} // namespace

MarketSession::MarketSession(QObject *parent)
    : QObject(parent)
    , m_batch(new QTimer(this))
    , m_curveTimer(new QTimer(this))
    , m_summaryTimer(new QTimer(this))
{
    m_batch->setSingleShot(true);
    m_batch->setInterval(kDefaultBatchMs);
    connect(m_batch, &QTimer::timeout, this, &MarketSession::flush);
    m_curveTimer->setInterval(kDefaultCurveRefreshMs);
    connect(m_curveTimer, &QTimer::timeout, this, &MarketSession::refreshCurve);
    m_summaryTimer->setInterval(kDefaultSummaryRefreshMs);
    connect(m_summaryTimer, &QTimer::timeout, this, &MarketSession::refreshSummaries);
}

MarketSession::~MarketSession() = default;

void MarketSession::setBatchIntervalMs(int ms)
{
    m_batch->setInterval(ms);
}

void MarketSession::setCurveRefreshMs(int ms)
{
    m_curveTimer->setInterval(ms);
}

QStringList MarketSession::permissionsOf(const QSslCertificate &certificate)
{
    pki::IssuedCertificate issued;
    issued.der = certificate.toDer();
    issued.name = certificate.subjectInfo(QSslCertificate::CommonName).value(0);
    return pki::identityOf(issued).value_or(pki::IdentityRequest{}).permissions;
}

void MarketSession::open(const QUrl &baseUrl, const QSslConfiguration &tls)
{
    close();
    m_url = baseUrl;
    const QSslCertificate certificate = tls.localCertificate();
    m_participant = certificate.subjectInfo(QSslCertificate::Organization).value(0);
    m_user = certificate.subjectInfo(QSslCertificate::CommonName).value(0);
    m_permissions = permissionsOf(certificate);

    m_client = new ExchangeClient(baseUrl, tls, this);
    // Contract certificates are for users who deploy; the exchange refuses them to others.
    if (!m_walletDirectory.isEmpty() && hasPermission(QStringLiteral("deploy"))) {
        m_wallet = new ContractWallet(m_client, m_walletDirectory, m_participant, m_walletPassphrase, this);
        m_wallet->setContracts(m_contracts);
        m_wallet->start();
    }
    m_stream = new net::StreamClient(this);
    QUrl streamUrl = baseUrl;
    streamUrl.setScheme(QStringLiteral("wss"));
    streamUrl.setPath(baseUrl.path() + QStringLiteral("/v1/stream"));
    m_stream->setUrl(streamUrl);
    m_stream->setSslConfiguration(tls);
    m_stream->setBackoff(kStreamBackoffInitialMs, kStreamBackoffMaxMs);
    connect(m_stream, &net::StreamClient::stateChanged, this, [this](net::StreamClient::State s) {
        switch (s) {
        case net::StreamClient::State::Connected:
            m_everConnected = true;
            setState(State::Connected);
            // The stream resubscribes from snapshots; the curve has no channel.
            refreshCurve();
            refreshSummaries();
            break;
        case net::StreamClient::State::Connecting:
        case net::StreamClient::State::Disconnected:
            setState(m_everConnected ? State::Reconnecting : State::Connecting);
            break;
        }
    });
    connect(m_stream, &net::StreamClient::snapshotReceived, this,
            [this](const QString &channel, qint64, const QJsonValue &data) { applySnapshot(channel, data); });
    connect(m_stream, &net::StreamClient::messageReceived, this,
            [this](const QString &channel, qint64, const QJsonValue &data) { applyUpdate(channel, data); });
    connect(m_stream, &net::StreamClient::errorReceived, this,
            [this](const QString &, const QString &detail) { Q_EMIT errorOccurred(detail); });

    QStringList channels{api::channel::instruments()};
    channels += privateChannels();
    channels += symbolChannels();
    if (hasPermission(QStringLiteral("trade"))) {
        for (const QString &product : std::as_const(m_compared))
            channels.append(api::channel::spot(product));
    }
    m_stream->subscribe(channels);
    setState(State::Connecting);
    m_stream->open();
    m_curveTimer->start();
    m_summaryTimer->start();
}

void MarketSession::setWalletDirectory(const QString &directory, const QString &passphrase)
{
    m_walletDirectory = directory;
    m_walletPassphrase = passphrase;
}

void MarketSession::close()
{
    m_curveTimer->stop();
    m_summaryTimer->stop();
    if (m_stream) {
        m_stream->close();
        m_stream->deleteLater();
        m_stream = nullptr;
    }
    if (m_wallet) {
        m_wallet->deleteLater();
        m_wallet = nullptr;
    }
    if (m_client) {
        m_client->deleteLater();
        m_client = nullptr;
    }
    m_everConnected = false;
    setState(State::Disconnected);
}

void MarketSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QStringList MarketSession::privateChannels() const
{
    if (m_participant.isEmpty())
        return {};
    // Orders and fills are trading data: the exchange refuses them without `trade`.
    if (!hasPermission(QStringLiteral("trade")))
        return {api::channel::contracts(m_participant)};
    return {api::channel::orders(m_participant), api::channel::fills(m_participant),
            api::channel::contracts(m_participant)};
}

QStringList MarketSession::symbolChannels() const
{
    // Prices are trading data too: the exchange refuses them without `trade`.
    if (m_symbol.isEmpty() || !hasPermission(QStringLiteral("trade")))
        return {};
    QStringList channels{api::channel::trades(m_symbol), api::channel::book(m_symbol), candlesChannel()};
    if (!m_product.isEmpty())
        channels.append(api::channel::spot(m_product));
    return channels;
}

QString MarketSession::candlesChannel() const
{
    return api::channel::candles(m_symbol, m_resolution);
}

const InstrumentRecord *MarketSession::instrument(const QString &symbol) const
{
    for (const InstrumentRecord &i : m_instruments) {
        if (i.symbol == symbol)
            return &i;
    }
    return nullptr;
}

void MarketSession::clearSymbolState()
{
    m_book = BookRecord{m_symbol, 0, {}, {}};
    m_trades.clear();
    m_newTrades.clear();
    m_candles.clear();
    m_changedCandles.clear();
    m_spot = 0;
    m_curve.clear();
    markDirty(DirtyBook | DirtyTradesReset | DirtyCandlesReset | DirtySpot | DirtyCurve);
}

void MarketSession::selectSymbol(const QString &symbol)
{
    if (symbol == m_symbol)
        return;
    if (m_stream)
        m_stream->unsubscribe(symbolChannels());
    m_symbol = symbol;
    const InstrumentRecord *known = instrument(symbol);
    m_product = known && !known->product.isEmpty() ? known->product : productOf(symbol);
    // A compared product that becomes the selected one shares its channel: keep it.
    m_compared.removeAll(m_product);
    clearSymbolState();
    if (m_stream)
        m_stream->subscribe(symbolChannels());
    refreshCurve();
    Q_EMIT selectionChanged(symbol);
}

void MarketSession::setComparedProducts(const QStringList &products)
{
    QStringList wanted;
    for (const QString &product : products) {
        if (!product.isEmpty() && product != m_product && !wanted.contains(product) &&
            wanted.size() < kMaxComparedProducts)
            wanted.append(product);
    }
    if (wanted == m_compared)
        return;
    if (m_stream && hasPermission(QStringLiteral("trade"))) {
        QStringList gone;
        QStringList added;
        for (const QString &product : std::as_const(m_compared))
            if (!wanted.contains(product) && product != m_product)
                gone.append(api::channel::spot(product));
        for (const QString &product : std::as_const(wanted))
            if (!m_compared.contains(product))
                added.append(api::channel::spot(product));
        if (!gone.isEmpty())
            m_stream->unsubscribe(gone);
        if (!added.isEmpty())
            m_stream->subscribe(added);
    }
    m_compared = wanted;
}

bool MarketSession::applyComparedSpot(const QString &channel, const QJsonValue &data)
{
    for (const QString &product : std::as_const(m_compared)) {
        if (channel != api::channel::spot(product))
            continue;
        if (auto spot = message<api::SpotPrice>(channel, data))
            Q_EMIT comparedSpotChanged(product, spot->price);
        return true;
    }
    return false;
}

void MarketSession::setResolution(api::Resolution resolution)
{
    if (resolution == m_resolution)
        return;
    const QString old = candlesChannel();
    m_resolution = resolution;
    m_candles.clear();
    m_changedCandles.clear();
    markDirty(DirtyCandlesReset);
    if (m_stream && !m_symbol.isEmpty()) {
        m_stream->unsubscribe({old});
        m_stream->subscribe({candlesChannel()});
    }
}

void MarketSession::applySnapshot(const QString &name, const QJsonValue &data)
{
    if (name == api::channel::instruments()) {
        if (auto instruments = snapshotList<InstrumentRecord>(name, data)) {
            m_instruments = std::move(*instruments);
            markDirty(DirtyInstruments);
        }
    } else if (name == api::channel::book(m_symbol)) {
        if (auto book = message<BookRecord>(name, data)) {
            m_book = std::move(*book);
            markDirty(DirtyBook);
        }
    } else if (name == api::channel::trades(m_symbol)) {
        if (auto trades = snapshotList<TradeRecord>(name, data)) {
            m_trades = std::move(*trades);
            if (m_trades.size() > kMaxTrades)
                m_trades.remove(0, m_trades.size() - kMaxTrades);
            m_newTrades.clear();
            markDirty(DirtyTradesReset);
        }
    } else if (name == candlesChannel()) {
        if (auto candles = snapshotList<CandleRecord>(name, data)) {
            m_candles = std::move(*candles);
            m_changedCandles.clear();
            markDirty(DirtyCandlesReset);
        }
    } else if (name == api::channel::spot(m_product)) {
        if (auto spot = message<api::SpotPrice>(name, data)) {
            m_spot = spot->price;
            markDirty(DirtySpot);
        }
    } else if (applyComparedSpot(name, data)) {
    } else if (name == api::channel::orders(m_participant)) {
        if (auto orders = snapshotList<OrderRecord>(name, data)) {
            m_orders = std::move(*orders);
            markDirty(DirtyOrders);
        }
    } else if (name == api::channel::fills(m_participant)) {
        if (auto fills = snapshotList<FillRecord>(name, data)) {
            m_fills = std::move(*fills);
            m_newFills.clear();
            markDirty(DirtyFillsReset);
        }
    } else if (name == api::channel::contracts(m_participant)) {
        if (auto contracts = snapshotList<ContractRecord>(name, data)) {
            m_contracts = std::move(*contracts);
            markDirty(DirtyContracts);
        }
    }
}

void MarketSession::applyUpdate(const QString &name, const QJsonValue &data)
{
    if (name == api::channel::trades(m_symbol)) {
        const auto trade = message<TradeRecord>(name, data);
        if (!trade)
            return;
        m_trades.append(*trade);
        if (m_trades.size() > kMaxTrades)
            m_trades.remove(0, m_trades.size() - kMaxTrades);
        if (!(m_dirty & DirtyTradesReset))
            m_newTrades.append(*trade);
        markDirty(0);
    } else if (name == api::channel::book(m_symbol)) {
        if (auto book = message<BookRecord>(name, data)) {
            m_book = std::move(*book);
            markDirty(DirtyBook);
        }
    } else if (name == candlesChannel()) {
        const auto changed = message<CandleRecord>(name, data);
        if (!changed)
            return;
        const CandleRecord &candle = *changed;
        auto at = std::find_if(m_candles.begin(), m_candles.end(),
                               [&](const CandleRecord &c) { return c.start == candle.start; });
        if (at != m_candles.end())
            *at = candle;
        else if (m_candles.isEmpty() || m_candles.constLast().start < candle.start)
            m_candles.append(candle);
        else
            m_candles.insert(std::lower_bound(m_candles.begin(), m_candles.end(), candle,
                                              [](const CandleRecord &a, const CandleRecord &b) {
                                                  return a.start < b.start;
                                              }),
                             candle);
        if (!(m_dirty & DirtyCandlesReset)) {
            auto pending = std::find_if(m_changedCandles.begin(), m_changedCandles.end(),
                                        [&](const CandleRecord &c) { return c.start == candle.start; });
            if (pending != m_changedCandles.end())
                *pending = candle;
            else
                m_changedCandles.append(candle);
        }
        markDirty(0);
    } else if (name == api::channel::spot(m_product)) {
        if (auto spot = message<api::SpotPrice>(name, data)) {
            m_spot = spot->price;
            markDirty(DirtySpot);
        }
    } else if (applyComparedSpot(name, data)) {
    } else if (name == api::channel::instruments()) {
        const auto update = message<api::InstrumentsUpdate>(name, data);
        if (!update)
            return;
        for (const QString &symbol : update->closed)
            m_instruments.removeIf([&](const InstrumentRecord &i) { return i.symbol == symbol; });
        if (!update->closed.isEmpty())
            markDirty(DirtyInstruments);
        // A listing names only symbols: fetch the new instruments' details.
        if (!update->listed.isEmpty())
            refreshInstruments();
    } else if (name == api::channel::orders(m_participant)) {
        const auto event = message<api::OrderEvent>(name, data);
        if (!event)
            return;
        const OrderRecord &order = event->order;
        auto at = std::find_if(m_orders.begin(), m_orders.end(),
                               [&](const OrderRecord &r) { return r.id == order.id; });
        const bool gone = event->event == api::OrderEventKind::Cancelled || order.remaining <= 0;
        if (gone) {
            if (at != m_orders.end())
                m_orders.erase(at);
        } else if (at != m_orders.end()) {
            *at = order;
        } else {
            m_orders.append(order);
        }
        markDirty(DirtyOrders);
    } else if (name == api::channel::fills(m_participant)) {
        const auto fill = message<FillRecord>(name, data);
        if (!fill)
            return;
        m_fills.append(*fill);
        if (!(m_dirty & DirtyFillsReset))
            m_newFills.append(*fill);
        markDirty(0);
    } else if (name == api::channel::contracts(m_participant)) {
        const auto contract = message<ContractRecord>(name, data);
        if (!contract)
            return;
        auto at = std::find_if(m_contracts.begin(), m_contracts.end(),
                               [&](const ContractRecord &c) { return c.id == contract->id; });
        if (at != m_contracts.end())
            *at = *contract;
        else
            m_contracts.append(*contract);
        markDirty(DirtyContracts);
    }
}

void MarketSession::markDirty(unsigned flags)
{
    m_dirty |= flags;
    if (!m_batch->isActive())
        m_batch->start();
}

void MarketSession::flush()
{
    const unsigned dirty = std::exchange(m_dirty, 0u);
    const QList<TradeRecord> trades = std::exchange(m_newTrades, {});
    const QList<CandleRecord> candles = std::exchange(m_changedCandles, {});
    const QList<FillRecord> fills = std::exchange(m_newFills, {});
    if (dirty & DirtyInstruments)
        Q_EMIT instrumentsChanged();
    if (dirty & DirtyBook)
        Q_EMIT bookChanged();
    if (dirty & DirtyTradesReset)
        Q_EMIT tradesReset();
    else if (!trades.isEmpty())
        Q_EMIT tradesAppended(trades);
    if (dirty & DirtyCandlesReset)
        Q_EMIT candlesReset();
    else if (!candles.isEmpty())
        Q_EMIT candlesUpdated(candles);
    if (dirty & DirtySpot)
        Q_EMIT spotChanged(m_spot);
    if (dirty & DirtyOrders)
        Q_EMIT ordersChanged();
    if (dirty & DirtyFillsReset)
        Q_EMIT fillsReset();
    else if (!fills.isEmpty())
        Q_EMIT fillsAppended(fills);
    if (dirty & DirtyContracts) {
        if (m_wallet)
            m_wallet->setContracts(m_contracts);
        Q_EMIT contractsChanged();
    }
    if (dirty & DirtyCurve)
        Q_EMIT curveChanged();
    // Own trades move the curve: refresh it now rather than at the next poll.
    if (!fills.isEmpty())
        refreshCurve();
}

void MarketSession::refreshInstruments()
{
    if (!m_client)
        return;
    auto *call = m_client->instruments();
    track(call);
    connect(call, &ExchangeJob::finished, this, [this, call] {
        if (!call->ok())
            return;
        m_instruments = call->value();
        markDirty(DirtyInstruments);
    });
}

void MarketSession::refreshCurve()
{
    if (!m_client || m_product.isEmpty() || m_state != State::Connected)
        return;
    const QString product = m_product;
    auto *call = m_client->curve(product);
    track(call);
    connect(call, &ExchangeJob::finished, this, [this, call, product] {
        if (!call->ok() || product != m_product)
            return;
        QList<CurvePointRecord> points = call->value().points;
        std::stable_sort(points.begin(), points.end(),
                         [](const CurvePointRecord &a, const CurvePointRecord &b) {
                             return a.deliveryStart < b.deliveryStart;
                         });
        if (points == m_curve)
            return;
        m_curve = points;
        // Announced with the next batch, not on its own.
        m_dirty |= DirtyCurve;
        if (!m_batch->isActive())
            m_batch->start();
    });
}

void MarketSession::setSummaryRefreshMs(int ms)
{
    m_summaryTimer->setInterval(ms);
}

void MarketSession::refreshSummaries()
{
    if (!m_client || m_state != State::Connected)
        return;
    auto *call = m_client->marketSummary();
    track(call);
    connect(call, &ExchangeJob::finished, this, [this, call] {
        if (!call->ok())
            return;
        QHash<QString, api::ProductSummary> summaries;
        summaries.reserve(call->value().products.size());
        for (const api::ProductSummary &p : call->value().products)
            summaries.insert(p.product, p);
        if (summaries == m_summaries)
            return;
        m_summaries = std::move(summaries);
        Q_EMIT summariesChanged();
    });
}

void MarketSession::track(ExchangeJob *job)
{
    // Connected first, so every later slot runs before the deferred delete.
    connect(job, &ExchangeJob::finished, job, &QObject::deleteLater);
}

QString MarketSession::newClientOrderId()
{
    static const QLatin1StringView alphabet("0123456789abcdefghijklmnopqrstuvwxyz");
    QString id = QStringLiteral("d-");
    for (int i = 0; i < kClientOrderIdRandomChars; ++i)
        id.append(alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size()))));
    return id;
}

ExchangeCall<api::OrderAck> *MarketSession::submit(api::OrderRequest order)
{
    Q_ASSERT(m_client);
    if (order.clientOrderId.isEmpty())
        order.clientOrderId = newClientOrderId();
    order = OrderRules::normalized(std::move(order));
    const std::optional<api::Requirements> requirements = order.requirements;
    auto *call = m_client->submit(order);
    if (requirements) {
        connect(call, &Job::finished, this, [this, call, requirements] {
            if (call->ok() && call->value().orderId)
                m_orderRequirements.insert(*call->value().orderId, *requirements);
        });
    }
    return call;
}

ExchangeCall<api::OrderPreview> *MarketSession::preview(api::OrderRequest order)
{
    Q_ASSERT(m_client);
    // A preview never uses a client order id: one already placed would read as a duplicate.
    order.clientOrderId.clear();
    return m_client->preview(OrderRules::normalized(std::move(order)));
}

std::optional<api::Requirements> MarketSession::requirementsFor(const QString &contractId) const
{
    for (const FillRecord &fill : m_fills) {
        if (fill.contractId == contractId) {
            const auto it = m_orderRequirements.constFind(fill.orderId);
            if (it != m_orderRequirements.constEnd())
                return *it;
        }
    }
    return std::nullopt;
}

ExchangeCall<api::OrderAck> *MarketSession::cancel(qint64 orderId)
{
    Q_ASSERT(m_client);
    return m_client->cancel(orderId);
}

ExchangeCall<api::OrderAck> *MarketSession::replace(qint64 orderId, std::optional<qint64> price,
                                                    std::optional<qint64> quantity)
{
    Q_ASSERT(m_client);
    return m_client->replace(orderId, api::OrderChange{price, quantity});
}

} // namespace cloudex::desk
