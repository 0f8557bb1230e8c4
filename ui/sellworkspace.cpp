#include "sellworkspace.h"

#include "catalogue/catalogue.h"
#include "connect/connectagent.h"
#include "hostmodel.h"
#include "utilisationdelegate.h"
#include "vmmodel.h"

#include <QComboBox>
#include <QFormLayout>
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
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cloudex::ui {

using namespace cloudex::catalogue;
using connect::ConnectAgent;
using connect::ConnectJob;
using connect::VmState;

namespace {
constexpr qint64 kMiBPerGiB = 1024;
constexpr qint64 kBytesPerMiB = 1024 * 1024;
constexpr int kTinyMemoryMiB = 64;
constexpr int kPercent = 100;
constexpr int kMaxReserved = 100'000;
constexpr int kConnectionsWidth = 300;
constexpr int kTabsWidth = 800;
constexpr int kProgressWidth = 240;
constexpr int kGroupSpacing = 12;

QStringList splitList(const QString &text)
{
    QStringList result;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            result.append(part.trimmed());
    }
    return result;
}

void setupTable(QTableWidget *table, const QStringList &headers)
{
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->horizontalHeader()->setStretchLastSection(true);
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

SellWorkspace::SellWorkspace(const Catalogue &catalogue, ConnectAgent *agent, QWidget *parent)
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
    m_jobStatus = new QLabel(tr("Idle"), this);
    m_jobStatus->setObjectName(QStringLiteral("jobStatus"));
    m_jobProgress = new QProgressBar(this);
    m_jobProgress->setObjectName(QStringLiteral("jobProgress"));
    m_jobProgress->setRange(0, kPercent);
    m_jobProgress->setValue(0);
    m_jobProgress->setMaximumWidth(kProgressWidth);
    m_cancelJob = button(tr("Cancel"), QStringLiteral("cancelJobButton"), this);
    m_cancelJob->setEnabled(false);
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
    connect(m_agent, &ConnectAgent::inventoryChanged, this, &SellWorkspace::refreshInventory);
    connect(m_agent, &ConnectAgent::connectionsChanged, this, &SellWorkspace::refreshConnections);
    connect(m_agent, &ConnectAgent::jobStarted, this, &SellWorkspace::watch);
    refreshConnections();
    refreshInventory();
    refreshSeparation();
    refreshOffers();
}

QWidget *SellWorkspace::createConnectionsPanel()
{
    auto panel = new QWidget(this);
    auto layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 8, 0);
    layout->addWidget(createSectionLabel(tr("Hypervisor connections"), panel));
    m_connectionList = new QListWidget(panel);
    m_connectionList->setObjectName(QStringLiteral("connectionList"));
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
    m_vmTenantFilter->setObjectName(QStringLiteral("vmTenantFilter"));
    filterRow->addWidget(m_vmFilter, 1);
    filterRow->addWidget(m_vmTenantFilter);
    layout->addLayout(filterRow);
    connect(m_vmFilter, &QLineEdit::textChanged, m_vmModel, &models::VmModel::setFilterText);
    connect(m_vmTenantFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_vmModel->setTenantFilter(m_vmTenantFilter->currentData().toString()); });

    m_vmTable = new QTableView(tab);
    m_vmTable->setObjectName(QStringLiteral("vmTable"));
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
    connect(m_vmActions.at(3), &QPushButton::clicked, this, [this] { m_agent->removeVm(selectedVm()); });
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
    m_provisionName->setPlaceholderText(tr("name (optional)"));
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
    form->addWidget(m_provisionName, 1);
    form->addWidget(m_provisionTenant);
    form->addWidget(m_provisionTenancy);
    form->addWidget(m_provisionTemplate);
    form->addWidget(m_provisionSize);
    form->addWidget(provisionButton);
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
    setupTable(m_groupTable, {tr("Group"), tr("Separation"), tr("Hosts"), tr("Tenants")});
    groupLayout->addWidget(m_groupTable, 1);
    auto form = new QFormLayout;
    m_groupName = new QLineEdit(groups);
    m_groupName->setObjectName(QStringLiteral("groupNameEdit"));
    m_groupTenancy = new QComboBox(groups);
    m_groupTenancy->setObjectName(QStringLiteral("groupTenancyCombo"));
    for (Tenancy tenancy : allTenancies())
        m_groupTenancy->addItem(tenancyName(tenancy), int(tenancy));
    m_groupHosts = new QLineEdit(groups);
    m_groupHosts->setObjectName(QStringLiteral("groupHostsEdit"));
    m_groupHosts->setPlaceholderText(tr("host1, host2"));
    m_groupTenants = new QLineEdit(groups);
    m_groupTenants->setObjectName(QStringLiteral("groupTenantsEdit"));
    m_groupTenants->setPlaceholderText(tr("tenant ids, comma-separated"));
    form->addRow(tr("Name"), m_groupName);
    form->addRow(tr("Separation"), m_groupTenancy);
    form->addRow(tr("Hosts"), m_groupHosts);
    form->addRow(tr("Tenants"), m_groupTenants);
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
        const QList<connect::HostGroup> all = m_agent->store().hostGroups();
        if (row >= all.size())
            return;
        const connect::HostGroup &group = all.at(row);
        m_groupName->setText(group.name);
        m_groupTenancy->setCurrentIndex(m_groupTenancy->findData(int(group.tenancy)));
        m_groupHosts->setText(group.hosts.join(QStringLiteral(", ")));
        m_groupTenants->setText(group.tenants.join(QStringLiteral(", ")));
    });
    layout->addWidget(groups, 3);

    auto tenants = new QGroupBox(tr("Tenants"), tab);
    auto tenantLayout = new QVBoxLayout(tenants);
    m_tenantTable = new QTableWidget(tenants);
    m_tenantTable->setObjectName(QStringLiteral("tenantTable"));
    setupTable(m_tenantTable, {tr("Id"), tr("Name"), tr("VMs")});
    tenantLayout->addWidget(m_tenantTable, 1);
    m_tenantId = new QLineEdit(tenants);
    m_tenantId->setObjectName(QStringLiteral("tenantIdEdit"));
    m_tenantId->setPlaceholderText(tr("id, e.g. acme"));
    m_tenantName = new QLineEdit(tenants);
    m_tenantName->setObjectName(QStringLiteral("tenantNameEdit"));
    m_tenantName->setPlaceholderText(tr("display name"));
    auto addTenant = button(tr("Add tenant"), QStringLiteral("addTenantButton"), tenants);
    tenantLayout->addWidget(m_tenantId);
    tenantLayout->addWidget(m_tenantName);
    tenantLayout->addWidget(addTenant);
    connect(addTenant, &QPushButton::clicked, this, &SellWorkspace::addTenant);
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
    setupTable(m_templateTable, {tr("Template"), tr("Host"), tr("Size (MiB)")});
    layout->addWidget(m_templateTable, 2);
    layout->addWidget(createSectionLabel(tr("Storage pools"), tab));
    m_poolTable = new QTableWidget(tab);
    m_poolTable->setObjectName(QStringLiteral("poolTable"));
    setupTable(m_poolTable, {tr("Pool"), tr("Host"), tr("Volumes"), tr("Free (GiB)")});
    layout->addWidget(m_poolTable, 1);
    return tab;
}

