#pragma once

#include "desk/records.h"

#include <QChartView>

class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace cloudex::ui {

/// A product's forward curve: the last price of every delivery period open for trading as
/// a line over delivery start, with each period's best bid and ask as points.
class ForwardCurveChart final : public QChartView
{
    Q_OBJECT

public:
    explicit ForwardCurveChart(QWidget *parent = nullptr);

    void setCurve(const QString &product, const QList<desk::CurvePointRecord> &points);
    int pointCount() const;

private:
    QLineSeries *m_last;
    QScatterSeries *m_bids;
    QScatterSeries *m_asks;
    QDateTimeAxis *m_time;
    QValueAxis *m_price;
};

} // namespace cloudex::ui
