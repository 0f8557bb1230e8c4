#include "desktopapp.h"

#include "boughtcontractmodel.h"
#include "buyworkspace.h"
#include "catalogue/catalogue.h"
#include "connect/embeddedagent.h"
#include "core/datadirectory.h"
#include "demoworld.h"
#include "desk/demobuyer.h"
#include "desk/demomarket.h"
#include "desk/identityfile.h"
#include "desk/marketsession.h"
#include "exchange/embeddedexchange.h"
#include "mainwindow.h"
#include "marketworkspace.h"
#include "startupoptions.h"
#include "theme.h"
#include "translations.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <optional>

namespace cloudex::app {

using ui::MainWindow;
using ui::MarketWorkspace;
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
/// With the Buy workspace shown: how long it waits for the demo buyer's contract and VMs.
constexpr int kScreenshotDemoBuyMs = 45000;
/// One more session batch, so that the last updates are drawn.
constexpr int kScreenshotSettleMs = 300;
constexpr int kScreenshotPollMs = 50;

/// --screenshot FILE: renders the window once the desk shows the connected site and market,
/// not the moment before they connected. It waits by polling on a timer of the app's event
/// loop (never in a nested loop) for the agent's start-up and the exchange's start, then for the
/// session to connect and, with the demo market, for a few trades; then it saves the window
/// and ends the event loop with the exit code.
class ScreenshotRun final : public QObject
{
public:
    ScreenshotRun(MainWindow &window, QString file, const desk::MarketSession &session, QSize size)
        : m_window(window)
        , m_file(std::move(file))
        , m_session(session)
        , m_size(size.isValid() ? size : MainWindow::defaultSize())
    {
        m_timer.setInterval(kScreenshotPollMs);
        connect(&m_timer, &QTimer::timeout, this, &ScreenshotRun::poll);
    }

    void start()
    {
        m_window.resize(m_size);
        m_window.show();
        m_stageTime.start();
        m_timer.start();
    }

    /// The connect agent has started (its start-up jobs finished) or failed to.
    void agentSettled() { m_agentSettled = true; }

    /// The exchange has started (or failed to); `demo` is the running demo, if any.
    void exchangeSettled(const DemoWorld *demo)
    {
        m_exchangeSettled = true;
        m_demo = demo;
    }

private:
    enum class Stage { Startup, Connection, Trades, Bought, Settle };

    void enter(Stage stage)
    {
        m_stage = stage;
        m_stageTime.restart();
    }

    void poll()
    {
        switch (m_stage) {
        case Stage::Startup: {
            if (m_exchangeSettled && m_agentSettled)
                enter(m_session.isOpen() ? Stage::Connection : Stage::Settle);
            return;
        }
        case Stage::Connection:
            if (m_session.state() == desk::MarketSession::State::Connected) {
                enter(Stage::Trades);
            } else if (m_stageTime.elapsed() >= kScreenshotConnectMs) {
                printError(
                    QCoreApplication::translate(
                        "DesktopApp",
                        "The exchange at %1 did not answer; the screenshot shows the desk unconnected.")
                        .arg(m_session.url().toString()));
                enter(Stage::Trades);
            }
            return;
        case Stage::Trades:
            // Let the simulated traders trade a little in this run, not only show history.
            if (!m_demo || m_demo->market().tradesSeen() >= kScreenshotDemoTrades ||
                m_stageTime.elapsed() >= kScreenshotDemoMs)
                enter(m_demo && m_window.currentWorkspace() == MainWindow::Workspace::Buy ? Stage::Bought
                                                                                          : Stage::Settle);
            return;
        case Stage::Bought: {
            // The Buy workspace shows the demo buyer's contract and its VMs at the seller's site.
            const auto *buy =
                qobject_cast<const ui::BuyWorkspace *>(m_window.workspaceWidget(MainWindow::Workspace::Buy));
            const bool shown = buy && buy->contractModel()->rowCount() > 0 && buy->paneModel()->vmCount() > 0;
            if ((m_demo->isBuyerSettled() && shown) || m_stageTime.elapsed() >= kScreenshotDemoBuyMs) {
                if (!shown)
                    printError(QCoreApplication::translate(
                        "DesktopApp", "The demo buyer's contract and VMs did not show in time."));
                enter(Stage::Settle);
            }
            return;
        }
        case Stage::Settle:
            if (m_stageTime.elapsed() < kScreenshotSettleMs)
                return;
            m_timer.stop();
            QCoreApplication::exit(render());
            return;
        }
    }

    int render()
    {
        const QImage image = m_window.grab().toImage();
        if (!image.save(m_file, "PNG")) {
            printError(
                QCoreApplication::translate("DesktopApp", "Cannot write the screenshot %1.").arg(m_file));
            return kRuntimeError;
        }
        return 0;
    }

    MainWindow &m_window;
    const QString m_file;
    const desk::MarketSession &m_session;
    const QSize m_size;
    const DemoWorld *m_demo = nullptr;
    bool m_exchangeSettled = false;
    bool m_agentSettled = false;
    Stage m_stage = Stage::Startup;
    QElapsedTimer m_stageTime;
    QTimer m_timer;
};

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

