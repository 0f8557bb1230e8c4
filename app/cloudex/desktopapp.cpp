#include "desktopapp.h"

#include "catalogue/catalogue.h"
#include "connect/connectagent.h"
#include "core/datadirectory.h"
#include "desk/demomarket.h"
#include "desk/identityfile.h"
#include "desk/marketsession.h"
#include "exchange/embeddedexchange.h"
#include "mainwindow.h"
#include "marketworkspace.h"
#include "sellworkspace.h"
#include "startupoptions.h"
#include "theme.h"
#include "translations.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QSettings>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <optional>

namespace cloudex::app {

using ui::MainWindow;
using ui::MarketWorkspace;
using ui::SellWorkspace;
using ui::StartupOptions;
using ui::ThemeManager;
using ui::Translations;

namespace {
constexpr int kUsageError = 2;
constexpr int kRuntimeError = 1;

void printError(const QString &message)
{
    QTextStream(stderr) << QCoreApplication::applicationName().toLower() << QStringLiteral(": ") << message
                        << Qt::endl;
}

// The language has to be known before the options are parsed, so that their errors are
// already translated; a bad value is reported by the real parse.
QString requestedLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        QString value;
        if (arg == QLatin1String("--lang") && i + 1 < arguments.size())
            value = arguments.at(i + 1);
        else if (arg.startsWith(QLatin1String("--lang=")))
            value = arg.mid(7);
        if (StartupOptions::languages().contains(value.toLower()))
            return value.toLower();
    }
    return Translations::systemLanguage();
}

/// Demo traders on the embedded exchange.
constexpr int kDemoTraders = 4;
/// How long a --screenshot waits for the exchange connection (and for demo trades).
constexpr int kScreenshotConnectMs = 15000;
constexpr int kScreenshotDemoMs = 6000;
constexpr int kScreenshotDemoTrades = 12;

void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

int renderScreenshot(MainWindow &window, const QString &file)
{
    window.resize(MainWindow::defaultSize());
    window.show();
    // Let layouts settle and deferred updates run before grabbing.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    const QImage image = window.grab().toImage();
    if (!image.save(file, "PNG")) {
        printError(QCoreApplication::translate("DesktopApp", "Cannot write the screenshot %1.").arg(file));
        return kRuntimeError;
    }
    return 0;
}
} // namespace

