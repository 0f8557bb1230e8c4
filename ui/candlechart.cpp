#include "candlechart.h"

#include "chartstyle.h"
#include "desk/price.h"

#include <QAreaSeries>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

namespace cloudex::ui {
namespace {
constexpr qint64 kMsPerSecond = 1000;
/// Volume fills at most this share of the chart's height.
constexpr qreal kVolumeHeadroom = 4.0;
constexpr qreal kPricePadding = 0.08;
/// Slots on the time axis when there are fewer candles: a young market's candles sit at
/// the right edge, at their real width, with the past to their left (never the future).
constexpr qint64 kMinSlots = 30;

qreal euros(qint64 ticks)
{
    // For drawing only: positions on screen, never amounts.
    return qreal(ticks) / qreal(desk::kTicksPerEuro);
}
constexpr qreal kMaxCandlePixels = 12;
constexpr qreal kMinCandlePixels = 3;
} // namespace

CandleChart::CandleChart(QWidget *parent)
    : QChartView(parent)
    , m_series(new QCandlestickSeries)
    // The area's upper line is not in the chart, and QAreaSeries does not own it: the view does.
    , m_volume(new QLineSeries(this))
    , m_volumeArea(new QAreaSeries(m_volume))
    , m_last(new QLineSeries)
    , m_time(new QDateTimeAxis)
    , m_price(new QValueAxis)
    , m_volumeAxis(new QValueAxis)
{
    setObjectName(QStringLiteral("candleChart"));
    setRenderHint(QPainter::Antialiasing);
    auto chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    installChart(this, chart);

    m_series->setName(tr("Price"));
    m_series->setBodyOutlineVisible(false);
    m_series->setBodyWidth(0.7);
    // The body width is a share of the distance between candles; with few candles on a
    // time axis that would be most of the chart, so cap it in pixels.
    m_series->setMaximumColumnWidth(kMaxCandlePixels);
    m_series->setMinimumColumnWidth(kMinCandlePixels);
    m_volumeArea->setName(tr("Volume"));
    m_last->setName(tr("Last"));

    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTickCount(6);
    m_price->setLabelFormat(QStringLiteral("%.4f"));
    m_price->setTickCount(6);
    m_volumeAxis->setLabelsVisible(false);
    m_volumeAxis->setGridLineVisible(false);
    m_volumeAxis->setLineVisible(false);
    m_volumeAxis->setTickCount(2);

    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_price, Qt::AlignLeft);
    chart->addAxis(m_volumeAxis, Qt::AlignRight);
    chart->addSeries(m_volumeArea);
    chart->addSeries(m_series);
    chart->addSeries(m_last);
    m_volumeArea->attachAxis(m_time);
    m_volumeArea->attachAxis(m_volumeAxis);
    m_series->attachAxis(m_time);
    m_series->attachAxis(m_price);
    m_last->attachAxis(m_time);
    m_last->attachAxis(m_price);
    applyPalette();
    updateAxes();
}

void CandleChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void CandleChart::applyPalette()
{
    const QPalette p = palette();
    styleChart(chart(), p);
    m_series->setIncreasingColor(chartcolours::up(p));
    m_series->setDecreasingColor(chartcolours::down(p));
    const QColor volume = chartcolours::muted(p);
    QColor fill = volume;
    fill.setAlpha(90);
    m_volumeArea->setBrush(fill);
    m_volumeArea->setPen(QPen(volume, 1));
    m_last->setPen(QPen(chartcolours::series(p, 1), 1.5, Qt::DashLine));
}

QString CandleChart::summary() const
{
    if (m_candles.isEmpty())
        return m_emptyText;
    const desk::CandleRecord &c = m_candles.last();
    const QLocale locale;
    return tr("%n candle(s) from %1 to %2; last: open %3, high %4, low %5, close %6 EUR", nullptr,
              int(m_candles.size()))
        .arg(locale.toString(QDateTime::fromSecsSinceEpoch(m_candles.firstKey(), Qt::UTC).toLocalTime(),
                             QLocale::ShortFormat),
             locale.toString(QDateTime::fromSecsSinceEpoch(c.start, Qt::UTC).toLocalTime(),
                             QLocale::ShortFormat),
             desk::formatPriceTicks(c.open, locale), desk::formatPriceTicks(c.high, locale),
             desk::formatPriceTicks(c.low, locale), desk::formatPriceTicks(c.close, locale));
}

void CandleChart::setEmptyText(const QString &text)
{
    m_emptyText = text;
    chart()->setTitle(m_candles.isEmpty() ? m_emptyText : QString());
}

void CandleChart::setCandles(const QList<desk::CandleRecord> &candles, qint64 intervalSecs)
{
    m_intervalSecs = std::max<qint64>(1, intervalSecs);
    m_time->setFormat(m_intervalSecs >= 86400 ? QStringLiteral("MM-dd") : QStringLiteral("HH:mm"));
    m_series->clear();
    m_sets.clear();
    m_candles.clear();
    apply(candles);
}

void CandleChart::updateCandles(const QList<desk::CandleRecord> &candles)
{
    apply(candles);
}

