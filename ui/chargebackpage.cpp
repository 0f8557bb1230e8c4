#include "chargebackpage.h"

#include "chartstyle.h"
#include "workspacepage.h"

#include "desk/contractwallet.h"
#include "desk/exchangeclient.h"
#include "desk/marketsession.h"
#include "desk/price.h"
#include "desk/siteclient.h"
#include "desk/sitefleet.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace cloudex::ui {

using namespace cloudex::manage;

namespace {

QString euro(qint64 ticks)
{
    return desk::formatPriceTicks(ticks, QLocale());
}

QString hours(qint64 seconds)
{
    const qint64 centi = roundedDivision(static_cast<Wide>(seconds) * 100, 3600);
    return QLocale().toString(centi / 100) + QLocale().decimalPoint() +
           QStringLiteral("%1").arg(centi % 100, 2, 10, QLatin1Char('0'));
}

QTableWidgetItem *item(const QString &text, bool number = false)
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (number)
        i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}

QTableWidget *table(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setAlternatingRowColors(true);
    return t;
}

/// Holds a table's column sizes while it is filled and sizes them once at the end: a visible
/// table whose columns fit their contents otherwise measures every row again after each item
/// set (1,000 rows: seconds on the GUI thread).
class HeldColumns
{
public:
    explicit HeldColumns(QTableWidget *table)
        : m_header(table->horizontalHeader())
        , m_stretchLast(m_header->stretchLastSection())
    {
        for (int c = 0; c < m_header->count(); ++c)
            m_modes.append(m_header->sectionResizeMode(c));
        m_header->setStretchLastSection(false);
        m_header->setSectionResizeMode(QHeaderView::Interactive);
    }
    ~HeldColumns()
    {
        for (int c = 0; c < m_modes.size(); ++c)
            m_header->setSectionResizeMode(c, m_modes.at(c));
        m_header->setStretchLastSection(m_stretchLast);
    }
    HeldColumns(const HeldColumns &) = delete;
    HeldColumns &operator=(const HeldColumns &) = delete;

private:
    QHeaderView *m_header;
    bool m_stretchLast;
    QList<QHeaderView::ResizeMode> m_modes;
};

/// Customers drawn in the chart; the others are summed into one line.
constexpr int kChartCustomers = 8;

QString monthName(const Month &month)
{
    return QLocale().toString(QDate(month.year, month.month, 1), QStringLiteral("MMMM yyyy"));
}

/// The contracts' "Customer" column: text in the table and a combo box only while the cell
/// is edited, so a thousand contracts are a thousand items, not a thousand widgets to build
/// on the GUI thread at every reload.
class CustomerDelegate final : public QStyledItemDelegate
{
public:
    using Choose = std::function<void(const QString &contract, const QString &customer)>;

    CustomerDelegate(const QList<Customer> *customers, Choose choose, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_customers(customers)
        , m_choose(std::move(choose))
    {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const override
    {
        const QString contract = index.siblingAtColumn(0).data().toString();
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("contractCustomer-") + contract);
        combo->setAccessibleName(ChargebackPage::tr("Customer of %1").arg(contract));
        combo->addItem(ChargebackPage::tr("— none —"), QString());
        for (const Customer &customer : *m_customers)
            combo->addItem(customer.name, customer.id);
        combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::UserRole).toString())));
        connect(combo, &QComboBox::activated, combo,
                [choose = m_choose, combo, contract] { choose(contract, combo->currentData().toString()); });
        return combo;
    }
    // The editor starts at the assigned customer; a choice is written to the store when it is
    // made, and the table follows the reload.
    void setEditorData(QWidget *, const QModelIndex &) const override {}
    void setModelData(QWidget *, QAbstractItemModel *, const QModelIndex &) const override {}

private:
    const QList<Customer> *m_customers;
    Choose m_choose;
};

