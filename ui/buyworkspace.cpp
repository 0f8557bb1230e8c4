#include "buyworkspace.h"

#include "chargebackpage.h"

#include "boughtcontractmodel.h"
#include "catalogue/product.h"
#include "desk/contractwallet.h"
#include "desk/exchangeclient.h"
#include "desk/marketsession.h"
#include "desk/price.h"
#include "desk/siteclient.h"
#include "desk/sitefleet.h"
#include "manage/profileledger.h"
#include "prompts.h"
#include "strategypage.h"
#include "slacomposer.h"
#include "utilisationdelegate.h"

#include <algorithm>

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace cloudex::ui {
namespace {
using models::BoughtContractModel;
using models::PaneModel;

constexpr int kClockMs = 30'000;
constexpr int kSettlementRefreshMs = 60'000;
constexpr int kInspectorWidth = 380;
constexpr int kInspectorStartWidth = 270;
constexpr int kContractsWidth = 900;

QString walletStateText(desk::ContractWallet::State state)
{
    using State = desk::ContractWallet::State;
    switch (state) {
    case State::Pending:
        return BuyWorkspace::tr("pending");
    case State::Valid:
        return BuyWorkspace::tr("valid");
    case State::Expiring:
        return BuyWorkspace::tr("expiring");
    case State::Expired:
        return BuyWorkspace::tr("expired");
    case State::Revoked:
        return BuyWorkspace::tr("revoked");
    case State::Failed:
        return BuyWorkspace::tr("failed");
    }
    return {};
}

models::PaneVm paneVm(const api::Vm &vm)
{
    return {vm.name, api::toWire(vm.state), vm.vcpus, vm.memoryMiB, vm.runningSince.value_or(0)};
}

QList<models::PaneVm> paneVms(const QList<api::Vm> &vms)
{
    QList<models::PaneVm> out;
    out.reserve(vms.size());
    for (const api::Vm &vm : vms)
        out.append(paneVm(vm));
    return out;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

/// The SLA classes every seller that lists a product commits to, as an HTML table.
QString slaClassesHtml()
{
    using namespace catalogue;
    QString html =
        QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='left'>%1</th>"
                       "<th align='left'>%2</th><th align='left'>%3</th><th align='left'>%4</th></tr>")
            .arg(BuyWorkspace::tr("Class"), BuyWorkspace::tr("Availability"), BuyWorkspace::tr("Support"),
                 BuyWorkspace::tr("Service credits"));
    for (SlaClass slaClass : allSlaClasses()) {
        const SlaTerms &terms = slaTerms(slaClass);
        QStringList credits;
        for (const ServiceCredit &step : terms.credits)
            credits.append(BuyWorkspace::tr("&lt;%1: %2 %")
                               .arg(basisPointsText(step.belowBasisPoints))
                               .arg(step.creditPercent));
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(slaClassCode(terms.slaClass), terms.availabilityText(), terms.supportResponseText(),
                         credits.join(QStringLiteral(", ")));
    }
    return html + QStringLiteral("</table>");
}

QString supportText(const api::Sla &sla)
{
    catalogue::SlaTerms terms{catalogue::SlaClass::S1,
                              sla.availabilityBasisPoints,
                              sla.supportResponseMinutes,
                              sla.nextBusinessDaySupport,
                              {}};
    return terms.supportResponseText();
}
} // namespace

BuyWorkspace::BuyWorkspace(desk::MarketSession *session, QWidget *parent)
    : WorkspacePage(tr("Buy"), tr("Hold contracts with sellers and run VMs under them, all in one pane."),
                    parent)
    , m_session(session)
    , m_fleet(new desk::SiteFleet(this))
    , m_contracts(new BoughtContractModel(this))
    , m_pane(new PaneModel(this))
    , m_contractStack(new QStackedWidget(this))
    , m_contractTable(new QTableView(this))
    , m_inspector(new QTextBrowser(this))
    , m_filter(new QLineEdit(this))
    , m_grouping(new QComboBox(this))
    , m_deployButton(new QPushButton(tr("&Deploy…"), this))
    , m_deployProgress(new QProgressBar(this))
    , m_deployCancel(new QPushButton(tr("Cancel"), this))
    , m_summary(new QLabel(this))
    , m_status(new QLabel(this))
    , m_paneStack(new QStackedWidget(this))
    , m_paneTable(new QTableView(this))
    , m_batch(new QTimer(this))
    , m_clock(new QTimer(this))
    , m_settlementTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("buyWorkspace"));
    if (!session) {
        setNotice(tr("No exchange is connected, so there is nothing to buy from yet. The SLA classes in the "
                     "inspector are what every seller that lists a product commits to."));
    }

    // Contracts, with the inspector beside them.
    auto contractsPart = new QWidget(this);
    auto contractsLayout = new QVBoxLayout(contractsPart);
    contractsLayout->setContentsMargins(0, 0, 0, 0);
    contractsLayout->addWidget(createSectionLabel(tr("Contracts"), contractsPart));
    auto empty = createEmptyState(tr("No contracts"),
                                  tr("A contract appears here when one of your orders trades. The desk then "
                                     "fetches its certificate by itself, and you deploy VMs at the seller's "
                                     "site from the pane below."),
                                  this);
    empty->setObjectName(QStringLiteral("contractsEmptyState"));
    m_contractTable->setObjectName(QStringLiteral("buyContractsTable"));
    m_contractTable->setAccessibleName(tr("Contracts"));
    m_contractTable->setModel(m_contracts);
    m_contractTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_contractTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_contractTable->setAlternatingRowColors(true);
    m_contractTable->setWordWrap(false);
    m_contractTable->verticalHeader()->hide();
    m_contractTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_contractTable->horizontalHeader()->setStretchLastSection(true);
    m_contractTable->setItemDelegateForColumn(
        BoughtContractModel::Progress, new UtilisationDelegate(BoughtContractModel::ProgressRole, this));
    m_contractStack->addWidget(empty);
    m_contractStack->addWidget(m_contractTable);
    m_inspector->setObjectName(QStringLiteral("contractInspector"));
    m_inspector->setAccessibleName(tr("Contract terms"));
    m_inspector->setOpenLinks(false);
    m_inspector->setMinimumWidth(kInspectorWidth / 2);
    auto contractSplit = new QSplitter(Qt::Horizontal, contractsPart);
    contractSplit->setObjectName(QStringLiteral("contractSplitter"));
    contractSplit->addWidget(m_contractStack);
    contractSplit->addWidget(m_inspector);
    contractSplit->setStretchFactor(0, 1);
    // The contracts' nine columns need some 830 px: at 1280 px the inspector starts narrower
    // (its text wraps) and the table shows every column through Settlement and State.
    contractSplit->setSizes({kContractsWidth, kInspectorStartWidth});
    contractSplit->setChildrenCollapsible(false);
    contractsLayout->addWidget(contractSplit, 1);

    // The single pane.
    auto panePart = new QWidget(this);
    auto paneLayout = new QVBoxLayout(panePart);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    auto paneHeader = new QHBoxLayout;
    paneHeader->addWidget(createSectionLabel(tr("Resources"), panePart));
    paneHeader->addStretch();
    m_summary->setObjectName(QStringLiteral("paneSummary"));
    paneHeader->addWidget(m_summary);
    paneLayout->addLayout(paneHeader);

    auto bar = new QHBoxLayout;
    m_filter->setObjectName(QStringLiteral("paneFilter"));
    m_filter->setAccessibleName(tr("Filter VMs"));
    m_filter->setPlaceholderText(tr("Filter by name, seller, site, contract, state…"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_filter, 2);
    const std::tuple<PaneModel::Facet, QString, QString> facets[] = {
        {PaneModel::SellerFacet, tr("Seller"), QStringLiteral("sellerFacet")},
        {PaneModel::RegionFacet, tr("Region"), QStringLiteral("regionFacet")},
        {PaneModel::StateFacet, tr("State"), QStringLiteral("stateFacet")},
        {PaneModel::ContractFacet, tr("Contract"), QStringLiteral("contractFacet")},
        {PaneModel::TenancyFacet, tr("Tenancy"), QStringLiteral("tenancyFacet")},
    };
    for (const auto &[facet, text, name] : facets) {
        m_facetButtons[facet] = createFacetButton(facet, text, name);
        bar->addWidget(m_facetButtons[facet]);
    }
    m_grouping->setObjectName(QStringLiteral("paneGrouping"));
    m_grouping->setAccessibleName(tr("Grouping"));
    m_grouping->addItem(tr("No grouping"), int(PaneModel::Grouping::None));
    m_grouping->addItem(tr("Group by seller"), int(PaneModel::Grouping::Seller));
    m_grouping->addItem(tr("Group by contract"), int(PaneModel::Grouping::Contract));
    bar->addWidget(m_grouping);
    m_deployButton->setObjectName(QStringLiteral("deployButton"));
    m_deployButton->setAccessibleName(tr("Deploy VMs on the selected contract"));
    m_deployButton->setToolTip(tr("Create VMs on the selected contract at its seller's site"));
    bar->addWidget(m_deployButton);
    paneLayout->addLayout(bar);
    // Why deploying is not for this identity, said up front rather than after a click.
    m_deployReason = new QLabel(this);
    m_deployReason->setObjectName(QStringLiteral("deployReason"));
    m_deployReason->setWordWrap(true);
    m_deployReason->hide();
    paneLayout->addWidget(m_deployReason);

    auto progressRow = new QHBoxLayout;
    m_status->setObjectName(QStringLiteral("paneStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    progressRow->addWidget(m_status, 1);
    m_deployProgress->setObjectName(QStringLiteral("deployProgress"));
    m_deployProgress->setAccessibleName(tr("Deployment progress"));
    m_deployProgress->setRange(0, 100);
    m_deployProgress->setMaximumWidth(240);
    m_deployProgress->hide();
    progressRow->addWidget(m_deployProgress);
    m_deployCancel->setObjectName(QStringLiteral("deployCancel"));
    m_deployCancel->setAccessibleName(tr("Cancel the deployment"));
    m_deployCancel->hide();
    progressRow->addWidget(m_deployCancel);
    paneLayout->addLayout(progressRow);

    m_paneTable->setObjectName(QStringLiteral("paneTable"));
    m_paneTable->setAccessibleName(tr("VMs at every seller"));
    m_paneTable->setModel(m_pane);
    m_paneTable->setSortingEnabled(true);
    m_paneTable->sortByColumn(PaneModel::Name, Qt::AscendingOrder);
    m_paneTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_paneTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_paneTable->setAlternatingRowColors(true);
    m_paneTable->setWordWrap(false);
    m_paneTable->setContextMenuPolicy(Qt::CustomContextMenu);
    m_paneTable->verticalHeader()->hide();
    // Fixed row heights and no content-sized columns: the view never measures a million rows.
    m_paneTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // The name takes the room left; the other columns fit their usual content.
    m_paneTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_paneTable->horizontalHeader()->setSectionResizeMode(PaneModel::Name, QHeaderView::Stretch);
    m_paneTable->horizontalHeader()->setStretchLastSection(false);
    const QFontMetrics metrics(m_paneTable->font());
    const QFontMetrics headerMetrics(m_paneTable->horizontalHeader()->font());
    const int widths[PaneModel::ColumnCount] = {16, 16, 10, 9, 15, 6, 9, 9, 10, 4, 7, 14, 10};
    for (int column = 0; column < PaneModel::ColumnCount; ++column) {
        // The usual content, and never less than the header's own text.
        const QString header = m_pane->headerData(column, Qt::Horizontal).toString();
        m_paneTable->setColumnWidth(column, std::max(metrics.averageCharWidth() * widths[column] + 12,
                                                     headerMetrics.horizontalAdvance(header) + 14));
    }
    auto paneEmpty = createEmptyState(tr("No VMs yet"),
                                      tr("Select a contract with room left and choose Deploy… to create VMs "
                                         "at its seller's site. Every VM under every contract shows here, "
                                         "live."),
                                      this);
    paneEmpty->setObjectName(QStringLiteral("paneEmptyState"));
    m_paneStack->addWidget(paneEmpty);
    m_paneStack->addWidget(m_paneTable);
    paneLayout->addWidget(m_paneStack, 1);

    auto split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("buySplitter"));
    split->addWidget(contractsPart);
    split->addWidget(panePart);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    // The contracts and the pane on one tab; the SLA composer, the sourcing strategy canvas
    // and (with a data directory) chargeback beside them.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("buyTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(split, tr("Contracts and VMs"));
    m_composer = new SlaComposer(m_session, m_tabs);
    m_tabs->addTab(m_composer, tr("SLA profiles"));
    connect(m_composer, &SlaComposer::profilesChanged, this, &BuyWorkspace::profilesChanged);
    m_strategy = new StrategyPage(session, m_tabs);
    m_tabs->addTab(m_strategy, tr("Sourcing strategy"));
    connect(m_composer, &SlaComposer::profilesChanged, m_strategy, &StrategyPage::refreshProfiles);
    contentLayout()->addWidget(m_tabs, 1);

    // Keyboard: Ctrl+F to the filter, Delete and the menu key on the pane.
    auto find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    auto deleteKey = new QShortcut(QKeySequence::Delete, m_paneTable, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, [this] {
        const QModelIndex current = m_paneTable->currentIndex();
        if (current.isValid() && !m_pane->isGroupRow(current.row()))
            act(m_pane->sourceKeyAt(current.row()), m_pane->vmNameAt(current.row()), Action::Delete);
    });

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_pane->setFilterText(text);
        updateSummary();
    });
    connect(m_grouping, &QComboBox::currentIndexChanged, this,
            [this] { m_pane->setGrouping(PaneModel::Grouping(m_grouping->currentData().toInt())); });
    connect(m_deployButton, &QPushButton::clicked, this, [this] { deploy(currentContract()); });
    connect(m_deployCancel, &QPushButton::clicked, this, [this] {
        for (const auto &operation : std::as_const(m_deployment)) {
            if (operation)
                operation->cancel();
        }
    });
    connect(m_paneTable, &QWidget::customContextMenuRequested, this, &BuyWorkspace::showPaneMenu);
    connect(m_contractTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showInspector();
        updateActions();
    });
    connect(m_paneTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BuyWorkspace::updateActions);
    connect(m_pane, &QAbstractItemModel::rowsInserted, this, &BuyWorkspace::updateSummary);
    connect(m_pane, &QAbstractItemModel::rowsRemoved, this, &BuyWorkspace::updateSummary);
    connect(m_pane, &QAbstractItemModel::dataChanged, this, &BuyWorkspace::updateSummary);
    connect(m_contracts, &QAbstractItemModel::dataChanged, this, &BuyWorkspace::updateActions);

    // The pane's feed: one long poll per contract at its site, applied in batches.
    m_batch->setSingleShot(true);
    m_batch->setInterval(kBatchMs);
    connect(m_batch, &QTimer::timeout, this, &BuyWorkspace::flush);
    connect(m_fleet, &desk::SiteFleet::watching, this, [this](const QString &id) {
        const auto contract = m_fleet->contract(id);
        if (!contract)
            return;
        queue([this, c = *contract] {
            m_pane->setSource({c.id, c.id, c.seller, c.site ? c.site->name : QString(), c.product, c.price,
                               c.deliveryStart, c.deliveryEnd});
        });
    });
    connect(m_fleet, &desk::SiteFleet::dropped, this,
            [this](const QString &id) { queue([this, id] { m_pane->removeSource(id); }); });
    connect(m_fleet, &desk::SiteFleet::vmsReset, this, [this](const QString &id, const QList<api::Vm> &vms) {
        queue([this, id, list = paneVms(vms)] { m_pane->resetVms(id, list); });
        countVms(id);
    });
    connect(m_fleet, &desk::SiteFleet::vmsChanged, this,
            [this](const QString &id, const QList<api::Vm> &vms, const QStringList &deleted) {
                queue([this, id, list = paneVms(vms), deleted] { m_pane->updateVms(id, list, deleted); });
                countVms(id);
            });
    connect(m_fleet, &desk::SiteFleet::staleChanged, this,
            [this](const QString &id, bool stale, qint64 lastAnswerMs, const Error &error) {
                queue([this, id, stale, lastAnswerMs] { m_pane->setStale(id, stale, lastAnswerMs); });
                if (stale) {
                    const auto contract = m_fleet->contract(id);
                    setStatus(
                        tr("%1 does not answer (%2); its VMs are shown as last reported.")
                            .arg(contract && contract->site ? contract->site->name : id, error.message));
                }
            });

    connect(m_clock, &QTimer::timeout, this, &BuyWorkspace::tick);
    m_clock->start(kClockMs);
    tick();

    if (m_session) {
        connect(m_session, &desk::MarketSession::contractsChanged, this, &BuyWorkspace::showContracts);
        connect(m_session, &desk::MarketSession::stateChanged, this, &BuyWorkspace::updateActions);
        // The fills tie a contract to the order whose requirements the inspector shows.
        connect(m_session, &desk::MarketSession::fillsReset, this, &BuyWorkspace::showInspector);
        connect(m_session, &desk::MarketSession::fillsAppended, this, &BuyWorkspace::showInspector);
        connect(m_session, &desk::MarketSession::stateChanged, this, [this] {
            attachWallet();
            if (m_session->state() == desk::MarketSession::State::Connected)
                fetchSettlements();
        });
        connect(m_settlementTimer, &QTimer::timeout, this, &BuyWorkspace::fetchSettlements);
        m_settlementTimer->start(kSettlementRefreshMs);
    }
    showContracts();
    showInspector();
    updateSummary();
    updateActions();
}

