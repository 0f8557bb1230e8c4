#pragma once

#include "core/result.h"

#include <QMutex>
#include <QObject>

#include <atomic>

namespace cloudex {

/// One asynchronous operation, the one job shape of the code base (KJob style): it starts
/// when made, may report progress, can be asked to cancel, and ends with exactly one
/// finished() signal; error() is empty on success, else a stable code, with a person's
/// errorString(). API calls (net::ApiCall) and the connect agent's operations
/// (connect::ConnectJob) are jobs.
///
/// A job lives in the thread that made it and emits finished() there; progress may be
/// reported from a worker thread. Jobs are not deleted automatically: a receiver calls
/// deleteLater() when done, or the job's parent deletes it.
class Job : public QObject
{
    Q_OBJECT

public:
    explicit Job(QString title = {}, QObject *parent = nullptr);

    /// What the job does, for people ("Starting web-1").
    QString title() const { return m_title; }
    bool isFinished() const { return m_finished; }
    /// Empty on success (and while running); a stable code such as "libvirt.start".
    QString error() const { return m_finished && !m_result.ok() ? m_result.error().code : QString(); }
    QString errorString() const
    {
        return m_finished && !m_result.ok() ? m_result.error().message : QString();
    }
    Result<void> result() const { return m_result; }

    /// Asks the job to stop. Thread-safe; what stopping means is the job's: an API call
    /// aborts its request, an agent job stops before its next step and fails with
    /// "job.cancelled". Work already done is not undone.
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    int percent() const;
    QString stepText() const;

    /// Runs a local event loop until finished. For tests and command-line tools only: product
    /// code connects to finished() instead.
    Result<void> wait();

Q_SIGNALS:
    void progress(int percent, const QString &step);
    void finished(cloudex::Job *job);

protected:
    /// Reports that step `step` of `steps` begins. Thread-safe; returns false once cancelled,
    /// so work can stop between steps.
    bool setProgress(int step, int steps, const QString &text);
    /// Ends the job; in the job's thread, once (later calls are ignored).
    void finish(const Result<void> &result);
    /// Called by cancel() in the caller's thread after the flag is set.
    virtual void onCancel() {}
    /// Renames the job (a job that mirrors one on another thread learns its final title); in
    /// the job's thread.
    void setTitle(const QString &title) { m_title = title; }

private:
    QString m_title;
    Result<void> m_result;
    bool m_finished = false;
    std::atomic<bool> m_cancelled{false};
    mutable QMutex m_mutex;
    int m_percent = 0;
    QString m_stepText;
};

} // namespace cloudex
