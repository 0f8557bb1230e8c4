#include "strategypage.h"

#include "catalogue/catalogue.h"
#include "core/clock.h"
#include "demandchart.h"
#include "desk/exchangeclient.h"
#include "desk/marketsession.h"
#include "desk/price.h"
#include "manage/slaprofile.h"
#include "planmodel.h"
#include "prompts.h"
#include "workspacepage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <numeric>

namespace cloudex::ui {
namespace {
using manage::Strategy;

constexpr qint64 kHourSecs = 3600;
constexpr int kHoursPerDay = 24;
constexpr int kMaxInstances = 1'000'000;
constexpr double kMaxBudgetEuros = 100'000'000.0;
constexpr double kMaxPriceEuros = 10'000.0;
constexpr int kFormWidth = 340;
constexpr qint64 kDefaultBaseline = 10;
constexpr qint64 kDefaultPeak = 6;
constexpr double kDefaultBudgetEuros = 2000.0;
constexpr int kMaxListedOrders = 25;
constexpr int kWeekdays = 0x1f;
constexpr int kEveryDay = 0x7f;
enum PeakColumn { PeakFrom, PeakTo, PeakExtra, PeakWeekends, PeakColumnCount };

const manage::FallbackStep kFallbackSteps[] = {
    manage::FallbackStep::NextRegion, manage::FallbackStep::NextSlaClass, manage::FallbackStep::OtherTenancy};

qint64 ticksOf(double euros)
{
    return qRound64(euros * double(desk::kTicksPerEuro));
}

double eurosOf(qint64 ticks)
{
    return double(ticks) / double(desk::kTicksPerEuro);
}

QString slug(const QString &name)
{
    QString out = name.toLower();
    out.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    out = out.mid(0, 40);
    while (out.startsWith(u'-'))
        out.remove(0, 1);
    while (out.endsWith(u'-'))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("strategy") : out;
}
} // namespace

StrategyPage::PreviewFetcher StrategyPage::routeFetcher(
    std::function<desk::ExchangeCall<api::OrderPreview> *(const api::OrderRequest &)> call)
{
    return [call](const api::OrderRequest &order, QObject *context,
                  std::function<void(std::optional<api::OrderPreview>)> done) {
        desk::ExchangeCall<api::OrderPreview> *job = call(order);
        if (!job) {
            done(std::nullopt);
            return;
        }
        QObject::connect(job, &Job::finished, context, [job, done] {
            done(job->ok() ? std::optional(job->value()) : std::nullopt);
            job->deleteLater();
        });
    };
}

StrategyPage::StrategyPage(desk::MarketSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_clock(&SystemClock::instance())
    , m_strategies(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_horizonDays(new QSpinBox(this))
    , m_baseline(new QSpinBox(this))
    , m_peaks(new QTableWidget(0, PeakColumnCount, this))
    , m_profile(new QComboBox(this))
    , m_class(new QComboBox(this))
    , m_budget(new QDoubleSpinBox(this))
    , m_maxPrice(new QDoubleSpinBox(this))
    , m_maxSpotPrice(new QDoubleSpinBox(this))
    , m_maxShare(new QSpinBox(this))
    , m_minSellers(new QSpinBox(this))
    , m_termPercent(new QSpinBox(this))
    , m_peakPercent(new QSpinBox(this))
    , m_chart(new DemandChart(this))
    , m_summary(new QLabel(this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new models::PlanModel(this))
    , m_planButton(new QPushButton(tr("&Plan"), this))
    , m_placeButton(new QPushButton(tr("P&lace…"), this))
{
    setObjectName(QStringLiteral("strategyPage"));
    // The exchange's preview route (POST /v1/orders/preview) answers what each order would
    // fill now; without a connection, or when it fails, the fills are estimated from the
    // desk's book and the forward curves (StrategyPage::estimate()) and the plan says so.
    m_fetch = [this](const api::OrderRequest &order, QObject *context,
                     std::function<void(std::optional<api::OrderPreview>)> done) {
        if (m_session && m_session->isOpen() && m_session->state() == desk::MarketSession::State::Connected) {
            desk::ExchangeCall<api::OrderPreview> *job = m_session->preview(order);
            QObject::connect(job, &Job::finished, context, [this, job, order, done] {
                if (job->ok()) {
                    done(job->value());
                } else {
                    m_estimated = true;
                    done(estimate(order));
                }
                job->deleteLater();
            });
            return;
        }
        m_estimated = true;
        done(estimate(order));
    };

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto bar = new QHBoxLayout;
    bar->addWidget(WorkspacePage::createSectionLabel(tr("Strategy"), this));
    m_strategies->setObjectName(QStringLiteral("strategyCombo"));
    m_strategies->setAccessibleName(tr("Saved strategies"));
    m_strategies->setMinimumContentsLength(20);
    bar->addWidget(m_strategies, 1);
    const std::tuple<QString, QString, QString, void (StrategyPage::*)()> buttons[] = {
        {tr("New"), QStringLiteral("newStrategyButton"), tr("Start a new strategy"),
         &StrategyPage::newStrategy},
        {tr("Save"), QStringLiteral("saveStrategyButton"), tr("Save the strategy in the data directory"),
         &StrategyPage::save},
        {tr("Delete"), QStringLiteral("deleteStrategyButton"), tr("Delete the saved strategy"),
         &StrategyPage::removeCurrent},
        {tr("Import…"), QStringLiteral("importStrategyButton"), tr("Read a strategy from a JSON file"),
         &StrategyPage::importStrategy},
        {tr("Export…"), QStringLiteral("exportStrategyButton"), tr("Write the strategy to a JSON file"),
         &StrategyPage::exportStrategy},
    };
    for (const auto &[text, name, tip, slot] : buttons) {
        auto button = new QPushButton(text, this);
        button->setObjectName(name);
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        connect(button, &QPushButton::clicked, this, slot);
        bar->addWidget(button);
    }
    layout->addLayout(bar);

    auto form = new QWidget;
    buildForm(form);
    auto scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("strategyForm"));
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(kFormWidth);

    auto right = new QWidget(this);
    auto rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_chart->setAccessibleName(tr("Demand and coverage"));
    m_chart->setMinimumHeight(220);
    rightLayout->addWidget(m_chart, 3);
    auto actions = new QHBoxLayout;
    m_summary->setObjectName(QStringLiteral("planSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The summary gets a line of its own: it can run to three sentences.
    rightLayout->addWidget(m_summary);
    actions->addWidget(m_status, 1);
    m_planButton->setObjectName(QStringLiteral("planButton"));
    m_planButton->setToolTip(tr("Turn the strategy into an order plan for what contracts do not cover yet"));
    m_planButton->setAccessibleName(tr("Plan the strategy"));
    actions->addWidget(m_planButton);
    m_placeButton->setObjectName(QStringLiteral("placeButton"));
    m_placeButton->setToolTip(tr("Send the plan's orders as one batch, after one confirmation"));
    m_placeButton->setAccessibleName(tr("Place the plan"));
    m_placeButton->setEnabled(false);
    actions->addWidget(m_placeButton);
    rightLayout->addLayout(actions);
    m_status->setObjectName(QStringLiteral("planStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("planTable"));
    m_table->setAccessibleName(tr("Plan lines"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    rightLayout->addWidget(m_table, 2);

    auto split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("strategySplitter"));
    split->addWidget(scroll);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);

    connect(m_planButton, &QPushButton::clicked, this, &StrategyPage::startPlan);
    connect(m_placeButton, &QPushButton::clicked, this, &StrategyPage::placePlan);
    connect(m_chart, &DemandChart::demandDrawn, this, &StrategyPage::onDemandDrawn);
    connect(m_strategies, &QComboBox::activated, this, [this](int index) {
        const QString id = m_strategies->itemData(index).toString();
        Result<QList<Strategy>> all = manage::StrategyStore(m_dataDir).load();
        if (!all) {
            m_status->setText(all.error().message);
            return;
        }
        for (const Strategy &s : *all) {
            if (s.id == id)
                setStrategy(s);
        }
    });
    if (m_session)
        connect(m_session, &desk::MarketSession::contractsChanged, this, &StrategyPage::updateChart);

    newStrategy();
}

StrategyPage::~StrategyPage() = default;

void StrategyPage::buildForm(QWidget *form)
{
    auto f = new QFormLayout(form);
    f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto named = [](QWidget *w, const char *name, const QString &accessible) {
        w->setObjectName(QString::fromLatin1(name));
        w->setAccessibleName(accessible);
        return w;
    };
    f->addRow(tr("Name"), named(m_name, "strategyName", tr("Strategy name")));
    m_horizonDays->setRange(1, Strategy::kMaxHorizonHours / kHoursPerDay);
    m_horizonDays->setSuffix(tr(" days"));
    f->addRow(tr("Horizon"), named(m_horizonDays, "horizonDays", tr("Horizon in days")));
    m_baseline->setRange(0, kMaxInstances);
    m_baseline->setSuffix(tr(" instances"));
    f->addRow(tr("Baseline"), named(m_baseline, "baselineSpin", tr("Baseline demand in instances")));

    named(m_peaks, "peaksTable", tr("Recurring peaks"));
    m_peaks->setHorizontalHeaderLabels({tr("From"), tr("To"), tr("Extra"), tr("Weekends")});
    m_peaks->verticalHeader()->hide();
    m_peaks->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_peaks->setMaximumHeight(110);
    m_peaks->setToolTip(tr("Extra instances from one hour to another (UTC), on weekdays, or every day when "
                           "Weekends is checked"));
    f->addRow(tr("Peaks"), m_peaks);
    auto peakButtons = new QHBoxLayout;
    auto addPeak = new QPushButton(tr("Add peak"), form);
    addPeak->setObjectName(QStringLiteral("addPeakButton"));
    auto removePeak = new QPushButton(tr("Remove peak"), form);
    removePeak->setObjectName(QStringLiteral("removePeakButton"));
    auto clearDrawn = new QPushButton(tr("Clear drawing"), form);
    clearDrawn->setObjectName(QStringLiteral("clearDrawingButton"));
    clearDrawn->setToolTip(tr("Forget the days drawn on the chart; baseline and peaks stay"));
    peakButtons->addWidget(addPeak);
    peakButtons->addWidget(removePeak);
    peakButtons->addWidget(clearDrawn);
    f->addRow(QString(), peakButtons);

    named(m_profile, "profileCombo", tr("SLA profile"));
    f->addRow(tr("SLA profile"), m_profile);
    named(m_class, "classCombo", tr("Instance class"));
    m_class->addItem(tr("Any class"), QString());
    for (const catalogue::InstanceClass &c : catalogue::Catalogue::standard().instanceClasses())
        m_class->addItem(c.code, c.code);
    f->addRow(tr("Instance class"), m_class);

    m_budget->setRange(0, kMaxBudgetEuros);
    m_budget->setDecimals(2);
    m_budget->setSuffix(tr(" EUR"));
    m_budget->setGroupSeparatorShown(true);
    f->addRow(tr("Budget per month"), named(m_budget, "budgetSpin", tr("Budget per month in euros")));
    for (QDoubleSpinBox *price : {m_maxPrice, m_maxSpotPrice}) {
        price->setRange(0, kMaxPriceEuros);
        price->setDecimals(desk::kPriceDecimals);
        price->setSingleStep(0.01);
        price->setSpecialValueText(tr("no limit"));
        price->setSuffix(tr(" EUR/h"));
    }
    f->addRow(tr("Term price limit"), named(m_maxPrice, "maxPriceSpin", tr("Highest price for contracts")));
    f->addRow(tr("Spot price limit"),
              named(m_maxSpotPrice, "maxSpotPriceSpin", tr("Highest price for hours")));
    m_maxShare->setRange(1, 100);
    m_maxShare->setSuffix(tr(" %"));
    f->addRow(tr("Most per seller"), named(m_maxShare, "maxShareSpin", tr("Largest share of one seller")));
    m_minSellers->setRange(0, 100);
    m_minSellers->setSpecialValueText(tr("any"));
    f->addRow(tr("At least sellers"), named(m_minSellers, "minSellersSpin", tr("Fewest sellers")));
    for (QSpinBox *share : {m_termPercent, m_peakPercent}) {
        share->setRange(0, 100);
        share->setSuffix(tr(" %"));
    }
    f->addRow(tr("Baseline by month/week"), named(m_termPercent, "termPercentSpin",
                                                  tr("Share of the baseline covered with month and week")));
    f->addRow(tr("Peaks by day/hour"),
              named(m_peakPercent, "peakPercentSpin", tr("Share of the peaks covered with day and hour")));
    const QString fallbackTexts[] = {tr("next region"), tr("next SLA class"), tr("other tenancy")};
    auto ladder = new QVBoxLayout;
    for (int i = 0; i < 3; ++i) {
        m_fallback[i] = new QCheckBox(fallbackTexts[i], form);
        m_fallback[i]->setObjectName(QStringLiteral("fallback%1").arg(i));
        ladder->addWidget(m_fallback[i]);
    }
    f->addRow(tr("Fallback ladder"), ladder);

    const auto changed = [this] {
        if (m_updating)
            return;
        readForm();
        m_plan.reset();
        m_model->setLines({});
        updateChart();
    };
    connect(m_name, &QLineEdit::editingFinished, this, changed);
    for (QSpinBox *spin : {m_horizonDays, m_baseline, m_maxShare, m_minSellers, m_termPercent, m_peakPercent})
        connect(spin, &QSpinBox::valueChanged, this, changed);
    for (QDoubleSpinBox *spin : {m_budget, m_maxPrice, m_maxSpotPrice})
        connect(spin, &QDoubleSpinBox::valueChanged, this, changed);
    for (QComboBox *box : {m_profile, m_class})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    for (QCheckBox *box : m_fallback)
        connect(box, &QCheckBox::toggled, this, changed);
    connect(m_peaks, &QTableWidget::itemChanged, this, changed);
    connect(addPeak, &QPushButton::clicked, this, [this, changed] {
        m_strategy.peaks.append({kWeekdays, 8, 18, 1});
        writeForm();
        changed();
    });
    connect(removePeak, &QPushButton::clicked, this, [this, changed] {
        const int row = m_peaks->currentRow() >= 0 ? m_peaks->currentRow() : m_peaks->rowCount() - 1;
        if (row >= 0 && row < m_strategy.peaks.size())
            m_strategy.peaks.removeAt(row);
        writeForm();
        changed();
    });
    connect(clearDrawn, &QPushButton::clicked, this, [this, changed] {
        m_strategy.overrides.clear();
        changed();
    });
}

void StrategyPage::readForm()
{
    Strategy &s = m_strategy;
    s.name = m_name->text().trimmed();
    s.horizonHours = m_horizonDays->value() * kHoursPerDay;
    s.baseline = m_baseline->value();
    s.peaks.clear();
    for (int row = 0; row < m_peaks->rowCount(); ++row) {
        const auto number = [&](int column, int fallback) {
            bool ok = false;
            const int v = m_peaks->item(row, column) ? m_peaks->item(row, column)->text().toInt(&ok) : 0;
            return ok ? v : fallback;
        };
        manage::DemandPeak peak;
        peak.fromHour = std::clamp(number(PeakFrom, 8), 0, kHoursPerDay - 1);
        peak.toHour = std::clamp(number(PeakTo, 18), peak.fromHour + 1, kHoursPerDay);
        peak.extra = std::clamp(number(PeakExtra, 0), 0, kMaxInstances);
        const QTableWidgetItem *weekends = m_peaks->item(row, PeakWeekends);
        peak.weekdays = weekends && weekends->checkState() == Qt::Checked ? kEveryDay : kWeekdays;
        s.peaks.append(peak);
    }
    // Drawn days past a shorter horizon go.
    s.overrides.removeIf([&](const manage::DemandOverride &o) { return o.start >= s.horizonHours; });
    s.profileId = m_profile->currentData().toString();
    s.instanceClass = m_class->currentData().toString();
    s.budgetPerMonth = ticksOf(m_budget->value());
    s.maxPrice = ticksOf(m_maxPrice->value());
    s.maxSpotPrice = ticksOf(m_maxSpotPrice->value());
    s.maxSellerSharePercent = m_maxShare->value();
    s.minSellers = m_minSellers->value();
    s.baselineTermPercent = m_termPercent->value();
    s.peakShortPercent = m_peakPercent->value();
    s.fallback.clear();
    for (int i = 0; i < 3; ++i) {
        if (m_fallback[i]->isChecked())
            s.fallback.append(kFallbackSteps[i]);
    }
}

void StrategyPage::writeForm()
{
    const Strategy &s = m_strategy;
    m_updating = true;
    m_name->setText(s.name);
    m_horizonDays->setValue(std::max(1, s.horizonHours / kHoursPerDay));
    m_baseline->setValue(int(s.baseline));
    m_peaks->setRowCount(int(s.peaks.size()));
    for (int row = 0; row < s.peaks.size(); ++row) {
        const manage::DemandPeak &p = s.peaks[row];
        m_peaks->setItem(row, PeakFrom, new QTableWidgetItem(QString::number(p.fromHour)));
        m_peaks->setItem(row, PeakTo, new QTableWidgetItem(QString::number(p.toHour)));
        m_peaks->setItem(row, PeakExtra, new QTableWidgetItem(QString::number(p.extra)));
        auto weekends = new QTableWidgetItem;
        weekends->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        weekends->setCheckState((p.weekdays & ~kWeekdays) ? Qt::Checked : Qt::Unchecked);
        m_peaks->setItem(row, PeakWeekends, weekends);
    }
    const int profileIndex = m_profile->findData(s.profileId);
    m_profile->setCurrentIndex(std::max(0, profileIndex));
    m_class->setCurrentIndex(std::max(0, m_class->findData(s.instanceClass)));
    m_budget->setValue(eurosOf(s.budgetPerMonth));
    m_maxPrice->setValue(eurosOf(s.maxPrice));
    m_maxSpotPrice->setValue(eurosOf(s.maxSpotPrice));
    m_maxShare->setValue(s.maxSellerSharePercent);
    m_minSellers->setValue(s.minSellers);
    m_termPercent->setValue(s.baselineTermPercent);
    m_peakPercent->setValue(s.peakShortPercent);
    for (int i = 0; i < 3; ++i)
        m_fallback[i]->setChecked(s.fallback.contains(kFallbackSteps[i]));
    m_updating = false;
}

qint64 StrategyPage::now() const
{
    return m_clock->nowMs() / 1000;
}

void StrategyPage::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &SystemClock::instance();
}

void StrategyPage::setPreviewFetcher(PreviewFetcher fetcher)
{
    m_fetch = std::move(fetcher);
    m_estimated = false;
}

void StrategyPage::setDataDirectory(const QString &dataDir)
{
    m_dataDir = dataDir;
    refreshProfiles();
    refreshStrategies();
}

void StrategyPage::refreshProfiles()
{
    m_updating = true;
    m_profile->clear();
    m_profile->addItem(tr("Any product"), QString());
    m_profiles.clear();
    if (!m_dataDir.isEmpty()) {
        Result<QList<manage::SlaProfile>> profiles = manage::SlaProfileStore(m_dataDir).load();
        if (profiles)
            m_profiles = *profiles;
        else
            m_status->setText(profiles.error().message);
    }
    for (const manage::SlaProfile &p : std::as_const(m_profiles))
        m_profile->addItem(p.name, p.id);
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(m_strategy.profileId)));
    m_updating = false;
}

void StrategyPage::refreshStrategies()
{
    m_strategies->clear();
    if (m_dataDir.isEmpty())
        return;
    Result<QList<Strategy>> all = manage::StrategyStore(m_dataDir).load();
    if (!all) {
        m_status->setText(all.error().message);
        return;
    }
    for (const Strategy &s : *all)
        m_strategies->addItem(s.name, s.id);
    m_strategies->setCurrentIndex(m_strategies->findData(m_strategy.id));
}

Strategy StrategyPage::strategy() const
{
    return m_strategy;
}

void StrategyPage::setStrategy(const Strategy &strategy)
{
    m_strategy = strategy;
    m_plan.reset();
    m_model->setLines({});
    writeForm();
    updateChart();
    m_strategies->setCurrentIndex(m_strategies->findData(strategy.id));
}

void StrategyPage::newStrategy()
{
    Strategy s;
    s.id = QStringLiteral("strategy");
    s.name = tr("New strategy");
    // From the next full hour, the first one still to trade.
    s.horizonStart = (now() / kHourSecs + 1) * kHourSecs;
    s.horizonHours = 7 * kHoursPerDay;
    // Something to start drawing from: a baseline and office-hour peaks.
    s.baseline = kDefaultBaseline;
    s.peaks = {{kWeekdays, 8, 18, kDefaultPeak}};
    s.budgetPerMonth = ticksOf(kDefaultBudgetEuros);
    setStrategy(s);
}

void StrategyPage::onDemandDrawn(int hour, qint64 quantity)
{
    // A drawn step is a day of the horizon.
    const int start = hour / kHoursPerDay * kHoursPerDay;
    const int hours = std::min(kHoursPerDay, m_strategy.horizonHours - start);
    auto &overrides = m_strategy.overrides;
    overrides.removeIf([&](const manage::DemandOverride &o) { return o.start == start && o.hours == hours; });
    overrides.append({start, hours, std::min<qint64>(quantity, kMaxInstances)});
    m_plan.reset();
    m_model->setLines({});
    updateChart();
}

QVector<qint64> StrategyPage::contractCoverage() const
{
    QVector<qint64> out(m_strategy.horizonHours, 0);
    if (!m_session)
        return out;
    const catalogue::Catalogue &cat = catalogue::Catalogue::standard();
    for (const api::Contract &c : m_session->contracts()) {
        if (c.buyer != m_session->participant() || c.state == api::ContractState::Terminated)
            continue;
        if (!m_strategy.instanceClass.isEmpty()) {
            const Result<catalogue::Product> product = cat.parseProduct(c.product);
            if (!product || product->classCode != m_strategy.instanceClass)
                continue;
        }
        const qint64 first = std::max<qint64>(0, (c.deliveryStart - m_strategy.horizonStart) / kHourSecs);
        const qint64 last =
            std::min<qint64>(m_strategy.horizonHours, (c.deliveryEnd - m_strategy.horizonStart) / kHourSecs);
        for (qint64 h = first; h < last; ++h)
            out[h] += c.quantity;
    }
    return out;
}

void StrategyPage::updateChart()
{
    m_chart->setHorizon(m_strategy.horizonStart, m_strategy.horizonHours);
    QList<DemandChart::Layer> layers;
    if (m_session) {
        // Real coverage, stacked by seller.
        QMap<QString, QVector<qint64>> bySeller;
        const catalogue::Catalogue &cat = catalogue::Catalogue::standard();
        for (const api::Contract &c : m_session->contracts()) {
            if (c.buyer != m_session->participant() || c.state == api::ContractState::Terminated)
                continue;
            if (!m_strategy.instanceClass.isEmpty()) {
                const Result<catalogue::Product> product = cat.parseProduct(c.product);
                if (!product || product->classCode != m_strategy.instanceClass)
                    continue;
            }
            QVector<qint64> &values = bySeller[c.seller];
            values.resize(m_strategy.horizonHours, 0);
            const qint64 first = std::max<qint64>(0, (c.deliveryStart - m_strategy.horizonStart) / kHourSecs);
            const qint64 last = std::min<qint64>(m_strategy.horizonHours,
                                                 (c.deliveryEnd - m_strategy.horizonStart) / kHourSecs);
            for (qint64 h = first; h < last; ++h)
                values[h] += c.quantity;
        }
        m_contractHours.clear();
        for (auto it = bySeller.cbegin(); it != bySeller.cend(); ++it) {
            for (qint64 v : it.value())
                m_contractHours[it.key()] += v;
        }
        for (auto it = bySeller.cbegin(); it != bySeller.cend(); ++it) {
            if (std::any_of(it->cbegin(), it->cend(), [](qint64 v) { return v > 0; }))
                layers.append(
                    {tr("Contracts from %1").arg(it.key()), it.value(), DemandChart::Layer::Kind::Contract});
        }
    }
    if (m_plan) {
        layers.append({tr("Planned"), m_plan->planned, DemandChart::Layer::Kind::Planned});
        layers.append({tr("Projected"), m_plan->projected, DemandChart::Layer::Kind::Projected});
    }
    m_chart->setData(m_strategy.demand(), layers);
    updateSummary();
}

void StrategyPage::updateSummary()
{
    const QLocale locale;
    QStringList parts;
    parts.append(m_chart->summary());
    // Diversification, checked on the contracts (the book does not name sellers).
    const QVector<qint64> demand = m_strategy.demand();
    const qint64 demandHours = std::accumulate(demand.cbegin(), demand.cend(), qint64(0));
    const qint64 cap = demandHours * m_strategy.maxSellerSharePercent / 100;
    for (auto it = m_contractHours.cbegin(); it != m_contractHours.cend(); ++it) {
        if (m_strategy.maxSellerSharePercent < 100 && it.value() > cap)
            parts.append(
                tr("Contracts from %1 cover %2 % of the demand, more than the %3 % one seller may have.")
                    .arg(it.key())
                    .arg(it.value() * 100 / std::max<qint64>(1, demandHours))
                    .arg(m_strategy.maxSellerSharePercent));
    }
    if (!m_contractHours.isEmpty() && m_contractHours.size() < m_strategy.minSellers)
        parts.append(tr("Contracts come from %1 seller(s), fewer than the %2 asked for.")
                         .arg(m_contractHours.size())
                         .arg(m_strategy.minSellers));
    if (m_plan) {
        const qint64 budget = m_strategy.budgetPerMonth;
        qint64 worstMonth = 0;
        for (const manage::PlanMonth &m : m_plan->months)
            worstMonth = std::max(worstMonth, m.cost);
        parts.append(tr("Plan: %1 EUR (%2 EUR of it projected); the dearest month %3 of %4 EUR budget.")
                         .arg(desk::formatPriceTicks(m_plan->cost, locale),
                              desk::formatPriceTicks(m_plan->projectedCost, locale),
                              desk::formatPriceTicks(worstMonth, locale),
                              desk::formatPriceTicks(budget, locale)));
        if (m_estimated)
            parts.append(tr("Fills are estimated from the desk's book and forward curves."));
        parts.append(m_plan->warnings);
    }
    m_summary->setText(parts.join(u' '));
    m_placeButton->setEnabled(m_session && m_plan && !m_plan->orders({}).isEmpty());
    // With contracts in the horizon, planning plans the gap they leave.
    const QVector<qint64> covered = contractCoverage();
    const bool anyCovered = std::any_of(covered.cbegin(), covered.cend(), [](qint64 v) { return v > 0; });
    m_planButton->setText(anyCovered && m_chart->gapHours() > 0 ? tr("&Plan the gap") : tr("&Plan"));
}

const manage::SlaProfile *StrategyPage::currentProfile() const
{
    for (const manage::SlaProfile &p : m_profiles) {
        if (p.id == m_strategy.profileId)
            return &p;
    }
    return nullptr;
}

QList<manage::PlanCandidate> StrategyPage::candidates() const
{
    QList<manage::PlanCandidate> out;
    if (!m_session)
        return out;
    const manage::SlaProfile *profile = currentProfile();
    QHash<QString, int> index;
    for (const catalogue::Product &product : catalogue::Catalogue::standard().products()) {
        const std::optional<int> level = manage::Planner::fallbackLevel(m_strategy, profile, product);
        if (!level)
            continue;
        index.insert(product.symbol(), int(out.size()));
        out.append({product.symbol(), QString(), *level, {}, m_curves.value(product.symbol())});
    }
    for (const api::Instrument &i : m_session->instruments()) {
        const auto it = index.constFind(i.product);
        if (it != index.constEnd())
            out[*it].instruments.append(i);
    }
    // Products with nothing listed have nothing to buy or to project from.
    out.removeIf([](const manage::PlanCandidate &c) { return c.instruments.isEmpty(); });
    return out;
}

void StrategyPage::startPlan()
{
    readForm();
    const int generation = ++m_generation;
    m_estimated = false; // until a fill is estimated rather than previewed
    m_curves.clear();
    m_previews.clear();
    QList<manage::PlanCandidate> list = candidates();
    if (!m_session || list.isEmpty()) {
        m_status->setText(m_session ? tr("No listed product meets the profile and the class.")
                                    : tr("No exchange is connected: nothing to plan from."));
        runPlanner(list);
        return;
    }
    m_status->setText(tr("Planning: reading %n forward curve(s)…", nullptr, int(list.size())));
    m_planButton->setEnabled(false);
    desk::ExchangeClient *client = m_session->client();
    m_outstanding = 0;
    for (const manage::PlanCandidate &c : std::as_const(list)) {
        if (!client) {
            if (c.product == m_session->product())
                m_curves.insert(c.product, m_session->curve());
            continue;
        }
        ++m_outstanding;
        auto *job = client->curve(c.product);
        connect(job, &Job::finished, this, [this, job, generation, product = c.product] {
            job->deleteLater();
            if (generation != m_generation)
                return;
            if (job->ok())
                m_curves.insert(product, job->value().points);
            if (--m_outstanding == 0)
                fetchPreviews(candidates());
        });
    }
    if (m_outstanding == 0)
        fetchPreviews(candidates());
}

void StrategyPage::fetchPreviews(const QList<manage::PlanCandidate> &list)
{
    const int generation = m_generation;
    const QVector<qint64> demand = m_strategy.demand();
    const qint64 limit = std::max(m_strategy.maxPrice, m_strategy.maxSpotPrice);
    QList<api::OrderRequest> requests;
    for (const manage::PlanCandidate &c : list) {
        for (const api::Instrument &i : c.instruments) {
            const qint64 first = (i.deliveryStart - m_strategy.horizonStart) / kHourSecs;
            const qint64 last = (i.deliveryEnd - m_strategy.horizonStart) / kHourSecs;
            if (i.deliveryStart < m_strategy.horizonStart || last > m_strategy.horizonHours)
                continue;
            qint64 most = 0;
            for (qint64 h = first; h < last; ++h)
                most = std::max(most, demand[h]);
            if (most <= 0)
                continue;
            api::OrderRequest order;
            order.symbol = i.symbol;
            order.price = limit > 0 && (i.bandHigh <= 0 || limit < i.bandHigh) ? limit : i.bandHigh;
            order.quantity = (most + std::max<qint64>(1, i.lotSize) - 1) / std::max<qint64>(1, i.lotSize) *
                             std::max<qint64>(1, i.lotSize);
            requests.append(order);
        }
    }
    m_outstanding = int(requests.size());
    if (requests.isEmpty()) {
        runPlanner(list);
        return;
    }
    m_status->setText(tr("Planning: previewing %n instrument(s)…", nullptr, int(requests.size())));
    for (const api::OrderRequest &order : std::as_const(requests)) {
        m_fetch(order, this,
                [this, generation, symbol = order.symbol](std::optional<api::OrderPreview> preview) {
                    if (generation != m_generation)
                        return;
                    if (preview)
                        m_previews.insert(symbol, *preview);
                    if (--m_outstanding == 0)
                        runPlanner(candidates());
                });
    }
}

std::optional<api::OrderPreview> StrategyPage::estimate(const api::OrderRequest &order) const
{
    if (!m_session)
        return std::nullopt;
    if (order.symbol == m_session->book().symbol)
        return manage::previewFromAsks(m_session->book().asks, order);
    // Elsewhere the desk knows only the best ask, from the forward curve; its depth is
    // unknown, so the estimate fills the whole order there.
    for (const QList<api::CurvePoint> &curve : m_curves) {
        for (const api::CurvePoint &p : curve) {
            if (p.symbol == order.symbol)
                return p.ask > 0 ? manage::previewFromAsks({{p.ask, order.quantity, 1}}, order)
                                 : api::OrderPreview{order.symbol, 0, order.quantity};
        }
    }
    return std::nullopt;
}

void StrategyPage::runPlanner(const QList<manage::PlanCandidate> &list)
{
    m_planButton->setEnabled(true);
    manage::Planner::Input input;
    input.strategy = m_strategy;
    input.candidates = list;
    // Hours already begun are not planned: they count as covered for the planner.
    input.covered = contractCoverage();
    const QVector<qint64> demand = m_strategy.demand();
    const qint64 begun = (now() - m_strategy.horizonStart + kHourSecs - 1) / kHourSecs;
    for (qint64 h = 0; h < std::min<qint64>(begun, m_strategy.horizonHours); ++h)
        input.covered[h] = std::max(input.covered[h], demand[h]);
    // The previews were asked once per symbol at the most the plan could want; a smaller
    // order is charged at that order's average price, which is never below what it costs.
    const QHash<QString, api::OrderPreview> previews = m_previews;
    input.preview = [previews](const api::OrderRequest &o) {
        api::OrderPreview p;
        p.symbol = o.symbol;
        p.quantity = o.quantity;
        const auto it = previews.constFind(o.symbol);
        if (it == previews.constEnd() || it->fillQuantity <= 0 || (o.price && it->averagePrice > *o.price))
            return p;
        p.fillQuantity = std::min(o.quantity, it->fillQuantity);
        p.averagePrice = it->averagePrice;
        p.worstPrice = o.price ? std::min(it->worstPrice, *o.price) : it->worstPrice;
        p.notional = p.fillQuantity * it->averagePrice;
        return p;
    };
    m_plan = manage::Planner::plan(input);
    m_model->setLines(m_plan->lines);
    const int orders = int(m_plan->orders({}).size());
    m_status->setText(tr("%n order(s) to place", nullptr, orders) + QStringLiteral("; ") +
                      tr("%n projected line(s)", nullptr, int(m_plan->lines.size()) - orders));
    updateChart();
    Q_EMIT planned();
}

void StrategyPage::placePlan()
{
    if (!m_session || !m_plan)
        return;
    const manage::SlaProfile *profile = currentProfile();
    const QList<api::OrderRequest> orders = m_plan->orders(profile ? profile->requirements() : std::nullopt);
    if (orders.isEmpty())
        return;
    const QLocale locale;
    qint64 total = 0;
    QStringList lines;
    for (const manage::PlanLine &line : std::as_const(m_plan->lines)) {
        if (line.projected)
            continue;
        total += line.cost;
        if (lines.size() < kMaxListedOrders)
            lines.append(tr("Buy %1 × %2 at up to %3 EUR/h")
                             .arg(locale.toString(line.quantity), line.symbol,
                                  desk::formatPriceTicks(line.limitPrice, locale)));
    }
    if (orders.size() > kMaxListedOrders)
        lines.append(tr("… and %n more", nullptr, int(orders.size()) - kMaxListedOrders));
    const QString text = tr("Place these %n order(s), for about %1 EUR in all?", nullptr, int(orders.size()))
                             .arg(desk::formatPriceTicks(total, locale)) +
                         QStringLiteral("\n\n") + lines.join(u'\n');
    if (!Prompts::confirm(this, tr("Place the plan"), text))
        return;
    m_placeButton->setEnabled(false);
    auto answered = std::make_shared<int>(0);
    auto accepted = std::make_shared<int>(0);
    auto failures = std::make_shared<QStringList>();
    const int count = int(orders.size());
    for (const api::OrderRequest &order : orders) {
        auto *job = m_session->submit(order);
        connect(job, &Job::finished, this,
                [this, job, answered, accepted, failures, count, symbol = order.symbol] {
                    job->deleteLater();
                    if (job->ok())
                        ++*accepted;
                    else
                        failures->append(tr("%1: %2").arg(symbol, job->errorString()));
                    if (++*answered < count)
                        return;
                    m_status->setText(
                        tr("%1 of %n order(s) placed.", nullptr, count).arg(*accepted) +
                        (failures->isEmpty() ? QString() : u' ' + failures->join(QStringLiteral("; "))));
                    m_plan.reset();
                    m_model->setLines({});
                    updateChart();
                    Q_EMIT placed(*accepted, count);
                });
    }
}

void StrategyPage::save()
{
    readForm();
    if (m_dataDir.isEmpty())
        return;
    manage::StrategyStore store(m_dataDir);
    if (m_strategy.id == u"strategy" || m_strategy.id.isEmpty()) {
        // A new strategy takes its name's id, numbered past saved ones.
        Result<QList<Strategy>> all = store.load();
        QSet<QString> taken;
        for (const Strategy &s : all ? *all : QList<Strategy>{})
            taken.insert(s.id);
        const QString base = slug(m_strategy.name);
        QString id = base;
        for (int n = 2; taken.contains(id); ++n)
            id = QStringLiteral("%1-%2").arg(base.left(36)).arg(n);
        m_strategy.id = id;
    }
    const Result<void> saved = store.save(m_strategy);
    m_status->setText(saved ? tr("Saved %1.").arg(m_strategy.name) : saved.error().message);
    refreshStrategies();
}

void StrategyPage::removeCurrent()
{
    if (m_dataDir.isEmpty())
        return;
    if (!Prompts::confirm(this, tr("Delete strategy"), tr("Delete the strategy %1?").arg(m_strategy.name)))
        return;
    const Result<void> removed = manage::StrategyStore(m_dataDir).remove(m_strategy.id);
    m_status->setText(removed ? tr("Deleted %1.").arg(m_strategy.name) : removed.error().message);
    refreshStrategies();
    newStrategy();
}

void StrategyPage::exportStrategy()
{
    readForm();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export strategy"), m_strategy.id + QStringLiteral(".json"), tr("Strategies (*.json)"));
    if (path.isEmpty())
        return;
    const Result<void> written = manage::StrategyStore::writeFile(m_strategy, path);
    m_status->setText(written ? tr("Exported to %1.").arg(path) : written.error().message);
}

void StrategyPage::importStrategy()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import strategy"), QString(), tr("Strategies (*.json)"));
    if (path.isEmpty())
        return;
    const Result<Strategy> read = manage::StrategyStore::readFile(path);
    if (!read) {
        m_status->setText(read.error().message);
        return;
    }
    setStrategy(*read);
    save();
}

} // namespace cloudex::ui
