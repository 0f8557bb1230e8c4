#include "demandchart.h"

#include "chartstyle.h"

#include <QAreaSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QValueAxis>

#include <algorithm>

namespace cloudex::ui {
namespace {
constexpr qint64 kMsPerHour = 3600'000;
constexpr qint64 kHoursPerDay = 24;
constexpr int kLayerAlpha = 170;
constexpr int kProjectedAlpha = 140;
constexpr int kMarkAlpha = 110;
constexpr qreal kDemandWidth = 2.5;
constexpr int kMinQuantityAxis = 4;
constexpr int kMaxDayTicks = 8;
} // namespace

DemandChart::DemandChart(QWidget *parent)
    : QChartView(parent)
    , m_demand(new QLineSeries)
    , m_time(new QDateTimeAxis)
    , m_quantity(new QValueAxis)
{
    setObjectName(QStringLiteral("demandChart"));
    setRenderHint(QPainter::Antialiasing);
    setToolTip(tr("Drag with the left mouse button to draw the demand, a day at a time"));
    setCursor(Qt::CrossCursor);
    auto chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignTop);
    installChart(this, chart);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_quantity, Qt::AlignLeft);
    m_time->setFormat(QStringLiteral("dd MMM"));
    m_time->setTickCount(6);
    m_quantity->setLabelFormat(QStringLiteral("%.0f"));
    m_quantity->setTitleText(tr("Instances"));
    m_demand->setName(tr("Demand"));
    applyPalette();
}

void DemandChart::setHorizon(qint64 start, int hours)
{
    m_start = start;
    m_hours = std::max(1, hours);
    m_time->setRange(QDateTime::fromSecsSinceEpoch(start, Qt::UTC).toLocalTime(),
                     QDateTime::fromSecsSinceEpoch(start + qint64(m_hours) * 3600, Qt::UTC).toLocalTime());
    m_time->setFormat(m_hours > 3 * kHoursPerDay ? QStringLiteral("dd MMM") : QStringLiteral("dd MMM HH:mm"));
    // A tick a day while they fit, so the labels fall on midnights.
    const int days = (m_hours + kHoursPerDay - 1) / int(kHoursPerDay);
    m_time->setTickCount(days <= kMaxDayTicks ? days + 1 : kMaxDayTicks);
}

QList<QPointF> DemandChart::steps(const QVector<qint64> &values) const
{
    QList<QPointF> out;
    const auto x = [this](int hour) {
        return qreal(m_start * 1000 + qint64(hour) * kMsPerHour);
    };
    for (int h = 0; h < values.size(); ++h) {
        if (h == 0) {
            out.append({x(0), qreal(values[0])});
        } else if (values[h] != values[h - 1]) {
            out.append({x(h), qreal(values[h - 1])});
            out.append({x(h), qreal(values[h])});
        }
    }
    if (!values.isEmpty())
        out.append({x(int(values.size())), qreal(values.last())});
    return out;
}

QAreaSeries *DemandChart::addArea(const QList<QPointF> &upper, const QList<QPointF> &lower,
                                  const QColor &colour, const QString &name, Qt::BrushStyle style)
{
    auto upperSeries = new QLineSeries;
    upperSeries->replace(upper);
    auto lowerSeries = new QLineSeries;
    lowerSeries->replace(lower);
    auto area = new QAreaSeries(upperSeries, lowerSeries);
    upperSeries->setParent(area);
    lowerSeries->setParent(area);
    area->setName(name);
    area->setBrush(QBrush(colour, style));
    QColor border = colour;
    border.setAlpha(255);
    area->setPen(style == Qt::SolidPattern ? QPen(Qt::NoPen) : QPen(border, 1, Qt::DashLine));
    chart()->addSeries(area);
    area->attachAxis(m_time);
    area->attachAxis(m_quantity);
    return area;
}

