#include "connect/demosites.h"

#include "connect/connectagent.h"
#include "connect/connectserver.h"
#include "connect/embeddedsite.h"
#include "connect/exchangelink.h"
#include "core/clock.h"
#include "core/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QThread>

namespace cloudex::connect {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};

// Large simulated hosts: the demo traders' own contracts land at these sites too.
constexpr int kHostCpus = 64;
constexpr qint64 kHostMiB = 256 * 1024;
} // namespace

/// One site on the sites' thread: agent, connect API, exchange link (destroyed in reverse).
struct DemoSites::Run final : public QObject
{
    Run(DemoSites *owner, quint64 run, Site site, const Options &options, QObject *parent)
        : QObject(parent)
        , owner(owner)
        , run(run)
        , site(std::move(site))
        , options(options)
        , clock(options.clock ? *options.clock : SystemClock::instance())
    {}

    ~Run() override
    {
        delete link;
        delete server;
        delete agent;
    }

    void fail(const QString &message)
    {
        qCWarning(lcConnect, "demo site %s: %s", qPrintable(site.siteId), qPrintable(message));
        QMetaObject::invokeMethod(owner, [owner = owner, run = run, id = site.siteId, message] {
            if (run == owner->m_run)
                Q_EMIT owner->siteFailed(id, message);
        });
    }

    void start()
    {
        dir = QDir(options.dataDir).absoluteFilePath(QStringLiteral("demo-sites/") + site.siteId);
        if (!QDir().mkpath(dir))
            return fail(Tr::tr("Cannot create the folder %1.").arg(dir));
        agent = new ConnectAgent(
            ConnectAgent::Options{dir, ConnectAgent::kDefaultReconcileIntervalMs, options.clock});
        if (auto opened = agent->open(); !opened)
            return fail(opened.error().message);
        // The simulated hosts: node files written on every start (the test driver forgets its
        // domains when the connection closes; the agent re-creates the recorded VMs).
        const bool first = agent->store().connections().isEmpty();
        for (const QString &host : hostIds(site.siteId, options.hostsPerSite)) {
            const QString path = dir + u'/' + host + QStringLiteral(".xml");
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) ||
                file.write(EmbeddedSite::nodeXml({host, kHostCpus, kHostMiB}, EmbeddedSite::templateNames())
                               .toUtf8()) < 0 ||
                !file.commit())
                return fail(Tr::tr("Cannot write the host file %1.").arg(path));
            if (first) {
                if (auto ok = agent->recordConnection(ConnectionRecord{
                        ConnectionRecord::Kind::Libvirt, QStringLiteral("test://") + path, {}, host});
                    !ok)
                    return fail(ok.error().message);
            }
        }
        ConnectJob *connecting = agent->start();
        connect(connecting, &Job::finished, this, [this, connecting] {
            connecting->deleteLater();
            if (!connecting->result())
                qCWarning(lcConnect, "demo site %s: %s", qPrintable(site.siteId),
                          qPrintable(connecting->errorString()));
            serve();
        });
    }

    void serve()
    {
        ConnectServer::Options serverOptions;
        serverOptions.seller = site.seller;
        serverOptions.siteId = site.siteId;
        server = new ConnectServer(*agent, clock, serverOptions);
        if (auto anchored = server->setTrustAnchor(site.tls.caCertificates().value(0).toDer()); !anchored)
            return fail(anchored.error().message);
        // The port of the first run is kept: contracts name the site's endpoint, and desks
        // that learnt it find the site there again after a restart.
        QFile portFile(dir + QStringLiteral("/port"));
        quint16 previous = 0;
        if (portFile.open(QIODevice::ReadOnly))
            previous = quint16(portFile.readAll().trimmed().toUInt());
        portFile.close();
        net::ApiServer::Config api;
        api.address = QHostAddress::LocalHost;
        api.port = previous;
        api.tls = site.tls;
        auto port = server->listen(api);
        if (!port && previous != 0) {
            qCWarning(lcConnect, "demo site %s: port %u is taken; another one is used",
                      qPrintable(site.siteId), unsigned(previous));
            api.port = 0;
            port = server->listen(api);
        }
        if (!port)
            return fail(port.error().message);
        if (*port != previous) {
            QSaveFile saved(portFile.fileName());
            if (!saved.open(QIODevice::WriteOnly) || saved.write(QByteArray::number(*port)) < 0 ||
                !saved.commit())
                qCWarning(lcConnect, "demo site %s: cannot record its port", qPrintable(site.siteId));
        }
        ExchangeLink::Options linkOptions;
        linkOptions.exchange = options.exchange;
        linkOptions.tls = site.tls;
        linkOptions.siteId = site.siteId;
        linkOptions.seller = site.seller;
        linkOptions.name = site.siteId;
        linkOptions.endpoint = QStringLiteral("https://localhost:%1").arg(*port);
        linkOptions.products = options.products;
        link = new ExchangeLink(*server, linkOptions);
        connect(link, &ExchangeLink::registered, this, [this, endpoint = linkOptions.endpoint] {
            QMetaObject::invokeMethod(owner, [owner = owner, run = run, id = site.siteId, endpoint] {
                if (run != owner->m_run)
                    return;
                if (!owner->m_registered.contains(id))
                    owner->m_registered.append(id);
                Q_EMIT owner->siteRegistered(id, endpoint);
            });
        });
        link->start();
    }

    DemoSites *const owner;
    const quint64 run;
    const Site site;
    const Options options;
    const Clock &clock;
    QString dir;
    ConnectAgent *agent = nullptr;
    ConnectServer *server = nullptr;
    ExchangeLink *link = nullptr;
};

DemoSites::DemoSites(QObject *parent)
    : QObject(parent)
{}

DemoSites::~DemoSites()
{
    stop();
}

QStringList DemoSites::hostIds(const QString &siteId, int count)
{
    QStringList ids;
    for (int i = 1; i <= count; ++i)
        ids.append(QStringLiteral("%1-h%2").arg(siteId).arg(i));
    return ids;
}

void DemoSites::start(const Options &options)
{
    if (m_thread)
        return;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("cloudex-demo-sites"));
    // The sites are built on their thread: their records, sockets and timers belong to it.
    m_worker = new QObject;
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    const quint64 run = ++m_run;
    QMetaObject::invokeMethod(m_worker, [this, options, run] {
        for (const Site &site : options.sites) {
            auto *one = new Run(this, run, site, options, m_worker);
            one->start();
        }
    });
}

void DemoSites::stop()
{
    if (!m_thread)
        return;
    ++m_run;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_worker = nullptr;
    m_registered.clear();
}

} // namespace cloudex::connect
