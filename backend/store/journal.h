#pragma once

#include "core/result.h"

#include <QString>

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

    /// Runs on the writer thread after each commit with the highest durable sequence.
    using CommitCallback = std::function<void(std::uint64_t durableSeq)>;
    /// Runs on the writer thread when a commit fails; the journal stops accepting work.
    using ErrorCallback = std::function<void(const QString &message)>;

    ~Journal();
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    /// Opens or creates the journal at `path`. The writer starts at once.
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

    /// The newest snapshot, if any. Reads through its own connection.
    static Result<std::optional<Snapshot>> latestSnapshot(const QString &path);
    /// Calls `record` for every record with seq > `after`, in order; it may stop the walk by
    /// returning false. Returns the number of records visited. Reads through its own
    /// connection, so it is safe while the writer runs.
    static Result<std::uint64_t>
    replay(const QString &path, std::uint64_t after,
           const std::function<bool(std::uint64_t seq, std::string_view payload)> &record);

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
