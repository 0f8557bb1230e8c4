// cloudex-connect: the seller's connect agent without a desktop. Configured by a JSON file
// naming its libvirt URIs, workflows, host groups and tenants, and the exchange it joins
// with its site identity (connect::SiteConfig).
//   cloudex-connect --config site.json --data-dir DIR            run until SIGTERM/SIGINT
//   cloudex-connect --config site.json --data-dir DIR --once     reconcile once, print JSON
//   ... --allow-clock-offset --clock-offset SECONDS               test facility: shifted clock
#include "connect/connectagent.h"
#include "connect/connectserver.h"
#include "connect/exchangelink.h"
#include "connect/offertrader.h"
#include "connect/siteconfig.h"
#include "core/clock.h"
#include "core/datadirectory.h"
#include "core/logging.h"
#include "net/apiclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace cloudex;
using namespace cloudex::connect;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ConnectDaemon)
};

constexpr int kUsageError = 2;
constexpr int kRuntimeError = 1;

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here; the event loop picks the byte up.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

/// The system clock shifted by a fixed offset (docs/CONNECT-API.md, "Clocks in tests").
QJsonObject contractsJson(const ConnectAgent &agent, const ConnectServer &server)
{
    QJsonArray contracts;
    QJsonArray reservations;
    for (const HeldContractRecord &c : agent.store().contracts()) {
        QJsonObject o = server.heldContractJson(c);
        o.insert(QStringLiteral("buyer"), c.buyer);
        o.insert(QStringLiteral("seller"), c.seller);
        o.insert(QStringLiteral("terminated"), c.terminated);
        static const char *const kStages[] = {"live", "shut-down", "destroyed", "deleted"};
        o.insert(QStringLiteral("enforcement"), QLatin1String(kStages[qBound(0, c.stage, 3)]));
        contracts.append(o);
        QJsonObject reservation = o.value(QStringLiteral("reservation")).toObject();
        reservation.insert(QStringLiteral("contract"), c.id);
        reservation.insert(QStringLiteral("buyer"), c.buyer);
        reservation.insert(QStringLiteral("deliveryStart"), c.startMs / 1000);
        reservation.insert(QStringLiteral("deliveryEnd"), c.endMs / 1000);
        const QJsonObject size = o.value(QStringLiteral("instanceClass")).toObject();
        reservation.insert(QStringLiteral("vcpus"),
                           size.value(QStringLiteral("vcpus")).toInteger() * c.quantity);
        reservation.insert(QStringLiteral("memoryMiB"),
                           size.value(QStringLiteral("memoryMiB")).toInteger() * c.quantity);
        reservation.insert(QStringLiteral("atRisk"), c.atRisk);
        reservations.append(reservation);
    }
    // What the site offers on the exchange: the instances reserved per product.
    QJsonArray offers;
    for (const Offer &offer : agent.store().offers()) {
        offers.append(QJsonObject{{QStringLiteral("product"), offer.product},
                                  {QStringLiteral("reservedInstances"), offer.reservedInstances}});
    }
    return {{QStringLiteral("contracts"), contracts},
            {QStringLiteral("reservations"), reservations},
            {QStringLiteral("offers"), offers}};
}

int fail(const QString &message, int code)
{
    QTextStream(stderr) << "cloudex-connect: " << message << Qt::endl;
    return code;
}

