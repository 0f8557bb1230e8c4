#include "offerloadchart.h"

#include "catalogue/catalogue.h"
#include "chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QValueAxis>

namespace cloudex::ui {

OfferLoadChart::OfferLoadChart(QWidget *parent)
    : QChartView(parent)
    , m_series(new QBarSeries)
    , m_capacity(new QBarSet(tr("Capacity")))
    , m_contracted(new QBarSet(tr("Contracted")))
    , m_asked(new QBarSet(tr("Asked")))
    , m_periods(new QBarCategoryAxis)
    , m_instances(new QValueAxis)
{
    setObjectName(QStringLiteral("offerLoadChart"));
    setAccessibleName(tr("Capacity against contracted and asked instances per delivery period"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
    auto chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignTop);
    m_series->append({m_capacity, m_contracted, m_asked});
    chart->addSeries(m_series);
    chart->addAxis(m_periods, Qt::AlignBottom);
    chart->addAxis(m_instances, Qt::AlignLeft);
    m_series->attachAxis(m_periods);
    m_series->attachAxis(m_instances);
    m_instances->setLabelFormat(QStringLiteral("%.0f"));
    m_instances->setTitleText(tr("Instances"));
    installChart(this, chart);
    applyPalette();
}

void OfferLoadChart::setLoads(const QList<connect::OfferBook::PeriodLoad> &loads, qint64 nowSecs)
{
    QStringList categories;
    QList<qreal> capacity;
    QList<qreal> contracted;
    QList<qreal> asked;
    qint64 top = 1;
    for (const connect::OfferBook::PeriodLoad &load : loads) {
        const QString code = load.symbol.section(u'.', 4);
        const auto period = catalogue::DeliveryPeriod::parse(code);
        const QString alias = period ? period->alias(nowSecs) : QString();
        categories.append(alias.isEmpty() ? code : alias);
        capacity.append(qreal(load.capacity));
        contracted.append(qreal(load.contracted));
        asked.append(qreal(load.asked));
        top = std::max({top, load.capacity, load.contracted + load.asked});
    }
    m_capacity->remove(0, m_capacity->count());
    m_contracted->remove(0, m_contracted->count());
    m_asked->remove(0, m_asked->count());
    m_capacity->append(capacity);
    m_contracted->append(contracted);
    m_asked->append(asked);
    m_periods->clear();
    m_periods->append(categories);
    m_instances->setRange(0, qreal(top));
    m_instances->setTickCount(int(std::min<qint64>(top, 5)) + 1);
}

void OfferLoadChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void OfferLoadChart::applyPalette()
{
    const QPalette p = palette();
    styleChart(chart(), p);
    m_capacity->setColor(chartcolours::muted(p));
    m_capacity->setBorderColor(chartcolours::muted(p));
    m_contracted->setColor(chartcolours::up(p));
    m_contracted->setBorderColor(chartcolours::up(p));
    m_asked->setColor(chartcolours::down(p));
    m_asked->setBorderColor(chartcolours::down(p));
}

} // namespace cloudex::ui
