#pragma once

#include "core/result.h"

#include <QMutex>
#include <QObject>

#include <atomic>

namespace cloudex::connect {

/// One asynchronous operation of the connect agent (KJob style): it runs on the agent's
/// worker thread, reports progress per step, can be cancelled between steps and ends with
/// exactly one finished() signal; error() is empty on success.
///
/// Lives in the thread that created it (the GUI thread); signals reach receivers there.
/// Not deleted automatically: receivers call deleteLater() when done, otherwise the agent
/// (its parent) deletes it.
class ConnectJob final : public QObject
{
    Q_OBJECT

public:
    explicit ConnectJob(QString title, QObject *parent = nullptr);

    QString title() const { return m_title; }
    bool isFinished() const { return m_finished; }
    /// Empty on success; a stable code such as "libvirt.start" or "placement.capacity".
    QString error() const { return m_result.ok() ? QString() : m_result.error().code; }
    QString errorString() const { return m_result.ok() ? QString() : m_result.error().message; }
    Result<void> result() const { return m_result; }

    /// Requests cancellation; the job stops before its next step and fails with
    /// "job.cancelled". A step already running completes.
    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load(); }

    int percent() const;
    QString stepText() const;

    /// Runs a local event loop until finished (for headless tools and tests).
    Result<void> wait();

    // Called by the agent: setProgress() from the worker thread, finish() in the job's thread.
    /// Returns false when cancelled, so drivers can stop between steps.
    bool setProgress(int step, int steps, const QString &text);
    void finish(const Result<void> &result);

signals:
    void progress(int percent, const QString &step);
    void finished(cloudex::connect::ConnectJob *job);

private:
    QString m_title;
    Result<void> m_result;
    bool m_finished = false;
    std::atomic<bool> m_cancelled{false};
    mutable QMutex m_mutex;
    int m_percent = 0;
    QString m_stepText;
};

} // namespace cloudex::connect
