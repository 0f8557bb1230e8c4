#include "market/exchange.h"

#include <QCoreApplication>
#include <QMetaMethod>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <map>

namespace cloudex::market {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Market)
};

using catalogue::Catalogue;
using catalogue::DeliveryPeriod;
using catalogue::PeriodKind;

constexpr qint64 kSecsPerHour = 3600;
/// The exchange's standard contract terms; a new version applies to new listings only.
constexpr std::uint16_t kLegalTermsVersion = 1;

// Bit positions are part of the journal format: append only, never reorder.
const QStringList &jurisdictionTable()
{
    static const QStringList table = {
        QStringLiteral("DE"), QStringLiteral("FR"), QStringLiteral("NL"), QStringLiteral("IE"),
        QStringLiteral("SE"), QStringLiteral("FI"), QStringLiteral("IT"), QStringLiteral("ES"),
        QStringLiteral("PL"), QStringLiteral("AT"), QStringLiteral("BE"), QStringLiteral("DK"),
        QStringLiteral("CH"), QStringLiteral("GB"), QStringLiteral("US"), QStringLiteral("EU")};
    return table;
}

const QStringList &certificationTable()
{
    static const QStringList table = {QStringLiteral("ISO27001"), QStringLiteral("C5"),
                                      QStringLiteral("SOC2"),     QStringLiteral("ISO27017"),
                                      QStringLiteral("ISO27018"), QStringLiteral("TISAX"),
                                      QStringLiteral("PCI-DSS"),  QStringLiteral("HIPAA")};
    return table;
}

const QStringList &metadataPolicyTable()
{
    static const QStringList table = {QStringLiteral("standard"), QStringLiteral("eu-resident"),
                                      QStringLiteral("no-retention")};
    return table;
}

/// Bits of `names` in `table`; nullopt if one is unknown.
std::optional<std::uint64_t> maskOf(const QStringList &table, const QStringList &names)
{
    std::uint64_t mask = 0;
    for (const QString &name : names) {
        const qsizetype i = table.indexOf(name);
        if (i < 0)
            return std::nullopt;
        mask |= 1ull << i;
    }
    return mask;
}
} // namespace

/// Turns the engine's synchronous events into the pending result of the current command.
class Exchange::Collector final : public EngineListener
{
public:
    explicit Collector(Exchange *exchange)
        : m_x(exchange)
    {}

    void onAccept(std::uint64_t, const OrderView &o) override
    {
        if (Pending *p = m_x->m_current) {
            p->ack.orderId = o.id;
            p->touched.append(o.instrument);
            m_takerPrice = o.price;
            p->orderEvents.push_back({OrderEvent::Kind::Accepted, o, CancelReason::Requested});
        }
    }
    void onReject(std::uint64_t, Reason reason, OrderId order) override
    {
        if (Pending *p = m_x->m_current) {
            p->ack.accepted = false;
            p->ack.orderId = order;
            p->ack.error = Error{QString::fromLatin1(reasonCode(reason)), messageFor(reason)};
        }
    }
    void onDuplicate(std::uint64_t, OrderId original, Reason reason) override
    {
        if (Pending *p = m_x->m_current) {
            p->ack.duplicate = true;
            p->ack.orderId = original;
            if (reason != Reason::None) {
                p->ack.accepted = false;
                p->ack.error = Error{QString::fromLatin1(reasonCode(reason)), messageFor(reason)};
            }
        }
    }
    void onTrade(std::uint64_t seq, const Trade &t) override
    {
        if (Pending *p = m_x->m_current) {
            // The resting side traded at its own price; the incoming side is this command's order.
            const bool buyerTook = t.aggressor == Side::Buy;
            p->orderEvents.push_back({OrderEvent::Kind::Filled,
                                      OrderView{t.buyOrder,
                                                t.buyer,
                                                t.instrument,
                                                Side::Buy,
                                                buyerTook ? m_takerPrice : t.price,
                                                t.buyRemaining,
                                                {}},
                                      CancelReason::Requested});
            p->orderEvents.push_back({OrderEvent::Kind::Filled,
                                      OrderView{t.sellOrder,
                                                t.seller,
                                                t.instrument,
                                                Side::Sell,
                                                buyerTook ? t.price : m_takerPrice,
                                                t.sellRemaining,
                                                {}},
                                      CancelReason::Requested});
            p->ack.trades.append(TradeInfo{seq, t.id, m_x->symbolOf(t.instrument), m_x->nameOf(t.buyer),
                                           m_x->nameOf(t.seller), t.buyOrder, t.sellOrder, t.aggressor,
                                           t.price, t.quantity, t.time, t.contract});
        }
    }
    void onCancel(std::uint64_t, const OrderView &o, CancelReason why) override
    {
        if (Pending *p = m_x->m_current) {
            p->touched.append(o.instrument);
            p->orderEvents.push_back({OrderEvent::Kind::Cancelled, o, why});
        }
    }
    void onReplace(std::uint64_t, const OrderView &o, bool) override
    {
        if (Pending *p = m_x->m_current) {
            p->ack.orderId = o.id;
            p->touched.append(o.instrument);
            m_takerPrice = o.price;
            p->orderEvents.push_back({OrderEvent::Kind::Replaced, o, CancelReason::Requested});
        }
    }
    void onContract(std::uint64_t seq, const Contract &k) override
    {
        if (Pending *p = m_x->m_current) {
            p->contracts.append(m_x->contractInfo(k));
            p->contracts.last().eventSeq = seq;
        }
    }
    void onInstrument(std::uint64_t, InstrumentId id, bool open) override
    {
        if (Pending *p = m_x->m_current)
            p->listings.append({id, open});
    }

private:
    Exchange *m_x;
    Tick m_takerPrice = 0; ///< the current command's order: the incoming side of its trades
};

Exchange::Exchange(QObject *parent)
    : QObject(parent)
    , m_collector(std::make_unique<Collector>(this))
{
    m_engine.setListener(m_collector.get());
    m_symbols.append(QString()); // instrument id 0 is never used
    m_names.append(QString());
    connect(&m_clockTimer, &QTimer::timeout, this, [this] {
        // Only a new second is a journal record; an idle exchange writes one tick per second.
        if (m_clock && m_clock->nowMs() / 1000 > m_engine.now())
            advanceClock(m_clock->nowMs() / 1000);
    });
}

Exchange::~Exchange()
{
    // The journal drains its queue on destruction; nothing may call back into this object.
    if (m_journal) {
        m_journal->setCommitCallback({});
        m_journal->setErrorCallback({});
    }
}

QStringList Exchange::jurisdictions()
{
    return jurisdictionTable();
}

QStringList Exchange::certifications()
{
    return certificationTable();
}

