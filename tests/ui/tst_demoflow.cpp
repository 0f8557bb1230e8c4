// --demo-market's whole chain in one process, as the desktop app wires it (app::DemoWorld):
// the embedded exchange, simulated traders, one simulated site per trader (real connect
// agents on libvirt's test driver, the connect API over mutual TLS with site identities from
// the embedded CA) and the local participant buying from a demo seller and defining VMs at
// its site. Asserted where a user sees it: the Buy workspace's contract and pane models.
// A second start on the same data directory buys nothing more and finds the VMs again.
#include "../support/embeddedexchange.h"
#include "boughtcontractmodel.h"
#include "buyworkspace.h"
#include "catalogue/catalogue.h"
#include "demoworld.h"
#include "desk/contractwallet.h"
#include "desk/marketsession.h"
#include "desk/sitefleet.h"
#include "panemodel.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex;
using namespace Qt::StringLiterals;
using models::BoughtContractModel;
using models::PaneModel;

namespace {
const QString kProduct = u"DE.GP1.SH.S1"_s;
constexpr int kDemoTimeoutMs = 90000;

struct Desk
{
    exchange::EmbeddedExchange exchange;
    desk::MarketSession session;
    std::unique_ptr<ui::BuyWorkspace> workspace;
    std::unique_ptr<app::DemoWorld> demo;
    QStringList problems;

    Result<void> start(const QString &dataDir)
    {
        exchange::EmbeddedExchange::Options options;
        options.dataDirectory = dataDir;
        options.products = {catalogue::Catalogue::standard().parseProduct(kProduct).value()};
        options.horizon = {3, 0, 0, 0, 0};
        if (auto started = testsupport::startEmbedded(exchange, options); !started)
            return started;
        session.setBatchIntervalMs(20);
        session.setWalletDirectory(dataDir + u"/wallet"_s);
        workspace = std::make_unique<ui::BuyWorkspace>(&session);
        workspace->fleet()->setWaitSeconds(2);
        workspace->fleet()->setRetryMs(300);
        session.open(exchange.baseUrl(), exchange.clientTls());
        demo = std::make_unique<app::DemoWorld>(exchange, session);
        QObject::connect(demo.get(), &app::DemoWorld::problem, demo.get(),
                         [this](const QString &message) { problems.append(message); });
        app::DemoWorld::Options demoOptions;
        demoOptions.dataDir = dataDir;
        demoOptions.product = kProduct;
        demo->start(demoOptions);
        return {};
    }

    ~Desk()
    {
        // As the app does: the demo, the workspace and the session go before the exchange.
        demo.reset();
        workspace.reset();
        session.close();
        exchange.stop();
    }
};

int ownContracts(const desk::MarketSession &session)
{
    int n = 0;
    for (const api::Contract &c : session.contracts())
        n += c.buyer == session.participant() ? 1 : 0;
    return n;
}
} // namespace

class TestDemoFlow final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_contract;
    QString m_site;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aNewUserSeesAContractAndItsScheduledVms()
    {
        Desk desk;
        QVERIFY(desk.start(m_dir.path()).ok());
        QTRY_VERIFY_WITH_TIMEOUT(desk.demo->isBuyerSettled(), kDemoTimeoutMs);
        QVERIFY2(desk.problems.isEmpty(), qPrintable(desk.problems.join(u"; "_s)));
        QCOMPARE(desk.demo->sites().registeredSites().size(), 4);
        m_contract = desk.demo->buyer().contractId();
        QVERIFY(m_contract.startsWith(u"c-"_s));

        // The contract: the local participant's, from a demo seller, served by the seller's site.
        BoughtContractModel *contracts = desk.workspace->contractModel();
        QTRY_COMPARE_WITH_TIMEOUT(contracts->rowCount(), 1, 10000);
        const api::Contract *bought = contracts->contractAt(0);
        QVERIFY(bought);
        QCOMPARE(bought->id, m_contract);
        QCOMPARE(bought->buyer, desk.session.participant());
        QVERIFY(bought->seller.startsWith(u"p-demo-"_s));
        QCOMPARE(bought->product, kProduct);
        QVERIFY(bought->site.has_value());
        QCOMPARE(bought->site->id, app::DemoWorld::siteIdOf(bought->seller));
        m_site = bought->site->id;
        // The next hour: the window has not opened yet.
        QVERIFY(bought->deliveryStart > QDateTime::currentSecsSinceEpoch());
        QVERIFY(bought->deliveryStart - QDateTime::currentSecsSinceEpoch() <= 2 * 3600);

        // The VMs: in the single pane, scheduled for the window's start.
        PaneModel *pane = desk.workspace->paneModel();
        QTRY_COMPARE_WITH_TIMEOUT(pane->vmCount(), qsizetype(2), 15000);
        const QString starts =
            u"starts "_s + QDateTime::fromSecsSinceEpoch(bought->deliveryStart, Qt::UTC).toString(u"HH:mm");
        QStringList names;
        for (int row = 0; row < pane->rowCount(); ++row) {
            names.append(pane->index(row, PaneModel::Name).data().toString());
            QCOMPARE(pane->index(row, PaneModel::State).data().toString(), u"scheduled"_s);
            QCOMPARE(pane->index(row, PaneModel::RunningSince).data().toString(), starts);
            QCOMPARE(pane->index(row, PaneModel::Contract).data().toString(), m_contract);
            QCOMPARE(pane->index(row, PaneModel::Site).data().toString(), m_site);
        }
        names.sort();
        QCOMPARE(names, QStringList({u"web-1"_s, u"web-2"_s}));
        // The site keeps its port for the next start.
        QVERIFY(QFile::exists(m_dir.filePath(u"demo-sites/"_s + m_site + u"/port"_s)));
    }

    void aRestartBuysNothingMoreAndFindsTheVmsAgain()
    {
        QVERIFY(!m_contract.isEmpty());
        Desk desk;
        QVERIFY(desk.start(m_dir.path()).ok());
        QTRY_VERIFY_WITH_TIMEOUT(desk.demo->isBuyerSettled(), kDemoTimeoutMs);
        QVERIFY2(desk.problems.isEmpty(), qPrintable(desk.problems.join(u"; "_s)));
        QCOMPARE(desk.demo->buyer().contractId(), m_contract);
        QCOMPARE(ownContracts(desk.session), 1);
        QTRY_COMPARE_WITH_TIMEOUT(desk.workspace->paneModel()->vmCount(), qsizetype(2), 15000);
        QCOMPARE(desk.workspace->paneModel()->index(0, PaneModel::Site).data().toString(), m_site);
    }
};

QTEST_MAIN(TestDemoFlow)
#include "tst_demoflow.moc"
