#include "sellworkspace.h"

#include "prompts.h"

#include "catalogue/catalogue.h"
#include "connect/embeddedagent.h"
#include "desk/price.h"
#include "hostmodel.h"
#include "offerloadchart.h"
#include "utilisationdelegate.h"
#include "vmmodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace cloudex::ui {

using namespace cloudex::catalogue;
using connect::ConnectJob;
using connect::EmbeddedAgent;
using connect::VmState;

namespace {
constexpr qint64 kMiBPerGiB = 1024;
constexpr qint64 kBytesPerMiB = 1024 * 1024;
constexpr int kTinyMemoryMiB = 64;
constexpr int kPercent = 100;
constexpr int kMaxReserved = 100'000;
constexpr int kConnectionsWidth = 300;
constexpr int kChooserHeight = 96;

/// A checkable list of ids with their display text; keeps what was checked.
void fillChooser(QListWidget *list, const QList<std::pair<QString, QString>> &items)
{
    QStringList checked;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            checked.append(list->item(i)->data(Qt::UserRole).toString());
    list->clear();
    for (const auto &[id, text] : items) {
        auto item = new QListWidgetItem(text, list);
        item->setData(Qt::UserRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(checked.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
}

void setChecked(QListWidget *list, const QStringList &ids)
{
    for (int i = 0; i < list->count(); ++i)
        list->item(i)->setCheckState(
            ids.contains(list->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
}

QStringList checkedIn(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            out.append(list->item(i)->data(Qt::UserRole).toString());
    return out;
}
constexpr int kTabsWidth = 800;
constexpr int kProgressWidth = 240;
constexpr int kGroupSpacing = 12;

/// Stores `now` in `shown` and says whether it differs: a section is rebuilt only when what
/// it shows has changed, not on every state the agent sends.
bool changed(QStringList &shown, QStringList now)
{
    if (now == shown)
        return false;
    shown = std::move(now);
    return true;
}

/// A records table: the `stretch` column (the names) takes the room, the others fit their
/// content, so names are not cut beside a wide size column and no column hides behind the
/// scroll bar.
void setupTable(QTableWidget *table, const QStringList &headers, int stretch = 0)
{
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int column = 0; column < cells.size(); ++column)
        table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
}

QPushButton *button(const QString &text, const QString &name, QWidget *parent)
{
    auto b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}
} // namespace

SellWorkspace::SellWorkspace(const Catalogue &catalogue, EmbeddedAgent *agent, QWidget *parent)
    : WorkspacePage(tr("Sell"), tr("Offer your data centre's capacity and run buyers' VMs under contract."),
                    parent)
    , m_catalogue(catalogue)
    , m_agent(agent)
    , m_hostModel(new models::HostModel(this))
    , m_vmModel(new models::VmModel(this))
{
    setObjectName(QStringLiteral("sellWorkspace"));

    auto splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("sellSplitter"));
    splitter->addWidget(createConnectionsPanel());
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(QStringLiteral("sellTabs"));
    m_tabs->addTab(createHostsTab(), tr("Hosts"));
    m_tabs->addTab(createVmTab(), tr("Virtual machines"));
    m_tabs->addTab(createSeparationTab(), tr("Separation"));
    m_tabs->addTab(createTemplatesTab(), tr("Templates"));
    m_tabs->addTab(createOffersTab(), tr("Offers"));
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({kConnectionsWidth, kTabsWidth});
    contentLayout()->addWidget(splitter, 1);

    // Job progress for whatever the agent is doing, with cancel.
    auto jobRow = new QHBoxLayout;
    m_jobStatus = new QLabel(tr("No operation running"), this);
    m_jobStatus->setObjectName(QStringLiteral("jobStatus"));
    m_jobStatus->setForegroundRole(QPalette::PlaceholderText);
    m_jobProgress = new QProgressBar(this);
    m_jobProgress->setObjectName(QStringLiteral("jobProgress"));
    m_jobProgress->setRange(0, kPercent);
    m_jobProgress->setValue(0);
    m_jobProgress->setMaximumWidth(kProgressWidth);
    m_jobProgress->setAccessibleName(tr("Progress of the running operation"));
    // Progress and cancel show only while something runs, never a 0 % bar beside "idle".
    m_jobProgress->hide();
    m_cancelJob = button(tr("Cancel operation"), QStringLiteral("cancelJobButton"), this);
    m_cancelJob->setEnabled(false);
    m_cancelJob->hide();
    jobRow->addWidget(m_jobStatus, 1);
    jobRow->addWidget(m_jobProgress);
    jobRow->addWidget(m_cancelJob);
    contentLayout()->addLayout(jobRow);
    connect(m_cancelJob, &QPushButton::clicked, this, [this] {
        if (m_currentJob)
            m_currentJob->cancel();
    });

    if (!m_agent) {
        setNotice(tr("The connect agent is not running, so no hypervisor can be connected."));
        setEnabled(false);
        return;
    }
    // The agent runs on its own thread; its state arrives here as a copy after each change.
    connect(m_agent, &EmbeddedAgent::stateChanged, this, [this] {
        // However many states arrive in one pass of the loop, the page is brought up to date once.
        if (m_refreshPending)
            return;
        m_refreshPending = true;
        QTimer::singleShot(0, this, [this] {
            m_refreshPending = false;
            refresh();
        });
    });
    connect(m_agent, &EmbeddedAgent::jobStarted, this, &SellWorkspace::watch);
    connect(m_agent, &EmbeddedAgent::started, this, [this](const Result<void> &started) {
        if (!started)
            showError(started.error().message);
    });
    refresh();
}

void SellWorkspace::refresh()
{
    const connect::AgentState &state = m_agent->state();
    QStringList connections;
    for (const connect::ConnectionStatus &c : state.connections)
        connections << c.record.key << c.record.hostId << c.hosts.join(u',') << c.error
                    << QString::number(int(c.online));
    if (changed(m_shownConnections, connections))
        refreshConnections();
    refreshInventory();
    QStringList offers;
    for (const connect::Offer &o : state.offers)
        offers << o.product << QString::number(o.reservedInstances) << connect::offerWindowsText(o.windows)
               << QString::number(int(o.priceMode)) << QString::number(o.priceTicks)
               << QString::number(o.markupBasisPoints) << QString::number(o.floorTicks)
               << QString::number(o.capTicks);
    if (changed(m_shownOffers, offers))
        refreshOffers();
    QStringList trading{QString::number(state.trading.passMs), state.trading.error,
                        QString::number(int(state.trading.enabled)), QString::number(state.contracts.size())};
    for (const connect::HeldContractRecord &c : state.contracts)
        trading << c.id << QString::number(int(c.atRisk)) << QString::number(int(c.terminated));
    if (changed(m_shownTrading, trading))
        refreshTrading();
}

QWidget *SellWorkspace::createConnectionsPanel()
{
    auto panel = new QWidget(this);
    auto layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 8, 0);
    layout->addWidget(createSectionLabel(tr("Hypervisor connections"), panel));
    m_connectionList = new QListWidget(panel);
    m_connectionList->setObjectName(QStringLiteral("connectionList"));
    m_connectionList->setAccessibleName(tr("Hypervisor connections"));
    m_connectionList->setWordWrap(true);
    m_connectionList->setSpacing(3);
    layout->addWidget(m_connectionList, 1);
    m_connectionUri = new QLineEdit(panel);
    m_connectionUri->setObjectName(QStringLiteral("connectionUriEdit"));
    m_connectionUri->setPlaceholderText(tr("qemu+ssh://host/system"));
    layout->addWidget(m_connectionUri);
    auto buttons = new QHBoxLayout;
    auto add = button(tr("Add"), QStringLiteral("addConnectionButton"), panel);
    m_removeConnection = button(tr("Remove"), QStringLiteral("removeConnectionButton"), panel);
    buttons->addWidget(add);
    buttons->addWidget(m_removeConnection);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &SellWorkspace::addConnection);
    connect(m_connectionUri, &QLineEdit::returnPressed, this, &SellWorkspace::addConnection);
    connect(m_removeConnection, &QPushButton::clicked, this, &SellWorkspace::removeConnection);
    return panel;
}

QWidget *SellWorkspace::createHostsTab()
{
    auto tab = new QWidget(this);
    auto layout = new QVBoxLayout(tab);
    m_capacitySummary = new QLabel(tab);
    m_capacitySummary->setObjectName(QStringLiteral("capacitySummary"));
    layout->addWidget(m_capacitySummary);
    m_hostTable = new QTableView(tab);
    m_hostTable->setObjectName(QStringLiteral("hostTable"));
    m_hostTable->setAccessibleName(tr("Hosts"));
    m_hostTable->setModel(m_hostModel);
    m_hostTable->setItemDelegateForColumn(
        models::HostModel::Utilisation,
        new UtilisationDelegate(models::HostModel::UtilisationRole, m_hostTable));
    m_hostTable->verticalHeader()->hide();
    m_hostTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_hostTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_hostTable, 1);
    return tab;
}