QWidget *SellWorkspace::createOffersTab()
{
    auto tab = new QWidget(this);
    auto layout = new QVBoxLayout(tab);
    layout->addWidget(
        createSectionLabel(tr("Products this site offers, with capacity reserved for each"), tab));
    m_offerTable = new QTableWidget(tab);
    m_offerTable->setObjectName(QStringLiteral("offerTable"));
    setupTable(m_offerTable, {tr("Product"), tr("SLA"), tr("Instance"), tr("Reserved instances")});
    layout->addWidget(m_offerTable, 1);
    auto row = new QHBoxLayout;
    m_offerProduct = new QComboBox(tab);
    m_offerProduct->setObjectName(QStringLiteral("offerProductCombo"));
    for (const Product &product : m_catalogue.products())
        m_offerProduct->addItem(product.symbol());
    m_offerReserved = new QSpinBox(tab);
    m_offerReserved->setObjectName(QStringLiteral("offerReservedSpin"));
    m_offerReserved->setRange(0, kMaxReserved);
    m_offerReserved->setSuffix(tr(" instances"));
    auto save = button(tr("Save offer"), QStringLiteral("saveOfferButton"), tab);
    row->addWidget(m_offerProduct, 1);
    row->addWidget(m_offerReserved);
    row->addWidget(save);
    layout->addLayout(row);
    connect(save, &QPushButton::clicked, this, &SellWorkspace::saveOffer);
    return tab;
}