QStringList Exchange::metadataPolicies()
{
    return metadataPolicyTable();
}

Result<void> Exchange::open(const QString &journalPath, const Config &config)
{
    m_config = config;
    if (journalPath.isEmpty())
        return {};
    Result<std::unique_ptr<store::Journal>> journal = store::Journal::open(journalPath, config.journal);
    if (!journal)
        return journal.error();

    // Recovery: the newest snapshot, then every record after it, without listeners.
    m_engine.setListener(nullptr);
    Result<std::optional<store::Journal::Snapshot>> snapshot = store::Journal::latestSnapshot(journalPath);
    if (!snapshot)
        return snapshot.error();
    quint64 seq = 0;
    if (snapshot.value()) {
        const store::Journal::Snapshot &snap = *snapshot.value();
        if (!m_engine.restore(snap.state))
            return Error{QStringLiteral("store.snapshot-corrupt"),
                         Tr::tr("The snapshot at sequence %1 cannot be restored: it holds a state the engine "
                                "never writes (a damaged file, or one from an incompatible version).")
                             .arg(snap.seq)};
        if (m_engine.stateHash() != snap.hash)
            return Error{QStringLiteral("store.snapshot-corrupt"),
                         Tr::tr("The snapshot at sequence %1 does not match its digest.").arg(snap.seq)};
        seq = snap.seq;
    }
    bool broken = false;
    std::uint64_t undecodable = 0;
    Result<std::uint64_t> replayed =
        store::Journal::replay(journalPath, seq, [&](std::uint64_t s, std::string_view payload) {
            // The journal has verified the record's checksum and chain link; the decoder sees
            // the raw payload.
            Reader in(payload);
            Command command;
            if (s != seq + 1 || !decode(in, command)) {
                broken = true;
                undecodable = s;
                return false;
            }
            m_engine.apply(command);
            seq = s;
            return true;
        });
    m_engine.setListener(m_collector.get());
    if (!replayed)
        return replayed.error();
    if (broken && undecodable == seq + 1)
        return Error{QStringLiteral("store.corrupt"),
                     Tr::tr("The journal %1 is damaged at sequence %2: the record does not decode.")
                         .arg(journalPath)
                         .arg(undecodable)};
    if (broken || seq != journal.value()->lastSeqAtOpen())
        return Error{QStringLiteral("store.gap"),
                     Tr::tr("The journal is not contiguous after sequence %1.").arg(seq)};
    m_seq = seq;
    rebuildNames();

    m_journal = std::move(journal.value());
    m_journal->setCommitCallback([this](std::uint64_t durable) {
        QMetaObject::invokeMethod(
            this, [this, durable] { release(durable); }, Qt::QueuedConnection);
    });
    m_journal->setErrorCallback([this](const QString &message) {
        QMetaObject::invokeMethod(
            this,
            [this, message] {
                m_failed = true;
                m_failure = message;
                // Commands after the last commit are not durable: their callers learn it
                // now, and no market data about them is published.
                const Error error{QStringLiteral("store.failed"), message};
                while (!m_pending.empty()) {
                    Pending pending = std::move(m_pending.front());
                    m_pending.pop_front();
                    if (pending.done) {
                        Ack ack;
                        ack.commandSeq = pending.seq;
                        ack.error = error;
                        pending.done(ack);
                    }
                }
                Q_EMIT failed(message);
            },
            Qt::QueuedConnection);
    });
    for (ContractId id = 1; id <= m_engine.contractCount(); ++id)
        scheduleSettlement(*m_engine.contract(id));
    // A crash between a trade and its assignment leaves the contract unassigned: assign now.
    assignUnassigned();
    return {};
}

void Exchange::rebuildNames()
{
    m_names = {QString()};
    m_participantIds.clear();
    for (ParticipantId id = 1; const Participant *p = m_engine.participant(id); ++id) {
        m_names.append(QString::fromStdString(p->name));
        m_participantIds.insert(m_names.constLast(), id);
    }
    m_symbols = {QString()};
    m_instrumentIds.clear();
    m_products.clear();
    for (InstrumentId id = 1; id < m_engine.instrumentCount(); ++id) {
        const Instrument *inst = m_engine.instrument(id);
        m_symbols.append(inst ? QString::fromStdString(inst->symbol) : QString());
        if (!inst)
            continue; // an id whose listing was refused
        m_instrumentIds.insert(m_symbols.constLast(), id);
        const qsizetype index = qsizetype(inst->terms.productIndex);
        if (index >= m_products.size())
            m_products.resize(index + 1);
        if (Result<catalogue::Instrument> parsed =
                Catalogue::standard().parseInstrument(m_symbols.constLast()))
            m_products[index] = parsed->product;
    }
    if (m_engine.now() > 0)
        m_listedThroughHour = m_engine.now() / kSecsPerHour;
}

void Exchange::refuse(const QString &code, const QString &message, const AckCallback &done)
{
    if (!done)
        return;
    Ack ack;
    ack.error = Error{code, message};
    QMetaObject::invokeMethod(
        this, [done, ack] { done(ack); }, Qt::QueuedConnection);
}

void Exchange::execute(Command command, AckCallback done)
{
    if (m_failed)
        return refuse(QStringLiteral("store.failed"),
                      Tr::tr("The exchange journal has failed (%1); no commands are accepted until "
                             "the exchange is restarted.")
                          .arg(m_failure),
                      done);
    Pending &pending = m_pending.emplace_back();
    pending.seq = ++m_seq;
    pending.done = std::move(done);
    pending.ack.commandSeq = pending.seq;
    pending.ack.accepted = true;
    m_current = &pending;
    // Names must exist before events of the command refer to them.
    if (const auto *add = std::get_if<AddParticipant>(&command)) {
        m_names.resize(std::max<qsizetype>(m_names.size(), add->participant + 1));
        m_names[add->participant] = QString::fromStdString(add->name);
    }
    m_engine.apply(command);
    m_current = nullptr;
    if (const auto *add = std::get_if<AddParticipant>(&command); add && pending.ack.accepted)
        m_participantIds.insert(QString::fromStdString(add->name), add->participant);
    if (const auto *reg = std::get_if<RegisterSite>(&command); reg && pending.ack.accepted)
        pending.sites.append(siteInfo(*m_engine.sites().find(reg->site)));
    if (const auto *settled = std::get_if<SettleContract>(&command); settled && pending.ack.accepted)
        pending.settlements.append(settlementInfo(*m_engine.sites().settlement(settled->contract)));

    // Spot indexes of the products this command touched, each once (a handful at most).
    auto noteSpot = [&](std::uint32_t product) {
        for (const auto &spot : std::as_const(pending.spots))
            if (spot.first == product)
                return;
        pending.spots.append({product, m_engine.marketData().spot(product)});
    };
    for (InstrumentId id : std::as_const(pending.touched))
        noteSpot(m_engine.instrument(id)->terms.productIndex);
    if (std::holds_alternative<ClockTick>(command))
        for (std::uint32_t p = 0; p < std::uint32_t(m_products.size()); ++p)
            noteSpot(p);

    if (!m_journal) {
        const quint64 seq = pending.seq;
        QMetaObject::invokeMethod(
            this, [this, seq] { release(seq); }, Qt::QueuedConnection);
    } else {
        m_encoder.clear();
        encode(command, m_encoder);
        m_journal->append(pending.seq, m_encoder.data());
        if (m_config.snapshotEvery > 0 && pending.seq % quint64(m_config.snapshotEvery) == 0)
            writeSnapshot();
    }

    // Contracts made or ended by this command: their own commands follow, journaled after it.
    if (!pending.contracts.isEmpty()) {
        QList<quint64> created;
        for (const TradeInfo &t : std::as_const(pending.ack.trades))
            created.append(t.contract);
        followContracts(pending.contracts, created);
    }
}

