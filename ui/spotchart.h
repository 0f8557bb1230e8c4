#pragma once

#include <QChartView>
#include <QMap>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QToolButton;
class QValueAxis;

namespace cloudex::desk {
class MarketSession;
}

namespace cloudex::ui {

/// The live spot-price chart: the spot index of the selected product over the last hour,
/// day or week, with up to four other products compared. History comes from
/// `GET /v1/market/spot/{product}/history`, live points from the session's spot channels
/// (the selected product's and the compared ones'). Each product is one line; the axis
/// shows the date when the span needs it.
class SpotChart final : public QWidget
{
    Q_OBJECT

public:
    enum class Span { Hour, Day, Week };
    Q_ENUM(Span)

    explicit SpotChart(QWidget *parent = nullptr);

    /// The session the chart follows (nullptr: none). Not owned.
    void setSession(desk::MarketSession *session);
    /// Offered in the "Compare" chooser: product symbol -> words a buyer reads.
    void setProductChoices(const QList<std::pair<QString, QString>> &products);
    void setProduct(const QString &product);
    QString product() const { return m_product; }
    void setCompared(const QStringList &products);
    QStringList compared() const { return m_compared; }
    void setSpan(Span span);
    Span span() const { return m_span; }
    /// Reloads every line's history.
    void reload();

    /// Adds a live value, as the session's spot channels deliver it.
    void addLivePoint(const QString &product, qint64 timeSecs, qint64 ticks);

    /// The line of a product, nullptr when it is not shown (for tests).
    QLineSeries *seriesFor(const QString &product) const { return m_series.value(product); }
    QChartView *view() const { return m_view; }
    /// One line a screen reader can read: each product's latest value, or why empty.
    QString summary() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildSeries();
    void loadHistory(const QString &product);
    void updateAxes();
    void applyPalette();
    void updateSummary();
    qint64 spanSecs() const;
    qint64 stepSecs() const;
    QString resolutionName() const;

    QPointer<desk::MarketSession> m_session;
    QString m_product;
    QStringList m_compared;
    Span m_span = Span::Hour;
    QMap<QString, QLineSeries *> m_series;
    QMap<QString, QString> m_productNames;
    QChartView *m_view;
    QDateTimeAxis *m_time;
    QValueAxis *m_price;
    QComboBox *m_spanCombo;
    QComboBox *m_compareCombo;
    QToolButton *m_clearCompare;
    QLabel *m_summaryLabel;
    int m_generation = 0; ///< history answers of an older selection are dropped
};

} // namespace cloudex::ui
