#pragma once

#include "core/job.h"

#include <functional>

namespace cloudex::connect {

/// One operation of the connect agent: a Job that runs on the agent's worker thread,
/// reports progress per step and can be cancelled between steps (it then fails with
/// "job.cancelled"; a step already running completes).
///
/// Lives in the thread that asked the agent; its signals reach receivers there. The agent
/// (its parent) deletes it unless a receiver does so first. EmbeddedAgent hands the caller's
/// thread a ConnectJob that mirrors the agent's job on the agent thread (progress, title,
/// finish; cancel() is passed on).
class ConnectJob final : public Job
{
    Q_OBJECT

public:
    using Job::Job;

    // Called by the agent: setProgress() from the worker thread, finish() in the job's thread.
    using Job::finish;
    using Job::setProgress;
    using Job::setTitle;

    /// Reports `percent` and `step` as given (a mirror of another job's progress).
    void mirrorProgress(int percent, const QString &step) { setProgress(percent + 1, kMirrorSteps, step); }
    /// Called by cancel() (in the caller's thread), for a mirror to pass the cancel on.
    void setCancelHandler(std::function<void()> handler) { m_onCancel = std::move(handler); }

protected:
    void onCancel() override
    {
        if (m_onCancel)
            m_onCancel();
    }

private:
    static constexpr int kMirrorSteps = 100;
    std::function<void()> m_onCancel;
};

} // namespace cloudex::connect