QWidget *SellWorkspace::createVmTab()
{
    auto tab = new QWidget(this);
    auto layout = new QVBoxLayout(tab);

    auto filterRow = new QHBoxLayout;
    m_vmFilter = new QLineEdit(tab);
    m_vmFilter->setObjectName(QStringLiteral("vmFilterEdit"));
    m_vmFilter->setPlaceholderText(tr("Filter by name, tenant, host, template or state"));
    m_vmFilter->setClearButtonEnabled(true);
    m_vmTenantFilter = new QComboBox(tab);
    m_vmTenantFilter->setAccessibleName(tr("Show the VMs of tenant"));
    m_vmTenantFilter->setObjectName(QStringLiteral("vmTenantFilter"));
    filterRow->addWidget(m_vmFilter, 1);
    filterRow->addWidget(m_vmTenantFilter);
    layout->addLayout(filterRow);
    connect(m_vmFilter, &QLineEdit::textChanged, m_vmModel, &models::VmModel::setFilterText);
    connect(m_vmTenantFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_vmModel->setTenantFilter(m_vmTenantFilter->currentData().toString()); });

    m_vmTable = new QTableView(tab);
    m_vmTable->setObjectName(QStringLiteral("vmTable"));
    m_vmTable->setAccessibleName(tr("Virtual machines"));
    m_vmTable->setModel(m_vmModel);
    m_vmTable->verticalHeader()->hide();
    m_vmTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_vmTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_vmTable->setSortingEnabled(true);
    m_vmTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_vmTable, 1);
    connect(m_vmTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SellWorkspace::updateActions);

    // Actions on the selected VM.
    auto actions = new QHBoxLayout;
    const std::pair<QString, QString> names[] = {{tr("Start"), QStringLiteral("startVmButton")},
                                                 {tr("Stop"), QStringLiteral("stopVmButton")},
                                                 {tr("Reboot"), QStringLiteral("rebootVmButton")},
                                                 {tr("Delete"), QStringLiteral("deleteVmButton")}};
    for (const auto &[text, name] : names) {
        auto b = button(text, name, tab);
        m_vmActions.append(b);
        actions->addWidget(b);
    }
    m_cloneName = new QLineEdit(tab);
    m_cloneName->setObjectName(QStringLiteral("cloneNameEdit"));
    m_cloneName->setPlaceholderText(tr("copy name"));
    auto cloneButton = button(tr("Clone"), QStringLiteral("cloneVmButton"), tab);
    m_migrateTarget = new QComboBox(tab);
    m_migrateTarget->setAccessibleName(tr("Host to move the VM to"));
    m_migrateTarget->setObjectName(QStringLiteral("migrateTargetCombo"));
    auto migrateButton = button(tr("Move to"), QStringLiteral("migrateVmButton"), tab);
    m_vmActions += {cloneButton, migrateButton};
    actions->addSpacing(kGroupSpacing);
    actions->addWidget(m_cloneName);
    actions->addWidget(cloneButton);
    actions->addSpacing(kGroupSpacing);
    actions->addWidget(migrateButton);
    actions->addWidget(m_migrateTarget);
    actions->addStretch();
    layout->addLayout(actions);
    connect(m_vmActions.at(0), &QPushButton::clicked, this, [this] { m_agent->startVm(selectedVm()); });
    connect(m_vmActions.at(1), &QPushButton::clicked, this, [this] { m_agent->stopVm(selectedVm()); });
    connect(m_vmActions.at(2), &QPushButton::clicked, this, [this] { m_agent->rebootVm(selectedVm()); });
    connect(m_vmActions.at(3), &QPushButton::clicked, this, &SellWorkspace::removeSelectedVm);
    connect(cloneButton, &QPushButton::clicked, this,
            [this] { m_agent->cloneVm(selectedVm(), m_cloneName->text().trimmed()); });
    connect(migrateButton, &QPushButton::clicked, this,
            [this] { m_agent->migrateVm(selectedVm(), m_migrateTarget->currentText()); });

    // Provisioning from a template.
    auto box = new QGroupBox(tr("Provision from a template"), tab);
    auto boxLayout = new QVBoxLayout(box);
    auto form = new QHBoxLayout;
    boxLayout->addLayout(form);
    m_provisionName = new QLineEdit(box);
    m_provisionName->setObjectName(QStringLiteral("provisionNameEdit"));
    m_provisionName->setPlaceholderText(tr("optional"));
    m_provisionName->setMinimumWidth(80);
    m_provisionTenant = new QComboBox(box);
    m_provisionTenant->setObjectName(QStringLiteral("provisionTenantCombo"));
    m_provisionTenancy = new QComboBox(box);
    m_provisionTenancy->setObjectName(QStringLiteral("provisionTenancyCombo"));
    for (Tenancy tenancy : allTenancies())
        m_provisionTenancy->addItem(tenancyName(tenancy), int(tenancy));
    m_provisionTemplate = new QComboBox(box);
    m_provisionTemplate->setObjectName(QStringLiteral("provisionTemplateCombo"));
    m_provisionSize = new QComboBox(box);
    m_provisionSize->setObjectName(QStringLiteral("provisionSizeCombo"));
    m_provisionSize->addItem(tr("tiny · 1 vCPU · 64 MiB"),
                             QStringList{QStringLiteral("1"), QString::number(kTinyMemoryMiB)});
    for (const InstanceClass &c : m_catalogue.instanceClasses()) {
        m_provisionSize->addItem(c.code + QStringLiteral(" · ") + c.sizeText(),
                                 QStringList{QString::number(c.vcpus), QString::number(c.memoryMiB)});
    }
    auto provisionButton = button(tr("Provision"), QStringLiteral("provisionButton"), box);
    // Each choice under its own label (with a mnemonic), the button at the end of the row.
    auto grid = new QGridLayout;
    const std::pair<QString, QWidget *> fields[] = {{tr("&Name:"), m_provisionName},
                                                    {tr("T&enant:"), m_provisionTenant},
                                                    {tr("Se&paration:"), m_provisionTenancy},
                                                    {tr("Te&mplate:"), m_provisionTemplate},
                                                    {tr("Si&ze:"), m_provisionSize}};
    int column = 0;
    for (const auto &[text, field] : fields) {
        auto label = new QLabel(text, box);
        label->setBuddy(field);
        grid->addWidget(label, 0, column);
        grid->addWidget(field, 1, column);
        ++column;
    }
    grid->addWidget(provisionButton, 1, column);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(3, 2);
    grid->setColumnStretch(4, 2);
    form->addLayout(grid, 1);
    m_provisionPlan = new QLabel(box);
    m_provisionPlan->setObjectName(QStringLiteral("provisionPlan"));
    m_provisionPlan->setWordWrap(true);
    boxLayout->addWidget(m_provisionPlan);
    layout->addWidget(box);
    connect(provisionButton, &QPushButton::clicked, this, &SellWorkspace::provision);
    for (QComboBox *choice : {m_provisionTenant, m_provisionTenancy, m_provisionSize})
        connect(choice, &QComboBox::currentIndexChanged, this, &SellWorkspace::updatePlan);
    updateActions();
    return tab;
}