QString planText(const PricePlan &plan)
{
    const QLocale l;
    const auto percent = [&](int bp) -> QString {
        return (bp < 0 ? QStringLiteral("−") : QStringLiteral("+")) +
               l.toString(std::abs(bp) / 100.0, 'f', 2) + QStringLiteral(" %");
    };
    switch (plan.kind) {
    case PlanKind::Fixed:
        return ChargebackPage::tr("Fixed %1 EUR/h").arg(euro(plan.rate));
    case PlanKind::CostPlus:
        return ChargebackPage::tr("Cost plus %1").arg(percent(plan.markupBasisPoints));
    case PlanKind::SpotLinked: {
        QString text = ChargebackPage::tr("Spot %1").arg(percent(plan.markupBasisPoints));
        if (plan.floor > 0)
            text += QStringLiteral(", ") + ChargebackPage::tr("floor %1").arg(euro(plan.floor));
        if (plan.cap > 0)
            text += QStringLiteral(", ") + ChargebackPage::tr("cap %1").arg(euro(plan.cap));
        return text;
    }
    }
    return {};
}

} // namespace

// --- CustomerDialog -----------------------------------------------------------------------

CustomerDialog::CustomerDialog(const std::optional<Customer> &existing, QWidget *parent)
    : QDialog(parent)
    , m_id(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_rate(new QLineEdit(this))
    , m_markup(new QDoubleSpinBox(this))
    , m_floor(new QLineEdit(this))
    , m_cap(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("customerDialog"));
    setWindowTitle(existing ? tr("Edit customer") : tr("Add customer"));
    m_id->setObjectName(QStringLiteral("customerId"));
    m_id->setPlaceholderText(tr("for example cc-4711"));
    m_name->setObjectName(QStringLiteral("customerName"));
    m_kind->setObjectName(QStringLiteral("customerPlan"));
    m_kind->addItem(tr("Fixed per instance-hour"), int(PlanKind::Fixed));
    m_kind->addItem(tr("Cost plus markup"), int(PlanKind::CostPlus));
    m_kind->addItem(tr("Spot-linked"), int(PlanKind::SpotLinked));
    m_rate->setObjectName(QStringLiteral("customerRate"));
    m_markup->setObjectName(QStringLiteral("customerMarkup"));
    m_markup->setRange(-100, 1000);
    m_markup->setDecimals(2);
    m_markup->setSuffix(QStringLiteral(" %"));
    m_floor->setObjectName(QStringLiteral("customerFloor"));
    m_cap->setObjectName(QStringLiteral("customerCap"));
    m_floor->setPlaceholderText(tr("none"));
    m_cap->setPlaceholderText(tr("none"));
    m_error->setObjectName(QStringLiteral("customerError"));
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::PlaceholderText);
    if (existing) {
        m_id->setText(existing->id);
        m_id->setReadOnly(true);
        m_name->setText(existing->name);
        m_kind->setCurrentIndex(m_kind->findData(int(existing->plan.kind)));
        if (existing->plan.rate)
            m_rate->setText(desk::formatPriceTicks(existing->plan.rate));
        m_markup->setValue(existing->plan.markupBasisPoints / 100.0);
        if (existing->plan.floor)
            m_floor->setText(desk::formatPriceTicks(existing->plan.floor));
        if (existing->plan.cap)
            m_cap->setText(desk::formatPriceTicks(existing->plan.cap));
    }
    auto *form = new QFormLayout;
    form->addRow(tr("&ID:"), m_id);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Plan:"), m_kind);
    form->addRow(tr("&Rate (EUR per instance-hour):"), m_rate);
    form->addRow(tr("&Markup:"), m_markup);
    form->addRow(tr("&Floor (EUR per instance-hour):"), m_floor);
    form->addRow(tr("&Cap (EUR per instance-hour):"), m_cap);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const auto c = customer();
        if (c)
            return accept();
        m_error->setText(c.error().message);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &CustomerDialog::updateFields);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    updateFields();
}

void CustomerDialog::updateFields()
{
    const auto kind = PlanKind(m_kind->currentData().toInt());
    m_rate->setEnabled(kind == PlanKind::Fixed);
    m_markup->setEnabled(kind != PlanKind::Fixed);
    m_floor->setEnabled(kind == PlanKind::SpotLinked);
    m_cap->setEnabled(kind == PlanKind::SpotLinked);
}

