#pragma once

#include "connect/offerbook.h"

#include <QChartView>

class QBarSet;
class QBarSeries;
class QBarCategoryAxis;
class QValueAxis;

namespace cloudex::ui {

/// Capacity against commitments for the delivery periods of one offer (QtCharts bars): for
/// each period the instances the pool holds, those already contracted and those the offer
/// asks on the exchange, at the period's tightest hour (connect::OfferBook::PeriodLoad).
class OfferLoadChart final : public QChartView
{
    Q_OBJECT

public:
    explicit OfferLoadChart(QWidget *parent = nullptr);

    void setLoads(const QList<connect::OfferBook::PeriodLoad> &loads, qint64 nowSecs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QBarSeries *m_series;
    QBarSet *m_capacity;
    QBarSet *m_contracted;
    QBarSet *m_asked;
    QBarCategoryAxis *m_periods;
    QValueAxis *m_instances;
};

} // namespace cloudex::ui
