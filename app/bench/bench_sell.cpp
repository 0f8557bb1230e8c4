// The desk while the seller works: the real MainWindow (offscreen) on the Sell workspace, the
// connect agent on its own thread over the embedded test-driver site, and a steady stream of
// provisions and deletions through the agent's front (what the Sell workspace's buttons call),
// so that every job ends in an inventory pass, record writes and a state copy that the Sell
// workspace shows. Measured as in the desk suite: how long the GUI thread takes to handle an
// event posted to it, sampled every 5 ms from another thread.
//
// `--front gui` is the shape before the agent had its own thread, for comparison: a
// ConnectAgent built on the GUI thread (records, merges and job ends there) driven the same
// way, with the window open on the Sell workspace (which then has no agent to show).
#include "benchexchange.h"
#include "benchsuite.h"
#include "stallprobe.h"
#include "exchangeload.h"

#include "connect/connectagent.h"
#include "connect/embeddedagent.h"
#include "mainwindow.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

#include <atomic>
#include <deque>
#include <thread>

namespace {
using namespace cloudex;

constexpr int kSampleMs = 5;
constexpr int kWarmUpMs = 1000;
constexpr int kStartTimeoutMs = 60'000;
/// Provisions in flight at once, and VMs kept before the oldest is deleted (the embedded
/// site's shared pool holds 32 tiny VMs).
constexpr int kInFlight = 2;
constexpr int kKeep = 24;

using bench::StallProbe;
using bench::StampEvent;

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

/// Provisions tiny shared VMs, kInFlight at a time, deleting the oldest beyond kKeep.
/// `Front` is EmbeddedAgent or ConnectAgent: the same operations, one threaded.
template<typename Front> class Churn
{
public:
    explicit Churn(Front &front)
        : m_front(front)
    {}

    void start()
    {
        m_running = true;
        for (int i = 0; i < kInFlight; ++i)
            next();
    }
    void stop() { m_running = false; }
    qint64 done() const { return m_done; }
    qint64 failures() const { return m_failures; }
    QString lastError() const { return m_lastError; }

private:
    void next()
    {
        if (!m_running)
            return;
        connect::ConnectJob *job = nullptr;
        if (qsizetype(m_live.size()) >= kKeep) {
            job = m_front.removeVm(m_live.front());
            m_live.pop_front();
        } else {
            const QString name = QStringLiteral("churn-%1").arg(++m_serial);
            m_live.push_back(name);
            job =
                m_front.provision({name, QStringLiteral("acme"), catalogue::Tenancy::Shared, {}, 1, 64, {}});
        }
        QObject::connect(job, &connect::ConnectJob::finished, job, [this](cloudex::Job *finished) {
            if (finished->error().isEmpty()) {
                ++m_done;
            } else {
                ++m_failures;
                m_lastError = finished->errorString();
            }
            finished->deleteLater();
            next();
        });
    }

    Front &m_front;
    std::deque<QString> m_live;
    qint64 m_serial = 0;
    qint64 m_done = 0;
    qint64 m_failures = 0;
    QString m_lastError;
    bool m_running = false;
};

QJsonObject runSell(const QStringList &arguments)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return fail(QStringLiteral("the desk-sell suite needs a QApplication"));
    const qint64 seconds = bench::argument(arguments, QStringLiteral("--seconds"), 10);
    const qsizetype at = arguments.indexOf(QStringLiteral("--front"));
    const QString front =
        at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : QStringLiteral("thread");
    if (front != QLatin1String("thread") && front != QLatin1String("gui"))
        return fail(QStringLiteral("--front is thread or gui"));

    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("cloudex.ini")), QSettings::IniFormat);

    std::unique_ptr<connect::EmbeddedAgent> embedded;
    std::unique_ptr<connect::ConnectAgent> guiAgent;
    if (front == QLatin1String("thread")) {
        embedded = std::make_unique<connect::EmbeddedAgent>();
        std::optional<Result<void>> started;
        QObject::connect(embedded.get(), &connect::EmbeddedAgent::started, embedded.get(),
                         [&](const Result<void> &result) { started = result; });
        connect::EmbeddedAgent::Options options;
        options.dataDir = dir.path();
        options.reconcileIntervalMs = 0;
        embedded->start(options);
        if (!waitFor([&] { return started.has_value(); }, kStartTimeoutMs))
            return fail(QStringLiteral("the agent did not start"));
        if (!*started)
            return fail(started->error().message);
    } else {
        guiAgent =
            std::make_unique<connect::ConnectAgent>(connect::ConnectAgent::Options{dir.path(), 0, nullptr});
        if (auto opened = guiAgent->open(); !opened)
            return fail(opened.error().message);
        if (auto site = guiAgent->setupEmbeddedSite(); !site)
            return fail(site.error().message);
        if (auto started = guiAgent->start()->wait(); !started)
            return fail(started.error().message);
    }

    ui::MainWindow window({dir.path(), &settings, nullptr, embedded.get(), nullptr, {}, false});
    window.showWorkspace(ui::MainWindow::Workspace::Sell);
    window.resize(ui::MainWindow::defaultSize());
    window.show();

    std::optional<Churn<connect::EmbeddedAgent>> threadChurn;
    std::optional<Churn<connect::ConnectAgent>> guiChurn;
    if (embedded) {
        threadChurn.emplace(*embedded);
        threadChurn->start();
    } else {
        guiChurn.emplace(*guiAgent);
        guiChurn->start();
    }
    bench::wait(kWarmUpMs);
    const qint64 done0 = threadChurn ? threadChurn->done() : guiChurn->done();

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
    const qint64 operations = (threadChurn ? threadChurn->done() : guiChurn->done()) - done0;
    const qint64 failures = threadChurn ? threadChurn->failures() : guiChurn->failures();
    const QString lastError = threadChurn ? threadChurn->lastError() : guiChurn->lastError();
    if (threadChurn)
        threadChurn->stop();
    else
        guiChurn->stop();
    bench::wait(2 * kSampleMs);
    // Let the last jobs end before the agent goes.
    bench::wait(500);

    std::vector<qint64> &delays = probe.delaysNs;
    const qint64 worst = delays.empty() ? 0 : *std::max_element(delays.begin(), delays.end());
    QJsonObject out{{QStringLiteral("front"), front},
                    {QStringLiteral("seconds"), seconds},
                    {QStringLiteral("agent_jobs_per_s"), double(operations) / double(seconds)},
                    {QStringLiteral("agent_job_failures"), failures},
                    {QStringLiteral("stall_samples"), qint64(delays.size())},
                    {QStringLiteral("gui_stall_p50_ms"), double(bench::percentile(delays, 0.50)) / 1e6},
                    {QStringLiteral("gui_stall_p99_ms"), double(bench::percentile(delays, 0.99)) / 1e6},
                    {QStringLiteral("gui_stall_max_ms"), double(worst) / 1e6},
                    {QStringLiteral("gui_thread_cpu"), guiCpu}};
    if (!lastError.isEmpty())
        out.insert(QStringLiteral("last_error"), lastError);
    return out;
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("desk-sell"),
    QStringLiteral("the GUI thread's stall while the Sell workspace's agent provisions and deletes VMs "
                   "[--seconds S] [--front thread|gui]"),
    runSell);
} // namespace