QJsonObject inventoryJson(const ConnectAgent &agent)
{
    QJsonArray hosts;
    for (const HostInfo &h : agent.inventory().hosts) {
        hosts.append(QJsonObject{{QStringLiteral("id"), h.id},
                                 {QStringLiteral("uri"), h.uri},
                                 {QStringLiteral("driver"), h.driver},
                                 {QStringLiteral("online"), h.online},
                                 {QStringLiteral("error"), h.status},
                                 {QStringLiteral("cpus"), h.cpus},
                                 {QStringLiteral("memoryMiB"), h.memoryMiB},
                                 {QStringLiteral("usedVcpus"), h.usedVcpus},
                                 {QStringLiteral("usedMemoryMiB"), h.usedMemoryMiB},
                                 {QStringLiteral("group"), h.group},
                                 {QStringLiteral("tenancy"), catalogue::tenancyCode(h.tenancy)}});
    }
    QJsonArray vms;
    for (const VmInfo &vm : agent.inventory().vms) {
        vms.append(QJsonObject{{QStringLiteral("name"), vm.name},
                               {QStringLiteral("host"), vm.host},
                               {QStringLiteral("state"), vmStateKey(vm.state)},
                               {QStringLiteral("tenant"), vm.tenant},
                               {QStringLiteral("vcpus"), vm.vcpus},
                               {QStringLiteral("memoryMiB"), vm.memoryMiB},
                               {QStringLiteral("template"), vm.templateName}});
    }
    QJsonArray templates;
    for (const TemplateInfo &t : agent.inventory().templates) {
        templates.append(QJsonObject{{QStringLiteral("name"), t.name},
                                     {QStringLiteral("host"), t.host},
                                     {QStringLiteral("capacityBytes"), t.capacityBytes}});
    }
    QJsonArray pools;
    for (const StoragePoolInfo &p : agent.inventory().pools) {
        pools.append(QJsonObject{{QStringLiteral("name"), p.name},
                                 {QStringLiteral("host"), p.host},
                                 {QStringLiteral("volumes"), QJsonArray::fromStringList(p.volumeNames)},
                                 {QStringLiteral("availableBytes"), p.availableBytes}});
    }
    QJsonArray tenants;
    for (const Tenant &t : agent.store().tenants())
        tenants.append(QJsonObject{{QStringLiteral("id"), t.id}, {QStringLiteral("name"), t.name}});
    return {{QStringLiteral("hosts"), hosts},
            {QStringLiteral("vms"), vms},
            {QStringLiteral("templates"), templates},
            {QStringLiteral("pools"), pools},
            {QStringLiteral("tenants"), tenants}};
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cloudex-connect"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLOUDEX_VERSION));
    cloudex::installDaemonLogFormat();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("The CloudEx connect agent: a seller's hypervisors behind one front."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          Tr::tr("Site configuration <file> (JSON)."), Tr::tr("file"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           Tr::tr("Keep the site's records in <dir>."), Tr::tr("dir"));
    const QCommandLineOption onceOption(
        QStringLiteral("once"), Tr::tr("Connect, reconcile once, print the inventory as JSON and exit."));
    const QCommandLineOption allowOffsetOption(
        QStringLiteral("allow-clock-offset"),
        Tr::tr("Test facility: accept --clock-offset (never on a production site)."));
    const QCommandLineOption offsetOption(
        QStringLiteral("clock-offset"),
        Tr::tr("Shift the agent's clock (not the system's) by <seconds>; needs --allow-clock-offset."),
        Tr::tr("seconds"));
    parser.addOptions({configOption, dataDirOption, onceOption, allowOffsetOption, offsetOption});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        return fail(Tr::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()),
                    kUsageError);

    qint64 offsetMs = 0;
    if (parser.isSet(offsetOption)) {
        if (!parser.isSet(allowOffsetOption))
            return fail(Tr::tr("--clock-offset needs --allow-clock-offset (a test facility)."), kUsageError);
        bool ok = false;
        offsetMs = parser.value(offsetOption).toLongLong(&ok) * 1000;
        if (!ok)
            return fail(Tr::tr("--clock-offset takes whole seconds."), kUsageError);
    }
    const OffsetClock clock(SystemClock::instance(), offsetMs);
    if (offsetMs != 0)
        qCWarning(lcConnect, "the agent's clock is shifted by %lld s (test facility)", offsetMs / 1000);

    SiteConfig config;
    if (parser.isSet(configOption)) {
        auto loaded = SiteConfig::load(parser.value(configOption));
        if (!loaded)
            return fail(loaded.error().message, kUsageError);
        config = *loaded;
    }
    auto dataDir = DataDirectory::prepare(parser.isSet(dataDirOption) ? parser.value(dataDirOption)
                                                                      : DataDirectory::defaultPath());
    if (!dataDir)
        return fail(dataDir.error().message, kRuntimeError);

    const bool once = parser.isSet(onceOption);
    ConnectAgent agent(ConnectAgent::Options{*dataDir, once ? 0 : config.reconcileIntervalMs, &clock});
    if (auto opened = agent.open(); !opened)
        return fail(opened.error().message, kRuntimeError);
    if (auto applied = config.apply(agent); !applied)
        return fail(applied.error().message, kUsageError);

    // The site identity: the connect API's server certificate and the exchange client's.
    QSslConfiguration tls;
    QString seller;
    if (!config.exchangeUrl.isEmpty()) {
        auto passphrase = config.passphrase();
        if (!passphrase)
            return fail(passphrase.error().message, kUsageError);
        QByteArray caPem;
        if (!config.caFile.isEmpty()) {
            QFile ca(config.caFile);
            if (!ca.open(QIODevice::ReadOnly))
                return fail(Tr::tr("Cannot read %1: %2").arg(config.caFile, ca.errorString()), kUsageError);
            caPem = ca.readAll();
        }
        auto loaded = net::ApiClient::tlsFromPkcs12(config.identityFile, *passphrase, caPem);
        if (!loaded)
            return fail(loaded.error().message, kUsageError);
        tls = *loaded;
        seller = tls.localCertificate().subjectInfo(QSslCertificate::Organization).value(0);
        const QString cn = tls.localCertificate().subjectInfo(QSslCertificate::CommonName).value(0);
        if (cn != config.siteId)
            return fail(
                Tr::tr("The identity %1 is of site %2, not %3.").arg(config.identityFile, cn, config.siteId),
                kUsageError);
    }
    ConnectServer::Options serverOptions;
    serverOptions.seller = seller;
    serverOptions.siteId = config.siteId;
    serverOptions.defaultGroup = config.defaultGroup;
    serverOptions.graceSeconds = config.graceSeconds;
    serverOptions.retentionSeconds = config.retentionSeconds;
    serverOptions.crlToleranceSeconds = config.crlToleranceSeconds;
    ConnectServer server(agent, clock, serverOptions);

    if (once) {
        (void)agent.start()->wait();
        // start() queued a reconcile, which may queue re-creations of lost VMs; one more
        // reconcile after them gives the settled inventory.
        (void)agent.reconcile()->wait();
        (void)agent.reconcile()->wait();
        QJsonObject out = inventoryJson(agent);
        const QJsonObject contracts = contractsJson(agent, server);
        for (auto it = contracts.begin(); it != contracts.end(); ++it)
            out.insert(it.key(), it.value());
        QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
        bool allOnline = true;
        for (const ConnectionStatus &status : agent.connections())
            allOnline = allOnline && status.online;
        return allOnline ? 0 : kRuntimeError;
    }

    // Orderly shutdown on SIGTERM/SIGINT, through a socket pair into the event loop.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return fail(Tr::tr("Cannot install the signal handlers."), kRuntimeError);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    QObject::connect(&agent, &ConnectAgent::connectionsChanged, &app, [&agent] {
        for (const ConnectionStatus &status : agent.connections()) {
            if (!status.online)
                QTextStream(stderr) << "cloudex-connect: " << status.record.key
                                    << " offline: " << status.error << Qt::endl;
        }
    });
    std::unique_ptr<ExchangeLink> link;
    if (!config.exchangeUrl.isEmpty()) {
        if (auto anchored = server.setTrustAnchor(tls.caCertificates().value(0).toDer()); !anchored)
            return fail(anchored.error().message, kUsageError);
        const qsizetype colon = config.listen.lastIndexOf(u':');
        bool portOk = false;
        net::ApiServer::Config api;
        api.address = QHostAddress(config.listen.left(colon));
        api.port = quint16(config.listen.mid(colon + 1).toUInt(&portOk));
        if (colon < 0 || !portOk || api.address.isNull())
            return fail(Tr::tr("\"%1\" is not HOST:PORT.").arg(config.listen), kUsageError);
        api.tls = tls;
        api.tls.setCaCertificates(tls.caCertificates());
        auto port = server.listen(api);
        if (!port)
            return fail(port.error().message, kRuntimeError);
        const QString endpoint =
            config.endpoint.isEmpty()
                ? QStringLiteral("https://%1:%2").arg(config.listen.left(colon)).arg(*port)
                : config.endpoint;
        qCInfo(lcConnect, "connect API of site %s listening on port %u (%s)", qPrintable(config.siteId),
               *port, qPrintable(endpoint));
        QTextStream(stdout) << "listening " << *port << Qt::endl;
        ExchangeLink::Options linkOptions;
        linkOptions.exchange = QUrl(config.exchangeUrl);
        linkOptions.tls = tls;
        linkOptions.siteId = config.siteId;
        linkOptions.seller = seller;
        linkOptions.name = config.name;
        linkOptions.endpoint = endpoint;
        linkOptions.products = config.products;
        link = std::make_unique<ExchangeLink>(server, linkOptions);
        link->start();
    }
    // The offers' asks, with the seller's trading identity (not the site's).
    std::unique_ptr<OfferTrader> trader;
    if (!config.tradingIdentityFile.isEmpty()) {
        auto passphrase = config.tradingPassphrase();
        if (!passphrase)
            return fail(passphrase.error().message, kUsageError);
        auto tradingTls = net::ApiClient::tlsFromPkcs12(config.tradingIdentityFile, *passphrase,
                                                        tls.caCertificates().value(0).toPem());
        if (!tradingTls)
            return fail(tradingTls.error().message, kUsageError);
        if (OfferTrader::participantOf(*tradingTls) != seller)
            return fail(Tr::tr("The trading identity %1 is of %2, not of the site's seller %3.")
                            .arg(config.tradingIdentityFile, OfferTrader::participantOf(*tradingTls), seller),
                        kUsageError);
        OfferTrader::Options traderOptions;
        traderOptions.exchange = QUrl(config.exchangeUrl);
        traderOptions.tls = *tradingTls;
        traderOptions.siteId = config.siteId;
        traderOptions.repriceSeconds = config.repriceSeconds;
        traderOptions.intervalMs = config.offerIntervalMs;
        traderOptions.clock = &clock;
        trader = std::make_unique<OfferTrader>(
            traderOptions, OfferTrader::AsyncSiteSource([&agent, &config, &clock] {
                return OfferTrader::readSite(agent, config.defaultGroup, clock.nowMs());
            }));
        OfferTrader *t = trader.get();
        QObject::connect(&agent, &ConnectAgent::offersChanged, t, &OfferTrader::schedule);
        QObject::connect(&agent, &ConnectAgent::inventoryChanged, t, &OfferTrader::schedule);
        QObject::connect(&agent, &ConnectAgent::hostsChanged, t, &OfferTrader::schedule);
        QObject::connect(&server, &ConnectServer::contractChanged, t, &OfferTrader::schedule);
    }
    ConnectJob *started = agent.start();
    QObject::connect(started, &Job::finished, &app, [&agent, &config, &trader] {
        if (auto ok = config.applyOffers(agent); !ok)
            qCWarning(lcConnect, "offers of the configuration not saved: %s", qPrintable(ok.error().message));
        if (trader)
            trader->start();
    });
    return QCoreApplication::exec();
}