BuyWorkspace::~BuyWorkspace() = default;

void BuyWorkspace::showStrategy()
{
    m_tabs->setCurrentWidget(m_strategy);
}

void BuyWorkspace::showSlaProfiles()
{
    m_tabs->setCurrentWidget(m_composer);
}

QToolButton *BuyWorkspace::createFacetButton(PaneModel::Facet facet, const QString &text, const QString &name)
{
    auto button = new QToolButton(this);
    button->setObjectName(name);
    button->setText(text);
    button->setAccessibleName(tr("Only VMs of a %1").arg(text.toLower()));
    button->setToolTip(tr("Show only some values of %1").arg(text.toLower()));
    button->setPopupMode(QToolButton::InstantPopup);
    auto menu = new QMenu(button);
    menu->setObjectName(name + QStringLiteral("Menu"));
    button->setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, [this, menu, facet] {
        menu->clear();
        const QStringList chosen = m_pane->facet(facet);
        const QStringList values = m_pane->facetValues(facet);
        for (const QString &value : values) {
            QAction *action = menu->addAction(value);
            action->setCheckable(true);
            action->setChecked(chosen.contains(value));
        }
        if (values.isEmpty())
            menu->addAction(tr("No values yet"))->setEnabled(false);
        menu->addSeparator();
        QAction *all = menu->addAction(tr("Show all"));
        all->setObjectName(QStringLiteral("facetShowAll"));
        all->setEnabled(!chosen.isEmpty());
    });
    connect(menu, &QMenu::triggered, this, [this, button, facet, text](QAction *action) {
        QStringList chosen = m_pane->facet(facet);
        if (action->objectName() == u"facetShowAll") {
            chosen.clear();
        } else if (action->isChecked()) {
            chosen.append(action->text());
        } else {
            chosen.removeAll(action->text());
        }
        m_pane->setFacet(facet, chosen);
        updateFacetButton(button, facet, text);
        updateSummary();
    });
    return button;
}

