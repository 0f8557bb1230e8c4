// Issue #16 in the desk, offscreen with real widgets over a real embedded exchange: the
// local administrator issues a trade-only user from the Users page (a PKCS#12 under the
// passphrase it typed), that user's desk shows the deploy actions disabled with the reason,
// then the administrator changes the user's permissions and revokes it from the page. The
// page also lists the VM operations a seller's site reported on the organisation's
// contracts, with the user behind each.
#include "../support/embeddedexchange.h"

#include "buyworkspace.h"
#include "desk/identityfile.h"
#include "desk/marketsession.h"
#include "prompts.h"
#include "usersworkspace.h"

#include "catalogue/catalogue.h"
#include "net/apiclient.h"

#include <QCheckBox>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex;

class TestUsersPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<exchange::EmbeddedExchange> m_exchange;
    std::unique_ptr<desk::MarketSession> m_session;
    std::unique_ptr<ui::UsersWorkspace> m_page;

    QString stateOf(const QString &user) const
    {
        auto *table = m_page->findChild<QTableWidget *>(QStringLiteral("usersTable"));
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == user)
                return table->item(row, 1)->text() + u'|' + table->item(row, 2)->text();
        }
        return {};
    }

    void selectUser(const QString &user)
    {
        auto *table = m_page->findChild<QTableWidget *>(QStringLiteral("usersTable"));
        const QList<QTableWidgetItem *> found = table->findItems(user, Qt::MatchExactly);
        QVERIFY(!found.isEmpty());
        const QRect rect = table->visualItemRect(found.constFirst());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(m_page->findChild<QLineEdit *>(QStringLiteral("userName"))->text(), user);
    }

    void click(const QString &button)
    {
        auto *b = m_page->findChild<QPushButton *>(button);
        QVERIFY(b);
        QVERIFY2(b->isEnabled(), qPrintable(button + QStringLiteral(": ") + b->toolTip()));
        QTest::mouseClick(b, Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        exchange::EmbeddedExchange::Options options;
        options.dataDirectory = m_dir.filePath(QStringLiteral("data"));
        options.products = {
            catalogue::Catalogue::standard().parseProduct(QStringLiteral("DE.GP2.SH.S1")).value()};
        options.horizon = {2, 0, 0, 0, 0};
        options.clockIntervalMs = 0;
        m_exchange = std::make_unique<exchange::EmbeddedExchange>();
        QVERIFY(testsupport::startEmbedded(*m_exchange, options).ok());
        m_session = std::make_unique<desk::MarketSession>();
        m_page = std::make_unique<ui::UsersWorkspace>(m_session.get());
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        // Before a session, the page says why nothing can be done.
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("usersReason"))->isVisible());
        QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("usersIssue"))->isEnabled());
        QSignalSpy updated(m_page.get(), &ui::UsersWorkspace::updated);
        m_session->open(m_exchange->baseUrl(), m_exchange->clientTls());
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), desk::MarketSession::State::Connected, 15000);
        QVERIFY(m_session->hasPermission(QStringLiteral("admin")));
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() > 0, 15000);
        QVERIFY(!m_page->findChild<QLabel *>(QStringLiteral("usersReason"))->isVisible());
        QCOMPARE(stateOf(QStringLiteral("u-local")), QStringLiteral("trade, deploy, admin|active"));
    }

    void anAdminIssuesATradeOnlyUserWhoseDeskExplainsDeploy()
    {
        const QString p12 = m_dir.filePath(QStringLiteral("u-sales.p12"));
        QTest::keyClicks(m_page->findChild<QLineEdit *>(QStringLiteral("userName")),
                         QStringLiteral("u-sales"));
        m_page->findChild<QCheckBox *>(QStringLiteral("permTrade"))->setChecked(true);
        m_page->findChild<QCheckBox *>(QStringLiteral("permDeploy"))->setChecked(false);
        QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("usersIssue"))
                     ->isEnabled()); // no passphrase yet
        QTest::keyClicks(m_page->findChild<QLineEdit *>(QStringLiteral("userPassphrase")),
                         QStringLiteral("s3cret pass"));
        QTest::keyClicks(m_page->findChild<QLineEdit *>(QStringLiteral("userExportPath")), p12);
        click(QStringLiteral("usersIssue"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("u-sales")), QStringLiteral("trade|active"), 15000);
        QVERIFY(QFile::exists(p12));
        QVERIFY(!(QFile::permissions(p12) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));

        // The user's desk: the PKCS#12 opens with the chosen passphrase only.
        QVERIFY(!desk::loadIdentityFile(p12, "wrong").ok());
        auto tls = desk::loadIdentityFile(p12, "s3cret pass");
        QVERIFY2(tls.ok(), qPrintable(tls.ok() ? QString() : tls.error().message));
        QSslConfiguration config = tls.value(); // trusts the exchange CA the bundle carries
        desk::MarketSession sales;
        ui::BuyWorkspace buy(&sales);
        buy.resize(1280, 800);
        buy.show();
        QVERIFY(QTest::qWaitForWindowExposed(&buy));
        sales.open(m_exchange->baseUrl(), config);
        QTRY_COMPARE_WITH_TIMEOUT(sales.state(), desk::MarketSession::State::Connected, 15000);
        QCOMPARE(sales.permissions(), QStringList{QStringLiteral("trade")});
        auto *deploy = buy.findChild<QPushButton *>(QStringLiteral("deployButton"));
        auto *reason = buy.findChild<QLabel *>(QStringLiteral("deployReason"));
        QTRY_VERIFY(reason->isVisible());
        QVERIFY(!deploy->isEnabled());
        QVERIFY2(deploy->toolTip().contains(QStringLiteral("deploy permission")),
                 qPrintable(deploy->toolTip()));
        QVERIFY2(reason->text().contains(QStringLiteral("u-sales")), qPrintable(reason->text()));
        // And the administrator's own desk may deploy.
        ui::BuyWorkspace mine(m_session.get());
        QVERIFY(!mine.findChild<QLabel *>(QStringLiteral("deployReason"))->isVisibleTo(&mine));
    }

    void anAdminChangesAndRevokesAUser()
    {
        selectUser(QStringLiteral("u-sales"));
        m_page->findChild<QCheckBox *>(QStringLiteral("permDeploy"))->setChecked(true);
        click(QStringLiteral("usersChange"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("u-sales")), QStringLiteral("trade, deploy|active"),
                                  15000);

        auto *quantity = m_page->findChild<QLineEdit *>(QStringLiteral("limitQuantity"));
        quantity->clear();
        QTest::keyClicks(quantity, QStringLiteral("5"));
        click(QStringLiteral("usersLimits"));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->findChild<QTableWidget *>(QStringLiteral("usersTable"))
                                         ->findItems(QStringLiteral("≤ 5 per order"), Qt::MatchContains)
                                         .size() == 1,
                                 15000);

        QString asked;
        ui::Prompts::setConfirmHandler([&](const QString &, const QString &text) {
            asked = text;
            return true;
        });
        selectUser(QStringLiteral("u-sales"));
        click(QStringLiteral("usersRevoke"));
        ui::Prompts::setConfirmHandler(nullptr);
        QVERIFY(asked.contains(QStringLiteral("u-sales")));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("u-sales")), QStringLiteral("trade, deploy|revoked"),
                                  15000);
        QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("usersRevoke"))->isEnabled() ||
                stateOf(QStringLiteral("u-sales")).endsWith(QStringLiteral("revoked")));
        // The audit shows it all, newest first, with who did it.
        auto *audit = m_page->findChild<QTableWidget *>(QStringLiteral("auditTable"));
        QTRY_VERIFY2_WITH_TIMEOUT(audit->rowCount() >= 4,
                                  qPrintable(QString::number(audit->rowCount()) + u' '
                                             + m_page->findChild<QLabel *>(QStringLiteral("usersStatus"))->text()),
                                  15000);
        QStringList actions;
        for (int row = 0; row < audit->rowCount(); ++row) {
            if (audit->item(row, 1)->text() == u"u-sales") {
                actions << audit->item(row, 2)->text();
                QCOMPARE(audit->item(row, 4)->text(), QStringLiteral("p-local/u-local"));
            }
        }
        QCOMPARE(actions, (QStringList{QStringLiteral("revoked"), QStringLiteral("limits-changed"),
                                       QStringLiteral("permissions-changed"), QStringLiteral("issued")}));
    }

    /// A seller's site reports that u-local created a VM on the organisation's contract: the
    /// Users page shows the row (time, user, contract, site, VM, operation).
    void thePageShowsTheVmOperationsOfTheUsers()
    {
        const auto seller = testsupport::onboard(*m_exchange, QStringLiteral("p-gui-seller"));
        QVERIFY(seller.ok());
        std::optional<Result<QSslConfiguration>> site;
        QObject context;
        connect(m_exchange.get(), &exchange::EmbeddedExchange::siteIdentityIssued, &context,
                [&](const QString &, const Result<QSslConfiguration> &identity) { site = identity; });
        m_exchange->issueSiteIdentity(QStringLiteral("p-gui-seller"), QStringLiteral("s-gui"));
        QTRY_VERIFY_WITH_TIMEOUT(site.has_value(), 30000);
        QVERIFY(site->ok());
        net::ApiClient siteClient(m_exchange->baseUrl(), site->value());
        net::ApiClient sellerClient(m_exchange->baseUrl(), seller.value());
        net::ApiClient buyerClient(m_exchange->baseUrl(), m_exchange->clientTls());
        auto call = [](net::ApiCall *c) { // owned by its client
            (void)c->wait();
            return c;
        };
        net::ApiCall *registered = call(siteClient.put(
            QStringLiteral("/v1/sites/s-gui"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("GUI site")},
                        {QStringLiteral("endpoint"), QStringLiteral("https://localhost:9443")},
                        {QStringLiteral("products"), QJsonArray{QStringLiteral("DE.GP2.SH.S1")}}}));
        QVERIFY2(registered->ok(), qPrintable(registered->errorString()));
        // A contract of p-local with the site's seller.
        net::ApiCall *instruments = call(buyerClient.get(QStringLiteral("/v1/instruments")));
        QVERIFY(instruments->ok());
        const QString symbol =
            instruments->body()[QStringLiteral("instruments")][0][QStringLiteral("symbol")].toString();
        QVERIFY(!symbol.isEmpty());
        auto order = [&](const QString &side) {
            return QJsonObject{{QStringLiteral("symbol"), symbol},        {QStringLiteral("side"), side},
                               {QStringLiteral("type"), QStringLiteral("limit")},
                               {QStringLiteral("timeInForce"), QStringLiteral("gtc")},
                               {QStringLiteral("price"), 30000},          {QStringLiteral("quantity"), 1}};
        };
        QVERIFY(call(sellerClient.post(QStringLiteral("/v1/orders"), order(QStringLiteral("sell"))))->ok());
        QVERIFY(call(buyerClient.post(QStringLiteral("/v1/orders"), order(QStringLiteral("buy"))))->ok());
        net::ApiCall *contracts = call(buyerClient.get(QStringLiteral("/v1/contracts")));
        QString contract;
        for (const QJsonValue &c : contracts->body()[QStringLiteral("contracts")].toArray())
            if (c[QStringLiteral("seller")].toString() == u"p-gui-seller")
                contract = c[QStringLiteral("id")].toString();
        QVERIFY(!contract.isEmpty());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        net::ApiCall *reported = call(siteClient.post(
            QStringLiteral("/v1/sites/s-gui/vm-operations"),
            QJsonObject{{QStringLiteral("operations"),
                         QJsonArray{QJsonObject{{QStringLiteral("id"), 1},
                                                {QStringLiteral("contractId"), contract},
                                                {QStringLiteral("vm"), QStringLiteral("web-1")},
                                                {QStringLiteral("operation"), QStringLiteral("create")},
                                                {QStringLiteral("user"), QStringLiteral("u-local")},
                                                {QStringLiteral("serial"), QStringLiteral("0A1B")},
                                                {QStringLiteral("time"), now}}}}}));
        QVERIFY2(reported->ok(), qPrintable(reported->errorString()));

        auto *table = m_page->findChild<QTableWidget *>(QStringLiteral("vmOperationsTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 0);
        click(QStringLiteral("usersRefresh"));
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 15000);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("u-local"));
        QCOMPARE(table->item(0, 2)->text(), contract);
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("s-gui"));
        QCOMPARE(table->item(0, 4)->text(), QStringLiteral("web-1"));
        QCOMPARE(table->item(0, 5)->text(), QStringLiteral("create"));
        QCOMPARE(table->item(0, 0)->text(),
                 QDateTime::fromSecsSinceEpoch(now).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_session.reset();
        m_exchange.reset();
    }
};

QTEST_MAIN(TestUsersPage)
#include "tst_userspage.moc"
