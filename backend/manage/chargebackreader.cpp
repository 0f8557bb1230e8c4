#include "manage/chargebackreader.h"

#include <QElapsedTimer>
#include <QThread>

namespace cloudex::manage {

/// Lives on the reader's thread and owns the store opened there.
class ChargebackReader::Worker final : public QObject
{
public:
    Worker(const QString &dataDir, std::shared_ptr<std::atomic<quint64>> latest, ChargebackReader *reader)
        : m_dataDir(dataDir)
        , m_latest(std::move(latest))
        , m_reader(reader)
    {}

    void compute(quint64 request, const Month &month)
    {
        // A later request is queued behind this one: it is the one to answer.
        if (request != m_latest->load())
            return;
        std::optional<ChargebackSnapshot> snapshot = read(request, month);
        if (!snapshot)
            return;
        QMetaObject::invokeMethod(
            m_reader, [reader = m_reader, s = std::move(*snapshot)] { reader->deliver(s); }, Qt::QueuedConnection);
    }

private:
    std::optional<ChargebackSnapshot> read(quint64 request, const Month &month)
    {
        ChargebackSnapshot s;
        s.request = request;
        s.month = month;
        if (!m_open) {
            if (auto ok = m_store.open(m_dataDir); !ok) {
                s.error = ok.error();
                return s;
            }
            m_open = true;
        }
        QElapsedTimer timer;
        timer.start();
        auto input = m_store.input();
        auto months = input ? m_store.usageMonths() : Result<QList<Month>>(input.error());
        auto usage = months ? m_store.usage(month.start(), month.end()) : Result<QList<VmUsage>>(months.error());
        if (!usage) {
            s.error = usage.error();
            return s;
        }
        s.readMs = double(timer.nsecsElapsed()) / 1e6;
        for (const VmUsage &vm : std::as_const(*usage))
            s.usageHours += qint64(vm.hours.size());
        if (request != m_latest->load())
            return std::nullopt; // overtaken while reading
        timer.restart();
        s.input = std::move(*input);
        s.months = std::move(*months);
        s.result = computeStatements(s.input, *usage, month);
        s.daily = dailyAmounts(s.input, *usage, month);
        s.computeMs = double(timer.nsecsElapsed()) / 1e6;
        return s;
    }

    QString m_dataDir;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    ChargebackReader *m_reader;
    ChargebackStore m_store;
    bool m_open = false;
};

ChargebackReader::ChargebackReader(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<QThread>())
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_thread->setObjectName(QStringLiteral("chargeback-reader"));
    m_worker = new Worker(dataDir, m_latest, this);
    m_worker->moveToThread(m_thread.get());
    // The store's connection is closed on the thread that opened it.
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

ChargebackReader::~ChargebackReader()
{
    m_latest->store(0); // nothing queued is wanted any more
    m_thread->quit();
    m_thread->wait();
}

quint64 ChargebackReader::request(const Month &month)
{
    const quint64 id = m_latest->load() + 1;
    m_latest->store(id);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, id, month] { worker->compute(id, month); },
                              Qt::QueuedConnection);
    return id;
}

void ChargebackReader::deliver(const ChargebackSnapshot &snapshot)
{
    if (snapshot.request != m_latest->load())
        return; // the month or the data changed meanwhile: a newer answer follows
    m_answered = snapshot.request;
    Q_EMIT computed(snapshot);
}

} // namespace cloudex::manage