void BuyWorkspace::updateFacetButton(QToolButton *button, PaneModel::Facet facet, const QString &text)
{
    const QStringList chosen = m_pane->facet(facet);
    button->setText(chosen.isEmpty() ? text : tr("%1: %2").arg(text, chosen.join(QStringLiteral(", "))));
    QFont font = button->font();
    font.setBold(!chosen.isEmpty());
    button->setFont(font);
}

void BuyWorkspace::attachWallet()
{
    desk::ContractWallet *wallet = m_session ? m_session->wallet() : nullptr;
    if (wallet == m_wallet)
        return;
    if (m_wallet)
        m_wallet->disconnect(this);
    m_wallet = wallet;
    m_fleet->setWallet(wallet);
    if (wallet) {
        connect(wallet, &desk::ContractWallet::stateChanged, this,
                [this](const QString &id, desk::ContractWallet::State) { updateCertificate(id); });
        connect(wallet, &desk::ContractWallet::problem, this,
                [this](const QString &id, const Error &) { updateCertificate(id); });
        for (const QString &id : wallet->contractIds())
            updateCertificate(id);
    }
}

void BuyWorkspace::updateCertificate(const QString &contractId)
{
    if (!m_wallet)
        return;
    const auto entry = m_wallet->entry(contractId);
    if (!entry)
        return;
    m_contracts->setCertificate(contractId, {walletStateText(entry->state), entry->notAfter,
                                             entry->error ? entry->error->message : QString()});
    if (m_contracts->contractAt(m_contractTable->currentIndex().row()) &&
        m_contracts->contractAt(m_contractTable->currentIndex().row())->id == contractId)
        showInspector();
    updateActions();
}

