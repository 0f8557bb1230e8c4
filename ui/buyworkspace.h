#pragma once

#include "workspacepage.h"

class QStackedWidget;
class QTableView;
class QTableWidget;

namespace cloudex::desk {
class MarketSession;
}
namespace cloudex::models {
class ContractModel;
}

namespace cloudex::ui {

/// Buyers' screen: the SLA classes a buyer composes from and the contracts it holds at
/// sellers, live from the exchange session.
class BuyWorkspace final : public WorkspacePage
{
    Q_OBJECT

public:
    /// `session` may be null: then no exchange is connected and the workspace says so.
    explicit BuyWorkspace(desk::MarketSession *session, QWidget *parent = nullptr);

private:
    void showContracts();

    desk::MarketSession *m_session;
    QTableWidget *m_slaTable;
    models::ContractModel *m_contractModel;
    QStackedWidget *m_contractStack;
    QTableView *m_contractTable;
};

} // namespace cloudex::ui
