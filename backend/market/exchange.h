#pragma once

#include "catalogue/catalogue.h"
#include "core/clock.h"
#include "core/result.h"
#include "market/codec.h"
#include "market/engine.h"
#include "store/journal.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVarLengthArray>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <queue>

namespace cloudex::market {

/// A participant's limits (docs/API.md, "Limits"). The defaults are the conservative ones
/// every new participant starts with, and what a limit left out of PUT .../limits becomes:
/// 100 instances per order, and 1,000,000,000 ticks x instances x hours (EUR 100,000) of
/// open orders and of credit. An operator raises them per participant.
struct RiskLimits
{
    static constexpr qint64 kDefaultMaxOrderQuantity = 100;
    static constexpr qint64 kDefaultMaxOpenNotional = 1'000'000'000;
    static constexpr qint64 kDefaultCredit = 1'000'000'000;

    qint64 maxOrderQuantity = kDefaultMaxOrderQuantity;
    qint64 maxOpenNotional = kDefaultMaxOpenNotional; ///< ticks x instances x hours
    qint64 credit = kDefaultCredit;                   ///< open buy notional plus bought value
    QStringList allowedBuyers;                        ///< a seller's allow-list; empty sells to anyone

    /// No limit beyond the engine's ceilings (kMaxQuantity, kUnlimited); for tests and benchmarks.
    static RiskLimits unlimited() { return {kMaxQuantity, kUnlimited, kUnlimited, {}}; }
};

/// Who a participant is, as the exchange screens it. Ids are the names the certificate
/// authority gives participants ("p-acme").
struct ParticipantProfile
{
    QString id;
    Role role = Role::Both;
    QString jurisdiction;       ///< ISO 3166 alpha-2, see Exchange::jurisdictions()
    QStringList certifications; ///< see Exchange::certifications()
    QString metadataPolicy;     ///< see Exchange::metadataPolicies()
    /// The first limits, set with the participant (allowedBuyers aside).
    RiskLimits limits;
};

/// What an order demands of its counterparty; empty lists demand nothing.
struct Requirements
{
    QStringList jurisdictions;
    QStringList certifications; ///< all of them
    QStringList metadataPolicies;
};

struct OrderRequest
{
    QString symbol;
    Side side = Side::Buy;
    OrderType type = OrderType::Limit;
    TimeInForce timeInForce = TimeInForce::GoodTillCancel;
    bool postOnly = false;
    qint64 priceTicks = 0;
    qint64 quantity = 0;
    qint64 expirySecs = 0; ///< good-till-date
    QString clientOrderId; ///< optional, at most 24 bytes of UTF-8, kept exactly
    Requirements requirements;
    /// The participant's user placing it (the identity's CN), journaled with the order and
    /// kept with it while it rests (per-user limits); empty: none.
    QString user;
};

/// What an order would do against the book right now (Exchange::preview()).
struct PreviewInfo
{
    QString symbol;
    qint64 timeSecs = 0;
    qint64 quantity = 0;
    qint64 fillQuantity = 0;
    qint64 averagePriceTicks = 0; ///< rounded half away from zero; 0 when nothing fills
    qint64 worstPriceTicks = 0;
    qint64 notional = 0; ///< ticks x instances
    /// Skipped resting quantity by reason (skipReasonCode()), zero reasons left out, in the
    /// order of SkipReason.
    QList<QPair<QString, qint64>> skipped;
    Error refusal; ///< empty code: the exchange would accept the order
};

struct TradeInfo
{
    quint64 eventSeq = 0; ///< the engine's gap-free event sequence number
    quint64 id = 0;
    QString symbol;
    QString buyer;
    QString seller;
    quint64 buyOrder = 0;
    quint64 sellOrder = 0;
    Side aggressor = Side::Buy;
    qint64 priceTicks = 0;
    qint64 quantity = 0;
    qint64 timeSecs = 0;
    quint64 contract = 0;
};

/// A contract as the certificate authority and the desks see it, with frozen terms.
struct ContractInfo
{
    quint64 eventSeq = 0; ///< the event that produced this state; 0 from lookups
    quint64 id = 0;
    quint64 trade = 0;
    QString symbol;
    QString productSymbol;
    QString buyer;
    QString seller;
    qint64 quantity = 0;
    qint64 priceTicks = 0;
    qint64 startSecs = 0;
    qint64 endSecs = 0;
    ContractState state = ContractState::Scheduled;
    catalogue::SlaTerms sla{}; ///< as frozen when the instrument was listed
    QString governingLaw;      ///< jurisdiction of the product's region
    int legalTermsVersion = 0;
    qint64 terminatedAtSecs = 0; ///< 0 unless terminated
    QString terminationReason;   ///< empty: none recorded
    /// The site that serves the contract; empty id while unassigned.
    QString siteId;
    QString siteName;
    QString siteEndpoint;
};

/// A registered site of a seller.
struct SiteInfo
{
    QString id; ///< the site identity's CN ("s-fra1")
    QString participant;
    QString name;
    QString endpoint;
    QStringList products; ///< catalogue product ids, sorted
    qint64 registeredSecs = 0;
};

/// What a site measured for one VM in one hour.
struct UsageHourInfo
{
    qint64 startSecs = 0;
    QString vm;
    qint64 instanceSeconds = 0;
    qint64 expectedSeconds = 0;
    qint64 availableSeconds = 0;
};

/// The settlement of one contract.
struct SettlementInfo
{
    quint64 contract = 0;
    QString buyer;
    QString seller;
    bool estimated = false;
    qint64 seconds = 0; ///< of the window delivered
    qint64 quantity = 0;
    qint64 priceTicks = 0;
    qint64 gross = 0;
    int availabilityBasisPoints = 10000;
    int creditPercent = 0;
    qint64 credit = 0;
    qint64 net = 0;
    qint64 settledAtSecs = 0;
};

/// The outcome of one command, delivered after the command is durable.
struct Ack
{
    quint64 commandSeq = 0; ///< 0 when refused before sequencing (nothing journaled)
    bool accepted = false;
    bool duplicate = false; ///< a repeated client order id: the original outcome
    quint64 orderId = 0;
    Error error; ///< stable code and translated message when not accepted
    QList<TradeInfo> trades;
};
using AckCallback = std::function<void(const Ack &)>;

/// A resting order as its owner sees it.
struct OrderInfo
{
    quint64 id = 0;
    QString symbol;
    Side side = Side::Buy;
    qint64 priceTicks = 0;
    qint64 remaining = 0;
    QString clientOrderId;
    QString user = {}; ///< who placed it (OrderRequest::user); empty when not recorded
};

/// What happened to one order, for its owner's private stream.
struct OrderEvent
{
    enum class Kind { Accepted, Filled, Cancelled, Replaced };
    Kind kind = Kind::Accepted;
    QString participant; ///< the order's owner
    OrderInfo order;     ///< as it stands after the event (remaining 0 when it left the book)
    QString reason;      ///< cancellations: "requested", "expired", "kill-switch", ...
};

/// One side of a trade, as its party sees it.
struct FillInfo
{
    TradeInfo trade;
    Side side = Side::Buy;
    QString counterparty;
    quint64 orderId = 0;
};

/// A listed instrument, as the market sees it.
struct InstrumentInfo
{
    QString symbol;
    QString productSymbol;
    catalogue::PeriodKind kind = catalogue::PeriodKind::Hour;
    qint64 deliveryStartSecs = 0;
    qint64 deliveryEndSecs = 0;
    qint64 lotSize = 1;
    qint64 priceIncrementTicks = 1;
    qint64 bandLowTicks = 0;
    qint64 bandHighTicks = 0;
    bool open = false;
};

struct CurvePoint
{
    QString symbol;
    catalogue::PeriodKind kind = catalogue::PeriodKind::Hour;
    qint64 startSecs = 0;
    qint64 lastPriceTicks = 0; ///< 0: no trade yet
    qint64 bestBidTicks = 0;
    qint64 bestAskTicks = 0;
};

/// One product's market at a glance: what the product browser lists beside its name.
struct ProductSummary
{
    QString productSymbol;
    qint64 spotTicks = 0;       ///< spot index now; 0 before the first trade
    qint64 spotBeforeTicks = 0; ///< spot index 24 hours ago (or at the first sample since); 0: none
    qint64 volume = 0;          ///< instance-hours traded in the last 24 hours, all periods
};

struct Depth
{
    quint64 eventSeq = 0;         ///< the engine event the book reflects
    std::vector<DepthLevel> bids; ///< best first
    std::vector<DepthLevel> asks;
};

/// The exchange service around the matching engine: it sequences commands (gap-free),
/// journals them, acknowledges each one after its commit, lists and rolls instruments from
/// the catalogue as time passes, and publishes market data as Qt signals. Lives in one
/// thread; every call and every callback happens there.
class Exchange final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QList<catalogue::Product> products; ///< listed products; empty: none
        catalogue::ListingHorizon horizon;
        qint64 bandLowTicks = 1;
        qint64 bandHighTicks = kMaxPrice;
        qint64 lotSize = 1;
        /// Commands between snapshots; 0: never. A snapshot stops the exchange thread while it
        /// serialises (about 130 ms per 100 MB of state), so this trades that pause against
        /// the replay on start (about 0.3 s per million commands).
        int snapshotEvery = 1'000'000;
        store::Journal::Options journal;
        /// How long after a contract's window end (or termination) the exchange waits for
        /// the site's final usage report before it settles on what was reported (estimated).
        qint64 settlementDeadlineSecs = 3600;
    };

    explicit Exchange(QObject *parent = nullptr);
    ~Exchange() override;

    /// Recovers from the journal at `journalPath` (snapshot, then the records after it) and
    /// starts journaling there. An empty path runs without a journal (acks come at once).
    Result<void> open(const QString &journalPath, const Config &config);

    void addParticipant(const ParticipantProfile &profile, AckCallback done = {});
    void setLimits(const QString &participant, const RiskLimits &limits, AckCallback done = {});
    void setKillSwitch(const QString &participant, bool blocked, AckCallback done = {});
    void submitOrder(const QString &participant, const OrderRequest &order, AckCallback done = {});
    void cancelOrder(const QString &participant, quint64 orderId, AckCallback done = {});
    /// What submitOrder() of `order` would fill now, and the resting quantity it would pass
    /// over by reason; nothing changes and nothing is journaled. Errors: what submitOrder()
    /// refuses before the engine (unknown participant or instrument, bad client id or
    /// requirement); the engine's refusals come in PreviewInfo::refusal.
    Result<PreviewInfo> preview(const QString &participant, const OrderRequest &order) const;
    void replaceOrder(const QString &participant, quint64 orderId, qint64 priceTicks, qint64 quantity,
                      AckCallback done = {});
    void terminateContract(quint64 contractId, AckCallback done = {});
    /// Registers (or re-registers) a site of `site.participant`, which must be a seller, for
    /// catalogue products; then assigns the seller's unassigned live contracts it covers.
    /// Refusals: auth.not-a-seller, auth.not-this-site (the id is another participant's),
    /// site.unknown-product, site.bad-endpoint.
    void registerSite(const SiteInfo &site, AckCallback done = {});
    /// Records the usage `site` measured for a contract (replacing its previous report) and
    /// settles the contract when the report is final and its window is over. Refusals:
    /// contract.unknown, auth.not-site-of-contract, usage.out-of-window, usage.over-volume,
    /// usage.bad-seconds, usage.bad-vm, usage.duplicate-hour, usage.settled.
    void reportUsage(quint64 contractId, const QString &site, bool final, const QList<UsageHourInfo> &hours,
                     AckCallback done = {});
    /// Journals a clock tick, then lists the periods that entered the horizon.
    void advanceClock(qint64 nowSecs);
    /// Ticks from `clock` every `intervalMs` (the clock is not owned).
    void startClock(const Clock *clock, int intervalMs);
    /// Writes a snapshot of the current state into the journal now.
    void writeSnapshot();
    /// Blocks until everything journaled so far is durable, then delivers pending acks.
    bool flush();

    quint64 lastSeq() const { return m_seq; }
    /// Commits and records of the journal since open (zeros without a journal).
    store::Journal::Stats journalStats() const
    {
        return m_journal ? m_journal->stats() : store::Journal::Stats{};
    }
    std::uint64_t stateHash() const { return m_engine.stateHash(); }
    const Engine &engine() const { return m_engine; }
    qint64 nowSecs() const { return m_engine.now(); }

    QStringList openSymbols() const;
    std::optional<ContractInfo> contract(quint64 id) const;
    /// The participant's resting orders, oldest first.
    QList<OrderInfo> openOrders(const QString &participant) const;
    /// The participant's trades, oldest first (from its contracts).
    QList<FillInfo> fills(const QString &participant) const;
    /// The public tape of an instrument, newest last, without parties; at most `limit`.
    QList<TradeInfo> recentTrades(const QString &symbol, int limit) const;
    /// Open instruments in listing order.
    QList<InstrumentInfo> instruments() const;
    QList<ContractInfo> contractsOf(const QString &participant) const;
    /// The participant's sites, by id.
    QList<SiteInfo> sitesOf(const QString &participant) const;
    std::optional<SiteInfo> site(const QString &id) const;
    /// The participant's settlements (as buyer or seller), by contract.
    QList<SettlementInfo> settlementsOf(const QString &participant) const;
    std::optional<SettlementInfo> settlement(quint64 contractId) const;
    /// The last usage report of a contract (empty before the first).
    QList<UsageHourInfo> usage(quint64 contractId) const;
    Depth depth(const QString &symbol, int levels) const;
    QList<Candle> candles(const QString &symbol, Resolution resolution) const;
    /// Spot index of a product symbol ("DE.GP2.SH.S1") in ticks; 0 before its first trade.
    qint64 spotIndex(const QString &productSymbol) const;
    /// The spot index of a product over [fromSecs, toSecs), one point per `stepSecs` (a
    /// multiple of a minute): the index at the end of each step that has a sample.
    QList<SpotSample> spotHistory(const QString &productSymbol, qint64 fromSecs, qint64 toSecs,
                                  qint64 stepSecs) const;
    QList<CurvePoint> forwardCurve(const QString &productSymbol) const;
    /// Every product that has a spot index or traded in the last 24 hours, in listing
    /// order; the volume counts hourly candles that began in that day.
    QList<ProductSummary> productSummaries() const;

    static QStringList jurisdictions();
    static QStringList certifications();
    static QStringList metadataPolicies();
    /// Translated sentence for a rejection reason.
    static QString messageFor(Reason reason);
    /// The public name of contract `id`, as certificates carry it: 42 -> "c-000042".
    static QString contractCode(quint64 id);
    /// The contract number in "c-000042"; nullopt for anything else.
    static std::optional<quint64> parseContractCode(QStringView code);

