// The exchange service over real mutual TLS on loopback: orders through curl and read back,
// refused requests that change nothing, a client vanishing mid-commit, stream resync, and
// contract certificates with the CRL after an early termination, and 503s after the journal
// fails.
#include "exchangetestsupport.h"

#include "core/clock.h"
#include "pki/certificateverifier.h"

#include "api/orderack.h"
#include "api/orderpreview.h"
#include "api/parse.h"
#include "net/apiclient.h"
#include "net/streamclient.h"
#include "net/streamserver.h"
#include "pki/certificateauthority.h"
#include "pki/certificateverifier.h"
#include "pki/crlpublisher.h"
#include "pki/privatekey.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSslSocket>
#include <QWebSocket>

#include <sqlite3.h>

using namespace cloudex;
using namespace exchangetest;

class TestExchangeService : public QObject
{
    Q_OBJECT

private:
    Fixture m_fx;

    struct State
    {
        quint64 seq;
        std::uint64_t hash;
        qint64 certificates;
        QString book; ///< what traders see: orders and contracts of both
        bool operator==(const State &) const = default;
    };
    State state()
    {
        QString book;
        for (const QString &who : {QStringLiteral("p-buyer"), QStringLiteral("p-seller")}) {
            for (const auto &order : m_fx.market().openOrders(who))
                book += QStringLiteral("%1:%2@%3;").arg(order.id).arg(order.remaining).arg(order.priceTicks);
            book += QString::number(m_fx.market().contractsOf(who).size()) + u'|';
        }
        return {m_fx.market().lastSeq(), m_fx.market().stateHash(),
                m_fx.service().authority().certificateCount(), book};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fx.start());
        QVERIFY(!m_fx.symbol().isEmpty());
    }

    void ordersThroughCurlAndReadBack()
    {
        const CurlResult sell =
            m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                      m_fx.order(QStringLiteral("sell"), 2500, 10, QStringLiteral("s-1")));
        QCOMPARE(sell.status, 201);
        QVERIFY(sell.json().value(QStringLiteral("accepted")).toBool());
        // The hand-written acknowledgement is exactly the API's type, read strictly.
        const auto ack = api::parseRequest<api::OrderAck>(sell.body);
        QVERIFY2(ack.ok(), qPrintable(ack.ok() ? QString() : ack.error().code + u' ' + ack.error().field));
        QVERIFY(ack->accepted);
        QCOMPARE(api::OrderAck::fromJson(sell.json())->toJson(), sell.json());
        const qint64 sellId = sell.json().value(QStringLiteral("orderId")).toInteger();
        QVERIFY(sellId > 0);

        const CurlResult orders =
            m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("GET"), QStringLiteral("/v1/orders"));
        QCOMPARE(orders.status, 200);
        const QJsonArray open = orders.json().value(QStringLiteral("orders")).toArray();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0)[QStringLiteral("id")].toInteger(), sellId);
        QCOMPARE(open.at(0)[QStringLiteral("clientOrderId")].toString(), QStringLiteral("s-1"));

        // The same client order id again: the original outcome, not a second order.
        const CurlResult again =
            m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                      m_fx.order(QStringLiteral("sell"), 2500, 10, QStringLiteral("s-1")));
        QCOMPARE(again.status, 201);
        QVERIFY(again.json().value(QStringLiteral("duplicate")).toBool());
        QCOMPARE(again.json().value(QStringLiteral("orderId")).toInteger(), sellId);

        const CurlResult book = m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("GET"),
                                          QStringLiteral("/v1/market/book/") + m_fx.symbol());
        QCOMPARE(book.status, 200);
        QCOMPARE(book.json()[QStringLiteral("asks")].toArray().at(0)[QStringLiteral("quantity")].toInteger(),
                 10);

        const CurlResult buy =
            m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                      m_fx.order(QStringLiteral("buy"), 2600, 4),
                      {QStringLiteral("-H"), QStringLiteral("Idempotency-Key: b-1")});
        QCOMPARE(buy.status, 201);
        const QJsonArray trades = buy.json().value(QStringLiteral("trades")).toArray();
        QCOMPARE(trades.size(), 1);
        QCOMPARE(trades.at(0)[QStringLiteral("price")].toInteger(), 2500);
        QCOMPARE(trades.at(0)[QStringLiteral("quantity")].toInteger(), 4);

        const CurlResult tape = m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("GET"),
                                          QStringLiteral("/v1/trades?symbol=") + m_fx.symbol());
        QCOMPARE(tape.status, 200);
        QCOMPARE(tape.json()[QStringLiteral("trades")].toArray().size(), 1);
        const CurlResult fills =
            m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("GET"), QStringLiteral("/v1/fills"));
        QCOMPARE(
            fills.json()[QStringLiteral("fills")].toArray().at(0)[QStringLiteral("counterparty")].toString(),
            QStringLiteral("p-buyer"));
        // A fill carries its trade's sequence number, as the acknowledgement and the tape do.
        const qint64 tradeSeq = trades.at(0)[QStringLiteral("seq")].toInteger();
        QVERIFY(tradeSeq > 0);
        QCOMPARE(fills.json()[QStringLiteral("fills")].toArray().at(0)[QStringLiteral("seq")].toInteger(),
                 tradeSeq);
        QCOMPARE(tape.json()[QStringLiteral("trades")].toArray().at(0)[QStringLiteral("seq")].toInteger(),
                 tradeSeq);
        const CurlResult contracts =
            m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("GET"), QStringLiteral("/v1/contracts"));
        QCOMPARE(contracts.json()[QStringLiteral("contracts")].toArray().size(), 1);

        // Replace down, then cancel.
        const CurlResult replaced =
            m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("PATCH"),
                      QStringLiteral("/v1/orders/%1").arg(sellId), QByteArrayLiteral("{\"quantity\":3}"));
        QCOMPARE(replaced.status, 200);
        QCOMPARE(m_fx.market().openOrders(QStringLiteral("p-seller")).value(0).remaining, 3);
        const CurlResult cancelled = m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("DELETE"),
                                               QStringLiteral("/v1/orders/%1").arg(sellId));
        QCOMPARE(cancelled.status, 200);
        QVERIFY(m_fx.market().openOrders(QStringLiteral("p-seller")).isEmpty());
    }

    void previewChangesNothingAndNamesNoCounterparty()
    {
        // The book is empty here: the test before cancelled its resting order.
        const CurlResult sell =
            m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                      m_fx.order(QStringLiteral("sell"), 2500, 10, QStringLiteral("pv-s")));
        QCOMPARE(sell.status, 201);
        const qint64 sellId = sell.json().value(QStringLiteral("orderId")).toInteger();
        const State before = state();
        const auto recordsBefore = m_fx.market().journalStats().records;
        auto preview = [&](const QString &who, const QByteArray &body) {
            return m_fx.curl(who, QStringLiteral("POST"), QStringLiteral("/v1/orders/preview"), body);
        };

        // 10 of 15 fill at 2500 now; the answer is exactly the API's type, read strictly.
        CurlResult answer = preview(QStringLiteral("p-buyer"), m_fx.order(QStringLiteral("buy"), 2600, 15));
        QCOMPARE(answer.status, 200);
        auto parsed = api::parseRequest<api::OrderPreview>(answer.body);
        QVERIFY2(parsed.ok(),
                 qPrintable(parsed.ok() ? QString() : parsed.error().code + u' ' + parsed.error().field));
        QCOMPARE(parsed->symbol, m_fx.symbol());
        QCOMPARE(parsed->quantity, 15);
        QCOMPARE(parsed->fillQuantity, 10);
        QCOMPARE(parsed->averagePrice, 2500);
        QCOMPARE(parsed->worstPrice, 2500);
        QCOMPARE(parsed->notional, 25000);
        QVERIFY(parsed->skipped.isEmpty());
        QVERIFY(parsed->refusal.isEmpty());
        // Counterparties stay unnamed: neither the seller's participant nor its order appears.
        QVERIFY(!answer.body.contains("p-seller"));
        QVERIFY(!answer.body.contains("pv-s"));
        QVERIFY(!answer.body.contains("\"orderId\""));

        // Demanding a jurisdiction the seller is not in (both are DE): all 10 skipped for it.
        QJsonObject demanding = QJsonDocument::fromJson(m_fx.order(QStringLiteral("buy"), 2600, 15)).object();
        demanding.insert(QStringLiteral("requirements"),
                         QJsonObject{{QStringLiteral("jurisdictions"), QJsonArray{QStringLiteral("FR")}}});
        answer = preview(QStringLiteral("p-buyer"), QJsonDocument(demanding).toJson(QJsonDocument::Compact));
        QCOMPARE(answer.status, 200);
        parsed = api::parseRequest<api::OrderPreview>(answer.body);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->fillQuantity, 0);
        QCOMPARE(parsed->skipped, (QList<api::PreviewSkip>{{QStringLiteral("jurisdiction"), 10}}));
        // A buy limit below the ask: skipped for price, up to the order's quantity.
        answer = preview(QStringLiteral("p-buyer"), m_fx.order(QStringLiteral("buy"), 2400, 4));
        parsed = api::parseRequest<api::OrderPreview>(answer.body);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->skipped, (QList<api::PreviewSkip>{{QStringLiteral("price"), 4}}));
        // The seller's own buy would meet its own sell: self-trade prevention.
        answer = preview(QStringLiteral("p-seller"), m_fx.order(QStringLiteral("buy"), 2600, 5));
        parsed = api::parseRequest<api::OrderPreview>(answer.body);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->skipped, (QList<api::PreviewSkip>{{QStringLiteral("self-trade"), 10}}));
        // An order the engine would refuse says so, with the code placing it would answer.
        QJsonObject fok = QJsonDocument::fromJson(m_fx.order(QStringLiteral("buy"), 2600, 15)).object();
        fok.insert(QStringLiteral("timeInForce"), QStringLiteral("fok"));
        answer = preview(QStringLiteral("p-buyer"), QJsonDocument(fok).toJson(QJsonDocument::Compact));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(QStringLiteral("refusal")).toString(),
                 QStringLiteral("order.fill-or-kill-not-filled"));
        QCOMPARE(answer.json().value(QStringLiteral("fillQuantity")).toInteger(), 0);

        // Bodies are read as strictly as POST /v1/orders reads them: the field is named.
        answer = preview(QStringLiteral("p-buyer"),
                         QByteArray(R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc",)"
                                    R"("price":"2500","quantity":1})"));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.json().value(QStringLiteral("field")).toString(), QStringLiteral("price"));
        answer = preview(QStringLiteral("p-buyer"), QByteArray(R"({"symbol":"X","side":"buy"})"));
        QCOMPARE(answer.status, 400);
        QVERIFY(!answer.json().value(QStringLiteral("field")).toString().isEmpty());
        answer = preview(QStringLiteral("p-buyer"),
                         QByteArray(R"({"symbol":"NOPE","side":"buy","type":"limit","timeInForce":"gtc",)"
                                    R"("price":2500,"quantity":1})"));
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.code(), QStringLiteral("instrument.unknown"));

        // Nothing changed and nothing was journaled.
        QVERIFY(state() == before);
        QCOMPARE(m_fx.market().journalStats().records, recordsBefore);
        QVERIFY(m_fx.market().flush());
        QCOMPARE(m_fx.market().journalStats().records, recordsBefore);

        // Placed right after, the first preview's order fills what the preview said.
        const CurlResult buy =
            m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                      m_fx.order(QStringLiteral("buy"), 2600, 15));
        QCOMPARE(buy.status, 201);
        qint64 filled = 0;
        for (const QJsonValue &t : buy.json().value(QStringLiteral("trades")).toArray())
            filled += t[QStringLiteral("quantity")].toInteger();
        QCOMPARE(filled, 10);
        // Leave the book empty for the tests after: the buyer's remaining 5 go.
        for (const auto &o : m_fx.market().openOrders(QStringLiteral("p-buyer")))
            QCOMPARE(m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("DELETE"),
                               QStringLiteral("/v1/orders/%1").arg(o.id))
                         .status,
                     200);
        Q_UNUSED(sellId);
    }

    void nonAsciiClientOrderIdsKeepTheirBytes()
    {
        // Folded to Latin-1, "☃-7" and "★-7" were one id and the second a "duplicate".
        const QString snowman = QStringLiteral("\u2603-7");
        const QString star = QStringLiteral("\u2605-7");
        const QString post = QStringLiteral("POST");
        const QString orders = QStringLiteral("/v1/orders");
        const QString buyer = QStringLiteral("p-buyer");
        const CurlResult a = m_fx.curl(buyer, post, orders, m_fx.order(QStringLiteral("buy"), 1001, 1, snowman));
        QCOMPARE(a.status, 201);
        QVERIFY(!a.json().value(QStringLiteral("duplicate")).toBool());
        const CurlResult b = m_fx.curl(buyer, post, orders, m_fx.order(QStringLiteral("buy"), 1001, 1, star));
        QCOMPARE(b.status, 201);
        QVERIFY(!b.json().value(QStringLiteral("duplicate")).toBool());
        QVERIFY(b.json().value(QStringLiteral("orderId")).toInteger() != a.json().value(QStringLiteral("orderId")).toInteger());
        // The same bytes again are a duplicate.
        const CurlResult again = m_fx.curl(buyer, post, orders, m_fx.order(QStringLiteral("buy"), 1001, 1, snowman));
        QCOMPARE(again.status, 201);
        QVERIFY(again.json().value(QStringLiteral("duplicate")).toBool());
        QCOMPARE(again.json().value(QStringLiteral("orderId")).toInteger(), a.json().value(QStringLiteral("orderId")).toInteger());
        // The Idempotency-Key header is read as UTF-8 too.
        const CurlResult keyed = m_fx.curl(buyer, post, orders, m_fx.order(QStringLiteral("buy"), 1001, 1),
                                           {QStringLiteral("-H"), QStringLiteral("Idempotency-Key: \u2603-8")});
        QCOMPARE(keyed.status, 201);
        // 24 bytes at most (eight snowmen are 24), no control characters.
        const CurlResult eight = m_fx.curl(buyer, post, orders,
                                           m_fx.order(QStringLiteral("buy"), 1001, 1, QString(8, QChar(0x2603))));
        QCOMPARE(eight.status, 201);
        const CurlResult nine = m_fx.curl(buyer, post, orders,
                                          m_fx.order(QStringLiteral("buy"), 1001, 1, QString(9, QChar(0x2603))));
        QCOMPARE(nine.status, 422);
        QCOMPARE(nine.code(), QStringLiteral("order.bad-client-id"));
        const CurlResult control = m_fx.curl(buyer, post, orders,
                                             m_fx.order(QStringLiteral("buy"), 1001, 1, QStringLiteral("a\u0007b")));
        QCOMPARE(control.status, 422);
        QCOMPARE(control.code(), QStringLiteral("order.bad-client-id"));

        // Read back exactly, through the API and the engine.
        const CurlResult open = m_fx.curl(buyer, QStringLiteral("GET"), orders);
        QStringList ids;
        for (const QJsonValue &o : open.json().value(QStringLiteral("orders")).toArray())
            ids.append(o[QStringLiteral("clientOrderId")].toString());
        for (const QString &id : {snowman, star, QStringLiteral("\u2603-8"), QString(8, QChar(0x2603))})
            QVERIFY2(ids.contains(id), qPrintable(ids.join(u' ')));
        // Leave the book as it was.
        for (const auto &order : m_fx.market().openOrders(buyer))
            QCOMPARE(m_fx.curl(buyer, QStringLiteral("DELETE"), QStringLiteral("/v1/orders/%1").arg(order.id)).status, 200);
    }

    /// Statuses of the answers on `socket` until `count` have come (or the time is up).
    static QList<int> statuses(QSslSocket &socket, int count, QByteArray *received)
    {
        QList<int> seen;
        QTest::qWaitFor(
            [&] {
                *received += socket.readAll();
                seen.clear();
                for (qsizetype at = received->indexOf("HTTP/1.1 "); at >= 0; at = received->indexOf("HTTP/1.1 ", at + 1))
                    seen.append(received->mid(at + 9, 3).toInt());
                return seen.size() >= count;
            },
            10000);
        return seen;
    }

    void pipelinedAnswersKeepTheirOrder()
    {
        auto tls = m_fx.onboard(QStringLiteral("p-buyer"));
        QVERIFY(tls.ok());
        auto request = [](const QByteArray &method, const QByteArray &body) -> QByteArray {
            QByteArray r = method + " /v1/orders HTTP/1.1\r\nHost: localhost\r\n";
            if (!body.isEmpty())
                r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
            return r + "\r\n" + body;
        };
        {
            // The order is answered after its journal commit, the GET at once: in request order all the same.
            QSslSocket socket;
            socket.setSslConfiguration(tls.value());
            socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_fx.service().port(), QStringLiteral("localhost"));
            QTRY_VERIFY(socket.isEncrypted());
            socket.write(request("POST", m_fx.order(QStringLiteral("buy"), 1001, 1, QStringLiteral("pipe-1")))
                         + request("GET", {}));
            QByteArray received;
            QCOMPARE(statuses(socket, 2, &received), (QList<int>{201, 200}));
        }
        {
            // An order, then a request whose Content-Length is over the limit: the order's
            // acknowledgement comes first, then the 413, then the connection closes.
            QSslSocket socket;
            socket.setSslConfiguration(tls.value());
            socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_fx.service().port(), QStringLiteral("localhost"));
            QTRY_VERIFY(socket.isEncrypted());
            socket.write(request("POST", m_fx.order(QStringLiteral("buy"), 1001, 1, QStringLiteral("pipe-2")))
                         + "POST /v1/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                           "Content-Length: 10000000\r\n\r\n");
            QByteArray received;
            QCOMPARE(statuses(socket, 2, &received), (QList<int>{201, 413}));
            QVERIFY(received.contains("\"pipe-2\"") || received.contains("\"accepted\":true"));
            QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
        }
        QStringList ids;
        for (const auto &order : m_fx.market().openOrders(QStringLiteral("p-buyer")))
            ids.append(order.clientOrderId);
        QVERIFY(ids.contains(QStringLiteral("pipe-1")));
        QVERIFY(ids.contains(QStringLiteral("pipe-2")));
        for (const auto &order : m_fx.market().openOrders(QStringLiteral("p-buyer")))
            QCOMPARE(m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("DELETE"), QStringLiteral("/v1/orders/%1").arg(order.id)).status, 200);
    }

    void refusedRequestsChangeNothing_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString orders = QStringLiteral("/v1/orders");
        const QString buyer = QStringLiteral("p-buyer");
        const QString post = QStringLiteral("POST");
        QTest::newRow("malformed json") << buyer << post << orders << QByteArray("{\"symbol\":") << 400
                                        << QStringLiteral("request.malformed-json");
        QTest::newRow("wrong type")
            << buyer << post << orders
            << QByteArray(
                   R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc","price":"1","quantity":1})")
            << 400 << QStringLiteral("request.wrong-type");
        QTest::newRow("fractional quantity")
            << buyer << post << orders
            << QByteArray(
                   R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc","price":1,"quantity":1.5})")
            << 400 << QStringLiteral("request.wrong-type");
        QTest::newRow("bad side")
            << buyer << post << orders
            << QByteArray(
                   R"({"symbol":"X","side":"up","type":"limit","timeInForce":"gtc","price":1,"quantity":1})")
            << 400 << QStringLiteral("request.wrong-type");
        QTest::newRow("unknown field")
            << buyer << post << orders
            << QByteArray(
                   R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc","price":1,"quantity":1,"colour":"red"})")
            << 400 << QStringLiteral("request.unknown-field");
        QTest::newRow("missing field") << buyer << post << orders << QByteArray(R"({"symbol":"X"})") << 400
                                       << QStringLiteral("request.missing-field");
        QTest::newRow("duplicate key")
            << buyer << post << orders
            << QByteArray(
                   R"({"symbol":"X","side":"sell","side":"buy","type":"limit","timeInForce":"gtc","price":1,"quantity":1})")
            << 400 << QStringLiteral("request.duplicate-key");
        QTest::newRow("whole quantity written 2.0")
            << buyer << post << orders
            << QByteArray(
                   R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc","price":1,"quantity":2.0})")
            << 400 << QStringLiteral("request.wrong-type");
        QTest::newRow("whole quantity written 1e0")
            << buyer << post << orders
            << QByteArray(
                   R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc","price":1,"quantity":1e0})")
            << 400 << QStringLiteral("request.wrong-type");
        QTest::newRow("encoded slash in a contract id")
            << buyer << QStringLiteral("GET") << QStringLiteral("/v1/contracts/c-000001%2Fcertificates") << QByteArray()
            << 404 << QStringLiteral("route.not-found");
        QTest::newRow("quantity beyond 2^53")
            << buyer << post << orders
            << QByteArray(
                   R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc","price":1,"quantity":9007199254740993})")
            << 400 << QStringLiteral("request.out-of-range");
        QTest::newRow("replace with a fraction") << buyer << QStringLiteral("PATCH") << QStringLiteral("/v1/orders/1")
                                                 << QByteArray(R"({"price":1e3})") << 400
                                                 << QStringLiteral("request.wrong-type");
        QTest::newRow("unknown route") << buyer << QStringLiteral("GET") << QStringLiteral("/v1/nothing")
                                       << QByteArray() << 404 << QStringLiteral("route.not-found");
        QTest::newRow("wrong method") << buyer << QStringLiteral("PUT") << orders << QByteArray("{}") << 405
                                      << QStringLiteral("route.method-not-allowed");
        QTest::newRow("oversize body") << buyer << post << orders << QByteArray(65 * 1024, ' ') << 413
                                       << QStringLiteral("request.too-large");
        QTest::newRow("operator route") << buyer << post << QStringLiteral("/v1/participants")
                                        << QByteArray(R"({"id":"p-x","role":"both","jurisdiction":"DE"})")
                                        << 403 << QStringLiteral("auth.permission-missing");
        QTest::newRow("engine rejection")
            << buyer << post << orders
            << QByteArray(
                   R"({"symbol":"NOPE","side":"buy","type":"limit","timeInForce":"gtc","price":100,"quantity":1})")
            << 422 << QStringLiteral("instrument.unknown");
        QTest::newRow("market order with a price")
            << buyer << post << orders
            << QByteArray(R"({"symbol":")" + m_fx.symbol().toLatin1() +
                          R"(","side":"buy","type":"market","timeInForce":"ioc","price":100,"quantity":1})")
            << 422 << QStringLiteral("order.market-with-price");
        QTest::newRow("price above the band")
            << buyer << post << orders
            << QByteArray(
                   R"({"symbol":")" + m_fx.symbol().toLatin1() +
                   R"(","side":"buy","type":"limit","timeInForce":"gtc","price":100000001,"quantity":1})")
            << 422 << QStringLiteral("order.price-outside-band");
        // Default limits are conservative: a buy of a million instances at the band top
        // (about EUR 10bn) or of 100 at it (over EUR 100,000 of open notional) is refused.
        QTest::newRow("default limits: order size")
            << buyer << post << orders
            << QByteArray(
                   R"({"symbol":")" + m_fx.symbol().toLatin1() +
                   R"(","side":"buy","type":"limit","timeInForce":"gtc","price":100000000,"quantity":1000000})")
            << 422 << QStringLiteral("risk.max-order-size");
        QTest::newRow("default limits: open notional")
            << buyer << post << orders
            << QByteArray(
                   R"({"symbol":")" + m_fx.symbol().toLatin1() +
                   R"(","side":"buy","type":"limit","timeInForce":"gtc","price":100000000,"quantity":100})")
            << 422 << QStringLiteral("risk.max-open-notional");
        QTest::newRow("revoke without a reason")
            << QStringLiteral("operator") << post << QStringLiteral("/v1/identities/01/revoke")
            << QByteArray("{}") << 400 << QStringLiteral("request.missing-field");
        QTest::newRow("revoke with an unknown reason")
            << QStringLiteral("operator") << post << QStringLiteral("/v1/identities/01/revoke")
            << QByteArray(R"({"reason":"bored"})") << 400 << QStringLiteral("request.wrong-type");
        QTest::newRow("revoke an unknown serial")
            << QStringLiteral("operator") << post << QStringLiteral("/v1/identities/0123ABCD/revoke")
            << QByteArray(R"({"reason":"key-compromise"})") << 404 << QStringLiteral("pki.revoke.unknown");
        QTest::newRow("revoke as a trader")
            << buyer << post << QStringLiteral("/v1/identities/0123ABCD/revoke")
            << QByteArray(R"({"reason":"key-compromise"})") << 403
            << QStringLiteral("auth.permission-missing");
        QTest::newRow("terminate without a reason")
            << QStringLiteral("operator") << post << QStringLiteral("/v1/contracts/c-000001/terminate")
            << QByteArray(R"({"reason":"  "})") << 400 << QStringLiteral("request.out-of-range");
        QTest::newRow("terminate an unknown contract")
            << QStringLiteral("operator") << post << QStringLiteral("/v1/contracts/c-999999/terminate")
            << QByteArray(R"({"reason":"test"})") << 404 << QStringLiteral("route.not-found");
        QTest::newRow("terminate as a trader")
            << buyer << post << QStringLiteral("/v1/contracts/c-000001/terminate")
            << QByteArray(R"({"reason":"test"})") << 403 << QStringLiteral("auth.permission-missing");
        QTest::newRow("cancel unknown order")
            << buyer << QStringLiteral("DELETE") << QStringLiteral("/v1/orders/999999") << QByteArray() << 422
            << QStringLiteral("order.unknown");
        QTest::newRow("foreign contract")
            << buyer << QStringLiteral("GET") << QStringLiteral("/v1/contracts/c-999999") << QByteArray()
            << 404 << QStringLiteral("route.not-found");
    }

    void refusedRequestsChangeNothing()
    {
        QFETCH(QString, who);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const State before = state();
        const CurlResult answer = m_fx.curl(who, method, path, body);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.contentType, QByteArray("application/problem+json"));
        QCOMPARE(answer.code(), code);
        const State after = state();
        QCOMPARE(after.book, before.book);
        QCOMPARE(after.certificates, before.certificates);
        // The engine journals the commands it refuses (an audit trail with gap-free sequence
        // numbers, which the digest covers), so only an engine rejection may advance them.
        if (status != 422 || code == u"order.market-with-price") {
            QCOMPARE(after.seq, before.seq);
            QCOMPARE(after.hash, before.hash);
        }
    }

    void problemNamesTheField()
    {
        const CurlResult answer = m_fx.curl(
            QStringLiteral("p-buyer"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
            QByteArray(R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc","price":1,"quantity":1,)"
                       R"("requirements":{"jurisdictions":["DE"],"jurisdictions":[]}})"));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.code(), QStringLiteral("request.duplicate-key"));
        QCOMPARE(answer.json().value(QStringLiteral("field")).toString(), QStringLiteral("requirements.jurisdictions"));
    }

    void wrongOrMissingCertificateIsRefused()
    {
        const State before = state();
        // No client certificate: the TLS handshake fails, no HTTP status at all.
        const CurlResult none = m_fx.curl({}, QStringLiteral("GET"), QStringLiteral("/v1/orders"));
        QCOMPARE(none.status, 0);
        QVERIFY(none.exitCode != 0);
        // A certificate of another CA: refused in the handshake too.
        Fixture other;
        QVERIFY(other.start());
        const QStringList foreign{QStringLiteral("--cert"),
                                  other.identityFile(QStringLiteral("p-buyer"), QStringLiteral(".cert.pem")),
                                  QStringLiteral("--key"),
                                  other.identityFile(QStringLiteral("p-buyer"), QStringLiteral(".key.pem"))};
        const CurlResult stranger =
            m_fx.curl({}, QStringLiteral("GET"), QStringLiteral("/v1/orders"), {}, foreign);
        QCOMPARE(stranger.status, 0);
        QVERIFY(state() == before);
    }

    void revokedIdentityGets401()
    {
        QVERIFY(m_fx.onboard(QStringLiteral("p-gone")).ok());
        const CurlResult first =
            m_fx.curl(QStringLiteral("p-gone"), QStringLiteral("GET"), QStringLiteral("/v1/orders"));
        QCOMPARE(first.status, 200);
        const QSslCertificate certificate =
            QSslCertificate::fromPath(
                m_fx.identityFile(QStringLiteral("p-gone"), QStringLiteral(".cert.pem")))
                .value(0);
        QVERIFY(m_fx.service()
                    .revokeIdentity(QString::fromLatin1(certificate.serialNumber()).remove(u':').toUpper())
                    .ok());
        const State before = state();
        const CurlResult refused =
            m_fx.curl(QStringLiteral("p-gone"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                      m_fx.order(QStringLiteral("buy"), 2000, 1));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.code(), QStringLiteral("auth.revoked"));
        QVERIFY(state() == before);
    }

    void clientVanishesMidCommit()
    {
        auto tls = m_fx.onboard(QStringLiteral("p-buyer"));
        QVERIFY(tls.ok());
        QSignalSpy answered(&m_fx.service().api(), &net::ApiServer::requestFinished);
        // The race is the point: the client must be gone once the order is sequenced and
        // before its acknowledgement (sent after the journal commit) reaches it. Event-loop
        // passes are much shorter than an fsync, so the first attempt nearly always wins;
        // a few more make the test independent of luck.
        bool vanishedFirst = false;
        QString clientOrderId;
        for (int attempt = 0; attempt < 5 && !vanishedFirst; ++attempt) {
            QSslSocket socket;
            socket.setSslConfiguration(tls.value());
            socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_fx.service().port(),
                                          QStringLiteral("localhost"));
            QTRY_VERIFY(socket.isEncrypted());
            bool replied = false;
            connect(&socket, &QSslSocket::readyRead, &socket, [&] { replied = true; });
            clientOrderId = QStringLiteral("vanish-%1").arg(attempt);
            const QByteArray body = m_fx.order(QStringLiteral("buy"), 1500, 2, clientOrderId);
            const quint64 seq = m_fx.market().lastSeq();
            answered.clear();
            socket.write("POST /v1/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                         "Content-Length: " +
                         QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QElapsedTimer timer;
            timer.start();
            while (m_fx.market().lastSeq() == seq && timer.elapsed() < 5000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            QVERIFY(m_fx.market().lastSeq() > seq);
            vanishedFirst = !replied && socket.bytesAvailable() == 0 && answered.isEmpty();
            socket.abort();
            // The server still answers, into the void, after the commit.
            QTRY_COMPARE(answered.count(), 1);
            QCOMPARE(answered.at(0).at(2).toInt(), 201);
        }
        QVERIFY(vanishedFirst);
        bool found = false;
        for (const auto &order : m_fx.market().openOrders(QStringLiteral("p-buyer")))
            found = found || order.clientOrderId == clientOrderId;
        QVERIFY(found);
        // The server is still fine and the order is visible through the API.
        const CurlResult orders =
            m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("GET"), QStringLiteral("/v1/orders"));
        QCOMPARE(orders.status, 200);
        QVERIFY(orders.body.contains(clientOrderId.toLatin1()));
    }

    void streamGapAndResync()
    {
        auto tls = m_fx.onboard(QStringLiteral("p-buyer"));
        QVERIFY(tls.ok());
        const QString channel = QStringLiteral("trades.") + m_fx.symbol();
        net::StreamClient client;
        QUrl url = m_fx.service().baseUrl();
        url.setScheme(QStringLiteral("wss"));
        url.setPath(QStringLiteral("/v1/stream"));
        client.setUrl(url);
        client.setSslConfiguration(tls.value());
        QSignalSpy snapshots(&client, &net::StreamClient::snapshotReceived);
        QSignalSpy messages(&client, &net::StreamClient::messageReceived);
        QSignalSpy gaps(&client, &net::StreamClient::gapDetected);
        client.subscribe({channel});
        client.open();
        QTRY_COMPARE(snapshots.count(), 1);
        const qint64 tapeBefore =
            snapshots.at(0).at(2).value<QJsonValue>()[QStringLiteral("trades")].toArray().size();

        auto trade = [&](const QString &id) {
            market::OrderRequest sell;
            sell.symbol = m_fx.symbol();
            sell.side = market::Side::Sell;
            sell.priceTicks = 3000;
            sell.quantity = 1;
            sell.clientOrderId = id + QStringLiteral("s");
            m_fx.market().submitOrder(QStringLiteral("p-seller"), sell);
            market::OrderRequest buy = sell;
            buy.side = market::Side::Buy;
            buy.clientOrderId = id + QStringLiteral("b");
            m_fx.market().submitOrder(QStringLiteral("p-buyer"), buy);
            QVERIFY(m_fx.market().flush());
            m_fx.service().stream().flush();
        };
        m_fx.service().stream().setMaxBacklogBytes(0);
        trade(QStringLiteral("g1"));
        trade(QStringLiteral("g2"));
        QVERIFY(m_fx.service().stream().droppedFrames() >= 1);
        m_fx.service().stream().setMaxBacklogBytes(1 << 20);
        QTest::qWait(100);
        trade(QStringLiteral("g3"));
        QTRY_COMPARE(gaps.count(), 1);
        QTRY_COMPARE(snapshots.count(), 2);
        // The resync snapshot holds all three trades.
        QCOMPARE(snapshots.at(1).at(2).value<QJsonValue>()[QStringLiteral("trades")].toArray().size(),
                 tapeBefore + 3);
        trade(QStringLiteral("g4"));
        QTRY_VERIFY(messages.count() >= 2);
        QCOMPARE(messages.constLast().at(1).toLongLong(), m_fx.service().stream().sequence(channel));
    }

    void publicChannelsFollowTheMarket()
    {
        auto tls = m_fx.onboard(QStringLiteral("p-buyer"));
        QVERIFY(tls.ok());
        net::StreamClient client;
        QUrl url = m_fx.service().baseUrl();
        url.setScheme(QStringLiteral("wss"));
        url.setPath(QStringLiteral("/v1/stream"));
        client.setUrl(url);
        client.setSslConfiguration(tls.value());
        QSignalSpy snapshots(&client, &net::StreamClient::snapshotReceived);
        QSignalSpy messages(&client, &net::StreamClient::messageReceived);
        const QString symbol = m_fx.symbol();
        const QStringList channels{
            QStringLiteral("book.") + symbol,   QStringLiteral("candles.%1.1m").arg(symbol),
            QStringLiteral("spot.") + kProduct, QStringLiteral("instruments"),
            QStringLiteral("fills@p-buyer"),    QStringLiteral("contracts@p-buyer")};
        client.subscribe(channels);
        client.open();
        QTRY_COMPARE(snapshots.count(), channels.size());
        auto latest = [&](const QString &channel) {
            QJsonObject data;
            for (const auto &m : std::as_const(messages)) {
                if (m.at(0).toString() == channel)
                    data = m.at(2).value<QJsonValue>().toObject();
            }
            return data;
        };

        QCOMPARE(m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                           m_fx.order(QStringLiteral("sell"), 4100, 5))
                     .status,
                 201);
        QTRY_VERIFY(!latest(QStringLiteral("book.") + symbol).isEmpty());
        const QJsonArray asks = latest(QStringLiteral("book.") + symbol)[QStringLiteral("asks")].toArray();
        QVERIFY(!asks.isEmpty());

        QCOMPARE(m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                           m_fx.order(QStringLiteral("buy"), 4100, 5))
                     .status,
                 201);
        QTRY_VERIFY(!latest(QStringLiteral("candles.%1.1m").arg(symbol)).isEmpty());
        QCOMPARE(latest(QStringLiteral("candles.%1.1m").arg(symbol))[QStringLiteral("close")].toInteger(),
                 4100);
        QTRY_VERIFY(!latest(QStringLiteral("fills@p-buyer")).isEmpty());
        QCOMPARE(latest(QStringLiteral("fills@p-buyer"))[QStringLiteral("side")].toString(),
                 QStringLiteral("buy"));
        QCOMPARE(latest(QStringLiteral("fills@p-buyer"))[QStringLiteral("counterparty")].toString(),
                 QStringLiteral("p-seller"));
        QTRY_VERIFY(!latest(QStringLiteral("contracts@p-buyer")).isEmpty());
        QCOMPARE(latest(QStringLiteral("contracts@p-buyer"))[QStringLiteral("quantity")].toInteger(), 5);
        // The front hourly instrument feeds the product's spot index.
        if (symbol == m_fx.market().forwardCurve(kProduct).value(0).symbol)
            QTRY_VERIFY(latest(QStringLiteral("spot.") + kProduct)[QStringLiteral("price")].toInteger() > 0);
    }

    void spotHistoryRoute()
    {
        // After publicChannelsFollowTheMarket traded the instrument: the history answers with
        // whole minutes, and the last point is the spot index when the product has one.
        const qint64 now = m_fx.market().nowSecs();
        const CurlResult history =
            m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("GET"),
                      QStringLiteral("/v1/market/spot/%1/history?from=%2&to=%3&resolution=1m")
                          .arg(kProduct)
                          .arg(now - 3600)
                          .arg(now + 60));
        QCOMPARE(history.status, 200);
        QCOMPARE(history.json()[QStringLiteral("product")].toString(), QString(kProduct));
        const QJsonArray points = history.json()[QStringLiteral("points")].toArray();
        const qint64 spot = m_fx.market().spotIndex(kProduct);
        if (spot > 0) {
            QVERIFY(!points.isEmpty());
            QCOMPARE(points.last()[QStringLiteral("price")].toInteger(), spot);
        }
        for (const QJsonValue &p : points)
            QCOMPARE(p[QStringLiteral("time")].toInteger() % 60, 0);

        const auto problem = [&](const QString &query) {
            return m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("GET"),
                             QStringLiteral("/v1/market/spot/%1/history?%2").arg(kProduct, query));
        };
        const CurlResult badResolution = problem(QStringLiteral("resolution=2m"));
        QCOMPARE(badResolution.status, 400);
        QCOMPARE(badResolution.json()[QStringLiteral("code")].toString(), QStringLiteral("request.wrong-type"));
        const CurlResult backwards = problem(QStringLiteral("from=2000&to=1000"));
        QCOMPARE(backwards.status, 400);
        QCOMPARE(backwards.json()[QStringLiteral("field")].toString(), QStringLiteral("from"));
        const CurlResult tooMany = problem(QStringLiteral("from=0&to=%1&resolution=1m").arg(now));
        QCOMPARE(tooMany.status, 400);
        QCOMPARE(tooMany.json()[QStringLiteral("code")].toString(), QStringLiteral("request.out-of-range"));
        QCOMPARE(problem(QStringLiteral("from=abc")).status, 400);
        QCOMPARE(m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("GET"),
                           QStringLiteral("/v1/market/spot/XX.NOPE.SH.S1/history"))
                     .status,
                 404);
    }

    void privateChannelsAreTheOwnersOnly()
    {
        auto tls = m_fx.onboard(QStringLiteral("p-buyer"));
        QVERIFY(tls.ok());
        net::StreamClient client;
        QUrl url = m_fx.service().baseUrl();
        url.setScheme(QStringLiteral("wss"));
        url.setPath(QStringLiteral("/v1/stream"));
        client.setUrl(url);
        client.setSslConfiguration(tls.value());
        QSignalSpy snapshots(&client, &net::StreamClient::snapshotReceived);
        QSignalSpy messages(&client, &net::StreamClient::messageReceived);
        QSignalSpy errors(&client, &net::StreamClient::errorReceived);
        client.subscribe({QStringLiteral("orders@p-buyer"), QStringLiteral("orders@p-seller"),
                          QStringLiteral("book.NOPE")});
        client.open();
        QTRY_COMPARE(snapshots.count(), 1);
        QCOMPARE(snapshots.at(0).at(0).toString(), QStringLiteral("orders@p-buyer"));
        QTRY_COMPARE(errors.count(), 2);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("stream.forbidden-channel"));

        const CurlResult placed =
            m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                      m_fx.order(QStringLiteral("buy"), 1200, 1, QStringLiteral("private-1")));
        QCOMPARE(placed.status, 201);
        QTRY_COMPARE(messages.count(), 1);
        const QJsonObject event = messages.at(0).at(2).value<QJsonValue>().toObject();
        QCOMPARE(event.value(QStringLiteral("event")).toString(), QStringLiteral("accepted"));
        QCOMPARE(event[QStringLiteral("order")][QStringLiteral("clientOrderId")].toString(),
                 QStringLiteral("private-1"));
    }

    void contractCertificatesAndCrl()
    {
        const QString buyer = QStringLiteral("p-buyer");
        const QString seller = QStringLiteral("p-seller");
        const auto contracts = m_fx.market().contractsOf(buyer);
        QVERIFY(!contracts.isEmpty());
        const QString code = market::Exchange::contractCode(contracts.constLast().id);
        auto key = pki::PrivateKey::generate();
        QVERIFY(key.ok());
        auto csr = pki::createCertificateRequest(key.value(), {buyer, QStringLiteral("manage"), {}, {}});
        QVERIFY(csr.ok());
        const QByteArray body = "{\"csr\":\"" + csr->toBase64() + "\"}";
        const QString route = QStringLiteral("/v1/contracts/%1/certificates").arg(code);

        const State before = state();
        const CurlResult bySeller = m_fx.curl(seller, QStringLiteral("POST"), route, body);
        QCOMPARE(bySeller.status, 403);
        QVERIFY(state() == before);
        auto otherCsr =
            pki::createCertificateRequest(key.value(), {seller, QStringLiteral("manage"), {}, {}});
        const CurlResult wrongSubject =
            m_fx.curl(buyer, QStringLiteral("POST"), route, "{\"csr\":\"" + otherCsr->toBase64() + "\"}");
        QCOMPARE(wrongSubject.status, 422);
        QVERIFY(state() == before);

        const CurlResult issued = m_fx.curl(buyer, QStringLiteral("POST"), route, body);
        QCOMPARE(issued.status, 201);
        const QString serial = issued.json().value(QStringLiteral("serial")).toString();
        QCOMPARE(issued.json().value(QStringLiteral("contractId")).toString(), code);
        for (const QString &who : {buyer, seller}) {
            const CurlResult pulled = m_fx.curl(who, QStringLiteral("GET"), route);
            QCOMPARE(pulled.status, 200);
            QCOMPARE(pulled.json()[QStringLiteral("certificates")]
                         .toArray()
                         .at(0)[QStringLiteral("serial")]
                         .toString(),
                     serial);
        }

        // A contract certificate chains to the CA, but it is no identity for the API. (This
        // one is not valid before its delivery window, so the handshake refuses it first.)
        const QSslCertificate contractCertificate(
            issued.json()[QStringLiteral("certificate")].toString().toLatin1());
        const auto asContract = m_fx.service().authenticate(contractCertificate);
        QVERIFY(!asContract.ok());
        QCOMPARE(asContract.error().code, QStringLiteral("auth.wrong-kind"));

        const CurlResult crlBefore = m_fx.curl(seller, QStringLiteral("GET"), QStringLiteral("/v1/crl"));
        QCOMPARE(crlBefore.status, 200);
        bool ended = false;
        m_fx.market().terminateContract(contracts.constLast().id,
                                        [&](const market::Ack &ack) { ended = ack.accepted; });
        QTRY_VERIFY(ended);
        const CurlResult crlAfter = m_fx.curl(seller, QStringLiteral("GET"), QStringLiteral("/v1/crl"));
        QVERIFY(crlAfter.json()[QStringLiteral("number")].toInteger() >
                crlBefore.json()[QStringLiteral("number")].toInteger());

        // A seller's verifier with the new CRL refuses the certificate.
        pki::CertificateVerifier verifier;
        QVERIFY(verifier.setTrustAnchor(m_fx.service().authority().rootCertificate()).ok());
        QVERIFY(
            verifier
                .setCrl(QByteArray::fromBase64(crlAfter.json()[QStringLiteral("crl")].toString().toLatin1()))
                .ok());
        const auto certificate =
            QSslCertificate::fromData(issued.json()[QStringLiteral("certificate")].toString().toLatin1());
        pki::Expectation expectation;
        expectation.kind = pki::CertificateKind::Contract;
        const auto verified = verifier.verify(certificate.value(0).toDer(), expectation);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code, QStringLiteral("pki.verify.revoked"));
    }

