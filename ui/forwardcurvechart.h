#pragma once

#include "desk/records.h"

#include <QChartView>
#include <QMap>

class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace cloudex::ui {

/// A product's forward curve. Each kind of delivery period (hour, day, week, month,
/// quarter) is its own series of horizontal segments over each period's delivery window at
/// its last price, so an hour is never joined to the next day's day product; best bids and
/// asks are points at the middle of their window. The time axis carries the date.
class ForwardCurveChart final : public QChartView
{
    Q_OBJECT

public:
    explicit ForwardCurveChart(QWidget *parent = nullptr);

    void setCurve(const QString &product, const QList<desk::CurvePointRecord> &points);
    int pointCount() const;
    /// The series of last prices for a period kind letter ("H", "D", …), nullptr when the
    /// curve has none of that kind.
    QLineSeries *seriesForKind(const QString &kind) const;
    /// One line a screen reader can read.
    QString summary() const { return m_summary; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QMap<QString, QLineSeries *> m_kinds; ///< by period kind letter, in catalogue order
    QScatterSeries *m_bids;
    QScatterSeries *m_asks;
    QDateTimeAxis *m_time;
    QValueAxis *m_price;
    QString m_summary;
};

} // namespace cloudex::ui
