#include "store/journal.h"

#include "core/logging.h"

#include <algorithm>
#include <chrono>
#include <cstring>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <fcntl.h>
// SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, whose dispatch
// costs as much again as hashing a ~100-byte record (0.7 vs 1.3 µs per record measured
// on the build machine): the journal writer hashes every record, so it calls them directly.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

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

/// The journal and its -wal and -shm files are the exchange's history: owner-only. A new
/// file is created 0600 before SQLite opens it (SQLite gives -wal and -shm the mode of the
/// database file); files of an older version are tightened.
void makePrivate(const QString &path)
{
    const QByteArray name = path.toLocal8Bit();
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd >= 0) {
        ::close(fd);
        return;
    }
    for (const char *suffix : {"", "-wal", "-shm"})
        ::chmod(QByteArray(name + suffix).constData(), S_IRUSR | S_IWUSR);
}

constexpr int kFormat = 2;

/// Creates the tables, or adds the digest columns to a format-1 journal.
Result<void> setupSchema(sqlite3 *db)
{
    if (!exec(db, "CREATE TABLE IF NOT EXISTS journal(seq INTEGER PRIMARY KEY, payload BLOB NOT NULL, hash "
                  "BLOB)") ||
        !exec(db, "CREATE TABLE IF NOT EXISTS snapshots(seq INTEGER PRIMARY KEY, hash INTEGER NOT NULL, "
                  "state BLOB NOT NULL, checksum BLOB)") ||
        !exec(db, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value)"))
        return sqlError(db, Tr::tr("setup"));
    // Format 1 had neither column.
    if (!prepare(db, "SELECT hash FROM journal LIMIT 0") &&
        !exec(db, "ALTER TABLE journal ADD COLUMN hash BLOB"))
        return sqlError(db, Tr::tr("setup"));
    if (!prepare(db, "SELECT checksum FROM snapshots LIMIT 0") &&
        !exec(db, "ALTER TABLE snapshots ADD COLUMN checksum BLOB"))
        return sqlError(db, Tr::tr("setup"));
    return {};
}

/// SHA-256 over the concatenation of `parts`.
Journal::Digest sha256(std::initializer_list<std::string_view> parts)
{
    SHA256_CTX ctx;
    SHA256_Init(&ctx);
    for (std::string_view part : parts)
        SHA256_Update(&ctx, part.data(), part.size());
    Journal::Digest out{};
    SHA256_Final(out.data(), &ctx);
    return out;
}

std::string_view view(const Journal::Digest &d)
{
    return {reinterpret_cast<const char *>(d.data()), d.size()};
}

std::array<char, 8> littleEndian(std::uint64_t v)
{
    std::array<char, 8> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = char((v >> (8 * i)) & 0xff);
    return out;
}

std::uint64_t fromLittleEndian(const unsigned char *p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

/// A stored digest column, if it is one.
std::optional<Journal::Digest> digestColumn(sqlite3_stmt *s, int column)
{
    if (sqlite3_column_type(s, column) != SQLITE_BLOB || sqlite3_column_bytes(s, column) != 32)
        return std::nullopt;
    Journal::Digest d;
    std::memcpy(d.data(), sqlite3_column_blob(s, column), d.size());
    return d;
}

std::string_view blobColumn(sqlite3_stmt *s, int column)
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(s, column));
    return {data ? data : "", std::size_t(sqlite3_column_bytes(s, column))};
}

Error corrupt(const QString &path, std::uint64_t seq, const QString &what)
{
    return Error{QStringLiteral("store.corrupt"),
                 Tr::tr("The journal %1 is damaged at sequence %2: %3").arg(path).arg(seq).arg(what)};
}

Result<std::optional<Journal::Identity>> readIdentity(sqlite3 *db)
{
    Statement s = prepare(db, "SELECT (SELECT value FROM meta WHERE key = 'exchange_id'), "
                              "(SELECT value FROM meta WHERE key = 'epoch')");
    if (!s || sqlite3_step(s.get()) != SQLITE_ROW)
        return sqlError(db, Tr::tr("reading the identity"));
    if (sqlite3_column_type(s.get(), 0) == SQLITE_NULL)
        return std::optional<Journal::Identity>();
    Journal::Identity identity;
    identity.exchangeId = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s.get(), 0)));
    identity.epoch = sqlite3_column_int64(s.get(), 1);
    return std::optional<Journal::Identity>(identity);
}