Result<Customer> CustomerDialog::customer() const
{
    Customer c;
    c.id = m_id->text().trimmed();
    c.name = m_name->text().trimmed();
    c.plan.kind = PlanKind(m_kind->currentData().toInt());
    const auto amount = [](const QLineEdit *edit, const QString &field) -> Result<qint64> {
        if (!edit->isEnabled() || edit->text().trimmed().isEmpty())
            return qint64(0);
        const auto ticks = desk::parsePriceTicks(edit->text().trimmed());
        if (!ticks)
            return Error{QStringLiteral("chargeback.bad-plan"),
                         tr("Type an amount in EUR with at most four decimals, for example 0.2500."), field};
        return *ticks;
    };
    const auto rate = amount(m_rate, QStringLiteral("rate"));
    const auto floor = amount(m_floor, QStringLiteral("floor"));
    const auto cap = amount(m_cap, QStringLiteral("cap"));
    for (const auto *r : {&rate, &floor, &cap}) {
        if (!*r)
            return r->error();
    }
    c.plan.rate = *rate;
    c.plan.floor = *floor;
    c.plan.cap = *cap;
    c.plan.markupBasisPoints = c.plan.kind == PlanKind::Fixed ? 0 : qRound(m_markup->value() * 100);
    if (auto ok = c.validate(); !ok)
        return ok.error();
    return c;
}

// --- ChargebackPage -----------------------------------------------------------------------