void BuyWorkspace::showContracts()
{
    if (m_session) {
        attachWallet();
        m_contracts->setContracts(m_session->participant(), m_session->contracts());
        QList<api::Contract> bought;
        for (const api::Contract &contract : m_session->contracts()) {
            if (contract.buyer == m_session->participant())
                bought.append(contract);
        }
        m_fleet->setContracts(bought);
    }
    m_contractStack->setCurrentWidget(m_contracts->rowCount() > 0 ? static_cast<QWidget *>(m_contractTable)
                                                                  : m_contractStack->widget(0));
    if (m_contracts->rowCount() > 0 && !m_contractTable->currentIndex().isValid())
        m_contractTable->setCurrentIndex(m_contracts->index(0, 0));
    showInspector();
    updateActions();
}

void BuyWorkspace::fetchSettlements()
{
    if (!m_session || !m_session->client() || m_session->state() != desk::MarketSession::State::Connected)
        return;
    // Settlements are commercial data: the exchange answers them to `trade` only.
    if (!m_session->hasPermission(QStringLiteral("trade")))
        return;
    auto *call = m_session->client()->settlements();
    connect(call, &Job::finished, this, [this, call] {
        call->deleteLater();
        if (call->ok())
            m_contracts->setSettlements(call->value());
    });
}