/// The head stored with the last commit: its sequence and digest.
struct Head
{
    std::uint64_t seq = 0;
    Journal::Digest digest{};
};

Result<std::optional<Head>> readHead(sqlite3 *db)
{
    Statement s = prepare(db, "SELECT value FROM meta WHERE key = 'head'");
    if (!s)
        return sqlError(db, Tr::tr("reading the head"));
    const int rc = sqlite3_step(s.get());
    if (rc == SQLITE_DONE)
        return std::optional<Head>();
    if (rc != SQLITE_ROW)
        return sqlError(db, Tr::tr("reading the head"));
    const std::string_view blob = blobColumn(s.get(), 0);
    Head head;
    if (blob.size() != 8 + head.digest.size())
        return std::optional<Head>(Head{~std::uint64_t(0), {}});
    const auto *bytes = reinterpret_cast<const unsigned char *>(blob.data());
    head.seq = fromLittleEndian(bytes);
    std::memcpy(head.digest.data(), bytes + 8, head.digest.size());
    return std::optional<Head>(head);
}

std::string headBlob(std::uint64_t seq, const Journal::Digest &digest)
{
    const auto le = littleEndian(seq);
    std::string blob(le.data(), le.size());
    blob.append(view(digest));
    return blob;
}

/// A read transaction: every statement of a walk sees the same commit.
struct ReadTransaction
{
    sqlite3 *db;
    explicit ReadTransaction(sqlite3 *d)
        : db(d)
    {
        exec(db, "BEGIN");
    }
    ~ReadTransaction() { exec(db, "COMMIT"); }
};

/// Walks the chain from sequence 1; see Journal::replay(). `digestsAt` asks for the verified
/// digests at some sequence numbers (snapshots), filled in as the walk passes them.
struct Walk
{
    std::uint64_t visited = 0;
    std::uint64_t records = 0;
    std::uint64_t lastSeq = 0;
    bool headChecked = false;
};

Result<Walk> walkChain(sqlite3 *db, const QString &path, std::uint64_t after,
                       const std::function<bool(std::uint64_t, std::string_view)> &record,
                       std::vector<std::pair<std::uint64_t, std::optional<Journal::Digest>>> *digestsAt)
{
    Result<std::optional<Journal::Identity>> identity = readIdentity(db);
    if (!identity)
        return identity.error();
    Journal::Digest previous = Journal::genesis(identity.value());
    if (digestsAt) {
        for (auto &[seq, digest] : *digestsAt)
            if (seq == 0)
                digest = previous;
    }
    Statement s = prepare(db, "SELECT seq, payload, hash FROM journal ORDER BY seq");
    if (!s)
        return sqlError(db, Tr::tr("replay"));
    Walk walk;
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
        const std::uint64_t seq = std::uint64_t(sqlite3_column_int64(s.get(), 0));
        const std::uint64_t expected = walk.lastSeq + 1;
        if (seq != expected)
            return corrupt(path, expected,
                           Tr::tr("the record is missing (the next one stored is %1).").arg(seq));
        const std::string_view payload = blobColumn(s.get(), 1);
        const std::optional<Journal::Digest> stored = digestColumn(s.get(), 2);
        if (!stored)
            return corrupt(path, seq, Tr::tr("the record has no checksum."));
        if (Journal::recordDigest(previous, seq, payload) != *stored)
            return corrupt(path, seq, Tr::tr("the record does not match its checksum."));
        previous = *stored;
        walk.lastSeq = seq;
        ++walk.records;
        if (digestsAt) {
            for (auto &[at, digest] : *digestsAt)
                if (at == seq)
                    digest = previous;
        }
        if (seq > after && record) {
            ++walk.visited;
            if (!record(seq, payload))
                return walk;
        }
    }
    if (rc != SQLITE_DONE)
        return sqlError(db, Tr::tr("replay"));
    // The head commits to the last record: records cut off the end show here.
    Result<std::optional<Head>> head = readHead(db);
    if (!head)
        return head.error();
    if (!head.value()) {
        if (walk.records != 0)
            return corrupt(path, walk.lastSeq, Tr::tr("the journal's head record is missing."));
    } else if (head.value()->seq > walk.lastSeq) {
        return corrupt(path, walk.lastSeq + 1,
                       Tr::tr("the journal ends at %1 but its head is at %2: records are missing.")
                           .arg(walk.lastSeq)
                           .arg(head.value()->seq));
    } else if (head.value()->seq != walk.lastSeq || head.value()->digest != previous) {
        return corrupt(path, walk.lastSeq, Tr::tr("the journal's head does not match its last record."));
    }
    walk.headChecked = true;
    return walk;
}
} // namespace

