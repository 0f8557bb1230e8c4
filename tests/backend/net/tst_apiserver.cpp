#include "testpki.h"

#include "core/clock.h"
#include "net/apiserver.h"
#include "net/guardedsslserver.h"
#include "net/jsonfields.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslSocket>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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
        m_server->route(QStringLiteral("GET"), QStringLiteral("/v1/things/{id}/parts"), [this](const ApiRequest &r, ApiReply reply) {
            ++m_calls;
            reply.send(200, QJsonObject{{QStringLiteral("id"), r.params.value(QStringLiteral("id"))}});
        });
        // A handler that drops its reply: the server answers 500 for it.
        m_server->route(QStringLiteral("GET"), QStringLiteral("/v1/forgotten"), [](const ApiRequest &, ApiReply) {});
        // Answers a while later, as an order does after its journal commit.
        m_server->route(QStringLiteral("POST"), QStringLiteral("/v1/later"), [this](const ApiRequest &, ApiReply reply) {
            ++m_calls;
            QTimer::singleShot(150, m_server.get(), [reply]() mutable {
                reply.send(201, QJsonObject{{QStringLiteral("slow"), true}});
            });
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
        QTest::newRow("not an object") << u"POST"_qs << u"/v1/things/7"_qs
                                       << QStringList{u"-H"_qs, json, u"-d"_qs, u"[1,2]"_qs} << 400
                                       << u"request.not-an-object"_qs;
        QTest::newRow("unknown field") << u"POST"_qs << u"/v1/things/7"_qs
                                       << QStringList{u"-H"_qs, json, u"-d"_qs, u"{\"name\":\"a\",\"colour\":\"red\"}"_qs}
                                       << 400 << u"request.unknown-field"_qs;
        QTest::newRow("missing field") << u"POST"_qs << u"/v1/things/7"_qs
                                       << QStringList{u"-H"_qs, json, u"-d"_qs, u"{}"_qs} << 400
                                       << u"request.missing-field"_qs;
        QTest::newRow("wrong type") << u"POST"_qs << u"/v1/things/7"_qs
                                    << QStringList{u"-H"_qs, json, u"-d"_qs, u"{\"name\":\"a\",\"count\":1.5}"_qs}
                                    << 400 << u"request.wrong-type"_qs;
        QTest::newRow("form body") << u"POST"_qs << u"/v1/things/7"_qs
                                   << QStringList{u"-d"_qs, u"{\"name\":\"a\"}"_qs} << 415
                                   << u"request.unsupported-media-type"_qs;
        QTest::newRow("no content type") << u"POST"_qs << u"/v1/things/7"_qs
                                         << QStringList{u"-H"_qs, u"Content-Type:"_qs, u"-d"_qs, u"{\"name\":\"a\"}"_qs}
                                         << 415 << u"request.unsupported-media-type"_qs;
        QTest::newRow("text body") << u"POST"_qs << u"/v1/things/7"_qs
                                   << QStringList{u"-H"_qs, u"Content-Type: text/plain"_qs, u"-d"_qs,
                                                  u"{\"name\":\"a\"}"_qs}
                                   << 415 << u"request.unsupported-media-type"_qs;
        QTest::newRow("encoded slash in a segment") << u"GET"_qs << u"/v1/things/7%2Fparts"_qs << QStringList{} << 404
                                                    << u"route.not-found"_qs;
        QTest::newRow("oversize body") << u"POST"_qs << u"/v1/things/7"_qs
                                       << QStringList{u"-d"_qs, QString(4096, u'x')} << 413 << u"request.too-large"_qs;
        QTest::newRow("chunked body") << u"POST"_qs << u"/v1/things/7"_qs
                                      << QStringList{u"-H"_qs, u"Transfer-Encoding: chunked"_qs, u"-d"_qs, u"{}"_qs}
                                      << 411 << u"request.length-required"_qs;
        QTest::newRow("two content lengths") << u"POST"_qs << u"/v1/things/7"_qs
                                             << QStringList{u"-H"_qs, json, u"-H"_qs, u"Content-Length: 3"_qs, u"-H"_qs,
                                                            u"content-length: 12"_qs, u"-d"_qs, u"{\"name\":\"a\"}"_qs}
                                             << 400 << u"request.bad-content-length"_qs;
        QTest::newRow("endless headers") << u"GET"_qs << u"/v1/whoami"_qs
                                         << QStringList{u"-H"_qs, u"X-Filler: "_qs + QString(20000, u'y')} << 431
                                         << u"request.header-too-large"_qs;
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
        QVERIFY2(problem.value(QStringLiteral("title")).toString() != u"Server error"_qs, r.body.constData());
        // Nothing was handled.
        QCOMPARE(m_calls, 0);
    }

    void validPostAfterRefusal()
    {
        // An oversize request closes its connection; the next one on a new connection works.
        curl(m_pki, QStringLiteral("alice"), m_port, QStringLiteral("POST"), QStringLiteral("/v1/things/7"),
             {QStringLiteral("-d"), QString(4096, u'x')});
        const CurlResult r = curl(m_pki, QStringLiteral("alice"), m_port, QStringLiteral("POST"), QStringLiteral("/v1/things/9"),
                                  {QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"), QStringLiteral("-d"),
                                   QStringLiteral("{\"name\":\"gp2\",\"count\":3}")});
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
        client.write("POST /v1/slow HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
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
        const QByteArray slow = "POST /v1/later HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                "Content-Length: 2\r\n\r\n{}";
        QTest::newRow("a slow answer before a quick one") << QList<QByteArray>{slow + who} << QList<int>{201, 200};
        QTest::newRow("slow, quick, slow, quick")
            << QList<QByteArray>{slow + who + slow + who} << QList<int>{201, 200, 201, 200};
        QTest::newRow("a request nobody answers does not hold up the next")
            << QList<QByteArray>{"GET /v1/forgotten HTTP/1.1\r\nHost: localhost\r\n\r\n" + who} << QList<int>{500, 200};
        QTest::newRow("oversize request behind a slow order")
            << QList<QByteArray>{slow + big + QByteArray(5000, 'x')} << QList<int>{201, 413};
        QTest::newRow("http/2.0 behind a good request")
            << QList<QByteArray>{who + "GET /v1/whoami HTTP/2.0\r\nHost: localhost\r\n\r\n"} << QList<int>{200, 505};
        QTest::newRow("two different content lengths behind a slow order")
            << QList<QByteArray>{slow + "POST /v1/things/7 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                        "Content-Length: 2\r\nContent-Length: 22\r\n\r\n" + body}
            << QList<int>{201, 400};
        QTest::newRow("space before the colon")
            << QList<QByteArray>{"POST /v1/things/7 HTTP/1.1\r\nHost: localhost\r\nContent-Length : 22\r\n\r\n" + body}
            << QList<int>{400};
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

    void methodNotAllowedSaysAllow()
    {
        const QList<QByteArray> answer = rawAnswers("DELETE /v1/things/7/parts HTTP/1.1\r\nHost: localhost\r\n\r\n", 1);
        QCOMPARE(answer.size(), 1);
        QVERIFY2(answer.at(0).startsWith("HTTP/1.1 405 "), answer.at(0).constData());
        QVERIFY2(answer.at(0).contains("\r\nAllow: GET\r\n"), answer.at(0).constData());
        const QList<QByteArray> post = rawAnswers("GET /v1/things/7 HTTP/1.1\r\nHost: localhost\r\n\r\n", 1);
        QVERIFY2(post.value(0).contains("\r\nAllow: POST\r\n"), post.value(0).constData());
    }

    void refusalClosesAfterEarlierAnswers()
    {
        // The order's answer comes first, then the 413, then the connection closes.
        const QByteArray slow = "POST /v1/later HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                "Content-Length: 2\r\n\r\n{}";
        bool closed = false;
        const QList<QByteArray> answers = rawAnswers(
            slow + "POST /v1/things/7 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 999999\r\n\r\n", 2, &closed);
        QCOMPARE(answers.size(), 2);
        QVERIFY(answers.at(0).startsWith("HTTP/1.1 201 "));
        QVERIFY(answers.at(0).contains("\"slow\":true"));
        QVERIFY(answers.at(1).startsWith("HTTP/1.1 413 "));
        QTRY_VERIFY(closed);
    }

    // Defect: QSslServer stopped accepting for good after 30 connections that hung up (or
    // sat) before their TLS handshake.
    void listenerSurvivesHangUps()
    {
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 80; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(QStringLiteral("127.0.0.1"), m_port);
            sockets.push_back(std::move(s));
        }
        QTRY_VERIFY(std::all_of(sockets.begin(), sockets.end(),
                                [](const auto &s) { return s->state() == QAbstractSocket::ConnectedState; }));
        QTest::qWait(200);
        // Half of them hang up, some with a few bytes that are no TLS; the rest sit.
        for (int i = 0; i < 40; ++i) {
            if (i % 2)
                sockets[i]->write("GET / HTTP/1.1\r\n\r\n");
            sockets[i]->disconnectFromHost();
        }
        QTest::qWait(500);
        for (int round = 0; round < 3; ++round) {
            const CurlResult r = curl(m_pki, QStringLiteral("alice"), m_port, QStringLiteral("GET"),
                                      QStringLiteral("/v1/whoami"), {QStringLiteral("--max-time"), QStringLiteral("10")});
            QCOMPARE(r.status, 200);
        }
    }

    /// A TLS connection as alice from `source` (a loopback address other than 127.0.0.1).
    /// QSslSocket::bind() does not reach the socket it connects through, so this connects a
    /// bound descriptor and starts TLS on it.
    std::unique_ptr<QSslSocket> tlsFrom(const QHostAddress &source, quint16 port)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return nullptr;
        sockaddr_in local{};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr = htonl(source.toIPv4Address());
        sockaddr_in remote{};
        remote.sin_family = AF_INET;
        remote.sin_port = htons(port);
        remote.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0
            || ::connect(fd, reinterpret_cast<sockaddr *>(&remote), sizeof remote) != 0) {
            ::close(fd);
            return nullptr;
        }
        auto s = std::make_unique<QSslSocket>();
        s->setSslConfiguration(m_pki.clientTls(QStringLiteral("alice")));
        s->setPeerVerifyName(QStringLiteral("localhost"));
        if (!s->setSocketDescriptor(fd))
            return nullptr;
        s->startClientEncryption();
        return s;
    }

    static std::unique_ptr<QTcpSocket> tcpFrom(const QHostAddress &source, quint16 port)
    {
        auto s = std::make_unique<QTcpSocket>();
        if (!s->bind(source, 0))
            return nullptr;
        s->connectToHost(QStringLiteral("127.0.0.1"), port);
        return s;
    }

    static QHostAddress loopback(int host) { return QHostAddress(QStringLiteral("127.0.0.%1").arg(host)); }

    void floodFromOtherAddresses()
    {
        // A server with a small per-address cap; long timeouts, so that everything the
        // flood opens stays open while real clients are served.
        ApiServer server(m_clock);
        int served = 0;
        server.route(QStringLiteral("GET"), QStringLiteral("/v1/whoami"), [&](const ApiRequest &, ApiReply reply) {
            ++served;
            reply.send(200, QJsonObject{});
        });
        ApiServer::Config config;
        config.tls = m_pki.serverTls();
        config.maxConnectionsPerAddress = 50;
        config.handshakeTimeoutMs = 300'000;
        config.idleTimeoutMs = 300'000;
        auto port = server.listen(config);
        QVERIFY(port.ok());
        const GuardedSslServer *listener = server.listener();
        QVERIFY(listener);

        std::vector<std::unique_ptr<QSslSocket>> idle;
        std::vector<std::unique_ptr<QTcpSocket>> halfOpen;
        QElapsedTimer flood;
        flood.start();
        // 500 idle connections (TLS done, authenticated, no request) from 127.0.0.10-19.
        for (int host = 10; host < 20; ++host) {
            for (int i = 0; i < 50; ++i) {
                idle.push_back(tlsFrom(loopback(host), *port));
                QVERIFY(idle.back());
            }
            QTRY_VERIFY_WITH_TIMEOUT(std::all_of(idle.begin(), idle.end(), [](const auto &s) { return s->isEncrypted(); }),
                                     60000);
        }
        // 500 half-open ones (TCP only, no TLS handshake) from 127.0.0.20-29, and 60 from
        // 127.0.0.30, ten over its cap.
        for (int host = 20; host <= 30; ++host) {
            for (int i = 0; i < (host == 30 ? 60 : 50); ++i) {
                halfOpen.push_back(tcpFrom(loopback(host), *port));
                QVERIFY(halfOpen.back());
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 1050, 30000);
        qInfo("1,050 connections open after %lld ms", flood.elapsed());
        QTRY_COMPARE(listener->refusedConnections(), qint64(10));
        QCOMPARE(listener->connectionCount(loopback(30)), 50);
        QCOMPARE(listener->connectionCount(loopback(15)), 50);
        // Meanwhile real clients are served, over and over.
        for (int round = 0; round < 3; ++round) {
            const CurlResult r = curl(m_pki, QStringLiteral("alice"), *port, QStringLiteral("GET"), QStringLiteral("/v1/whoami"),
                                      {QStringLiteral("--max-time"), QStringLiteral("10")});
            QCOMPARE(r.status, 200);
        }
        QCOMPARE(served, 3);
        QTRY_COMPARE(listener->connectionCount(), 1050); // curl's own connection has gone
        // The flood leaves; every slot is free again.
        idle.clear();
        halfOpen.clear();
        QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 0, 20000);
        const CurlResult after = curl(m_pki, QStringLiteral("alice"), *port, QStringLiteral("GET"), QStringLiteral("/v1/whoami"));
        QCOMPARE(after.status, 200);
    }

    void timeoutsEndIdleAndHalfOpenConnections()
    {
        ApiServer server(m_clock);
        server.route(QStringLiteral("GET"), QStringLiteral("/v1/whoami"),
                     [&](const ApiRequest &, ApiReply reply) { reply.send(200, QJsonObject{}); });
        ApiServer::Config config;
        config.tls = m_pki.serverTls();
        config.handshakeTimeoutMs = 1500;
        config.idleTimeoutMs = 1500;
        auto port = server.listen(config);
        QVERIFY(port.ok());
        const GuardedSslServer *listener = server.listener();

        std::vector<std::unique_ptr<QSslSocket>> idle;
        std::vector<std::unique_ptr<QTcpSocket>> halfOpen;
        for (int i = 0; i < 20; ++i) {
            idle.push_back(tlsFrom(loopback(40), *port));
            halfOpen.push_back(tcpFrom(loopback(41), *port));
        }
        // One busy client: a request every 500 ms keeps its connection.
        auto busy = tlsFrom(loopback(42), *port);
        QTRY_VERIFY(std::all_of(idle.begin(), idle.end(), [](const auto &s) { return s->isEncrypted(); }));
        QTRY_VERIFY(busy->isEncrypted());
        QTRY_COMPARE(listener->connectionCount(), 41);
        for (int i = 0; i < 8; ++i) {
            busy->write("GET /v1/whoami HTTP/1.1\r\nHost: localhost\r\n\r\n");
            QTRY_VERIFY(busy->bytesAvailable() > 0);
            busy->readAll();
            QTest::qWait(500);
        }
        // Four seconds on, the idle and the half-open connections are gone, the busy one is not.
        QTRY_COMPARE(listener->connectionCount(), 1);
        QCOMPARE(listener->handshakeTimeouts(), qint64(20));
        QCOMPARE(listener->idleClosed(), qint64(20));
        QCOMPARE(busy->state(), QAbstractSocket::ConnectedState);
        QTRY_VERIFY(std::all_of(idle.begin(), idle.end(),
                                [](const auto &s) { return s->state() == QAbstractSocket::UnconnectedState; }));
        QTRY_VERIFY(std::all_of(halfOpen.begin(), halfOpen.end(),
                                [](const auto &s) { return s->state() == QAbstractSocket::UnconnectedState; }));
        // Then it idles too.
        QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 0, 5000);
        QCOMPARE(listener->idleClosed(), qint64(21));
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
    /// Writes `bytes` on a new TLS connection as alice and returns the first `count`
    /// responses (each with its head and body).
    QList<QByteArray> rawAnswers(const QByteArray &bytes, int count, bool *closed = nullptr)
    {
        QSslSocket client;
        client.setSslConfiguration(m_pki.clientTls(QStringLiteral("alice")));
        client.setPeerVerifyName(QStringLiteral("localhost"));
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        if (!QTest::qWaitFor([&] { return client.isEncrypted(); }, 10000))
            return {};
        client.write(bytes);
        QByteArray received;
        QList<QByteArray> answers;
        QTest::qWaitFor(
            [&] {
                received += client.readAll();
                answers.clear();
                qsizetype at = 0;
                while (true) {
                    const qsizetype headEnd = received.indexOf("\r\n\r\n", at);
                    if (headEnd < 0)
                        break;
                    const QByteArray head = received.mid(at, headEnd - at);
                    const qsizetype cl = head.toLower().indexOf("content-length: ");
                    const qsizetype lengthEnd = head.indexOf("\r\n", cl);
                    const qint64 length = cl < 0 ? 0 : head.mid(cl + 16, lengthEnd < 0 ? -1 : lengthEnd - cl - 16).toLongLong();
                    if (received.size() < headEnd + 4 + length)
                        break;
                    answers.append(received.mid(at, headEnd + 4 + length - at));
                    at = headEnd + 4 + length;
                }
                return answers.size() >= count;
            },
            10000);
        if (closed) {
            QTest::qWaitFor([&] { return client.state() == QAbstractSocket::UnconnectedState; }, 5000);
            *closed = client.state() == QAbstractSocket::UnconnectedState;
        }
        return answers;
    }

    TestPki m_pki;
    ManualClock m_clock;
    std::unique_ptr<ApiServer> m_server;
    quint16 m_port = 0;
    int m_calls = 0;
};

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_apiserver.moc"
