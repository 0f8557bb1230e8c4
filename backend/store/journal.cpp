#include "store/journal.h"

#include "core/logging.h"

#include <chrono>

#include <QCoreApplication>

#include <sqlite3.h>

namespace cloudex::store {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Store)
};

/// How many snapshots stay in the database; older ones are deleted as new ones land.
constexpr int kSnapshotsKept = 2;
constexpr int kBusyTimeoutMs = 5000;

struct StatementDeleter
{
    void operator()(sqlite3_stmt *s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

struct DbCloser
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;

Error sqlError(sqlite3 *db, const QString &what)
{
    return Error{QStringLiteral("store.sqlite"),
                 Tr::tr("Journal %1 failed: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(db)))};
}

bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

Statement prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
    return Statement(s);
}

Result<Db> openDb(const QString &path, bool readOnly)
{
    sqlite3 *raw = nullptr;
    const int flags =
        (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    Db db(raw);
    if (rc != SQLITE_OK)
        return Error{
            QStringLiteral("store.open"),
            Tr::tr("Cannot open the journal %1: %2").arg(path, QString::fromUtf8(sqlite3_errstr(rc)))};
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
    return db;
}
} // namespace

/// The writer's prepared statements; they live and die on the writer thread.
struct Journal::Statements
{
    Statement insert;
    Statement insertSnapshot;
    Statement pruneSnapshots;
};

Journal::Journal(QString path, const Options &options)
    : m_path(std::move(path))
    , m_options(options)
{}

Journal::~Journal()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    {
        std::lock_guard lock(m_checkpointMutex);
        m_checkpointStop = true;
    }
    m_checkpointWake.notify_all();
    if (m_writer.joinable())
        m_writer.join();
    if (m_checkpointer.joinable())
        m_checkpointer.join();
    if (m_checkpointDb)
        sqlite3_close_v2(m_checkpointDb);
    if (m_db) {
        // A final full checkpoint keeps the WAL small for the next start.
        sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
        sqlite3_close_v2(m_db);
    }
}

Result<std::unique_ptr<Journal>> Journal::open(const QString &path, const Options &options)
{
    std::unique_ptr<Journal> journal(new Journal(path, options));
    if (Result<void> r = journal->start(); !r)
        return r.error();
    return journal;
}

Result<void> Journal::start()
{
    Result<Db> db = openDb(m_path, false);
    if (!db)
        return db.error();
    m_db = db.value().release();
    // WAL: readers never block the writer. Autocheckpoint off: the checkpoint thread does it.
    if (!exec(m_db, "PRAGMA journal_mode=WAL") || !exec(m_db, "PRAGMA wal_autocheckpoint=0") ||
        !exec(m_db, m_options.synchronousFull ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL") ||
        !exec(m_db, "CREATE TABLE IF NOT EXISTS journal(seq INTEGER PRIMARY KEY, payload BLOB NOT NULL)") ||
        !exec(m_db, "CREATE TABLE IF NOT EXISTS snapshots(seq INTEGER PRIMARY KEY, hash INTEGER NOT NULL, "
                    "state BLOB NOT NULL)"))
        return sqlError(m_db, Tr::tr("setup"));
    Statement last = prepare(m_db, "SELECT COALESCE(MAX(seq), 0) FROM journal");
    if (!last || sqlite3_step(last.get()) != SQLITE_ROW)
        return sqlError(m_db, Tr::tr("reading the last sequence"));
    m_lastSeqAtOpen = std::uint64_t(sqlite3_column_int64(last.get(), 0));
    m_queuedSeq = m_durableSeq = m_lastSeqAtOpen;

    Result<Db> checkpointDb = openDb(m_path, false);
    if (!checkpointDb)
        return checkpointDb.error();
    m_checkpointDb = checkpointDb.value().release();

    m_writer = std::thread([this] { writerLoop(); });
    m_checkpointer = std::thread([this] { checkpointLoop(); });
    return {};
}

void Journal::setCommitCallback(CommitCallback callback)
{
    std::lock_guard lock(m_mutex);
    m_onCommit = std::move(callback);
}

void Journal::setErrorCallback(ErrorCallback callback)
{
    std::lock_guard lock(m_mutex);
    m_onError = std::move(callback);
}

void Journal::append(std::uint64_t seq, std::string_view payload)
{
    std::unique_lock lock(m_mutex);
    m_progress.wait(lock, [&] { return m_queue.records.size() < m_options.maxQueued || m_failed || m_stop; });
    m_queue.records.push_back(Record{seq, 0, m_queue.bytes.size(), payload.size(), false});
    m_queue.bytes.append(payload);
    m_queuedSeq = seq;
    lock.unlock();
    m_wake.notify_one();
}

void Journal::appendSnapshot(std::uint64_t seq, std::uint64_t hash, std::string state)
{
    std::unique_lock lock(m_mutex);
    m_queue.records.push_back(Record{seq, hash, m_queue.snapshots.size(), state.size(), true});
    m_queue.snapshots.push_back(std::move(state));
    lock.unlock();
    m_wake.notify_one();
}

void Journal::take(Queue &batch, std::size_t max)
{
    if (m_queue.records.size() <= max) {
        // The usual case: take it all, and leave the batch's emptied buffers for the next.
        std::swap(batch, m_queue);
        return;
    }
    const std::size_t n = max;
    for (std::size_t i = 0; i < n; ++i) {
        Record r = m_queue.records[i];
        const std::string_view bytes = m_queue.payload(r);
        if (r.snapshot) {
            r.offset = batch.snapshots.size();
            batch.snapshots.push_back(std::move(m_queue.snapshots[m_queue.records[i].offset]));
        } else {
            r.offset = batch.bytes.size();
            batch.bytes.append(bytes);
        }
        batch.records.push_back(r);
    }
    // Keep the rest, with offsets into what remains.
    Queue rest;
    for (std::size_t i = n; i < m_queue.records.size(); ++i) {
        Record r = m_queue.records[i];
        if (r.snapshot) {
            rest.snapshots.push_back(std::move(m_queue.snapshots[r.offset]));
            r.offset = rest.snapshots.size() - 1;
        } else {
            const std::string_view bytes = m_queue.payload(r);
            r.offset = rest.bytes.size();
            rest.bytes.append(bytes);
        }
        rest.records.push_back(r);
    }
    m_queue = std::move(rest);
}

bool Journal::flush()
{
    std::unique_lock lock(m_mutex);
    const std::uint64_t target = m_queuedSeq;
    m_progress.wait(lock, [&] { return (m_durableSeq >= target && m_queue.records.empty()) || m_failed; });
    return !m_failed;
}

void Journal::writerLoop()
{
    Statements statements{
        prepare(m_db, "INSERT INTO journal(seq, payload) VALUES(?1, ?2)"),
        prepare(m_db, "INSERT OR REPLACE INTO snapshots(seq, hash, state) VALUES(?1, ?2, ?3)"),
        prepare(
            m_db,
            "DELETE FROM snapshots WHERE seq NOT IN (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT ?1)")};
    Queue batch;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return !m_queue.records.empty() || m_stop; });
            if (m_queue.records.empty() && m_stop)
                return;
            // Take what has gathered while the last commit was syncing, up to the cap.
            batch.clear();
            take(batch, std::size_t(m_options.maxBatch));
        }
        QString error;
        const auto began = std::chrono::steady_clock::now();
        const bool ok = writeBatch(statements, batch, &error);
        if (ok) {
            m_commitNs.fetch_add(std::uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                                   std::chrono::steady_clock::now() - began)
                                                   .count()),
                                 std::memory_order_relaxed);
            m_commits.fetch_add(1, std::memory_order_relaxed);
            m_records.fetch_add(batch.records.size(), std::memory_order_relaxed);
        }
        std::uint64_t durable = 0;
        for (const Record &r : batch.records)
            if (!r.snapshot)
                durable = std::max(durable, r.seq);
        CommitCallback onCommit;
        ErrorCallback onError;
        {
            std::lock_guard lock(m_mutex);
            onCommit = m_onCommit;
            onError = m_onError;
        }
        // Callbacks first, then the progress flush() waits for: when flush() returns, every
        // callback for what it waited on has run.
        if (!ok)
            qCCritical(lcStore, "journal write failed, the journal stops: %s", qPrintable(error));
        if (!ok && onError)
            onError(error);
        if (ok && onCommit && durable != 0)
            onCommit(durable);
        {
            std::lock_guard lock(m_mutex);
            if (ok && durable > m_durableSeq)
                m_durableSeq = durable;
            m_failed |= !ok;
            if (!ok)
                m_queue.clear();
        }
        m_progress.notify_all();
        if (!ok)
            return;
    }
}

