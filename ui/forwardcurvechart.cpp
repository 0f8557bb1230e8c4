#include "forwardcurvechart.h"

#include "desk/price.h"

#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace cloudex::ui {
namespace {
constexpr qint64 kMsPerSecond = 1000;
constexpr qreal kMarkerSize = 7;
constexpr qint64 kHourSecs = 3600;

qreal euros(qint64 ticks)
{
    return qreal(ticks) / qreal(desk::kTicksPerEuro);
}
} // namespace

ForwardCurveChart::ForwardCurveChart(QWidget *parent)
    : QChartView(parent)
    , m_last(new QLineSeries)
    , m_bids(new QScatterSeries)
    , m_asks(new QScatterSeries)
    , m_time(new QDateTimeAxis)
    , m_price(new QValueAxis)
{
    setObjectName(QStringLiteral("forwardCurveChart"));
    setRenderHint(QPainter::Antialiasing);
    auto chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignTop);
    setChart(chart);

    m_last->setName(tr("Last"));
    m_last->setPointsVisible(true);
    m_last->setPen(QPen(QColor(0x42, 0x7a, 0xb8), 2));
    m_bids->setName(tr("Bid"));
    m_bids->setColor(QColor(0x2e, 0x7d, 0x32));
    m_bids->setMarkerSize(kMarkerSize);
    m_bids->setBorderColor(Qt::transparent);
    m_asks->setName(tr("Ask"));
    m_asks->setColor(QColor(0xc6, 0x28, 0x28));
    m_asks->setMarkerSize(kMarkerSize);
    m_asks->setBorderColor(Qt::transparent);
    m_time->setFormat(QStringLiteral("MM-dd"));
    m_time->setTickCount(6);
    m_price->setLabelFormat(QStringLiteral("%.4f"));

    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_price, Qt::AlignLeft);
    for (QXYSeries *s : {static_cast<QXYSeries *>(m_last), static_cast<QXYSeries *>(m_bids),
                         static_cast<QXYSeries *>(m_asks)}) {
        chart->addSeries(s);
        s->attachAxis(m_time);
        s->attachAxis(m_price);
    }
    setCurve({}, {});
}

void ForwardCurveChart::setCurve(const QString &product, const QList<desk::CurvePointRecord> &points)
{
    QList<QPointF> last;
    QList<QPointF> bids;
    QList<QPointF> asks;
    qint64 low = 0;
    qint64 high = 0;
    qint64 first = 0;
    qint64 end = 0;
    const auto extend = [&](qint64 ticks) {
        if (ticks <= 0)
            return;
        low = low == 0 ? ticks : std::min(low, ticks);
        high = std::max(high, ticks);
    };
    // The axis spans the periods that have a quote; without any, all open periods.
    const bool anyQuoted = std::any_of(points.cbegin(), points.cend(), [](const desk::CurvePointRecord &p) {
        return p.last > 0 || p.bid > 0 || p.ask > 0;
    });
    for (const desk::CurvePointRecord &p : points) {
        const bool quoted = p.last > 0 || p.bid > 0 || p.ask > 0;
        if (!quoted && anyQuoted)
            continue;
        const qreal x = qreal(p.deliveryStart * kMsPerSecond);
        if (p.last > 0)
            last.append({x, euros(p.last)});
        if (p.bid > 0)
            bids.append({x, euros(p.bid)});
        if (p.ask > 0)
            asks.append({x, euros(p.ask)});
        extend(p.last);
        extend(p.bid);
        extend(p.ask);
        first = first == 0 ? p.deliveryStart : std::min(first, p.deliveryStart);
        end = std::max(end, p.deliveryStart);
    }
    m_last->replace(last);
    m_bids->replace(bids);
    m_asks->replace(asks);
    chart()->setTitle(product.isEmpty()  ? tr("No product selected")
                      : points.isEmpty() ? tr("%1: no delivery periods open").arg(product)
                                         : tr("Forward curve of %1").arg(product));
    if (first == 0) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_time->setRange(now, now.addDays(7));
        m_price->setRange(0, 1);
        return;
    }
    const qint64 pad = std::max<qint64>(kHourSecs, (end - first) / 20);
    m_time->setRange(QDateTime::fromSecsSinceEpoch(first - pad, Qt::UTC),
                     QDateTime::fromSecsSinceEpoch(end + pad, Qt::UTC));
    m_time->setFormat(end - first > 2 * 86400 ? QStringLiteral("MM-dd") : QStringLiteral("HH:mm"));
    if (high == 0) {
        m_price->setRange(0, 1);
        return;
    }
    const qreal span = std::max(euros(high - low), euros(low) * 0.02 + 0.0001);
    m_price->setRange(euros(low) - span * 0.1, euros(high) + span * 0.1);
}

int ForwardCurveChart::pointCount() const
{
    return int(m_last->count() + m_bids->count() + m_asks->count());
}

} // namespace cloudex::ui
