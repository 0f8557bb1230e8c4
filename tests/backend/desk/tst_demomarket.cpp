// The demo market's simulated traders on a real embedded exchange: they trade through the
// API, the desk sees a living book and tape, and no trader piles up resting orders.
#include "../../support/embeddedexchange.h"
#include "catalogue/catalogue.h"
#include "desk/demomarket.h"
#include "desk/marketsession.h"
#include "exchange/embeddedexchange.h"
#include "net/apiclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cloudex;

class TestDemoMarket : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        exchange::EmbeddedExchange::Options options;
        options.dataDirectory = m_dir.path();
        options.products = {catalogue::Catalogue::standard().parseProduct(u"DE.GP2.SH.S1"_qs).value()};
        options.horizon = {3, 1, 0, 0, 0};
        options.clockIntervalMs = 0;
        m_exchange = std::make_unique<exchange::EmbeddedExchange>();
        QVERIFY(testsupport::startEmbedded(*m_exchange, options).ok());
        for (const QString &name : desk::DemoMarket::participantNames(2)) {
            auto tls = testsupport::onboard(*m_exchange, name);
            QVERIFY(tls.ok());
            m_traders.append(*tls);
        }
    }

    void participantNamesAreStable()
    {
        const QStringList names = desk::DemoMarket::participantNames(8);
        QCOMPARE(names.size(), 8);
        QCOMPARE(names.constFirst(), u"p-demo-aurora"_qs);
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), 8);
        for (const QString &n : names)
            QVERIFY(n.startsWith(u"p-demo-"_qs));
    }

    void tradersMakeALivingMarket()
    {
        desk::DemoMarket demo;
        QSignalSpy started(&demo, &desk::DemoMarket::started);
        QSignalSpy failed(&demo, &desk::DemoMarket::failed);
        desk::DemoMarket::Options options;
        options.intervalMs = 10;
        options.products = {u"DE.GP2.SH.S1"_qs};
        demo.start(m_exchange->baseUrl(), m_traders, options);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 15000);
        QCOMPARE(failed.count(), 0);
        QVERIFY(demo.isRunning());
        // Three front hours and the front day of the product.
        QCOMPARE(demo.symbols().size(), 4);

        desk::MarketSession session;
        session.setBatchIntervalMs(20);
        session.open(m_exchange->baseUrl(), m_exchange->clientTls());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), desk::MarketSession::State::Connected, 15000);
        session.selectSymbol(demo.symbols().constFirst());
        QTRY_VERIFY_WITH_TIMEOUT(session.trades().size() >= 10, 20000);
        QTRY_VERIFY(!session.book().bids.isEmpty() && !session.book().asks.isEmpty());
        QVERIFY(session.book().bids.constFirst().price < session.book().asks.constFirst().price);
        QTRY_VERIFY(!session.candles().isEmpty());
        QVERIFY(demo.tradesSeen() > 0);
        QVERIFY(demo.ordersSent() > 20);

        // Each trader keeps at most its limit of resting orders (plus what is in flight).
        QTest::qWait(500);
        demo.stop();
        QTest::qWait(300);
        for (const QSslConfiguration &tls : std::as_const(m_traders)) {
            net::ApiClient client(m_exchange->baseUrl(), tls);
            net::ApiCall *call = client.get(u"/v1/orders"_qs);
            QSignalSpy(call, &net::ApiCall::finished).wait(10000);
            QVERIFY2(call->ok(), qPrintable(call->errorString()));
            const qsizetype open = call->body().toObject().value(u"orders"_qs).toArray().size();
            QVERIFY2(open <= options.maxRestingPerTrader + 2, qPrintable(QString::number(open)));
        }
    }

    void noTradersIsAnError()
    {
        desk::DemoMarket demo;
        QSignalSpy failed(&demo, &desk::DemoMarket::failed);
        demo.start(m_exchange->baseUrl(), {}, {});
        QCOMPARE(failed.count(), 1);
        QVERIFY(!demo.isRunning());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<exchange::EmbeddedExchange> m_exchange;
    QList<QSslConfiguration> m_traders;
};

QTEST_GUILESS_MAIN(TestDemoMarket)
#include "tst_demomarket.moc"