void Exchange::followContracts(const QList<ContractInfo> &changed, const QList<quint64> &created)
{
    for (const ContractInfo &info : changed) {
        const Contract *k = m_engine.contract(info.id);
        if (!k)
            continue;
        if (created.contains(info.id) || info.state == ContractState::Terminated)
            scheduleSettlement(*k);
        if (!created.contains(info.id) || m_engine.sites().all().empty())
            continue;
        const std::string site = chooseSite(k->seller, productOf(*k));
        if (!site.empty())
            assignSite(info.id, site);
    }
}

std::string Exchange::productOf(const Contract &k) const
{
    return m_products.value(qsizetype(k.terms.productIndex)).symbol().toStdString();
}

std::string Exchange::chooseSite(ParticipantId seller, const std::string &product) const
{
    const Site *best = nullptr;
    qsizetype bestCount = 0;
    for (const Site &site : m_engine.sites().all()) {
        if (site.participant != seller || !site.serves(product))
            continue;
        qsizetype count = 0;
        for (ContractId id : site.contracts) {
            const Contract *k = m_engine.contract(id);
            if ((k->state == ContractState::Scheduled || k->state == ContractState::Active) &&
                productOf(*k) == product)
                ++count;
        }
        if (!best || count < bestCount || (count == bestCount && site.id < best->id)) {
            best = &site;
            bestCount = count;
        }
    }
    return best ? best->id : std::string();
}

void Exchange::assignSite(quint64 contractId, const std::string &site)
{
    execute(AssignSite{contractId, site}, {});
}

void Exchange::assignUnassigned(const std::string &onlySite)
{
    if (m_engine.sites().all().empty())
        return;
    for (ContractId id = 1; id <= m_engine.contractCount(); ++id) {
        const Contract *k = m_engine.contract(id);
        if ((k->state != ContractState::Scheduled && k->state != ContractState::Active) ||
            m_engine.sites().siteOf(id))
            continue;
        const std::string product = productOf(*k);
        std::string site;
        if (onlySite.empty()) {
            site = chooseSite(k->seller, product);
        } else if (const Site *only = m_engine.sites().find(onlySite);
                   only && only->participant == k->seller && only->serves(product)) {
            site = onlySite;
        }
        if (!site.empty())
            assignSite(id, site);
    }
}

void Exchange::scheduleSettlement(const Contract &k)
{
    if (m_engine.sites().settlement(k.id))
        return;
    Secs end = k.end;
    if (k.state == ContractState::Terminated)
        end = std::min(end, k.terminatedAt);
    m_settlementDue.emplace(end + m_config.settlementDeadlineSecs, k.id);
}

void Exchange::settle(quint64 contractId, bool estimated)
{
    const Contract *k = m_engine.contract(contractId);
    if (!k || m_engine.sites().settlement(contractId))
        return;
    execute(computeSettlement(*k, m_engine.sites().usage(contractId), estimated), {});
}

void Exchange::settleDue()
{
    const qint64 now = m_engine.now();
    while (!m_settlementDue.empty() && m_settlementDue.top().first <= now && !m_failed) {
        const quint64 id = m_settlementDue.top().second;
        m_settlementDue.pop();
        const Contract *k = m_engine.contract(id);
        if (!k || k->state == ContractState::Scheduled || k->state == ContractState::Active)
            continue; // the clock has not closed it yet; a terminated one has its own entry
        settle(id, true);
    }
}

void Exchange::writeSnapshot()
{
    if (!m_journal)
        return;
    // One serialisation serves both: the digest is defined over the snapshot bytes.
    std::string state = m_engine.snapshot();
    const std::uint64_t hash = digest64(state);
    m_journal->appendSnapshot(m_seq, hash, std::move(state));
}

bool Exchange::flush()
{
    const bool ok = !m_journal || m_journal->flush();
    if (ok)
        release(m_seq);
    return ok;
}

void Exchange::release(quint64 durableSeq)
{
    while (!m_pending.empty() && m_pending.front().seq <= durableSeq) {
        Pending pending = std::move(m_pending.front());
        m_pending.pop_front();
        deliver(pending);
    }
}

void Exchange::deliver(Pending &pending)
{
    if (pending.done)
        pending.done(pending.ack);
    static const QMetaMethod orderEventSignal = QMetaMethod::fromSignal(&Exchange::orderEvent);
    if (isSignalConnected(orderEventSignal))
        for (const RawOrderEvent &raw : pending.orderEvents)
            Q_EMIT orderEvent(orderEventOf(raw));
    for (const TradeInfo &t : std::as_const(pending.ack.trades))
        Q_EMIT tradeExecuted(t);
    for (const ContractInfo &k : std::as_const(pending.contracts))
        Q_EMIT contractChanged(k);
    for (const SiteInfo &site : std::as_const(pending.sites))
        Q_EMIT siteRegistered(site);
    for (const SettlementInfo &settlement : std::as_const(pending.settlements))
        Q_EMIT contractSettled(settlement);
    for (const auto &[id, open] : std::as_const(pending.listings)) {
        if (open)
            Q_EMIT instrumentListed(symbolOf(id));
        else
            Q_EMIT instrumentClosed(symbolOf(id));
    }
    for (qsizetype i = 0; i < pending.touched.size(); ++i) {
        const InstrumentId id = pending.touched.at(i);
        if (std::find(pending.touched.cbegin(), pending.touched.cbegin() + i, id) ==
            pending.touched.cbegin() + i)
            Q_EMIT bookChanged(symbolOf(id));
    }
    for (const auto &[product, spot] : std::as_const(pending.spots)) {
        if (spot != 0 && m_publishedSpot.value(product) != spot) {
            m_publishedSpot.insert(product, spot);
            Q_EMIT spotIndexChanged(m_products.value(qsizetype(product)).symbol(), spot);
        }
    }
    Q_EMIT committed(pending.seq);
}