Journal::Digest Journal::genesis(const std::optional<Identity> &identity)
{
    const QByteArray id = identity ? identity->exchangeId.toUtf8() : QByteArray();
    const std::string epoch = std::to_string(identity ? identity->epoch : 0);
    return sha256(
        {"cloudex-journal/2\n", std::string_view(id.constData(), std::size_t(id.size())), "\n", epoch});
}

Journal::Digest Journal::recordDigest(const Digest &previous, std::uint64_t seq, std::string_view payload)
{
    const auto le = littleEndian(seq);
    return sha256({view(previous), std::string_view(le.data(), le.size()), payload});
}

Journal::Digest Journal::snapshotDigest(const Digest &atSeq, std::uint64_t seq, std::uint64_t hash,
                                        std::string_view state)
{
    const auto leSeq = littleEndian(seq);
    const auto leHash = littleEndian(hash);
    return sha256({view(atSeq), std::string_view(leSeq.data(), leSeq.size()),
                   std::string_view(leHash.data(), leHash.size()), state});
}

/// The writer's prepared statements; they live and die on the writer thread.
struct Journal::Statements
{
    Statement insert;
    Statement insertSnapshot;
    Statement pruneSnapshots;
    Statement head;
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
    if (!m_path.isEmpty() && QFileInfo(m_path).dir().exists())
        makePrivate(m_path);
    Result<Db> db = openDb(m_path, false);
    if (!db)
        return db.error();
    m_db = db.value().release();
    // WAL: readers never block the writer. Autocheckpoint off: the checkpoint thread does it.
    if (!exec(m_db, "PRAGMA journal_mode=WAL") || !exec(m_db, "PRAGMA wal_autocheckpoint=0") ||
        !exec(m_db, m_options.synchronousFull ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"))
        return sqlError(m_db, Tr::tr("setup"));
    if (Result<void> schema = setupSchema(m_db); !schema)
        return schema.error();
    Result<std::optional<Identity>> identity = readIdentity(m_db);
    if (!identity)
        return identity.error();
    m_chain = genesis(identity.value());
    // The chain continues from the last stored digest; replay() verifies it before anything
    // is appended.
    Statement last = prepare(m_db, "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
    if (!last)
        return sqlError(m_db, Tr::tr("reading the last sequence"));
    const int rc = sqlite3_step(last.get());
    if (rc == SQLITE_ROW) {
        m_lastSeqAtOpen = std::uint64_t(sqlite3_column_int64(last.get(), 0));
        const std::optional<Digest> digest = digestColumn(last.get(), 1);
        if (!digest) {
            return Error{QStringLiteral("store.unchained"),
                         Tr::tr("The journal %1 has records without checksums (format 1): start the exchange "
                                "service on its data directory once to migrate it.")
                             .arg(m_path)};
        }
        m_chain = *digest;
    } else if (rc != SQLITE_DONE) {
        return sqlError(m_db, Tr::tr("reading the last sequence"));
    }
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
        prepare(m_db, "INSERT INTO journal(seq, payload, hash) VALUES(?1, ?2, ?3)"),
        prepare(m_db, "INSERT OR REPLACE INTO snapshots(seq, hash, state, checksum) VALUES(?1, ?2, ?3, ?4)"),
        prepare(
            m_db,
            "DELETE FROM snapshots WHERE seq NOT IN (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT ?1)"),
        prepare(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES('head', ?1)")};
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
    if (!insert || !insertSnapshot || !pruneSnapshots || !statements.head || !exec(m_db, "BEGIN IMMEDIATE"))
        return fail();
    // The chain advances only when the transaction commits.
    Digest chain = m_chain;
    std::uint64_t chainSeq = 0;
    bool snapshots = false;
    for (const Record &r : batch.records) {
        const std::string_view payload = batch.payload(r);
        sqlite3_stmt *s = r.snapshot ? insertSnapshot.get() : insert.get();
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, sqlite3_int64(r.seq));
        Digest digest;
        if (r.snapshot) {
            // Bound to the digest of the record it follows (the state after record r.seq).
            digest = snapshotDigest(chain, r.seq, r.hash, payload);
            sqlite3_bind_int64(s, 2, sqlite3_int64(r.hash));
            sqlite3_bind_blob64(s, 3, payload.data(), sqlite3_uint64(payload.size()), SQLITE_STATIC);
            sqlite3_bind_blob(s, 4, digest.data(), int(digest.size()), SQLITE_STATIC);
            snapshots = true;
        } else {
            chain = digest = recordDigest(chain, r.seq, payload);
            chainSeq = r.seq;
            sqlite3_bind_blob64(s, 2, payload.data(), sqlite3_uint64(payload.size()), SQLITE_STATIC);
            sqlite3_bind_blob(s, 3, digest.data(), int(digest.size()), SQLITE_STATIC);
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
    if (chainSeq != 0) {
        const std::string head = headBlob(chainSeq, chain);
        sqlite3_reset(statements.head.get());
        sqlite3_bind_blob(statements.head.get(), 1, head.data(), int(head.size()), SQLITE_STATIC);
        if (sqlite3_step(statements.head.get()) != SQLITE_DONE)
            return fail();
    }
    if (!exec(m_db, "COMMIT"))
        return fail();
    m_chain = chain;
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
    ReadTransaction transaction(db.value().get());
    Statement s =
        prepare(db.value().get(), "SELECT s.seq, s.hash, s.state, s.checksum, j.hash FROM snapshots s "
                                  "LEFT JOIN journal j ON j.seq = s.seq ORDER BY s.seq DESC LIMIT 1");
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
    const std::string_view state = blobColumn(s.get(), 2);
    std::optional<Digest> atSeq = digestColumn(s.get(), 4);
    if (snap.seq == 0) {
        Result<std::optional<Identity>> identity = readIdentity(db.value().get());
        if (!identity)
            return identity.error();
        atSeq = genesis(identity.value());
    }
    // The record digest at seq is itself checked by replay()'s walk over the chain.
    const std::optional<Digest> checksum = digestColumn(s.get(), 3);
    if (!atSeq || !checksum || snapshotDigest(*atSeq, snap.seq, snap.hash, state) != *checksum)
        return corrupt(path, snap.seq, Tr::tr("the snapshot does not match its checksum."));
    snap.state.assign(state);
    return std::optional<Snapshot>(std::move(snap));
}

Result<std::uint64_t> Journal::replay(const QString &path, std::uint64_t after,
                                      const std::function<bool(std::uint64_t, std::string_view)> &record)
{
    Result<Db> db = openDb(path, true);
    if (!db)
        return db.error();
    ReadTransaction transaction(db.value().get());
    Result<Walk> walk = walkChain(db.value().get(), path, after, record, nullptr);
    if (!walk)
        return walk.error();
    return walk.value().visited;
}

Result<Journal::VerifyReport>
Journal::verify(const QString &path, const std::function<bool(std::uint64_t, std::string_view)> &record)
{
    if (!QFileInfo::exists(path))
        return Error{QStringLiteral("store.open"), Tr::tr("The journal %1 does not exist.").arg(path)};
    Result<Db> opened = openDb(path, true);
    if (!opened)
        return opened.error();
    sqlite3 *db = opened.value().get();
    ReadTransaction transaction(db);
    VerifyReport report;
    Result<std::optional<Identity>> identity = readIdentity(db);
    if (!identity)
        return identity.error();
    report.identity = identity.value();
    // Every stored snapshot, checked against the digest the walk verifies at its sequence.
    Statement snaps = prepare(db, "SELECT seq, hash, state, checksum FROM snapshots ORDER BY seq");
    if (!snaps)
        return sqlError(db, Tr::tr("reading snapshots"));
    std::vector<std::pair<std::uint64_t, std::optional<Digest>>> digestsAt;
    int rc;
    while ((rc = sqlite3_step(snaps.get())) == SQLITE_ROW)
        digestsAt.emplace_back(std::uint64_t(sqlite3_column_int64(snaps.get(), 0)), std::nullopt);
    if (rc != SQLITE_DONE)
        return sqlError(db, Tr::tr("reading snapshots"));
    Result<Walk> walk = walkChain(db, path, 0, record, &digestsAt);
    if (!walk)
        return walk.error();
    report.records = walk.value().records;
    report.lastSeq = walk.value().lastSeq;
    report.headChecked = walk.value().headChecked;
    sqlite3_reset(snaps.get());
    for (std::size_t i = 0; (rc = sqlite3_step(snaps.get())) == SQLITE_ROW; ++i) {
        const std::uint64_t seq = std::uint64_t(sqlite3_column_int64(snaps.get(), 0));
        const std::optional<Digest> checksum = digestColumn(snaps.get(), 3);
        const std::optional<Digest> &atSeq = digestsAt[i].second;
        if (!atSeq || !checksum ||
            snapshotDigest(*atSeq, seq, std::uint64_t(sqlite3_column_int64(snaps.get(), 1)),
                           blobColumn(snaps.get(), 2)) != *checksum)
            return corrupt(path, seq, Tr::tr("the snapshot does not match its checksum."));
        report.snapshots.push_back(seq);
    }
    if (rc != SQLITE_DONE)
        return sqlError(db, Tr::tr("reading snapshots"));
    return report;
}

Result<std::uint64_t> Journal::lastSequence(const QString &path)
{
    if (!QFileInfo::exists(path) || QFileInfo(path).size() == 0)
        return std::uint64_t(0);
    Result<Db> db = openDb(path, true);
    if (!db)
        return db.error();
    Statement s = prepare(db.value().get(), "SELECT COALESCE(MAX(seq), 0) FROM journal");
    if (!s)
        return std::uint64_t(0); // no journal table: nothing was ever written
    if (sqlite3_step(s.get()) != SQLITE_ROW)
        return sqlError(db.value().get(), Tr::tr("reading the last sequence"));
    return std::uint64_t(sqlite3_column_int64(s.get(), 0));
}

Result<std::optional<Journal::Identity>> Journal::identity(const QString &path)
{
    if (!QFileInfo::exists(path) || QFileInfo(path).size() == 0)
        return std::optional<Identity>();
    Result<Db> db = openDb(path, true);
    if (!db)
        return db.error();
    // A format-1 journal has no meta table.
    if (!prepare(db.value().get(), "SELECT 1 FROM meta LIMIT 0"))
        return std::optional<Identity>();
    return readIdentity(db.value().get());
}

Result<void> Journal::stamp(const QString &path, const Identity &identity)
{
    makePrivate(path);
    Result<Db> opened = openDb(path, false);
    if (!opened)
        return opened.error();
    sqlite3 *db = opened.value().get();
    if (!exec(db, "PRAGMA journal_mode=WAL") || !exec(db, "PRAGMA synchronous=FULL"))
        return sqlError(db, Tr::tr("setup"));
    if (Result<void> schema = setupSchema(db); !schema)
        return schema.error();
    if (!exec(db, "BEGIN IMMEDIATE"))
        return sqlError(db, Tr::tr("migration"));
    auto fail = [&](Error error) {
        exec(db, "ROLLBACK");
        return error;
    };
    Result<std::optional<Identity>> existing = readIdentity(db);
    if (!existing)
        return fail(existing.error());
    if (existing.value() && *existing.value() != identity) {
        return fail(Error{QStringLiteral("store.identity"),
                          Tr::tr("The journal %1 belongs to exchange %2 (epoch %3).")
                              .arg(path, existing.value()->exchangeId)
                              .arg(existing.value()->epoch)});
    }
    const QByteArray id = identity.exchangeId.toUtf8();
    Statement meta = prepare(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
    if (!meta)
        return fail(sqlError(db, Tr::tr("migration")));
    auto put = [&](const char *key, auto bind) {
        sqlite3_reset(meta.get());
        sqlite3_bind_text(meta.get(), 1, key, -1, SQLITE_STATIC);
        bind(meta.get());
        return sqlite3_step(meta.get()) == SQLITE_DONE;
    };
    if (!put("format", [](sqlite3_stmt *s) { sqlite3_bind_int(s, 2, kFormat); }) ||
        !put("exchange_id",
             [&](sqlite3_stmt *s) {
                 sqlite3_bind_text(s, 2, id.constData(), int(id.size()), SQLITE_STATIC);
             }) ||
        !put("epoch", [&](sqlite3_stmt *s) { sqlite3_bind_int64(s, 2, identity.epoch); }))
        return fail(sqlError(db, Tr::tr("migration")));

    // (Re)chain every record from the identity's genesis, then the snapshots and the head.
    std::vector<std::pair<std::uint64_t, Digest>> digests;
    Digest chain = genesis(identity);
    {
        Statement rows = prepare(db, "SELECT seq, payload FROM journal ORDER BY seq");
        if (!rows)
            return fail(sqlError(db, Tr::tr("migration")));
        while (sqlite3_step(rows.get()) == SQLITE_ROW) {
            const std::uint64_t seq = std::uint64_t(sqlite3_column_int64(rows.get(), 0));
            chain = recordDigest(chain, seq, blobColumn(rows.get(), 1));
            digests.emplace_back(seq, chain);
        }
    }
    Statement update = prepare(db, "UPDATE journal SET hash = ?1 WHERE seq = ?2");
    if (!update)
        return fail(sqlError(db, Tr::tr("migration")));
    for (const auto &[seq, digest] : digests) {
        sqlite3_reset(update.get());
        sqlite3_bind_blob(update.get(), 1, digest.data(), int(digest.size()), SQLITE_STATIC);
        sqlite3_bind_int64(update.get(), 2, sqlite3_int64(seq));
        if (sqlite3_step(update.get()) != SQLITE_DONE)
            return fail(sqlError(db, Tr::tr("migration")));
    }
    const Digest first = genesis(identity);
    auto digestAt = [&](std::uint64_t seq) -> std::optional<Digest> {
        if (seq == 0)
            return first;
        const auto it = std::lower_bound(digests.begin(), digests.end(), seq,
                                         [](const auto &entry, std::uint64_t s) { return entry.first < s; });
        if (it == digests.end() || it->first != seq)
            return std::nullopt;
        return it->second;
    };
    std::vector<std::pair<std::uint64_t, Digest>> snapshotSums;
    {
        Statement snaps = prepare(db, "SELECT seq, hash, state FROM snapshots");
        if (!snaps)
            return fail(sqlError(db, Tr::tr("migration")));
        while (sqlite3_step(snaps.get()) == SQLITE_ROW) {
            const std::uint64_t seq = std::uint64_t(sqlite3_column_int64(snaps.get(), 0));
            // A snapshot past the records it claims to follow stays without a checksum.
            if (const std::optional<Digest> at = digestAt(seq))
                snapshotSums.emplace_back(
                    seq, snapshotDigest(*at, seq, std::uint64_t(sqlite3_column_int64(snaps.get(), 1)),
                                        blobColumn(snaps.get(), 2)));
        }
    }
    Statement updateSnapshot = prepare(db, "UPDATE snapshots SET checksum = ?1 WHERE seq = ?2");
    if (!updateSnapshot)
        return fail(sqlError(db, Tr::tr("migration")));
    for (const auto &[seq, digest] : snapshotSums) {
        sqlite3_reset(updateSnapshot.get());
        sqlite3_bind_blob(updateSnapshot.get(), 1, digest.data(), int(digest.size()), SQLITE_STATIC);
        sqlite3_bind_int64(updateSnapshot.get(), 2, sqlite3_int64(seq));
        if (sqlite3_step(updateSnapshot.get()) != SQLITE_DONE)
            return fail(sqlError(db, Tr::tr("migration")));
    }
    if (!digests.empty()) {
        const std::string head = headBlob(digests.back().first, chain);
        if (!put("head", [&](sqlite3_stmt *s) {
                sqlite3_bind_blob(s, 2, head.data(), int(head.size()), SQLITE_STATIC);
            }))
            return fail(sqlError(db, Tr::tr("migration")));
    }
    if (!exec(db, "COMMIT"))
        return fail(sqlError(db, Tr::tr("migration")));
    sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    return {};
}

} // namespace cloudex::store
