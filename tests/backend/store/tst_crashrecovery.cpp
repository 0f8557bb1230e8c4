// Crash test: a child exchange journals under load and reports every acknowledgement on a
// pipe; it is killed with SIGKILL at random moments. After each kill: every acknowledged
// command is in the journal, the journal is gap-free, a full replay reproduces every state
// digest the child reported, and recovery through snapshot + tail (what the exchange does on
// start) ends in the same digest as the full replay.
#include "market/engine.h"
#include "market/exchange.h"
#include "store/journal.h"

#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace cloudex;

namespace {
constexpr int kKillsPerSeed = 21;
constexpr int kMinRunMs = 20;
constexpr int kMaxRunMs = 250;

struct Report
{
    quint64 readySeq = 0;
    bool ready = false;
    quint64 maxAck = 0;
    int acks = 0;
    QMap<quint64, quint64> hashes; // seq -> digest after it
    QByteArray errors;
};

void parse(const QByteArray &out, Report &report)
{
    for (const QByteArray &line : out.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.at(0) == "READY" && f.size() == 3) {
            report.ready = true;
            report.readySeq = f.at(1).toULongLong();
        } else if (f.at(0) == "A" && f.size() == 2) {
            report.maxAck = std::max(report.maxAck, f.at(1).toULongLong());
            ++report.acks;
        } else if (f.at(0) == "H" && f.size() == 3) {
            report.hashes.insert(f.at(1).toULongLong(), f.at(2).toULongLong());
        } else if (f.at(0) == "ERROR") {
            report.errors += line;
        }
    }
}
} // namespace

class TestCrashRecovery final : public QObject
{
    Q_OBJECT

private slots:
    void killedChildLosesNothing_data();
    void killedChildLosesNothing();
};

void TestCrashRecovery::killedChildLosesNothing_data()
{
    QTest::addColumn<quint64>("seed");
    for (quint64 seed : {11u, 23u, 37u, 41u, 59u})
        QTest::addRow("seed %llu", seed) << seed;
}

void TestCrashRecovery::killedChildLosesNothing()
{
    QFETCH(quint64, seed);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.db"));
    std::mt19937_64 rng(seed);
    quint64 previousAck = 0;
    int totalAcks = 0;
    int snapshotsUsed = 0;

    for (int run = 0; run < kKillsPerSeed; ++run) {
        QProcess child;
        child.start(QStringLiteral(CRASH_CHILD), {path, QString::number(seed), QString::number(run)});
        QVERIFY2(child.waitForStarted(5000), qPrintable(child.errorString()));
        Report report;
        QByteArray buffer;
        // Wait for recovery to finish, then let it run under load for a random time.
        QVERIFY(QTest::qWaitFor(
            [&] {
                buffer += child.readAllStandardOutput();
                return buffer.contains("READY") || child.state() == QProcess::NotRunning;
            },
            10000));
        const int runMs = std::uniform_int_distribution<int>(kMinRunMs, kMaxRunMs)(rng);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < runMs && child.state() == QProcess::Running) {
            child.waitForReadyRead(5);
            buffer += child.readAllStandardOutput();
        }
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(5000));
        buffer += child.readAllStandardOutput();
        // Only complete lines count: a line cut by the kill was never fully reported.
        buffer.truncate(buffer.lastIndexOf('\n') + 1);
        parse(buffer, report);
        QVERIFY2(report.errors.isEmpty(), report.errors.constData());
        QVERIFY2(report.ready, qPrintable(QStringLiteral("run %1 did not recover").arg(run)));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // What was acknowledged before is still there after recovery.
        QVERIFY(report.readySeq >= previousAck);
        previousAck = std::max(previousAck, report.maxAck);
        totalAcks += report.acks;

        // 1. Gap-free journal holding every acknowledged command; 2. the full replay passes
        // through every digest the child reported.
        market::Engine full;
        quint64 last = 0;
        bool gap = false;
        int hashesChecked = 0;
        QString mismatch;
        auto replayed = store::Journal::replay(path, 0, [&](std::uint64_t seq, std::string_view payload) {
            market::Reader in(payload);
            market::Command command;
            if (seq != last + 1 || !market::decode(in, command)) {
                gap = true;
                return false;
            }
            full.apply(command);
            last = seq;
            if (const auto it = report.hashes.constFind(seq); it != report.hashes.cend()) {
                ++hashesChecked;
                if (*it != full.stateHash())
                    mismatch = QStringLiteral("digest differs after command %1").arg(seq);
            }
            return true;
        });
        QVERIFY(replayed.ok());
        QVERIFY2(!gap, "journal has a gap or an undecodable record");
        QVERIFY2(last >= report.maxAck,
                 qPrintable(
                     QStringLiteral("acknowledged %1 but journal ends at %2").arg(report.maxAck).arg(last)));
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QCOMPARE(hashesChecked, int(report.hashes.size()));

        // 3. Snapshot + tail, as on start, equals the full replay.
        auto snapshot = store::Journal::latestSnapshot(path);
        QVERIFY(snapshot.ok());
        snapshotsUsed += snapshot.value().has_value() ? 1 : 0;
        market::Exchange recovered;
        market::Exchange::Config config;
        QVERIFY(recovered.open(path, config).ok());
        QCOMPARE(recovered.lastSeq(), last);
        QCOMPARE(recovered.stateHash(), full.stateHash());
    }
    qInfo("seed %llu: %d kills, %d acknowledgements, journal of %llu commands", seed, kKillsPerSeed,
          totalAcks, previousAck);
    // The kills must have landed under load, with snapshots in play.
    QVERIFY2(totalAcks > kKillsPerSeed * 20, qPrintable(QString::number(totalAcks)));
    QVERIFY(snapshotsUsed > 0);
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
