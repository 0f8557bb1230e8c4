#include "spotchart.h"

#include "chartstyle.h"
#include "desk/exchangeclient.h"
#include "desk/marketsession.h"
#include "desk/price.h"

#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace cloudex::ui {
namespace {
constexpr qint64 kMsPerSecond = 1000;
constexpr qint64 kHourSecs = 3600;
constexpr qint64 kDaySecs = 86400;

qreal euros(qint64 ticks)
{
    return qreal(ticks) / qreal(desk::kTicksPerEuro);
}
} // namespace

SpotChart::SpotChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_time(new QDateTimeAxis)
    , m_price(new QValueAxis)
    , m_spanCombo(new QComboBox(this))
    , m_compareCombo(new QComboBox(this))
    , m_clearCompare(new QToolButton(this))
    , m_summaryLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("spotChart"));
    m_view->setObjectName(QStringLiteral("spotChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Spot price chart"));
    auto chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignTop);
    installChart(m_view, chart);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_price, Qt::AlignLeft);
    m_time->setTickCount(7);
    m_price->setLabelFormat(QStringLiteral("%.4f"));

    m_spanCombo->setObjectName(QStringLiteral("spotSpanCombo"));
    m_spanCombo->addItem(tr("Last hour"), int(Span::Hour));
    m_spanCombo->addItem(tr("Last day"), int(Span::Day));
    m_spanCombo->addItem(tr("Last week"), int(Span::Week));
    m_spanCombo->setAccessibleName(tr("Time span of the spot chart"));
    connect(m_spanCombo, &QComboBox::currentIndexChanged, this,
            [this] { setSpan(Span(m_spanCombo->currentData().toInt())); });
    m_compareCombo->setObjectName(QStringLiteral("spotCompareCombo"));
    m_compareCombo->setAccessibleName(tr("Compare with another product"));
    m_compareCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    // Narrow beside the span; the list shows the products in full when it opens.
    m_compareCombo->setMinimumContentsLength(6);
    connect(m_compareCombo, &QComboBox::activated, this, [this](int index) {
        const QString product = m_compareCombo->itemData(index).toString();
        m_compareCombo->setCurrentIndex(0);
        if (product.isEmpty())
            return;
        QStringList next = m_compared;
        next.append(product);
        setCompared(next);
    });
    m_clearCompare->setObjectName(QStringLiteral("spotClearCompare"));
    m_clearCompare->setText(tr("Clear"));
    m_clearCompare->setToolTip(tr("Clear comparison"));
    m_clearCompare->setAccessibleName(tr("Clear comparison"));
    connect(m_clearCompare, &QToolButton::clicked, this, [this] { setCompared({}); });
    m_summaryLabel->setObjectName(QStringLiteral("spotSummary"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setForegroundRole(QPalette::PlaceholderText);

    auto spanLabel = new QLabel(tr("S&pan:"), this);
    spanLabel->setBuddy(m_spanCombo);
    auto bar = new QHBoxLayout;
    bar->addWidget(spanLabel);
    bar->addWidget(m_spanCombo);
    bar->addSpacing(12);
    bar->addWidget(m_compareCombo, 1);
    bar->addWidget(m_clearCompare);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summaryLabel);
    setProductChoices({});
    applyPalette();
    rebuildSeries();
}

void SpotChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void SpotChart::applyPalette()
{
    const QPalette p = palette();
    styleChart(m_view->chart(), p);
    int i = 0;
    for (const QString &product : QStringList{m_product} + m_compared) {
        if (QLineSeries *series = m_series.value(product))
            series->setPen(QPen(chartcolours::series(p, i), i == 0 ? 2.5 : 1.8));
        ++i;
    }
}

void SpotChart::setSession(desk::MarketSession *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &desk::MarketSession::spotChanged, this, [this](qint64 price) {
            if (m_session && m_session->product() == m_product)
                addLivePoint(m_product, QDateTime::currentSecsSinceEpoch(), price);
        });
        connect(m_session, &desk::MarketSession::comparedSpotChanged, this,
                [this](const QString &product, qint64 price) {
                    addLivePoint(product, QDateTime::currentSecsSinceEpoch(), price);
                });
        connect(m_session, &desk::MarketSession::stateChanged, this,
                [this](desk::MarketSession::State state) {
                    if (state == desk::MarketSession::State::Connected)
                        reload();
                });
        m_session->setComparedProducts(m_compared);
    }
    reload();
}

