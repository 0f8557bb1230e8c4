#pragma once

#include "workspacepage.h"

class QTableWidget;

namespace cloudex::catalogue {
class Catalogue;
}

namespace cloudex::ui {

/// Sellers' screen: hypervisor connections and the instance classes a site can offer.
class SellWorkspace final : public WorkspacePage
{
    Q_OBJECT

public:
    explicit SellWorkspace(const catalogue::Catalogue &catalogue, QWidget *parent = nullptr);

private:
    QTableWidget *m_classTable;
};

} // namespace cloudex::ui
