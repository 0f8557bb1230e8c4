#pragma once

#include <QChartView>
#include <QColor>
#include <QList>
#include <QVector>

class QAreaSeries;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace cloudex::ui {

/// The sourcing strategy canvas: demand over an hourly horizon as a step line, with the
/// coverage stacked under it (by seller for contracts, then planned and projected), gaps
/// and over-coverage marked. Dragging with the left button draws the demand: every hour
/// the pointer passes gets the quantity under it (demandDrawn()), a day at a time.
class DemandChart final : public QChartView
{
    Q_OBJECT

public:
    /// One band of the stack.
    struct Layer
    {
        QString name;
        QVector<qint64> values; ///< per hour
        enum class Kind { Contract, Planned, Projected } kind = Kind::Contract;
    };

    explicit DemandChart(QWidget *parent = nullptr);

    void setHorizon(qint64 start, int hours);
    void setData(const QVector<qint64> &demand, const QList<Layer> &layers);
    /// Hours whose stacked coverage is below (gap) or above (over) the demand.
    int gapHours() const { return m_gapHours; }
    int overHours() const { return m_overHours; }
    /// The stacked area series, bottom first (for tests).
    const QList<QAreaSeries *> &layerSeries() const { return m_layers; }
    QLineSeries *demandSeries() const { return m_demand; }
    /// One line a screen reader can read.
    QString summary() const { return m_summary; }
    /// The hour and quantity under a point of the view, nullopt outside the plot.
    std::optional<std::pair<int, qint64>> valueAt(const QPoint &position) const;
    /// Where hour `hour` at `quantity` is in the view (for tests that draw).
    QPoint positionOf(int hour, qint64 quantity) const;

Q_SIGNALS:
    void demandDrawn(int hour, qint64 quantity);
    void drawingFinished();

protected:
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void applyPalette();
    void draw(const QPoint &position);
    QAreaSeries *addArea(const QList<QPointF> &upper, const QList<QPointF> &lower, const QColor &colour,
                         const QString &name, Qt::BrushStyle style = Qt::SolidPattern);
    QList<QPointF> steps(const QVector<qint64> &values) const;

    qint64 m_start = 0;
    int m_hours = 0;
    QVector<qint64> m_demandValues;
    QList<Layer> m_layerData;
    QLineSeries *m_demand;
    QList<QAreaSeries *> m_layers;
    QList<QAreaSeries *> m_marks;
    QDateTimeAxis *m_time;
    QValueAxis *m_quantity;
    bool m_drawing = false;
    int m_gapHours = 0;
    int m_overHours = 0;
    QString m_summary;
};

} // namespace cloudex::ui
