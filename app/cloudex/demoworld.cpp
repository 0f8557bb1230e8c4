#include "demoworld.h"

#include "desk/marketsession.h"
#include "exchange/embeddedexchange.h"

#include <QCoreApplication>

namespace cloudex::app {

DemoWorld::DemoWorld(exchange::EmbeddedExchange &exchange, desk::MarketSession &session, QObject *parent)
    : QObject(parent)
    , m_exchange(exchange)
    , m_session(session)
    , m_buyer(session)
{
    connect(&m_market, &desk::DemoMarket::failed, this, &DemoWorld::problem);
    connect(&m_exchange, &exchange::EmbeddedExchange::participantOnboarded, this, &DemoWorld::onboarded);
    connect(&m_exchange, &exchange::EmbeddedExchange::siteIdentityIssued, this, &DemoWorld::siteIdentity);
    connect(&m_sites, &connect::DemoSites::siteRegistered, this, [this](const QString &siteId) {
        for (const connect::DemoSites::Site &site : std::as_const(m_siteIdentities)) {
            if (site.siteId == siteId && !m_sellers.contains(site.seller))
                m_sellers.append(site.seller);
        }
        siteSettled(siteId);
    });
    connect(&m_sites, &connect::DemoSites::siteFailed, this,
            [this](const QString &siteId, const QString &why) {
                Q_EMIT problem(QCoreApplication::translate("DesktopApp", "The demo site %1 did not start: %2")
                                   .arg(siteId, why));
                siteSettled(siteId);
            });
    connect(&m_buyer, &desk::DemoBuyer::deployed, this, &DemoWorld::settleBuyer);
    connect(&m_buyer, &desk::DemoBuyer::failed, this, [this](const QString &message) {
        Q_EMIT problem(message);
        settleBuyer();
    });
}

DemoWorld::~DemoWorld()
{
    stop();
}

QString DemoWorld::siteIdOf(const QString &trader)
{
    QString name = trader;
    if (name.startsWith(QLatin1String("p-demo-")))
        name = name.mid(7);
    else if (name.startsWith(QLatin1String("p-")))
        name = name.mid(2);
    return QStringLiteral("s-") + name;
}

void DemoWorld::start(const Options &options)
{
    m_options = options;
    m_buyerSettled = !options.buyer;
    m_names = desk::DemoMarket::participantNames(options.traders);
    for (const QString &name : std::as_const(m_names))
        m_exchange.onboardParticipant(name);
}

void DemoWorld::stop()
{
    m_market.stop();
    m_sites.stop();
}

void DemoWorld::onboarded(const QString &participant, const Result<QSslConfiguration> &identity)
{
    if (!m_names.contains(participant))
        return;
    ++m_answers;
    if (!identity) {
        if (!m_onboardingFailed)
            Q_EMIT problem(identity.error().message);
        m_onboardingFailed = true;
    } else {
        m_identities.insert(participant, identity.value());
    }
    if (m_answers < m_names.size())
        return;
    if (m_onboardingFailed) {
        Q_EMIT marketSettled(false);
        return;
    }
    QList<QSslConfiguration> traders;
    for (const QString &name : std::as_const(m_names))
        traders.append(m_identities.value(name));
    desk::DemoMarket::Options marketOptions;
    marketOptions.products = {m_options.product};
    m_market.start(m_exchange.baseUrl(), traders, marketOptions);
    Q_EMIT marketSettled(true);
    // Each trader sells from a site of its own.
    for (const QString &name : std::as_const(m_names))
        m_exchange.issueSiteIdentity(name, siteIdOf(name));
}

void DemoWorld::siteIdentity(const QString &siteId, const Result<QSslConfiguration> &identity)
{
    QString seller;
    for (const QString &name : std::as_const(m_names)) {
        if (siteIdOf(name) == siteId)
            seller = name;
    }
    if (seller.isEmpty())
        return;
    ++m_siteAnswers;
    if (identity)
        m_siteIdentities.append({seller, siteId, identity.value()});
    else
        Q_EMIT problem(identity.error().message);
    if (m_siteAnswers < m_names.size())
        return;
    m_sitesPending = int(m_siteIdentities.size());
    if (m_sitesPending == 0)
        return settleBuyer();
    connect::DemoSites::Options sitesOptions;
    sitesOptions.dataDir = m_options.dataDir;
    sitesOptions.exchange = m_exchange.baseUrl();
    sitesOptions.products = {m_options.product};
    sitesOptions.sites = m_siteIdentities;
    m_sites.start(sitesOptions);
}

void DemoWorld::siteSettled(const QString &siteId)
{
    // A site registers again when its link reconnects: each counts once.
    if (m_settledSites.contains(siteId))
        return;
    m_settledSites.insert(siteId);
    if (--m_sitesPending > 0)
        return;
    if (!m_options.buyer || m_sellers.isEmpty())
        return settleBuyer();
    desk::DemoBuyer::Options buyerOptions;
    buyerOptions.product = m_options.product;
    buyerOptions.sellers = m_sellers;
    m_buyer.start(buyerOptions);
}

void DemoWorld::settleBuyer()
{
    if (m_buyerSettled)
        return;
    m_buyerSettled = true;
    Q_EMIT buyerSettled();
}

} // namespace cloudex::app
