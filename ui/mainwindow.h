#pragma once

#include "theme.h"

#include <QMainWindow>

#include <optional>

class QActionGroup;
class QLabel;
class QListWidget;
class QSettings;
class QStackedWidget;

namespace cloudex {
class Clock;
}

namespace cloudex::connect {
class EmbeddedAgent;
}

namespace cloudex::desk {
class MarketSession;
}

namespace cloudex::ui {

class MarketWorkspace;
class BuyWorkspace;
class SellWorkspace;
class UsersWorkspace;

/// The desk: navigation between the Market, Buy, Sell and Users workspaces, menus and a status
/// bar that tells which exchange and identity the desk works with.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum class Workspace { Market, Buy, Sell, Users };

    struct Context
    {
        QString dataDir;
        QSettings *settings = nullptr; ///< window state and preferences; not owned
        const Clock *clock = nullptr;  ///< nullptr: the system clock
        connect::EmbeddedAgent *agent =
            nullptr;                            ///< the seller's agent (own thread); not owned; nullptr: none
        desk::MarketSession *session = nullptr; ///< the exchange connection; not owned; nullptr: none
        QString exchangeLabel = {};             ///< "embedded" or the remote URL, for the status bar
        bool simulatedMarket = false;           ///< --demo-market: other participants are simulated
    };

    explicit MainWindow(const Context &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// What the status bar calls the exchange, and whether its market is simulated: known
    /// only once the embedded exchange has started on its thread, after the window opened.
    void setExchangeLabel(const QString &label);
    void setSimulatedMarket(bool simulated);
    /// The exchange stopped taking orders (its journal failed): the status bar says so and why.
    void setExchangeFailure(const QString &reason);

    void showWorkspace(Workspace workspace);
    /// The Buy workspace with its Chargeback tab.
    void showChargeback();
    /// The Buy workspace on its sourcing strategy page.
    void showBuyStrategy();
    /// The Buy workspace's SLA profiles tab.
    void showBuySlaProfiles();
    /// Applies a colour theme and remembers it (the View menu's choice, or --theme).
    void setTheme(Theme theme);
    Workspace currentWorkspace() const;
    QWidget *workspaceWidget(Workspace workspace) const;

    static QString workspaceKey(Workspace workspace); ///< market, buy, sell
    static std::optional<Workspace> workspaceFromKey(const QString &key);

    /// Default size when no geometry was saved, also the size of --screenshot renders.
    static QSize defaultSize();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createStatusBar();
    void updateExchangeStatus();
    void updateDemoStatus();
    void restoreState();
    void saveState() const;
    void showAbout();

    Context m_context;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    MarketWorkspace *m_market;
    BuyWorkspace *m_buy;
    SellWorkspace *m_sell;
    UsersWorkspace *m_users;
    QActionGroup *m_themeGroup = nullptr;
    QLabel *m_exchangeStatus = nullptr;
    QString m_exchangeFailure; ///< why the exchange stopped taking orders; empty while it takes them
    QLabel *m_identityStatus = nullptr;
    QLabel *m_demoStatus = nullptr;
};

} // namespace cloudex::ui
