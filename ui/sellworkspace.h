#pragma once

#include "workspacepage.h"

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace cloudex::catalogue {
class Catalogue;
}

namespace cloudex::connect {
class EmbeddedAgent;
class ConnectJob;
struct ProvisionRequest;
} // namespace cloudex::connect

namespace cloudex::models {
class HostModel;
class VmModel;
} // namespace cloudex::models

namespace cloudex::ui {

class OfferLoadChart;

/// The seller's desk over the connect agent: hypervisor connections with live status, hosts
/// with capacity and utilisation, a filterable VM table with actions and job progress, the
/// host-group and tenant-separation editor, tenants, templates and the site's offers. The
/// agent runs on its own thread (connect::EmbeddedAgent): what is shown comes from the
/// agent's state copies, every operation and record change is a job whose end is awaited
/// by signal; nothing here talks to libvirt or SQLite or waits for the agent.
class SellWorkspace final : public WorkspacePage
{
    Q_OBJECT

public:
    /// `agent` may be null: the workspace then explains that no agent runs.
    SellWorkspace(const catalogue::Catalogue &catalogue, connect::EmbeddedAgent *agent,
                  QWidget *parent = nullptr);

    /// Shows a job's progress and, if it fails, its error. Jobs the agent starts later are
    /// watched automatically; this is for jobs started before the workspace existed.
    void watch(connect::ConnectJob *job);

private:
    QWidget *createConnectionsPanel();
    QWidget *createHostsTab();
    QWidget *createVmTab();
    QWidget *createSeparationTab();
    QWidget *createTemplatesTab();
    QWidget *createOffersTab();

    void refresh();
    void refreshInventory();
    void refreshConnections();
    void refreshSeparation();
    void refreshOffers();
    void refreshTrading();
    void showOfferLoads();
    void updateActions();
    /// Shows where a provision with the current choices would go, or why it is refused.
    void updatePlan();
    connect::ProvisionRequest provisionRequest() const;
    void showError(const QString &message);
    QString selectedVm() const;

    void addConnection();
    void removeConnection();
    void removeSelectedVm();
    void provision();
    void saveHostGroup();
    void removeHostGroup();
    void addTenant();
    void removeTenant();
    /// Shows a record change's refusal, or on success clears the notice and calls `done`.
    void onRecordChange(connect::ConnectJob *job, std::function<void()> done = {});
    void saveOffer();

    const catalogue::Catalogue &m_catalogue;
    connect::EmbeddedAgent *m_agent;
    models::HostModel *m_hostModel;
    models::VmModel *m_vmModel;

    QListWidget *m_connectionList = nullptr;
    QLineEdit *m_connectionUri = nullptr;
    QPushButton *m_removeConnection = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_hostTable = nullptr;
    QLabel *m_capacitySummary = nullptr;

    QLineEdit *m_vmFilter = nullptr;
    QComboBox *m_vmTenantFilter = nullptr;
    QTableView *m_vmTable = nullptr;
    QList<QPushButton *> m_vmActions;
    QComboBox *m_migrateTarget = nullptr;
    QLineEdit *m_cloneName = nullptr;
    QLineEdit *m_provisionName = nullptr;
    QComboBox *m_provisionTenant = nullptr;
    QComboBox *m_provisionTenancy = nullptr;
    QComboBox *m_provisionTemplate = nullptr;
    QComboBox *m_provisionSize = nullptr;
    QLabel *m_provisionPlan = nullptr;
    QProgressBar *m_jobProgress = nullptr;
    QLabel *m_jobStatus = nullptr;
    QPushButton *m_cancelJob = nullptr;
    connect::ConnectJob *m_currentJob = nullptr;

    QTableWidget *m_groupTable = nullptr;
    QLineEdit *m_groupName = nullptr;
    QComboBox *m_groupTenancy = nullptr;
    QListWidget *m_groupHosts = nullptr;
    QListWidget *m_groupTenants = nullptr;
    QTableWidget *m_tenantTable = nullptr;
    QLineEdit *m_tenantId = nullptr;
    QLineEdit *m_tenantName = nullptr;
    QPushButton *m_removeTenant = nullptr;
    /// What the choosers were last filled with: refilled only when it changes, so that a
    /// seller's checks survive inventory passes.
    QStringList m_chooserHosts;
    QStringList m_chooserTenants{QStringLiteral("\n")}; ///< never a real list: the first fill happens
    /// What each section shows, so that it is rebuilt only when that changes.
    QStringList m_shownConnections;
    QStringList m_shownHosts;
    QStringList m_shownTemplates;
    QStringList m_shownPools;
    QStringList m_shownGroups;
    QStringList m_shownTenants;
    QStringList m_shownOffers;
    QStringList m_shownTrading;
    bool m_refreshPending = false;

    QTableWidget *m_templateTable = nullptr;
    QTableWidget *m_poolTable = nullptr;

    QTableWidget *m_offerTable = nullptr;
    QComboBox *m_offerProduct = nullptr;
    QSpinBox *m_offerReserved = nullptr;
    QLineEdit *m_offerPeriods = nullptr;
    QComboBox *m_offerPriceMode = nullptr;
    QLineEdit *m_offerPrice = nullptr;
    QSpinBox *m_offerMarkup = nullptr;
    QLineEdit *m_offerFloor = nullptr;
    QLineEdit *m_offerCap = nullptr;
    QLabel *m_tradingStatus = nullptr;
    QTableWidget *m_askTable = nullptr;
    OfferLoadChart *m_loadChart = nullptr;
    QTableWidget *m_buyerTable = nullptr;
    QTableWidget *m_atRiskTable = nullptr;
};

} // namespace cloudex::ui