void DemandChart::setData(const QVector<qint64> &demand, const QList<Layer> &layers)
{
    m_demandValues = demand;
    m_layerData = layers;
    // Rebuilt whole: a few thousand points at most, and only when the strategy or the plan
    // changes, never per tick.
    for (QAreaSeries *area : std::as_const(m_layers) + m_marks) {
        chart()->removeSeries(area);
        delete area;
    }
    m_layers.clear();
    m_marks.clear();
    if (chart()->series().contains(m_demand))
        chart()->removeSeries(m_demand);

    const QPalette p = palette();
    const int n = int(demand.size());
    QVector<qint64> lower(n, 0);
    qint64 top = 0;
    int contractIndex = 0;
    for (const Layer &layer : layers) {
        QVector<qint64> upper = lower;
        for (int h = 0; h < n; ++h)
            upper[h] += layer.values.value(h);
        QColor colour;
        Qt::BrushStyle style = Qt::SolidPattern;
        switch (layer.kind) {
        case Layer::Kind::Contract:
            // Index 0 is the accent, kept for the plan; sellers take the others.
            colour = chartcolours::series(p, 2 + contractIndex++);
            colour.setAlpha(kLayerAlpha);
            break;
        case Layer::Kind::Planned:
            colour = chartcolours::accent(p);
            colour.setAlpha(kLayerAlpha);
            break;
        case Layer::Kind::Projected:
            colour = chartcolours::accent(p);
            colour.setAlpha(kProjectedAlpha);
            style = Qt::BDiagPattern;
            break;
        }
        m_layers.append(addArea(steps(upper), steps(lower), colour, layer.name, style));
        lower = upper;
    }
    // Gaps (demand above the stack) and over-coverage (the stack above the demand).
    QVector<qint64> gapTop(n);
    QVector<qint64> overTop(n);
    m_gapHours = 0;
    m_overHours = 0;
    for (int h = 0; h < n; ++h) {
        gapTop[h] = std::max(lower[h], demand[h]);
        overTop[h] = std::max(lower[h], demand[h]);
        m_gapHours += lower[h] < demand[h] ? 1 : 0;
        m_overHours += lower[h] > demand[h] ? 1 : 0;
        top = std::max({top, demand[h], lower[h]});
    }
    if (!layers.isEmpty()) {
        QColor gap = chartcolours::down(p);
        gap.setAlpha(kMarkAlpha);
        m_marks.append(addArea(steps(gapTop), steps(lower), gap, tr("Gap")));
        QColor over = chartcolours::series(p, 1);
        over.setAlpha(kMarkAlpha);
        m_marks.append(addArea(steps(overTop), steps(demand), over, tr("Over-coverage")));
    }
    m_demand->replace(steps(demand));
    m_demand->setPen(QPen(p.color(QPalette::Text), kDemandWidth));
    chart()->addSeries(m_demand);
    m_demand->attachAxis(m_time);
    m_demand->attachAxis(m_quantity);
    m_quantity->setRange(0, qreal(std::max<qint64>(kMinQuantityAxis, top + top / 8 + 1)));
    m_quantity->applyNiceNumbers();
    styleChart(chart(), p);

    const QLocale locale;
    qint64 demandHours = 0;
    qint64 coveredHours = 0;
    for (int h = 0; h < n; ++h) {
        demandHours += demand[h];
        coveredHours += std::min(demand[h], lower[h]);
    }
    m_summary =
        layers.isEmpty()
            ? tr("Demand: %1 instance-hours over %n hour(s).", nullptr, n).arg(locale.toString(demandHours))
            : tr("Demand: %1 instance-hours, %2 covered; %3 hour(s) with a gap, %4 over-covered.")
                  .arg(locale.toString(demandHours), locale.toString(coveredHours))
                  .arg(m_gapHours)
                  .arg(m_overHours);
    setAccessibleDescription(m_summary);
}

void DemandChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void DemandChart::applyPalette()
{
    // The colours are chosen when the series are built.
    setData(m_demandValues, m_layerData);
}

std::optional<std::pair<int, qint64>> DemandChart::valueAt(const QPoint &position) const
{
    const QPointF scene = mapToScene(position);
    const QPointF inChart = chart()->mapFromScene(scene);
    if (!chart()->plotArea().contains(inChart) || m_hours <= 0)
        return std::nullopt;
    const QPointF value = chart()->mapToValue(inChart, m_demand);
    const int hour = int((qint64(value.x()) - m_start * 1000) / kMsPerHour);
    if (hour < 0 || hour >= m_hours)
        return std::nullopt;
    return std::pair{hour, std::max<qint64>(0, qRound64(value.y()))};
}

QPoint DemandChart::positionOf(int hour, qint64 quantity) const
{
    const QPointF inChart = chart()->mapToPosition(
        QPointF(qreal(m_start * 1000 + qint64(hour) * kMsPerHour + kMsPerHour / 2), qreal(quantity)),
        m_demand);
    return mapFromScene(chart()->mapToScene(inChart));
}

void DemandChart::draw(const QPoint &position)
{
    if (const auto value = valueAt(position))
        Q_EMIT demandDrawn(value->first, value->second);
}

void DemandChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QChartView::mousePressEvent(event);
        return;
    }
    m_drawing = true;
    draw(event->position().toPoint());
    event->accept();
}

void DemandChart::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_drawing) {
        QChartView::mouseMoveEvent(event);
        return;
    }
    draw(event->position().toPoint());
    event->accept();
}

void DemandChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_drawing) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    m_drawing = false;
    draw(event->position().toPoint());
    Q_EMIT drawingFinished();
    event->accept();
}

} // namespace cloudex::ui