ChargebackPage::ChargebackPage(desk::MarketSession *session, desk::SiteFleet *fleet, const QString &dataDir,
                               QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_fleet(fleet)
    , m_dataDir(dataDir)
    , m_month(Month::containing(QDateTime::currentSecsSinceEpoch()))
    , m_monthCombo(new QComboBox(this))
    , m_collect(new QPushButton(tr("&Collect usage"), this))
    , m_export(new QPushButton(tr("&Export CSV…"), this))
    , m_status(new QLabel(this))
    , m_customers(table({tr("ID"), tr("Name"), tr("Plan"), tr("Month (EUR)")},
                        QStringLiteral("chargebackCustomers"), this))
    , m_addCustomer(new QPushButton(tr("&Add…"), this))
    , m_editCustomer(new QPushButton(tr("E&dit…"), this))
    , m_removeCustomer(new QPushButton(tr("Re&move"), this))
    , m_contracts(table({tr("Contract"), tr("Product"), tr("Price (EUR/h)"), tr("Customer")},
                        QStringLiteral("chargebackContracts"), this))
    , m_overrides(
          table({tr("Contract"), tr("VM"), tr("Customer")}, QStringLiteral("chargebackOverrides"), this))
    , m_clearOverride(new QPushButton(tr("C&lear override"), this))
    , m_statementTitle(WorkspacePage::createSectionLabel(tr("Statement"), this))
    , m_statement(table({tr("Contract"), tr("VM"), tr("Hours"), tr("Rate (EUR/h)"), tr("Amount (EUR)"),
                         tr("Cost (EUR)"), tr("Margin (EUR)")},
                        QStringLiteral("chargebackStatement"), this))
    , m_totals(new QLabel(this))
    , m_chart(new QChartView(this))
{
    setObjectName(QStringLiteral("chargebackPage"));
    m_customers->setAccessibleName(tr("Customers"));
    m_contracts->setAccessibleName(tr("Contracts (default customer)"));
    m_overrides->setAccessibleName(tr("VM overrides"));
    m_statement->setAccessibleName(tr("Statement"));
    m_monthCombo->setObjectName(QStringLiteral("chargebackMonth"));
    m_monthCombo->setAccessibleName(tr("Month of the statements"));
    m_collect->setObjectName(QStringLiteral("chargebackCollect"));
    m_collect->setToolTip(tr("Read every bought contract's usage from its site and the month's spot prices "
                             "from the exchange."));
    m_export->setObjectName(QStringLiteral("chargebackExport"));
    m_status->setObjectName(QStringLiteral("chargebackStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    m_addCustomer->setObjectName(QStringLiteral("chargebackAddCustomer"));
    m_editCustomer->setObjectName(QStringLiteral("chargebackEditCustomer"));
    m_removeCustomer->setObjectName(QStringLiteral("chargebackRemoveCustomer"));
    m_clearOverride->setObjectName(QStringLiteral("chargebackClearOverride"));
    m_totals->setObjectName(QStringLiteral("chargebackTotals"));
    m_totals->setWordWrap(true);
    m_chart->setObjectName(QStringLiteral("chargebackChart"));
    m_chart->setAccessibleName(tr("Charge per customer and day"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(180);
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignTop);
    installChart(m_chart, chart);
    m_customers->horizontalHeader()->setStretchLastSection(false);
    m_customers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_customers->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_contracts->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_contracts->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_contracts->setItemDelegateForColumn(
        3, new CustomerDelegate(
               &m_input.customers,
               [this](const QString &contract, const QString &customer) { assignContract(contract, customer); },
               m_contracts));
    m_contracts->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                                 QAbstractItemView::EditKeyPressed);
    m_contracts->setToolTip(tr("Double-click a contract's customer to change it."));
    m_overrides->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    for (QTableWidget *t : {m_customers, m_contracts, m_overrides, m_statement}) {
        t->setWordWrap(false);
        t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 10);
    }

    auto *monthLabel = new QLabel(tr("M&onth:"), this);
    monthLabel->setBuddy(m_monthCombo);
    auto *bar = new QHBoxLayout;
    bar->addWidget(monthLabel);
    bar->addWidget(m_monthCombo);
    bar->addWidget(m_collect);
    bar->addWidget(m_export);
    bar->addWidget(m_status, 1);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(WorkspacePage::createSectionLabel(tr("Customers"), left));
    leftLayout->addWidget(m_customers, 3);
    auto *customerButtons = new QHBoxLayout;
    customerButtons->addWidget(m_addCustomer);
    customerButtons->addWidget(m_editCustomer);
    customerButtons->addWidget(m_removeCustomer);
    customerButtons->addStretch(1);
    leftLayout->addLayout(customerButtons);
    leftLayout->addWidget(WorkspacePage::createSectionLabel(tr("Contracts (default customer)"), left));
    leftLayout->addWidget(m_contracts, 2);
    leftLayout->addWidget(WorkspacePage::createSectionLabel(tr("VM overrides"), left));
    leftLayout->addWidget(m_overrides, 1);
    auto *overrideButtons = new QHBoxLayout;
    auto *overrideHint = new QLabel(tr("Charge a VM to another customer from its menu in Resources."), left);
    overrideHint->setWordWrap(true);
    overrideHint->setForegroundRole(QPalette::PlaceholderText);
    overrideButtons->addWidget(overrideHint, 1);
    overrideButtons->addWidget(m_clearOverride);
    leftLayout->addLayout(overrideButtons);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_statementTitle);
    rightLayout->addWidget(m_statement, 3);
    rightLayout->addWidget(m_totals);
    rightLayout->addWidget(WorkspacePage::createSectionLabel(tr("Charge per customer and day"), right));
    rightLayout->addWidget(m_chart, 2);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("chargebackSplitter"));
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_monthCombo, &QComboBox::activated, this, [this](int index) {
        if (const auto m = Month::parse(m_monthCombo->itemData(index).toString()))
            setMonth(*m);
    });
    connect(m_addCustomer, &QPushButton::clicked, this, [this] { editCustomer(true); });
    connect(m_editCustomer, &QPushButton::clicked, this, [this] { editCustomer(false); });
    connect(m_customers, &QTableWidget::cellDoubleClicked, this, [this] { editCustomer(false); });
    connect(m_removeCustomer, &QPushButton::clicked, this, &ChargebackPage::removeCustomer);
    connect(m_customers, &QTableWidget::itemSelectionChanged, this, &ChargebackPage::showStatement);
    connect(m_clearOverride, &QPushButton::clicked, this, [this] {
        const int row = m_overrides->currentRow();
        if (row < 0)
            return;
        if (auto ok =
                m_store.assignVm(m_overrides->item(row, 0)->text(), m_overrides->item(row, 1)->text(), {});
            !ok)
            setStatus(ok.error().message);
        reload();
    });
    connect(m_collect, &QPushButton::clicked, this, &ChargebackPage::collectUsage);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export statements"), QStringLiteral("chargeback-%1.csv").arg(m_month.toString()),
            tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        const auto ok = exportCsv(path);
        setStatus(ok ? tr("Exported %1.").arg(QDir::toNativeSeparators(path)) : ok.error().message);
    });
    if (m_session)
        connect(m_session, &desk::MarketSession::contractsChanged, this, [this] {
            saveContracts();
            reload();
        });

    if (auto ok = m_store.open(m_dataDir); !ok) {
        setStatus(ok.error().message);
        setEnabled(false);
    } else {
        m_storeOpen = true;
        m_reader = new ChargebackReader(m_dataDir, this);
        connect(m_reader, &ChargebackReader::computed, this, &ChargebackPage::apply);
    }
    saveContracts();
    reload();
}

void ChargebackPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showChart();
}

void ChargebackPage::setStatus(const QString &text)
{
    m_status->setText(text);
    emit statusChanged(text);
}

void ChargebackPage::setMonth(const Month &month)
{
    m_month = month;
    reload();
}

void ChargebackPage::saveContracts()
{
    if (!m_session || !m_storeOpen)
        return;
    QList<ContractInfo> changed;
    for (const api::Contract &c : m_session->contracts()) {
        const ContractInfo info{c.id, c.product, c.price};
        if (c.buyer == m_session->participant() && m_input.contracts.value(c.id) != info)
            changed.append(info);
    }
    if (!changed.isEmpty()) {
        if (auto ok = m_store.saveContracts(changed); !ok)
            setStatus(ok.error().message);
    }
}

void ChargebackPage::assignContract(const QString &contract, const QString &customer)
{
    if (auto ok = m_store.assignContract(contract, customer); !ok)
        setStatus(ok.error().message);
    reload();
}

void ChargebackPage::fillMonths()
{
    QList<Month> months = m_months;
    const Month now = Month::containing(QDateTime::currentSecsSinceEpoch());
    for (const Month &m : {now, m_month}) {
        if (!months.contains(m))
            months.append(m);
    }
    std::sort(months.begin(), months.end(),
              [](const Month &a, const Month &b) { return a.start() > b.start(); });
    const QSignalBlocker block(m_monthCombo);
    m_monthCombo->clear();
    for (const Month &m : std::as_const(months)) {
        m_monthCombo->addItem(monthName(m), m.toString());
    }
    m_monthCombo->setCurrentIndex(m_monthCombo->findData(m_month.toString()));
}

void ChargebackPage::reload()
{
    if (!m_storeOpen || !m_reader)
        return;
    m_reader->request(m_month);
    // What is shown stays until the answer replaces it; exporting waits for the answer.
    m_export->setEnabled(false);
    m_totals->setText(tr("Computing the statements of %1…").arg(monthName(m_month)));
}

void ChargebackPage::apply(const ChargebackSnapshot &snapshot)
{
    if (snapshot.error) {
        m_totals->clear();
        setStatus(snapshot.error->message);
        return;
    }
    // The contract and override tables are built again only when what they show changed.
    const bool tablesChanged = snapshot.input.contracts != m_input.contracts ||
                               snapshot.input.customers != m_input.customers ||
                               snapshot.input.assignments.contracts != m_input.assignments.contracts ||
                               snapshot.input.assignments.vms != m_input.assignments.vms;
    const QString wanted = m_wantedCustomer.isEmpty() ? shownCustomer() : m_wantedCustomer;
    m_wantedCustomer.clear();
    m_input = snapshot.input;
    m_months = snapshot.months;
    m_result = snapshot.result;
    m_daily = snapshot.daily;
    fillMonths();
    showCustomers();
    if (tablesChanged) {
        showContracts();
        showOverrides();
    }
    selectCustomer(wanted);
    showStatement();
    showChart();
    m_export->setEnabled(true);
    emit statementsShown();
}

void ChargebackPage::showCustomers()
{
    const QSignalBlocker block(m_customers);
    const HeldColumns held(m_customers);
    m_customers->setRowCount(int(m_result.statements.size()));
    QHash<QString, PricePlan> plans;
    for (const Customer &c : std::as_const(m_input.customers))
        plans.insert(c.id, c.plan);
    for (int row = 0; row < m_result.statements.size(); ++row) {
        const Statement &s = m_result.statements.at(row);
        m_customers->setItem(row, 0, item(s.customerId));
        m_customers->setItem(row, 1, item(s.customerName));
        m_customers->setItem(row, 2, item(planText(plans.value(s.customerId))));
        m_customers->item(row, 2)->setToolTip(m_customers->item(row, 2)->text());
        m_customers->setItem(row, 3, item(euro(s.amount), true));
    }
    m_editCustomer->setEnabled(!m_result.statements.isEmpty());
    m_removeCustomer->setEnabled(!m_result.statements.isEmpty());
}