void BuyWorkspace::countVms(const QString &contractId)
{
    if (const desk::VmWatcher *watcher = m_fleet->watcher(contractId))
        m_contracts->setVmsDefined(contractId, int(watcher->vms().size()));
}

void BuyWorkspace::queue(std::function<void()> change)
{
    m_pending.append(std::move(change));
    if (!m_batch->isActive())
        m_batch->start();
}

void BuyWorkspace::flush()
{
    const auto pending = std::exchange(m_pending, {});
    m_pane->beginBatch();
    for (const auto &change : pending)
        change();
    m_pane->endBatch();
    m_paneStack->setCurrentWidget(m_pane->vmCount() > 0 ? static_cast<QWidget *>(m_paneTable)
                                                        : m_paneStack->widget(0));
    updateSummary();
    updateActions();
}

void BuyWorkspace::setLocalVms(const QString &site, const QList<models::PaneVm> &vms)
{
    const QString key = QStringLiteral("local:") + site;
    queue([this, key, site, vms] {
        if (!m_pane->hasSource(key)) {
            m_pane->setSource(
                {key,
                 {},
                 m_session && !m_session->participant().isEmpty() ? m_session->participant() : tr("you"),
                 site,
                 {},
                 0,
                 0,
                 0});
        }
        m_pane->resetVms(key, vms);
    });
}

void BuyWorkspace::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty() || !m_deployment.isEmpty());
}

void BuyWorkspace::tick()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    m_pane->setNow(now);
    m_contracts->setNow(now);
    updateSummary();
}

void BuyWorkspace::updateSummary()
{
    const PaneModel::Totals totals = m_pane->totals();
    const QLocale locale;
    if (m_pane->vmCount() == 0) {
        m_summary->clear();
        return;
    }
    const QString shown =
        totals.vms == m_pane->vmCount()
            ? tr("%n VM(s)", nullptr, int(totals.vms))
            : tr("%1 of %n VM(s)", nullptr, int(m_pane->vmCount())).arg(locale.toString(totals.vms));
    m_summary->setText(tr("%1 · %2 vCPU · %3 GiB · EUR %4 so far")
                           .arg(shown, locale.toString(totals.vcpus),
                                locale.toString(double(totals.memoryMiB) / 1024.0, 'f', 1),
                                desk::formatPriceTicks(totals.costTicks, locale)));
}

QString BuyWorkspace::currentContract() const
{
    if (m_paneTable->hasFocus()) {
        const QModelIndex pane = m_paneTable->currentIndex();
        if (pane.isValid() && m_pane->source(m_pane->sourceKeyAt(pane.row())) &&
            !m_pane->source(m_pane->sourceKeyAt(pane.row()))->contract.isEmpty())
            return m_pane->sourceKeyAt(pane.row());
    }
    const api::Contract *contract = m_contracts->contractAt(m_contractTable->currentIndex().row());
    return contract ? contract->id : QString();
}