QWidget *SellWorkspace::createSeparationTab()
{
    auto tab = new QWidget(this);
    auto layout = new QHBoxLayout(tab);

    auto groups = new QGroupBox(tr("Host groups"), tab);
    auto groupLayout = new QVBoxLayout(groups);
    m_groupTable = new QTableWidget(groups);
    m_groupTable->setObjectName(QStringLiteral("hostGroupTable"));
    m_groupTable->setAccessibleName(tr("Host groups"));
    setupTable(m_groupTable, {tr("Group"), tr("Separation"), tr("Hosts"), tr("Tenants")}, 2);
    groupLayout->addWidget(m_groupTable, 1);
    auto form = new QFormLayout;
    m_groupName = new QLineEdit(groups);
    m_groupName->setObjectName(QStringLiteral("groupNameEdit"));
    m_groupTenancy = new QComboBox(groups);
    m_groupTenancy->setObjectName(QStringLiteral("groupTenancyCombo"));
    for (Tenancy tenancy : allTenancies())
        m_groupTenancy->addItem(tenancyName(tenancy), int(tenancy));
    // Hosts and tenants are chosen from what the site has, never typed.
    m_groupHosts = new QListWidget(groups);
    m_groupHosts->setObjectName(QStringLiteral("groupHostsList"));
    m_groupHosts->setMaximumHeight(kChooserHeight);
    m_groupTenants = new QListWidget(groups);
    m_groupTenants->setObjectName(QStringLiteral("groupTenantsList"));
    m_groupTenants->setMaximumHeight(kChooserHeight);
    form->addRow(tr("&Name:"), m_groupName);
    form->addRow(tr("Se&paration:"), m_groupTenancy);
    form->addRow(tr("&Hosts:"), m_groupHosts);
    form->addRow(tr("&Tenants:"), m_groupTenants);
    groupLayout->addLayout(form);
    auto groupButtons = new QHBoxLayout;
    auto save = button(tr("Save group"), QStringLiteral("saveGroupButton"), groups);
    auto remove = button(tr("Remove group"), QStringLiteral("removeGroupButton"), groups);
    groupButtons->addWidget(save);
    groupButtons->addWidget(remove);
    groupButtons->addStretch();
    groupLayout->addLayout(groupButtons);
    connect(save, &QPushButton::clicked, this, &SellWorkspace::saveHostGroup);
    connect(remove, &QPushButton::clicked, this, &SellWorkspace::removeHostGroup);
    connect(m_groupTable, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_groupTable->currentRow();
        if (row < 0 || !m_agent)
            return;
        const QList<connect::HostGroup> all = m_agent->state().hostGroups;
        if (row >= all.size())
            return;
        const connect::HostGroup &group = all.at(row);
        m_groupName->setText(group.name);
        m_groupTenancy->setCurrentIndex(m_groupTenancy->findData(int(group.tenancy)));
        setChecked(m_groupHosts, group.hosts);
        setChecked(m_groupTenants, group.tenants);
    });
    layout->addWidget(groups, 3);

    auto tenants = new QGroupBox(tr("Tenants"), tab);
    auto tenantLayout = new QVBoxLayout(tenants);
    m_tenantTable = new QTableWidget(tenants);
    m_tenantTable->setObjectName(QStringLiteral("tenantTable"));
    m_tenantTable->setAccessibleName(tr("Tenants"));
    setupTable(m_tenantTable, {tr("Id"), tr("Name"), tr("VMs")}, 1);
    tenantLayout->addWidget(m_tenantTable, 1);
    m_tenantId = new QLineEdit(tenants);
    m_tenantId->setObjectName(QStringLiteral("tenantIdEdit"));
    m_tenantId->setPlaceholderText(tr("id, e.g. acme"));
    m_tenantName = new QLineEdit(tenants);
    m_tenantName->setObjectName(QStringLiteral("tenantNameEdit"));
    m_tenantName->setPlaceholderText(tr("display name"));
    auto addTenant = button(tr("Add tenant"), QStringLiteral("addTenantButton"), tenants);
    m_removeTenant = button(tr("Remove tenant"), QStringLiteral("removeTenantButton"), tenants);
    m_removeTenant->setEnabled(false);
    tenantLayout->addWidget(m_tenantId);
    tenantLayout->addWidget(m_tenantName);
    auto tenantButtons = new QHBoxLayout;
    tenantButtons->addWidget(addTenant);
    tenantButtons->addWidget(m_removeTenant);
    tenantButtons->addStretch();
    tenantLayout->addLayout(tenantButtons);
    connect(addTenant, &QPushButton::clicked, this, &SellWorkspace::addTenant);
    connect(m_removeTenant, &QPushButton::clicked, this, &SellWorkspace::removeTenant);
    connect(m_tenantTable, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeTenant->setEnabled(!m_tenantTable->selectedItems().isEmpty()); });
    layout->addWidget(tenants, 2);
    return tab;
}

