// The framing guard's byte-level core: what it passes on and what it refuses, for whole
// byte streams as one connection would carry them.

#include "net/httpframing.h"

#include <QTest>

using namespace cloudex::net;

class TestHttpFraming : public QObject
{
    Q_OBJECT

private slots:
    void headEnd_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qsizetype>("end");
        QTest::newRow("crlf") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\nrest") << qsizetype(27);
        QTest::newRow("lf only") << QByteArray("GET / HTTP/1.1\nHost: a\n\nrest") << qsizetype(24);
        QTest::newRow("no headers") << QByteArray("GET / HTTP/1.1\r\n\r\n") << qsizetype(18);
        QTest::newRow("leading blank lines") << QByteArray("\r\n\r\nGET / HTTP/1.1\r\n\r\n") << qsizetype(22);
        QTest::newRow("incomplete") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n") << qsizetype(-1);
        QTest::newRow("only space") << QByteArray(" \r\n\t") << qsizetype(-1);
        QTest::newRow("empty") << QByteArray() << qsizetype(-1);
    }

    void headEnd()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qsizetype, end);
        QCOMPARE(HttpFraming::headEnd(bytes), end);
    }

    void scan_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("requests");
        QTest::addColumn<int>("refusal"); // 0: none
        QTest::addColumn<QString>("code");

        const QByteArray get = "GET /v1/x HTTP/1.1\r\nHost: a\r\n\r\n";
        const QByteArray post = "POST /v1/x HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}";
        QTest::newRow("pipelined") << get + post + get << 3 << 0 << QString();
        QTest::newRow("http/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << 1 << 0 << QString();
        QTest::newRow("incomplete body") << QByteArray(post).chopped(1) << 0 << 0 << QString();
        QTest::newRow("http/2.0") << get + "GET / HTTP/2.0\r\n\r\n" << 1 << 505 << u"request.http-version"_qs;
        QTest::newRow("http/0.9 style") << QByteArray("GET /\r\n\r\n") << 0 << 400 << u"request.malformed"_qs;
        QTest::newRow("not http") << QByteArray("GET / FTP/1.1\r\n\r\n") << 0 << 400
                                  << u"request.malformed"_qs;
        QTest::newRow("absolute form")
            << QByteArray("GET http://a/ HTTP/1.1\r\n\r\n") << 0 << 400 << u"request.malformed"_qs;
        QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 0 << 400
                                    << u"request.malformed"_qs;
        QTest::newRow("same length twice")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\n{}") << 1 << 0
            << QString();
        QTest::newRow("two lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2\r\ncontent-length: 20\r\n\r\n{}") << 0 << 400
            << u"request.bad-content-length"_qs;
        QTest::newRow("length list") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2, 2\r\n\r\n{}") << 0
                                     << 400 << u"request.bad-content-length"_qs;
        QTest::newRow("signed length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: +2\r\n\r\n{}") << 0
                                       << 400 << u"request.bad-content-length"_qs;
        QTest::newRow("huge length") << QByteArray(
                                            "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n")
                                     << 0 << 400 << u"request.bad-content-length"_qs;
        QTest::newRow("over the body limit") << get + "POST / HTTP/1.1\r\nContent-Length: 1025\r\n\r\n"
                                             << 1 << 413 << u"request.too-large"_qs;
        QTest::newRow("at the body limit")
            << "POST / HTTP/1.1\r\nContent-Length: 1024\r\n\r\n" + QByteArray(1024, 'x') << 1 << 0
            << QString();
        QTest::newRow("chunked") << QByteArray(
                                        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                 << 0 << 411 << u"request.length-required"_qs;
        QTest::newRow("chunked and length")
            << QByteArray(
                   "POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << 0 << 411 << u"request.length-required"_qs;
        QTest::newRow("space before colon") << QByteArray("POST / HTTP/1.1\r\nContent-Length : 2\r\n\r\n{}")
                                            << 0 << 400 << u"request.malformed"_qs;
        QTest::newRow("folded header")
            << QByteArray("GET / HTTP/1.1\r\nX-A: b\r\n c\r\n\r\n") << 0 << 400 << u"request.malformed"_qs;
        QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n") << 0 << 400
                                  << u"request.malformed"_qs;
        QTest::newRow("nul in head") << QByteArray("GET / HTTP/1.1\r\nX-A: \0\r\n\r\n", 26) << 0 << 400
                                     << u"request.malformed"_qs;
        QTest::newRow("control char in value")
            << QByteArray("GET / HTTP/1.1\r\nX-A: \x01\r\n\r\n") << 0 << 400 << u"request.malformed"_qs;
        QTest::newRow("endless head") << "GET / HTTP/1.1\r\nX-A: " + QByteArray(3000, 'y') << 0 << 431
                                      << u"request.header-too-large"_qs;
        QTest::newRow("too many headers")
            << "GET / HTTP/1.1\r\n" + QByteArray("X: y\r\n").repeated(101) + "\r\n"
            << 0 << 431 << u"request.header-too-large"_qs;
        QTest::newRow("lf only lines")
            << QByteArray("POST / HTTP/1.1\nContent-Length: 2\n\n{}GET / HTTP/1.1\n\n") << 2 << 0
            << QString();
    }

    void scan()
    {
        QFETCH(QByteArray, stream);
        QFETCH(int, requests);
        QFETCH(int, refusal);
        QFETCH(QString, code);
        const HttpFraming framing({1024, 2048, 100});
        const HttpFraming::Scan result = framing.scan(stream);
        QCOMPARE(result.requests.size(), requests);
        QCOMPARE(result.refusal ? result.refusal->status : 0, refusal);
        if (result.refusal) {
            QCOMPARE(result.refusal->code, code);
            QVERIFY(!result.refusal->detail.isEmpty());
        }
    }

    void everyCutGivesTheSameVerdict()
    {
        // However the bytes arrive, a request's verdict depends only on its bytes: every
        // prefix of a good request needs more or passes, never refuses.
        const HttpFraming framing({1024, 2048, 100});
        const QByteArray post =
            "POST /v1/x HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
        for (qsizetype cut = 0; cut <= post.size(); ++cut) {
            const HttpFraming::Verdict v = framing.inspect(QByteArrayView(post).first(cut));
            QVERIFY2(!v.refusal, qPrintable(QStringLiteral("refused at %1").arg(cut)));
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpFraming)
#include "tst_httpframing.moc"