bool Journal::writeBatch(Statements &statements, const Queue &batch, QString *error)
{
    Statement &insert = statements.insert;
    Statement &insertSnapshot = statements.insertSnapshot;
    Statement &pruneSnapshots = statements.pruneSnapshots;
    auto fail = [&] {
        *error = sqlError(m_db, Tr::tr("commit")).message;
        exec(m_db, "ROLLBACK");
        return false;
    };
    if (!insert || !insertSnapshot || !pruneSnapshots || !exec(m_db, "BEGIN IMMEDIATE"))
        return fail();
    bool snapshots = false;
    for (const Record &r : batch.records) {
        const std::string_view payload = batch.payload(r);
        sqlite3_stmt *s = r.snapshot ? insertSnapshot.get() : insert.get();
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, sqlite3_int64(r.seq));
        if (r.snapshot) {
            sqlite3_bind_int64(s, 2, sqlite3_int64(r.hash));
            sqlite3_bind_blob64(s, 3, payload.data(), sqlite3_uint64(payload.size()), SQLITE_STATIC);
            snapshots = true;
        } else {
            sqlite3_bind_blob64(s, 2, payload.data(), sqlite3_uint64(payload.size()), SQLITE_STATIC);
        }
        if (sqlite3_step(s) != SQLITE_DONE)
            return fail();
    }
    if (snapshots) {
        sqlite3_reset(pruneSnapshots.get());
        sqlite3_bind_int(pruneSnapshots.get(), 1, kSnapshotsKept);
        if (sqlite3_step(pruneSnapshots.get()) != SQLITE_DONE)
            return fail();
    }
    if (!exec(m_db, "COMMIT"))
        return fail();
    return true;
}

