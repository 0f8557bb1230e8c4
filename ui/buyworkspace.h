#pragma once

#include "workspacepage.h"

class QTableWidget;

namespace cloudex::ui {

/// Buyers' screen: the SLA classes a buyer composes from and the contracts it holds.
class BuyWorkspace final : public WorkspacePage
{
    Q_OBJECT

public:
    explicit BuyWorkspace(QWidget *parent = nullptr);

private:
    QTableWidget *m_slaTable;
};

} // namespace cloudex::ui