private:
    /// An open stream session of `tls`, following `channels`.
    struct Session
    {
        std::unique_ptr<QWebSocket> socket = std::make_unique<QWebSocket>();
        QList<QJsonObject> frames;
    };
    std::unique_ptr<Session> openSession(const QSslConfiguration &tls, const QStringList &channels)
    {
        auto session = std::make_unique<Session>();
        Session *s = session.get();
        session->socket->setSslConfiguration(tls);
        connect(s->socket.get(), &QWebSocket::textMessageReceived, s->socket.get(), [s](const QString &text) {
            s->frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QUrl url = m_fx.service().baseUrl();
        url.setScheme(QStringLiteral("wss"));
        url.setPath(QStringLiteral("/v1/stream"));
        session->socket->open(url);
        if (!QTest::qWaitFor([&] { return s->socket->state() == QAbstractSocket::ConnectedState; }, 10000))
            return nullptr;
        s->socket->sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("op"), QStringLiteral("subscribe")},
                                      {QStringLiteral("channels"), QJsonArray::fromStringList(channels)}})
                .toJson(QJsonDocument::Compact)));
        if (!QTest::qWaitFor([&] { return s->frames.size() >= channels.size(); }, 10000))
            return nullptr;
        return session;
    }
    /// Whether the CRL of a GET /v1/crl answer revokes the contract certificate `serial`.
    bool crlRevokes(const CurlResult &crl, const QString &serial)
    {
        pki::CertificateVerifier verifier;
        if (!verifier.setTrustAnchor(m_fx.service().authority().rootCertificate()).ok() ||
            !verifier.setCrl(QByteArray::fromBase64(crl.json()[QStringLiteral("crl")].toString().toLatin1()))
                 .ok())
            return false;
        const auto record = m_fx.service().authority().find(serial);
        if (!record)
            return false;
        pki::Expectation expectation;
        expectation.kind = record->kind;
        const auto verified = verifier.verify(record->der, expectation);
        return !verified.ok() && verified.error().code == u"pki.verify.revoked";
    }
    static QString serialOf(const QString &certificateFile)
    {
        const QSslCertificate certificate = QSslCertificate::fromPath(certificateFile).value(0);
        return QString::fromLatin1(certificate.serialNumber()).remove(u':').toUpper();
    }

