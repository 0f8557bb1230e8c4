#pragma once

#include "core/job.h"

namespace cloudex::connect {

/// One operation of the connect agent: a Job that runs on the agent's worker thread,
/// reports progress per step and can be cancelled between steps (it then fails with
/// "job.cancelled"; a step already running completes).
///
/// Lives in the thread that asked the agent (the GUI thread); its signals reach receivers
/// there. The agent (its parent) deletes it unless a receiver does so first.
class ConnectJob final : public Job
{
    Q_OBJECT

public:
    using Job::Job;

    // Called by the agent: setProgress() from the worker thread, finish() in the job's thread.
    using Job::finish;
    using Job::setProgress;
};

} // namespace cloudex::connect
