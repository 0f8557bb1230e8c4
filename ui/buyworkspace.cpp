#include "buyworkspace.h"

#include "catalogue/product.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cloudex::ui {

using namespace cloudex::catalogue;

BuyWorkspace::BuyWorkspace(QWidget *parent)
    : WorkspacePage(tr("Buy"), tr("Compose SLAs, plan sourcing and hold contracts with sellers."), parent)
    , m_slaTable(new QTableWidget(this))
{
    setObjectName(QStringLiteral("buyWorkspace"));
    setNotice(tr("No exchange is connected, so there is nothing to buy from yet. The SLA classes below are "
                 "what every seller that lists a product commits to."));

    contentLayout()->addWidget(createSectionLabel(tr("SLA classes"), this));
    m_slaTable->setObjectName(QStringLiteral("slaClassTable"));
    m_slaTable->setColumnCount(4);
    m_slaTable->setHorizontalHeaderLabels(
        {tr("Class"), tr("Monthly availability"), tr("Support response"), tr("Service credits")});
    m_slaTable->verticalHeader()->hide();
    m_slaTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_slaTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_slaTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_slaTable->horizontalHeader()->setStretchLastSection(true);
    const QList<SlaClass> classes = allSlaClasses();
    m_slaTable->setRowCount(int(classes.size()));
    for (int row = 0; row < classes.size(); ++row) {
        const SlaTerms &terms = slaTerms(classes.at(row));
        QStringList credits;
        for (const ServiceCredit &step : terms.credits)
            credits.append(tr("<%1: %2 %").arg(basisPointsText(step.belowBasisPoints)).arg(step.creditPercent));
        const QString cells[] = {slaClassCode(terms.slaClass), terms.availabilityText(),
                                 terms.supportResponseText(), credits.join(QStringLiteral(", "))};
        for (int column = 0; column < 4; ++column)
            m_slaTable->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    m_slaTable->setMaximumHeight(m_slaTable->verticalHeader()->length()
                                 + m_slaTable->horizontalHeader()->height() + 2 * m_slaTable->frameWidth());
    contentLayout()->addWidget(m_slaTable);

    contentLayout()->addSpacing(8);
    contentLayout()->addWidget(createSectionLabel(tr("Contracts"), this));
    auto empty = createEmptyState(tr("No contracts"),
                                  tr("A contract appears here when one of your orders trades. It names the "
                                     "seller, the volume in instances and the delivery window, and carries the "
                                     "connection certificate that admits you at the seller."),
                                  this);
    empty->setObjectName(QStringLiteral("contractsEmptyState"));
    contentLayout()->addWidget(empty, 1);
}

} // namespace cloudex::ui