void ChargebackPage::showContracts()
{
    QList<ContractInfo> contracts = m_input.contracts.values();
    std::sort(contracts.begin(), contracts.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    QHash<QString, QString> names;
    for (const Customer &customer : std::as_const(m_input.customers))
        names.insert(customer.id, customer.name);
    const HeldColumns held(m_contracts);
    m_contracts->setRowCount(0); // closes an editor still open
    m_contracts->setRowCount(int(contracts.size()));
    for (int row = 0; row < contracts.size(); ++row) {
        const ContractInfo &c = contracts.at(row);
        m_contracts->setItem(row, 0, item(c.id));
        m_contracts->setItem(row, 1, item(c.product));
        m_contracts->setItem(row, 2, item(euro(c.price), true));
        const QString customer = m_input.assignments.contracts.value(c.id);
        auto *cell = item(customer.isEmpty() ? tr("— none —") : names.value(customer, customer));
        cell->setData(Qt::UserRole, customer);
        cell->setFlags(cell->flags() | Qt::ItemIsEditable);
        m_contracts->setItem(row, 3, cell);
    }
}

void ChargebackPage::showOverrides()
{
    QList<std::tuple<QString, QString, QString>> rows;
    for (auto c = m_input.assignments.vms.cbegin(); c != m_input.assignments.vms.cend(); ++c) {
        for (auto v = c->cbegin(); v != c->cend(); ++v)
            rows.append({c.key(), v.key(), v.value()});
    }
    std::sort(rows.begin(), rows.end());
    const HeldColumns held(m_overrides);
    m_overrides->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        m_overrides->setItem(row, 0, item(std::get<0>(rows.at(row))));
        m_overrides->setItem(row, 1, item(std::get<1>(rows.at(row))));
        m_overrides->setItem(row, 2, item(std::get<2>(rows.at(row))));
    }
    m_clearOverride->setEnabled(!rows.isEmpty());
}

QString ChargebackPage::shownCustomer() const
{
    const int row = m_customers->currentRow();
    return row >= 0 && m_customers->item(row, 0) ? m_customers->item(row, 0)->text() : QString();
}

void ChargebackPage::showCustomer(const QString &id)
{
    if (isComputing()) {
        m_wantedCustomer = id;
        return;
    }
    selectCustomer(id);
}

void ChargebackPage::selectCustomer(const QString &id)
{
    for (int row = 0; row < m_customers->rowCount(); ++row) {
        if (m_customers->item(row, 0)->text() == id || (id.isEmpty() && row == 0)) {
            m_customers->selectRow(row);
            return;
        }
    }
    if (m_customers->rowCount() > 0)
        m_customers->selectRow(0);
}

void ChargebackPage::showStatement()
{
    const QString id = shownCustomer();
    const auto it = std::find_if(m_result.statements.cbegin(), m_result.statements.cend(),
                                 [&](const Statement &s) { return s.customerId == id; });
    if (it == m_result.statements.cend()) {
        m_statementTitle->setText(tr("Statement"));
        m_statement->setRowCount(0);
        m_totals->setText(m_result.statements.isEmpty()
                              ? tr("Add a customer, then assign contracts to it: its statement shows here.")
                              : QString());
        return;
    }
    m_statementTitle->setText(tr("Statement of %1 for %2").arg(it->customerName, monthName(m_month)));
    const HeldColumns held(m_statement);
    m_statement->setRowCount(int(it->lines.size()));
    for (int row = 0; row < it->lines.size(); ++row) {
        const StatementLine &l = it->lines.at(row);
        m_statement->setItem(row, 0, item(l.contract));
        m_statement->setItem(row, 1, item(l.vm));
        m_statement->setItem(row, 2, item(hours(l.instanceSeconds), true));
        m_statement->setItem(row, 3, item(euro(l.rate), true));
        m_statement->setItem(row, 4, item(euro(l.amount), true));
        m_statement->setItem(row, 5, item(euro(l.cost), true));
        m_statement->setItem(row, 6, item(euro(l.margin()), true));
    }
    m_statement->resizeColumnsToContents();
    QString totals =
        tr("%n VM(s), %1 instance-hours: %2 EUR charged, %3 EUR contract cost, margin %4 EUR.", nullptr,
           int(it->lines.size()))
            .arg(hours(it->instanceSeconds), euro(it->amount), euro(it->cost), euro(it->margin()));
    if (!m_result.unassigned.isEmpty())
        totals +=
            u' ' + tr("%n VM(s) with usage have no customer.", nullptr, int(m_result.unassigned.size()));
    if (!m_result.unknownContracts.isEmpty())
        totals += u' ' + tr("Usage of %1 is not charged: the contract's price is not known.")
                             .arg(m_result.unknownContracts.join(QStringLiteral(", ")));
    m_totals->setText(totals);
}

