#include "testpki.h"

#include "core/clock.h"
#include "net/apiserver.h"
#include "net/guardedsslserver.h"
#include "net/jsonfields.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

#include <memory>
#include <optional>

using namespace cloudex;
using namespace cloudex::net;

class TestApiServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_pki.create(), "openssl could not create the test PKI");
    }

    void init()
    {
        m_clock = ManualClock(1'000'000);
        m_server = std::make_unique<ApiServer>(m_clock);
        m_calls = 0;
        m_server->route(QStringLiteral("GET"), QStringLiteral("/v1/whoami"), [this](const ApiRequest &r, ApiReply reply) {
            ++m_calls;
            reply.send(200, QJsonObject{{QStringLiteral("participant"), r.identity.participant},
                                        {QStringLiteral("name"), r.identity.name}});
        });
        m_server->route(QStringLiteral("POST"), QStringLiteral("/v1/things/{id}"), [this](const ApiRequest &r, ApiReply reply) {
            auto body = parseJsonObject(r.body);
            if (!body)
                return reply.sendProblem(ApiProblem::fromError(400, body.error()));
            auto checked = checkFields(*body, {{QStringLiteral("name"), JsonType::String},
                                               {QStringLiteral("count"), JsonType::Integer, false}});
            if (!checked)
                return reply.sendProblem(ApiProblem::fromError(400, checked.error()));
            ++m_calls;
            reply.send(201, QJsonObject{{QStringLiteral("id"), r.params.value(QStringLiteral("id"))},
                                        {QStringLiteral("name"), body->value(QStringLiteral("name"))}});
        });
        ApiServer::Config config;
        config.tls = m_pki.serverTls();
        config.maxBodyBytes = 1024;
        auto port = m_server->listen(config);
        QVERIFY2(port.ok(), qPrintable(port.ok() ? QString() : port.error().message));
        m_port = *port;
    }

    void cleanup() { m_server.reset(); }

    void authenticatedCall()
    {
        const CurlResult r = curl(m_pki, QStringLiteral("alice"), m_port, QStringLiteral("GET"), QStringLiteral("/v1/whoami"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray("application/json"));
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QStringLiteral("participant")).toString(), u"p-acme"_qs);
        QCOMPARE(body.value(QStringLiteral("name")).toString(), u"u-alice"_qs);
        QCOMPARE(m_calls, 1);
    }

    void keepAliveServesSeveralRequests()
    {
        // Two URLs in one curl run reuse the connection.
        const CurlResult r = curl(m_pki, QStringLiteral("alice"), m_port, QStringLiteral("GET"), QStringLiteral("/v1/whoami"),
                                  {QStringLiteral("https://localhost:%1/v1/whoami").arg(m_port)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(m_calls, 2);
    }

    void handshakeRefusals_data()
    {
        QTest::addColumn<QString>("who");
        QTest::newRow("no client certificate") << QString();
        QTest::newRow("foreign CA") << u"mallory"_qs;
    }

    void handshakeRefusals()
    {
        QFETCH(QString, who);
        const CurlResult r = curl(m_pki, who, m_port, QStringLiteral("GET"), QStringLiteral("/v1/whoami"));
        QVERIFY2(r.exitCode != 0, "the TLS handshake must fail");
        QCOMPARE(r.status, 0);
        QCOMPARE(m_calls, 0);
    }

    void problems_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");

        const QString json = QStringLiteral("Content-Type: application/json");
        QTest::newRow("unknown route") << u"GET"_qs << u"/v1/nothing"_qs << QStringList{} << 404 << u"route.not-found"_qs;
        QTest::newRow("wrong method") << u"DELETE"_qs << u"/v1/whoami"_qs << QStringList{} << 405
                                      << u"route.method-not-allowed"_qs;
        QTest::newRow("malformed json") << u"POST"_qs << u"/v1/things/7"_qs
                                        << QStringList{u"-H"_qs, json, u"-d"_qs, u"{\"name\":"_qs} << 400
                                        << u"request.malformed-json"_qs;
        QTest::newRow("not an object") << u"POST"_qs << u"/v1/things/7"_qs << QStringList{u"-d"_qs, u"[1,2]"_qs} << 400
                                       << u"request.not-an-object"_qs;
        QTest::newRow("unknown field") << u"POST"_qs << u"/v1/things/7"_qs
                                       << QStringList{u"-d"_qs, u"{\"name\":\"a\",\"colour\":\"red\"}"_qs} << 400
                                       << u"request.unknown-field"_qs;
        QTest::newRow("missing field") << u"POST"_qs << u"/v1/things/7"_qs << QStringList{u"-d"_qs, u"{}"_qs} << 400
                                       << u"request.missing-field"_qs;
        QTest::newRow("wrong type") << u"POST"_qs << u"/v1/things/7"_qs
                                    << QStringList{u"-d"_qs, u"{\"name\":\"a\",\"count\":1.5}"_qs} << 400
                                    << u"request.wrong-type"_qs;
        QTest::newRow("oversize body") << u"POST"_qs << u"/v1/things/7"_qs
                                       << QStringList{u"-d"_qs, QString(4096, u'x')} << 413 << u"request.too-large"_qs;
        QTest::newRow("chunked body") << u"POST"_qs << u"/v1/things/7"_qs
                                      << QStringList{u"-H"_qs, u"Transfer-Encoding: chunked"_qs, u"-d"_qs, u"{}"_qs}
                                      << 411 << u"request.length-required"_qs;
    }

    void problems()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QStringList, extra);
        QFETCH(int, status);
        QFETCH(QString, code);

        const CurlResult r = curl(m_pki, QStringLiteral("alice"), m_port, method, path, extra);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.status, status);
        QCOMPARE(r.contentType, QByteArray("application/problem+json"));
        const QJsonObject problem = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(problem.value(QStringLiteral("status")).toInt(), status);
        QCOMPARE(problem.value(QStringLiteral("code")).toString(), code);
        QCOMPARE(problem.value(QStringLiteral("type")).toString(), u"urn:cloudex:problem:"_qs + code);
        QVERIFY(!problem.value(QStringLiteral("title")).toString().isEmpty());
        // Nothing was handled.
        QCOMPARE(m_calls, 0);
    }

    void validPostAfterRefusal()
    {
        // An oversize request closes its connection; the next one on a new connection works.
        curl(m_pki, QStringLiteral("alice"), m_port, QStringLiteral("POST"), QStringLiteral("/v1/things/7"),
             {QStringLiteral("-d"), QString(4096, u'x')});
        const CurlResult r = curl(m_pki, QStringLiteral("alice"), m_port, QStringLiteral("POST"), QStringLiteral("/v1/things/9"),
                                  {QStringLiteral("-d"), QStringLiteral("{\"name\":\"gp2\",\"count\":3}")});
        QCOMPARE(r.status, 201);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("id")).toString(), u"9"_qs);
        QCOMPARE(m_calls, 1);
    }

    void rateLimitPerParticipant()
    {
        m_server->setRateLimits(2, 1);
        auto call = [this](const QString &who) {
            return curl(m_pki, who, m_port, QStringLiteral("GET"), QStringLiteral("/v1/whoami"));
        };
        QCOMPARE(call(QStringLiteral("alice")).status, 200);
        QCOMPARE(call(QStringLiteral("alice")).status, 200);
        const CurlResult limited = call(QStringLiteral("alice"));
        QCOMPARE(limited.status, 429);
        QCOMPARE(QJsonDocument::fromJson(limited.body).object().value(QStringLiteral("retryAfterMs")).toInteger(), 1000);
        // Another participant has its own bucket.
        QCOMPARE(call(QStringLiteral("bob")).status, 200);
        // Time refills the bucket.
        m_clock.advanceMs(1000);
        QCOMPARE(call(QStringLiteral("alice")).status, 200);
        QCOMPARE(m_calls, 4);
    }

    void authenticatorAndPermissions()
    {
        m_server->setAuthenticator([](const QSslCertificate &cert) -> Result<PeerIdentity> {
            auto identity = subjectIdentity(cert);
            if (!identity)
                return identity;
            if (identity->participant == u"p-beta")
                return Error{QStringLiteral("auth.revoked"), QStringLiteral("certificate revoked")};
            identity.value().permissions = {QStringLiteral("read")};
            return identity;
        });
        m_server->route(QStringLiteral("GET"), QStringLiteral("/v1/secret"),
                        [this](const ApiRequest &, ApiReply reply) {
                            ++m_calls;
                            reply.send(200, QJsonObject{});
                        },
                        QStringLiteral("trade"));
        const CurlResult revoked = curl(m_pki, QStringLiteral("bob"), m_port, QStringLiteral("GET"), QStringLiteral("/v1/whoami"));
        QCOMPARE(revoked.status, 401);
        QCOMPARE(QJsonDocument::fromJson(revoked.body).object().value(QStringLiteral("code")).toString(), u"auth.revoked"_qs);
        const CurlResult forbidden = curl(m_pki, QStringLiteral("alice"), m_port, QStringLiteral("GET"), QStringLiteral("/v1/secret"));
        QCOMPARE(forbidden.status, 403);
        QCOMPARE(QJsonDocument::fromJson(forbidden.body).object().value(QStringLiteral("code")).toString(),
                 u"auth.permission-missing"_qs);
        QCOMPARE(m_calls, 0);
    }

    void replyAfterClientLeft()
    {
        // A handler that answers later, as after a group commit.
        std::optional<ApiReply> pending;
        m_server->route(QStringLiteral("POST"), QStringLiteral("/v1/slow"), [&](const ApiRequest &, ApiReply reply) {
            ++m_calls;
            pending = reply;
        });
        QSignalSpy finished(m_server.get(), &ApiServer::requestFinished);

        QSslSocket client;
        client.setSslConfiguration(m_pki.clientTls(QStringLiteral("alice")));
        client.setPeerVerifyName(QStringLiteral("localhost"));
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        QTRY_VERIFY(client.isEncrypted());
        client.write("POST /v1/slow HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}");
        QTRY_VERIFY(pending.has_value());
        QVERIFY(pending->isConnected());
        client.abort();
        QTRY_VERIFY(!pending->isConnected());

        pending->send(200, QJsonObject{{QStringLiteral("ack"), true}});
        QVERIFY(pending->isSent());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(2).toInt(), 200);
        QCOMPARE(m_calls, 1);
        // The server keeps serving.
        QCOMPARE(curl(m_pki, QStringLiteral("alice"), m_port, QStringLiteral("GET"), QStringLiteral("/v1/whoami")).status, 200);
    }

    // The framing guard must count each byte once however HttpServer and the network cut the
    // stream: pipelined requests in one write, heads and bodies split across writes, and a
    // bad request behind good ones on the same connection.
    void framingOverOneConnection_data()
    {
        QTest::addColumn<QList<QByteArray>>("writes");
        QTest::addColumn<QList<int>>("statuses");

        const QByteArray who = "GET /v1/whoami HTTP/1.1\r\nHost: localhost\r\n\r\n";
        const QByteArray body = R"({"name":"a","count":1})";
        const QByteArray post = "POST /v1/things/7 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        const QByteArray big = "POST /v1/things/7 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5000\r\n\r\n";
        QTest::newRow("eight pipelined posts in one write")
            << QList<QByteArray>{post.repeated(8)} << QList<int>(8, 201);
        QTest::newRow("gets and posts interleaved")
            << QList<QByteArray>{who + post + who + post + post + who} << QList<int>{200, 201, 200, 201, 201, 200};
        QTest::newRow("head split, body split")
            << QList<QByteArray>{post.first(20), post.sliced(20, 60), post.sliced(80, post.size() - 85),
                                 post.last(5) + post.first(10), post.sliced(10)}
            << QList<int>{201, 201};
        QTest::newRow("byte by byte") << [&] {
            QList<QByteArray> bytes;
            for (const char c : QByteArray(post + who))
                bytes.append(QByteArray(1, c));
            return bytes;
        }() << QList<int>{201, 200};
        QTest::newRow("oversize body behind good requests")
            << QList<QByteArray>{post + who + big + QByteArray(5000, 'x')} << QList<int>{201, 200, 413};
        QTest::newRow("endless head after a good request")
            << QList<QByteArray>{post + "GET /v1/whoami HTTP/1.1\r\nX-Filler: " + QByteArray(9000, 'y'),
                                 QByteArray(9000, 'z')}
            << QList<int>{201, 431};
    }

    void framingOverOneConnection()
    {
        QFETCH(QList<QByteArray>, writes);
        QFETCH(QList<int>, statuses);
        QSslSocket client;
        client.setSslConfiguration(m_pki.clientTls(QStringLiteral("alice")));
        client.setPeerVerifyName(QStringLiteral("localhost"));
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        QTRY_VERIFY(client.isEncrypted());
        for (const QByteArray &w : std::as_const(writes)) {
            client.write(w);
            client.flush();
            // Let each piece arrive on its own.
            QTest::qWait(writes.size() > 20 ? 1 : 20);
        }
        QByteArray received;
        QList<int> seen;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                received += client.readAll();
                // Count status lines: every answer has one, bodies are JSON without them.
                seen.clear();
                for (qsizetype at = received.indexOf("HTTP/1.1 "); at >= 0; at = received.indexOf("HTTP/1.1 ", at + 1))
                    seen.append(received.mid(at + 9, 3).toInt());
                return seen.size() >= statuses.size();
            }(),
            10000);
        QCOMPARE(seen, statuses);
        QCOMPARE(m_calls, int(std::count_if(statuses.begin(), statuses.end(), [](int s) { return s < 300; })));
    }

    void listenRequiresIdentity()
    {
        ApiServer server(m_clock);
        auto port = server.listen(ApiServer::Config{});
        QVERIFY(!port.ok());
        QCOMPARE(port.error().code, u"server.no-identity"_qs);
        QCOMPARE(server.port(), quint16(0));
    }

private:
    TestPki m_pki;
    ManualClock m_clock;
    std::unique_ptr<ApiServer> m_server;
    quint16 m_port = 0;
    int m_calls = 0;
};

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_apiserver.moc"