std::optional<ParticipantId> Exchange::participantId(const QString &name) const
{
    const auto it = m_participantIds.constFind(name);
    return it == m_participantIds.cend() ? std::nullopt : std::optional<ParticipantId>(*it);
}

std::optional<std::uint32_t> Exchange::productIndex(const QString &productSymbol) const
{
    for (qsizetype i = 0; i < m_products.size(); ++i)
        if (m_products.at(i).symbol() == productSymbol)
            return std::uint32_t(i);
    return std::nullopt;
}

std::uint32_t Exchange::productIndexFor(const catalogue::Product &product)
{
    const qsizetype i = m_products.indexOf(product);
    if (i >= 0)
        return std::uint32_t(i);
    m_products.append(product);
    return std::uint32_t(m_products.size() - 1);
}

void Exchange::addParticipant(const ParticipantProfile &profile, AckCallback done)
{
    if (profile.id.isEmpty() || m_participantIds.contains(profile.id))
        return refuse(QString::fromLatin1(reasonCode(Reason::DuplicateParticipant)),
                      messageFor(Reason::DuplicateParticipant), done);
    const std::optional<std::uint64_t> jurisdiction = maskOf(jurisdictionTable(), {profile.jurisdiction});
    const std::optional<std::uint64_t> certs = maskOf(certificationTable(), profile.certifications);
    const std::optional<std::uint64_t> policy = maskOf(metadataPolicyTable(), {profile.metadataPolicy});
    if (!jurisdiction || !certs || !policy)
        return refuse(QStringLiteral("participant.attribute"),
                      Tr::tr("Unknown jurisdiction, certification or metadata policy for participant %1.")
                          .arg(profile.id),
                      done);
    AddParticipant c;
    c.participant = ParticipantId(m_names.size());
    c.name = profile.id.toStdString();
    c.role = profile.role;
    c.jurisdictionBit = *jurisdiction;
    c.certifications = std::uint32_t(*certs);
    c.metadataPolicyBit = std::uint32_t(*policy);
    c.maxOrderQuantity = profile.limits.maxOrderQuantity;
    c.maxOpenNotional = profile.limits.maxOpenNotional;
    c.credit = profile.limits.credit;
    execute(std::move(c), std::move(done));
}

void Exchange::setLimits(const QString &participant, const RiskLimits &limits, AckCallback done)
{
    const std::optional<ParticipantId> id = participantId(participant);
    if (!id)
        return refuse(QString::fromLatin1(reasonCode(Reason::UnknownParticipant)),
                      messageFor(Reason::UnknownParticipant), done);
    SetLimits c;
    c.participant = *id;
    c.maxOrderQuantity = limits.maxOrderQuantity;
    c.maxOpenNotional = limits.maxOpenNotional;
    c.credit = limits.credit;
    for (const QString &buyer : limits.allowedBuyers) {
        const std::optional<ParticipantId> b = participantId(buyer);
        if (!b)
            return refuse(QString::fromLatin1(reasonCode(Reason::UnknownParticipant)),
                          messageFor(Reason::UnknownParticipant), done);
        c.allowedBuyers.push_back(*b);
    }
    execute(std::move(c), std::move(done));
}

void Exchange::setKillSwitch(const QString &participant, bool blocked, AckCallback done)
{
    const std::optional<ParticipantId> id = participantId(participant);
    if (!id)
        return refuse(QString::fromLatin1(reasonCode(Reason::UnknownParticipant)),
                      messageFor(Reason::UnknownParticipant), done);
    execute(SetKillSwitch{*id, blocked}, std::move(done));
}

Result<NewOrder> Exchange::newOrderOf(const QString &participant, const OrderRequest &order) const
{
    const std::optional<ParticipantId> id = participantId(participant);
    if (!id)
        return Error{QString::fromLatin1(reasonCode(Reason::UnknownParticipant)),
                     messageFor(Reason::UnknownParticipant)};
    const auto instrument = m_instrumentIds.constFind(order.symbol);
    if (instrument == m_instrumentIds.cend())
        return Error{QString::fromLatin1(reasonCode(Reason::UnknownInstrument)),
                     messageFor(Reason::UnknownInstrument)};
    // The id's UTF-8 bytes are kept exactly: two ids are the same only when their bytes are.
    const QByteArray clientId = order.clientOrderId.toUtf8();
    const bool control = std::any_of(order.clientOrderId.cbegin(), order.clientOrderId.cend(),
                                     [](QChar c) { return c.category() == QChar::Other_Control; });
    if (clientId.size() > qsizetype(ClientOrderId::kMaxLength) || control ||
        !order.clientOrderId.isValidUtf16())
        return Error{QStringLiteral("order.bad-client-id"),
                     Tr::tr("A client order id has at most %1 bytes of UTF-8 and no control characters.")
                         .arg(ClientOrderId::kMaxLength)};
    const std::optional<std::uint64_t> jurisdictions =
        maskOf(jurisdictionTable(), order.requirements.jurisdictions);
    const std::optional<std::uint64_t> certs =
        maskOf(certificationTable(), order.requirements.certifications);
    const std::optional<std::uint64_t> policies =
        maskOf(metadataPolicyTable(), order.requirements.metadataPolicies);
    if (!jurisdictions || !certs || !policies)
        return Error{QStringLiteral("order.bad-requirement"),
                     Tr::tr("The order names an unknown jurisdiction, certification or metadata policy.")};
    NewOrder c;
    c.participant = *id;
    c.instrument = *instrument;
    c.side = order.side;
    c.type = order.type;
    c.tif = order.timeInForce;
    c.postOnly = order.postOnly;
    c.price = order.priceTicks;
    c.quantity = order.quantity;
    c.expiry = order.expirySecs;
    c.clientId = ClientOrderId::from(std::string_view(clientId.constData(), std::size_t(clientId.size())));
    c.counterparty = Eligibility{*jurisdictions, std::uint32_t(*certs), std::uint32_t(*policies)};
    c.user = order.user.toStdString();
    return c;
}

void Exchange::submitOrder(const QString &participant, const OrderRequest &order, AckCallback done)
{
    Result<NewOrder> c = newOrderOf(participant, order);
    if (!c)
        return refuse(c.error().code, c.error().message, done);
    execute(std::move(c.value()), std::move(done));
}

