#pragma once

#include "panemodel.h"
#include "workspacepage.h"

#include <QList>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTimer;
class QToolButton;

namespace cloudex::desk {
class ContractWallet;
class MarketSession;
class SiteFleet;
class SiteOperation;
} // namespace cloudex::desk
namespace cloudex::models {
class BoughtContractModel;
}

namespace cloudex::ui {

class ChargebackPage;
class StrategyPage;
class SlaComposer;

/// The buyer's screen: the contracts bought, with an inspector of a contract's frozen terms,
/// and the single pane over every VM under every contract at every seller (and the own
/// site's VMs when the participant also sells), where VMs are deployed and operated.
///
/// The contracts come from the exchange session; their certificates from its wallet; the
/// VMs from one long poll per contract at its site (desk::SiteFleet), applied to the pane in
/// batches every kBatchMs, so a change at a site shows within its poll's answer time.
class BuyWorkspace final : public WorkspacePage
{
    Q_OBJECT

public:
    static constexpr int kBatchMs = 100;
    enum class Action { Start, Stop, Reboot, Delete };

    /// `session` may be null: then no exchange is connected and the workspace says so.
    explicit BuyWorkspace(desk::MarketSession *session, QWidget *parent = nullptr);
    ~BuyWorkspace() override;

    /// The participant's own site's VMs (when it also sells), shown beside the bought ones.
    void setLocalVms(const QString &site, const QList<models::PaneVm> &vms);
    models::PaneModel *paneModel() const { return m_pane; }
    models::BoughtContractModel *contractModel() const { return m_contracts; }
    desk::SiteFleet *fleet() const { return m_fleet; }
    /// The sourcing strategy canvas, the workspace's second tab.
    StrategyPage *strategyPage() const { return m_strategy; }
    void showStrategy();
    void showSlaProfiles();

    /// Asks what to deploy on a contract and creates the VMs at its site.
    void deploy(const QString &contractId);
    /// Runs an action on a VM of a contract (destructive ones ask first).
    void act(const QString &contractId, const QString &vm, Action action);

    /// Adds the Chargeback tab beside the resources (the page needs the data directory,
    /// which the main window knows); its "Charge to" entries join the pane's VM menu.
    void setChargebackPage(ChargebackPage *page);
    ChargebackPage *chargebackPage() const { return m_chargeback; }
    void showChargeback();
    /// Where SLA profiles are kept, and which profile each order was placed under (the
    /// contract inspector sets a contract's terms against that profile).
    void setDataDirectory(const QString &dataDir);
    SlaComposer *slaComposer() const { return m_composer; }
    /// The tabs: the contracts and the single pane; the SLA composer.
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    /// An SLA profile was saved or deleted in the composer.
    void profilesChanged();

private:
    void showContracts();
    void attachWallet();
    void updateCertificate(const QString &contractId);
    void fetchSettlements();
    void showInspector();
    void updateSummary();
    void updateActions();
    void tick();
    /// The line under the pane's tool bar: what runs at a site and how it ended.
    void setStatus(const QString &text);
    void queue(std::function<void()> change);
    void flush();
    void countVms(const QString &contractId);
    void showPaneMenu(const QPoint &position);
    QToolButton *createFacetButton(models::PaneModel::Facet facet, const QString &text, const QString &name);
    void updateFacetButton(QToolButton *button, models::PaneModel::Facet facet, const QString &text);
    /// The contract the deploy button acts on: the selected contract, else the pane row's.
    QString currentContract() const;
    void follow(desk::SiteOperation *operation, const QString &doneText);
    void followDeployment();
    /// Whether this identity may deploy (permission `deploy`), and the reason shown when not.
    bool mayDeploy() const;
    QString deployRefusal() const;

    desk::MarketSession *m_session;
    desk::SiteFleet *m_fleet;
    QPointer<desk::ContractWallet> m_wallet;
    models::BoughtContractModel *m_contracts;
    models::PaneModel *m_pane;
    QStackedWidget *m_contractStack;
    QTableView *m_contractTable;
    QTextBrowser *m_inspector;
    QLineEdit *m_filter;
    QToolButton *m_facetButtons[models::PaneModel::FacetCount] = {};
    QComboBox *m_grouping;
    QPushButton *m_deployButton;
    QLabel *m_deployReason = nullptr;
    QProgressBar *m_deployProgress;
    QPushButton *m_deployCancel;
    QLabel *m_summary;
    QLabel *m_status;
    QStackedWidget *m_paneStack;
    QTableView *m_paneTable;
    QTimer *m_batch;
    QTimer *m_clock;
    QTimer *m_settlementTimer;
    QTabWidget *m_tabs = nullptr;
    StrategyPage *m_strategy = nullptr;
    SlaComposer *m_composer = nullptr;
    QList<std::function<void()>> m_pending;
    QString m_dataDir;
    QList<QPointer<desk::SiteOperation>> m_deployment;
    QStringList m_deployFailures;
    QString m_deployContract;
    ChargebackPage *m_chargeback = nullptr;
};

} // namespace cloudex::ui
