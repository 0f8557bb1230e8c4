#pragma once

#include "connect/demosites.h"
#include "desk/demobuyer.h"
#include "desk/demomarket.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QStringList>

namespace cloudex::exchange {
class EmbeddedExchange;
}
namespace cloudex::desk {
class MarketSession;
}

namespace cloudex::app {

/// Everything `--demo-market` adds to the embedded exchange, so that a new user sees the
/// whole chain without configuring anything: simulated traders (desk::DemoMarket), one
/// simulated site per trader (connect::DemoSites, identities issued by the embedded CA, on
/// their own thread), and the local participant buying the next hour from them and defining
/// VMs at the seller's site (desk::DemoBuyer). Started once the embedded exchange has; each
/// stage answers with a signal, nothing here waits.
class DemoWorld final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString dataDir;
        QString product; ///< traded, served by the sites, bought
        int traders = 4;
        bool buyer = true; ///< the local participant buys and deploys
    };

    DemoWorld(exchange::EmbeddedExchange &exchange, desk::MarketSession &session, QObject *parent = nullptr);
    ~DemoWorld() override;

    /// Onboards the traders, starts the market, then the sites, then the buyer.
    void start(const Options &options);
    /// Stops the sites' thread (before the exchange stops).
    void stop();

    desk::DemoMarket &market() { return m_market; }
    const desk::DemoMarket &market() const { return m_market; }
    connect::DemoSites &sites() { return m_sites; }
    desk::DemoBuyer &buyer() { return m_buyer; }
    const desk::DemoBuyer &buyer() const { return m_buyer; }
    /// The buyer has bought and deployed, or gave up (or is not part of this run).
    bool isBuyerSettled() const { return m_buyerSettled; }

    /// "p-demo-aurora" → "s-aurora".
    static QString siteIdOf(const QString &trader);

Q_SIGNALS:
    /// The traders are onboarded and trading (`running`), or the demo cannot run.
    void marketSettled(bool running);
    void buyerSettled();
    /// Something of the demo failed; the desk goes on.
    void problem(const QString &message);

private:
    void onboarded(const QString &participant, const Result<QSslConfiguration> &identity);
    void siteIdentity(const QString &siteId, const Result<QSslConfiguration> &identity);
    void siteSettled(const QString &siteId);
    void settleBuyer();

    exchange::EmbeddedExchange &m_exchange;
    desk::MarketSession &m_session;
    Options m_options;
    QStringList m_names;
    QHash<QString, QSslConfiguration> m_identities;
    int m_answers = 0;
    bool m_onboardingFailed = false;
    QList<connect::DemoSites::Site> m_siteIdentities;
    int m_siteAnswers = 0;
    int m_sitesPending = 0;
    QStringList m_sellers;
    QSet<QString> m_settledSites;
    bool m_buyerSettled = false;
    desk::DemoMarket m_market;
    connect::DemoSites m_sites;
    desk::DemoBuyer m_buyer;
};

} // namespace cloudex::app
