// The desk's session against a real embedded exchange over loopback mutual TLS.
#include "../../support/embeddedexchange.h"
#include "api/channels.h"
#include "catalogue/catalogue.h"
#include "core/clock.h"
#include "desk/exchangeclient.h"
#include "desk/marketsession.h"
#include "exchange/embeddedexchange.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cloudex;
using desk::MarketSession;

namespace {
const QString kProduct = QStringLiteral("DE.GP2.SH.S1");
}

class TestMarketSession : public QObject
{
    Q_OBJECT

    template<typename Job>
    Job *wait(Job *job)
    {
        if (!job->isFinished())
            QSignalSpy(job, &desk::ExchangeJob::finished).wait(20000);
        return job;
    }

    api::OrderRequest order(api::Side side, qint64 price, qint64 quantity,
                            api::TimeInForce tif = api::TimeInForce::GoodTillCancel) const
    {
        api::OrderRequest o;
        o.symbol = m_symbol;
        o.side = side;
        o.type = api::OrderType::Limit;
        o.timeInForce = tif;
        o.price = price;
        o.quantity = quantity;
        return o;
    }

private slots:
    void initTestCase()
    {
        exchange::EmbeddedExchange::Options options;
        options.dataDirectory = m_dir.path();
        options.products = {catalogue::Catalogue::standard().parseProduct(kProduct).value()};
        options.horizon = {3, 1, 0, 0, 0};
        options.clockIntervalMs = 0;
        m_exchange = std::make_unique<exchange::EmbeddedExchange>();
        auto started = testsupport::startEmbedded(*m_exchange, options);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        auto seller = testsupport::onboard(*m_exchange, u"p-seller"_qs);
        QVERIFY(seller.ok());
        m_seller = std::make_unique<desk::ExchangeClient>(m_exchange->baseUrl(), *seller);

        m_session = std::make_unique<MarketSession>();
        m_session->setBatchIntervalMs(20);
        m_session->open(m_exchange->baseUrl(), m_exchange->clientTls());
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), MarketSession::State::Connected, 15000);
        QTRY_VERIFY(!m_session->instruments().isEmpty());
        m_symbol = m_session->instruments().constFirst().symbol;
    }

    void identityComesFromTheCertificate()
    {
        QCOMPARE(m_session->participant(), u"p-local"_qs);
        QCOMPARE(m_session->user(), u"u-local"_qs);
        // Three hours and a day of the one listed product.
        QCOMPARE(m_session->instruments().size(), 4);
        QCOMPARE(m_session->instruments().constFirst().product, kProduct);
    }

    void ownOrderRestsInTheBook()
    {
        QSignalSpy selection(m_session.get(), &MarketSession::selectionChanged);
        m_session->selectSymbol(m_symbol);
        QCOMPARE(selection.count(), 1);
        QCOMPARE(m_session->product(), kProduct);

        auto *call = wait(m_session->submit(order(api::Side::Buy, 1200, 5)));
        QVERIFY2(call->ok(), qPrintable(call->errorString()));
        QCOMPARE(call->status(), 201);
        QVERIFY(call->value().orderId.has_value());
        QVERIFY(call->value().trades.isEmpty());
        QTRY_COMPARE(m_session->orders().size(), 1);
        QCOMPARE(m_session->orders().constFirst().price, 1200);
        QVERIFY(m_session->orders().constFirst().clientOrderId.startsWith(u"d-"_qs));
        QTRY_COMPARE(m_session->book().bids.size(), 1);
        QCOMPARE(m_session->book().bids.constFirst().quantity, 5);
    }

    void crossingOrderTradesEverywhere()
    {
        QSignalSpy appended(m_session.get(), &MarketSession::tradesAppended);
        QSignalSpy fills(m_session.get(), &MarketSession::fillsAppended);
        auto *call = wait(m_seller->submit(order(api::Side::Sell, 1200, 2, api::TimeInForce::ImmediateOrCancel)));
        QVERIFY2(call->ok(), qPrintable(call->errorString()));
        QCOMPARE(call->value().trades.size(), 1);
        QCOMPARE(call->value().trades.constFirst().aggressor, api::Side::Sell);

        QTRY_COMPARE(m_session->trades().size(), 1);
        QCOMPARE(m_session->trades().constLast().price, 1200);
        QCOMPARE(m_session->trades().constLast().quantity, 2);
        QCOMPARE(m_session->trades().constLast().aggressor, api::Side::Sell);
        QTRY_VERIFY(appended.count() >= 1);
        QTRY_COMPARE(m_session->candles().size(), 1);
        QCOMPARE(m_session->candles().constFirst().close, 1200);
        QCOMPARE(m_session->candles().constFirst().volume, 2);
        QTRY_COMPARE(m_session->fills().size(), 1);
        QCOMPARE(m_session->fills().constFirst().side, api::Side::Buy);
        QCOMPARE(m_session->fills().constFirst().counterparty, u"p-seller"_qs);
        QTRY_VERIFY(fills.count() >= 1);
        QTRY_COMPARE(m_session->orders().constFirst().remaining, 3);
        QTRY_COMPARE(m_session->book().bids.constFirst().quantity, 3);
        QTRY_COMPARE(m_session->contracts().size(), 1);
        QCOMPARE(m_session->contracts().constFirst().buyer, u"p-local"_qs);
        QCOMPARE(m_session->contracts().constFirst().state, api::ContractState::Scheduled);
        QTRY_VERIFY(m_session->spot() > 0);
        // The curve (no channel) is fetched after own fills.
        QTRY_VERIFY(std::any_of(
            m_session->curve().cbegin(), m_session->curve().cend(),
            [this](const desk::CurvePointRecord &p) { return p.symbol == m_symbol && p.last == 1200; }));
    }

    void resolutionSwitchesTheCandles()
    {
        QSignalSpy reset(m_session.get(), &MarketSession::candlesReset);
        m_session->setResolution(api::Resolution::Hour1);
        QTRY_VERIFY(reset.count() >= 1);
        QTRY_COMPARE(m_session->candles().size(), 1);
        QCOMPARE(m_session->candles().constFirst().volume, 2);
        QCOMPARE(m_session->candles().constFirst().start % 3600, 0);
        m_session->setResolution(api::Resolution::Minute1);
        QTRY_COMPARE(m_session->candles().size(), 1);
    }

    void replaceAndCancel()
    {
        const qint64 id = m_session->orders().constFirst().id;
        auto *replace = wait(m_session->replace(id, 1150, std::nullopt));
        QVERIFY2(replace->ok(), qPrintable(replace->errorString()));
        QTRY_COMPARE(m_session->orders().constFirst().price, 1150);
        QTRY_COMPARE(m_session->book().bids.constFirst().price, 1150);

        auto *cancel = wait(m_session->cancel(m_session->orders().constFirst().id));
        QVERIFY2(cancel->ok(), qPrintable(cancel->errorString()));
        QTRY_VERIFY(m_session->orders().isEmpty());
        QTRY_VERIFY(m_session->book().bids.isEmpty());
    }

    void clientOrderIdMakesSubmissionIdempotent()
    {
        api::OrderRequest t = order(api::Side::Buy, 1000, 1);
        t.clientOrderId = MarketSession::newClientOrderId();
        QVERIFY(t.clientOrderId.size() <= 24);
        auto *first = wait(m_session->submit(t));
        auto *again = wait(m_session->submit(t));
        QVERIFY2(first->ok(), qPrintable(first->errorString()));
        QVERIFY2(again->ok(), qPrintable(again->errorString()));
        QVERIFY(!first->value().duplicate);
        QVERIFY(again->value().duplicate);
        QVERIFY(first->value().orderId.has_value());
        QCOMPARE(again->value().orderId, first->value().orderId);
        QTRY_COMPARE(m_session->orders().size(), 1);
        QTest::qWait(100);
        QCOMPARE(m_session->orders().size(), 1);
        QVERIFY(wait(m_session->cancel(m_session->orders().constFirst().id))->ok());
        QTRY_VERIFY(m_session->orders().isEmpty());
    }

    void updatesAreAnnouncedInBatches()
    {
        // From the real exchange: twenty asks arrive, the ladder shows the best ten.
        QList<desk::ExchangeCall<api::OrderAck> *> calls;
        constexpr int kOrders = 20;
        for (int i = 0; i < kOrders; ++i)
            calls.append(m_seller->submit(order(api::Side::Sell, 2000 + i, 1)));
        for (auto *c : std::as_const(calls))
            QVERIFY(wait(c)->ok());
        QTRY_COMPARE(m_session->book().asks.size(), 10);
        QCOMPARE(m_session->book().asks.constFirst().price, 2000);

        // The batching itself, without depending on how fast a loaded machine delivers the
        // stream: twenty book messages applied back to back are one announcement, made on
        // the batch timer and not while applying.
        m_session->setBatchIntervalMs(200);
        QTest::qWait(250); // let a batch of the orders above go out first
        QSignalSpy book(m_session.get(), &MarketSession::bookChanged);
        const QString channel = api::channel::book(m_session->symbol());
        const qint64 seq = m_session->book().seq;
        for (int i = 0; i < kOrders; ++i) {
            const QJsonObject update{{u"symbol"_qs, m_session->symbol()},
                                     {u"seq"_qs, seq + 1 + i},
                                     {u"bids"_qs, QJsonArray{}},
                                     {u"asks"_qs, QJsonArray{QJsonObject{{u"price"_qs, 3000 + i},
                                                                         {u"quantity"_qs, 1},
                                                                         {u"orders"_qs, 1}}}}};
            m_session->applyUpdate(channel, update);
        }
        QCOMPARE(book.count(), 0);
        QTRY_COMPARE(book.count(), 1);
        QTest::qWait(300);
        QCOMPARE(book.count(), 1);
        QCOMPARE(m_session->book().asks.constFirst().price, 3000 + kOrders - 1);
        m_session->setBatchIntervalMs(20);
    }

    void refusedOrderChangesNothing()
    {
        auto *call = wait(m_session->submit(order(api::Side::Buy, 1000, 0)));
        QVERIFY(!call->ok());
        QCOMPARE(call->status(), 422);
        // The engine's reason as a typed error.
        QCOMPARE(call->error(), u"order.bad-quantity"_qs);
        QVERIFY(!call->errorString().isEmpty());
        QTest::qWait(100);
        QVERIFY(m_session->orders().isEmpty());
    }

    void closeSaysDisconnected()
    {
        MarketSession other;
        QSignalSpy states(&other, &MarketSession::stateChanged);
        other.open(m_exchange->baseUrl(), m_exchange->clientTls());
        QTRY_COMPARE(other.state(), MarketSession::State::Connected);
        other.close();
        QCOMPARE(other.state(), MarketSession::State::Disconnected);
        QVERIFY(!other.isOpen());
    }

    void instrumentsRollWithTheClock()
    {
        // The exchange's clock moves an hour on: the front hour closes, a new one is listed,
        // and the session's instruments follow the stream.
        QTemporaryDir dir;
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        exchange::EmbeddedExchange::Options options;
        options.dataDirectory = dir.path();
        options.products = {catalogue::Catalogue::standard().parseProduct(kProduct).value()};
        options.horizon = {3, 0, 0, 0, 0};
        options.clockIntervalMs = 20;
        exchange::EmbeddedExchange exchange(clock);
        QVERIFY(testsupport::startEmbedded(exchange, options).ok());
        MarketSession session;
        session.setBatchIntervalMs(20);
        session.open(exchange.baseUrl(), exchange.clientTls());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), MarketSession::State::Connected, 15000);
        QTRY_COMPARE(session.instruments().size(), 3);
        const QString front = session.instruments().constFirst().symbol;
        const qint64 lastStart = session.instruments().constLast().deliveryStart;

        QSignalSpy changed(&session, &MarketSession::instrumentsChanged);
        clock.advanceMs(3600 * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::none_of(session.instruments().cbegin(), session.instruments().cend(),
                         [&](const desk::InstrumentRecord &i) { return i.symbol == front; }),
            10000);
        QTRY_VERIFY(
            std::any_of(session.instruments().cbegin(), session.instruments().cend(),
                        [&](const desk::InstrumentRecord &i) { return i.deliveryStart > lastStart; }));
        QTRY_VERIFY(changed.count() >= 1);
    }

    void lostExchangeMeansReconnecting()
    {
        // Its own exchange, so that taking it away leaves the others alone.
        QTemporaryDir dir;
        exchange::EmbeddedExchange::Options options;
        options.dataDirectory = dir.path();
        options.products = {catalogue::Catalogue::standard().parseProduct(kProduct).value()};
        options.horizon = {1, 0, 0, 0, 0};
        options.clockIntervalMs = 0;
        auto exchange = std::make_unique<exchange::EmbeddedExchange>();
        QVERIFY(testsupport::startEmbedded(*exchange, options).ok());
        MarketSession session;
        session.open(exchange->baseUrl(), exchange->clientTls());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), MarketSession::State::Connected, 15000);
        QSignalSpy states(&session, &MarketSession::stateChanged);
        exchange.reset();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), MarketSession::State::Reconnecting, 15000);
        // It keeps trying and never claims to be connected.
        QTest::qWait(600);
        QVERIFY(session.state() != MarketSession::State::Connected);
        QVERIFY(!states.isEmpty());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<exchange::EmbeddedExchange> m_exchange;
    std::unique_ptr<desk::ExchangeClient> m_seller;
    std::unique_ptr<MarketSession> m_session;
    QString m_symbol;
};

QTEST_GUILESS_MAIN(TestMarketSession)
#include "tst_marketsession.moc"
