#pragma once

#include "core/result.h"

#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>
#include <QUrl>

#include <memory>

class QThread;

namespace cloudex {
class Clock;
}

namespace cloudex::connect {

/// The simulated sellers' sites of `--demo-market`: for each seller one site as
/// cloudex-connect runs it (a ConnectAgent on libvirt's test driver with a few simulated
/// hosts, the connect API on a loopback port with the site identity, and an ExchangeLink
/// that registers the site and follows the seller's contracts), all on one thread of their
/// own, so that a buyer on the embedded exchange can buy from a demo seller and deploy at its
/// site without holding up the GUI. Each site keeps its records, host files and port (the
/// endpoint stays the same across runs) in `<dataDir>/demo-sites/<siteId>/`. This object stays on the caller's thread; start()
/// returns at once and every site's outcome follows as a signal.
class DemoSites final : public QObject
{
    Q_OBJECT

public:
    struct Site
    {
        QString seller;        ///< participant id (the identity's O)
        QString siteId;        ///< the identity's CN
        QSslConfiguration tls; ///< site identity, CA = the exchange CA
    };
    struct Options
    {
        QString dataDir;
        QUrl exchange;
        QStringList products; ///< what the sites register for
        QList<Site> sites;
        int hostsPerSite = 4;
        const Clock *clock = nullptr; ///< nullptr: the system clock; must outlive the sites
    };

    explicit DemoSites(QObject *parent = nullptr);
    /// Stops the sites (see stop()).
    ~DemoSites() override;

    /// Starts the thread and, on it, every site. Only the first call counts.
    void start(const Options &options);
    /// Destroys the sites on their thread, then ends it and waits for it.
    void stop();
    bool isRunning() const { return m_thread != nullptr; }

    /// The sites registered with the exchange so far (site ids).
    QStringList registeredSites() const { return m_registered; }
    /// The simulated hosts of a site: "<siteId>-h<n>".
    static QStringList hostIds(const QString &siteId, int count);

Q_SIGNALS:
    /// A site listens at `endpoint` and the exchange knows it.
    void siteRegistered(const QString &siteId, const QString &endpoint);
    /// A site could not start; the others go on.
    void siteFailed(const QString &siteId, const QString &message);

private:
    struct Run;

    std::unique_ptr<QThread> m_thread;
    QObject *m_worker = nullptr;
    quint64 m_run = 0;
    QStringList m_registered;
};

} // namespace cloudex::connect