void CandleChart::apply(const QList<desk::CandleRecord> &candles)
{
    QList<QCandlestickSet *> added;
    for (const desk::CandleRecord &c : candles) {
        m_candles.insert(c.start, c);
        if (QCandlestickSet *set = m_sets.value(c.start)) {
            set->setOpen(euros(c.open));
            set->setHigh(euros(c.high));
            set->setLow(euros(c.low));
            set->setClose(euros(c.close));
            continue;
        }
        auto set = new QCandlestickSet(euros(c.open), euros(c.high), euros(c.low), euros(c.close),
                                       qreal(c.start * kMsPerSecond));
        m_sets.insert(c.start, set);
        added.append(set);
    }
    if (!added.isEmpty())
        m_series->append(added);

    // Old candles scroll out in one removal.
    QList<QCandlestickSet *> dropped;
    while (m_candles.size() > kMaxCandles) {
        const qint64 oldest = m_candles.firstKey();
        m_candles.remove(oldest);
        if (QCandlestickSet *set = m_sets.take(oldest))
            dropped.append(set);
    }
    if (!dropped.isEmpty())
        m_series->remove(dropped);

    if (!m_candles.isEmpty() && m_lastTicks == 0)
        m_lastTicks = m_candles.last().close;
    chart()->setTitle(m_candles.isEmpty() ? m_emptyText : QString());
    updateVolume();
    updateAxes();
    updateLastLine();
}

void CandleChart::updateVolume()
{
    // Steps: each candle's volume held across its interval, down to zero between gaps.
    QList<QPointF> points;
    points.reserve(m_candles.size() * 4);
    const qint64 half = m_intervalSecs * kMsPerSecond * 35 / 100;
    for (const desk::CandleRecord &c : std::as_const(m_candles)) {
        const qreal mid = qreal(c.start * kMsPerSecond);
        points.append({mid - half, 0});
        points.append({mid - half, qreal(c.volume)});
        points.append({mid + half, qreal(c.volume)});
        points.append({mid + half, 0});
    }
    m_volume->replace(points);
}

void CandleChart::updateAxes()
{
    const qint64 intervalMs = m_intervalSecs * kMsPerSecond;
    const bool empty = m_candles.isEmpty();
    // An empty chart shows its reason as the title, not a meaningless 0-1 scale.
    m_time->setVisible(!empty);
    m_price->setVisible(!empty);
    if (empty) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_time->setRange(now.addSecs(-m_intervalSecs * kMinSlots), now);
        m_price->setRange(0, 1);
        m_volumeAxis->setRange(0, 1);
        return;
    }
    const qint64 last = m_candles.lastKey() * kMsPerSecond + intervalMs;
    // At least a screenful of slots, so a few candles are not drawn as wide blocks; the
    // extra slots go to the past.
    const qint64 first =
        std::min(m_candles.firstKey() * kMsPerSecond - intervalMs, last - intervalMs * kMinSlots);
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(first, Qt::UTC),
                     QDateTime::fromMSecsSinceEpoch(last, Qt::UTC));
    qint64 low = m_candles.first().low;
    qint64 high = m_candles.first().high;
    qint64 volume = 0;
    for (const desk::CandleRecord &c : std::as_const(m_candles)) {
        low = std::min(low, c.low);
        high = std::max(high, c.high);
        volume = std::max(volume, c.volume);
    }
    if (m_lastTicks > 0) {
        low = std::min(low, m_lastTicks);
        high = std::max(high, m_lastTicks);
    }
    const qreal span = std::max(euros(high - low), euros(low) * 0.01 + 0.0001);
    // Room below the lowest candle for the volume steps.
    m_price->setRange(euros(low) - span * (kPricePadding + 0.35), euros(high) + span * kPricePadding);
    // Round tick values (0.1200, 0.1250, …) instead of odd fractions of the range.
    m_price->applyNiceNumbers();
    m_volumeAxis->setRange(0, std::max<qreal>(1, qreal(volume) * kVolumeHeadroom));
}

void CandleChart::updateLastLine()
{
    if (m_lastTicks <= 0) {
        m_last->clear();
        return;
    }
    const qreal y = euros(m_lastTicks);
    m_last->replace({QPointF(qreal(m_time->min().toMSecsSinceEpoch()), y),
                     QPointF(qreal(m_time->max().toMSecsSinceEpoch()), y)});
}

void CandleChart::setLastPrice(qint64 ticks)
{
    if (ticks == m_lastTicks)
        return;
    m_lastTicks = ticks;
    updateAxes();
    updateLastLine();
}

std::optional<desk::CandleRecord> CandleChart::candleAt(qint64 startSecs) const
{
    const QCandlestickSet *set = m_sets.value(startSecs);
    if (!set)
        return std::nullopt;
    const auto ticks = [](qreal eur) {
        return qint64(std::llround(eur * qreal(desk::kTicksPerEuro)));
    };
    desk::CandleRecord c = m_candles.value(startSecs);
    c.open = ticks(set->open());
    c.high = ticks(set->high());
    c.low = ticks(set->low());
    c.close = ticks(set->close());
    return c;
}

qreal CandleChart::lastPriceShown() const
{
    return m_last->count() > 0 ? m_last->at(0).y() : 0;
}

} // namespace cloudex::ui