void SellWorkspace::refreshConnections()
{
    const QString current = m_connectionList->currentItem()
                                ? m_connectionList->currentItem()->data(Qt::UserRole).toString()
                                : QString();
    m_connectionList->clear();
    for (const connect::ConnectionStatus &status : m_agent->connections()) {
        // Status first, the URI below it: the list reads as a health board.
        QString text =
            status.online
                ? tr("● %1 · online").arg(status.hosts.join(QStringLiteral(", ")))
                : tr("● offline: %1").arg(status.error.isEmpty() ? tr("not connected yet") : status.error);
        text += u'\n' + status.record.key;
        auto item = new QListWidgetItem(text, m_connectionList);
        item->setData(Qt::UserRole, status.record.key);
        item->setForeground(status.online ? QColor(0x1e, 0x84, 0x49) : QColor(0xc0, 0x39, 0x2b));
        item->setToolTip(status.error);
        if (status.record.key == current)
            m_connectionList->setCurrentItem(item);
    }
    m_removeConnection->setEnabled(m_connectionList->count() > 0);
}

void SellWorkspace::refreshInventory()
{
    const connect::Inventory &inventory = m_agent->inventory();
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
    const QString target = m_migrateTarget->currentText();
    m_migrateTarget->clear();
    for (const connect::HostInfo &host : inventory.hosts)
        m_migrateTarget->addItem(host.id);
    m_migrateTarget->setCurrentText(target);

    const QString chosenTemplate = m_provisionTemplate->currentData().toString();
    m_provisionTemplate->clear();
    m_provisionTemplate->addItem(tr("diskless"), QString());
    QSet<QString> names;
    for (const connect::TemplateInfo &t : inventory.templates)
        names.insert(t.name);
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
    m_poolTable->setRowCount(int(inventory.pools.size()));
    for (int row = 0; row < inventory.pools.size(); ++row) {
        const connect::StoragePoolInfo &p = inventory.pools.at(row);
        setRow(m_poolTable, row,
               {p.name, p.host, QString::number(p.volumes),
                QString::number(p.availableBytes / (kBytesPerMiB * kMiBPerGiB))});
        m_poolTable->item(row, 2)->setToolTip(p.volumeNames.join(u'\n'));
    }
    refreshSeparation();
    updateActions();
    updatePlan();
}

void SellWorkspace::refreshSeparation()
{
    const QList<connect::HostGroup> groups = m_agent->store().hostGroups();
    m_groupTable->setRowCount(int(groups.size()));
    for (int row = 0; row < groups.size(); ++row) {
        const connect::HostGroup &g = groups.at(row);
        setRow(m_groupTable, row,
               {g.name, tenancyName(g.tenancy), g.hosts.join(QStringLiteral(", ")),
                g.tenants.join(QStringLiteral(", "))});
    }
    const QList<connect::Tenant> tenants = m_agent->store().tenants();
    QHash<QString, int> vmCount;
    for (const connect::VmInfo &vm : m_agent->inventory().vms)
        ++vmCount[vm.tenant];
    m_tenantTable->setRowCount(int(tenants.size()));
    for (int row = 0; row < tenants.size(); ++row) {
        const connect::Tenant &t = tenants.at(row);
        setRow(m_tenantTable, row, {t.id, t.name, QString::number(vmCount.value(t.id))});
    }

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
    const QList<connect::Offer> offers = m_agent->store().offers();
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
        setRow(m_offerTable, row, {offer.product, sla, size, QString::number(offer.reservedInstances)});
    }
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
    m_jobProgress->setValue(0);
    m_cancelJob->setEnabled(true);
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
            m_cancelJob->setEnabled(false);
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
    if (QListWidgetItem *item = m_connectionList->currentItem())
        m_agent->removeConnection(item->data(Qt::UserRole).toString());
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
                                   Tenancy(m_groupTenancy->currentData().toInt()),
                                   splitList(m_groupHosts->text()), splitList(m_groupTenants->text())};
    if (auto saved = m_agent->saveHostGroup(group); !saved) {
        showError(saved.error().message);
        return;
    }
    setNotice({});
    refreshSeparation();
}

void SellWorkspace::removeHostGroup()
{
    if (auto removed = m_agent->removeHostGroup(m_groupName->text().trimmed()); !removed) {
        showError(removed.error().message);
        return;
    }
    setNotice({});
    refreshSeparation();
}

void SellWorkspace::addTenant()
{
    if (auto saved = m_agent->saveTenant({m_tenantId->text().trimmed(), m_tenantName->text().trimmed()});
        !saved) {
        showError(saved.error().message);
        return;
    }
    m_tenantId->clear();
    m_tenantName->clear();
    setNotice({});
    refreshSeparation();
}

void SellWorkspace::saveOffer()
{
    if (auto saved = m_agent->saveOffer({m_offerProduct->currentText(), m_offerReserved->value()}); !saved) {
        showError(saved.error().message);
        return;
    }
    setNotice({});
    refreshOffers();
}

} // namespace cloudex::ui
