// Every API type survives JSON -> struct -> JSON unchanged, and the enumerations keep their
// wire names. The JSON of each row is written as the server sends it (docs/openapi.json).
#include "api/book.h"
#include "api/candle.h"
#include "api/certificate.h"
#include "api/channels.h"
#include "api/contract.h"
#include "api/curvepoint.h"
#include "api/fill.h"
#include "api/identityrequest.h"
#include "api/instrument.h"
#include "api/order.h"
#include "api/orderack.h"
#include "api/orderchange.h"
#include "api/orderevent.h"
#include "api/orderrequest.h"
#include "api/parse.h"
#include "api/participantrequest.h"
#include "api/settlement.h"
#include "api/site.h"
#include "api/trade.h"
#include "api/usage.h"

#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace cloudex;
using namespace Qt::StringLiterals;

namespace {
/// Parses strictly as T and writes back.
using RoundTrip = std::function<Result<QJsonObject>(const QByteArray &)>;

template<typename T> Result<QJsonObject> roundTrip(const QByteArray &json)
{
    auto parsed = api::parseRequest<T>(json);
    if (!parsed)
        return parsed.error();
    return parsed->toJson();
}

const QHash<QString, RoundTrip> &roundTrips()
{
    static const QHash<QString, RoundTrip> table{
        {u"Instrument"_s, roundTrip<api::Instrument>},
        {u"OrderRequest"_s, roundTrip<api::OrderRequest>},
        {u"OrderChange"_s, roundTrip<api::OrderChange>},
        {u"OrderAck"_s, roundTrip<api::OrderAck>},
        {u"Order"_s, roundTrip<api::Order>},
        {u"Trade"_s, roundTrip<api::Trade>},
        {u"Fill"_s, roundTrip<api::Fill>},
        {u"Contract"_s, roundTrip<api::Contract>},
        {u"Certificate"_s, roundTrip<api::Certificate>},
        {u"Book"_s, roundTrip<api::Book>},
        {u"Candle"_s, roundTrip<api::Candle>},
        {u"CurvePoint"_s, roundTrip<api::CurvePoint>},
        {u"Curve"_s, roundTrip<api::Curve>},
        {u"ParticipantRequest"_s, roundTrip<api::ParticipantRequest>},
        {u"LimitsRequest"_s, roundTrip<api::LimitsRequest>},
        {u"KillSwitchRequest"_s, roundTrip<api::KillSwitchRequest>},
        {u"IdentityRequest"_s, roundTrip<api::IdentityRequest>},
        {u"OrderEvent"_s, roundTrip<api::OrderEvent>},
        {u"InstrumentsUpdate"_s, roundTrip<api::InstrumentsUpdate>},
        {u"SpotPrice"_s, roundTrip<api::SpotPrice>},
        {u"SiteRegistration"_s, roundTrip<api::SiteRegistration>},
        {u"Site"_s, roundTrip<api::Site>},
        {u"ContractSite"_s, roundTrip<api::ContractSite>},
        {u"UsageReport"_s, roundTrip<api::UsageReport>},
        {u"UsageHour"_s, roundTrip<api::UsageHour>},
        {u"UsageAck"_s, roundTrip<api::UsageAck>},
        {u"Settlement"_s, roundTrip<api::Settlement>},
    };
    return table;
}

template<api::WireEnum E> void checkNames(std::initializer_list<const char *> names)
{
    const auto values = api::allValues<E>();
    QCOMPARE(values.size(), names.size());
    qsizetype i = 0;
    for (const char *name : names) {
        const E value = values[i++];
        QCOMPARE(api::toWire(value), QString::fromLatin1(name));
        QCOMPARE(api::fromWire<E>(QString::fromLatin1(name)), std::optional<E>(value));
    }
    QCOMPARE(api::fromWire<E>(u"nonsense"), std::nullopt);
    QCOMPARE(api::fromWire<E>(QString()), std::nullopt);
}
} // namespace