bool BuyWorkspace::mayDeploy() const
{
    // Before the session is open nothing is known yet; the exchange still decides.
    return !m_session || !m_session->isOpen() || m_session->hasPermission(QStringLiteral("deploy"));
}

QString BuyWorkspace::deployRefusal() const
{
    return tr("Your identity (%1) may not deploy: VMs need the deploy permission, which your "
              "organisation's administrator grants.")
        .arg(m_session ? m_session->user() : QString());
}

void BuyWorkspace::updateActions()
{
    const QString id = currentContract();
    const int remaining = m_contracts->remainingVolume(id);
    const bool deploying = !m_deployment.isEmpty();
    const bool ready = !id.isEmpty() && m_fleet->client(id) && remaining != 0 && !deploying && mayDeploy();
    m_deployButton->setEnabled(ready);
    m_deployReason->setText(mayDeploy() ? QString() : deployRefusal());
    m_deployReason->setVisible(!mayDeploy());
    if (!mayDeploy())
        m_deployButton->setToolTip(deployRefusal());
    else if (id.isEmpty())
        m_deployButton->setToolTip(tr("Select a contract to deploy on"));
    else if (!m_fleet->client(id))
        m_deployButton->setToolTip(tr("Contract %1 has no usable certificate or site yet").arg(id));
    else if (remaining == 0)
        m_deployButton->setToolTip(tr("Contract %1 has no volume left").arg(id));
    else
        m_deployButton->setToolTip(tr("Create VMs on contract %1 at its seller's site").arg(id));
}

void BuyWorkspace::setDataDirectory(const QString &dataDir)
{
    m_dataDir = dataDir;
    m_composer->setDataDirectory(dataDir);
    showInspector();
}

void BuyWorkspace::showInspector()
{
    const api::Contract *c = m_contracts->contractAt(m_contractTable->currentIndex().row());
    if (!c) {
        m_inspector->setHtml(
            QStringLiteral("<p><b>%1</b></p><p>%2</p>%3")
                .arg(tr("Contract terms"),
                     tr("Select a contract to see its frozen terms. Every seller that lists a "
                        "product commits to its SLA class:"),
                     slaClassesHtml()));
        return;
    }
    const QLocale locale;
    const std::optional<api::Requirements> asked =
        m_session ? m_session->requirementsFor(c->id) : std::optional<api::Requirements>();
    const QString none = tr("—");
    QString credits;
    for (const api::ServiceCredit &credit : c->sla.credits) {
        credits += tr("below %1: %2 % credit<br>")
                       .arg(catalogue::basisPointsText(credit.belowBasisPoints))
                       .arg(locale.toString(credit.creditPercent));
    }
    const auto row = [](const QString &term, const QString &contract, const QString &order) {
        return QStringLiteral(
                   "<tr><td valign='top'>%1</td><td valign='top'>%2</td><td valign='top'>%3</td></tr>")
            .arg(term.toHtmlEscaped(), contract, order);
    };
    const auto list = [&](const QStringList &values) {
        return values.isEmpty() ? none : escaped(values.join(QStringLiteral(", ")));
    };
    QString html =
        QStringLiteral("<p><b>%1</b><br>%2</p>")
            .arg(escaped(c->id),
                 escaped(
                     tr("%1 from %2 · %n instance(s) at EUR %3 per instance-hour", nullptr, int(c->quantity))
                         .arg(c->product, c->seller, desk::formatPriceTicks(c->price, locale))));
    html += QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='left'>%1</th>"
                           "<th align='left'>%2</th><th align='left'>%3</th></tr>")
                .arg(tr("Term"), tr("Contract"), tr("Your order"));
    html += row(tr("SLA class"), escaped(c->sla.slaClass), QString());
    html += row(tr("Availability"), catalogue::basisPointsText(c->sla.availabilityBasisPoints), QString());
    html += row(tr("Support response"), escaped(supportText(c->sla)), QString());
    html += row(tr("Service credits"), credits.isEmpty() ? none : credits, QString());
    html += row(tr("Governing law"), escaped(c->governingLaw),
                asked ? tr("jurisdictions: %1").arg(list(asked->jurisdictions)) : QString());
    html += row(tr("Legal terms version"), locale.toString(c->legalTermsVersion), QString());
    if (asked) {
        html += row(tr("Certifications"), tr("screened by the exchange"), list(asked->certifications));
        html += row(tr("Metadata policy"), tr("screened by the exchange"), list(asked->metadataPolicies));
    }
    html += QStringLiteral("</table>");
    if (!asked)
        html += QStringLiteral("<p>%1</p>").arg(tr("The order carried no requirements beyond the product."));
    // The SLA profile the order was placed under (recorded by the order ticket), as it was
    // then, against the contract's frozen terms; every term the contract falls short of is
    // marked.
    std::optional<manage::OrderProfile> bought;
    if (m_session && !m_dataDir.isEmpty()) {
        const manage::ProfileLedger ledger(m_dataDir);
        for (const desk::FillRecord &fill : m_session->fills()) {
            if (fill.contractId == c->id && (bought = ledger.forOrder(fill.orderId)))
                break;
        }
    }
    if (bought) {
        const QList<manage::TermCheck> checks = manage::compareTerms(*c, bought->profile);
        int differences = 0;
        html += QStringLiteral(
                    "<p><b>%1</b></p><table cellspacing='0' cellpadding='3'><tr><th align='left'>%2</th>"
                    "<th align='left'>%3</th><th align='left'>%4</th><th></th></tr>")
                    .arg(escaped(tr("Bought under the SLA profile \"%1\"").arg(bought->profile.name)),
                         tr("Term"), tr("Contract"), tr("Profile"));
        for (const manage::TermCheck &check : checks) {
            differences += check.differs;
            const QString mark =
                check.differs
                    ? QStringLiteral("<b><font color='#c62828'>≠ %1</font></b>").arg(escaped(tr("differs")))
                    : QStringLiteral("=");
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(escaped(check.term), escaped(check.contract), escaped(check.profile),
                             check.screened ? QString() : mark);
        }
        html += QStringLiteral("</table><p>%1</p>")
                    .arg(differences == 0
                             ? escaped(tr("The contract meets every term of the profile."))
                             : escaped(tr("%n term(s) differ from the profile.", nullptr, differences)));
    }
    if (c->site) {
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(tr("Served by site %1 (%2).").arg(escaped(c->site->name), escaped(c->site->endpoint)));
    } else {
        html += QStringLiteral("<p>%1</p>").arg(tr("No site of the seller serves this contract yet."));
    }
    if (m_wallet) {
        if (const auto entry = m_wallet->entry(c->id);
            entry && !entry->certificatePath.isEmpty() &&
            (entry->state == desk::ContractWallet::State::Valid ||
             entry->state == desk::ContractWallet::State::Expiring)) {
            html += QStringLiteral("<p>%1</p>")
                        .arg(tr("Certificate %1, valid until %2.")
                                 .arg(escaped(entry->serial), desk::formatTimeUtc(entry->notAfter, locale)));
        }
    }
    if (c->terminatedAt) {
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(tr("Terminated %1: %2")
                         .arg(desk::formatTimeUtc(*c->terminatedAt, locale), escaped(c->terminationReason)));
    }
    m_inspector->setHtml(html);
}