QWidget *SellWorkspace::createTemplatesTab()
{
    auto tab = new QWidget(this);
    auto layout = new QVBoxLayout(tab);
    layout->addWidget(createSectionLabel(tr("Templates (disk images in each host's template pool)"), tab));
    m_templateTable = new QTableWidget(tab);
    m_templateTable->setObjectName(QStringLiteral("templateTable"));
    m_templateTable->setAccessibleName(tr("Templates"));
    setupTable(m_templateTable, {tr("Template"), tr("Host"), tr("Size (MiB)")});
    layout->addWidget(m_templateTable, 2);
    layout->addWidget(createSectionLabel(tr("Storage pools"), tab));
    m_poolTable = new QTableWidget(tab);
    m_poolTable->setObjectName(QStringLiteral("poolTable"));
    m_poolTable->setAccessibleName(tr("Storage pools"));
    setupTable(m_poolTable, {tr("Pool"), tr("Host"), tr("Volumes"), tr("Free (GiB)")});
    layout->addWidget(m_poolTable, 1);
    return tab;
}

QWidget *SellWorkspace::createOffersTab()
{
    auto tab = new QWidget(this);
    auto layout = new QVBoxLayout(tab);
    layout->addWidget(createSectionLabel(
        tr("Products this site offers: delivery periods, the most it sells per period, and the price"), tab));
    m_offerTable = new QTableWidget(tab);
    m_offerTable->setObjectName(QStringLiteral("offerTable"));
    m_offerTable->setAccessibleName(tr("Offers"));
    setupTable(m_offerTable,
               {tr("Product"), tr("SLA"), tr("Instance"), tr("Cap per period"), tr("Periods"), tr("Price")});
    layout->addWidget(m_offerTable, 1);
    connect(m_offerTable, &QTableWidget::currentCellChanged, this, &SellWorkspace::showOfferLoads);

    auto form = new QGridLayout;
    m_offerProduct = new QComboBox(tab);
    m_offerProduct->setAccessibleName(tr("Product to offer"));
    m_offerProduct->setObjectName(QStringLiteral("offerProductCombo"));
    for (const Product &product : m_catalogue.products())
        m_offerProduct->addItem(product.symbol());
    m_offerReserved = new QSpinBox(tab);
    m_offerReserved->setAccessibleName(tr("Instances to reserve"));
    m_offerReserved->setToolTip(tr("The most the offer sells per delivery period; 0 removes the offer."));
    m_offerReserved->setObjectName(QStringLiteral("offerReservedSpin"));
    m_offerReserved->setRange(0, kMaxReserved);
    const auto updateSuffix = [this](int n) {
        m_offerReserved->setSuffix(tr(" instance(s)", nullptr, n));
    };
    connect(m_offerReserved, &QSpinBox::valueChanged, this, updateSuffix);
    updateSuffix(m_offerReserved->value());
    m_offerPeriods = new QLineEdit(QStringLiteral("H12,D7"), tab);
    m_offerPeriods->setObjectName(QStringLiteral("offerPeriodsEdit"));
    m_offerPeriods->setAccessibleName(tr("Delivery periods"));
    m_offerPeriods->setToolTip(
        tr("Rolling runs of periods: H12 the next twelve hours, D7 the next seven days; empty keeps the "
           "offer off the exchange."));
    m_offerPriceMode = new QComboBox(tab);
    m_offerPriceMode->setObjectName(QStringLiteral("offerPriceModeCombo"));
    m_offerPriceMode->setAccessibleName(tr("Price mode"));
    m_offerPriceMode->addItem(tr("Spot-linked"), int(connect::Offer::PriceMode::SpotLinked));
    m_offerPriceMode->addItem(tr("Fixed"), int(connect::Offer::PriceMode::Fixed));
    m_offerPrice = new QLineEdit(tab);
    m_offerPrice->setObjectName(QStringLiteral("offerPriceEdit"));
    m_offerPrice->setAccessibleName(tr("Fixed price in EUR per instance-hour"));
    m_offerPrice->setPlaceholderText(tr("EUR / h"));
    m_offerMarkup = new QSpinBox(tab);
    m_offerMarkup->setObjectName(QStringLiteral("offerMarkupSpin"));
    m_offerMarkup->setAccessibleName(tr("Markup on the spot index in basis points"));
    m_offerMarkup->setRange(-9999, 100'000);
    m_offerMarkup->setValue(500);
    m_offerMarkup->setSuffix(tr(" bp"));
    m_offerFloor = new QLineEdit(tab);
    m_offerFloor->setObjectName(QStringLiteral("offerFloorEdit"));
    m_offerFloor->setAccessibleName(tr("Lowest price in EUR per instance-hour"));
    m_offerFloor->setPlaceholderText(tr("floor EUR / h"));
    m_offerCap = new QLineEdit(tab);
    m_offerCap->setObjectName(QStringLiteral("offerCapEdit"));
    m_offerCap->setAccessibleName(tr("Highest price in EUR per instance-hour"));
    m_offerCap->setPlaceholderText(tr("cap EUR / h"));
    const auto modeChanged = [this] {
        const bool spot =
            m_offerPriceMode->currentData().toInt() == int(connect::Offer::PriceMode::SpotLinked);
        m_offerPrice->setEnabled(!spot);
        m_offerMarkup->setEnabled(spot);
        m_offerFloor->setEnabled(spot);
        m_offerCap->setEnabled(spot);
    };
    connect(m_offerPriceMode, &QComboBox::currentIndexChanged, this, modeChanged);
    modeChanged();
    auto save = button(tr("Save offer"), QStringLiteral("saveOfferButton"), tab);
    form->addWidget(m_offerProduct, 0, 0, 1, 2);
    form->addWidget(m_offerReserved, 0, 2);
    form->addWidget(m_offerPeriods, 0, 3);
    form->addWidget(save, 0, 4);
    form->addWidget(m_offerPriceMode, 1, 0);
    form->addWidget(m_offerPrice, 1, 1);
    form->addWidget(m_offerMarkup, 1, 2);
    form->addWidget(m_offerFloor, 1, 3);
    form->addWidget(m_offerCap, 1, 4);
    form->setColumnStretch(0, 1);
    form->setColumnStretch(1, 1);
    layout->addLayout(form);
    connect(save, &QPushButton::clicked, this, &SellWorkspace::saveOffer);

    m_tradingStatus = new QLabel(tr("Offers are not traded: no exchange session."), tab);
    m_tradingStatus->setObjectName(QStringLiteral("tradingStatus"));
    m_tradingStatus->setWordWrap(true);
    m_tradingStatus->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_tradingStatus);

    auto details = new QTabWidget(tab);
    details->setObjectName(QStringLiteral("offerDetailTabs"));
    m_askTable = new QTableWidget(details);
    m_askTable->setObjectName(QStringLiteral("askTable"));
    m_askTable->setAccessibleName(tr("Live asks of the offers"));
    setupTable(m_askTable, {tr("Instrument"), tr("Price (EUR / h)"), tr("Quantity"), tr("Order")});
    details->addTab(m_askTable, tr("Live asks"));
    m_loadChart = new OfferLoadChart(details);
    details->addTab(m_loadChart, tr("Capacity per period"));
    m_buyerTable = new QTableWidget(details);
    m_buyerTable->setObjectName(QStringLiteral("buyerTable"));
    m_buyerTable->setAccessibleName(tr("The site's contracts by buyer"));
    setupTable(m_buyerTable, {tr("Buyer"), tr("Contracts"), tr("Instances"), tr("At risk")});
    details->addTab(m_buyerTable, tr("Contracts by buyer"));
    m_atRiskTable = new QTableWidget(details);
    m_atRiskTable->setObjectName(QStringLiteral("atRiskTable"));
    m_atRiskTable->setAccessibleName(tr("Contracts at risk"));
    setupTable(m_atRiskTable, {tr("Contract"), tr("Buyer"), tr("Instrument"), tr("Instances"), tr("Pool")});
    details->addTab(m_atRiskTable, tr("At risk"));
    layout->addWidget(details, 2);
    return tab;
}

