#pragma once

#include "core/result.h"

#include <QString>

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

struct sqlite3;

/// Durable storage: the exchange journal on SQLite.
namespace cloudex::store {

/// The exchange journal: an append-only table of sequenced command records plus engine
/// snapshots, in one SQLite database in WAL mode.
///
/// Integrity (format 2, docs/ARCHITECTURE.md "Journal"): every record stores a SHA-256
/// digest over the previous record's digest, its sequence number and its payload, so each
/// digest is both the record's checksum and a link of a hash chain that starts at a genesis
/// digest derived from the data directory's identity (exchange id and epoch, kept in the
/// `meta` table). Each commit also stores the chain's head (last sequence and digest), and
/// each snapshot a digest bound to the record digest at its sequence. replay() and
/// latestSnapshot() verify all of it and name the first damaged sequence number.
///
/// Appends are queued and written by one writer thread that groups everything queued into
/// one transaction (at most `maxBatch` records), so many commands share one fsync. Record
/// bytes are copied into buffers that the appending thread and the writer swap and reuse,
/// so a record costs no allocation and no memory changes threads. The
/// commit callback reports the highest sequence number made durable; only then may a
/// command be acknowledged. A second thread checkpoints the WAL into the database, so
/// checkpoints never sit on the commit path.
class Journal
{
public:
    struct Options
    {
        int maxBatch = 8192;         ///< records per transaction, bounds commit latency
        bool synchronousFull = true; ///< PRAGMA synchronous=FULL (else NORMAL)
        int checkpointIntervalMs = 1000;
        std::size_t maxQueued = 1 << 20; ///< append() waits beyond this (back pressure)
    };

    struct Snapshot
    {
        std::uint64_t seq = 0;
        std::uint64_t hash = 0;
        std::string state;
    };

    /// A SHA-256 digest: a record's chain digest, the genesis or a snapshot's checksum.
    using Digest = std::array<unsigned char, 32>;

    /// Which exchange data directory the journal belongs to; seeds the chain's genesis.
    struct Identity
    {
        QString exchangeId;
        std::int64_t epoch = 0;
        friend bool operator==(const Identity &, const Identity &) = default;
    };

    /// The digest record 1 links to: SHA-256("cloudex-journal/2\n" id "\n" epoch), with an
    /// empty id and epoch 0 for a journal without identity.
    static Digest genesis(const std::optional<Identity> &identity);
    /// SHA-256(previous || seq as 8 bytes little-endian || payload).
    static Digest recordDigest(const Digest &previous, std::uint64_t seq, std::string_view payload);
    /// SHA-256(record digest at seq || seq || hash, 8 bytes little-endian each || state).
    static Digest snapshotDigest(const Digest &atSeq, std::uint64_t seq, std::uint64_t hash,
                                 std::string_view state);

    /// What verify() checked.
    struct VerifyReport
    {
        std::optional<Identity> identity;
        std::uint64_t records = 0;
        std::uint64_t lastSeq = 0;
        std::vector<std::uint64_t> snapshots; ///< sequence numbers of the verified snapshots
        bool headChecked = false;
    };

    /// Runs on the writer thread after each commit with the highest durable sequence.
    using CommitCallback = std::function<void(std::uint64_t durableSeq)>;
    /// Runs on the writer thread when a commit fails; the journal stops accepting work.
    using ErrorCallback = std::function<void(const QString &message)>;

    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    /// Opens or creates the journal at `path` (created owner-only, 0600; its -wal and -shm
    /// files copy that mode). The writer starts at once. A journal whose records carry no
    /// digests (format 1) is refused: stamp() migrates it.
    static Result<std::unique_ptr<Journal>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<Journal>> open(const QString &path) { return open(path, Options{}); }

    void setCommitCallback(CommitCallback callback);
    void setErrorCallback(ErrorCallback callback);

    /// Queues record `seq` (which must be the last sequence plus one) for the next commit.
    void append(std::uint64_t seq, std::string_view payload);
    /// Queues a snapshot of the state after record `seq`; written in order with the records.
    void appendSnapshot(std::uint64_t seq, std::uint64_t hash, std::string state);
    /// Blocks until everything queued so far is committed (or the journal failed).
    bool flush();

