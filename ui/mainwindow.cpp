#include "mainwindow.h"

#include "buyworkspace.h"
#include "catalogue/catalogue.h"
#include "chargebackpage.h"
#include "connect/connectagent.h"
#include "connect/embeddedagent.h"
#include "core/clock.h"
#include "desk/marketsession.h"
#include "marketworkspace.h"
#include "sellworkspace.h"
#include "strategypage.h"
#include "usersworkspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

namespace cloudex::ui {
namespace {
constexpr int kDefaultWidth = 1280;
constexpr int kDefaultHeight = 800;
constexpr int kNavigationWidth = 160;
constexpr int kNavigationItemHeight = 40;
constexpr qreal kNavigationFontScale = 1.15;

const auto kGeometryKey = QStringLiteral("ui/geometry");
const auto kStateKey = QStringLiteral("ui/state");
const auto kWorkspaceKey = QStringLiteral("ui/workspace");
const auto kThemeKey = QStringLiteral("ui/theme");
} // namespace

MainWindow::MainWindow(const Context &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CloudEx"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/cloudex.svg")));

    const Clock &clock = context.clock ? *context.clock : SystemClock::instance();
    const catalogue::Catalogue &catalogue = catalogue::Catalogue::standard();
    m_market = new MarketWorkspace(catalogue, clock, context.session, m_stack);
    m_market->setSimulated(context.simulatedMarket);
    m_buy = new BuyWorkspace(context.session, m_stack);
    if (!context.dataDir.isEmpty())
        m_buy->setChargebackPage(new ChargebackPage(context.session, m_buy->fleet(), context.dataDir, m_buy));
    m_buy->strategyPage()->setClock(&clock);
    m_buy->strategyPage()->setDataDirectory(context.dataDir);
    // SLA profiles: composed in the Buy workspace, chosen in the order ticket.
    m_market->setDataDirectory(context.dataDir);
    m_buy->setDataDirectory(context.dataDir);
    connect(m_buy, &BuyWorkspace::profilesChanged, m_market, &MarketWorkspace::reloadProfiles);
    if (context.agent) {
        // The participant also sells: its own site's VMs join the single pane.
        const auto showLocal = [this, agent = context.agent] {
            QList<models::PaneVm> vms;
            for (const connect::VmInfo &vm : agent->state().inventory.vms)
                vms.append({vm.name, connect::vmStateKey(vm.state), vm.vcpus, vm.memoryMiB, 0});
            m_buy->setLocalVms(tr("own site"), vms);
        };
        connect(context.agent, &connect::EmbeddedAgent::stateChanged, this, showLocal);
        showLocal();
    }
    m_sell = new SellWorkspace(catalogue, context.agent, m_stack);
    m_stack->setObjectName(QStringLiteral("workspaceStack"));
    m_stack->addWidget(m_market);
    m_stack->addWidget(m_buy);
    m_stack->addWidget(m_sell);
    m_users = new UsersWorkspace(context.session, m_stack);
    m_stack->addWidget(m_users);

    m_navigation->setObjectName(QStringLiteral("workspaceNavigation"));
    m_navigation->setAccessibleName(tr("Workspaces"));
    m_navigation->setFixedWidth(kNavigationWidth);
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setBackgroundRole(QPalette::AlternateBase);
    m_navigation->viewport()->setBackgroundRole(QPalette::AlternateBase);
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * kNavigationFontScale);
    m_navigation->setFont(navFont);
    const std::pair<QString, QString> items[] = {
        {tr("Market"), QStringLiteral(":/icons/market.svg")},
        {tr("Buy"), QStringLiteral(":/icons/buy.svg")},
        {tr("Sell"), QStringLiteral(":/icons/sell.svg")},
        {tr("Users"), QStringLiteral(":/icons/users.svg")},
    };
    for (const auto &[text, icon] : items) {
        auto item = new QListWidgetItem(QIcon(icon), text, m_navigation);
        item->setSizeHint(QSize(kNavigationWidth - 8, kNavigationItemHeight));
    }
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    auto central = new QWidget(this);
    auto layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    createMenus();
    createStatusBar();
    restoreState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const std::pair<Workspace, QString> workspaces[] = {
        {Workspace::Market, tr("&Market")},
        {Workspace::Buy, tr("&Buy")},
        {Workspace::Sell, tr("&Sell")},
        {Workspace::Users, tr("&Users")}};
    int number = 1;
    for (const auto &[workspace, text] : workspaces) {
        QAction *action = view->addAction(text, this, [this, ws = workspace] { showWorkspace(ws); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number++)));
        action->setObjectName(workspaceKey(workspace) + QStringLiteral("Action"));
    }
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    const std::pair<Theme, QString> themes[] = {
        {Theme::System, tr("&System")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
    for (const auto &[value, text] : themes) {
        QAction *action = theme->addAction(text, this, [this, t = value] { setTheme(t); });
        action->setCheckable(true);
        action->setData(ThemeManager::key(value));
        action->setObjectName(ThemeManager::key(value) + QStringLiteral("ThemeAction"));
        m_themeGroup->addAction(action);
    }
    view->addSeparator();
    QAction *fullScreen =
        view->addAction(tr("&Full Screen"), this, [this](bool on) { on ? showFullScreen() : showNormal(); });
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About CloudEx"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createStatusBar()
{
    // Say plainly what the desk is connected to; never pretend to an exchange or identity.
    m_exchangeStatus = new QLabel(this);
    m_exchangeStatus->setObjectName(QStringLiteral("exchangeStatus"));
    m_identityStatus = new QLabel(this);
    m_identityStatus->setObjectName(QStringLiteral("identityStatus"));
    auto dataDir = new QLabel(this);
    dataDir->setObjectName(QStringLiteral("dataDirStatus"));
    // A long path must not widen the window: its middle is cut, the tooltip has it whole.
    constexpr int kDataDirChars = 36;
    dataDir->setText(tr("Data: %1")
                         .arg(dataDir->fontMetrics().elidedText(m_context.dataDir, Qt::ElideMiddle,
                                                                dataDir->fontMetrics().averageCharWidth() *
                                                                    kDataDirChars)));
    dataDir->setToolTip(m_context.dataDir);
    statusBar()->addWidget(m_exchangeStatus);
    statusBar()->addWidget(m_identityStatus);
    updateDemoStatus();
    statusBar()->addPermanentWidget(dataDir);
    if (m_context.session) {
        connect(m_context.session, &desk::MarketSession::stateChanged, this,
                &MainWindow::updateExchangeStatus);
    }
    updateExchangeStatus();
}

void MainWindow::setExchangeLabel(const QString &label)
{
    m_context.exchangeLabel = label;
    updateExchangeStatus();
}

void MainWindow::setSimulatedMarket(bool simulated)
{
    m_context.simulatedMarket = simulated;
    m_market->setSimulated(simulated);
    updateDemoStatus();
}

void MainWindow::setExchangeFailure(const QString &reason)
{
    m_exchangeFailure = reason;
    updateExchangeStatus();
}

void MainWindow::updateDemoStatus()
{
    if (!m_context.simulatedMarket) {
        delete m_demoStatus;
        m_demoStatus = nullptr;
        return;
    }
    if (m_demoStatus)
        return;
    m_demoStatus = new QLabel(tr("Demo market: simulated participants"), this);
    m_demoStatus->setObjectName(QStringLiteral("demoStatus"));
    QFont bold = m_demoStatus->font();
    bold.setBold(true);
    m_demoStatus->setFont(bold);
    statusBar()->addWidget(m_demoStatus);
}

void MainWindow::updateExchangeStatus()
{
    const desk::MarketSession *session = m_context.session;
    if (!session || !session->isOpen()) {
        m_exchangeStatus->setText(tr("Exchange: not connected"));
        m_identityStatus->setText(tr("Identity: none"));
        return;
    }
    const QString where =
        m_context.exchangeLabel.isEmpty() ? session->url().toString() : m_context.exchangeLabel;
    QString state;
    switch (session->state()) {
    case desk::MarketSession::State::Connected:
        state = tr("connected");
        break;
    case desk::MarketSession::State::Connecting:
        state = tr("connecting…");
        break;
    case desk::MarketSession::State::Reconnecting:
        state = tr("reconnecting…");
        break;
    case desk::MarketSession::State::Disconnected:
        state = tr("not connected");
        break;
    }
    if (!m_exchangeFailure.isEmpty()) {
        // Orders would only be refused: say so where the connection is named, and why.
        m_exchangeStatus->setText(tr("Exchange: %1 (takes no orders: its journal failed)").arg(where));
        m_exchangeStatus->setToolTip(m_exchangeFailure);
    } else {
        m_exchangeStatus->setText(tr("Exchange: %1 (%2)").arg(where, state));
        m_exchangeStatus->setToolTip({});
    }
    m_identityStatus->setText(tr("Identity: %1 of %2").arg(session->user(), session->participant()));
}

void MainWindow::showWorkspace(Workspace workspace)
{
    m_navigation->setCurrentRow(int(workspace));
}

void MainWindow::showChargeback()
{
    showWorkspace(Workspace::Buy);
    m_buy->showChargeback();
}

MainWindow::Workspace MainWindow::currentWorkspace() const
{
    return Workspace(m_stack->currentIndex());
}

QWidget *MainWindow::workspaceWidget(Workspace workspace) const
{
    return m_stack->widget(int(workspace));
}

QString MainWindow::workspaceKey(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Market:
        return QStringLiteral("market");
    case Workspace::Buy:
        return QStringLiteral("buy");
    case Workspace::Sell:
        return QStringLiteral("sell");
    case Workspace::Users:
        return QStringLiteral("users");
    }
    return {};
}

void MainWindow::showBuyStrategy()
{
    showWorkspace(Workspace::Buy);
    m_buy->showStrategy();
}

void MainWindow::showBuySlaProfiles()
{
    showWorkspace(Workspace::Buy);
    m_buy->showSlaProfiles();
}

std::optional<MainWindow::Workspace> MainWindow::workspaceFromKey(const QString &key)
{
    for (Workspace w : {Workspace::Market, Workspace::Buy, Workspace::Sell, Workspace::Users}) {
        if (workspaceKey(w) == key)
            return w;
    }
    return std::nullopt;
}

QSize MainWindow::defaultSize()
{
    return {kDefaultWidth, kDefaultHeight};
}

void MainWindow::setTheme(Theme theme)
{
    ThemeManager::apply(theme);
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(action->data().toString() == ThemeManager::key(theme));
    if (m_context.settings)
        m_context.settings->setValue(kThemeKey, ThemeManager::key(theme));
}

void MainWindow::restoreState()
{
    resize(defaultSize());
    Workspace workspace = Workspace::Market;
    Theme theme = ThemeManager::current();
    if (QSettings *s = m_context.settings) {
        restoreGeometry(s->value(kGeometryKey).toByteArray());
        QMainWindow::restoreState(s->value(kStateKey).toByteArray());
        workspace = workspaceFromKey(s->value(kWorkspaceKey).toString()).value_or(Workspace::Market);
        theme = ThemeManager::fromKey(s->value(kThemeKey).toString());
    }
    setTheme(theme);
    showWorkspace(workspace);
}

void MainWindow::saveState() const
{
    if (QSettings *s = m_context.settings) {
        s->setValue(kGeometryKey, saveGeometry());
        s->setValue(kStateKey, QMainWindow::saveState());
        s->setValue(kWorkspaceKey, workspaceKey(currentWorkspace()));
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About CloudEx"),
                       tr("<h3>CloudEx %1</h3>"
                          "<p>The desk for trading IaaS capacity like electricity and running the VMs "
                          "it buys.</p><p>Data directory: %2</p>")
                           .arg(QStringLiteral(CLOUDEX_VERSION), m_context.dataDir.toHtmlEscaped()));
}

} // namespace cloudex::ui
