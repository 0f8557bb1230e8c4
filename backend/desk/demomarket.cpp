#include "desk/demomarket.h"

#include "desk/exchangeclient.h"
#include "desk/records.h"

#include <QSet>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace cloudex::desk {
namespace {
/// Calls in flight beyond which a tick is skipped: the demo never floods the exchange.
constexpr int kMaxInFlight = 16;
/// Ticks between instrument refreshes (front hours roll).
constexpr int kRefreshTicks = 300;
constexpr int kSeedLevels = 5;
constexpr qint64 kBaseTicks = 900;
constexpr qint64 kBaseSpreadTicks = 700;
constexpr qint64 kMinFair = 10;
} // namespace

DemoMarket::DemoMarket(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &DemoMarket::tick);
}

DemoMarket::~DemoMarket() = default;

QStringList DemoMarket::participantNames(int count)
{
    static const char *const names[] = {"p-demo-aurora", "p-demo-borealis", "p-demo-cirrus",
                                        "p-demo-drift",  "p-demo-ember",    "p-demo-fjord"};
    QStringList out;
    for (int i = 0; i < count; ++i)
        out.append(i < int(std::size(names)) ? QString::fromLatin1(names[i])
                                             : QStringLiteral("p-demo-%1").arg(i + 1));
    return out;
}

void DemoMarket::start(const QUrl &baseUrl, const QList<QSslConfiguration> &traders, const Options &options)
{
    stop();
    m_options = options;
    m_random.seed(options.seed);
    for (const QSslConfiguration &tls : traders)
        m_traders.append(Trader{new ExchangeClient(baseUrl, tls, this), {}});
    if (m_traders.isEmpty()) {
        Q_EMIT failed(tr("The demo market has no traders."));
        return;
    }
    loadInstruments();
}

void DemoMarket::stop()
{
    m_timer->stop();
    for (Trader &t : m_traders)
        t.client->deleteLater();
    m_traders.clear();
}

bool DemoMarket::isRunning() const
{
    return m_timer->isActive();
}

void DemoMarket::loadInstruments()
{
    auto *call = m_traders.constFirst().client->instruments();
    connect(call, &ExchangeJob::finished, call, &QObject::deleteLater);
    connect(call, &ExchangeJob::finished, this, [this, call] {
        if (!call->ok()) {
            Q_EMIT failed(tr("The demo market cannot read the instruments: %1").arg(call->errorString()));
            return;
        }
        QList<InstrumentRecord> all = call->value();
        std::stable_sort(all.begin(), all.end(), [](const InstrumentRecord &a, const InstrumentRecord &b) {
            return a.deliveryStart < b.deliveryStart;
        });
        QStringList products = m_options.products;
        if (products.isEmpty() && !all.isEmpty())
            products.append(all.constFirst().product);
        const bool first = m_symbols.isEmpty();
        m_symbols.clear();
        for (const QString &product : std::as_const(products)) {
            int hours = 0;
            bool day = false;
            for (const InstrumentRecord &i : std::as_const(all)) {
                if (i.product != product)
                    continue;
                if (i.kind == u"H" && hours < m_options.hourlyPerProduct) {
                    m_symbols.append(i.symbol);
                    ++hours;
                } else if (i.kind == u"D" && !day) {
                    m_symbols.append(i.symbol);
                    day = true;
                }
            }
        }
        for (const QString &s : std::as_const(m_symbols)) {
            if (!m_fair.contains(s))
                m_fair.insert(s, knownPrice(s).value_or(initialPrice(s)));
        }
        if (m_symbols.isEmpty()) {
            Q_EMIT failed(tr("The demo market found no instruments to trade."));
            return;
        }
        if (first)
            loadPrices(products);
    });
}

void DemoMarket::loadPrices(const QStringList &products)
{
    // Continue from where the market stands (a data directory remembers earlier runs);
    // the seeded prices only start a market that never traded.
    auto pending = std::make_shared<int>(int(products.size()));
    const auto done = [this, pending] {
        if (--*pending > 0)
            return;
        seed();
        m_timer->start(m_options.intervalMs);
        Q_EMIT started();
    };
    for (const QString &product : products) {
        auto *call = m_traders.constFirst().client->curve(product);
        connect(call, &ExchangeJob::finished, call, &QObject::deleteLater);
        connect(call, &ExchangeJob::finished, this, [this, call, done] {
            QSet<QString> priced;
            // A failed call leaves the value empty: the seeded prices start the market.
            for (const CurvePointRecord &p : call->value().points) {
                if (!m_fair.contains(p.symbol))
                    continue;
                // Traded prices count; quotes alone only when nothing of the product traded.
                if (p.last > 0) {
                    m_fair.insert(p.symbol, p.last);
                    priced.insert(p.symbol);
                } else if (p.bid > 0 && p.ask > 0) {
                    m_fair.insert(p.symbol, (p.bid + p.ask) / 2);
                }
            }
            // A period that never traded starts near its product's traded periods.
            QHash<QString, qint64> fromCurve;
            for (const QString &symbol : std::as_const(priced))
                fromCurve.insert(symbol, m_fair.value(symbol));
            for (const QString &symbol : std::as_const(m_symbols)) {
                if (priced.contains(symbol))
                    continue;
                if (const auto near = knownPrice(symbol, fromCurve))
                    m_fair.insert(symbol, *near);
            }
            done();
        });
    }
}

