#include "core/job.h"

#include <QEventLoop>

namespace cloudex {
namespace {
constexpr int kPercent = 100;
}

Job::Job(QString title, QObject *parent)
    : QObject(parent)
    , m_title(std::move(title))
{}

void Job::cancel()
{
    if (m_cancelled.exchange(true) || m_finished)
        return;
    onCancel();
}

int Job::percent() const
{
    const QMutexLocker lock(&m_mutex);
    return m_percent;
}

QString Job::stepText() const
{
    const QMutexLocker lock(&m_mutex);
    return m_stepText;
}

bool Job::setProgress(int step, int steps, const QString &text)
{
    // A step is reported as it begins: step 1 of 3 shows 0 %, completion shows 100 %.
    const int percent = steps > 0 ? (step - 1) * kPercent / steps : 0;
    {
        const QMutexLocker lock(&m_mutex);
        m_percent = percent;
        m_stepText = text;
    }
    Q_EMIT progress(percent, text);
    return !isCancelled();
}

void Job::finish(const Result<void> &result)
{
    if (m_finished)
        return;
    m_result = result;
    m_finished = true;
    if (result) {
        const QMutexLocker lock(&m_mutex);
        m_percent = kPercent;
    }
    Q_EMIT finished(this);
}

Result<void> Job::wait()
{
    if (!m_finished) {
        QEventLoop loop;
        connect(this, &Job::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return m_result;
}

} // namespace cloudex
