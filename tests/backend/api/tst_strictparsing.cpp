// What a strict parse refuses, row by row: the raw bytes, the type read, the error code
// and the field the server names in its 400 problem.
#include "api/book.h"
#include "api/jsonscanner.h"
#include "api/orderrequest.h"
#include "api/parse.h"
#include "api/participantrequest.h"

#include <QTest>

#include <functional>

using namespace cloudex;
using namespace Qt::StringLiterals;

namespace {
using Parse = std::function<Result<void>(const QByteArray &)>;

template<typename T>
Result<void> parseAs(const QByteArray &body)
{
    auto parsed = api::parseRequest<T>(body);
    if (!parsed)
        return parsed.error();
    return {};
}

const QHash<QString, Parse> &parsers()
{
    static const QHash<QString, Parse> table{
        {u"OrderRequest"_s, parseAs<api::OrderRequest>},
        {u"Book"_s, parseAs<api::Book>},
        {u"ParticipantRequest"_s, parseAs<api::ParticipantRequest>},
        {u"LimitsRequest"_s, parseAs<api::LimitsRequest>},
        {u"KillSwitchRequest"_s, parseAs<api::KillSwitchRequest>},
    };
    return table;
}

/// A valid order with `extra` fields appended (`extra` starts with a comma).
QByteArray order(const char *extra = "")
{
    return QByteArray(R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc","price":100,"quantity":2)") + extra + '}';
}
} // namespace

class TestStrictParsing final : public QObject
{
    Q_OBJECT

private slots:
    void refusals_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString o = u"OrderRequest"_s;
        const QString unknown = u"request.unknown-field"_s;
        const QString wrong = u"request.wrong-type"_s;
        const QString missing = u"request.missing-field"_s;
        const QString duplicate = u"request.duplicate-key"_s;
        const QString malformed = u"request.malformed-json"_s;
        const QString range = u"request.out-of-range"_s;

