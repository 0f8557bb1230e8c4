#include "forwardcurvechart.h"

#include "catalogue/deliveryperiod.h"
#include "chartstyle.h"
#include "desk/price.h"

#include <QDateTimeAxis>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace cloudex::ui {
namespace {
constexpr qint64 kMsPerSecond = 1000;
constexpr qreal kMarkerSize = 7;
constexpr qint64 kHourSecs = 3600;
constexpr qint64 kDaySecs = 86400;

qreal euros(qint64 ticks)
{
    return qreal(ticks) / qreal(desk::kTicksPerEuro);
}

/// The delivery window of a curve point: its period's code is its symbol's suffix, but the
/// kind and start are enough to rebuild it.
std::pair<qint64, qint64> windowOf(const desk::CurvePointRecord &p)
{
    for (catalogue::PeriodKind kind : catalogue::allPeriodKinds()) {
        if (QString(catalogue::periodKindLetter(kind)) != p.kind)
            continue;
        const auto period = catalogue::DeliveryPeriod::containing(kind, p.deliveryStart);
        return {period.startSecs(), period.endSecs()};
    }
    return {p.deliveryStart, p.deliveryStart + kHourSecs};
}
} // namespace

ForwardCurveChart::ForwardCurveChart(QWidget *parent)
    : QChartView(parent)
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
    installChart(this, chart);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_price, Qt::AlignLeft);

    for (catalogue::PeriodKind kind : catalogue::allPeriodKinds()) {
        auto series = new QLineSeries;
        series->setName(catalogue::periodKindName(kind));
        chart->addSeries(series);
        series->attachAxis(m_time);
        series->attachAxis(m_price);
        m_kinds.insert(QString(catalogue::periodKindLetter(kind)), series);
    }
    m_bids->setName(tr("Bid"));
    m_bids->setMarkerSize(kMarkerSize);
    m_bids->setBorderColor(Qt::transparent);
    m_asks->setName(tr("Ask"));
    m_asks->setMarkerSize(kMarkerSize);
    m_asks->setBorderColor(Qt::transparent);
    m_time->setTickCount(4); // dated labels are wide: four fit the narrowest layout
    m_price->setLabelFormat(QStringLiteral("%.4f"));
    for (QScatterSeries *s : {m_bids, m_asks}) {
        chart->addSeries(s);
        s->attachAxis(m_time);
        s->attachAxis(m_price);
    }
    applyPalette();
    setCurve({}, {});
}

void ForwardCurveChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ForwardCurveChart::applyPalette()
{
    const QPalette p = palette();
    styleChart(chart(), p);
    int i = 0;
    for (QLineSeries *series : std::as_const(m_kinds))
        series->setPen(QPen(chartcolours::series(p, i++), 2.5));
    m_bids->setColor(chartcolours::up(p));
    m_asks->setColor(chartcolours::down(p));
}

QLineSeries *ForwardCurveChart::seriesForKind(const QString &kind) const
{
    QLineSeries *series = m_kinds.value(kind);
    return series && series->count() > 0 ? series : nullptr;
}

void ForwardCurveChart::setCurve(const QString &product, const QList<desk::CurvePointRecord> &points)
{
    QMap<QString, QList<QPointF>> segments;
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
    QList<desk::CurvePointRecord> sorted = points;
    std::sort(sorted.begin(), sorted.end(),
              [](const desk::CurvePointRecord &a, const desk::CurvePointRecord &b) {
                  return a.deliveryStart < b.deliveryStart;
              });
    int quotedPeriods = 0;
    for (const desk::CurvePointRecord &p : std::as_const(sorted)) {
        const bool quoted = p.last > 0 || p.bid > 0 || p.ask > 0;
        if (!quoted && anyQuoted)
            continue;
        quotedPeriods += quoted ? 1 : 0;
        const auto [startSecs, endSecs] = windowOf(p);
        const qreal x0 = qreal(startSecs * kMsPerSecond);
        const qreal x1 = qreal(endSecs * kMsPerSecond);
        const qreal mid = (x0 + x1) / 2;
        if (p.last > 0) {
            // A horizontal segment over the delivery window; consecutive periods of one
            // kind step from one to the next.
            QList<QPointF> &line = segments[p.kind];
            line.append({x0, euros(p.last)});
            line.append({x1, euros(p.last)});
        }
        if (p.bid > 0)
            bids.append({mid, euros(p.bid)});
        if (p.ask > 0)
            asks.append({mid, euros(p.ask)});
        extend(p.last);
        extend(p.bid);
        extend(p.ask);
        first = first == 0 ? startSecs : std::min(first, startSecs);
        end = std::max(end, endSecs);
    }
    for (auto it = m_kinds.cbegin(); it != m_kinds.cend(); ++it) {
        const QList<QPointF> line = segments.value(it.key());
        it.value()->replace(line);
    }
    m_bids->replace(bids);
    m_asks->replace(asks);
    const QLocale locale;
    const QString title = product.isEmpty()  ? tr("No product selected")
                          : points.isEmpty() ? tr("%1: no delivery periods open").arg(product)
                          : high == 0 ? tr("%1: no trades or quotes yet in the open periods").arg(product)
                                      : tr("Forward curve of %1").arg(product);
    chart()->setTitle(title);
    const bool empty = high == 0;
    m_time->setVisible(!empty);
    m_price->setVisible(!empty);
    if (empty) {
        m_summary = title;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_time->setRange(now, now.addDays(7));
        m_price->setRange(0, 1);
        return;
    }
    const qint64 pad = std::max<qint64>(kHourSecs, (end - first) / 40);
    m_time->setRange(QDateTime::fromSecsSinceEpoch(first - pad, Qt::UTC).toLocalTime(),
                     QDateTime::fromSecsSinceEpoch(end + pad, Qt::UTC).toLocalTime());
    // Dates always; the hour too while the span is short enough to need it.
    m_time->setFormat(end - first > 3 * kDaySecs ? QStringLiteral("dd MMM") : QStringLiteral("dd MMM HH:mm"));
    const qreal span = std::max(euros(high - low), euros(low) * 0.02 + 0.0001);
    m_price->setRange(euros(low) - span * 0.1, euros(high) + span * 0.1);
    m_price->applyNiceNumbers();
    m_summary =
        tr("Forward curve of %1: %n period(s) with prices between %2 and %3 EUR", nullptr, quotedPeriods)
            .arg(product, desk::formatPriceTicks(low, locale), desk::formatPriceTicks(high, locale));
}

int ForwardCurveChart::pointCount() const
{
    int n = int(m_bids->count() + m_asks->count());
    for (QLineSeries *series : m_kinds)
        n += int(series->count() / 2); // two points per period segment
    return n;
}

} // namespace cloudex::ui
