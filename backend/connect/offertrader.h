#pragma once

#include "connect/offerbook.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>

class QTimer;

namespace cloudex {
class Clock;
}

namespace cloudex::net {
class ApiClient;
class ApiCall;
} // namespace cloudex::net

namespace cloudex::connect {

class ConnectAgent;

/// One of the offers' asks as the exchange holds it.
struct LiveAsk
{
    qint64 orderId = 0;
    QString symbol;
    QString product;
    qint64 price = 0;     ///< ticks
    qint64 remaining = 0; ///< instances
    bool operator==(const LiveAsk &) const = default;
};

/// What the trader tells the views after each pass.
struct TradingState
{
    bool enabled = false; ///< a trading identity is configured
    QString participant;  ///< the trading identity's participant
    qint64 passMs = 0;    ///< when the last pass ended (0: none yet)
    QString error;        ///< the last pass's problem, empty when it went through
    QList<LiveAsk> asks;  ///< the offers' open asks after the pass
    QList<OfferBook::PeriodLoad> loads;
    QHash<QString, qint64> spot; ///< product → spot index, ticks
    /// The seller's contracts the exchange lists (this site's and unassigned ones).
    QList<HeldContractRecord> contracts;
};

/// Keeps the offers' asks on the exchange with the seller's trading identity (a participant
/// or user identity with the trade permission; the desktop uses the desk's session identity):
/// on a timer and whenever the site changes, one pass reads the own open orders (GET
/// /v1/orders) and then the own contracts (GET /v1/contracts — in that order, so a fill
/// between the two is counted as a contract), the open instruments and spot index of each
/// offered product, plans the asks (OfferBook) and sends the difference: new asks (POST, a
/// client order id "ofr…" marks them as the offers'), quantity and price changes (PATCH) and
/// cancels (DELETE). An ask whose quantity or price changes is cancelled and, once the cancel
/// is acknowledged, read again and asked anew in the same pass (a replace would set the
/// remaining quantity and so re-sell what a buyer took in between: open asks + contracts
/// never exceed the free capacity, at any moment). A price change happens only when the price
/// moved by at least a tick and the offer's last re-pricing is `repriceSeconds` ago. One pass
/// at a time; a change during a pass runs another one after it.
class OfferTrader final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl exchange;
        QSslConfiguration tls; ///< the trading identity; CA = the exchange CA
        QString siteId;        ///< contracts of other sites do not use this site's capacity
        int repriceSeconds = 60;
        int intervalMs = 5000;
        const Clock *clock = nullptr; ///< nullptr: the system clock
    };
    /// The site as the planner needs it, read anew for each round of a pass.
    struct Site
    {
        QList<OfferBook::Pool> pools;
        QList<OfferBook::Commitment> commitments; ///< held contracts (the site's records)
        QList<Offer> offers;
        QHash<QString, QString> offerPools; ///< product → pool (OfferBook::poolFor)
        QString error; ///< the site's records could not be read: the pass ends with it
    };
    using SiteSource = std::function<Site()>;
    /// A site read elsewhere: the pass waits for it without holding its thread.
    using AsyncSiteSource = std::function<QFuture<Site>()>;
    /// The site of a connect agent: pools from its inventory and host groups less its own
    /// (non-contract) VMs, the held contracts that have not ended, and the offers. Read from
    /// the agent's records file over a read-only connection on a pool thread: the agent's
    /// thread (which serves the connect API) only copies its hosts. At a site of 50,000 VMs
    /// the records take ~110 ms to read.
    static QFuture<Site> readSite(const ConnectAgent &agent, const QString &defaultGroup, qint64 nowMs);

    OfferTrader(Options options, SiteSource site, QObject *parent = nullptr);
    OfferTrader(Options options, AsyncSiteSource site, QObject *parent = nullptr);
    ~OfferTrader() override;

    void start();
    /// Re-plans soon (coalesced): records, inventory or contracts changed.
    void schedule();
    /// Runs a pass now unless one runs (then another follows it).
    void pass();

    const TradingState &state() const { return m_state; }

    /// The participant of a TLS identity (the certificate's O).
    static QString participantOf(const QSslConfiguration &tls);

Q_SIGNALS:
    /// A pass ended; state() is current.
    void passFinished();
    /// A pass (or a round of it) planned its changes and is about to send them: a test puts
    /// an exchange event in between here.
    void changesPlanned();
    /// A pass started.
    void passStarted();

private:
    struct Pass;
    /// Reads the site for the pass (m_pass->site), then its orders.
    void readSiteThenOrders();
    void readOrders();
    void readContracts();
    void readMarket();
    void reconcile();
    void nextRound();
    void changesSent();
    void send(net::ApiCall *call, const QString &what);
    void finishPass(const QString &error);
    qint64 nowMs() const;

    Options m_options;
    AsyncSiteSource m_site;
    net::ApiClient *m_client;
    QTimer *m_timer;
    QTimer *m_soon;
    TradingState m_state;
    std::unique_ptr<Pass> m_pass;
    bool m_again = false;
    int m_sent = 0;                      ///< changes of this pass still on their way
    QHash<QString, qint64> m_repricedMs; ///< product → last re-pricing
    quint32 m_orderCounter = 0;
};

} // namespace cloudex::connect
