#include "desk/demobuyer.h"

#include "desk/contractwallet.h"
#include "desk/exchangeclient.h"
#include "desk/marketsession.h"
#include "desk/siteclient.h"
#include "desk/sitefleet.h"

#include <QDateTime>
#include <QTimer>

#include <memory>

namespace cloudex::desk {

DemoBuyer::DemoBuyer(MarketSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_fleet(new SiteFleet(this))
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &DemoBuyer::step);
    connect(m_fleet, &SiteFleet::vmsReset, this,
            [this](const QString &contractId, const QList<api::Vm> &vms) {
                if (contractId != m_contract || m_deploying || m_done)
                    return;
                QStringList present;
                for (const api::Vm &vm : vms)
                    present.append(vm.name);
                deploy(contractId, present);
            });
}

DemoBuyer::~DemoBuyer() = default;

void DemoBuyer::start(const Options &options)
{
    m_options = options;
    connect(&m_session, &MarketSession::contractsChanged, this, &DemoBuyer::step, Qt::UniqueConnection);
    m_timer->start(options.retryMs);
    step();
}

std::optional<api::Contract> DemoBuyer::ownContract() const
{
    std::optional<api::Contract> found;
    for (const api::Contract &c : m_session.contracts()) {
        if (c.buyer != m_session.participant() || c.product != m_options.product ||
            (c.state != api::ContractState::Scheduled && c.state != api::ContractState::Active) ||
            (!m_options.sellers.isEmpty() && !m_options.sellers.contains(c.seller)))
            continue;
        // The newest one (ids grow).
        if (!found || c.id > found->id)
            found = c;
    }
    return found;
}

void DemoBuyer::step()
{
    if (m_done || m_session.state() != MarketSession::State::Connected)
        return;
    const std::optional<api::Contract> own = ownContract();
    if (!own) {
        if (!m_contract.isEmpty())
            return; // bought; the contract list follows
        return buy();
    }
    if (m_contract != own->id) {
        m_contract = own->id;
        Q_EMIT bought(m_contract);
    }
    if (!own->site)
        return; // no site of the seller serves it yet
    if (m_fleet->wallet() != m_session.wallet())
        m_fleet->setWallet(m_session.wallet());
    // Only the one contract: the fleet watches it as soon as its certificate is there.
    m_fleet->setContracts({*own});
}

void DemoBuyer::buy()
{
    if (m_ordering || !m_session.client())
        return;
    if (++m_attempts > m_options.attempts) {
        m_timer->stop();
        m_done = true;
        Q_EMIT failed(tr("The demo buyer found nothing to buy of %1.").arg(m_options.product));
        return;
    }
    m_ordering = true;
    auto *curve = m_session.client()->curve(m_options.product);
    connect(curve, &ExchangeJob::finished, this, [this, curve] {
        curve->deleteLater();
        // The first hour with an ask: the next window the market sells.
        std::optional<api::CurvePoint> next;
        for (const api::CurvePoint &p : curve->value().points) {
            if (p.kind == u"H" && p.ask > 0 && (!next || p.deliveryStart < next->deliveryStart))
                next = p;
        }
        if (!curve->ok() || !next) {
            m_ordering = false;
            return; // the demo sellers have not quoted yet; the timer tries again
        }
        api::OrderRequest order;
        order.symbol = next->symbol;
        order.side = api::Side::Buy;
        order.type = api::OrderType::Limit;
        order.timeInForce = api::TimeInForce::ImmediateOrCancel;
        // A little through the best ask, so that the quantity fills over a level or two.
        order.price = next->ask + std::max<qint64>(1, next->ask / 50);
        order.quantity = m_options.quantity;
        auto *submitted = m_session.submit(order);
        connect(submitted, &ExchangeJob::finished, this, [this, submitted] {
            submitted->deleteLater();
            m_ordering = false;
            if (!submitted->ok() || submitted->value().trades.isEmpty())
                return; // nothing filled: try again on the next turn
            // The contract arrives on contracts@ (step()).
            m_contract = QStringLiteral("pending");
        });
    });
}

void DemoBuyer::deploy(const QString &contractId, const QStringList &present)
{
    SiteClient *client = m_fleet->client(contractId);
    if (!client)
        return;
    const auto contract = m_fleet->contract(contractId);
    const qint64 volume = contract ? contract->quantity : 0;
    QStringList wanted;
    qint64 defined = present.size();
    for (const QString &name : std::as_const(m_options.vmNames)) {
        if (!present.contains(name) && defined < volume) {
            wanted.append(name);
            ++defined;
        }
    }
    if (wanted.isEmpty()) {
        m_done = true;
        m_timer->stop();
        Q_EMIT deployed(contractId, int(present.size()));
        return;
    }
    m_deploying = true;
    auto pending = std::make_shared<int>(int(wanted.size()));
    auto ok = std::make_shared<int>(int(present.size()));
    for (const QString &name : std::as_const(wanted)) {
        SiteOperation *operation = client->create(name, m_options.templateName);
        connect(operation, &Job::finished, this, [this, operation, pending, ok, contractId] {
            operation->deleteLater();
            if (operation->result())
                ++*ok;
            else
                Q_EMIT failed(tr("The demo VM could not be defined: %1").arg(operation->errorString()));
            if (--*pending > 0)
                return;
            m_deploying = false;
            m_done = true;
            m_timer->stop();
            Q_EMIT deployed(contractId, *ok);
        });
    }
}

} // namespace cloudex::desk