void ChargebackPage::showChart()
{
    QChart *chart = m_chart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis; // removeAxis() hands it back
    }
    const QPalette p = palette();
    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    const int dayCount = int((m_month.end() - m_month.start()) / 86400);
    x->setRange(1, dayCount);
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setTickCount(dayCount >= 29 ? 11 : 8);
    x->setTitleText(
        tr("Day of %1")
            .arg(QLocale().toString(QDate(m_month.year, m_month.month, 1), QStringLiteral("MMMM"))));
    y->setLabelFormat(QStringLiteral("%.2f"));
    y->setTitleText(tr("EUR per day"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    // The customers charged most get a line each (in the customers' order), the rest one
    // line together: a hundred lines would be neither readable nor quick to draw.
    QList<const Statement *> shown;
    for (const Statement &s : std::as_const(m_result.statements))
        shown.append(&s);
    std::stable_sort(shown.begin(), shown.end(),
                     [](const Statement *a, const Statement *b) { return a->amount > b->amount; });
    QList<const Statement *> others = shown.mid(kChartCustomers);
    shown = shown.mid(0, kChartCustomers);
    std::sort(shown.begin(), shown.end(),
              [](const Statement *a, const Statement *b) { return a->customerId < b->customerId; });
    QList<std::pair<QString, QList<qint64>>> lines;
    for (const Statement *s : std::as_const(shown))
        lines.append({s->customerName, m_daily.value(s->customerId)});
    if (!others.isEmpty()) {
        QList<qint64> sum(dayCount, 0);
        for (const Statement *s : std::as_const(others)) {
            const QList<qint64> amounts = m_daily.value(s->customerId);
            for (int d = 0; d < std::min<qsizetype>(dayCount, amounts.size()); ++d)
                sum[d] += amounts.at(d);
        }
        lines.append({tr("%n other customer(s)", nullptr, int(others.size())), sum});
    }
    double top = 0;
    int index = 0;
    for (const auto &[name, amounts] : std::as_const(lines)) {
        auto *series = new QLineSeries;
        series->setName(name);
        QList<QPointF> points;
        points.reserve(amounts.size());
        for (int d = 0; d < amounts.size(); ++d) {
            const double eur = double(amounts.at(d)) / double(desk::kTicksPerEuro);
            points.append(QPointF(d + 1, eur));
            top = std::max(top, eur);
        }
        series->replace(points);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        QPen pen(chartcolours::series(p, index++));
        pen.setWidthF(2);
        series->setPen(pen);
    }
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    y->applyNiceNumbers();
    chart->legend()->setVisible(!m_result.statements.isEmpty());
    styleChart(chart, p);
}

void ChargebackPage::editCustomer(bool add)
{
    std::optional<Customer> existing;
    if (!add) {
        const QString id = shownCustomer();
        for (const Customer &c : std::as_const(m_input.customers)) {
            if (c.id == id)
                existing = c;
        }
        if (!existing)
            return;
    }
    CustomerDialog dialog(existing, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto customer = dialog.customer();
    if (!customer)
        return;
    if (auto ok = m_store.saveCustomer(*customer); !ok)
        return setStatus(ok.error().message);
    setStatus(add ? tr("Customer %1 added.").arg(customer->name)
                  : tr("Customer %1 saved.").arg(customer->name));
    m_wantedCustomer = customer->id;
    reload();
}

void ChargebackPage::removeCustomer()
{
    const QString id = shownCustomer();
    if (id.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Remove customer"), tr("Remove customer %1 and its plan?").arg(id)) !=
        QMessageBox::Yes)
        return;
    if (auto ok = m_store.removeCustomer(id); !ok)
        return setStatus(ok.error().message);
    setStatus(tr("Customer %1 removed.").arg(id));
    reload();
}

Result<void> ChargebackPage::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("chargeback.export"),
                     tr("Cannot write %1: %2").arg(path, file.errorString())};
    file.write(statementsToCsv(m_result.statements).toUtf8());
    if (!file.commit())
        return Error{QStringLiteral("chargeback.export"),
                     tr("Cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

void ChargebackPage::addVmActions(QMenu *menu, const QString &contract, const QString &vm)
{
    if (!m_storeOpen || m_input.customers.isEmpty())
        return;
    QMenu *sub = menu->addMenu(tr("C&harge to"));
    sub->setObjectName(QStringLiteral("chargeToMenu"));
    const QString current = m_input.assignments.customerFor(contract, vm);
    const bool overridden = m_input.assignments.vms.value(contract).contains(vm);
    for (const Customer &c : std::as_const(m_input.customers)) {
        QAction *a = sub->addAction(c.name, this, [this, contract, vm, id = c.id] {
            if (auto ok = m_store.assignVm(contract, vm, id); !ok)
                setStatus(ok.error().message);
            reload();
        });
        a->setCheckable(true);
        a->setChecked(c.id == current);
        a->setObjectName(QStringLiteral("chargeTo-") + c.id);
    }
    sub->addSeparator();
    QAction *reset = sub->addAction(tr("The contract's customer"), this, [this, contract, vm] {
        if (auto ok = m_store.assignVm(contract, vm, {}); !ok)
            setStatus(ok.error().message);
        reload();
    });
    reset->setEnabled(overridden);
}

void ChargebackPage::collectUsage()
{
    if (!m_session || !m_fleet || !m_storeOpen) {
        setStatus(tr("No exchange is connected: the statements use the usage collected before."));
        return;
    }
    saveContracts();
    m_collectQueue.clear();
    m_spotQueue.clear();
    m_collectFailures = 0;
    for (const api::Contract &c : m_session->contracts()) {
        if (c.buyer != m_session->participant())
            continue;
        if (m_fleet->client(c.id))
            m_collectQueue.append(c.id);
        if (c.deliveryStart < m_month.end() && c.deliveryEnd > m_month.start() &&
            !m_spotQueue.contains(c.product))
            m_spotQueue.append(c.product);
    }
    m_collect->setEnabled(false);
    setStatus(tr("Collecting usage from %n site(s)…", nullptr, int(m_collectQueue.size())));
    collectNext();
}

void ChargebackPage::collectNext()
{
    if (!m_collectQueue.isEmpty()) {
        const QString id = m_collectQueue.takeFirst();
        desk::SiteClient *site = m_fleet->client(id);
        if (!site)
            return collectNext();
        auto *call = site->usage();
        connect(call, &desk::ExchangeJob::finished, this, [this, call, id] {
            call->deleteLater();
            if (!call->ok() || !m_store.replaceUsage(id, call->value().hours))
                ++m_collectFailures;
            collectNext();
        });
        return;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 from = std::max(m_month.start() - 3600, now - 7 * 86400);
    const qint64 to = std::min(m_month.end(), now);
    if (!m_spotQueue.isEmpty() && m_session->client() && from < to) {
        const QString product = m_spotQueue.takeFirst();
        auto *call = m_session->client()->spotHistory(product, from - from % 3600, to, QStringLiteral("1h"));
        connect(call, &desk::ExchangeJob::finished, this, [this, call, product] {
            call->deleteLater();
            if (!call->ok() || !m_store.saveSpot(product, SpotSeries::fromHistory(call->value())))
                ++m_collectFailures;
            collectNext();
        });
        return;
    }
    m_collect->setEnabled(true);
    setStatus(m_collectFailures ? tr("Usage collected; %n request(s) failed, their earlier data is used.",
                                     nullptr, m_collectFailures)
                                : tr("Usage collected."));
    reload();
}

} // namespace cloudex::ui