void SellWorkspace::refreshConnections()
{
    const QString current = m_connectionList->currentItem()
                                ? m_connectionList->currentItem()->data(Qt::UserRole).toString()
                                : QString();
    m_connectionList->clear();
    for (const connect::ConnectionStatus &status : m_agent->state().connections) {
        // Name, driver and state in words first (not only by colour), the address below,
        // shortened in the middle; the tool tip has it whole.
        const bool workflow = status.record.kind == connect::ConnectionRecord::Kind::Workflow;
        const QString scheme = QUrl(status.record.key).scheme();
        const QString driver = workflow                         ? tr("workflow")
                               : scheme.startsWith(u"test")     ? tr("test driver")
                               : scheme.startsWith(u"qemu+ssh") ? tr("QEMU over SSH")
                               : scheme.startsWith(u"qemu")     ? tr("QEMU")
                                                                : scheme;
        const QString name = status.hosts.isEmpty() ? (status.record.hostId.isEmpty() ? tr("(no host yet)")
                                                                                      : status.record.hostId)
                                                    : status.hosts.join(QStringLiteral(", "));
        const QString state = status.online ? tr("online") : tr("offline");
        const QString address =
            fontMetrics().elidedText(status.record.key, Qt::ElideMiddle, kConnectionsWidth - 90);
        auto item = new QListWidgetItem(style()->standardIcon(status.online ? QStyle::SP_DialogApplyButton
                                                                            : QStyle::SP_MessageBoxWarning),
                                        tr("%1 · %2 · %3").arg(name, driver, state) + u'\n' + address,
                                        m_connectionList);
        item->setData(Qt::UserRole, status.record.key);
        if (!status.online)
            item->setForeground(QColor(0xc0, 0x39, 0x2b));
        item->setToolTip(status.online ? status.record.key
                                       : tr("%1\n%2").arg(status.record.key, status.error.isEmpty()
                                                                                 ? tr("not connected yet")
                                                                                 : status.error));
        item->setData(Qt::AccessibleTextRole, tr("%1, %2, %3").arg(name, driver, state));
        if (status.record.key == current)
            m_connectionList->setCurrentItem(item);
    }
    m_removeConnection->setEnabled(m_connectionList->count() > 0);
}

void SellWorkspace::refreshInventory()
{
    const connect::Inventory &inventory = m_agent->state().inventory;
    m_hostModel->setHosts(inventory.hosts);
    m_vmModel->setVms(inventory.vms);

    int cpus = 0;
    int usedCpus = 0;
    qint64 memory = 0;
    qint64 usedMemory = 0;
    int online = 0;
    for (const connect::HostInfo &host : inventory.hosts) {
        if (!host.online)
            continue;
        ++online;
        cpus += host.cpus;
        usedCpus += host.usedVcpus;
        memory += host.memoryMiB;
        usedMemory += host.usedMemoryMiB;
    }
    m_capacitySummary->setText(tr("%1 of %2 hosts online · %3 of %4 vCPU and %5 of %6 GiB placed · %7 VMs")
                                   .arg(online)
                                   .arg(inventory.hosts.size())
                                   .arg(usedCpus)
                                   .arg(cpus)
                                   .arg(usedMemory / kMiBPerGiB)
                                   .arg(memory / kMiBPerGiB)
                                   .arg(inventory.vms.size()));

    // Host choices for moves, and templates for provisioning, keep their selection.
    QStringList hostIds;
    for (const connect::HostInfo &host : inventory.hosts)
        hostIds.append(host.id);
    if (changed(m_shownHosts, hostIds)) {
        const QString target = m_migrateTarget->currentText();
        m_migrateTarget->clear();
        m_migrateTarget->addItems(m_shownHosts);
        m_migrateTarget->setCurrentText(target);
    }

    QStringList templates;
    QSet<QString> names;
    for (const connect::TemplateInfo &t : inventory.templates) {
        names.insert(t.name);
        templates << t.name << t.host << QString::number(t.capacityBytes);
    }
    if (changed(m_shownTemplates, templates)) {
        const QString chosenTemplate = m_provisionTemplate->currentData().toString();
        m_provisionTemplate->clear();
        m_provisionTemplate->addItem(tr("diskless"), QString());
        QStringList sorted(names.begin(), names.end());
        sorted.sort();
        for (const QString &name : std::as_const(sorted))
            m_provisionTemplate->addItem(name, name);
        if (const int index = m_provisionTemplate->findData(chosenTemplate); index >= 0)
            m_provisionTemplate->setCurrentIndex(index);

        m_templateTable->setRowCount(int(inventory.templates.size()));
        for (int row = 0; row < inventory.templates.size(); ++row) {
            const connect::TemplateInfo &t = inventory.templates.at(row);
            setRow(m_templateTable, row, {t.name, t.host, QString::number(t.capacityBytes / kBytesPerMiB)});
        }
    }
    QStringList pools;
    for (const connect::StoragePoolInfo &p : inventory.pools)
        pools << p.name << p.host << QString::number(p.volumes) << QString::number(p.availableBytes)
              << p.volumeNames.join(u'\n');
    if (changed(m_shownPools, pools)) {
        m_poolTable->setRowCount(int(inventory.pools.size()));
        for (int row = 0; row < inventory.pools.size(); ++row) {
            const connect::StoragePoolInfo &p = inventory.pools.at(row);
            setRow(m_poolTable, row,
                   {p.name, p.host, QString::number(p.volumes),
                    QString::number(p.availableBytes / (kBytesPerMiB * kMiBPerGiB))});
            m_poolTable->item(row, 2)->setToolTip(p.volumeNames.join(u'\n'));
        }
    }
    refreshSeparation();
    updateActions();
    updatePlan();
}

