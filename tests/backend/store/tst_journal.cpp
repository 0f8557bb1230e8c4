#include "store/journal.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using cloudex::store::Journal;

class TestJournal final : public QObject
{
    Q_OBJECT

private slots:
    void appendsAreDurableAndOrdered();
    void commitsAreGroupedAndCapped();
    void snapshotsKeepTheNewest();
    void replayStopsWhenAsked();
    void openFailsOnBadPath();
};

void TestJournal::appendsAreDurableAndOrdered()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.db"));
    {
        auto journal = Journal::open(path);
        QVERIFY(journal.ok());
        QCOMPARE(journal.value()->lastSeqAtOpen(), 0u);
        std::atomic<std::uint64_t> durable{0};
        std::atomic<bool> forward{true};
        journal.value()->setCommitCallback([&](std::uint64_t seq) {
            forward = forward && seq > durable.load(); // commits only move forward
            durable = seq;
        });
        for (std::uint64_t seq = 1; seq <= 1000; ++seq)
            journal.value()->append(seq, "record " + std::to_string(seq));
        QVERIFY(journal.value()->flush());
        QCOMPARE(durable.load(), 1000u);
        QVERIFY(forward);
    }
    auto reopened = Journal::open(path);
    QVERIFY(reopened.ok());
    QCOMPARE(reopened.value()->lastSeqAtOpen(), 1000u);
    std::uint64_t expected = 501;
    auto visited = Journal::replay(path, 500, [&](std::uint64_t seq, std::string_view payload) {
        if (seq != expected || payload != "record " + std::to_string(seq))
            return false;
        ++expected;
        return true;
    });
    QVERIFY(visited.ok());
    QCOMPARE(visited.value(), 500u);
    QCOMPARE(expected, 1001u);
}

void TestJournal::commitsAreGroupedAndCapped()
{
    QTemporaryDir dir;
    Journal::Options options;
    options.maxBatch = 100;
    auto journal = Journal::open(dir.filePath(QStringLiteral("j.db")), options);
    QVERIFY(journal.ok());
    std::atomic<int> commits{0};
    std::atomic<std::uint64_t> biggestStep{0};
    std::uint64_t last = 0;
    journal.value()->setCommitCallback([&](std::uint64_t seq) {
        ++commits;
        biggestStep = std::max<std::uint64_t>(biggestStep, seq - last);
        last = seq;
    });
    constexpr int kRecords = 20000;
    // Payloads of varying length, so a record cut at the cap would show in the bytes.
    auto payload = [](std::uint64_t seq) { return std::to_string(seq) + std::string(seq % 37, 'x'); };
    for (std::uint64_t seq = 1; seq <= kRecords; ++seq) {
        journal.value()->append(seq, payload(seq));
        if (seq % 5000 == 0)
            journal.value()->appendSnapshot(seq, seq, "state " + std::to_string(seq));
    }
    QVERIFY(journal.value()->flush());
    // Grouped: far fewer commits (fsyncs) than records. Capped: no commit beyond maxBatch.
    QVERIFY2(commits < kRecords / 10, qPrintable(QString::number(commits.load())));
    QVERIFY(biggestStep <= 100u);
    const auto stats = journal.value()->stats();
    QCOMPARE(stats.commits, std::uint64_t(commits.load()));
    QCOMPARE(stats.records, std::uint64_t(kRecords + 4));
    journal.value().reset();

    std::uint64_t expected = 1;
    auto visited = Journal::replay(dir.filePath(QStringLiteral("j.db")), 0, [&](std::uint64_t seq, std::string_view bytes) {
        if (seq != expected || bytes != payload(seq))
            return false;
        ++expected;
        return true;
    });
    QVERIFY(visited.ok());
    QCOMPARE(visited.value(), std::uint64_t(kRecords));
    auto snapshot = Journal::latestSnapshot(dir.filePath(QStringLiteral("j.db")));
    QVERIFY(snapshot.ok() && snapshot.value().has_value());
    QCOMPARE(snapshot.value()->state, std::string("state 20000"));
}

void TestJournal::snapshotsKeepTheNewest()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.db"));
    {
        auto journal = Journal::open(path);
        QVERIFY(journal.ok());
        QVERIFY(Journal::latestSnapshot(path).value() == std::nullopt);
        for (std::uint64_t seq = 1; seq <= 30; ++seq) {
            journal.value()->append(seq, "r");
            if (seq % 10 == 0)
                journal.value()->appendSnapshot(seq, seq * 7, "state " + std::to_string(seq));
        }
        QVERIFY(journal.value()->flush());
    }
    auto snap = Journal::latestSnapshot(path);
    QVERIFY(snap.ok());
    QVERIFY(snap.value().has_value());
    QCOMPARE(snap.value()->seq, 30u);
    QCOMPARE(snap.value()->hash, 210u);
    QCOMPARE(snap.value()->state, std::string("state 30"));
}

void TestJournal::replayStopsWhenAsked()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.db"));
    {
        auto journal = Journal::open(path);
        for (std::uint64_t seq = 1; seq <= 10; ++seq)
            journal.value()->append(seq, "r");
        QVERIFY(journal.value()->flush());
    }
    auto visited = Journal::replay(path, 0, [](std::uint64_t seq, std::string_view) { return seq < 3; });
    QCOMPARE(visited.value(), 3u);
}

void TestJournal::openFailsOnBadPath()
{
    auto journal = Journal::open(QStringLiteral("/nonexistent-dir/x/journal.db"));
    QVERIFY(!journal.ok());
    QCOMPARE(journal.error().code, QStringLiteral("store.open"));
    QVERIFY(!journal.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