Result<PreviewInfo> Exchange::preview(const QString &participant, const OrderRequest &order) const
{
    const Result<NewOrder> c = newOrderOf(participant, order);
    if (!c)
        return c.error();
    const Preview p = m_engine.preview(c.value());
    PreviewInfo info;
    info.symbol = order.symbol;
    info.timeSecs = m_engine.now();
    info.quantity = order.quantity;
    info.fillQuantity = p.filled;
    info.averagePriceTicks = p.averagePrice();
    info.worstPriceTicks = p.worstPrice;
    info.notional = p.notional;
    for (std::size_t r = 1; r < std::size_t(SkipReason::Count); ++r)
        if (p.skipped[r] > 0)
            info.skipped.append({QString::fromLatin1(skipReasonCode(SkipReason(r))), p.skipped[r]});
    if (p.refusal != Reason::None)
        info.refusal = Error{QString::fromLatin1(reasonCode(p.refusal)), messageFor(p.refusal)};
    return info;
}

void Exchange::cancelOrder(const QString &participant, quint64 orderId, AckCallback done)
{
    const std::optional<ParticipantId> id = participantId(participant);
    if (!id)
        return refuse(QString::fromLatin1(reasonCode(Reason::UnknownParticipant)),
                      messageFor(Reason::UnknownParticipant), done);
    execute(CancelOrder{*id, orderId}, std::move(done));
}

void Exchange::replaceOrder(const QString &participant, quint64 orderId, qint64 priceTicks, qint64 quantity,
                            AckCallback done)
{
    const std::optional<ParticipantId> id = participantId(participant);
    if (!id)
        return refuse(QString::fromLatin1(reasonCode(Reason::UnknownParticipant)),
                      messageFor(Reason::UnknownParticipant), done);
    execute(ReplaceOrder{*id, orderId, priceTicks, quantity}, std::move(done));
}

void Exchange::terminateContract(quint64 contractId, AckCallback done)
{
    execute(TerminateContract{contractId}, std::move(done));
}

void Exchange::advanceClock(qint64 nowSecs)
{
    execute(ClockTick{nowSecs}, {});
    listDuePeriods();
    settleDue();
}

void Exchange::startClock(const Clock *clock, int intervalMs)
{
    m_clock = clock;
    advanceClock(clock->nowMs() / 1000);
    m_clockTimer.start(intervalMs);
}

void Exchange::listDuePeriods()
{
    // Listings change only when an hour starts; everything else is a lookup.
    const qint64 hour = m_engine.now() / kSecsPerHour;
    if (hour == m_listedThroughHour)
        return;
    m_listedThroughHour = hour;
    const QList<DeliveryPeriod> periods = catalogue::listedPeriods(m_config.horizon, m_engine.now());
    for (const catalogue::Product &product : std::as_const(m_config.products)) {
        const catalogue::SlaTerms &sla = catalogue::slaTerms(product.sla);
        for (const DeliveryPeriod &period : periods) {
            const QString symbol = catalogue::Instrument{product, period}.symbol();
            if (m_instrumentIds.contains(symbol))
                continue;
            ListInstrument c;
            c.instrument = InstrumentId(m_symbols.size());
            c.symbol = symbol.toStdString();
            c.terms.productIndex = productIndexFor(product);
            c.terms.slaClass = std::uint8_t(product.sla);
            c.terms.availabilityBasisPoints = sla.availabilityBasisPoints;
            c.terms.supportResponseMinutes = sla.supportResponseMinutes;
            c.terms.nextBusinessDaySupport = sla.nextBusinessDaySupport;
            for (qsizetype i = 0; i < std::min<qsizetype>(sla.credits.size(), Terms::kMaxCreditSteps); ++i)
                c.terms.credits[std::size_t(i)] =
                    CreditStep{sla.credits.at(i).belowBasisPoints, sla.credits.at(i).creditPercent};
            c.terms.legalTermsVersion = kLegalTermsVersion;
            c.periodKind = std::uint8_t(period.kind());
            c.deliveryStart = period.startSecs();
            c.deliveryEnd = period.endSecs();
            c.lotSize = m_config.lotSize;
            c.bandLow = m_config.bandLowTicks;
            c.bandHigh = m_config.bandHighTicks;
            m_symbols.append(symbol);
            m_instrumentIds.insert(symbol, c.instrument);
            execute(c, {});
        }
    }
}

OrderEvent Exchange::orderEventOf(const RawOrderEvent &raw) const
{
    const OrderView &o = raw.order;
    const std::string_view clientId = o.clientId.view();
    OrderEvent e{raw.kind,
                 nameOf(o.participant),
                 OrderInfo{o.id, symbolOf(o.instrument), o.side, o.price, o.remaining,
                           QString::fromUtf8(clientId.data(), qsizetype(clientId.size()))},
                 {}};
    if (raw.kind == OrderEvent::Kind::Cancelled)
        e.reason = QString::fromLatin1(cancelReasonCode(raw.why));
    return e;
}

ContractInfo Exchange::contractInfo(const Contract &k) const
{
    ContractInfo info;
    info.id = k.id;
    info.trade = k.trade;
    info.symbol = symbolOf(k.instrument);
    const catalogue::Product product = m_products.value(qsizetype(k.terms.productIndex));
    info.productSymbol = product.symbol();
    info.buyer = nameOf(k.buyer);
    info.seller = nameOf(k.seller);
    info.quantity = k.quantity;
    info.priceTicks = k.price;
    info.startSecs = k.start;
    info.endSecs = k.end;
    info.state = k.state;
    info.sla.slaClass = catalogue::SlaClass(k.terms.slaClass);
    info.sla.availabilityBasisPoints = k.terms.availabilityBasisPoints;
    info.sla.supportResponseMinutes = k.terms.supportResponseMinutes;
    info.sla.nextBusinessDaySupport = k.terms.nextBusinessDaySupport;
    for (const CreditStep &step : k.terms.credits)
        if (step.belowBasisPoints != 0)
            info.sla.credits.append(catalogue::ServiceCredit{step.belowBasisPoints, step.creditPercent});
    if (const catalogue::Region *r = Catalogue::standard().findRegion(product.regionCode))
        info.governingLaw = r->jurisdiction;
    info.legalTermsVersion = k.terms.legalTermsVersion;
    if (k.state == ContractState::Terminated)
        info.terminatedAtSecs = k.terminatedAt;
    if (const Site *site = m_engine.sites().siteOf(k.id)) {
        info.siteId = QString::fromStdString(site->id);
        info.siteName = QString::fromStdString(site->name);
        info.siteEndpoint = QString::fromStdString(site->endpoint);
    }
    return info;
}

SiteInfo Exchange::siteInfo(const Site &site) const
{
    SiteInfo info;
    info.id = QString::fromStdString(site.id);
    info.participant = nameOf(site.participant);
    info.name = QString::fromStdString(site.name);
    info.endpoint = QString::fromStdString(site.endpoint);
    for (const std::string &product : site.products)
        info.products.append(QString::fromStdString(product));
    info.registeredSecs = site.registered;
    return info;
}

