// cloudex-connect: the seller's connect agent without a desktop. Configured by a JSON file
// naming its libvirt URIs, workflows, host groups and tenants (connect::SiteConfig).
//   cloudex-connect --config site.json --data-dir DIR            run until SIGTERM/SIGINT
//   cloudex-connect --config site.json --data-dir DIR --once     reconcile once, print JSON
#include "connect/connectagent.h"
#include "connect/siteconfig.h"
#include "core/datadirectory.h"
#include "core/logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
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
    parser.addOptions({configOption, dataDirOption, onceOption});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        return fail(Tr::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()),
                    kUsageError);

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
    ConnectAgent agent(ConnectAgent::Options{*dataDir, once ? 0 : config.reconcileIntervalMs, nullptr});
    if (auto opened = agent.open(); !opened)
        return fail(opened.error().message, kRuntimeError);
    if (auto applied = config.apply(agent); !applied)
        return fail(applied.error().message, kUsageError);

    if (once) {
        (void)agent.start()->wait();
        // start() queued a reconcile, which may queue re-creations of lost VMs; one more
        // reconcile after them gives the settled inventory.
        (void)agent.reconcile()->wait();
        (void)agent.reconcile()->wait();
        QTextStream(stdout) << QJsonDocument(inventoryJson(agent)).toJson(QJsonDocument::Indented);
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
    agent.start();
    return QCoreApplication::exec();
}