void SellWorkspace::refreshSeparation()
{
    const QList<connect::HostGroup> &groups = m_agent->state().hostGroups;
    QStringList groupRows;
    for (const connect::HostGroup &g : groups)
        groupRows << g.name << tenancyName(g.tenancy) << g.hosts.join(QStringLiteral(", "))
                  << g.tenants.join(QStringLiteral(", "));
    if (changed(m_shownGroups, groupRows)) {
        m_groupTable->setRowCount(int(groups.size()));
        for (int row = 0; row < groups.size(); ++row)
            setRow(m_groupTable, row, groupRows.mid(row * 4, 4));
    }
    const QList<connect::Tenant> &tenants = m_agent->state().tenants;
    bool tenantsChanged = false;
    // The choosers are refilled only when the site's tenants or hosts change (not on every
    // inventory pass), so a seller's checks stay as they are.
    {
        QList<std::pair<QString, QString>> choices;
        QStringList ids;
        for (const connect::Tenant &t : tenants) {
            choices.append(
                {t.id, t.name.isEmpty() || t.name == t.id ? t.id : tr("%1 (%2)").arg(t.name, t.id)});
            ids.append(choices.constLast().first + u'\n' + choices.constLast().second);
        }
        tenantsChanged = ids != m_chooserTenants;
        if (tenantsChanged) {
            fillChooser(m_groupTenants, choices);
            m_chooserTenants = ids;
        }
        QList<std::pair<QString, QString>> hosts;
        QStringList hostIds;
        for (const connect::HostInfo &h : m_agent->state().inventory.hosts) {
            hosts.append({h.id, h.id});
            hostIds.append(h.id);
        }
        if (hostIds != m_chooserHosts) {
            fillChooser(m_groupHosts, hosts);
            m_chooserHosts = hostIds;
        }
    }
    QHash<QString, int> vmCount;
    for (const connect::VmInfo &vm : m_agent->state().inventory.vms)
        ++vmCount[vm.tenant];
    QStringList tenantRows;
    for (const connect::Tenant &t : tenants)
        tenantRows << t.id << t.name << QString::number(vmCount.value(t.id));
    if (changed(m_shownTenants, tenantRows)) {
        const QString selectedTenant =
            m_tenantTable->currentRow() >= 0 && m_tenantTable->item(m_tenantTable->currentRow(), 0)
                ? m_tenantTable->item(m_tenantTable->currentRow(), 0)->text()
                : QString();
        m_tenantTable->setRowCount(int(tenants.size()));
        for (int row = 0; row < tenants.size(); ++row) {
            const connect::Tenant &t = tenants.at(row);
            setRow(m_tenantTable, row, {t.id, t.name, QString::number(vmCount.value(t.id))});
            if (t.id == selectedTenant)
                m_tenantTable->selectRow(row);
        }
        m_removeTenant->setEnabled(m_tenantTable->currentRow() >= 0 &&
                                   !m_tenantTable->selectedItems().isEmpty());
    }
    if (!tenantsChanged)
        return;

    const QString filter = m_vmTenantFilter->currentData().toString();
    const QString provisionFor = m_provisionTenant->currentData().toString();
    const QSignalBlocker blockFilter(m_vmTenantFilter);
    m_vmTenantFilter->clear();
    m_vmTenantFilter->addItem(tr("All tenants"), QString());
    m_provisionTenant->clear();
    for (const connect::Tenant &t : tenants) {
        m_vmTenantFilter->addItem(t.name, t.id);
        m_provisionTenant->addItem(t.name, t.id);
    }
    m_vmTenantFilter->setCurrentIndex(std::max(0, m_vmTenantFilter->findData(filter)));
    m_provisionTenant->setCurrentIndex(std::max(0, m_provisionTenant->findData(provisionFor)));
}

void SellWorkspace::refreshOffers()
{
    const QList<connect::Offer> &offers = m_agent->state().offers;
    m_offerTable->setRowCount(int(offers.size()));
    for (int row = 0; row < offers.size(); ++row) {
        const connect::Offer &offer = offers.at(row);
        const auto product = m_catalogue.parseProduct(offer.product);
        QString sla;
        QString size;
        if (product) {
            sla = slaClassCode(product->sla) + QStringLiteral(" · ") +
                  slaTerms(product->sla).availabilityText();
            if (const InstanceClass *c = m_catalogue.findClass(product->classCode))
                size = c->sizeText();
        }
        QString price;
        if (offer.windows.isEmpty()) {
            price = tr("local only");
        } else if (offer.priceMode == connect::Offer::PriceMode::Fixed) {
            price = desk::formatPriceTicks(offer.priceTicks, locale());
        } else {
            price = tr("spot %1%2 bp")
                        .arg(offer.markupBasisPoints >= 0 ? QStringLiteral("+") : QString())
                        .arg(offer.markupBasisPoints);
            if (offer.floorTicks > 0)
                price += tr(", floor %1").arg(desk::formatPriceTicks(offer.floorTicks, locale()));
            if (offer.capTicks > 0)
                price += tr(", cap %1").arg(desk::formatPriceTicks(offer.capTicks, locale()));
        }
        setRow(m_offerTable, row,
               {offer.product, sla, size, QString::number(offer.reservedInstances),
                connect::offerWindowsText(offer.windows), price});
    }
    showOfferLoads();
}

