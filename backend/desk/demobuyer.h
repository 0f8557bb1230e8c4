#pragma once

#include "api/contract.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

class QTimer;

namespace cloudex::desk {

class MarketSession;
class SiteFleet;

/// The local participant's part of `--demo-market`: buys the next hour of a product from the
/// demo sellers (an immediate-or-cancel bid at their best ask) and, once the contract's
/// certificate is in the session's wallet, defines VMs at the seller's site. Before the
/// window opens the site holds them as scheduled and creates them when it opens; from then
/// on they run. A participant that already holds a live contract of the product buys nothing
/// and deploys what is missing on it, so restarts do not pile up contracts. Everything goes
/// through the same session, wallet and connect API as a buyer's own clicks.
class DemoBuyer final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString product;     ///< product symbol
        QStringList sellers; ///< only contracts with these sellers count (empty: any)
        qint64 quantity = 2; ///< instances bought
        QStringList vmNames{QStringLiteral("web-1"), QStringLiteral("web-2")};
        QString templateName = QStringLiteral("debian-12.img");
        int retryMs = 1000; ///< looks again this often until bought and deployed
        int attempts = 60;  ///< buy attempts before giving up
    };

    explicit DemoBuyer(MarketSession &session, QObject *parent = nullptr);
    ~DemoBuyer() override;

    void start(const Options &options);
    bool isDone() const { return m_done; }
    /// The contract bought (or found), once known.
    QString contractId() const { return m_contract; }

Q_SIGNALS:
    void bought(const QString &contractId);
    /// Every VM asked for is defined at the site (scheduled or already running).
    void deployed(const QString &contractId, int vms);
    void failed(const QString &message);

private:
    void step();
    void buy();
    std::optional<api::Contract> ownContract() const;
    void deploy(const QString &contractId, const QStringList &present);

    MarketSession &m_session;
    Options m_options;
    SiteFleet *m_fleet;
    QTimer *m_timer;
    QString m_contract;
    bool m_ordering = false;
    bool m_deploying = false;
    bool m_done = false;
    int m_attempts = 0;
};

} // namespace cloudex::desk