SettlementInfo Exchange::settlementInfo(const Settlement &s) const
{
    SettlementInfo info;
    info.contract = s.contract;
    if (const Contract *k = m_engine.contract(s.contract)) {
        info.buyer = nameOf(k->buyer);
        info.seller = nameOf(k->seller);
        info.quantity = k->quantity;
        info.priceTicks = k->price;
    }
    info.estimated = s.estimated;
    info.seconds = s.seconds;
    info.gross = s.gross;
    info.availabilityBasisPoints = s.availabilityBasisPoints;
    info.creditPercent = s.creditPercent;
    info.credit = s.credit;
    info.net = s.net;
    info.settledAtSecs = s.settled;
    return info;
}

QList<SiteInfo> Exchange::sitesOf(const QString &participant) const
{
    QList<SiteInfo> out;
    const std::optional<ParticipantId> id = participantId(participant);
    if (!id)
        return out;
    for (const Site &site : m_engine.sites().all())
        if (site.participant == *id)
            out.append(siteInfo(site));
    std::sort(out.begin(), out.end(), [](const SiteInfo &a, const SiteInfo &b) { return a.id < b.id; });
    return out;
}

std::optional<SiteInfo> Exchange::site(const QString &id) const
{
    const Site *site = m_engine.sites().find(id.toStdString());
    return site ? std::optional<SiteInfo>(siteInfo(*site)) : std::nullopt;
}

QList<SettlementInfo> Exchange::settlementsOf(const QString &participant) const
{
    QList<SettlementInfo> out;
    const std::optional<ParticipantId> id = participantId(participant);
    if (!id)
        return out;
    for (const auto &[contract, settlement] : m_engine.sites().settlements()) {
        const Contract *k = m_engine.contract(contract);
        if (k && (k->buyer == *id || k->seller == *id))
            out.append(settlementInfo(settlement));
    }
    return out;
}

std::optional<SettlementInfo> Exchange::settlement(quint64 contractId) const
{
    const Settlement *s = m_engine.sites().settlement(contractId);
    return s ? std::optional<SettlementInfo>(settlementInfo(*s)) : std::nullopt;
}

QList<UsageHourInfo> Exchange::usage(quint64 contractId) const
{
    QList<UsageHourInfo> out;
    if (const UsageReportState *report = m_engine.sites().usage(contractId))
        for (const UsageHour &h : report->hours)
            out.append(UsageHourInfo{h.start, QString::fromStdString(h.vm), h.instanceSeconds,
                                     h.expectedSeconds, h.availableSeconds});
    return out;
}

void Exchange::registerSite(const SiteInfo &site, AckCallback done)
{
    const std::optional<ParticipantId> id = participantId(site.participant);
    const Participant *p = id ? m_engine.participant(*id) : nullptr;
    if (!p)
        return refuse(QString::fromLatin1(reasonCode(Reason::UnknownParticipant)),
                      messageFor(Reason::UnknownParticipant), done);
    if ((std::uint8_t(p->role) & std::uint8_t(Role::Seller)) == 0)
        return refuse(QStringLiteral("auth.not-a-seller"),
                      Tr::tr("Participant %1 may not sell, so it has no sites.").arg(site.participant), done);
    const std::string siteId = site.id.toStdString();
    if (const Site *existing = m_engine.sites().find(siteId); existing && existing->participant != *id)
        return refuse(QStringLiteral("auth.not-this-site"),
                      Tr::tr("Site %1 belongs to another participant.").arg(site.id), done);
    if (site.id.isEmpty() || site.endpoint.isEmpty())
        return refuse(QStringLiteral("site.bad-endpoint"), Tr::tr("A site needs an id and an endpoint."),
                      done);
    RegisterSite c;
    c.participant = *id;
    c.site = siteId;
    c.name = site.name.toStdString();
    c.endpoint = site.endpoint.toStdString();
    for (const QString &product : site.products) {
        const Result<catalogue::Product> parsed = Catalogue::standard().parseProduct(product);
        if (!parsed || parsed->symbol() != product)
            return refuse(QStringLiteral("site.unknown-product"),
                          Tr::tr("%1 is not a product of the catalogue.").arg(product), done);
        c.products.push_back(product.toStdString());
    }
    std::sort(c.products.begin(), c.products.end());
    c.products.erase(std::unique(c.products.begin(), c.products.end()), c.products.end());
    execute(std::move(c), std::move(done));
    assignUnassigned(siteId);
}

void Exchange::reportUsage(quint64 contractId, const QString &site, bool final,
                           const QList<UsageHourInfo> &hours, AckCallback done)
{
    constexpr qint64 kHour = 3600;
    const Contract *k = m_engine.contract(contractId);
    if (!k)
        return refuse(QStringLiteral("contract.unknown"), messageFor(Reason::UnknownContract), done);
    const Site *holder = m_engine.sites().siteOf(contractId);
    if (!holder || holder->id != site.toStdString())
        return refuse(QStringLiteral("auth.not-site-of-contract"),
                      Tr::tr("Site %1 does not hold contract %2.").arg(site, contractCode(contractId)), done);
    if (m_engine.sites().settlement(contractId))
        return refuse(QStringLiteral("usage.settled"),
                      Tr::tr("Contract %1 is settled; its usage is final.").arg(contractCode(contractId)),
                      done);
    static const QRegularExpression vmName(QStringLiteral("^[a-z0-9][a-z0-9-]{0,31}$"));
    ReportUsage c;
    c.contract = contractId;
    c.final = final;
    std::map<qint64, std::pair<qint64, qint64>> perHour; // start -> (instance, expected) seconds
    QSet<QPair<qint64, QString>> seen;
    for (const UsageHourInfo &h : hours) {
        if (!vmName.match(h.vm).hasMatch())
            return refuse(QStringLiteral("usage.bad-vm"),
                          Tr::tr("\"%1\" is not a VM name ([a-z0-9][a-z0-9-]{0,31}).").arg(h.vm), done);
        if (h.startSecs < k->start || h.startSecs >= k->end || (h.startSecs - k->start) % kHour != 0)
            return refuse(
                QStringLiteral("usage.out-of-window"),
                Tr::tr("The hour starting at %1 is not an hour of the contract's window.").arg(h.startSecs),
                done);
        for (const qint64 seconds : {h.instanceSeconds, h.expectedSeconds, h.availableSeconds})
            if (seconds < 0 || seconds > kHour)
                return refuse(QStringLiteral("usage.bad-seconds"),
                              Tr::tr("Seconds per VM and hour lie between 0 and 3600."), done);
        if (h.availableSeconds > h.expectedSeconds)
            return refuse(QStringLiteral("usage.bad-seconds"),
                          Tr::tr("A VM cannot be available longer than it was expected to run."), done);
        if (seen.contains({h.startSecs, h.vm}))
            return refuse(
                QStringLiteral("usage.duplicate-hour"),
                Tr::tr("VM %1 appears twice for the hour starting at %2.").arg(h.vm).arg(h.startSecs), done);
        seen.insert({h.startSecs, h.vm});
        auto &sums = perHour[h.startSecs];
        sums.first += h.instanceSeconds;
        sums.second += h.expectedSeconds;
        if (sums.first > k->quantity * kHour || sums.second > k->quantity * kHour)
            return refuse(QStringLiteral("usage.over-volume"),
                          Tr::tr("The hour starting at %1 has more VM time than the contract's %2 instances.")
                              .arg(h.startSecs)
                              .arg(k->quantity),
                          done);
        c.hours.push_back(UsageHour{h.startSecs, h.vm.toStdString(), h.instanceSeconds, h.expectedSeconds,
                                    h.availableSeconds});
    }
    execute(std::move(c), std::move(done));
    // The final report after the window (or the termination) settles the contract at once.
    const Contract *after = m_engine.contract(contractId);
    if (final && after->state != ContractState::Scheduled && after->state != ContractState::Active)
        settle(contractId, false);
}