    auto dataDir =
        DataDirectory::prepare(options->dataDir.isEmpty() ? DataDirectory::defaultPath() : options->dataDir);
    if (!dataDir) {
        printError(dataDir.error().message);
        return kRuntimeError;
    }

    // Settings live with the data, so a --data-dir is a whole, separate installation.
    QSettings settings(*dataDir + QStringLiteral("/cloudex.ini"), QSettings::IniFormat);
    ThemeManager::captureSystemDefaults();

    // The seller's connect agent: the embedded test-driver site, or the hypervisor named
    // by --libvirt. It is built on its own thread (records, jobs, inventory merges) and
    // connects in the background; the Sell workspace follows its state copies and jobs.
    // Declared first, so that it stops last.
    connect::EmbeddedAgent agent;
    connect::EmbeddedAgent::Options agentOptions;
    agentOptions.dataDir = *dataDir;
    agentOptions.embeddedSite = options->libvirtUri.isEmpty();
    agentOptions.libvirtUri = options->libvirtUri;
    agent.start(agentOptions);

    // The exchange: the embedded one in the data directory (the same service as the
    // daemon, on its own thread and a loopback port, reached over mutual TLS with the local
    // identity), or the remote one named by --exchange. The window opens at once; the session
    // connects when the exchange is there. Declared so that the clients go before the server.
    exchange::EmbeddedExchange embedded;
    desk::MarketSession session;
    // The buyer's contract certificates, requested by themselves as contracts appear; the
    // keys are encrypted with the identity's passphrase when there is one.
    session.setWalletDirectory(*dataDir + QStringLiteral("/wallet"),
                               remoteTls ? QString::fromUtf8(options->passphrase) : QString());
    // With --demo-market: simulated traders, their sites and the local buyer's first contract.
    DemoWorld demo(embedded, session);
    QObject::connect(&demo, &DemoWorld::problem, &demo, [](const QString &message) { printError(message); });

    // The agent announces its start-up jobs once the event loop runs, after the window is
    // made, so a --libvirt URI that cannot be reached is reported in the Sell workspace.
    MainWindow window({*dataDir, &settings, nullptr, &agent, &session, {}, false});
    // The tabs of the Buy workspace first: they are no workspace of their own.
    if (options->workspace == u"chargeback")
        window.showChargeback();
    else if (options->workspace == u"buy-strategy")
        window.showBuyStrategy();
    else if (options->workspace == u"buy-sla")
        window.showBuySlaProfiles();
    else if (!options->workspace.isEmpty())
        window.showWorkspace(*MainWindow::workspaceFromKey(options->workspace));
    if (!options->theme.isEmpty())
        window.setTheme(ThemeManager::fromKey(options->theme));
    if (options->windowSize.isValid())
        window.resize(options->windowSize);

    std::unique_ptr<ScreenshotRun> screenshot;
    if (!options->screenshotFile.isEmpty())
        screenshot =
            std::make_unique<ScreenshotRun>(window, options->screenshotFile, session, options->windowSize);
    const auto exchangeSettled = [&](bool simulated) {
        window.setSimulatedMarket(simulated);
        if (screenshot)
            screenshot->exchangeSettled(simulated ? &demo : nullptr);
    };
    QObject::connect(&demo, &DemoWorld::marketSettled, &window, exchangeSettled);

    QObject::connect(&agent, &connect::EmbeddedAgent::started, &window, [&](const Result<void> &started) {
        // The desk still runs; the Sell workspace says why the agent is not there.
        if (!started)
            printError(started.error().message);
        if (screenshot)
            screenshot->agentSettled();
    });

    if (remoteTls) {
        session.open(options->exchangeUrl, *remoteTls);
        // The site's offers trade with the desk's session identity.
        agent.startTrading(options->exchangeUrl, *remoteTls);
        window.setExchangeLabel(options->exchangeUrl.toString());
        exchangeSettled(false);
    } else {
        QObject::connect(
            &embedded, &exchange::EmbeddedExchange::started, &window, [&](const Result<void> &started) {
                if (!started) {
                    // The desk still runs; the status bar says that no exchange is connected.
                    printError(started.error().message);
                    exchangeSettled(false);
                    return;
                }
                session.open(embedded.baseUrl(), embedded.clientTls());
                agent.startTrading(embedded.baseUrl(), embedded.clientTls());
                window.setExchangeLabel(QCoreApplication::translate("DesktopApp", "embedded at %1")
                                            .arg(embedded.baseUrl().toString()));
                if (!options->demoMarket) {
                    exchangeSettled(false);
                    return;
                }
                DemoWorld::Options demoOptions;
                demoOptions.dataDir = *dataDir;
                demoOptions.traders = kDemoTraders;
                // The product the Market workspace opens with.
                demoOptions.product = MarketWorkspace::defaultProduct(catalogue::Catalogue::standard());
                demo.start(demoOptions);
            });
        QObject::connect(&embedded, &exchange::EmbeddedExchange::journalFailed, &window,
                         [&](const QString &reason) {
                             printError(reason);
                             window.setExchangeFailure(reason);
                         });
        exchange::EmbeddedExchange::Options exchangeOptions;
        exchangeOptions.dataDirectory = *dataDir;
        embedded.start(exchangeOptions);
    }

    if (screenshot)
        screenshot->start();
    else
        window.show();
    return QApplication::exec();
}

} // namespace cloudex::app