Q_SIGNALS:
    void tradeExecuted(const cloudex::market::TradeInfo &trade);
    /// An order was accepted, filled, cancelled or replaced; for its owner.
    void orderEvent(const cloudex::market::OrderEvent &event);
    void contractChanged(const cloudex::market::ContractInfo &contract);
    void siteRegistered(const cloudex::market::SiteInfo &site);
    void contractSettled(const cloudex::market::SettlementInfo &settlement);
    void instrumentListed(const QString &symbol);
    void instrumentClosed(const QString &symbol);
    void bookChanged(const QString &symbol);
    void spotIndexChanged(const QString &productSymbol, qint64 ticks);
    void committed(quint64 seq);
    /// The journal failed; the exchange accepts no more commands.
    void failed(const QString &message);

private:
    class Collector;
    /// An order event as the engine reported it; names and strings are made only when
    /// someone listens to orderEvent().
    struct RawOrderEvent
    {
        OrderEvent::Kind kind;
        OrderView order;
        CancelReason why;
    };
    struct Pending
    {
        quint64 seq = 0;
        AckCallback done;
        Ack ack;
        QList<ContractInfo> contracts;
        // Inline room for what an ordinary order brings, so most commands allocate nothing.
        QVarLengthArray<RawOrderEvent, 2> orderEvents;
        QVarLengthArray<InstrumentId, 2> touched;
        QList<QPair<InstrumentId, bool>> listings;
        QVarLengthArray<QPair<std::uint32_t, qint64>, 2> spots; ///< spot indexes as of this command
        QList<SiteInfo> sites;
        QList<SettlementInfo> settlements;
    };

    void execute(Command command, AckCallback done);
    /// The engine's command for `order`, or what submitOrder() refuses before the engine.
    Result<NewOrder> newOrderOf(const QString &participant, const OrderRequest &order) const;
    void refuse(const QString &code, const QString &message, const AckCallback &done);
    void release(quint64 durableSeq);
    void deliver(Pending &pending);
    void listDuePeriods();
    /// After a command: new contracts go to a site of their seller, terminated ones get
    /// their settlement deadline.
    void followContracts(const QList<ContractInfo> &changed, const QList<quint64> &created);
    /// The seller's site for a new contract of `product`: fewest live contracts of that
    /// product, ties by site id; empty when none serves it.
    std::string chooseSite(ParticipantId seller, const std::string &product) const;
    void assignSite(quint64 contractId, const std::string &site);
    /// Assigns every unassigned live contract that a registered site could serve.
    void assignUnassigned(const std::string &onlySite = {});
    void settle(quint64 contractId, bool estimated);
    void settleDue();
    void scheduleSettlement(const Contract &k);
    SiteInfo siteInfo(const Site &site) const;
    SettlementInfo settlementInfo(const Settlement &settlement) const;
    std::string productOf(const Contract &k) const;
    void rebuildNames();
    ContractInfo contractInfo(const Contract &k) const;
    OrderEvent orderEventOf(const RawOrderEvent &raw) const;
    std::optional<ParticipantId> participantId(const QString &name) const;
    std::optional<std::uint32_t> productIndex(const QString &productSymbol) const;
    std::uint32_t productIndexFor(const catalogue::Product &product);
    QString symbolOf(InstrumentId id) const { return id < m_symbols.size() ? m_symbols.at(id) : QString(); }
    QString nameOf(ParticipantId id) const { return id < m_names.size() ? m_names.at(id) : QString(); }

    Config m_config;
    QList<catalogue::Product> m_products; ///< by the engine's product index, in first-listing order
    std::unique_ptr<Collector> m_collector;
    Engine m_engine;
    std::unique_ptr<store::Journal> m_journal;
    Writer m_encoder; ///< reused for every command's journal record
    quint64 m_seq = 0;
    std::deque<Pending> m_pending;
    Pending *m_current = nullptr;
    QList<QString> m_symbols; ///< by instrument id
    QHash<QString, InstrumentId> m_instrumentIds;
    QList<QString> m_names; ///< by participant id
    QHash<QString, ParticipantId> m_participantIds;
    QHash<std::uint32_t, qint64> m_publishedSpot;
    qint64 m_listedThroughHour = -1;
    /// (deadline, contract) of contracts not yet settled, soonest first.
    std::priority_queue<std::pair<qint64, quint64>, std::vector<std::pair<qint64, quint64>>, std::greater<>>
        m_settlementDue;
    QTimer m_clockTimer;
    const Clock *m_clock = nullptr;
    bool m_failed = false;
    QString m_failure; ///< why the journal failed
};

} // namespace cloudex::market
