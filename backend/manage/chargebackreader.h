#pragma once

#include "manage/chargeback.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace cloudex::manage {

/// What the desk shows of a month, read from the store and computed in one go.
struct ChargebackSnapshot
{
    quint64 request = 0; ///< the ChargebackReader::request() it answers
    Month month;
    std::optional<Error> error; ///< the store could not be read; nothing else is set
    ChargebackInput input;
    QList<Month> months; ///< months with usage, oldest first
    ChargebackResult result;
    QHash<QString, QList<qint64>> daily; ///< dailyAmounts() of the month
    qint64 usageHours = 0;               ///< hours read for the month
    double readMs = 0;                   ///< reading the store
    double computeMs = 0;                ///< statements and daily amounts
};

/// Reads the chargeback store and computes a month's statements on a thread of its own, with
/// a connection of its own to `<dataDir>/manage/chargeback.sqlite` (WAL: the desk's writes on
/// its own connection go on meanwhile). A month of 10,000 VMs takes a few hundred
/// milliseconds, which the GUI thread must not wait for (docs/PERFORMANCE.md, chargeback).
/// Only the newest request is answered: an answer that a later request overtook is dropped,
/// and requests queued behind a later one are skipped without reading.
class ChargebackReader final : public QObject
{
    Q_OBJECT

public:
    explicit ChargebackReader(const QString &dataDir, QObject *parent = nullptr);
    /// Waits for a computation under way (at most one), then ends the thread.
    ~ChargebackReader() override;

    /// Asks for `month`'s statements; answers its number, which `computed` carries.
    quint64 request(const Month &month);
    /// The newest request, or 0.
    quint64 latestRequest() const { return m_latest->load(); }
    /// A request is not answered yet.
    bool isBusy() const { return m_answered != m_latest->load(); }

Q_SIGNALS:
    /// The answer to the newest request (on the thread this object lives in).
    void computed(const cloudex::manage::ChargebackSnapshot &snapshot);

private:
    class Worker;
    void deliver(const ChargebackSnapshot &snapshot);

    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    quint64 m_answered = 0;
};

} // namespace cloudex::manage