void SellWorkspace::refreshTrading()
{
    const connect::AgentState &state = m_agent->state();
    const connect::TradingState &trading = state.trading;
    if (!trading.enabled) {
        m_tradingStatus->setText(tr("Offers are not traded: no exchange session."));
    } else if (!trading.error.isEmpty()) {
        m_tradingStatus->setText(
            tr("Trading as %1. The last pass failed: %2").arg(trading.participant, trading.error));
    } else if (trading.passMs == 0) {
        m_tradingStatus->setText(tr("Trading as %1: reading the market…").arg(trading.participant));
    } else {
        m_tradingStatus->setText(
            tr("Trading as %1: %n ask(s) on the exchange, checked %2 UTC.", nullptr, int(trading.asks.size()))
                .arg(trading.participant, QDateTime::fromMSecsSinceEpoch(trading.passMs, Qt::UTC)
                                              .toString(QStringLiteral("HH:mm:ss"))));
    }
    m_askTable->setRowCount(int(trading.asks.size()));
    for (int row = 0; row < trading.asks.size(); ++row) {
        const connect::LiveAsk &ask = trading.asks.at(row);
        setRow(m_askTable, row,
               {ask.symbol, desk::formatPriceTicks(ask.price, locale()), QString::number(ask.remaining),
                ask.orderId > 0 ? QString::number(ask.orderId) : tr("sending")});
    }
    // Contracts: the site's records, and what the exchange lists for the seller.
    QMap<QString, connect::HeldContractRecord> contracts;
    for (const connect::HeldContractRecord &c : trading.contracts)
        contracts.insert(c.id, c);
    for (const connect::HeldContractRecord &c : state.contracts)
        contracts.insert(c.id, c);
    struct Buyer
    {
        int contracts = 0;
        qint64 instances = 0;
        int atRisk = 0;
    };
    QMap<QString, Buyer> buyers;
    QList<connect::HeldContractRecord> atRisk;
    for (const connect::HeldContractRecord &c : std::as_const(contracts)) {
        if (c.terminated)
            continue;
        Buyer &b = buyers[c.buyer];
        ++b.contracts;
        b.instances += c.quantity;
        if (c.atRisk) {
            ++b.atRisk;
            atRisk.append(c);
        }
    }
    m_buyerTable->setRowCount(int(buyers.size()));
    int row = 0;
    for (auto it = buyers.cbegin(); it != buyers.cend(); ++it, ++row)
        setRow(m_buyerTable, row,
               {it.key(), QString::number(it->contracts), QString::number(it->instances),
                QString::number(it->atRisk)});
    m_atRiskTable->setRowCount(int(atRisk.size()));
    for (int i = 0; i < atRisk.size(); ++i) {
        const connect::HeldContractRecord &c = atRisk.at(i);
        setRow(m_atRiskTable, i,
               {c.id, c.buyer, c.instrument, QString::number(c.quantity),
                c.reservationGroup.isEmpty() ? tr("shared") : c.reservationGroup});
    }
    showOfferLoads();
}

void SellWorkspace::showOfferLoads()
{
    const connect::AgentState &state = m_agent->state();
    const int row = std::max(0, m_offerTable->currentRow());
    const QString product = row < state.offers.size() ? state.offers.at(row).product : QString();
    QList<connect::OfferBook::PeriodLoad> loads;
    for (const connect::OfferBook::PeriodLoad &load : state.trading.loads) {
        if (load.product == product)
            loads.append(load);
    }
    m_loadChart->setLoads(loads, QDateTime::currentSecsSinceEpoch());
}

QString SellWorkspace::selectedVm() const
{
    const QModelIndexList rows = m_vmTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const connect::VmInfo *vm = m_vmModel->vmAt(rows.constFirst().row());
    return vm ? vm->name : QString();
}

void SellWorkspace::updateActions()
{
    const QString name = selectedVm();
    const connect::VmInfo *vm = m_vmModel->vmAt(m_vmModel->rowOf(name));
    // Only VMs the agent placed can be operated; foreign domains are shown, not touched.
    const bool managed = vm && !vm->tenant.isEmpty() && m_agent && !m_agent->isBusy(name);
    const bool running = managed && vm->state == VmState::Running;
    const bool stopped = managed && vm->state == VmState::Stopped;
    m_vmActions.at(0)->setEnabled(stopped);
    m_vmActions.at(1)->setEnabled(running);
    m_vmActions.at(2)->setEnabled(running);
    m_vmActions.at(3)->setEnabled(managed);
    m_vmActions.at(4)->setEnabled(stopped);
    m_vmActions.at(5)->setEnabled(managed && vm->state != VmState::Missing);
}

void SellWorkspace::watch(ConnectJob *job)
{
    m_currentJob = job;
    m_jobStatus->setText(job->title());
    m_jobStatus->setForegroundRole(QPalette::WindowText);
    m_jobProgress->setValue(0);
    m_jobProgress->show();
    m_cancelJob->setEnabled(true);
    m_cancelJob->show();
    connect(job, &ConnectJob::progress, this, [this, job](int percent, const QString &step) {
        if (m_currentJob != job)
            return;
        m_jobProgress->setValue(percent);
        m_jobStatus->setText(step);
    });
    connect(job, &ConnectJob::finished, this, [this](cloudex::Job *done) {
        if (!done->error().isEmpty()) {
            // A cancelled job is the seller's own decision, not a failure to shout about.
            if (done->error() == QLatin1String("job.cancelled"))
                m_jobStatus->setText(tr("%1: cancelled").arg(done->title()));
            else
                showError(done->errorString());
        } else if (m_currentJob == done) {
            m_jobStatus->setText(tr("%1: done").arg(done->title()));
        }
        if (m_currentJob == done) {
            m_jobProgress->setValue(done->error().isEmpty() ? kPercent : 0);
            m_jobProgress->hide();
            m_cancelJob->setEnabled(false);
            m_cancelJob->hide();
            m_currentJob = nullptr;
        }
        done->deleteLater();
        updateActions();
    });
    updateActions();
}

void SellWorkspace::showError(const QString &message)
{
    setNotice(message);
    m_jobStatus->setText(message);
}

void SellWorkspace::addConnection()
{
    const QString uri = m_connectionUri->text().trimmed();
    if (uri.isEmpty())
        return;
    setNotice({});
    ConnectJob *job = m_agent->addConnection(uri);
    connect(job, &ConnectJob::finished, m_connectionUri, [this](cloudex::Job *done) {
        if (done->error().isEmpty())
            m_connectionUri->clear();
    });
}

