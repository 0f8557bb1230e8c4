// The desk under load: the real MainWindow (offscreen), the embedded exchange on its own
// thread taking a steady order flow from simulated traders in another process
// (`cloudex-bench desk-traders`), and the Market workspace showing the instrument they trade.
// Measured: how long the GUI thread takes to handle an event posted to it, sampled every
// 5 ms from another thread, while the flow runs.
#include "benchexchange.h"
#include "benchsuite.h"
#include "stallprobe.h"
#include "exchangeload.h"

#include "catalogue/catalogue.h"
#include "desk/marketsession.h"
#include "exchange/embeddedexchange.h"
#include "mainwindow.h"
#include "marketworkspace.h"

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QSslKey>
#include <QTemporaryDir>

#include <atomic>
#include <mutex>
#include <thread>

namespace {
using namespace cloudex;

constexpr int kTraders = 4;
constexpr int kSampleMs = 5;
constexpr int kWarmUpMs = 2000;
constexpr int kStartTimeoutMs = 120'000;

using bench::StallProbe;
using bench::StampEvent;

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

/// Runs the event loop until `done()` or `timeoutMs`.
template<typename Done> bool waitFor(Done done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        bench::wait(20);
    }
    return true;
}

QJsonObject fail(const QString &message)
{
    return {{QStringLiteral("error"), message}};
}

