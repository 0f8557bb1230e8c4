#include "offertrader.h"

#include "api/instrument.h"
#include "api/order.h"
#include "catalogue/catalogue.h"
#include "agentstore.h"
#include "connectagent.h"
#include "core/clock.h"
#include "core/logging.h"
#include "net/apiclient.h"

#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QPromise>
#include <QSslCertificate>
#include <QThreadPool>
#include <QTimer>
#include <QUrlQuery>

namespace cloudex::connect {
namespace {
constexpr qint64 kMsPerSecond = 1000;
constexpr int kSoonMs = 200;
/// Reading rounds of one pass at most: the second one posts what the first one cancelled.
constexpr int kMaxRounds = 3;
const QString kClientPrefix = QStringLiteral("ofr");
} // namespace

struct OfferTrader::Pass
{
    Site site;
    QList<api::Order> orders; ///< the offers' open asks
    QList<HeldContractRecord> contracts;
    QList<api::Instrument> instruments;
    QHash<QString, qint64> spot;
    int waiting = 0;
    QString error;
    int round = 1;
    /// Asks cancelled to be asked anew (a change of quantity or price): symbol → price.
    QHash<QString, qint64> repost;
    /// Those of the previous round: posted at that price in this one.
    QHash<QString, qint64> reposting;
};

OfferTrader::OfferTrader(Options options, SiteSource site, QObject *parent)
    : OfferTrader(std::move(options),
                  AsyncSiteSource([site = std::move(site)] { return QtFuture::makeReadyFuture(site()); }), parent)
{}

OfferTrader::OfferTrader(Options options, AsyncSiteSource site, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_site(std::move(site))
    , m_client(new net::ApiClient(m_options.exchange, m_options.tls, this))
    , m_timer(new QTimer(this))
    , m_soon(new QTimer(this))
{
    m_client->setTransferTimeoutMs(30'000);
    m_state.enabled = true;
    m_state.participant = participantOf(m_options.tls);
    connect(m_timer, &QTimer::timeout, this, &OfferTrader::pass);
    m_soon->setSingleShot(true);
    connect(m_soon, &QTimer::timeout, this, &OfferTrader::pass);
}

OfferTrader::~OfferTrader() = default;

namespace {
OfferTrader::Site readSiteFrom(const AgentStore &store, const QList<HostInfo> &hosts, const QString &defaultGroup,
                               qint64 nowMs)
{
    OfferTrader::Site site;
    const QList<HostGroup> groups = store.hostGroups();
    // Summed and filtered in SQLite rather than every VM and contract record read out.
    site.pools = OfferBook::pools(hosts, groups, store.ownVmUsageByHost());
    QHash<QString, const catalogue::InstanceClass *> classOf; // by product code
    for (const HeldContractRecord &c : store.contractsRunningAfter(nowMs)) {
        auto known = classOf.find(c.product);
        if (known == classOf.end()) {
            const auto product = catalogue::Catalogue::standard().parseProduct(c.product);
            known = classOf.insert(c.product, product ? catalogue::Catalogue::standard().findClass(product->classCode)
                                                      : nullptr);
        }
        const catalogue::InstanceClass *instanceClass = known.value();
        if (!instanceClass)
            continue;
        site.commitments.append(OfferBook::Commitment{
            c.id, c.reservationGroup, c.instrument, c.startMs / kMsPerSecond, c.endMs / kMsPerSecond,
            c.quantity, c.quantity * instanceClass->vcpus, c.quantity * instanceClass->memoryMiB});
    }
    site.offers = store.offers();
    for (const Offer &offer : std::as_const(site.offers)) {
        if (auto pool = OfferBook::poolFor(offer, groups, defaultGroup))
            site.offerPools.insert(offer.product, *pool);
    }
    return site;
}
} // namespace

QFuture<OfferTrader::Site> OfferTrader::readSite(const ConnectAgent &agent, const QString &defaultGroup,
                                                 qint64 nowMs)
{
    auto promise = std::make_shared<QPromise<Site>>();
    QFuture<Site> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start(
        [promise, file = agent.storeFile(), hosts = agent.inventory().hosts, defaultGroup, nowMs] {
            Site site;
            AgentStore reader; // its own connection, on this thread, closed when done
            if (auto opened = reader.openForReading(file); !opened)
                site.error = opened.error().message;
            else
                site = readSiteFrom(reader, hosts, defaultGroup, nowMs);
            promise->addResult(std::move(site));
            promise->finish();
        });
    return future;
}

QString OfferTrader::participantOf(const QSslConfiguration &tls)
{
    return tls.localCertificate().subjectInfo(QSslCertificate::Organization).value(0);
}

qint64 OfferTrader::nowMs() const
{
    return (m_options.clock ? *m_options.clock : SystemClock::instance()).nowMs();
}

void OfferTrader::start()
{
    if (m_options.intervalMs > 0)
        m_timer->start(m_options.intervalMs);
    pass();
}

void OfferTrader::schedule()
{
    if (!m_soon->isActive())
        m_soon->start(kSoonMs);
}

void OfferTrader::pass()
{
    if (m_pass) {
        m_again = true;
        return;
    }
    m_again = false;
    m_pass = std::make_unique<Pass>();
    Q_EMIT passStarted();
    readSiteThenOrders();
}

void OfferTrader::readSiteThenOrders()
{
    // Only this continuation carries the pass on, so the pass is still the one it read for;
    // with the trader gone first, Qt drops the continuation.
    m_site().then(this, [this](Site site) {
        if (!site.error.isEmpty())
            return finishPass(tr("cannot read the site's records: %1").arg(site.error));
        m_pass->site = std::move(site);
        readOrders();
    });
}

void OfferTrader::nextRound()
{
    // The cancels are acknowledged: their fills are contracts now. Everything is read again.
    auto next = std::make_unique<Pass>();
    next->round = m_pass->round + 1;
    next->reposting = m_pass->repost;
    m_pass = std::move(next);
    readSiteThenOrders();
}

void OfferTrader::readOrders()
{
    net::ApiCall *call = m_client->get(QStringLiteral("/v1/orders"));
    connect(call, &Job::finished, this, [this, call] {
        call->deleteLater();
        if (!call->ok())
            return finishPass(call->errorString());
        for (const QJsonValue &value : call->body().toObject().value(api::Order::kListKey).toArray()) {
            auto order = api::Order::fromJson(value.toObject(), api::ParseMode::Lenient);
            if (order && order->side == api::Side::Sell && order->clientOrderId.startsWith(kClientPrefix))
                m_pass->orders.append(*order);
        }
        readContracts();
    });
}

void OfferTrader::readContracts()
{
    net::ApiCall *call = m_client->get(QStringLiteral("/v1/contracts"));
    connect(call, &Job::finished, this, [this, call] {
        call->deleteLater();
        if (!call->ok())
            return finishPass(call->errorString());
        const qint64 now = nowMs();
        for (const QJsonValue &value : call->body().toObject().value(QStringLiteral("contracts")).toArray()) {
            const QJsonObject o = value.toObject();
            HeldContractRecord c;
            c.id = o.value(QStringLiteral("id")).toString();
            c.buyer = o.value(QStringLiteral("buyer")).toString();
            c.seller = o.value(QStringLiteral("seller")).toString();
            c.product = o.value(QStringLiteral("product")).toString();
            c.instrument = o.value(QStringLiteral("symbol")).toString();
            c.quantity = o.value(QStringLiteral("quantity")).toInteger();
            c.startMs = o.value(QStringLiteral("deliveryStart")).toInteger() * kMsPerSecond;
            c.endMs = o.value(QStringLiteral("deliveryEnd")).toInteger() * kMsPerSecond;
            c.state = o.value(QStringLiteral("state")).toString();
            c.terminated = c.state == u"terminated";
            const QString site =
                o.value(QStringLiteral("site")).toObject().value(QStringLiteral("id")).toString();
            // Another site's contracts use that site's capacity.
            if (c.seller != m_state.participant || (!site.isEmpty() && site != m_options.siteId))
                continue;
            if (c.endMs > now || c.terminated)
                m_pass->contracts.append(c);
        }
        readMarket();
    });
}

void OfferTrader::readMarket()
{
    QStringList products;
    for (const Offer &offer : std::as_const(m_pass->site.offers)) {
        if (!offer.windows.isEmpty() && !products.contains(offer.product))
            products.append(offer.product);
    }
    if (products.isEmpty())
        return reconcile();
    m_pass->waiting = int(products.size()) * 2;
    const auto done = [this] {
        if (--m_pass->waiting == 0)
            reconcile();
    };
    for (const QString &product : std::as_const(products)) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("product"), product);
        net::ApiCall *instruments = m_client->get(QStringLiteral("/v1/instruments?") + query.toString());
        connect(instruments, &Job::finished, this, [this, instruments, done] {
            instruments->deleteLater();
            if (!instruments->ok())
                m_pass->error = instruments->errorString();
            for (const QJsonValue &value :
                 instruments->body().toObject().value(api::Instrument::kListKey).toArray()) {
                if (auto i = api::Instrument::fromJson(value.toObject(), api::ParseMode::Lenient))
                    m_pass->instruments.append(*i);
            }
            done();
        });
        net::ApiCall *spot = m_client->get(QStringLiteral("/v1/market/spot/") + product);
        connect(spot, &Job::finished, this, [this, spot, product, done] {
            spot->deleteLater();
            if (spot->ok())
                m_pass->spot.insert(product,
                                    spot->body().toObject().value(QStringLiteral("price")).toInteger());
            done();
        });
    }
}

void OfferTrader::reconcile()
{
    Pass &p = *m_pass;
    OfferBook::Input input;
    const qint64 now = nowMs();
    input.nowSecs = now / kMsPerSecond;
    input.pools = p.site.pools;
    input.offers = p.site.offers;
    input.offerPools = p.site.offerPools;
    input.spot = p.spot;
    input.instruments = p.instruments;
    input.commitments = p.site.commitments;
    // Contracts the exchange lists that the site has not recorded yet (just traded,
    // unassigned) count too, in the pool their offer sells from.
    QSet<QString> known;
    for (const OfferBook::Commitment &c : std::as_const(input.commitments))
        known.insert(c.id);
    for (const HeldContractRecord &c : std::as_const(p.contracts)) {
        if (known.contains(c.id) || c.terminated)
            continue;
        const auto product = catalogue::Catalogue::standard().parseProduct(c.product);
        const catalogue::InstanceClass *instanceClass =
            product ? catalogue::Catalogue::standard().findClass(product->classCode) : nullptr;
        if (!instanceClass)
            continue;
        QString pool = input.offerPools.value(c.product);
        if (product->tenancy == catalogue::Tenancy::Shared)
            pool.clear();
        input.commitments.append(OfferBook::Commitment{
            c.id, pool, c.instrument, c.startMs / kMsPerSecond, c.endMs / kMsPerSecond, c.quantity,
            c.quantity * instanceClass->vcpus, c.quantity * instanceClass->memoryMiB});
    }
    const OfferBook::Plan plan = OfferBook::plan(input);

    /// The changes, made and sent together once everything is planned.
    QList<QPair<std::function<net::ApiCall *()>, QString>> changes;
    QHash<QString, const OfferBook::Ask *> wanted;
    for (const OfferBook::Ask &ask : plan.asks)
        wanted.insert(ask.symbol, &ask);
    QList<LiveAsk> live;
    QSet<QString> held;
    // Re-pricing is decided once per offer and pass, so all its asks move together.
    QSet<QString> repriced;
    const auto mayReprice = [&](const QString &product) {
        const qint64 last = m_repricedMs.value(product, -1);
        return last < 0 || now - last >= qint64(m_options.repriceSeconds) * kMsPerSecond;
    };
    for (const api::Order &order : std::as_const(p.orders)) {
        const OfferBook::Ask *ask = wanted.value(order.symbol);
        const QString product = order.symbol.section(u'.', 0, 3);
        if (!ask || held.contains(order.symbol)) {
            // No longer wanted (or a second ask of one symbol): off the book.
            changes.append({[this, id = order.id] { return m_client->del(QStringLiteral("/v1/orders/%1").arg(id)); },
                            QStringLiteral("cancel %1 (%2)").arg(order.id).arg(order.symbol)});
            continue;
        }
        held.insert(order.symbol);
        qint64 price = order.price;
        if (ask->price != order.price && mayReprice(product))
            price = ask->price;
        if (price != order.price || ask->quantity != order.remaining) {
            if (price != order.price)
                repriced.insert(product);
            // Not a replace (PATCH): the exchange sets the remaining quantity to what a replace
            // names, so a fill landing between this pass's reading and the replace would be
            // sold a second time (asks + contracts above capacity until the next pass). The
            // ask is cancelled instead, which never adds; once every cancel is acknowledged the
            // pass reads orders and contracts again and asks what is free then, at `price`.
            p.repost.insert(order.symbol, price);
            changes.append({[this, id = order.id] { return m_client->del(QStringLiteral("/v1/orders/%1").arg(id)); },
                            QStringLiteral("cancel %1 (%2) to ask %3 @ %4 anew")
                                .arg(order.id)
                                .arg(order.symbol)
                                .arg(ask->quantity)
                                .arg(price)});
            continue;
        }
        live.append(LiveAsk{order.id, order.symbol, product, price, ask->quantity});
    }
    for (const OfferBook::Ask &ask : plan.asks) {
        if (held.contains(ask.symbol))
            continue;
        // An ask cancelled last round for a new quantity keeps the price decided then.
        const qint64 price = p.reposting.value(ask.symbol, ask.price);
        const QString clientId =
            kClientPrefix + QString::number(now, 36) + u'-' + QString::number(++m_orderCounter, 36);
        const QJsonObject body{{QStringLiteral("symbol"), ask.symbol},
                               {QStringLiteral("side"), QStringLiteral("sell")},
                               {QStringLiteral("type"), QStringLiteral("limit")},
                               {QStringLiteral("timeInForce"), QStringLiteral("gtc")},
                               {QStringLiteral("price"), price},
                               {QStringLiteral("quantity"), ask.quantity},
                               {QStringLiteral("clientOrderId"), clientId}};
        if (!m_repricedMs.contains(ask.product))
            m_repricedMs.insert(ask.product, now);
        const qsizetype index = live.size();
        live.append(LiveAsk{0, ask.symbol, ask.product, price, ask.quantity});
        const auto post = [this, body, index, symbol = ask.symbol] {
            net::ApiCall *call = m_client->post(QStringLiteral("/v1/orders"), body);
            connect(call, &Job::finished, this, [this, call, index, symbol] {
                if (index >= m_state.asks.size() || m_state.asks[index].symbol != symbol)
                    return;
                if (call->ok())
                    m_state.asks[index].orderId =
                        call->body().toObject().value(QStringLiteral("orderId")).toInteger();
                else
                    m_state.asks[index].remaining = 0; // refused: not on the book
            });
            return call;
        };
        changes.append({post, QStringLiteral("ask %1 × %2 @ %3").arg(ask.quantity).arg(ask.symbol).arg(price)});
    }
    for (const QString &product : std::as_const(repriced))
        m_repricedMs.insert(product, now);
    m_state.asks = live;
    m_state.loads = plan.loads;
    m_state.spot = p.spot;
    m_state.contracts = p.contracts;
    if (!changes.isEmpty())
        Q_EMIT changesPlanned();
    for (const auto &[make, what] : std::as_const(changes))
        send(make(), what);
    if (m_sent == 0)
        changesSent();
}

void OfferTrader::changesSent()
{
    if (!m_pass->repost.isEmpty() && m_pass->round < kMaxRounds)
        return nextRound();
    finishPass(m_pass->error);
}

void OfferTrader::send(net::ApiCall *call, const QString &what)
{
    ++m_sent;
    connect(call, &Job::finished, this, [this, call, what] {
        call->deleteLater();
        if (call->ok()) {
            qCInfo(lcConnect, "offers: %s", qPrintable(what));
        } else {
            qCWarning(lcConnect, "offers: %s refused: %s (%s)", qPrintable(what),
                      qPrintable(call->errorString()), qPrintable(call->error()));
            if (m_pass)
                m_pass->error = call->error() + QStringLiteral(": ") + call->errorString();
        }
        if (--m_sent == 0 && m_pass)
            changesSent();
    });
}

void OfferTrader::finishPass(const QString &error)
{
    if (!error.isEmpty())
        qCWarning(lcConnect, "offers: pass incomplete: %s", qPrintable(error));
    m_state.error = error;
    m_state.passMs = nowMs();
    m_pass.reset();
    Q_EMIT passFinished();
    if (m_again)
        schedule();
}

} // namespace cloudex::connect
