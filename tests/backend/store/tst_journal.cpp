#include "store/journal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

#include <sqlite3.h>
#include <sys/stat.h>

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
    // Issue #11, defect 3: checksums and a hash chain, verified on replay.
    void flippedPayloadByteIsNamed();
    void flippedChecksumIsNamed();
    void missingRecordIsNamed();
    void truncatedTailIsNamed();
    void snapshotsAreCovered();
    void chainStartsAtTheIdentity();
    void formatOneIsMigratedByStamp();
    // Defect 10: owner-only files whatever the umask.
    void filesAreOwnerOnly();
};

namespace {
/// Writes records 1..n ("record <seq>") and a snapshot after every tenth.
void write(const QString &path, std::uint64_t n)
{
    auto journal = Journal::open(path);
    QVERIFY(journal.ok());
    for (std::uint64_t seq = 1; seq <= n; ++seq) {
        journal.value()->append(seq, "record " + std::to_string(seq));
        if (seq % 10 == 0)
            journal.value()->appendSnapshot(seq, seq * 7, "state " + std::to_string(seq));
    }
    QVERIFY(journal.value()->flush());
}

bool sql(const QString &path, const char *statement)
{
    sqlite3 *db = nullptr;
    const bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
                    sqlite3_exec(db, statement, nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!ok)
        qWarning("sql: %s", db ? sqlite3_errmsg(db) : "open failed");
    sqlite3_close(db);
    return ok;
}

/// Flips the lowest bit of byte `at` of `column` in row `seq` of `table`.
bool flip(const QString &path, const char *table, const char *column, std::int64_t seq, int at = 0)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK;
    std::string bytes;
    sqlite3_stmt *s = nullptr;
    const std::string select = std::string("SELECT ") + column + " FROM " + table + " WHERE seq = ?1";
    if (ok && sqlite3_prepare_v2(db, select.c_str(), -1, &s, nullptr) == SQLITE_OK) {
        sqlite3_bind_int64(s, 1, seq);
        if (sqlite3_step(s) == SQLITE_ROW)
            bytes.assign(static_cast<const char *>(sqlite3_column_blob(s, 0)),
                         std::size_t(sqlite3_column_bytes(s, 0)));
    }
    sqlite3_finalize(s);
    ok = ok && std::size_t(at) < bytes.size();
    if (ok) {
        bytes[std::size_t(at)] = char(bytes[std::size_t(at)] ^ 1);
        const std::string update = std::string("UPDATE ") + table + " SET " + column + " = ?1 WHERE seq = ?2";
        ok = sqlite3_prepare_v2(db, update.c_str(), -1, &s, nullptr) == SQLITE_OK;
        if (ok) {
            sqlite3_bind_blob(s, 1, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(s, 2, seq);
            ok = sqlite3_step(s) == SQLITE_DONE;
        }
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return ok;
}

/// Replays everything; the error's message, or "" when the journal is intact.
QString replayError(const QString &path)
{
    auto replayed = Journal::replay(path, 0, [](std::uint64_t, std::string_view) { return true; });
    if (replayed.ok())
        return {};
    if (replayed.error().code != QStringLiteral("store.corrupt"))
        return QStringLiteral("unexpected code ") + replayed.error().code;
    return replayed.error().message;
}
} // namespace

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

void TestJournal::flippedPayloadByteIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.db"));
    write(path, 100);
    QCOMPARE(replayError(path), QString());
    // "record 42" becomes "secord 42": the same length, a different history.
    QVERIFY(flip(path, "journal", "payload", 42));
    const QString error = replayError(path);
    QVERIFY2(error.contains(QStringLiteral("sequence 42:")), qPrintable(error));
    auto verified = Journal::verify(path);
    QVERIFY(!verified.ok());
    QVERIFY2(verified.error().message.contains(QStringLiteral("sequence 42:")),
             qPrintable(verified.error().message));
    // Records before the damage were handed out, none after it.
    std::uint64_t last = 0;
    QVERIFY(!Journal::replay(path, 0, [&](std::uint64_t seq, std::string_view) {
                 last = seq;
                 return true;
             }).ok());
    QCOMPARE(last, 41u);
}

void TestJournal::flippedChecksumIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.db"));
    write(path, 50);
    QVERIFY(flip(path, "journal", "hash", 7, 31));
    const QString error = replayError(path);
    QVERIFY2(error.contains(QStringLiteral("sequence 7:")), qPrintable(error));
}

void TestJournal::missingRecordIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.db"));
    write(path, 50);
    QVERIFY(sql(path, "DELETE FROM journal WHERE seq = 23"));
    const QString error = replayError(path);
    QVERIFY2(error.contains(QStringLiteral("sequence 23:")), qPrintable(error));
}

