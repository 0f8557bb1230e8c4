#include "connectjob.h"

#include <QEventLoop>

namespace cloudex::connect {
namespace {
constexpr int kPercent = 100;
}

ConnectJob::ConnectJob(QString title, QObject *parent)
    : QObject(parent)
    , m_title(std::move(title))
{}

int ConnectJob::percent() const
{
    const QMutexLocker lock(&m_mutex);
    return m_percent;
}

QString ConnectJob::stepText() const
{
    const QMutexLocker lock(&m_mutex);
    return m_stepText;
}

bool ConnectJob::setProgress(int step, int steps, const QString &text)
{
    // A step is reported as it begins: step 1 of 3 shows 0 %, completion shows 100 %.
    const int percent = steps > 0 ? (step - 1) * kPercent / steps : 0;
    {
        const QMutexLocker lock(&m_mutex);
        m_percent = percent;
        m_stepText = text;
    }
    emit progress(percent, text);
    return !isCancelled();
}

void ConnectJob::finish(const Result<void> &result)
{
    if (m_finished)
        return;
    m_result = result;
    m_finished = true;
    if (result) {
        const QMutexLocker lock(&m_mutex);
        m_percent = kPercent;
    }
    emit finished(this);
}

Result<void> ConnectJob::wait()
{
    if (!m_finished) {
        QEventLoop loop;
        connect(this, &ConnectJob::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return m_result;
}

} // namespace cloudex::connect
