#include "testpki.h"

#include "core/clock.h"
#include "net/apiclient.h"
#include "net/apiserver.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace cloudex;
using namespace cloudex::net;

class TestApiClient : public QObject
{
    Q_OBJECT

    ApiCall *wait(ApiCall *call)
    {
        if (!call->isFinished())
            QSignalSpy(call, &ApiCall::finished).wait(20000);
        return call;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        m_server = std::make_unique<ApiServer>(m_clock);
        m_server->route(QStringLiteral("POST"), QStringLiteral("/v1/orders"), [this](const ApiRequest &r, ApiReply reply) {
            m_lastKey = r.header("idempotency-key");
            reply.send(201, QJsonObject{{QStringLiteral("participant"), r.identity.participant}});
        });
        ApiServer::Config config;
        config.tls = m_pki.serverTls();
        auto port = m_server->listen(config);
        QVERIFY(port.ok());
        m_base = QUrl(QStringLiteral("https://localhost:%1").arg(*port));
    }

    void postWithIdempotencyKey()
    {
        ApiClient client(m_base, m_pki.clientTls(QStringLiteral("alice")));
        ApiCall *call = wait(client.post(QStringLiteral("/v1/orders"), QJsonObject{}, "key-1"));
        QVERIFY2(call->ok(), qPrintable(call->errorString()));
        QCOMPARE(call->status(), 201);
        QCOMPARE(call->body().toObject().value(QStringLiteral("participant")).toString(), u"p-acme"_qs);
        QCOMPARE(m_lastKey, QByteArray("key-1"));
    }

    void problemIsParsed()
    {
        ApiClient client(m_base, m_pki.clientTls(QStringLiteral("alice")));
        ApiCall *call = wait(client.get(QStringLiteral("/v1/nowhere")));
        QVERIFY(!call->ok());
        QCOMPARE(call->status(), 404);
        QVERIFY(call->problem().has_value());
        QCOMPARE(call->problem()->code, u"route.not-found"_qs);
    }

    void problemIsTheJobsError()
    {
        ApiClient client(m_base, m_pki.clientTls(QStringLiteral("alice")));
        ApiCall *call = client.get(QStringLiteral("/v1/nowhere"));
        QSignalSpy finished(call, &Job::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<Job *>(), call);
        QCOMPARE(call->error(), u"route.not-found"_qs);
        QCOMPARE(call->errorString(), call->problem()->detail);
        QVERIFY(!call->result().ok());
    }

    void cancelAbortsTheCall()
    {
        // A handler that never answers: only cancel() ends the call.
        m_server->route(QStringLiteral("GET"), QStringLiteral("/v1/slow"), [this](const ApiRequest &, ApiReply reply) {
            m_parked.append(reply);
        });
        ApiClient client(m_base, m_pki.clientTls(QStringLiteral("alice")));
        ApiCall *call = client.get(QStringLiteral("/v1/slow"));
        QSignalSpy finished(call, &Job::finished);
        QTRY_COMPARE_WITH_TIMEOUT(m_parked.size(), 1, 20000);
        QVERIFY(!call->isFinished());
        call->cancel();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(call->isCancelled());
        QCOMPARE(call->error(), u"job.cancelled"_qs);
        QCOMPARE(call->status(), 0);
        call->cancel(); // a second cancel does nothing
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
    }

    void untrustedServerIsATransportFailure()
    {
        // Trust only the foreign CA: the exchange's certificate does not verify.
        QSslConfiguration tls = m_pki.clientTls(QStringLiteral("alice"));
        tls.setCaCertificates(QSslCertificate::fromData(m_pki.read(QStringLiteral("foreign-ca.pem"))));
        ApiClient client(m_base, tls);
        ApiCall *call = wait(client.get(QStringLiteral("/v1/orders")));
        QCOMPARE(call->status(), 0);
        QCOMPARE(call->problem()->code, u"transport.failed"_qs);
    }

    void pkcs12Identity()
    {
        const QString p12 = m_pki.path(QStringLiteral("alice.p12"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"),
                       m_pki.path(QStringLiteral("alice.pem")), QStringLiteral("-inkey"),
                       m_pki.path(QStringLiteral("alice.key")), QStringLiteral("-passout"),
                       QStringLiteral("pass:secret"), QStringLiteral("-out"), p12});
        QVERIFY(openssl.waitForFinished() && openssl.exitCode() == 0);

        auto wrong = ApiClient::tlsFromPkcs12(p12, "wrong", m_pki.read(QStringLiteral("ca.pem")));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, u"identity.invalid"_qs);
        auto missing = ApiClient::tlsFromPkcs12(m_pki.path(QStringLiteral("none.p12")), "secret", {});
        QCOMPARE(missing.error().code, u"identity.unreadable"_qs);

        auto tls = ApiClient::tlsFromPkcs12(p12, "secret", m_pki.read(QStringLiteral("ca.pem")));
        QVERIFY2(tls.ok(), qPrintable(tls.ok() ? QString() : tls.error().message));
        ApiClient client(m_base, *tls);
        ApiCall *call = wait(client.post(QStringLiteral("/v1/orders"), QJsonObject{}));
        QCOMPARE(call->status(), 201);
    }

private:
    TestPki m_pki;
    ManualClock m_clock{0};
    std::unique_ptr<ApiServer> m_server;
    QUrl m_base;
    QByteArray m_lastKey;
    QList<ApiReply> m_parked; ///< answers a test never sends
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