void TestJournal::truncatedTailIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.db"));
    write(path, 50);
    QVERIFY(sql(path, "DELETE FROM journal WHERE seq > 45"));
    const QString error = replayError(path);
    QVERIFY2(error.contains(QStringLiteral("sequence 46:")), qPrintable(error));
    // A journal reopened after the damage does not write on top of it.
    QVERIFY(Journal::open(path).ok());
    QVERIFY(!replayError(path).isEmpty());
}

void TestJournal::snapshotsAreCovered()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.db"));
    write(path, 30);
    auto report = Journal::verify(path);
    QVERIFY(report.ok());
    QCOMPARE(report.value().records, 30u);
    QCOMPARE(report.value().snapshots, (std::vector<std::uint64_t>{20, 30}));
    QVERIFY(report.value().headChecked);

    QVERIFY(flip(path, "snapshots", "state", 30, 3));
    auto latest = Journal::latestSnapshot(path);
    QVERIFY(!latest.ok());
    QCOMPARE(latest.error().code, QStringLiteral("store.corrupt"));
    QVERIFY2(latest.error().message.contains(QStringLiteral("sequence 30:")),
             qPrintable(latest.error().message));
    QVERIFY(flip(path, "snapshots", "state", 30, 3)); // repaired
    QVERIFY(Journal::latestSnapshot(path).ok());
    // The older snapshot is checked by verify().
    QVERIFY(sql(path, "UPDATE snapshots SET hash = hash + 1 WHERE seq = 20"));
    auto verified = Journal::verify(path);
    QVERIFY(!verified.ok());
    QVERIFY2(verified.error().message.contains(QStringLiteral("sequence 20:")),
             qPrintable(verified.error().message));
}

void TestJournal::chainStartsAtTheIdentity()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.db"));
    QVERIFY(Journal::stamp(path, {QStringLiteral("x-one"), 7}).ok());
    write(path, 20);
    auto identity = Journal::identity(path);
    QVERIFY(identity.ok() && identity.value());
    QCOMPARE(identity.value()->exchangeId, QStringLiteral("x-one"));
    QCOMPARE(identity.value()->epoch, 7);
    QCOMPARE(replayError(path), QString());
    // Another identity is refused, the same one is harmless.
    QVERIFY(!Journal::stamp(path, {QStringLiteral("x-two"), 7}).ok());
    QVERIFY(Journal::stamp(path, {QStringLiteral("x-one"), 7}).ok());
    QCOMPARE(replayError(path), QString());
    // The records commit to the identity: relabelling the journal breaks the chain at 1.
    QVERIFY(sql(path, "UPDATE meta SET value = 8 WHERE key = 'epoch'"));
    const QString error = replayError(path);
    QVERIFY2(error.contains(QStringLiteral("sequence 1:")), qPrintable(error));
}

void TestJournal::formatOneIsMigratedByStamp()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.db"));
    QVERIFY(sql(path,
                "CREATE TABLE journal(seq INTEGER PRIMARY KEY, payload BLOB NOT NULL);"
                "CREATE TABLE snapshots(seq INTEGER PRIMARY KEY, hash INTEGER NOT NULL, state BLOB NOT NULL);"
                "INSERT INTO journal VALUES (1, 'a'), (2, 'b'), (3, 'c');"
                "INSERT INTO snapshots VALUES (2, 14, 'state 2')"));
    auto unchained = Journal::open(path);
    QVERIFY(!unchained.ok());
    QCOMPARE(unchained.error().code, QStringLiteral("store.unchained"));
    QVERIFY(Journal::stamp(path, {QStringLiteral("x-legacy"), 1}).ok());
    auto report = Journal::verify(path);
    QVERIFY2(report.ok(), report ? "" : qPrintable(report.error().message));
    QCOMPARE(report.value().records, 3u);
    QCOMPARE(report.value().snapshots, std::vector<std::uint64_t>{2});
    auto snapshot = Journal::latestSnapshot(path);
    QVERIFY(snapshot.ok() && snapshot.value());
    QCOMPARE(snapshot.value()->state, std::string("state 2"));
    // It continues the chain after the migration.
    {
        auto journal = Journal::open(path);
        QVERIFY(journal.ok());
        journal.value()->append(4, "d");
        QVERIFY(journal.value()->flush());
    }
    QCOMPARE(Journal::verify(path).value().lastSeq, 4u);
}

void TestJournal::filesAreOwnerOnly()
{
    const mode_t previous = ::umask(S_IWGRP | S_IWOTH);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.db"));
    {
        auto journal = Journal::open(path);
        QVERIFY(journal.ok());
        journal.value()->append(1, "r");
        QVERIFY(journal.value()->flush());
        for (const QString &file :
             QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
            QVERIFY2(QFile::exists(file), qPrintable(file));
            QCOMPARE(QFile::permissions(file) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
    // A journal an older version left readable is tightened on open.
    QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ReadOther));
    QVERIFY(Journal::open(path).ok());
    QVERIFY(!(QFile::permissions(path) & QFileDevice::ReadOther));
    ::umask(previous);
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