qint64 DemoMarket::initialPrice(const QString &symbol) const
{
    // Deterministic per product: a plausible EUR 0.09–0.16 per instance-hour.
    const QString product = symbol.left(symbol.lastIndexOf(u'.'));
    const qint64 base = kBaseTicks + qint64(qHash(product, 7) % quint64(kBaseSpreadTicks));
    const bool day = symbol.section(u'.', -1).startsWith(u'D');
    return day ? base * 97 / 100 : base;
}

std::optional<qint64> DemoMarket::knownPrice(const QString &symbol) const
{
    return knownPrice(symbol, m_fair);
}

std::optional<qint64> DemoMarket::knownPrice(const QString &symbol, const QHash<QString, qint64> &prices)
{
    const QString product = symbol.left(symbol.lastIndexOf(u'.'));
    qint64 sum = 0;
    qint64 count = 0;
    for (auto it = prices.cbegin(); it != prices.cend(); ++it) {
        if (it.key() != symbol && it.key().left(it.key().lastIndexOf(u'.')) == product) {
            sum += it.value();
            ++count;
        }
    }
    return count > 0 ? std::optional<qint64>(sum / count) : std::nullopt;
}

qint64 DemoMarket::step(const QString &symbol) const
{
    return std::max<qint64>(1, m_fair.value(symbol) / 250);
}

void DemoMarket::seed()
{
    int trader = 0;
    for (const QString &symbol : std::as_const(m_symbols)) {
        const qint64 fair = m_fair.value(symbol);
        for (int level = 1; level <= kSeedLevels; ++level) {
            const qint64 quantity = 1 + m_random.bounded(8);
            send(trader++ % int(m_traders.size()), symbol, true, fair - level * step(symbol), quantity,
                 false);
            send(trader++ % int(m_traders.size()), symbol, false, fair + level * step(symbol), quantity,
                 false);
        }
        // A first trade, so the tape and chart are not empty.
        send(trader++ % int(m_traders.size()), symbol, true, fair + step(symbol), 1 + m_random.bounded(3),
             true);
    }
}

void DemoMarket::tick()
{
    if (++m_ticks % kRefreshTicks == 0)
        loadInstruments();
    if (m_inFlight > kMaxInFlight || m_symbols.isEmpty())
        return;
    // The front hour is the busiest instrument, as on a power exchange.
    const int index = m_random.bounded(100) < 55 ? 0 : int(m_random.bounded(int(m_symbols.size())));
    const QString symbol = m_symbols.at(index);
    qint64 &fair = m_fair[symbol];
    const int drift = int(m_random.bounded(5)) - 2;
    fair = std::max(kMinFair, fair + drift * step(symbol));
    const int trader = int(m_random.bounded(int(m_traders.size())));
    const bool buy = m_random.bounded(2) == 0;
    const qint64 quantity = 1 + m_random.bounded(6);
    if (m_random.bounded(100) < 35) {
        // Cross the spread and take what is there.
        const qint64 price = buy ? fair + 3 * step(symbol) : fair - 3 * step(symbol);
        send(trader, symbol, buy, std::max<qint64>(1, price), quantity, true);
    } else {
        const qint64 offset = (1 + m_random.bounded(4)) * step(symbol);
        send(trader, symbol, buy, std::max<qint64>(1, buy ? fair - offset : fair + offset), quantity, false);
    }
}

void DemoMarket::send(int trader, const QString &symbol, bool buy, qint64 price, qint64 quantity,
                      bool immediate)
{
    Trader &t = m_traders[trader];
    // Keep each trader's book presence bounded: the oldest resting order goes first.
    if (t.resting.size() >= m_options.maxRestingPerTrader) {
        auto *cancel = t.client->cancel(t.resting.takeFirst());
        ++m_inFlight;
        connect(cancel, &ExchangeJob::finished, this, [this, cancel] {
            --m_inFlight;
            cancel->deleteLater();
        });
    }
    api::OrderRequest order;
    order.symbol = symbol;
    order.side = buy ? api::Side::Buy : api::Side::Sell;
    order.type = api::OrderType::Limit;
    order.timeInForce = immediate ? api::TimeInForce::ImmediateOrCancel : api::TimeInForce::GoodTillCancel;
    order.price = price;
    order.quantity = quantity;
    auto *call = t.client->submit(order);
    ++m_inFlight;
    ++m_ordersSent;
    connect(call, &ExchangeJob::finished, this, [this, call, trader, immediate, quantity] {
        --m_inFlight;
        call->deleteLater();
        if (trader >= m_traders.size())
            return; // stopped meanwhile
        if (!call->ok()) {
            // An instrument closed under us: look again.
            if (call->status() == 422 || call->status() == 404)
                loadInstruments();
            return;
        }
        const api::OrderAck &ack = call->value();
        qint64 filled = 0;
        for (const api::Trade &trade : ack.trades) {
            filled += trade.quantity;
            ++m_tradesSeen;
        }
        if (!immediate && filled < quantity && ack.orderId)
            m_traders[trader].resting.append(*ack.orderId);
    });
}

} // namespace cloudex::desk
