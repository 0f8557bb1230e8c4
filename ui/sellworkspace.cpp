#include "sellworkspace.h"

#include "catalogue/catalogue.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cloudex::ui {

using namespace cloudex::catalogue;

namespace {
constexpr int kMiBPerGiB = 1024;
}

SellWorkspace::SellWorkspace(const Catalogue &catalogue, QWidget *parent)
    : WorkspacePage(tr("Sell"), tr("Offer your data centre's capacity and run buyers' VMs under contract."),
                    parent)
    , m_classTable(new QTableWidget(this))
{
    setObjectName(QStringLiteral("sellWorkspace"));

    contentLayout()->addWidget(createSectionLabel(tr("Hypervisor connections"), this));
    auto empty = createEmptyState(tr("No hypervisor connected"),
                                  tr("Hosts connect through libvirt: a single host, a set of hosts behind one "
                                     "front, or a provisioning workflow. Their capacity, VMs and templates "
                                     "appear here."),
                                  this);
    empty->setObjectName(QStringLiteral("hypervisorEmptyState"));
    contentLayout()->addWidget(empty, 1);

    contentLayout()->addSpacing(8);
    contentLayout()->addWidget(createSectionLabel(tr("Instance classes a site can offer"), this));
    m_classTable->setObjectName(QStringLiteral("instanceClassTable"));
    m_classTable->setColumnCount(4);
    m_classTable->setHorizontalHeaderLabels({tr("Class"), tr("vCPU"), tr("Memory (GiB)"), tr("Disk (GiB)")});
    m_classTable->verticalHeader()->hide();
    m_classTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_classTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_classTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    const QList<InstanceClass> &classes = catalogue.instanceClasses();
    m_classTable->setRowCount(int(classes.size()));
    for (int row = 0; row < classes.size(); ++row) {
        const InstanceClass &c = classes.at(row);
        const QString cells[] = {c.code, QString::number(c.vcpus), QString::number(c.memoryMiB / kMiBPerGiB),
                                 QString::number(c.diskGiB)};
        for (int column = 0; column < 4; ++column) {
            auto item = new QTableWidgetItem(cells[column]);
            if (column > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_classTable->setItem(row, column, item);
        }
    }
    contentLayout()->addWidget(m_classTable, 1);
}

} // namespace cloudex::ui