void BuyWorkspace::showPaneMenu(const QPoint &position)
{
    // A right click makes the clicked row current first; the menu key asks at a corner of
    // the view: in both cases the current row is the one meant.
    const QModelIndex index =
        m_paneTable->currentIndex().isValid() ? m_paneTable->currentIndex() : m_paneTable->indexAt(position);
    if (!index.isValid())
        return;
    const int row = index.row();
    const QString key = m_pane->sourceKeyAt(row);
    const models::PaneSource *source = m_pane->source(key);
    const bool bought = source && !source->contract.isEmpty();
    const QString vm = m_pane->vmNameAt(row);
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("paneMenu"));
    if (!vm.isEmpty()) {
        const std::pair<Action, QString> actions[] = {{Action::Start, tr("&Start")},
                                                      {Action::Stop, tr("S&top…")},
                                                      {Action::Reboot, tr("&Reboot…")},
                                                      {Action::Delete, tr("&Delete…")}};
        for (const auto &[action, text] : actions) {
            QAction *item = menu.addAction(text, this, [this, key, vm, action] { act(key, vm, action); });
            item->setEnabled(bought && m_fleet->client(key) && mayDeploy());
            if (bought && !mayDeploy())
                item->setToolTip(deployRefusal());
        }
        if (!bought)
            menu.addAction(tr("Managed in the Sell workspace"))->setEnabled(false);
        menu.addSeparator();
    }
    if (bought) {
        QAction *deployItem =
            menu.addAction(tr("Deploy on %1…").arg(key), this, [this, key] { deploy(key); });
        deployItem->setEnabled(m_fleet->client(key) && m_contracts->remainingVolume(key) != 0 &&
                               m_deployment.isEmpty() && mayDeploy());
        if (!mayDeploy()) {
            deployItem->setToolTip(deployRefusal());
            menu.setToolTipsVisible(true);
        }
    }
    if (m_chargeback && bought && !vm.isEmpty())
        m_chargeback->addVmActions(&menu, key, vm);
    if (menu.actions().isEmpty())
        return;
    const QPoint at = m_paneTable->indexAt(position).row() == index.row()
                          ? position
                          : m_paneTable->visualRect(index).center();
    menu.exec(m_paneTable->viewport()->mapToGlobal(at));
}