QStringList Exchange::openSymbols() const
{
    QStringList out;
    for (InstrumentId id = 1; id < m_engine.instrumentCount(); ++id)
        if (m_engine.instrument(id)->open)
            out.append(symbolOf(id));
    return out;
}

QList<OrderInfo> Exchange::openOrders(const QString &participant) const
{
    QList<OrderInfo> out;
    const std::optional<ParticipantId> id = participantId(participant);
    if (!id)
        return out;
    for (const OrderView &o : m_engine.ordersOf(*id)) {
        const std::string_view clientId = o.clientId.view();
        const std::string_view user = m_engine.userOf(o.id);
        out.append(OrderInfo{o.id, symbolOf(o.instrument), o.side, o.price, o.remaining,
                             QString::fromUtf8(clientId.data(), qsizetype(clientId.size())),
                             QString::fromUtf8(user.data(), qsizetype(user.size()))});
    }
    return out;
}

QList<FillInfo> Exchange::fills(const QString &participant) const
{
    QList<FillInfo> out;
    const std::optional<ParticipantId> id = participantId(participant);
    if (!id)
        return out;
    for (ContractId n = 1; n <= m_engine.contractCount(); ++n) {
        const Contract *k = m_engine.contract(n);
        if (k->buyer != *id && k->seller != *id)
            continue;
        const bool bought = k->buyer == *id;
        const TradeInfo trade{k->tradeSeq,      k->trade,          symbolOf(k->instrument),
                              nameOf(k->buyer), nameOf(k->seller), k->buyOrder,
                              k->sellOrder,     k->aggressor,      k->price,
                              k->quantity,      k->tradeTime,      k->id};
        out.append(FillInfo{trade, bought ? Side::Buy : Side::Sell, nameOf(bought ? k->seller : k->buyer),
                            bought ? k->buyOrder : k->sellOrder});
    }
    return out;
}

QList<TradeInfo> Exchange::recentTrades(const QString &symbol, int limit) const
{
    QList<TradeInfo> out;
    const InstrumentId id = m_instrumentIds.value(symbol);
    const std::deque<TapeEntry> *tape = id ? m_engine.marketData().tape(id) : nullptr;
    if (!tape)
        return out;
    const std::size_t first =
        tape->size() > std::size_t(std::max(limit, 0)) ? tape->size() - std::size_t(limit) : 0;
    for (std::size_t i = first; i < tape->size(); ++i) {
        const TapeEntry &t = (*tape)[i];
        TradeInfo info;
        info.eventSeq = t.eventSeq;
        info.id = t.id;
        info.symbol = symbol;
        info.aggressor = t.aggressor;
        info.priceTicks = t.price;
        info.quantity = t.quantity;
        info.timeSecs = t.time;
        out.append(info);
    }
    return out;
}

QList<InstrumentInfo> Exchange::instruments() const
{
    QList<InstrumentInfo> out;
    for (InstrumentId id = 1; id < m_engine.instrumentCount(); ++id) {
        const Instrument *inst = m_engine.instrument(id);
        if (!inst || !inst->open)
            continue;
        out.append(InstrumentInfo{symbolOf(id),
                                  m_products.value(qsizetype(inst->terms.productIndex)).symbol(),
                                  PeriodKind(inst->periodKind), inst->deliveryStart, inst->deliveryEnd,
                                  inst->lotSize, inst->priceIncrement, inst->bandLow, inst->bandHigh, true});
    }
    return out;
}

std::optional<ContractInfo> Exchange::contract(quint64 id) const
{
    const Contract *k = m_engine.contract(id);
    return k ? std::optional<ContractInfo>(contractInfo(*k)) : std::nullopt;
}

QList<ContractInfo> Exchange::contractsOf(const QString &participant) const
{
    QList<ContractInfo> out;
    const std::optional<ParticipantId> id = participantId(participant);
    if (!id)
        return out;
    for (ContractId k = 1; k <= m_engine.contractCount(); ++k) {
        const Contract *c = m_engine.contract(k);
        if (c->buyer == *id || c->seller == *id)
            out.append(contractInfo(*c));
    }
    return out;
}

Depth Exchange::depth(const QString &symbol, int levels) const
{
    const InstrumentId id = m_instrumentIds.value(symbol);
    return Depth{m_engine.eventSeq(), m_engine.depth(id, Side::Buy, std::size_t(levels)),
                 m_engine.depth(id, Side::Sell, std::size_t(levels))};
}

QList<Candle> Exchange::candles(const QString &symbol, Resolution resolution) const
{
    QList<Candle> out;
    if (const auto *series = m_engine.marketData().candles(m_instrumentIds.value(symbol), resolution))
        out = QList<Candle>(series->begin(), series->end());
    return out;
}

qint64 Exchange::spotIndex(const QString &productSymbol) const
{
    const std::optional<std::uint32_t> index = productIndex(productSymbol);
    return index ? m_engine.marketData().spot(*index) : 0;
}

QList<SpotSample> Exchange::spotHistory(const QString &productSymbol, qint64 fromSecs, qint64 toSecs,
                                        qint64 stepSecs) const
{
    QList<SpotSample> out;
    const std::optional<std::uint32_t> index = productIndex(productSymbol);
    const std::deque<SpotSample> *history = index ? m_engine.marketData().spotHistory(*index) : nullptr;
    if (!history || stepSecs <= 0)
        return out;
    const auto first = std::lower_bound(history->cbegin(), history->cend(), fromSecs,
                                        [](const SpotSample &s, qint64 t) { return s.minute < t; });
    for (auto it = first; it != history->cend() && it->minute < toSecs; ++it) {
        const qint64 bucket = it->minute - it->minute % stepSecs;
        if (!out.isEmpty() && out.last().minute == bucket)
            out.last().price = it->price;
        else
            out.append({bucket, it->price});
    }
    return out;
}

