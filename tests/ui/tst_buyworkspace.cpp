// The Buy workspace driven through its real widgets, offscreen: contracts bought from two
// sellers on an embedded exchange (real trades, real CA), each served by its own TLS site
// (tests/support/sitestub.h, with a real site certificate registered at the exchange), the
// wallet filling itself, and the single pane showing the VMs of both sites: filter, facets,
// grouping totals, deploy from a contract, and a site that stops answering marked stale.
#include "../support/accessibilitycheck.h"
#include "../support/buyerchain.h"
#include "../support/sitestub.h"
#include "boughtcontractmodel.h"
#include "buyworkspace.h"
#include "desk/contractwallet.h"
#include "desk/marketsession.h"
#include "desk/sitefleet.h"
#include "exchange/exchangeservice.h"
#include "net/apiclient.h"
#include "panemodel.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"
#include "prompts.h"
#include "translations.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslKey>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace cloudex;
using namespace Qt::StringLiterals;
using models::PaneModel;

namespace {
struct SiteIdentity
{
    QSslCertificate certificate;
    QSslKey key;
};
} // namespace

class TestBuyWorkspace final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    testsupport::BuyerChain m_chain;
    std::unique_ptr<desk::ExchangeClient> m_other; ///< p-other, the second seller
    std::unique_ptr<desk::ContractWallet> m_trust; ///< only for the stubs' root and CRL
    std::unique_ptr<testsupport::SiteStub> m_one;
    std::unique_ptr<testsupport::SiteStub> m_two;
    std::unique_ptr<desk::MarketSession> m_session;
    std::unique_ptr<ui::BuyWorkspace> m_workspace;
    api::Contract m_first;  ///< from p-seller at s-one
    api::Contract m_second; ///< from p-other at s-two
    QStringList m_questions;

    template<typename T> T *find(const char *name)
    {
        T *widget = m_workspace->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no widget %s", name);
        return widget;
    }

    PaneModel *pane() { return m_workspace->paneModel(); }

    SiteIdentity issueSite(const QString &participant, const QString &name)
    {
        auto key = pki::PrivateKey::generate();
        auto csr = pki::createCertificateRequest(key.value(), {participant, name, {u"localhost"_s}, {}});
        pki::IdentityRequest request;
        request.kind = pki::CertificateKind::Site;
        request.participant = participant;
        request.name = name;
        request.role = u"seller"_s;
        request.dnsNames = {u"localhost"_s};
        std::optional<Result<pki::IssuedCertificate>> issued;
        m_chain.exchange->post([&](exchange::ExchangeService &service) {
            issued = service.issueIdentity(csr.value(), request);
        });
        if (!QTest::qWaitFor([&] { return issued.has_value(); }, 10000) || !issued->ok())
            return SiteIdentity{QSslCertificate(), QSslKey()};
        return {QSslCertificate(issued->value().der, QSsl::Der),
                QSslKey(key->toPem().value(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey)};
    }

    /// Registers `stub` at the exchange as site `id`, with the site's own identity.
    bool registerSite(const SiteIdentity &site, const QString &id, const testsupport::SiteStub &stub)
    {
        QSslConfiguration tls = m_chain.exchange->clientTls();
        tls.setLocalCertificate(site.certificate);
        tls.setPrivateKey(site.key);
        net::ApiClient client(m_chain.exchange->baseUrl(), tls);
        const QJsonObject body{{u"name"_s, id == u"s-one" ? u"Site One"_s : u"Site Two"_s},
                               {u"endpoint"_s, stub.endpoint()},
                               {u"products"_s, QJsonArray{u"DE.GP2.SH.S1"_s}}};
        net::ApiCall *call = client.put(u"/v1/sites/"_s + id, body);
        testsupport::waitFor(call);
        if (!call->ok())
            qWarning("register %s: %s", qPrintable(id), qPrintable(call->errorString()));
        return call->ok();
    }

    /// One trade between `seller` and p-local.
    Result<api::Contract> trade(desk::ExchangeClient &seller, qint64 quantity)
    {
        api::OrderRequest order;
        order.symbol = m_chain.symbol;
        order.price = 1500;
        order.quantity = quantity;
        order.side = api::Side::Sell;
        auto *sold = testsupport::waitFor(seller.submit(order));
        if (!sold->ok())
            return sold->result().error();
        order.side = api::Side::Buy;
        order.requirements = api::Requirements{{u"DE"_s}, {}, {}};
        auto *bought = testsupport::waitFor(m_session->submit(order));
        if (!bought->ok() || bought->value().trades.isEmpty())
            return Error{u"test.no-trade"_s, bought->errorString()};
        const QString counterparty = &seller == m_other.get() ? u"p-other"_s : u"p-seller"_s;
        std::optional<api::Contract> contract;
        (void)QTest::qWaitFor(
            [&] {
                for (const api::Contract &c : m_session->contracts()) {
                    if (c.seller == counterparty && c.trade == bought->value().trades.constFirst().id &&
                        c.site.has_value())
                        contract = c;
                }
                return contract.has_value();
            },
            15000);
        if (!contract)
            return Error{u"test.no-contract"_s, u"no contract with a site arrived"_s};
        return *contract;
    }

    static api::Vm vm(const QString &name, int vcpus, qint64 runningSince = 0)
    {
        api::Vm v{name,
                  u"debian-12"_s,
                  runningSince ? api::VmState::Running : api::VmState::Stopped,
                  vcpus,
                  qint64(vcpus) * 2048,
                  40,
                  {},
                  0};
        if (runningSince)
            v.runningSince = runningSince;
        return v;
    }

    QStringList names()
    {
        QStringList out;
        for (int row = 0; row < pane()->rowCount(); ++row) {
            if (!pane()->isGroupRow(row))
                out.append(pane()->vmNameAt(row));
        }
        return out;
    }

    QAction *facetAction(const char *button, const QString &text)
    {
        QMenu *menu = find<QToolButton>(button)->menu();
        Q_EMIT menu->aboutToShow();
        for (QAction *action : menu->actions()) {
            if (text.isEmpty() ? action->objectName() == u"facetShowAll" : action->text() == text)
                return action;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(ui::Translations::install(*qApp, u"en"_s).ok());
        auto started = m_chain.start(m_dir.filePath(u"exchange"_s));
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        auto other = testsupport::onboard(*m_chain.exchange, u"p-other"_s);
        QVERIFY(other.ok());
        m_other = std::make_unique<desk::ExchangeClient>(m_chain.exchange->baseUrl(), other.value());

        // The sites' trust: the exchange root and CRL, as a wallet fetches them.
        m_trust = std::make_unique<desk::ContractWallet>(m_chain.buyer.get(), m_dir.filePath(u"trust"_s),
                                                         u"p-local"_s);
        QSignalSpy trusted(m_trust.get(), &desk::ContractWallet::trustChanged);
        m_trust->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_trust->hasTrust(), 15000);
        const SiteIdentity one = issueSite(u"p-seller"_s, u"s-one"_s);
        const SiteIdentity two = issueSite(u"p-other"_s, u"s-two"_s);
        QVERIFY(!one.certificate.isNull() && !two.certificate.isNull());
        m_one = std::make_unique<testsupport::SiteStub>(one.certificate, one.key, m_trust->rootDer(),
                                                        m_trust->verifier());
        m_two = std::make_unique<testsupport::SiteStub>(two.certificate, two.key, m_trust->rootDer(),
                                                        m_trust->verifier());
        const qint64 since = QDateTime::currentSecsSinceEpoch() - 600;
        m_one->changeVm(vm(u"web-1"_s, 2, since));
        m_one->changeVm(vm(u"db-1"_s, 4, since));
        m_two->changeVm(vm(u"batch-1"_s, 1, since));
        QVERIFY(registerSite(one, u"s-one"_s, *m_one));
        QVERIFY(registerSite(two, u"s-two"_s, *m_two));

        // The desk: a session with its wallet, the workspace on it.
        m_session = std::make_unique<desk::MarketSession>();
        m_session->setBatchIntervalMs(20);
        m_session->setWalletDirectory(m_dir.filePath(u"wallet"_s));
        m_workspace = std::make_unique<ui::BuyWorkspace>(m_session.get());
        m_workspace->fleet()->setWaitSeconds(5);
        m_workspace->fleet()->setRetryMs(300);
        m_workspace->resize(1280, 800);
        m_workspace->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
        m_session->open(m_chain.exchange->baseUrl(), m_chain.exchange->clientTls());
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), desk::MarketSession::State::Connected, 15000);

        auto first = trade(*m_chain.seller, 3);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        m_first = first.value();
        auto second = trade(*m_other, 2);
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
        m_second = second.value();
        QCOMPARE(m_first.site->id, u"s-one"_s);
        QCOMPARE(m_second.site->id, u"s-two"_s);

        ui::Prompts::setConfirmHandler([this](const QString &, const QString &text) {
            m_questions.append(text);
            return false;
        });
    }

    void cleanupTestCase()
    {
        ui::Prompts::setConfirmHandler({});
        ui::Prompts::setDeployHandler({});
        m_workspace.reset();
        m_session.reset();
    }

    void contractsListedWithTheirTermsAndCertificates()
    {
        auto table = find<QTableView>("buyContractsTable");
        QTRY_VERIFY(table->isVisible());
        QTRY_COMPARE(table->model()->rowCount(), 2);
        QVERIFY(!find<QWidget>("contractsEmptyState")->isVisible());
        QVERIFY(find<QLabel>("workspaceNotice")->isHidden());
        auto *contracts = m_workspace->contractModel();
        const int row = contracts->rowOf(m_first.id);
        QCOMPARE(contracts->index(row, models::BoughtContractModel::Seller).data().toString(), u"p-seller"_s);
        // The wallet fetches the certificate by itself.
        QTRY_COMPARE_WITH_TIMEOUT(
            contracts->index(row, models::BoughtContractModel::Certificate).data().toString(), u"valid"_s,
            20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            contracts->index(row, models::BoughtContractModel::Volume).data().toString(), u"2 of 3"_s, 20000);

        table->setCurrentIndex(contracts->index(row, 0));
        const QString terms = find<QTextBrowser>("contractInspector")->toPlainText();
        QVERIFY2(terms.contains(m_first.id), qPrintable(terms));
        QVERIFY(terms.contains(u"Governing law"_s));
        QVERIFY(terms.contains(m_first.governingLaw));
        QVERIFY(terms.contains(u"Service credits"_s));
        QVERIFY(terms.contains(u"Site One"_s));
        // The order's requirement beside the contract's law.
        QVERIFY2(terms.contains(u"jurisdictions: DE"_s), qPrintable(terms));
    }

    void paneShowsTheVmsOfBothSites()
    {
        QTRY_COMPARE_WITH_TIMEOUT(pane()->vmCount(), 3, 20000);
        QVERIFY(find<QTableView>("paneTable")->isVisible());
        const int web = pane()->rowOf(m_first.id, u"web-1"_s);
        const int batch = pane()->rowOf(m_second.id, u"batch-1"_s);
        QVERIFY(web >= 0 && batch >= 0);
        QCOMPARE(pane()->index(web, PaneModel::Seller).data().toString(), u"p-seller"_s);
        QCOMPARE(pane()->index(web, PaneModel::Site).data().toString(), u"Site One"_s);
        QCOMPARE(pane()->index(batch, PaneModel::Seller).data().toString(), u"p-other"_s);
        QCOMPARE(pane()->index(batch, PaneModel::Site).data().toString(), u"Site Two"_s);
        QCOMPARE(pane()->index(batch, PaneModel::Region).data().toString(), u"DE"_s);
        QCOMPARE(pane()->index(web, PaneModel::State).data().toString(), u"running"_s);
        QVERIFY2(find<QLabel>("paneSummary")->text().startsWith(u"3 VMs"_s),
                 qPrintable(find<QLabel>("paneSummary")->text()));

        // Live: a change at a site shows within two seconds.
        m_two->changeVm(vm(u"batch-2"_s, 1));
        QTRY_VERIFY_WITH_TIMEOUT(pane()->rowOf(m_second.id, u"batch-2"_s) >= 0, 2000);
    }

    void filterAndFacetsNarrow()
    {
        QTRY_COMPARE(pane()->vmCount(), 4);
        auto filter = find<QLineEdit>("paneFilter");
        QTest::keyClicks(filter, u"web"_s);
        QCOMPARE(names(), QStringList{u"web-1"_s});
        filter->clear();
        QCOMPARE(pane()->rowCount(), 4);

        QAction *other = facetAction("sellerFacet", u"p-other"_s);
        QVERIFY(other);
        other->trigger();
        QCOMPARE(names(), (QStringList{u"batch-1"_s, u"batch-2"_s}));
        QVERIFY(find<QToolButton>("sellerFacet")->text().contains(u"p-other"_s));
        QAction *running = facetAction("stateFacet", u"running"_s);
        QVERIFY(running);
        running->trigger();
        QCOMPARE(names(), QStringList{u"batch-1"_s});
        QVERIFY2(find<QLabel>("paneSummary")->text().startsWith(u"1 of 4 VMs"_s),
                 qPrintable(find<QLabel>("paneSummary")->text()));
        facetAction("stateFacet", {})->trigger();
        facetAction("sellerFacet", {})->trigger();
        QAction *contract = facetAction("contractFacet", m_first.id);
        QVERIFY(contract);
        contract->trigger();
        QCOMPARE(names(), (QStringList{u"db-1"_s, u"web-1"_s}));
        facetAction("contractFacet", {})->trigger();
        QCOMPARE(pane()->rowCount(), 4);
    }

    void groupingTotalsAreRight()
    {
        auto grouping = find<QComboBox>("paneGrouping");
        grouping->setCurrentIndex(grouping->findData(int(PaneModel::Grouping::Seller)));
        QCOMPARE(pane()->rowCount(), 6);
        // p-other first (sorted by seller), then p-seller.
        QVERIFY(pane()->isGroupRow(0));
        QCOMPARE(pane()->index(0, PaneModel::Name).data().toString(), u"p-other (2 VMs)"_s);
        QCOMPARE(pane()->index(0, PaneModel::Vcpus).data().toString(), u"2"_s);
        QVERIFY(pane()->isGroupRow(3));
        QCOMPARE(pane()->index(3, PaneModel::Name).data().toString(), u"p-seller (2 VMs)"_s);
        QCOMPARE(pane()->index(3, PaneModel::Vcpus).data().toString(), u"6"_s);
        QCOMPARE(pane()->index(3, PaneModel::Memory).data().toString(), u"12 GiB"_s);
        // The cost total is the sum of its VMs' costs.
        qint64 cost = 0;
        for (int row = 4; row < 6; ++row)
            cost += pane()->index(row, 0).data(PaneModel::CostTicksRole).toLongLong();
        QCOMPARE(pane()->index(3, 0).data(PaneModel::CostTicksRole).toLongLong(), cost);
        grouping->setCurrentIndex(grouping->findData(int(PaneModel::Grouping::Contract)));
        QCOMPARE(pane()->index(0, PaneModel::Name).data().toString(), m_first.id + u" (2 VMs)"_s);
        grouping->setCurrentIndex(0);
        QCOMPARE(pane()->rowCount(), 4);
    }

    void destructiveActionsAskNamingWhatIsLost()
    {
        m_questions.clear();
        m_workspace->act(m_first.id, u"web-1"_s, ui::BuyWorkspace::Action::Delete);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.constFirst().contains(u"web-1"_s));
        QVERIFY(m_questions.constFirst().contains(u"disk"_s));
        QVERIFY(m_questions.constFirst().contains(u"cannot be recovered"_s));
        // Declined: nothing was sent to the site.
        QVERIFY(!m_one->callers().join(u'\n').contains(u"DELETE"_s));
        QCOMPARE(pane()->rowOf(m_first.id, u"web-1"_s) >= 0, true);
    }

    void deployFromAContractCreatesAVm()
    {
        auto contracts = find<QTableView>("buyContractsTable");
        contracts->setFocus();
        contracts->setCurrentIndex(
            m_workspace->contractModel()->index(m_workspace->contractModel()->rowOf(m_first.id), 0));
        auto deploy = find<QPushButton>("deployButton");
        QTRY_VERIFY(deploy->isEnabled());
        int asked = 0;
        ui::Prompts::setDeployHandler(
            [&](const QString &contract, const QStringList &templates, int remaining) {
                ++asked;
                [&] {
                    QCOMPARE(contract, m_first.id);
                    QCOMPARE(templates, QStringList{u"debian-12"_s});
                    QCOMPARE(remaining, 1);
                }();
                return std::optional(ui::Prompts::Deployment{u"debian-12"_s, u"app"_s, 1});
            });
        QTest::mouseClick(deploy, Qt::LeftButton);
        QTRY_COMPARE(asked, 1);
        QTRY_VERIFY_WITH_TIMEOUT(pane()->rowOf(m_first.id, u"app"_s) >= 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("paneStatus")->text().contains(u"Deployed 1 VM"_s), 10000);
        QVERIFY(m_one->callers().join(u'\n').contains(m_first.id + u" POST /v1/vms"_s));
        QTRY_COMPARE(
            m_workspace->contractModel()
                ->index(m_workspace->contractModel()->rowOf(m_first.id), models::BoughtContractModel::Volume)
                .data()
                .toString(),
            u"3 of 3"_s);
        // The contract is full now.
        QTRY_VERIFY(!deploy->isEnabled());
        // A picture of the populated workspace, for looking at it (docs/gallery).
        if (const QString shot = qEnvironmentVariable("CLOUDEX_TEST_SCREENSHOT"); !shot.isEmpty()) {
            find<QComboBox>("paneGrouping")->setCurrentIndex(1);
            QTest::qWait(200);
            m_workspace->grab().save(shot);
            find<QComboBox>("paneGrouping")->setCurrentIndex(0);
        }
    }

    void everyInteractiveWidgetHasAName()
    {
        QCOMPARE(testsupport::unnamedInteractiveWidgets(m_workspace.get()), QStringList());
        QCOMPARE(testsupport::viewsThatTrapTab(m_workspace.get()), QStringList());
    }

    void aSiteThatStopsAnsweringIsMarkedStale()
    {
        const int before = pane()->rowOf(m_second.id, u"batch-1"_s);
        QVERIFY(before >= 0);
        m_two.reset(); // the site goes away, its open poll with it
        QTRY_VERIFY_WITH_TIMEOUT(pane()->isStale(m_second.id), 10000);
        const int row = pane()->rowOf(m_second.id, u"batch-1"_s);
        QVERIFY(row >= 0); // still listed
        QVERIFY(pane()->index(row, 0).data(PaneModel::StaleRole).toBool());
        QVERIFY(pane()->index(row, 0).data(PaneModel::LastAnswerRole).toLongLong() > 0);
        QVERIFY(pane()->index(row, PaneModel::State).data().toString().contains(u"stale since"_s));
        QVERIFY(find<QLabel>("paneStatus")->text().contains(u"Site Two"_s));
        // The other site is not.
        QVERIFY(!pane()->isStale(m_first.id));
    }
};

QTEST_MAIN(TestBuyWorkspace)
#include "tst_buyworkspace.moc"