void Journal::checkpointLoop()
{
    std::unique_lock lock(m_checkpointMutex);
    for (;;) {
        if (m_checkpointWake.wait_for(lock, std::chrono::milliseconds(m_options.checkpointIntervalMs),
                                      [this] { return m_checkpointStop; }))
            return;
        // PASSIVE: copies what it can without waiting for, or blocking, the writer.
        sqlite3_wal_checkpoint_v2(m_checkpointDb, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
}

Result<std::optional<Journal::Snapshot>> Journal::latestSnapshot(const QString &path)
{
    Result<Db> db = openDb(path, true);
    if (!db)
        return db.error();
    Statement s =
        prepare(db.value().get(), "SELECT seq, hash, state FROM snapshots ORDER BY seq DESC LIMIT 1");
    if (!s)
        return sqlError(db.value().get(), Tr::tr("reading snapshots"));
    const int rc = sqlite3_step(s.get());
    if (rc == SQLITE_DONE)
        return std::optional<Snapshot>();
    if (rc != SQLITE_ROW)
        return sqlError(db.value().get(), Tr::tr("reading snapshots"));
    Snapshot snap;
    snap.seq = std::uint64_t(sqlite3_column_int64(s.get(), 0));
    snap.hash = std::uint64_t(sqlite3_column_int64(s.get(), 1));
    const auto *data = static_cast<const char *>(sqlite3_column_blob(s.get(), 2));
    snap.state.assign(data ? data : "", std::size_t(sqlite3_column_bytes(s.get(), 2)));
    return std::optional<Snapshot>(std::move(snap));
}

Result<std::uint64_t> Journal::replay(const QString &path, std::uint64_t after,
                                      const std::function<bool(std::uint64_t, std::string_view)> &record)
{
    Result<Db> db = openDb(path, true);
    if (!db)
        return db.error();
    Statement s = prepare(db.value().get(), "SELECT seq, payload FROM journal WHERE seq > ?1 ORDER BY seq");
    if (!s)
        return sqlError(db.value().get(), Tr::tr("replay"));
    sqlite3_bind_int64(s.get(), 1, sqlite3_int64(after));
    std::uint64_t visited = 0;
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(s.get(), 1));
        const std::string_view payload(data ? data : "", std::size_t(sqlite3_column_bytes(s.get(), 1)));
        ++visited;
        if (!record(std::uint64_t(sqlite3_column_int64(s.get(), 0)), payload))
            return visited;
    }
    if (rc != SQLITE_DONE)
        return sqlError(db.value().get(), Tr::tr("replay"));
    return visited;
}

} // namespace cloudex::store