void SellWorkspace::removeConnection()
{
    QListWidgetItem *item = m_connectionList->currentItem();
    if (!item)
        return;
    const QString key = item->data(Qt::UserRole).toString();
    QStringList hosts;
    for (const connect::ConnectionStatus &c : m_agent->state().connections)
        if (c.record.key == key)
            hosts = c.hosts;
    const QString text = hosts.isEmpty()
                             ? tr("Remove the hypervisor connection %1? The site stops using it.").arg(key)
                             : tr("Remove the hypervisor connection %1? Its %n host(s) (%2) leave the site's "
                                  "inventory and take "
                                  "no new VMs.",
                                  nullptr, int(hosts.size()))
                                   .arg(key, hosts.join(QStringLiteral(", ")));
    if (!Prompts::confirm(this, tr("Remove connection"), text))
        return;
    m_agent->removeConnection(key);
}

void SellWorkspace::removeSelectedVm()
{
    const QString name = selectedVm();
    if (name.isEmpty())
        return;
    const connect::VmInfo *vm = nullptr;
    for (const connect::VmInfo &v : m_agent->state().inventory.vms)
        if (v.name == name)
            vm = &v;
    QString text;
    if (vm && vm->state == connect::VmState::Running) {
        text = tr("Delete the running VM %1 of %2? It is powered off at once, and its disk %3 is deleted. "
                  "This cannot be undone.")
                   .arg(name, vm->tenant.isEmpty() ? tr("no tenant") : vm->tenant,
                        vm->disk.isEmpty() ? tr("(none)") : vm->disk);
    } else {
        text = tr("Delete the VM %1 of %2? Its disk %3 is deleted. This cannot be undone.")
                   .arg(name, vm && !vm->tenant.isEmpty() ? vm->tenant : tr("no tenant"),
                        vm && !vm->disk.isEmpty() ? vm->disk : tr("(none)"));
    }
    if (!Prompts::confirm(this, tr("Delete VM"), text))
        return;
    m_agent->removeVm(name);
}

connect::ProvisionRequest SellWorkspace::provisionRequest() const
{
    const QStringList size = m_provisionSize->currentData().toStringList();
    connect::ProvisionRequest request;
    request.name = m_provisionName->text().trimmed();
    request.tenant = m_provisionTenant->currentData().toString();
    request.tenancy = Tenancy(m_provisionTenancy->currentData().toInt());
    request.templateName = m_provisionTemplate->currentData().toString();
    request.vcpus = size.value(0).toInt();
    request.memoryMiB = size.value(1).toLongLong();
    return request;
}

void SellWorkspace::updatePlan()
{
    if (!m_agent || !m_provisionPlan)
        return;
    const auto host = m_agent->plan(provisionRequest());
    if (host) {
        m_provisionPlan->setText(tr("Placement: host %1.").arg(*host));
        m_provisionPlan->setStyleSheet({});
    } else {
        m_provisionPlan->setText(tr("Refused: %1").arg(host.error().message));
        m_provisionPlan->setStyleSheet(QStringLiteral("color: #c0392b;"));
    }
}

void SellWorkspace::provision()
{
    setNotice({});
    m_agent->provision(provisionRequest());
    m_provisionName->clear();
}

void SellWorkspace::saveHostGroup()
{
    const connect::HostGroup group{m_groupName->text().trimmed(),
                                   Tenancy(m_groupTenancy->currentData().toInt()), checkedIn(m_groupHosts),
                                   checkedIn(m_groupTenants)};
    onRecordChange(m_agent->saveHostGroup(group));
}

void SellWorkspace::removeHostGroup()
{
    onRecordChange(m_agent->removeHostGroup(m_groupName->text().trimmed()));
}

void SellWorkspace::addTenant()
{
    onRecordChange(m_agent->saveTenant({m_tenantId->text().trimmed(), m_tenantName->text().trimmed()}),
                   [this] {
                       m_tenantId->clear();
                       m_tenantName->clear();
                   });
}

void SellWorkspace::removeTenant()
{
    const int row = m_tenantTable->currentRow();
    if (row < 0 || !m_tenantTable->item(row, 0))
        return;
    const QString id = m_tenantTable->item(row, 0)->text();
    const QString name = m_tenantTable->item(row, 1) ? m_tenantTable->item(row, 1)->text() : QString();
    const QString text = tr("Remove the tenant %1 (%2)? The site forgets this customer: it can no longer be "
                            "chosen for new VMs or host groups until it is added again.")
                             .arg(id, name.isEmpty() ? id : name);
    if (!Prompts::confirm(this, tr("Remove tenant"), text))
        return;
    onRecordChange(m_agent->removeTenant(id));
}

void SellWorkspace::onRecordChange(ConnectJob *job, std::function<void()> done)
{
    // The agent checks the change on its thread; its answer (and the new state, which
    // arrives first) comes back here.
    connect(job, &ConnectJob::finished, this, [this, done = std::move(done)](cloudex::Job *finished) {
        if (!finished->error().isEmpty()) {
            showError(finished->errorString());
        } else {
            setNotice({});
            if (done)
                done();
        }
        finished->deleteLater();
    });
}

void SellWorkspace::saveOffer()
{
    connect::Offer offer;
    offer.product = m_offerProduct->currentText();
    offer.reservedInstances = m_offerReserved->value();
    const auto windows = connect::parseOfferWindows(m_offerPeriods->text());
    if (!windows)
        return showError(windows.error().message);
    offer.windows = *windows;
    const auto ticks = [this](QLineEdit *edit, qint64 *out) {
        if (edit->text().trimmed().isEmpty()) {
            *out = 0;
            return true;
        }
        const auto parsed = desk::parsePriceTicks(edit->text().trimmed());
        if (!parsed) {
            showError(tr("%1 is not a price in EUR with at most four decimals.").arg(edit->text()));
            return false;
        }
        *out = *parsed;
        return true;
    };
    offer.priceMode = connect::Offer::PriceMode(m_offerPriceMode->currentData().toInt());
    if (offer.priceMode == connect::Offer::PriceMode::Fixed) {
        if (!ticks(m_offerPrice, &offer.priceTicks))
            return;
    } else {
        offer.markupBasisPoints = m_offerMarkup->value();
        if (!ticks(m_offerFloor, &offer.floorTicks) || !ticks(m_offerCap, &offer.capTicks))
            return;
    }
    onRecordChange(m_agent->saveOffer(offer));
}

} // namespace cloudex::ui