QJsonObject runDesk(const QStringList &arguments)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return fail(QStringLiteral("the desk suite needs a QApplication"));
    const qint64 rate = bench::argument(arguments, QStringLiteral("--rate"), 2000);
    const qint64 seconds = bench::argument(arguments, QStringLiteral("--seconds"), 10);

    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("cloudex.ini")), QSettings::IniFormat);
    const QString product = ui::MarketWorkspace::defaultProduct(catalogue::Catalogue::standard());

    // The exchange, on its own thread, as the desktop app starts it.
    exchange::EmbeddedExchange embedded;
    std::optional<Result<void>> started;
    QObject::connect(&embedded, &exchange::EmbeddedExchange::started, &embedded,
                     [&](const Result<void> &result) { started = result; });
    exchange::EmbeddedExchange::Options options;
    options.dataDirectory = dir.path();
    options.products = {catalogue::Catalogue::standard().parseProduct(product).value()};
    embedded.start(options);
    if (!waitFor([&] { return started.has_value(); }, kStartTimeoutMs))
        return fail(QStringLiteral("the embedded exchange did not start"));
    if (!*started)
        return fail(started->error().message);

    // The traders' identities, as PEM files for the other process.
    const QString traderDir = dir.filePath(QStringLiteral("traders"));
    QDir().mkpath(traderDir);
    if (!writeFile(traderDir + QStringLiteral("/ca.pem"), embedded.caCertificatePem()))
        return fail(QStringLiteral("cannot write the traders' CA"));
    int onboarded = 0;
    QString onboardError;
    QObject::connect(&embedded, &exchange::EmbeddedExchange::participantOnboarded, &embedded,
                     [&](const QString &participant, const Result<QSslConfiguration> &identity) {
                         ++onboarded;
                         if (!identity) {
                             onboardError = identity.error().message;
                             return;
                         }
                         const QString base = traderDir + u'/' + participant;
                         writeFile(base + QStringLiteral(".key.pem"), identity->privateKey().toPem());
                         writeFile(base + QStringLiteral(".cert.pem"), identity->localCertificate().toPem());
                     });
    for (int i = 1; i <= kTraders; ++i)
        embedded.onboardParticipant(QStringLiteral("p-trader%1").arg(i));
    if (!waitFor([&] { return onboarded == kTraders; }, kStartTimeoutMs) || !onboardError.isEmpty())
        return fail(QStringLiteral("cannot onboard the traders: %1").arg(onboardError));

    // The desk, as a person sees it, connected with the local identity.
    desk::MarketSession session;
    session.open(embedded.baseUrl(), embedded.clientTls());
    ui::MainWindow window({dir.path(), &settings, nullptr, nullptr, &session, {}, true});
    window.setExchangeLabel(embedded.baseUrl().toString());
    window.resize(ui::MainWindow::defaultSize());
    window.show();
    if (!waitFor([&] { return session.state() == desk::MarketSession::State::Connected; }, kStartTimeoutMs))
        return fail(QStringLiteral("the desk did not connect"));
    QString symbol;
    if (!waitFor(
            [&] {
                for (const auto &instrument : session.instruments()) {
                    if (symbol.isEmpty() && instrument.symbol.startsWith(product))
                        symbol = instrument.symbol; // the front period, where the trading is

                }
                return !symbol.isEmpty();
            },
            kStartTimeoutMs))
        return fail(QStringLiteral("no instrument of %1 is listed").arg(product));
    if (auto market = qobject_cast<ui::MarketWorkspace *>(window.workspaceWidget(ui::MainWindow::Workspace::Market)))
        market->selectSymbol(symbol);

    QProcess traders;
    traders.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    traders.start(QCoreApplication::applicationFilePath(),
                  {QStringLiteral("desk-traders"), QStringLiteral("--json"), QStringLiteral("--dir"), traderDir,
                   QStringLiteral("--port"), QString::number(embedded.baseUrl().port()), QStringLiteral("--symbol"),
                   symbol, QStringLiteral("--rate"), QString::number(rate), QStringLiteral("--seconds"),
                   QString::number(seconds + kWarmUpMs / 1000 + 1)});
    if (!traders.waitForStarted())
        return fail(QStringLiteral("cannot start the traders: %1").arg(traders.errorString()));
    bench::wait(kWarmUpMs);

    // The probe: a thread posts a stamped event every 5 ms; the GUI thread records the wait.
    StallProbe probe;
    std::atomic<bool> sampling{true};
    std::thread sampler([&] {
        auto next = std::chrono::steady_clock::now();
        while (sampling.load()) {
            QCoreApplication::postEvent(&probe, new StampEvent(bench::monotonicNs()));
            next += std::chrono::milliseconds(kSampleMs);
            std::this_thread::sleep_until(next);
        }
    });
    const qint64 cpu0 = bench::cpuNs(CLOCK_THREAD_CPUTIME_ID);
    bench::wait(int(seconds * 1000));
    sampling = false;
    sampler.join();
    const double guiCpu = double(bench::cpuNs(CLOCK_THREAD_CPUTIME_ID) - cpu0) / 1e9 / double(seconds);
    bench::wait(2 * kSampleMs); // the last stamps

    if (!traders.waitForFinished(int(seconds + 30) * 1000))
        return fail(QStringLiteral("the traders did not finish"));
    const QByteArray out = traders.readAllStandardOutput();
    const QJsonObject load = QJsonDocument::fromJson(out.mid(out.indexOf('{'))).object();
    if (load.contains(QStringLiteral("error")) || load.isEmpty())
        return fail(QStringLiteral("traders: %1").arg(QString::fromUtf8(out)));

    std::vector<qint64> &delays = probe.delaysNs;
    const qint64 worst = delays.empty() ? 0 : *std::max_element(delays.begin(), delays.end());
    return {{QStringLiteral("symbol"), symbol},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("traders"), kTraders},
            {QStringLiteral("orders_per_s"), qRound64(load.value(QStringLiteral("orders_per_s")).toDouble())},
            {QStringLiteral("order_failures"), load.value(QStringLiteral("failures"))},
            {QStringLiteral("stall_samples"), qint64(delays.size())},
            {QStringLiteral("gui_stall_p50_ms"), double(bench::percentile(delays, 0.50)) / 1e6},
            {QStringLiteral("gui_stall_p99_ms"), double(bench::percentile(delays, 0.99)) / 1e6},
            {QStringLiteral("gui_stall_max_ms"), double(worst) / 1e6},
            {QStringLiteral("gui_thread_cpu"), guiCpu},
            {QStringLiteral("desk_trades_seen"), qint64(session.trades().size())}};
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("desk"),
    QStringLiteral("the GUI thread's stall under 2,000 orders/s into the embedded exchange [--rate N] "
                   "[--seconds S]"),
    runDesk);
} // namespace