void BuyWorkspace::act(const QString &contractId, const QString &vm, Action action)
{
    desk::SiteClient *client = m_fleet->client(contractId);
    if (!client || vm.isEmpty())
        return;
    const QString site = client->site().name.isEmpty() ? client->site().id : client->site().name;
    desk::SiteOperation *operation = nullptr;
    switch (action) {
    case Action::Start:
        operation = client->start(vm);
        follow(operation, tr("%1 started").arg(vm));
        return;
    case Action::Stop:
        if (!Prompts::confirm(this, tr("Stop VM"),
                              tr("Stop %1 at %2? The guest is asked to shut down and is powered off after a "
                                 "minute; whatever it has not saved is lost.")
                                  .arg(vm, site)))
            return;
        operation = client->stop(vm);
        follow(operation, tr("%1 stopped").arg(vm));
        return;
    case Action::Reboot:
        if (!Prompts::confirm(
                this, tr("Reboot VM"),
                tr("Reboot %1 at %2? Whatever the guest holds only in memory is lost.").arg(vm, site)))
            return;
        operation = client->reboot(vm);
        follow(operation, tr("%1 rebooted").arg(vm));
        return;
    case Action::Delete:
        if (!Prompts::confirm(
                this, tr("Delete VM"),
                tr("Delete %1 at %2? The VM is destroyed and its disk deleted: its data cannot be "
                   "recovered. Its slot in contract %3 becomes free.")
                    .arg(vm, site, contractId)))
            return;
        operation = client->remove(vm);
        follow(operation, tr("%1 deleted").arg(vm));
        return;
    }
}

void BuyWorkspace::follow(desk::SiteOperation *operation, const QString &doneText)
{
    setStatus(operation->title() + QStringLiteral("…"));
    connect(operation, &Job::progress, this, [this, operation](int percent) {
        setStatus(tr("%1… %2 %").arg(operation->title(), QLocale().toString(percent)));
    });
    connect(operation, &Job::finished, this, [this, operation, doneText] {
        operation->deleteLater();
        setStatus(operation->ok() ? doneText
                                  : tr("%1 failed: %2").arg(operation->title(), operation->errorString()));
    });
}

void BuyWorkspace::deploy(const QString &contractId)
{
    desk::SiteClient *client = m_fleet->client(contractId);
    if (!client || !m_deployment.isEmpty())
        return;
    m_deployButton->setEnabled(false);
    setStatus(tr("Asking %1 for its templates…").arg(client->site().name));
    auto *templates = client->templates();
    connect(templates, &Job::finished, this, [this, templates, contractId] {
        templates->deleteLater();
        desk::SiteClient *client = m_fleet->client(contractId);
        if (!client) {
            updateActions();
            return;
        }
        if (!templates->ok()) {
            setStatus(tr("Cannot deploy on %1: %2").arg(contractId, templates->errorString()));
            updateActions();
            return;
        }
        QStringList names;
        for (const api::Template &t : templates->value())
            names.append(t.name);
        const auto contract = m_fleet->contract(contractId);
        int remaining = m_contracts->remainingVolume(contractId);
        if (remaining < 0)
            remaining = contract ? int(contract->quantity) : 1;
        setStatus({});
        const auto deployment = Prompts::askDeployment(this, contractId, names, remaining);
        if (!deployment || deployment->name.isEmpty() || !m_deployment.isEmpty()) {
            updateActions();
            return;
        }
        m_deployContract = contractId;
        m_deployFailures.clear();
        for (int i = 1; i <= deployment->count; ++i) {
            const QString name = deployment->count == 1
                                     ? deployment->name
                                     : QStringLiteral("%1-%2").arg(deployment->name).arg(i);
            desk::SiteOperation *operation = client->create(name, deployment->templateName);
            m_deployment.append(operation);
            connect(operation, &Job::progress, this, &BuyWorkspace::followDeployment);
            connect(operation, &Job::finished, this, [this, operation, name] {
                operation->deleteLater();
                if (!operation->ok())
                    m_deployFailures.append(tr("%1: %2").arg(name, operation->errorString()));
                followDeployment();
            });
        }
        m_deployProgress->setValue(0);
        m_deployProgress->show();
        m_deployCancel->show();
        followDeployment();
    });
}

void BuyWorkspace::followDeployment()
{
    int done = 0;
    int percent = 0;
    for (const auto &operation : std::as_const(m_deployment)) {
        if (!operation || operation->isFinished()) {
            ++done;
            percent += 100;
        } else {
            percent += operation->percent();
        }
    }
    const int total = int(m_deployment.size());
    if (total == 0)
        return;
    m_deployProgress->setValue(percent / total);
    if (done < total) {
        setStatus(tr("Deploying %n VM(s) on %1 at its site…", nullptr, total).arg(m_deployContract));
        return;
    }
    m_deployment.clear();
    m_deployProgress->hide();
    m_deployCancel->hide();
    if (m_deployFailures.isEmpty())
        setStatus(tr("Deployed %n VM(s) on %1.", nullptr, total).arg(m_deployContract));
    else
        setStatus(tr("%1 of %2 VMs deployed on %3; %4")
                      .arg(total - m_deployFailures.size())
                      .arg(total)
                      .arg(m_deployContract, m_deployFailures.join(QStringLiteral("; "))));
    updateActions();
}

void BuyWorkspace::setChargebackPage(ChargebackPage *page)
{
    m_chargeback = page;
    m_tabs->addTab(page, tr("Chargeback"));
}

void BuyWorkspace::showChargeback()
{
    if (m_chargeback)
        m_tabs->setCurrentWidget(m_chargeback);
}

} // namespace cloudex::ui