QList<ProductSummary> Exchange::productSummaries() const
{
    constexpr qint64 kDay = 24 * 3600;
    const qint64 now = m_engine.now();
    const MarketData &data = m_engine.marketData();
    std::vector<ProductSummary> byProduct(std::size_t(m_products.size()));
    for (InstrumentId id = 1; id < m_engine.instrumentCount(); ++id) {
        const Instrument *inst = m_engine.instrument(id);
        const std::deque<Candle> *hours = data.candles(id, Resolution::Hour1);
        if (!hours || inst->terms.productIndex >= byProduct.size())
            continue;
        ProductSummary &summary = byProduct[inst->terms.productIndex];
        // Newest last: walk back over the day.
        for (auto it = hours->crbegin(); it != hours->crend() && it->start + kDay > now; ++it)
            summary.volume += it->volume;
    }
    QList<ProductSummary> out;
    for (std::uint32_t p = 0; p < std::uint32_t(byProduct.size()); ++p) {
        ProductSummary &summary = byProduct[p];
        summary.spotTicks = data.spot(p);
        if (const std::deque<SpotSample> *history = data.spotHistory(p); history && !history->empty()) {
            // The last sample at or before a day ago; a younger product compares with its first.
            const auto after = std::upper_bound(history->cbegin(), history->cend(), now - kDay,
                                                [](qint64 t, const SpotSample &s) { return t < s.minute; });
            summary.spotBeforeTicks =
                after == history->cbegin() ? history->front().price : std::prev(after)->price;
        }
        if (summary.spotTicks == 0 && summary.volume == 0)
            continue;
        summary.productSymbol = m_products.at(p).symbol();
        out.append(summary);
    }
    return out;
}

QList<CurvePoint> Exchange::forwardCurve(const QString &productSymbol) const
{
    QList<CurvePoint> out;
    const std::optional<std::uint32_t> index = productIndex(productSymbol);
    if (!index)
        return out;
    for (InstrumentId id = 1; id < m_engine.instrumentCount(); ++id) {
        const Instrument *inst = m_engine.instrument(id);
        if (!inst->open || inst->terms.productIndex != *index)
            continue;
        const std::vector<DepthLevel> bid = m_engine.depth(id, Side::Buy, 1);
        const std::vector<DepthLevel> ask = m_engine.depth(id, Side::Sell, 1);
        out.append(CurvePoint{symbolOf(id), PeriodKind(inst->periodKind), inst->deliveryStart,
                              inst->lastPrice, bid.empty() ? 0 : bid.front().price,
                              ask.empty() ? 0 : ask.front().price});
    }
    std::sort(out.begin(), out.end(), [](const CurvePoint &a, const CurvePoint &b) {
        return a.kind != b.kind ? a.kind < b.kind : a.startSecs < b.startSecs;
    });
    return out;
}

QString Exchange::contractCode(quint64 id)
{
    constexpr int kDigits = 6;
    return QStringLiteral("c-%1").arg(id, kDigits, 10, QLatin1Char('0'));
}

std::optional<quint64> Exchange::parseContractCode(QStringView code)
{
    if (!code.startsWith(u"c-") || code.size() < 3)
        return std::nullopt;
    const QStringView digits = code.mid(2);
    for (QChar c : digits)
        if (!c.isDigit())
            return std::nullopt;
    bool ok = false;
    const quint64 id = digits.toULongLong(&ok);
    // One spelling per contract: "c-42" and "c-0000042" do not name contract 42.
    if (!ok || id == 0 || contractCode(id) != code)
        return std::nullopt;
    return id;
}

QString Exchange::messageFor(Reason reason)
{
    switch (reason) {
    case Reason::None:
        return {};
    case Reason::UnknownParticipant:
        return Tr::tr("The participant is not known to the exchange.");
    case Reason::DuplicateParticipant:
        return Tr::tr("A participant with this id already exists.");
    case Reason::ParticipantBlocked:
        return Tr::tr("The participant is blocked by its kill switch.");
    case Reason::RoleNotAllowed:
        return Tr::tr("The participant's role does not allow this side.");
    case Reason::UnknownInstrument:
        return Tr::tr("The instrument is not listed.");
    case Reason::DuplicateInstrument:
        return Tr::tr("The instrument is already listed.");
    case Reason::InstrumentClosed:
        return Tr::tr("The instrument is closed: its delivery has started.");
    case Reason::BadInstrument:
        return Tr::tr("The instrument definition is invalid.");
    case Reason::BadQuantity:
        return Tr::tr("The quantity must be a positive number of instances within the exchange maximum.");
    case Reason::BadPrice:
        return Tr::tr("The price must be positive.");
    case Reason::PriceOffTick:
        return Tr::tr("The price is not a multiple of the instrument's price increment.");
    case Reason::PriceOutsideBand:
        return Tr::tr("The price is outside the instrument's price band.");
    case Reason::BadLot:
        return Tr::tr("The quantity is not a multiple of the lot size.");
    case Reason::BadExpiry:
        return Tr::tr("A good-till-date order needs an expiry in the future.");
    case Reason::InvalidOrderType:
        return Tr::tr("Post-only applies to resting limit orders only.");
    case Reason::OverMaxOrderSize:
        return Tr::tr("The order is larger than the participant's maximum order size.");
    case Reason::OverOpenNotional:
        return Tr::tr("The order would exceed the participant's open notional limit.");
    case Reason::OverCredit:
        return Tr::tr("The order would exceed the participant's credit.");
    case Reason::DuplicateClientOrderId:
        return Tr::tr("The client order id was used before for a different order.");
    case Reason::UnknownOrder:
        return Tr::tr("The order is not on the book.");
    case Reason::NotOrderOwner:
        return Tr::tr("The order belongs to another participant.");
    case Reason::PostOnlyWouldCross:
        return Tr::tr("The post-only order would trade immediately.");
    case Reason::FillOrKillNotFilled:
        return Tr::tr("The fill-or-kill order cannot be filled completely.");
    case Reason::ClockBackwards:
        return Tr::tr("Exchange time cannot go backwards.");
    case Reason::UnknownContract:
        return Tr::tr("The contract does not exist.");
    case Reason::ContractNotTerminable:
        return Tr::tr("The contract has already ended.");
    case Reason::Count:
        break;
    }
    return Tr::tr("Rejected.");
}

} // namespace cloudex::market