private Q_SLOTS:
    // Defect 6: an operator revokes an identity over the API; within a second its open
    // connections are closed, its stream sessions closed with 1008, the cache forgets it
    // and the CRL lists it.
    void revokeIdentityOverTheApi()
    {
        auto tls = m_fx.onboard(QStringLiteral("p-revoked"));
        QVERIFY(tls.ok());
        const QString certificateFile =
            m_fx.identityFile(QStringLiteral("p-revoked"), QStringLiteral(".cert.pem"));
        const QString serial = serialOf(certificateFile);

        // A kept-alive API connection that has been answered once (so its identity is cached).
        QSslSocket api;
        api.setSslConfiguration(tls.value());
        api.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_fx.service().port(),
                                   QStringLiteral("localhost"));
        QTRY_VERIFY(api.isEncrypted());
        api.write("GET /v1/orders HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QTRY_VERIFY(api.bytesAvailable() > 0);
        QVERIFY(api.readAll().startsWith("HTTP/1.1 200"));
        auto session = openSession(tls.value(), {QStringLiteral("orders@p-revoked")});
        QVERIFY(session);
        QSignalSpy streamClosed(session->socket.get(), &QWebSocket::disconnected);
        QSignalSpy apiClosed(&api, &QSslSocket::disconnected);

        QElapsedTimer sinceRevocation;
        sinceRevocation.start();
        const CurlResult revoked = m_fx.curl(QStringLiteral("operator"), QStringLiteral("POST"),
                                             QStringLiteral("/v1/identities/%1/revoke").arg(serial.toLower()),
                                             QByteArray(R"({"reason":"key-compromise"})"));
        QCOMPARE(revoked.status, 200);
        QCOMPARE(revoked.json().value(QStringLiteral("serial")).toString(), serial);
        QCOMPARE(revoked.json().value(QStringLiteral("reason")).toString(), QStringLiteral("key-compromise"));
        const qint64 crlNumber = revoked.json().value(QStringLiteral("crlNumber")).toInteger();
        QVERIFY(crlNumber > 0);

        QTRY_VERIFY_WITH_TIMEOUT(streamClosed.count() == 1 && apiClosed.count() == 1, 1000);
        QVERIFY(sinceRevocation.elapsed() < 1000 + 5000); // curl itself is slow on a busy machine
        QCOMPARE(session->socket->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);

        // The next request is refused, not answered from the cache.
        const CurlResult refused =
            m_fx.curl(QStringLiteral("p-revoked"), QStringLiteral("GET"), QStringLiteral("/v1/orders"));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.code(), QStringLiteral("auth.revoked"));

        // The CRL already served lists it, with the reason.
        const CurlResult crl =
            m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("GET"), QStringLiteral("/v1/crl"));
        QCOMPARE(crl.json()[QStringLiteral("number")].toInteger(), crlNumber);
        pki::CertificateVerifier verifier;
        QVERIFY(verifier.setTrustAnchor(m_fx.service().authority().rootCertificate()).ok());
        QVERIFY(
            verifier.setCrl(QByteArray::fromBase64(crl.json()[QStringLiteral("crl")].toString().toLatin1()))
                .ok());
        pki::Expectation expectation;
        expectation.kind = pki::CertificateKind::User;
        const auto verified =
            verifier.verify(QSslCertificate::fromPath(certificateFile).value(0).toDer(), expectation);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code, QStringLiteral("pki.verify.revoked"));

        // Again: harmless. A contract certificate is no identity to revoke.
        QCOMPARE(m_fx.curl(QStringLiteral("operator"), QStringLiteral("POST"),
                           QStringLiteral("/v1/identities/%1/revoke").arg(serial),
                           QByteArray(R"({"reason":"unspecified"})"))
                     .status,
                 200);
    }

    // Defect 9: one live contract certificate per contract and holder; a new one revokes
    // (supersedes) the previous one.
    void contractCertificateReplacesThePrevious()
    {
        const QString buyer = QStringLiteral("p-buyer");
        QCOMPARE(m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                           m_fx.order(QStringLiteral("sell"), 2700, 4))
                     .status,
                 201);
        QCOMPARE(m_fx.curl(buyer, QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                           m_fx.order(QStringLiteral("buy"), 2700, 4))
                     .status,
                 201);
        const QString code = market::Exchange::contractCode(m_fx.market().contractsOf(buyer).constLast().id);
        const QString route = QStringLiteral("/v1/contracts/%1/certificates").arg(code);
        QStringList serials;
        for (int i = 0; i < 5; ++i) {
            auto key = pki::PrivateKey::generate();
            auto csr = pki::createCertificateRequest(key.value(), {buyer, QStringLiteral("manage"), {}, {}});
            const CurlResult issued =
                m_fx.curl(buyer, QStringLiteral("POST"), route, "{\"csr\":\"" + csr->toBase64() + "\"}");
            QCOMPARE(issued.status, 201);
            serials.append(issued.json().value(QStringLiteral("serial")).toString());
        }
        int live = 0;
        for (const QString &serial : std::as_const(serials))
            live += m_fx.service().authority().isRevoked(serial) ? 0 : 1;
        QCOMPARE(live, 1);
        QVERIFY(!m_fx.service().authority().isRevoked(serials.constLast()));
        // The served CRL lists the superseded ones.
        const CurlResult crl = m_fx.curl(buyer, QStringLiteral("GET"), QStringLiteral("/v1/crl"));
        QVERIFY(crlRevokes(crl, serials.constFirst()));
        QVERIFY(!crlRevokes(crl, serials.constLast()));
    }

    // Defect 7: an operator terminates a contract over the API: journaled, its certificates
    // revoked, a new CRL, and the contract event on both parties' contracts@ channels.
    void terminateContractOverTheApi()
    {
        const QString buyer = QStringLiteral("p-buyer");
        const QString seller = QStringLiteral("p-seller");
        QCOMPARE(m_fx.curl(seller, QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                           m_fx.order(QStringLiteral("sell"), 2800, 2))
                     .status,
                 201);
        QCOMPARE(m_fx.curl(buyer, QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                           m_fx.order(QStringLiteral("buy"), 2800, 2))
                     .status,
                 201);
        const quint64 id = m_fx.market().contractsOf(buyer).constLast().id;
        const QString code = market::Exchange::contractCode(id);
        auto key = pki::PrivateKey::generate();
        auto csr = pki::createCertificateRequest(key.value(), {buyer, QStringLiteral("manage"), {}, {}});
        const CurlResult issued = m_fx.curl(buyer, QStringLiteral("POST"),
                                            QStringLiteral("/v1/contracts/%1/certificates").arg(code),
                                            "{\"csr\":\"" + csr->toBase64() + "\"}");
        QCOMPARE(issued.status, 201);
        const QString serial = issued.json().value(QStringLiteral("serial")).toString();

        auto buyerSession = openSession(m_fx.onboard(buyer).value(), {QStringLiteral("contracts@p-buyer")});
        auto sellerSession =
            openSession(m_fx.onboard(seller).value(), {QStringLiteral("contracts@p-seller")});
        QVERIFY(buyerSession && sellerSession);
        const qint64 crlBefore = m_fx.curl(buyer, QStringLiteral("GET"), QStringLiteral("/v1/crl"))
                                     .json()[QStringLiteral("number")]
                                     .toInteger();
        const quint64 seqBefore = m_fx.market().lastSeq();

        const QString terminate = QStringLiteral("/v1/contracts/%1/terminate").arg(code);
        const CurlResult ended = m_fx.curl(QStringLiteral("operator"), QStringLiteral("POST"), terminate,
                                           QByteArray(R"({"reason":"seller site lost power"})"));
        QCOMPARE(ended.status, 200);
        QVERIFY(ended.json().value(QStringLiteral("accepted")).toBool());
        QVERIFY(m_fx.market().lastSeq() > seqBefore); // journaled
        QCOMPARE(m_fx.market().contract(id)->state, market::ContractState::Terminated);
        QVERIFY(m_fx.service().authority().isRevoked(serial));
        const CurlResult crl = m_fx.curl(seller, QStringLiteral("GET"), QStringLiteral("/v1/crl"));
        QVERIFY(crl.json()[QStringLiteral("number")].toInteger() > crlBefore);
        QVERIFY(crlRevokes(crl, serial));

        const auto terminatedEvent = [&](const Session &session) {
            for (const QJsonObject &frame : session.frames) {
                for (const QJsonValue &m : frame.value(QStringLiteral("messages")).toArray()) {
                    const QJsonObject data = m[QStringLiteral("data")].toObject();
                    if (data.value(QStringLiteral("id")).toString() == code &&
                        data.value(QStringLiteral("state")).toString() == u"terminated")
                        return true;
                }
            }
            return false;
        };
        QTRY_VERIFY(terminatedEvent(*buyerSession));
        QTRY_VERIFY(terminatedEvent(*sellerSession));

        // Twice: the engine refuses, nothing else changes.
        const CurlResult again = m_fx.curl(QStringLiteral("operator"), QStringLiteral("POST"), terminate,
                                           QByteArray(R"({"reason":"again"})"));
        QCOMPARE(again.status, 422);
        QCOMPARE(again.code(), QStringLiteral("contract.not-terminable"));
    }

    // Defect 8: the CRL is valid for an hour; the service re-signs it on its own before
    // then (crl.pem included), so a verifier that reads it never finds it expired.
    void crlStaysFreshWithoutRequests()
    {
        QTemporaryDir dir;
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        exchange::ExchangeService service(clock);
        exchange::ExchangeService::Config config;
        config.directory = dir.path();
        config.products = {catalogue::Catalogue::standard().parseProduct(kProduct).value()};
        config.horizon = {1, 0, 0, 0, 0};
        config.clockIntervalMs = 0;
        config.crlCheckIntervalMs = 20;
        QVERIFY(service.open(config).ok());
        auto key = pki::PrivateKey::generate();
        auto csr = pki::createCertificateRequest(key.value(),
                                                 {QStringLiteral("p-x"), QStringLiteral("p-x"), {}, {}});
        pki::IdentityRequest request;
        request.participant = QStringLiteral("p-x");
        auto identity = service.issueIdentity(csr.value(), request);
        QVERIFY(identity.ok());

        const QString crlFile = dir.filePath(QStringLiteral("ca/crl.pem"));
        const auto verifiesAtClock = [&] {
            QFile file(crlFile);
            if (!file.open(QIODevice::ReadOnly))
                return QStringLiteral("no crl.pem");
            pki::CertificateVerifier verifier(clock);
            if (!verifier.setTrustAnchor(service.authority().rootCertificate()).ok())
                return QStringLiteral("no anchor");
            const QByteArray der = QByteArray::fromBase64(
                file.readAll().replace("-----BEGIN X509 CRL-----", "").replace("-----END X509 CRL-----", ""));
            if (auto set = verifier.setCrl(der); !set)
                return set.error().code;
            pki::Expectation expectation;
            expectation.kind = pki::CertificateKind::Participant;
            const auto verified = verifier.verify(identity->der, expectation);
            return verified.ok() ? QString() : verified.error().code;
        };
        QTRY_COMPARE(verifiesAtClock(), QString());
        const qint64 firstNumber = service.authority().crlNumber();
        for (int hour = 1; hour <= 3; ++hour) {
            // Nobody asks for the CRL meanwhile; past its nextUpdate the old one is stale.
            clock.advanceMs(61 * 60 * 1000);
            QTRY_COMPARE(verifiesAtClock(), QString());
            QVERIFY(service.authority().crlNextUpdateMs() > clock.nowMs());
        }
        QVERIFY(service.authority().crlNumber() >= firstNumber + 3);
    }
    // Last: it breaks the journal for good. A journal that fails stops the exchange from
    // accepting commands; every later command gets a 503 problem that says why, and reads
    // go on.
    void journalFailureAnswers503()
    {
        QSignalSpy failed(&m_fx.service(), &exchange::ExchangeService::journalFailed);
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(m_fx.path(QStringLiteral("exchange/journal.db")).toUtf8().constData(), &db),
                 SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "DROP TABLE journal", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);

        const QByteArray order = "{\"symbol\":\"" + m_fx.symbol().toLatin1() +
                                 "\",\"side\":\"buy\",\"type\":\"limit\",\"timeInForce\":\"gtc\","
                                 "\"price\":1000,\"quantity\":1}";
        const CurlResult first =
            m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("POST"), QStringLiteral("/v1/orders"), order);
        QCOMPARE(first.status, 503);
        QCOMPARE(first.code(), QStringLiteral("store.failed"));
        QCOMPARE(first.contentType, QByteArray("application/problem+json"));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(!failed.at(0).at(0).toString().isEmpty());

        const CurlResult later =
            m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("POST"), QStringLiteral("/v1/orders"), order);
        QCOMPARE(later.status, 503);
        QCOMPARE(later.code(), QStringLiteral("store.failed"));
        // The detail carries the journal's own reason, so the desk can show it.
        const QString detail = later.json().value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(failed.at(0).at(0).toString()), qPrintable(detail));

        const CurlResult read =
            m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("GET"), QStringLiteral("/v1/orders"));
        QCOMPARE(read.status, 200);
    }
};

QTEST_GUILESS_MAIN(TestExchangeService)
#include "tst_exchangeservice.moc"
