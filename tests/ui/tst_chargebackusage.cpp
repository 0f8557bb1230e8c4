// "Usage from the sites" (issue #14) through the real path, end to end: an embedded exchange
// (real CA, real trades), a seller's site as cloudex-connect runs it (connect::DemoSites: a
// ConnectAgent on libvirt's test driver, the connect API over mutual TLS with a site identity
// from the exchange's CA, an ExchangeLink following the seller's contracts) on an injected
// clock, and the desk (MarketSession with its wallet, the Buy workspace's site fleet) buying
// the seller's next hour and defining two VMs at the site (desk::DemoBuyer, the desk's own
// calls). The site's clock is set to the window's start, the VMs run, the clock moves on
// 45 minutes, and the Chargeback tab's "Collect usage" reads the contract's usage from the
// site: the statement lines have the hand-computed hours and amounts.
#include "../support/embeddedexchange.h"
#include "buyworkspace.h"
#include "catalogue/catalogue.h"
#include "chargebackpage.h"
#include "connect/demosites.h"
#include "core/clock.h"
#include "desk/contractwallet.h"
#include "desk/demobuyer.h"
#include "desk/exchangeclient.h"
#include "desk/marketsession.h"
#include "desk/sitefleet.h"
#include "panemodel.h"

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex;
using namespace cloudex::manage;
using namespace Qt::StringLiterals;
using models::PaneModel;

namespace {
const QString kProduct = u"DE.GP1.SH.S1"_s;
const QString kSeller = u"p-seller"_s;
const QString kSite = u"s-one"_s;
constexpr int kTimeoutMs = 90000;
constexpr qint64 kAskTicks = 1500;  ///< the seller's ask: the contract's price per instance-hour
constexpr qint64 kRanSeconds = 2700; ///< 45 minutes of the window
} // namespace