int DesktopApp::run(QApplication &app)
{
    const QStringList arguments = QCoreApplication::arguments();
    if (auto installed = Translations::install(app, requestedLanguage(arguments)); !installed)
        printError(installed.error().message);

    auto options = StartupOptions::parse(arguments);
    if (!options) {
        printError(options.error().message);
        return kUsageError;
    }
    if (options->action == StartupOptions::Action::ShowHelp) {
        QTextStream(stdout) << options->helpText;
        return 0;
    }
    if (options->action == StartupOptions::Action::ShowVersion) {
        QTextStream(stdout) << QCoreApplication::applicationName() << u' '
                            << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }

    // A remote identity is opened before anything is written, so a wrong file or
    // passphrase changes nothing.
    std::optional<QSslConfiguration> remoteTls;
    if (!options->exchangeUrl.isEmpty()) {
        auto tls = desk::loadIdentityFile(options->identityFile, options->passphrase);
        if (!tls) {
            printError(tls.error().message);
            return kUsageError;
        }
        remoteTls = *tls;
    }

    auto dataDir = DataDirectory::prepare(options->dataDir.isEmpty() ? DataDirectory::defaultPath()
                                                                     : options->dataDir);
    if (!dataDir) {
        printError(dataDir.error().message);
        return kRuntimeError;
    }

    // Settings live with the data, so a --data-dir is a whole, separate installation.
    QSettings settings(*dataDir + QStringLiteral("/cloudex.ini"), QSettings::IniFormat);
    ThemeManager::captureSystemDefaults();

    // The seller's connect agent: the embedded test-driver site, or the hypervisor named
    // by --libvirt. It connects in the background; the Sell workspace follows its signals.
    connect::ConnectAgent agent(connect::ConnectAgent::Options{*dataDir});
    if (auto opened = agent.open(); !opened) {
        printError(opened.error().message);
        return kRuntimeError;
    }
    if (options->libvirtUri.isEmpty()) {
        if (auto site = agent.setupEmbeddedSite(); !site)
            printError(site.error().message);
    }
    QList<connect::ConnectJob *> startup{agent.start()};
    const QList<connect::ConnectionRecord> recorded = agent.store().connections();
    const bool known = std::any_of(recorded.cbegin(), recorded.cend(),
                                   [&](const connect::ConnectionRecord &r) { return r.key == options->libvirtUri; });
    if (!options->libvirtUri.isEmpty() && !known)
        startup.append(agent.addConnection(options->libvirtUri));

    // The exchange: the embedded one in the data directory (the same service as the
    // daemon, on a loopback port, reached over mutual TLS with the local identity), or the
    // remote one named by --exchange. The session connects in the background.
    desk::MarketSession session;
    exchange::EmbeddedExchange embedded;
    desk::DemoMarket demo;
    QString exchangeLabel;
    bool demoStarted = false;
    if (remoteTls) {
        session.open(options->exchangeUrl, *remoteTls);
        exchangeLabel = options->exchangeUrl.toString();
    } else {
        exchange::EmbeddedExchange::Options exchangeOptions;
        exchangeOptions.dataDirectory = *dataDir;
        if (auto started = embedded.start(exchangeOptions); !started) {
            // The desk still runs; the status bar says that no exchange is connected.
            printError(started.error().message);
        } else {
            session.open(embedded.baseUrl(), embedded.clientTls());
            exchangeLabel = QCoreApplication::translate("DesktopApp", "embedded at %1")
                                .arg(embedded.baseUrl().toString());
            if (options->demoMarket) {
                QList<QSslConfiguration> traders;
                for (const QString &name : desk::DemoMarket::participantNames(kDemoTraders)) {
                    auto tls = embedded.onboardParticipant(name);
                    if (!tls) {
                        printError(tls.error().message);
                        break;
                    }
                    traders.append(*tls);
                }
                if (traders.size() == kDemoTraders) {
                    QObject::connect(&demo, &desk::DemoMarket::failed, &demo,
                                     [](const QString &message) { printError(message); });
                    desk::DemoMarket::Options demoOptions;
                    // The product the Market workspace opens with.
                    demoOptions.products = {
                        MarketWorkspace::defaultProduct(catalogue::Catalogue::standard())};
                    demo.start(embedded.baseUrl(), traders, demoOptions);
                    demoStarted = true;
                }
            }
        }
    }

    MainWindow window({*dataDir, &settings, nullptr, &agent, &session, exchangeLabel, demoStarted});
    // The start-up jobs began before the window: it follows them now, so a --libvirt URI
    // that cannot be reached is reported in the Sell workspace.
    if (auto sell = qobject_cast<SellWorkspace *>(window.workspaceWidget(MainWindow::Workspace::Sell))) {
        for (connect::ConnectJob *job : std::as_const(startup)) {
            if (!job->isFinished())
                sell->watch(job);
        }
    }
    if (!options->workspace.isEmpty())
        window.showWorkspace(*MainWindow::workspaceFromKey(options->workspace));

    if (!options->screenshotFile.isEmpty()) {
        // A render shows the connected site and market, not the moment before they connected.
        for (connect::ConnectJob *job : std::as_const(startup))
            (void)job->wait();
        if (session.isOpen()) {
            waitUntil([&] { return session.state() == desk::MarketSession::State::Connected; },
                      kScreenshotConnectMs);
            if (session.state() != desk::MarketSession::State::Connected) {
                printError(
                    QCoreApplication::translate(
                        "DesktopApp",
                        "The exchange at %1 did not answer; the screenshot shows the desk unconnected.")
                        .arg(session.url().toString()));
            }
            // Let the simulated traders trade a little in this run, not only show history.
            if (demoStarted)
                waitUntil([&] { return demo.tradesSeen() >= kScreenshotDemoTrades; }, kScreenshotDemoMs);
            // One more batch, so the last updates are drawn.
            waitUntil([] { return false; }, 300);
        }
        return renderScreenshot(window, options->screenshotFile);
    }

    window.show();
    return QApplication::exec();
}

} // namespace cloudex::app
