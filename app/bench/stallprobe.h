#pragma once

#include "benchsuite.h"

#include <QEvent>
#include <QObject>

#include <vector>

namespace cloudex::bench {

/// An event that carries the time it was posted.
class StampEvent final : public QEvent
{
public:
    static QEvent::Type type()
    {
        static const auto registered = QEvent::Type(QEvent::registerEventType());
        return registered;
    }
    explicit StampEvent(qint64 postedNs)
        : QEvent(type())
        , postedNs(postedNs)
    {}
    const qint64 postedNs;
};

/// Lives on the GUI thread and records, for each stamp, how long it waited for the loop
/// (the desk and desk-sell suites' event-loop stall).
class StallProbe final : public QObject
{
public:
    std::vector<qint64> delaysNs;

protected:
    bool event(QEvent *event) override
    {
        if (event->type() != StampEvent::type())
            return QObject::event(event);
        delaysNs.push_back(monotonicNs() - static_cast<StampEvent *>(event)->postedNs);
        return true;
    }
};

} // namespace cloudex::bench