void SpotChart::setProductChoices(const QList<std::pair<QString, QString>> &products)
{
    m_productNames.clear();
    m_compareCombo->clear();
    m_compareCombo->addItem(tr("Compare with…"), QString());
    for (const auto &[symbol, words] : products) {
        m_productNames.insert(symbol, words);
        m_compareCombo->addItem(words.isEmpty() ? symbol : QStringLiteral("%1 — %2").arg(symbol, words),
                                symbol);
    }
}

void SpotChart::setProduct(const QString &product)
{
    if (product == m_product)
        return;
    m_product = product;
    m_compared.removeAll(product);
    rebuildSeries();
    reload();
}

void SpotChart::setCompared(const QStringList &products)
{
    QStringList wanted;
    for (const QString &p : products) {
        if (!p.isEmpty() && p != m_product && !wanted.contains(p) &&
            wanted.size() < desk::MarketSession::kMaxComparedProducts)
            wanted.append(p);
    }
    if (wanted == m_compared)
        return;
    const QStringList added = [&] {
        QStringList out;
        for (const QString &p : wanted)
            if (!m_compared.contains(p))
                out.append(p);
        return out;
    }();
    m_compared = wanted;
    if (m_session)
        m_session->setComparedProducts(m_compared);
    rebuildSeries();
    for (const QString &p : added)
        loadHistory(p);
    updateAxes();
}

void SpotChart::setSpan(Span span)
{
    if (span == m_span)
        return;
    m_span = span;
    const int index = m_spanCombo->findData(int(span));
    if (index >= 0 && m_spanCombo->currentIndex() != index)
        m_spanCombo->setCurrentIndex(index);
    reload();
}

qint64 SpotChart::spanSecs() const
{
    switch (m_span) {
    case Span::Hour:
        return kHourSecs;
    case Span::Day:
        return kDaySecs;
    case Span::Week:
        return 7 * kDaySecs;
    }
    return kHourSecs;
}

qint64 SpotChart::stepSecs() const
{
    switch (m_span) {
    case Span::Hour:
        return 60;
    case Span::Day:
        return 300;
    case Span::Week:
        return kHourSecs;
    }
    return 60;
}

QString SpotChart::resolutionName() const
{
    switch (m_span) {
    case Span::Hour:
        return QStringLiteral("1m");
    case Span::Day:
        return QStringLiteral("5m");
    case Span::Week:
        return QStringLiteral("1h");
    }
    return QStringLiteral("1m");
}

void SpotChart::rebuildSeries()
{
    QChart *chart = m_view->chart();
    const QStringList shown = m_product.isEmpty() ? m_compared : QStringList{m_product} + m_compared;
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (!shown.contains(it.key())) {
            chart->removeSeries(it.value());
            delete it.value();
            it = m_series.erase(it);
        } else {
            ++it;
        }
    }
    for (const QString &product : shown) {
        if (m_series.contains(product))
            continue;
        auto series = new QLineSeries;
        series->setName(product);
        chart->addSeries(series);
        series->attachAxis(m_time);
        series->attachAxis(m_price);
        m_series.insert(product, series);
    }
    m_compareCombo->setEnabled(!m_product.isEmpty() &&
                               m_compared.size() < desk::MarketSession::kMaxComparedProducts);
    m_clearCompare->setEnabled(!m_compared.isEmpty());
    applyPalette();
    updateAxes();
}

void SpotChart::reload()
{
    ++m_generation;
    for (QLineSeries *series : std::as_const(m_series))
        series->clear();
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it)
        loadHistory(it.key());
    updateAxes();
}