class TestChargebackUsage final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_siteClock;
    exchange::EmbeddedExchange m_exchange;
    connect::DemoSites m_sites;
    desk::MarketSession m_session;
    std::unique_ptr<desk::ExchangeClient> m_seller;
    std::unique_ptr<ui::BuyWorkspace> m_workspace;
    ui::ChargebackPage *m_page = nullptr;
    std::unique_ptr<desk::DemoBuyer> m_buyer;
    api::Contract m_contract;

    bool settled() const
    {
        return QTest::qWaitFor([this] { return !m_page->isComputing(); }, 20000);
    }

    int runningVms() const
    {
        PaneModel *pane = m_workspace->paneModel();
        int n = 0;
        for (int row = 0; row < pane->rowCount(); ++row)
            n += pane->index(row, PaneModel::State).data().toString() == u"running"_s ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_siteClock.setNowMs(QDateTime::currentMSecsSinceEpoch());
        exchange::EmbeddedExchange::Options options;
        options.dataDirectory = m_dir.filePath(u"exchange"_s);
        options.products = {catalogue::Catalogue::standard().parseProduct(kProduct).value()};
        options.horizon = {3, 0, 0, 0, 0};
        QVERIFY(testsupport::startEmbedded(m_exchange, options).ok());

        // The seller, its site identity from the exchange's CA, and its site on the test clock.
        auto sellerTls = testsupport::onboard(m_exchange, kSeller);
        QVERIFY(sellerTls.ok());
        m_seller = std::make_unique<desk::ExchangeClient>(m_exchange.baseUrl(), sellerTls.value());
        std::optional<Result<QSslConfiguration>> siteTls;
        connect(&m_exchange, &exchange::EmbeddedExchange::siteIdentityIssued, this,
                [&](const QString &siteId, const Result<QSslConfiguration> &identity) {
                    if (siteId == kSite)
                        siteTls = identity;
                });
        m_exchange.issueSiteIdentity(kSeller, kSite);
        QVERIFY(QTest::qWaitFor([&] { return siteTls.has_value(); }, kTimeoutMs));
        QVERIFY(siteTls->ok());
        QSignalSpy registered(&m_sites, &connect::DemoSites::siteRegistered);
        QSignalSpy failed(&m_sites, &connect::DemoSites::siteFailed);
        connect::DemoSites::Options sites;
        sites.dataDir = m_dir.filePath(u"sites"_s);
        sites.exchange = m_exchange.baseUrl();
        sites.products = {kProduct};
        sites.sites = {{kSeller, kSite, siteTls->value()}};
        sites.hostsPerSite = 2;
        sites.clock = &m_siteClock;
        m_sites.start(sites);
        QVERIFY(QTest::qWaitFor([&] { return registered.count() > 0 || failed.count() > 0; }, kTimeoutMs));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.constFirst().at(1).toString()));

        // The desk: the session with its wallet, the Buy workspace's fleet, the Chargeback tab.
        m_session.setBatchIntervalMs(20);
        m_session.setWalletDirectory(m_dir.filePath(u"wallet"_s));
        m_workspace = std::make_unique<ui::BuyWorkspace>(&m_session);
        m_workspace->fleet()->setWaitSeconds(2);
        m_workspace->fleet()->setRetryMs(300);
        m_page = new ui::ChargebackPage(&m_session, m_workspace->fleet(), m_dir.path(), m_workspace.get());
        m_workspace->setChargebackPage(m_page);
        m_session.open(m_exchange.baseUrl(), m_exchange.clientTls());
        QTRY_COMPARE_WITH_TIMEOUT(m_session.state(), desk::MarketSession::State::Connected, 20000);
    }

    void theDeskBuysAndRunsTwoVmsAtTheSite()
    {
        // The seller asks for the next hour; the desk buys it and defines web-1 and web-2.
        auto *instruments = m_seller->instruments();
        QVERIFY(instruments->isFinished() || QSignalSpy(instruments, &Job::finished).wait(kTimeoutMs));
        QVERIFY(instruments->ok());
        std::optional<api::Instrument> next;
        for (const api::Instrument &i : instruments->value()) {
            if (i.symbol.startsWith(kProduct) && i.deliveryStart > QDateTime::currentSecsSinceEpoch() &&
                (!next || i.deliveryStart < next->deliveryStart))
                next = i;
        }
        instruments->deleteLater();
        QVERIFY(next);
        api::OrderRequest ask;
        ask.symbol = next->symbol;
        ask.side = api::Side::Sell;
        ask.type = api::OrderType::Limit;
        ask.timeInForce = api::TimeInForce::GoodTillCancel;
        ask.price = kAskTicks;
        ask.quantity = 2;
        auto *sold = m_seller->submit(ask);
        QVERIFY(sold->isFinished() || QSignalSpy(sold, &Job::finished).wait(kTimeoutMs));
        QVERIFY2(sold->ok(), qPrintable(sold->errorString()));

        m_buyer = std::make_unique<desk::DemoBuyer>(m_session);
        QSignalSpy deployed(m_buyer.get(), &desk::DemoBuyer::deployed);
        QSignalSpy buyFailed(m_buyer.get(), &desk::DemoBuyer::failed);
        desk::DemoBuyer::Options buy;
        buy.product = kProduct;
        buy.sellers = {kSeller};
        buy.quantity = 2;
        buy.retryMs = 300;
        m_buyer->start(buy);
        QVERIFY(QTest::qWaitFor([&] { return deployed.count() > 0 || buyFailed.count() > 0; }, kTimeoutMs));
        QVERIFY2(buyFailed.isEmpty(), buyFailed.isEmpty() ? "" : qPrintable(buyFailed.constFirst().at(0).toString()));
        for (const api::Contract &c : m_session.contracts()) {
            if (c.id == m_buyer->contractId())
                m_contract = c;
        }
        QCOMPARE(m_contract.id, m_buyer->contractId());
        QCOMPARE(m_contract.price, kAskTicks);
        QCOMPARE(m_contract.deliveryEnd - m_contract.deliveryStart, qint64(3600));

        // The window opens on the site's clock: the site starts the scheduled VMs.
        m_siteClock.setNowMs(m_contract.deliveryStart * 1000);
        QTRY_COMPARE_WITH_TIMEOUT(runningVms(), 2, kTimeoutMs);
        // 45 minutes later on the same clock, still within the window.
        m_siteClock.advanceMs(kRanSeconds * 1000);
    }

    void collectedUsageGivesTheHandComputedStatement()
    {
        QVERIFY(!m_contract.id.isEmpty());
        // acme pays 0.25 EUR an instance-hour for the contract; web-2 is charged to beta at
        // cost plus 10 %.
        ChargebackStore &store = m_page->store();
        QVERIFY(store.saveCustomer(
            Customer{u"acme"_s, u"ACME"_s, PricePlan{PlanKind::Fixed, 2500, 0, 0, 0}}));
        QVERIFY(store.saveCustomer(Customer{u"beta"_s, u"Beta"_s, PricePlan{PlanKind::CostPlus, 0, 1000, 0, 0}}));
        QVERIFY(store.assignContract(m_contract.id, u"acme"_s));
        QVERIFY(store.assignVm(m_contract.id, u"web-2"_s, u"beta"_s));
        m_page->setMonth(Month::containing(m_contract.deliveryStart));
        QVERIFY(settled());
        QVERIFY(m_page->store().usage(m_contract.deliveryStart, m_contract.deliveryEnd)->isEmpty());

        // "Collect usage": the site's GET /v1/usage with the contract certificate, then the spot.
        auto *collect = m_page->findChild<QPushButton *>(u"chargebackCollect"_s);
        QVERIFY(collect && collect->isEnabled());
        QTest::mouseClick(collect, Qt::LeftButton);
        auto *status = m_page->findChild<QLabel *>(u"chargebackStatus"_s);
        QTRY_VERIFY_WITH_TIMEOUT(collect->isEnabled(), kTimeoutMs);
        QCOMPARE(status->text(), u"Usage collected."_s);
        QVERIFY(settled());

        // What the site measured: each VM ran 2,700 s of the window's one hour.
        const auto usage = m_page->store().usage(m_contract.deliveryStart, m_contract.deliveryEnd);
        QVERIFY(usage);
        QCOMPARE(usage->size(), 2);
        for (const VmUsage &vm : *usage) {
            QCOMPARE(vm.contract, m_contract.id);
            QCOMPARE(vm.hours, (std::vector<UsageSlot>{{m_contract.deliveryStart, kRanSeconds}}));
        }

        // By hand: acme, web-1: 2500 × 2700 / 3600 = 1875; cost 1500 × 0.75 = 1125.
        // beta, web-2: 1500 × 1.1 = 1650 an hour, × 0.75 = 1237.5 → 1238 (half away from zero).
        const auto &statements = m_page->result().statements;
        QCOMPARE(statements.size(), 2);
        const Statement &acme = statements.at(0);
        QCOMPARE(acme.customerId, u"acme"_s);
        QCOMPARE(acme.lines.size(), 1);
        QCOMPARE(acme.lines.at(0).vm, u"web-1"_s);
        QCOMPARE(acme.lines.at(0).instanceSeconds, kRanSeconds);
        QCOMPARE(acme.lines.at(0).centiHours(), qint64(75));
        QCOMPARE(acme.lines.at(0).rate, qint64(2500));
        QCOMPARE(acme.lines.at(0).amount, qint64(1875));
        QCOMPARE(acme.lines.at(0).cost, qint64(1125));
        QCOMPARE(acme.amount, qint64(1875));
        const Statement &beta = statements.at(1);
        QCOMPARE(beta.customerId, u"beta"_s);
        QCOMPARE(beta.lines.size(), 1);
        QCOMPARE(beta.lines.at(0).vm, u"web-2"_s);
        QCOMPARE(beta.lines.at(0).instanceSeconds, kRanSeconds);
        QCOMPARE(beta.lines.at(0).rate, qint64(1650));
        QCOMPARE(beta.lines.at(0).amount, qint64(1238));
        QCOMPARE(beta.lines.at(0).cost, qint64(1125));
        QCOMPARE(beta.margin(), qint64(113));
        QVERIFY(m_page->result().unassigned.isEmpty());
        QVERIFY(m_page->result().unknownContracts.isEmpty());
    }

    void cleanupTestCase()
    {
        // As the app does: the buyer and the desk before the sites, the sites before the exchange.
        m_buyer.reset();
        m_workspace.reset();
        m_session.close();
        m_sites.stop();
        m_exchange.stop();
    }
};

QTEST_MAIN(TestChargebackUsage)
#include "tst_chargebackusage.moc"
