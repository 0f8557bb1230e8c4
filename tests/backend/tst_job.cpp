// The one job shape: one finished() per job, progress as steps begin, cancel once, and the
// error code and message of the result.
#include "core/job.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace cloudex;

namespace {
/// A job whose ending the test decides, counting the cancellations it is told of.
class ManualJob final : public Job
{
public:
    using Job::finish;
    using Job::Job;
    using Job::setProgress;
    int cancellations = 0;

protected:
    void onCancel() override { ++cancellations; }
};
} // namespace

class TestJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finishesOnce()
    {
        ManualJob job(QStringLiteral("Starting web-1"));
        QSignalSpy finished(&job, &Job::finished);
        QVERIFY(!job.isFinished());
        QVERIFY(job.error().isEmpty());
        job.finish(Error{QStringLiteral("libvirt.start"), QStringLiteral("The domain is gone.")});
        job.finish({}); // ignored: a job ends once
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<Job *>(), &job);
        QVERIFY(job.isFinished());
        QCOMPARE(job.error(), QStringLiteral("libvirt.start"));
        QCOMPARE(job.errorString(), QStringLiteral("The domain is gone."));
        QCOMPARE(job.title(), QStringLiteral("Starting web-1"));
        QCOMPARE(job.percent(), 0); // a failed job does not claim completion
    }

    void progressAsStepsBegin_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("percent");
        QTest::newRow("first of three") << 1 << 3 << 0;
        QTest::newRow("second of three") << 2 << 3 << 33;
        QTest::newRow("last of four") << 4 << 4 << 75;
        QTest::newRow("no steps known") << 1 << 0 << 0;
    }

    void progressAsStepsBegin()
    {
        QFETCH(int, step);
        QFETCH(int, steps);
        QFETCH(int, percent);
        ManualJob job;
        QSignalSpy progress(&job, &Job::progress);
        QVERIFY(job.setProgress(step, steps, QStringLiteral("Copying the disk")));
        QCOMPARE(job.percent(), percent);
        QCOMPARE(job.stepText(), QStringLiteral("Copying the disk"));
        QCOMPARE(progress.size(), 1);
        QCOMPARE(progress.at(0).at(0).toInt(), percent);
        job.finish({});
        QCOMPARE(job.percent(), 100);
    }

    void cancelIsToldOnceAndStopsSteps()
    {
        ManualJob job;
        job.cancel();
        job.cancel();
        QCOMPARE(job.cancellations, 1);
        QVERIFY(job.isCancelled());
        QVERIFY(!job.setProgress(2, 3, QStringLiteral("next")));
        // Cancelling a finished job changes nothing.
        ManualJob done;
        done.finish({});
        done.cancel();
        QCOMPARE(done.cancellations, 0);
    }

    void progressFromAWorkerThread()
    {
        ManualJob job;
        QSignalSpy progress(&job, &Job::progress);
        QThread *worker = QThread::create([&job] {
            for (int step = 1; step <= 4; ++step)
                job.setProgress(step, 4, QStringLiteral("step %1").arg(step));
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QCOMPARE(progress.size(), 4);
        QCOMPARE(job.percent(), 75);
        QCOMPARE(job.stepText(), QStringLiteral("step 4"));
    }

    void waitReturnsTheResult()
    {
        ManualJob job;
        QTimer::singleShot(10, &job, [&job] {
            job.finish(Error{QStringLiteral("x.y"), QStringLiteral("why")});
        });
        const Result<void> result = job.wait();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("x.y"));
    }
};

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