void SpotChart::loadHistory(const QString &product)
{
    if (!m_session || !m_session->client() || m_session->state() != desk::MarketSession::State::Connected)
        return;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto call = m_session->client()->spotHistory(product, now - spanSecs(), now + 1, resolutionName());
    const int generation = m_generation;
    connect(call, &Job::finished, this, [this, call, product, generation] {
        call->deleteLater();
        if (generation != m_generation || !call->ok())
            return;
        QLineSeries *series = m_series.value(product);
        if (!series)
            return;
        QList<QPointF> points;
        points.reserve(call->value().points.size());
        for (const api::SpotPoint &p : call->value().points)
            points.append({qreal(p.time * kMsPerSecond), euros(p.price)});
        // Live points that arrived while the history was on its way stay after it.
        const QList<QPointF> live = series->points();
        for (const QPointF &p : live)
            if (points.isEmpty() || p.x() > points.last().x())
                points.append(p);
        series->replace(points);
        updateAxes();
    });
}

void SpotChart::addLivePoint(const QString &product, qint64 timeSecs, qint64 ticks)
{
    QLineSeries *series = m_series.value(product);
    if (!series || ticks <= 0)
        return;
    const qint64 step = stepSecs();
    const qreal x = qreal((timeSecs - timeSecs % step) * kMsPerSecond);
    const int n = int(series->count());
    if (n > 0 && series->at(n - 1).x() >= x)
        series->replace(n - 1, QPointF(series->at(n - 1).x(), euros(ticks)));
    else
        series->append(x, euros(ticks));
    // Points that left the span scroll out.
    const qreal oldest = qreal((timeSecs - spanSecs()) * kMsPerSecond);
    int drop = 0;
    while (drop < series->count() && series->at(drop).x() < oldest)
        ++drop;
    if (drop > 0)
        series->removePoints(0, drop);
    updateAxes();
}

void SpotChart::updateAxes()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    m_time->setRange(QDateTime::fromSecsSinceEpoch(now - spanSecs()), QDateTime::fromSecsSinceEpoch(now));
    m_time->setFormat(m_span == Span::Hour  ? QStringLiteral("HH:mm")
                      : m_span == Span::Day ? QStringLiteral("dd MMM HH:mm")
                                            : QStringLiteral("dd MMM"));
    qreal low = 0;
    qreal high = 0;
    bool any = false;
    for (QLineSeries *series : std::as_const(m_series)) {
        const QList<QPointF> points = series->points();
        for (const QPointF &p : points) {
            low = any ? std::min(low, p.y()) : p.y();
            high = any ? std::max(high, p.y()) : p.y();
            any = true;
        }
    }
    QChart *chart = m_view->chart();
    m_time->setVisible(any);
    m_price->setVisible(any);
    if (!any) {
        chart->setTitle(m_product.isEmpty() ? tr("Select a product to see its spot price")
                        : !m_session        ? tr("No exchange: the spot price needs a session")
                                            : tr("No trades of %1 in this span: the spot index "
                                                        "starts with the first hourly trade")
                                           .arg(m_product));
        m_price->setRange(0, 1);
    } else {
        chart->setTitle(QString());
        const qreal span = std::max(high - low, low * 0.02 + 0.0001);
        m_price->setRange(low - span * 0.1, high + span * 0.1);
        m_price->applyNiceNumbers();
    }
    updateSummary();
}

QString SpotChart::summary() const
{
    return m_summaryLabel->text();
}

void SpotChart::updateSummary()
{
    const QLocale locale;
    QStringList parts;
    for (const QString &product : QStringList{m_product} + m_compared) {
        QLineSeries *series = m_series.value(product);
        if (!series || series->count() == 0)
            continue;
        const QPointF last = series->at(series->count() - 1);
        const qint64 ticks = qint64(std::llround(last.y() * qreal(desk::kTicksPerEuro)));
        parts.append(tr("%1: %2 EUR at %3")
                         .arg(product, desk::formatPriceTicks(ticks, locale),
                              locale.toString(QDateTime::fromMSecsSinceEpoch(qint64(last.x())).time(),
                                              QLocale::ShortFormat)));
    }
    const QString text =
        parts.isEmpty() ? m_view->chart()->title() : tr("Spot index — %1").arg(parts.join(u"; "));
    m_summaryLabel->setText(text);
    m_view->setAccessibleDescription(text);
}

} // namespace cloudex::ui
