#pragma once

#include "desk/records.h"

#include <QChartView>
#include <QMap>

class QAreaSeries;
class QCandlestickSeries;
class QCandlestickSet;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace cloudex::ui {

/// A live candlestick chart of one instrument: OHLC candles, traded volume as a stepped
/// area along the bottom (QtCharts 6.4 draws no QBarSeries on a QDateTimeAxis) and a
/// dashed last-price line. Changes arrive in batches: existing candles are updated in
/// place, new ones appended in one call, the volume steps replaced in one call — never a
/// redraw per trade.
class CandleChart final : public QChartView
{
    Q_OBJECT

public:
    /// Candles kept on screen; older ones scroll out.
    static constexpr int kMaxCandles = 120;

    explicit CandleChart(QWidget *parent = nullptr);

    /// A new series (another symbol or resolution): replaces everything.
    void setCandles(const QList<desk::CandleRecord> &candles, qint64 intervalSecs);
    /// New or changed candles of the current series.
    void updateCandles(const QList<desk::CandleRecord> &candles);
    /// The last traded price, 0 for none.
    void setLastPrice(qint64 ticks);
    void setEmptyText(const QString &text);

    int candleCount() const { return int(m_candles.size()); }
    /// The candle starting at `startSecs` as drawn, for tests.
    std::optional<desk::CandleRecord> candleAt(qint64 startSecs) const;
    qreal lastPriceShown() const;
    QCandlestickSeries *candleSeries() const { return m_series; }
    QLineSeries *volumeSeries() const { return m_volume; }
    /// One line a screen reader can read: the last candle, the range shown, or why empty.
    QString summary() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void apply(const QList<desk::CandleRecord> &candles);
    void updateVolume();
    void updateAxes();
    void updateLastLine();

    QCandlestickSeries *m_series;
    QLineSeries *m_volume;
    QAreaSeries *m_volumeArea;
    QLineSeries *m_last;
    QDateTimeAxis *m_time;
    QValueAxis *m_price;
    QValueAxis *m_volumeAxis;
    QMap<qint64, desk::CandleRecord> m_candles;
    QMap<qint64, QCandlestickSet *> m_sets;
    qint64 m_intervalSecs = 60;
    qint64 m_lastTicks = 0;
    QString m_emptyText;
};

} // namespace cloudex::ui