class TestApiTypes final : public QObject
{
    Q_OBJECT

private slots:
    void channelNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        const QString symbol = QStringLiteral("DE.GP2.SH.S1.H2026-12-01T14");
        QTest::newRow("instruments") << api::channel::instruments() << QStringLiteral("instruments");
        QTest::newRow("orders") << api::channel::orders(QStringLiteral("p-acme"))
                                << QStringLiteral("orders@p-acme");
        QTest::newRow("fills") << api::channel::fills(QStringLiteral("p-acme"))
                               << QStringLiteral("fills@p-acme");
        QTest::newRow("contracts") << api::channel::contracts(QStringLiteral("p-acme"))
                                   << QStringLiteral("contracts@p-acme");
        QTest::newRow("trades") << api::channel::trades(symbol) << QStringLiteral("trades.") + symbol;
        QTest::newRow("book") << api::channel::book(symbol) << QStringLiteral("book.") + symbol;
        QTest::newRow("spot") << api::channel::spot(QStringLiteral("DE.GP2.SH.S1"))
                              << QStringLiteral("spot.DE.GP2.SH.S1");
        QTest::newRow("candles 5m") << api::channel::candles(symbol, api::Resolution::Minute5)
                                    << QStringLiteral("candles.") + symbol + QStringLiteral(".5m");
        QTest::newRow("settlements") << api::channel::settlements(QStringLiteral("p-acme"))
                                     << QStringLiteral("settlements@p-acme");
        QTest::newRow("candles 1d") << api::channel::candles(symbol, api::Resolution::Day1)
                                    << QStringLiteral("candles.") + symbol + QStringLiteral(".1d");
    }

    void channelNames()
    {
        // The names docs/API.md gives the channels: server and desk spell them through these.
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(name, expected);
    }

    void roundTripsUnchanged_data()
    {
        // URLs are written "https:\/\/…" (the same JSON string): moc reads a "//" inside a raw
        // string literal as a comment.
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("instrument")
            << u"Instrument"_s
            << QByteArray(
                   R"({"symbol":"DE.GP2.SH.S1.H-2026-12-01T14","product":"DE.GP2.SH.S1","kind":"H",)"
                   R"("deliveryStart":1796133600,"deliveryEnd":1796137200,"lotSize":1,"bandLow":1,"bandHigh":100000000})");
        QTest::newRow("limit order")
            << u"OrderRequest"_s
            << QByteArray(
                   R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc","price":5000,"quantity":3})");
        QTest::newRow("market order, ioc")
            << u"OrderRequest"_s
            << QByteArray(R"({"symbol":"X","side":"sell","type":"market","timeInForce":"ioc","quantity":1})");
        QTest::newRow("good till date, post-only, client id")
            << u"OrderRequest"_s
            << QByteArray(
                   R"({"symbol":"X","side":"sell","type":"limit","timeInForce":"gtd","price":1,"quantity":2,)"
                   R"("expiry":1796137200,"postOnly":true,"clientOrderId":"c-1"})");
        QTest::newRow("fill or kill with requirements")
            << u"OrderRequest"_s
            << QByteArray(
                   R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"fok","price":7,"quantity":4,)"
                   R"("requirements":{"jurisdictions":["DE","FR"],"certifications":["iso27001"],"metadataPolicies":["strict"]}})");
        QTest::newRow("empty requirements")
            << u"OrderRequest"_s
            << QByteArray(
                   R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc","price":7,"quantity":4,"requirements":{}})");
        QTest::newRow("order change, price only") << u"OrderChange"_s << QByteArray(R"({"price":12})");
        QTest::newRow("order change, both") << u"OrderChange"_s << QByteArray(R"({"price":12,"quantity":3})");
        QTest::newRow("order change, empty") << u"OrderChange"_s << QByteArray("{}");
        QTest::newRow("ack without trades")
            << u"OrderAck"_s
            << QByteArray(R"({"seq":17,"accepted":true,"duplicate":false,"trades":[],"orderId":5})");
        QTest::newRow("ack with a trade")
            << u"OrderAck"_s
            << QByteArray(
                   R"({"seq":18,"accepted":true,"duplicate":true,"orderId":6,"trades":[)"
                   R"({"id":1,"seq":18,"symbol":"X","price":5000,"quantity":1,"aggressor":"sell","time":1796130000}]})");
        QTest::newRow("operator ack")
            << u"OrderAck"_s << QByteArray(R"({"seq":2,"accepted":true,"duplicate":false,"trades":[]})");
        QTest::newRow("order")
            << u"Order"_s
            << QByteArray(
                   R"({"id":9,"symbol":"X","side":"sell","price":5100,"remaining":2,"clientOrderId":""})");
        QTest::newRow("trade")
            << u"Trade"_s
            << QByteArray(
                   R"({"id":3,"seq":40,"symbol":"X","price":4999,"quantity":2,"aggressor":"buy","time":1796130001})");
        QTest::newRow("fill")
            << u"Fill"_s
            << QByteArray(
                   R"({"id":3,"seq":40,"symbol":"X","price":4999,"quantity":2,"aggressor":"buy","time":1796130001,)"
                   R"("side":"sell","counterparty":"p-acme","orderId":8,"contractId":"c-000003"})");
        QTest::newRow("contract")
            << u"Contract"_s
            << QByteArray(
                   R"({"id":"c-000003","trade":3,"symbol":"X","product":"DE.GP2.SH.S1","buyer":"p-a","seller":"p-b",)"
                   R"("quantity":2,"price":4999,"deliveryStart":1796133600,"deliveryEnd":1796137200,"state":"terminated",)"
                   R"("sla":{"class":"S1","availabilityBasisPoints":9995,"supportResponseMinutes":15,)"
                   R"("nextBusinessDaySupport":false,"credits":[{"belowBasisPoints":9995,"creditPercent":10},)"
                   R"({"belowBasisPoints":9900,"creditPercent":25}]},"governingLaw":"DE","legalTermsVersion":1})");
        QTest::newRow("identity certificate")
            << u"Certificate"_s
            << QByteArray("{\"serial\":\"0A1B\",\"certificate\":\"-----BEGIN "
                          "CERTIFICATE-----\\n...\",\"notBefore\":1,\"notAfter\":2}");
        QTest::newRow("contract certificate")
            << u"Certificate"_s
            << QByteArray(
                   R"({"serial":"0A1C","certificate":"PEM","notBefore":1,"notAfter":2,"contractId":"c-000001"})");
        QTest::newRow("book")
            << u"Book"_s
            << QByteArray(
                   R"({"symbol":"X","seq":99,"bids":[{"price":10,"quantity":3,"orders":2},{"price":9,"quantity":1,"orders":1}],)"
                   R"("asks":[{"price":11,"quantity":5,"orders":1}]})");
        QTest::newRow("empty book") << u"Book"_s
                                    << QByteArray(R"({"symbol":"X","seq":0,"bids":[],"asks":[]})");
        QTest::newRow("candle")
            << u"Candle"_s
            << QByteArray(R"({"start":1796130000,"open":10,"high":12,"low":9,"close":11,"volume":40})");
        QTest::newRow("curve point")
            << u"CurvePoint"_s
            << QByteArray(
                   R"({"symbol":"X","kind":"D","deliveryStart":1796133600,"last":0,"bid":10,"ask":0})");
        QTest::newRow("curve")
            << u"Curve"_s
            << QByteArray(
                   R"({"product":"P","points":[{"symbol":"X","kind":"W","deliveryStart":1,"last":2,"bid":3,"ask":4}]})");
        QTest::newRow("participant, minimal")
            << u"ParticipantRequest"_s << QByteArray(R"({"id":"p-x","role":"both","jurisdiction":"DE"})");
        QTest::newRow("participant, full")
            << u"ParticipantRequest"_s
            << QByteArray(
                   R"({"id":"p-x","role":"seller","jurisdiction":"FR","certifications":["iso27001"],"metadataPolicy":"strict"})");
        QTest::newRow("limits, all")
            << u"LimitsRequest"_s
            << QByteArray(
                   R"({"maxOrderQuantity":100,"maxOpenNotional":5000000,"credit":-1,"allowedBuyers":["p-a"]})");
        QTest::newRow("limits, empty allow-list")
            << u"LimitsRequest"_s << QByteArray(R"({"allowedBuyers":[]})");
        QTest::newRow("limits, none") << u"LimitsRequest"_s << QByteArray("{}");
        QTest::newRow("kill switch") << u"KillSwitchRequest"_s << QByteArray(R"({"blocked":true})");
        QTest::newRow("identity request")
            << u"IdentityRequest"_s
            << QByteArray(
                   R"({"kind":"user","participant":"p-x","name":"u-a","organisation":"X AG","role":"buyer",)"
                   R"("permissions":["trade"],"csr":"MIIB"})");
        QTest::newRow("order event with reason")
            << u"OrderEvent"_s
            << QByteArray(
                   R"({"event":"cancelled","order":{"id":1,"symbol":"X","side":"buy","price":1,"remaining":0,)"
                   R"("clientOrderId":"a"},"reason":"order.expired"})");
        QTest::newRow("order event")
            << u"OrderEvent"_s
            << QByteArray(
                   R"({"event":"replaced","order":{"id":1,"symbol":"X","side":"buy","price":2,"remaining":1,"clientOrderId":""}})");
        QTest::newRow("instruments update")
            << u"InstrumentsUpdate"_s << QByteArray(R"({"listed":["A","B"],"closed":[]})");
        QTest::newRow("spot") << u"SpotPrice"_s << QByteArray(R"({"price":5000})");
        QTest::newRow("site registration")
            << u"SiteRegistration"_s
            << QByteArray(
                   R"({"name":"Frankfurt 1","endpoint":"https:\/\/fra1.example:9443","products":["DE.GP2.SH.S1"]})");
        QTest::newRow("site")
            << u"Site"_s
            << QByteArray(
                   R"({"id":"s-fra1","participant":"p-x","name":"Frankfurt 1","endpoint":"https:\/\/fra1.example:9443",)"
                   R"("products":["DE.GP2.SH.S1","DE.GP4.SH.S1"],"registered":1796133600})");
        QTest::newRow("contract site")
            << u"ContractSite"_s
            << QByteArray(R"({"id":"s-fra1","name":"F","endpoint":"https:\/\/fra1.example:9443"})");
        QTest::newRow("contract, assigned and terminated")
            << u"Contract"_s
            << QByteArray(
                   R"({"id":"c-000001","trade":1,"symbol":"X","product":"P","buyer":"a","seller":"b","quantity":1,"price":2,)"
                   R"("deliveryStart":3,"deliveryEnd":4,"state":"terminated","sla":{"class":"S2","availabilityBasisPoints":9990,)"
                   R"("supportResponseMinutes":60,"nextBusinessDaySupport":true,"credits":[{"belowBasisPoints":9990,"creditPercent":10}]},)"
                   R"("governingLaw":"FR","legalTermsVersion":1,"site":{"id":"s-fra1","name":"F","endpoint":"https:\/\/h:1"},)"
                   R"("terminatedAt":3,"terminationReason":"operator"})");
        QTest::newRow("usage report")
            << u"UsageReport"_s
            << QByteArray(R"({"final":true,"hours":[{"start":1796133600,"vm":"web-1","instanceSeconds":3600,)"
                          R"("expectedSeconds":3600,"availableSeconds":3500}]})");
        QTest::newRow("usage report, empty")
            << u"UsageReport"_s << QByteArray(R"({"final":false,"hours":[]})");
        QTest::newRow("usage ack") << u"UsageAck"_s << QByteArray(R"({"seq":42,"accepted":true})");
        QTest::newRow("settlement")
            << u"Settlement"_s
            << QByteArray(
                   R"({"contractId":"c-000001","buyer":"a","seller":"b","state":"estimated","hours":1,"seconds":1800,)"
                   R"("quantity":3,"price":12345,"gross":18518,"availabilityBasisPoints":7500,"creditPercent":25,)"
                   R"("credit":4630,"net":13888,"settledAt":1796137200})");
    }

    void roundTripsUnchanged()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, json);
        QVERIFY2(roundTrips().contains(type), qPrintable(type));
        const Result<QJsonObject> written = roundTrips().value(type)(json);
        QVERIFY2(written.ok(),
                 qPrintable(written.ok() ? QString() : written.error().code + u' ' + written.error().field));
        const QJsonObject expected = QJsonDocument::fromJson(json).object();
        QVERIFY(!expected.isEmpty() || json == "{}");
        QCOMPARE(written.value(), expected);
    }

    void valuesAreRead()
    {
        auto order = api::parseRequest<api::OrderRequest>(
            R"({"symbol":"X","side":"sell","type":"market","timeInForce":"fok","quantity":9,"expiry":5})");
        QVERIFY(order.ok());
        QCOMPARE(order->side, api::Side::Sell);
        QCOMPARE(order->type, api::OrderType::Market);
        QCOMPARE(order->timeInForce, api::TimeInForce::FillOrKill);
        QCOMPARE(order->price, std::nullopt);
        QCOMPARE(order->expiry, std::optional<qint64>(5));
        QCOMPARE(order->quantity, 9);
        QCOMPARE(order->requirements, std::nullopt);

        auto contract = api::Contract::fromJson(
            QJsonDocument::fromJson(
                R"({"id":"c-1","trade":1,"symbol":"X","product":"P","buyer":"a","seller":"b","quantity":1,"price":2,)"
                R"("deliveryStart":3,"deliveryEnd":4,"state":"active","sla":{"class":"S2","availabilityBasisPoints":9990,)"
                R"("supportResponseMinutes":60,"nextBusinessDaySupport":true,"credits":[]},"governingLaw":"FR","legalTermsVersion":2})")
                .object());
        QVERIFY(contract.ok());
        QCOMPARE(contract->state, api::ContractState::Active);
        QCOMPARE(contract->sla.slaClass, u"S2"_s);
        QVERIFY(contract->sla.nextBusinessDaySupport);
        QCOMPARE(contract->legalTermsVersion, 2);
    }

    void sitesChainTypesAreStrict()
    {
        // A contract without a site or termination has neither member.
        api::Contract unassigned;
        QVERIFY(!unassigned.toJson().contains(u"site"_s));
        QVERIFY(!unassigned.toJson().contains(u"terminatedAt"_s));
        QVERIFY(!unassigned.toJson().contains(u"terminationReason"_s));
        // Seconds are integers; a usage hour needs every field.
        auto fractional = api::parseRequest<api::UsageReport>(
            R"({"final":false,"hours":[{"start":1,"vm":"a","instanceSeconds":1.5,"expectedSeconds":1,"availableSeconds":1}]})");
        QVERIFY(!fractional.ok());
        QCOMPARE(fractional.error().field, u"hours[0].instanceSeconds"_s);
        auto missing = api::parseRequest<api::UsageReport>(
            R"({"final":true,"hours":[{"start":1,"vm":"a","instanceSeconds":1}]})");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, u"request.missing-field"_s);
        auto state = api::parseRequest<api::Settlement>(
            R"({"contractId":"c","buyer":"a","seller":"b","state":"guessed","hours":1,"seconds":1,"quantity":1,)"
            R"("price":1,"gross":1,"availabilityBasisPoints":1,"creditPercent":0,"credit":0,"net":1,"settledAt":1})");
        QVERIFY(!state.ok());
        QCOMPARE(state.error().field, u"state"_s);
        auto duplicate = api::parseRequest<api::SiteRegistration>(
            R"({"name":"a","name":"b","endpoint":"https:\/\/h:1","products":[]})");
        QVERIFY(!duplicate.ok());
    }

    void lenientModeIgnoresOnlyUnknownFields()
    {
        const QJsonObject newer =
            QJsonDocument::fromJson(R"({"start":1,"open":2,"high":3,"low":1,"close":2,"volume":5,"vwap":2})")
                .object();
        QCOMPARE(api::Candle::fromJson(newer).error().code, u"request.unknown-field"_s);
        auto lenient = api::Candle::fromJson(newer, api::ParseMode::Lenient);
        QVERIFY(lenient.ok());
        QCOMPARE(lenient->volume, 5);
        // Types and required fields are still checked.
        const QJsonObject broken =
            QJsonDocument::fromJson(R"({"start":"1","open":2,"high":3,"low":1,"close":2})").object();
        const auto refused = api::Candle::fromJson(broken, api::ParseMode::Lenient);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"request.wrong-type"_s);
        QCOMPARE(refused.error().field, u"start"_s);
    }

    void listEnvelopes()
    {
        const QList<api::Trade> trades{{1, 2, u"X"_s, 3, 4, api::Side::Sell, 5},
                                       {2, 3, u"X"_s, 4, 5, api::Side::Buy, 6}};
        const QJsonObject envelope = api::listToJson(trades, api::Trade::kListKey);
        QCOMPARE(envelope.keys(), QStringList{u"trades"_s});
        auto back = api::listFromJson<api::Trade>(envelope, api::Trade::kListKey, api::ParseMode::Strict);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), trades);
        auto wrongKey = api::listFromJson<api::Trade>(envelope, api::Fill::kListKey, api::ParseMode::Strict);
        QVERIFY(!wrongKey.ok());
        QCOMPARE(wrongKey.error().code, u"request.unknown-field"_s);
    }

    void enumerationsKeepTheirWireNames()
    {
        checkNames<api::Side>({"buy", "sell"});
        checkNames<api::OrderType>({"limit", "market"});
        checkNames<api::TimeInForce>({"gtc", "gtd", "ioc", "fok"});
        checkNames<api::ContractState>({"scheduled", "active", "expired", "terminated"});
        checkNames<api::Resolution>({"1m", "5m", "1h", "1d"});
        checkNames<api::Role>({"buyer", "seller", "both"});
        checkNames<api::OrderEventKind>({"accepted", "filled", "cancelled", "replaced"});
        checkNames<api::IdentityKind>({"participant", "user", "site"});
        checkNames<api::SettlementState>({"final", "estimated"});
        // Case matters on the wire.
        QCOMPARE(api::fromWire<api::Side>(u"Buy"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestApiTypes)
#include "tst_apitypes.moc"
