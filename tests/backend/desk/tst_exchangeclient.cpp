// The typed exchange client against a real embedded exchange: every answer parsed into its
// api type, every refusal a typed error with the server's code (and field, where it names one).
#include "../../support/embeddedexchange.h"
#include "catalogue/catalogue.h"
#include "desk/exchangeclient.h"
#include "exchange/embeddedexchange.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cloudex;
using namespace Qt::StringLiterals;

class TestExchangeClient final : public QObject
{
    Q_OBJECT

    template<typename Job>
    Job *wait(Job *job)
    {
        if (!job->isFinished())
            QSignalSpy(job, &desk::ExchangeJob::finished).wait(20000);
        return job;
    }

private slots:
    void initTestCase()
    {
        exchange::EmbeddedExchange::Options options;
        options.dataDirectory = m_dir.path();
        options.products = {catalogue::Catalogue::standard().parseProduct(u"DE.GP2.SH.S1"_s).value()};
        options.horizon = {2, 0, 0, 0, 0};
        options.clockIntervalMs = 0;
        m_exchange = std::make_unique<exchange::EmbeddedExchange>();
        auto started = testsupport::startEmbedded(*m_exchange, options);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        m_client = std::make_unique<desk::ExchangeClient>(m_exchange->baseUrl(), m_exchange->clientTls());
    }

    void instrumentsAndCurveAreTyped()
    {
        auto *instruments = wait(m_client->instruments());
        QVERIFY2(instruments->ok(), qPrintable(instruments->errorString()));
        QCOMPARE(instruments->status(), 200);
        QCOMPARE(instruments->value().size(), 2);
        const api::Instrument &first = instruments->value().constFirst();
        QCOMPARE(first.product, u"DE.GP2.SH.S1"_s);
        QCOMPARE(first.kind, u"H"_s);
        QVERIFY(first.bandHigh > first.bandLow);
        m_symbol = first.symbol;

        auto *curve = wait(m_client->curve(first.product));
        QVERIFY2(curve->ok(), qPrintable(curve->errorString()));
        QCOMPARE(curve->value().product, first.product);
        QCOMPARE(curve->value().points.size(), 2);
    }

    void anOrderRoundTrip()
    {
        api::OrderRequest order;
        order.symbol = m_symbol;
        order.side = api::Side::Sell;
        order.type = api::OrderType::Limit;
        order.timeInForce = api::TimeInForce::GoodTillCancel;
        order.price = 1500;
        order.quantity = 2;
        order.clientOrderId = u"c-typed-1"_s;
        auto *ack = wait(m_client->submit(order));
        QVERIFY2(ack->ok(), qPrintable(ack->errorString()));
        QCOMPARE(ack->status(), 201);
        QVERIFY(ack->value().accepted);
        QVERIFY(!ack->value().duplicate);
        QVERIFY(ack->value().orderId.has_value());
        const qint64 id = *ack->value().orderId;

        auto *orders = wait(m_client->orders());
        QVERIFY(orders->ok());
        QCOMPARE(orders->value().size(), 1);
        QCOMPARE(orders->value().constFirst().id, id);
        QCOMPARE(orders->value().constFirst().side, api::Side::Sell);
        QCOMPARE(orders->value().constFirst().clientOrderId, u"c-typed-1"_s);

        auto *replaced = wait(m_client->replace(id, api::OrderChange{1400, std::nullopt}));
        QVERIFY2(replaced->ok(), qPrintable(replaced->errorString()));
        auto *cancelled = wait(m_client->cancel(id));
        QVERIFY2(cancelled->ok(), qPrintable(cancelled->errorString()));
        QVERIFY(wait(m_client->orders())->value().isEmpty());
        QVERIFY(wait(m_client->fills())->ok());
        QVERIFY(wait(m_client->contracts())->value().isEmpty());
    }

    void refusalsAreTypedErrors()
    {
        // The engine's reason, with its status.
        auto *unknown = wait(m_client->cancel(999'999));
        QVERIFY(!unknown->ok());
        QCOMPARE(unknown->status(), 422);
        QCOMPARE(unknown->error(), u"order.unknown"_s);
        QVERIFY(!unknown->errorString().isEmpty());

        // A trader's identity may not operate.
        auto *blocked = wait(m_client->setKillSwitch(u"p-local"_s, true));
        QVERIFY(!blocked->ok());
        QCOMPARE(blocked->status(), 403);
        QCOMPARE(blocked->error(), u"auth.permission-missing"_s);
        auto *limits = wait(m_client->setLimits(u"p-local"_s, api::LimitsRequest{10, {}, {}, {}}));
        QCOMPARE(limits->error(), u"auth.permission-missing"_s);

        // What the schema allows but the exchange does not: a client order id over 24 characters.
        api::OrderRequest order;
        order.symbol = m_symbol;
        order.quantity = 1;
        order.price = 1000;
        order.clientOrderId = QString(25, u'x');
        auto *tooLong = wait(m_client->submit(order));
        QVERIFY(!tooLong->ok());
        QCOMPARE(tooLong->status(), 422);
        QCOMPARE(tooLong->error(), u"order.bad-client-id"_s);
    }

    void anUnreachableExchangeIsATransportError()
    {
        QUrl nowhere = m_exchange->baseUrl();
        nowhere.setPort(1);
        desk::ExchangeClient lost(nowhere, m_exchange->clientTls());
        auto *call = wait(lost.instruments());
        QVERIFY(!call->ok());
        QCOMPARE(call->status(), 0);
        QCOMPARE(call->error(), u"transport.failed"_s);
        QVERIFY(call->value().isEmpty());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<exchange::EmbeddedExchange> m_exchange;
    std::unique_ptr<desk::ExchangeClient> m_client;
    QString m_symbol;
};

QTEST_MAIN(TestExchangeClient)
#include "tst_exchangeclient.moc"
