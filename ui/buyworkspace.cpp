#include "buyworkspace.h"

#include "catalogue/product.h"
#include "contractmodel.h"
#include "desk/marketsession.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cloudex::ui {

using namespace cloudex::catalogue;

BuyWorkspace::BuyWorkspace(desk::MarketSession *session, QWidget *parent)
    : WorkspacePage(tr("Buy"), tr("Compose SLAs, plan sourcing and hold contracts with sellers."), parent)
    , m_session(session)
    , m_slaTable(new QTableWidget(this))
    , m_contractModel(new models::ContractModel(this))
    , m_contractStack(new QStackedWidget(this))
    , m_contractTable(new QTableView(this))
{
    setObjectName(QStringLiteral("buyWorkspace"));
    if (!session) {
        setNotice(tr("No exchange is connected, so there is nothing to buy from yet. The SLA classes below "
                     "are what every seller that lists a product commits to."));
    }

    contentLayout()->addWidget(createSectionLabel(tr("SLA classes"), this));
    m_slaTable->setObjectName(QStringLiteral("slaClassTable"));
    m_slaTable->setAccessibleName(tr("SLA classes"));
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
    m_contractTable->setObjectName(QStringLiteral("buyContractsTable"));
    m_contractTable->setAccessibleName(tr("Contracts"));
    m_contractTable->setModel(m_contractModel);
    m_contractTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_contractTable->setAlternatingRowColors(true);
    m_contractTable->setWordWrap(false);
    m_contractTable->verticalHeader()->hide();
    m_contractTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_contractTable->horizontalHeader()->setStretchLastSection(true);
    m_contractStack->addWidget(empty);
    m_contractStack->addWidget(m_contractTable);
    contentLayout()->addWidget(m_contractStack, 1);

    if (m_session)
        connect(m_session, &desk::MarketSession::contractsChanged, this, &BuyWorkspace::showContracts);
    showContracts();
}

void BuyWorkspace::showContracts()
{
    if (m_session) {
        m_contractModel->setParticipant(m_session->participant());
        m_contractModel->setContracts(m_session->contracts());
    }
    m_contractStack->setCurrentWidget(m_contractModel->rowCount() > 0 ? static_cast<QWidget *>(m_contractTable)
                                                                      : m_contractStack->widget(0));
}

} // namespace cloudex::ui
