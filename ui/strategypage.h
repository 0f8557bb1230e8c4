#pragma once

#include "api/orderpreview.h"
#include "api/orderrequest.h"
#include "manage/planner.h"
#include "manage/strategy.h"

#include <QHash>
#include <QMap>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace cloudex {
class Clock;
}
namespace cloudex::desk {
class MarketSession;
template<typename T> class ExchangeCall;
} // namespace cloudex::desk
namespace cloudex::models {
class PlanModel;
}

namespace cloudex::ui {

class DemandChart;

/// The sourcing strategy canvas of the Buy workspace (issue #14): the buyer draws demand
/// (dragging on the chart, a day at a time, or typing a baseline and recurring peaks), picks
/// an SLA profile, budget, price limits, diversification, term mix and fallback ladder, and
/// plans: the planner (manage::Planner) turns it into orders from the forward curves and the
/// previews, the chart stacks the planned coverage over the demand and the line under it
/// weighs the cost against the budget. Place… sends the plan as one confirmed batch. Once
/// contracts exist, the chart stacks them by seller, marks gaps and over-coverage, and Plan
/// plans the gap. Strategies live in `<data>/manage/strategies/`, and export and import as
/// JSON.
class StrategyPage final : public QWidget
{
    Q_OBJECT

public:
    /// Answers one preview request, asynchronously: `done` gets the preview, or nullopt
    /// when there is none. The default estimates from the desk's book and forward curves.
    using PreviewFetcher = std::function<void(const api::OrderRequest &order, QObject *context,
                                              std::function<void(std::optional<api::OrderPreview>)> done)>;
    /// A fetcher over an exchange call (the preview route, `POST /v1/orders/preview`); a
    /// null call (no connection) answers nothing.
    static PreviewFetcher
    routeFetcher(std::function<desk::ExchangeCall<api::OrderPreview> *(const api::OrderRequest &)> call);

    /// `session` may be null (no exchange): strategies can still be drawn and saved.
    explicit StrategyPage(desk::MarketSession *session, QWidget *parent = nullptr);
    ~StrategyPage() override;

    /// Where strategies are kept and SLA profiles come from; loads them.
    void setDataDirectory(const QString &dataDir);
    void setClock(const Clock *clock);
    void setPreviewFetcher(PreviewFetcher fetcher);
    /// Reads the SLA profiles again (the composer saved or deleted one).
    void refreshProfiles();

    manage::Strategy strategy() const;
    void setStrategy(const manage::Strategy &strategy);
    const std::optional<manage::Plan> &plan() const { return m_plan; }
    models::PlanModel *planModel() const { return m_model; }
    DemandChart *chart() const { return m_chart; }
    /// Coverage by existing contracts, per hour of the horizon.
    QVector<qint64> contractCoverage() const;
    /// Whether the plan's previews were estimated (true until the preview route is wired).
    bool estimated() const { return m_estimated; }

    /// Plans (asynchronously; planned() when done).
    void startPlan();
    /// Asks once, listing the orders and the total, then sends them.
    void placePlan();

Q_SIGNALS:
    void planned();
    /// Every order of a placed batch was answered: `accepted` of `total` accepted.
    void placed(int accepted, int total);

private:
    void buildForm(QWidget *form);
    void readForm();
    void writeForm();
    void refreshStrategies();
    void updateChart();
    void updateSummary();
    void onDemandDrawn(int hour, qint64 quantity);
    void save();
    void removeCurrent();
    void exportStrategy();
    void importStrategy();
    void newStrategy();
    void runPlanner(const QList<manage::PlanCandidate> &candidates);
    void fetchPreviews(const QList<manage::PlanCandidate> &candidates);
    std::optional<api::OrderPreview> estimate(const api::OrderRequest &order) const;
    QList<manage::PlanCandidate> candidates() const;
    const manage::SlaProfile *currentProfile() const;
    qint64 now() const;

    desk::MarketSession *m_session;
    const Clock *m_clock;
    QString m_dataDir;
    PreviewFetcher m_fetch;
    bool m_estimated = false;
    manage::Strategy m_strategy;
    QList<manage::SlaProfile> m_profiles;
    std::optional<manage::Plan> m_plan;
    QHash<QString, QList<api::CurvePoint>> m_curves; ///< by product, for the plan
    QHash<QString, api::OrderPreview> m_previews;    ///< by symbol, for the plan
    QMap<QString, qint64> m_contractHours;           ///< instance-hours in the horizon, by seller
    int m_outstanding = 0;
    int m_generation = 0; ///< a newer plan request makes older answers stale
    bool m_updating = false;

    QComboBox *m_strategies;
    QLineEdit *m_name;
    QSpinBox *m_horizonDays;
    QSpinBox *m_baseline;
    QTableWidget *m_peaks;
    QComboBox *m_profile;
    QComboBox *m_class;
    QDoubleSpinBox *m_budget;
    QDoubleSpinBox *m_maxPrice;
    QDoubleSpinBox *m_maxSpotPrice;
    QSpinBox *m_maxShare;
    QSpinBox *m_minSellers;
    QSpinBox *m_termPercent;
    QSpinBox *m_peakPercent;
    QCheckBox *m_fallback[3] = {};
    DemandChart *m_chart;
    QLabel *m_summary;
    QLabel *m_status;
    QTableView *m_table;
    models::PlanModel *m_model;
    QPushButton *m_planButton;
    QPushButton *m_placeButton;
};

} // namespace cloudex::ui
