#include "pki/der_p.h"
#include "pki/extensions_p.h"
#include "pki/privatekey.h"
#include "pki/requestverifier_p.h"

#include <QDateTime>
#include <QTest>

using namespace cloudex::pki;

class TestDer : public QObject
{
    Q_OBJECT

private slots:
    void times_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("epoch") << QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC)
                               << QByteArray("\x17\x0d" "700101000000Z");
        QTest::newRow("leap-day") << QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59), Qt::UTC)
                                  << QByteArray("\x17\x0d" "280229235959Z");
        QTest::newRow("last-utctime") << QDateTime(QDate(2049, 12, 31), QTime(23, 59, 59), Qt::UTC)
                                      << QByteArray("\x17\x0d" "491231235959Z");
        QTest::newRow("first-generalized") << QDateTime(QDate(2050, 1, 1), QTime(0, 0), Qt::UTC)
                                           << QByteArray("\x18\x0f" "20500101000000Z");
    }

    void times()
    {
        QFETCH(QDateTime, time);
        QFETCH(QByteArray, encoded);
        const qint64 seconds = time.toSecsSinceEpoch();
        QCOMPARE(der::x509Time(seconds), encoded);
        der::Reader reader(encoded);
        der::Element element;
        QVERIFY(reader.next(element));
        qint64 back = 0;
        QVERIFY(der::readTime(element, back));
        QCOMPARE(back, seconds);
    }

    void integers_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("zero") << qint64(0) << QByteArray("\x02\x01\x00", 3);
        QTest::newRow("127") << qint64(127) << QByteArray("\x02\x01\x7f", 3);
        QTest::newRow("128-needs-sign-byte") << qint64(128) << QByteArray("\x02\x02\x00\x80", 4);
        QTest::newRow("minus-one") << qint64(-1) << QByteArray("\x02\x01\xff", 3);
        QTest::newRow("65536") << qint64(65536) << QByteArray("\x02\x03\x01\x00\x00", 5);
    }

    void integers()
    {
        QFETCH(qint64, value);
        QFETCH(QByteArray, encoded);
        QCOMPARE(der::integer(value), encoded);
    }

    void unsignedIntegerAddsSignByte()
    {
        QCOMPARE(der::unsignedInteger(QByteArray("\x00\x00\x80", 3)), QByteArray("\x02\x02\x00\x80", 4));
        QCOMPARE(der::unsignedInteger(QByteArray("\x01\x02", 2)), QByteArray("\x02\x02\x01\x02", 4));
    }

    void longLengths()
    {
        const QByteArray content(300, 'x');
        const QByteArray encoded = der::tlv(der::tag::OctetString, content);
        QCOMPARE(encoded.left(4), QByteArray("\x04\x82\x01\x2c", 4));
        der::Reader reader(encoded);
        der::Element element;
        QVERIFY(reader.next(element));
        QCOMPARE(element.content.size(), 300);
        QVERIFY(reader.atEnd());
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("truncated-header") << QByteArray("\x30", 1);
        QTest::newRow("length-beyond-input") << QByteArray("\x30\x05\x01", 3);
        QTest::newRow("indefinite-length") << QByteArray("\x30\x80\x00\x00", 4);
        QTest::newRow("non-minimal-length") << QByteArray("\x04\x81\x01\x00", 4);
        QTest::newRow("huge-length") << QByteArray("\x04\x84\x7f\xff\xff\xff\x00", 7);
        QTest::newRow("high-tag-number") << QByteArray("\x1f\x81\x01\x00", 4);
    }

    void rejectsMalformed()
    {
        QFETCH(QByteArray, input);
        der::Reader reader(input);
        der::Element element;
        QVERIFY(!reader.next(element));
    }

    void contractExtensionRoundTrips()
    {
        const ContractTerms terms{u"c-42"_qs, u"p-acme"_qs, u"p-dc1"_qs, u"DE.GP2.SH.S1.H2026-12-01T14"_qs, 12,
                                  QDateTime(QDate(2026, 12, 1), QTime(14, 0), Qt::UTC).toMSecsSinceEpoch(),
                                  QDateTime(QDate(2026, 12, 1), QTime(15, 0), Qt::UTC).toMSecsSinceEpoch(), false};
        const QByteArray encoded = ext::encodeContract(terms);
        ContractTerms decoded;
        QVERIFY(ext::decodeContract(encoded, decoded));
        QCOMPARE(decoded, terms);
        QVERIFY(!ext::decodeContract(encoded.left(encoded.size() - 1), decoded));
        QVERIFY(!ext::decodeContract(QByteArray(encoded + '\0'), decoded));
    }

    // Hostile input: every truncation and every single-byte change of a valid request must
    // be refused (all bytes are structure, signed data or signature), and none may crash.
    void requestParserRefusesEveryMutation()
    {
        auto key = PrivateKey::generate();
        QVERIFY(key.ok());
        auto csr = createCertificateRequest(*key, {u"p-acme"_qs, u"u-alice"_qs, {u"a.example"_qs}, {u"10.0.0.1"_qs}});
        QVERIFY(csr.ok());
        RequestVerifier verifier;
        auto parsed = verifier.verify(*csr);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->organisation, u"p-acme"_qs);
        QCOMPARE(parsed->commonName, u"u-alice"_qs);
        QCOMPARE(parsed->dnsNames, QStringList{u"a.example"_qs});
        QCOMPARE(parsed->ipAddresses, QStringList{u"10.0.0.1"_qs});

        int accepted = 0;
        for (qsizetype length = 0; length < csr->size(); ++length)
            accepted += verifier.verify(csr->left(length)).ok() ? 1 : 0;
        for (qsizetype at = 0; at < csr->size(); ++at) {
            for (const quint8 flip : {quint8(0x01), quint8(0x80), quint8(0xff)}) {
                QByteArray mutated = *csr;
                mutated[at] = char(quint8(mutated[at]) ^ flip);
                accepted += verifier.verify(mutated).ok() ? 1 : 0;
            }
        }
        QCOMPARE(accepted, 0);
    }
};

QTEST_GUILESS_MAIN(TestDer)
#include "tst_der.moc"
