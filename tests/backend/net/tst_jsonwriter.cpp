#include "net/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cloudex::net;
using namespace Qt::StringLiterals;

class TestJsonWriter final : public QObject
{
    Q_OBJECT

private slots:
    void stringsSurviveAParser_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << u"DE.GP2.SH.S1"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("quotes and backslashes") << u"a \"quoted\" \\ path\\"_s;
        QTest::newRow("control characters") << QString::fromUtf16(u"line\nbreak\ttab\r\b\f\x01\x1f end");
        QTest::newRow("non-ASCII") << u"Zürich · Kraków · 東京 · \U0001F680"_s;
        QTest::newRow("slash and braces") << u"{\"not\": [json]} </script>"_s;
    }

    void stringsSurviveAParser()
    {
        QFETCH(QString, text);
        JsonWriter w;
        w.beginObject().key("text"_L1).value(text).endObject();
        const QByteArray bytes = w.take();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(u"text"_s).toString(), text);
        // Compact: nothing but the characters JSON needs.
        QVERIFY(!bytes.contains('\n'));
    }

    void nestingAndSeparators()
    {
        JsonWriter w;
        w.beginObject();
        w.key("seq"_L1).value(qint64(9007199254740991));
        w.key("negative"_L1).value(-42);
        w.key("yes"_L1).value(true);
        w.key("no"_L1).value(false);
        w.key("nothing"_L1).null();
        w.key("empty"_L1).beginArray().endArray();
        w.key("items"_L1).beginArray();
        for (int i = 0; i < 3; ++i)
            w.beginObject().key("i"_L1).value(i).key("name"_L1).value("x"_L1).endObject();
        w.endArray();
        w.key("raw"_L1).rawValue(R"({"a":[1,2]})");
        w.key("last"_L1).beginObject().endObject();
        w.endObject();
        const QByteArray bytes = w.take();

        const QJsonObject expected{
            {u"seq"_s, qint64(9007199254740991)},
            {u"negative"_s, -42},
            {u"yes"_s, true},
            {u"no"_s, false},
            {u"nothing"_s, QJsonValue::Null},
            {u"empty"_s, QJsonArray{}},
            {u"items"_s,
             QJsonArray{QJsonObject{{u"i"_s, 0}, {u"name"_s, u"x"_s}}, QJsonObject{{u"i"_s, 1}, {u"name"_s, u"x"_s}},
                        QJsonObject{{u"i"_s, 2}, {u"name"_s, u"x"_s}}}},
            {u"raw"_s, QJsonObject{{u"a"_s, QJsonArray{1, 2}}}},
            {u"last"_s, QJsonObject{}}};
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, bytes.constData());
        QCOMPARE(doc.object(), expected);
        // The writer keeps the order it was given (QJsonDocument would sort the keys).
        QVERIFY(bytes.startsWith(R"({"seq":9007199254740991,"negative":-42,"yes":true,)"));
    }

    void topLevelArray()
    {
        JsonWriter w;
        w.beginArray().value(1).value(u"two"_s).beginArray().value(3).endArray().endArray();
        QCOMPARE(w.take(), QByteArray(R"([1,"two",[3]])"));
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