        QTest::newRow("unknown field") << o << order(R"(,"colour":"red")") << unknown << u"colour"_s;
        QTest::newRow("unknown nested field") << o << order(R"(,"requirements":{"planet":[]})") << unknown
                                              << u"requirements.planet"_s;
        QTest::newRow("misspelt required field reads as unknown")
            << o << QByteArray(R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc","quantty":1})") << unknown
            << u"quantty"_s;
        QTest::newRow("missing field") << o << QByteArray(R"({"symbol":"X"})") << missing << u"side"_s;
        QTest::newRow("missing quantity")
            << o << QByteArray(R"({"symbol":"X","side":"buy","type":"limit","timeInForce":"gtc"})") << missing
            << u"quantity"_s;
        QTest::newRow("missing nested field") << u"Book"_s
            << QByteArray(R"({"symbol":"X","seq":1,"bids":[{"price":1,"quantity":1}],"asks":[]})") << missing
            << u"bids[0].orders"_s;
        QTest::newRow("string for integer") << o << order(R"(,"expiry":"5")") << wrong << u"expiry"_s;
        QTest::newRow("null for string")
            << o << QByteArray(R"({"symbol":null,"side":"buy","type":"limit","timeInForce":"gtc","quantity":1})") << wrong
            << u"symbol"_s;
        QTest::newRow("fraction") << o << order(R"(,"expiry":1.5)") << wrong << u"expiry"_s;
        QTest::newRow("negative fraction") << o << order(R"(,"expiry":-0.5)") << wrong << u"expiry"_s;
        QTest::newRow("whole number with fraction 2.0") << o << order(R"(,"expiry":2.0)") << wrong << u"expiry"_s;
        QTest::newRow("exponent 1e0") << o << order(R"(,"expiry":1e0)") << wrong << u"expiry"_s;
        QTest::newRow("exponent 1E+2") << o << order(R"(,"expiry":1E+2)") << wrong << u"expiry"_s;
        QTest::newRow("fraction in a nested array") << u"Book"_s
            << QByteArray(R"({"symbol":"X","seq":1,"bids":[],"asks":[{"price":1,"quantity":1,"orders":1},{"price":2,"quantity":3.0,"orders":1}]})")
            << wrong << u"asks[1].quantity"_s;
        QTest::newRow("beyond 2^53") << o << order(R"(,"expiry":9007199254740993)") << range << u"expiry"_s;
        QTest::newRow("beyond 64 bits") << o << order(R"(,"expiry":123456789012345678901234567890)") << range
                                        << u"expiry"_s;
        QTest::newRow("below -2^53") << o << order(R"(,"expiry":-9007199254740993)") << range << u"expiry"_s;
        QTest::newRow("beyond 32 bits where an int is expected") << u"Book"_s
            << QByteArray(R"({"symbol":"X","seq":1,"bids":[{"price":1,"quantity":1,"orders":2147483648}],"asks":[]})")
            << range << u"bids[0].orders"_s;
        QTest::newRow("enumeration outside its set") << o
            << QByteArray(R"({"symbol":"X","side":"up","type":"limit","timeInForce":"gtc","quantity":1})") << wrong
            << u"side"_s;
        QTest::newRow("enumeration in the wrong case") << o
            << QByteArray(R"({"symbol":"X","side":"buy","type":"LIMIT","timeInForce":"gtc","quantity":1})") << wrong
            << u"type"_s;
        QTest::newRow("string for boolean") << o << order(R"(,"postOnly":"true")") << wrong << u"postOnly"_s;
        QTest::newRow("number in a string list") << o << order(R"(,"requirements":{"jurisdictions":["DE",1]})")
                                                 << wrong << u"requirements.jurisdictions"_s;
        QTest::newRow("array for object") << o << order(R"(,"requirements":[])") << wrong << u"requirements"_s;
        QTest::newRow("number for boolean") << u"KillSwitchRequest"_s << QByteArray(R"({"blocked":1})") << wrong
                                            << u"blocked"_s;
        QTest::newRow("fraction for a limit") << u"LimitsRequest"_s << QByteArray(R"({"credit":10.0})") << wrong
                                              << u"credit"_s;
        QTest::newRow("bad role") << u"ParticipantRequest"_s
                                  << QByteArray(R"({"id":"p","role":"admin","jurisdiction":"DE"})") << wrong << u"role"_s;
        QTest::newRow("duplicate key") << o << order(R"(,"side":"sell")") << duplicate << u"side"_s;
        QTest::newRow("duplicate key spelt with an escape") << o << order(",\"\\u0073ide\":\"sell\"") << duplicate
                                                           << u"side"_s;
        QTest::newRow("duplicate nested key")
            << o << order(R"(,"requirements":{"jurisdictions":["DE"],"jurisdictions":["FR"]})") << duplicate
            << u"requirements.jurisdictions"_s;
        QTest::newRow("duplicate key in an array element") << u"Book"_s
            << QByteArray(R"({"symbol":"X","seq":1,"bids":[{"price":1,"quantity":1,"orders":1,"price":2}],"asks":[]})")
            << duplicate << u"bids[0].price"_s;
        QTest::newRow("duplicate unknown key") << o << order(R"(,"x":1,"x":2)") << duplicate << u"x"_s;
        QTest::newRow("truncated") << o << QByteArray(R"({"symbol":)") << malformed << QString();
        QTest::newRow("empty body") << o << QByteArray() << malformed << QString();
        QTest::newRow("trailing comma") << o << order(",") << malformed << QString();
        QTest::newRow("leading zero") << o << order(R"(,"expiry":01)") << malformed << QString();
        QTest::newRow("bare minus") << o << order(R"(,"expiry":-)") << malformed << QString();
        QTest::newRow("fraction without digits") << o << order(R"(,"expiry":1.)") << malformed << QString();
        QTest::newRow("single quotes") << o << QByteArray("{'symbol':'X'}") << malformed << QString();
        QTest::newRow("unterminated string") << o << QByteArray("{\"symbol\":\"X") << malformed << QString();
        QTest::newRow("control character in a string") << o << QByteArray("{\"symbol\":\"a\tb\"}") << malformed
                                                       << QString();
        QTest::newRow("invalid UTF-8") << o << QByteArray("{\"symbol\":\"\xff\"}") << malformed << QString();
        QTest::newRow("overlong UTF-8") << o << QByteArray("{\"symbol\":\"\xc0\xaf\"}") << malformed << QString();
        QTest::newRow("UTF-8 surrogate") << o << QByteArray("{\"symbol\":\"\xed\xa0\x80\"}") << malformed
                                         << QString();
        QTest::newRow("truncated UTF-8") << o << QByteArray("{\"symbol\":\"\xe2\x82\"}") << malformed << QString();
        QTest::newRow("bad escape") << o << QByteArray("{\"symbol\":\"\\x\"}") << malformed << QString();
        QTest::newRow("trailing garbage") << o << (order() + " x") << malformed << QString();
        QTest::newRow("two documents") << o << (order() + order()) << malformed << QString();
        QTest::newRow("nesting too deep") << o
            << QByteArray(R"({"requirements":)") + QByteArray(100, '[') + QByteArray(100, ']') + '}' << malformed
            << QString();
        QTest::newRow("not an object") << o << QByteArray("[1,2]") << u"request.not-an-object"_s << QString();
        QTest::newRow("bare string") << o << QByteArray(R"("buy")") << u"request.not-an-object"_s << QString();
    }

    void refusals()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QVERIFY2(parsers().contains(type), qPrintable(type));
        const Result<void> parsed = parsers().value(type)(body);
        QVERIFY2(!parsed.ok(), body.constData());
        QCOMPARE(parsed.error().code, code);
        QCOMPARE(parsed.error().field, field);
        QVERIFY(!parsed.error().message.isEmpty());
    }

    void theValidOrderPasses()
    {
        // The rows above differ from this body only in what they break.
        QVERIFY(parseAs<api::OrderRequest>(order()).ok());
        QVERIFY(parseAs<api::OrderRequest>(order(R"(,"expiry":0,"requirements":{"jurisdictions":[]})")).ok());
        QVERIFY(parseAs<api::OrderRequest>(" \n\t" + order() + "\r\n").ok());
        QVERIFY(parseAs<api::OrderRequest>(order(",\"clientOrderId\":\"\\\"q\\\" \\u00e9 \\\\ /\"")).ok());
        QVERIFY(parseAs<api::OrderRequest>(order(R"(,"expiry":9007199254740992)")).ok());
        // Strings and enumerations read from the bytes, escapes resolved.
        auto read = api::parseRequest<api::OrderRequest>(
            "{\"symbol\":\"Z\xc3\xbcrich \\u20ac\\n\",\"side\":\"s\\u0065ll\",\"type\":\"limit\",\"timeInForce\":\"ioc\","
            "\"price\":-0,\"quantity\":123456789012345678,\"requirements\":{\"jurisdictions\":[\"D\\u0045\"]}}");
        QVERIFY(!read.ok()); // quantity beyond 2^53
        QCOMPARE(read.error().code, u"request.out-of-range"_s);
        read = api::parseRequest<api::OrderRequest>(
            "{\"symbol\":\"Z\xc3\xbcrich \\u20ac\\n\",\"side\":\"s\\u0065ll\",\"type\":\"limit\",\"timeInForce\":\"ioc\","
            "\"price\":-0,\"quantity\":-12,\"requirements\":{\"jurisdictions\":[\"D\\u0045\"]}}");
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().code + u' ' + read.error().field));
        QCOMPARE(read->symbol, QString::fromUtf8("Z\xc3\xbcrich \xe2\x82\xac\n"));
        QCOMPARE(read->side, api::Side::Sell);
        QCOMPARE(read->timeInForce, api::TimeInForce::ImmediateOrCancel);
        QCOMPARE(read->price, std::optional<qint64>(0));
        QCOMPARE(read->quantity, -12);
        QCOMPARE(read->requirements->jurisdictions, QStringList{u"DE"_s});
    }

    void scannerRecordsFractionsWherever()
    {
        auto scan = api::JsonScanner::scan(R"({"a":[1,2.5,{"b":1e3}],"c":{"d":-0.0},"e":"1.5","f":10})");
        QVERIFY(scan.ok());
        QCOMPARE(scan->fractionalNumbers, (QStringList{u"a[1]"_s, u"a[2].b"_s, u"c.d"_s}));
    }

    void scannerAcceptsWhatJsonAllows_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("literals") << QByteArray(R"({"a":true,"b":false,"c":null})");
        QTest::newRow("empty containers") << QByteArray(R"({"a":{},"b":[],"c":[{}]})");
        QTest::newRow("same key in sibling objects") << QByteArray(R"({"a":{"x":1},"b":{"x":1},"c":[{"x":1},{"x":2}]})");
        QTest::newRow("escapes") << QByteArray("{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u20AC\"}");
        QTest::newRow("keys differing only by escape") << QByteArray("{\"a\\n\":1,\"a\":2}");
        QTest::newRow("many keys") << QByteArray(R"({"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,)"
                                                 R"("k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":17})");
        QTest::newRow("top-level array") << QByteArray("[1,[2,[3]]]");
        QTest::newRow("UTF-8 text") << QByteArray("{\"ort\":\"Z\xc3\xbcrich\"}");
    }

    void scannerAcceptsWhatJsonAllows()
    {
        QFETCH(QByteArray, json);
        const auto scan = api::JsonScanner::scan(json);
        QVERIFY2(scan.ok(), qPrintable(scan.ok() ? QString() : scan.error().message));
    }

    void duplicateAmongManyKeys()
    {
        // Past the pairwise comparison's limit the scanner hashes; a late duplicate is found too.
        QByteArray json = "{";
        for (int i = 0; i < 40; ++i)
            json += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ',';
        json += "\"k3\":0}";
        const auto scan = api::JsonScanner::scan(json);
        QVERIFY(!scan.ok());
        QCOMPARE(scan.error().code, u"request.duplicate-key"_s);
        QCOMPARE(scan.error().field, u"k3"_s);
    }
};

QTEST_GUILESS_MAIN(TestStrictParsing)
#include "tst_strictparsing.moc"