    /// Commits and records written since open (for statistics and benchmarks).
    struct Stats
    {
        std::uint64_t commits = 0;
        std::uint64_t records = 0;
        std::uint64_t commitNs = 0; ///< time spent writing and syncing transactions
    };
    Stats stats() const
    {
        return {m_commits.load(std::memory_order_relaxed), m_records.load(std::memory_order_relaxed),
                m_commitNs.load(std::memory_order_relaxed)};
    }

    /// Highest sequence stored when the journal was opened.
    std::uint64_t lastSeqAtOpen() const { return m_lastSeqAtOpen; }
    QString path() const { return m_path; }
    bool synchronousFull() const { return m_options.synchronousFull; }

    /// The newest snapshot, if any, after checking its digest against the record chain
    /// (error `store.corrupt` otherwise). Reads through its own connection.
    static Result<std::optional<Snapshot>> latestSnapshot(const QString &path);
    /// Walks the whole chain from sequence 1, verifying each record's digest and that the
    /// sequence has no gap, and calls `record` for every record with seq > `after`, in
    /// order; it may stop the walk by returning false. A walk that reaches the end also
    /// checks the stored head. Damage is the error `store.corrupt`, naming the first bad
    /// sequence number. Returns the number of records passed to `record`. Reads through its
    /// own connection, so it is safe while the writer runs.
    static Result<std::uint64_t>
    replay(const QString &path, std::uint64_t after,
           const std::function<bool(std::uint64_t seq, std::string_view payload)> &record);
    /// Checks a journal without changing it: every record, every stored snapshot and the
    /// head. `record` (optional) sees each payload, for a caller that decodes them.
    static Result<VerifyReport>
    verify(const QString &path,
           const std::function<bool(std::uint64_t seq, std::string_view payload)> &record = {});

    /// The highest sequence stored in the journal at `path` (0 for a missing or empty file);
    /// read-only.
    static Result<std::uint64_t> lastSequence(const QString &path);
    /// The identity stored in the journal at `path` (none for a new or format-1 journal).
    static Result<std::optional<Identity>> identity(const QString &path);
    /// Gives the journal at `path` (created when missing) its identity and (re)computes the
    /// digests of every record and snapshot and the head from the new genesis, in one
    /// transaction: the one-time migration of a format-1 journal, and the first step of a
    /// new data directory. Fails when the journal already has a different identity. Not
    /// while a Journal is open on `path`.
    static Result<void> stamp(const QString &path, const Identity &identity);

private:
    /// One queued record; its bytes are in Queue::bytes (a snapshot's in Queue::snapshots).
    struct Record
    {
        std::uint64_t seq;
        std::uint64_t hash;
        std::size_t offset; ///< into bytes, or the index into snapshots
        std::size_t size;
        bool snapshot;
    };
    struct Queue
    {
        std::vector<Record> records;
        std::string bytes;
        std::vector<std::string> snapshots;

        std::string_view payload(const Record &r) const
        {
            return r.snapshot ? std::string_view(snapshots[r.offset])
                              : std::string_view(bytes).substr(r.offset, r.size);
        }
        void clear()
        {
            records.clear();
            bytes.clear();
            snapshots.clear();
        }
    };

    struct Statements;

    Journal(QString path, const Options &options);
    Result<void> start();
    void writerLoop();
    void checkpointLoop();
    /// Moves up to `max` records from m_queue into `batch` (empty); m_mutex held.
    void take(Queue &batch, std::size_t max);
    bool writeBatch(Statements &statements, const Queue &batch, QString *error);

    QString m_path;
    Options m_options;
    sqlite3 *m_db = nullptr;
    sqlite3 *m_checkpointDb = nullptr;
    std::uint64_t m_lastSeqAtOpen = 0;
    Digest m_chain{}; ///< the digest of the last record written; the writer thread's

    std::mutex m_mutex;
    std::condition_variable m_wake;     ///< the writer: work or stop
    std::condition_variable m_progress; ///< appenders and flush(): a commit happened
    Queue m_queue;
    std::uint64_t m_queuedSeq = 0;
    std::uint64_t m_durableSeq = 0;
    bool m_stop = false;
    bool m_failed = false;
    CommitCallback m_onCommit;
    ErrorCallback m_onError;

    std::atomic<std::uint64_t> m_commits{0};
    std::atomic<std::uint64_t> m_records{0};
    std::atomic<std::uint64_t> m_commitNs{0};

    std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointWake;
    bool m_checkpointStop = false; ///< guarded by m_checkpointMutex
    std::thread m_writer;
    std::thread m_checkpointer;
};

} // namespace cloudex::store
