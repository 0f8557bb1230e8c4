// Issue #16 across the chain: a real exchange (LocalExchange, its CA and stream), a seller's
// connect agent on libvirt's test driver following it through ExchangeLink, and curl as the
// buyer's users. A contract certificate names the user who asked for it; revoking that
// user, or taking deploy away, makes the site refuse the certificate at once through the
// exchange's revocations@<seller> event; without the event, the next CRL refresh does. The
// site reports each VM operation with its user to the exchange, where the buyer's
// administrator (and only it) reads them.
#include "../exchange/exchangetestsupport.h"

#include "connect/connectagent.h"
#include "connect/connectserver.h"
#include "connect/exchangelink.h"
#include "core/clock.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslKey>
#include <QStandardPaths>

using namespace cloudex;
using namespace exchangetest;

class TestUserRevocation : public QObject
{
    Q_OBJECT

    Fixture m_fx;
    ManualClock m_clock;
    std::unique_ptr<connect::ConnectAgent> m_agent;
    std::unique_ptr<connect::ConnectServer> m_server;
    std::unique_ptr<connect::ExchangeLink> m_link;
    QSslConfiguration m_siteTls;
    QString m_contract;

    bool writeUser(const QString &name, const QStringList &permissions,
                   const QString &participant = QStringLiteral("p-buyer"))
    {
        auto key = pki::PrivateKey::generate();
        auto csr = pki::createCertificateRequest(key.value(), {participant, name, {}, {}});
        pki::IdentityRequest request;
        request.kind = pki::CertificateKind::User;
        request.participant = participant;
        request.name = name;
        request.permissions = permissions;
        auto issued = m_fx.service().issueIdentity(csr.value(), request);
        if (!issued)
            return false;
        QFile cert(m_fx.identityFile(name, QStringLiteral(".cert.pem")));
        QFile keyFile(m_fx.identityFile(name, QStringLiteral(".key.pem")));
        return cert.open(QIODevice::WriteOnly) && cert.write(issued->pem()) > 0 &&
               keyFile.open(QIODevice::WriteOnly) && keyFile.write(key->toPem().value()) > 0;
    }

    /// `user` asks the exchange for a contract certificate (its key and certificate kept as
    /// <user>-contract.key/.pem); answers its serial.
    QString certify(const QString &user)
    {
        auto key = pki::PrivateKey::generate();
        auto csr =
            pki::createCertificateRequest(key.value(), {QStringLiteral("p-buyer"), m_contract, {}, {}});
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("csr"), QString::fromLatin1(csr->toBase64())}})
                .toJson(QJsonDocument::Compact);
        const CurlResult answer =
            m_fx.curl(user, QStringLiteral("POST"),
                      QStringLiteral("/v1/contracts/%1/certificates").arg(m_contract), body);
        if (answer.status != 201) {
            qWarning("certificate for %s: %d %s", qPrintable(user), answer.status, answer.body.constData());
            return {};
        }
        QFile cert(m_fx.path(user + QStringLiteral("-contract.pem")));
        QFile keyFile(m_fx.path(user + QStringLiteral("-contract.key")));
        if (!cert.open(QIODevice::WriteOnly) || !keyFile.open(QIODevice::WriteOnly))
            return {};
        cert.write(answer.json().value(QStringLiteral("certificate")).toString().toLatin1());
        keyFile.write(key->toPem().value());
        return answer.json().value(QStringLiteral("serial")).toString();
    }

    /// GET /v1/contract at the site with `user`'s contract certificate.
    CurlResult atSite(const QString &user)
    {
        return runCurl({QStringLiteral("--cacert"), m_fx.path(QStringLiteral("ca.pem")),
                        QStringLiteral("--cert"), m_fx.path(user + QStringLiteral("-contract.pem")),
                        QStringLiteral("--key"), m_fx.path(user + QStringLiteral("-contract.key")),
                        QStringLiteral("https://127.0.0.1:%1/v1/contract").arg(m_server->port())});
    }

    /// POST `route` at the site with `user`'s contract certificate.
    CurlResult postAtSite(const QString &user, const QString &route, const QByteArray &body)
    {
        return runCurl({QStringLiteral("--cacert"), m_fx.path(QStringLiteral("ca.pem")),
                        QStringLiteral("--cert"), m_fx.path(user + QStringLiteral("-contract.pem")),
                        QStringLiteral("--key"), m_fx.path(user + QStringLiteral("-contract.key")),
                        QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-H"),
                        QStringLiteral("Content-Type: application/json"), QStringLiteral("--data-binary"),
                        QString::fromUtf8(body),
                        QStringLiteral("https://127.0.0.1:%1%2").arg(m_server->port()).arg(route)});
    }

    CurlResult admin(const QString &method, const QString &route, const QByteArray &body = {})
    {
        return m_fx.curl(QStringLiteral("u-admin"), method,
                         QStringLiteral("/v1/participants/p-buyer") + route, body);
    }

    void startLink()
    {
        connect::ExchangeLink::Options options;
        options.exchange = m_fx.service().baseUrl();
        options.tls = m_siteTls;
        options.siteId = QStringLiteral("s-fra1");
        options.seller = QStringLiteral("p-seller");
        options.name = QStringLiteral("Frankfurt 1");
        options.endpoint = QStringLiteral("https://localhost:%1").arg(m_server->port());
        options.products = {kProduct};
        // No periodic CRL pull within the test: what refuses a certificate is the event, or
        // the refresh the test makes.
        options.crlIntervalMs = 3'600'000;
        options.usageIntervalMs = 3'600'000;
        m_link = std::make_unique<connect::ExchangeLink>(*m_server, options);
        QSignalSpy registered(m_link.get(), &connect::ExchangeLink::registered);
        QSignalSpy crl(m_link.get(), &connect::ExchangeLink::crlApplied);
        m_link->start();
        QVERIFY(registered.wait(20000) || registered.count() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(crl.count() > 0, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        QVERIFY(m_fx.start());
        m_clock.setNowMs(QDateTime::currentMSecsSinceEpoch());
        // The seller's site identity, for 127.0.0.1 and localhost.
        auto siteKey = pki::PrivateKey::generate();
        auto siteCsr = pki::createCertificateRequest(siteKey.value(), {QStringLiteral("p-seller"),
                                                                       QStringLiteral("s-fra1"),
                                                                       {QStringLiteral("localhost")},
                                                                       {QStringLiteral("127.0.0.1")}});
        pki::IdentityRequest site;
        site.kind = pki::CertificateKind::Site;
        site.participant = QStringLiteral("p-seller");
        site.name = QStringLiteral("s-fra1");
        auto siteCert = m_fx.service().issueIdentity(siteCsr.value(), site);
        QVERIFY(siteCert.ok());
        m_siteTls = QSslConfiguration::defaultConfiguration();
        m_siteTls.setLocalCertificate(QSslCertificate(siteCert->der, QSsl::Der));
        m_siteTls.setPrivateKey(QSslKey(siteKey->toPem().value(), QSsl::Ec));
        m_siteTls.setCaCertificates(
            {QSslCertificate(m_fx.service().authority().rootCertificate(), QSsl::Der)});

        QVERIFY(writeUser(QStringLiteral("u-admin"), {QStringLiteral("admin")}));
        QVERIFY(writeUser(QStringLiteral("u-tech1"), {QStringLiteral("deploy")}));
        QVERIFY(writeUser(QStringLiteral("u-tech2"), {QStringLiteral("trade"), QStringLiteral("deploy")}));
        QVERIFY(writeUser(QStringLiteral("u-tech3"), {QStringLiteral("deploy")}));
        QVERIFY(writeUser(QStringLiteral("u-sales"), {QStringLiteral("trade")}));

        QVERIFY(QDir().mkpath(m_fx.path(QStringLiteral("site"))));
        m_agent = std::make_unique<connect::ConnectAgent>(
            connect::ConnectAgent::Options{m_fx.path(QStringLiteral("site")), 0, &m_clock});
        QVERIFY(m_agent->open().ok());
        QVERIFY(m_agent->setupEmbeddedSite().ok());
        QVERIFY(m_agent->start()->wait().ok());
        connect::ConnectServer::Options options;
        options.seller = QStringLiteral("p-seller");
        options.siteId = QStringLiteral("s-fra1");
        options.tickMs = 100;
        m_server = std::make_unique<connect::ConnectServer>(*m_agent, m_clock, options);
        QVERIFY(m_server->setTrustAnchor(m_fx.service().authority().rootCertificate()).ok());
        net::ApiServer::Config config;
        config.tls = m_siteTls;
        QVERIFY(m_server->listen(config).ok());
        startLink();

        // A contract of p-buyer with p-seller, assigned to the site, which learns of it.
        QCOMPARE(m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                           m_fx.order(QStringLiteral("sell"), 500'000, 2))
                     .status,
                 201);
        QCOMPARE(m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                           m_fx.order(QStringLiteral("buy"), 500'000, 2))
                     .status,
                 201);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->heldContracts().size() == 1, 20000);
        m_contract = m_server->heldContracts().constFirst().id;
    }

    void theContractCertificateNamesItsUser()
    {
        // Without deploy, no certificate.
        auto key = pki::PrivateKey::generate();
        auto csr =
            pki::createCertificateRequest(key.value(), {QStringLiteral("p-buyer"), m_contract, {}, {}});
        const CurlResult refused = m_fx.curl(
            QStringLiteral("u-sales"), QStringLiteral("POST"),
            QStringLiteral("/v1/contracts/%1/certificates").arg(m_contract),
            QJsonDocument(QJsonObject{{QStringLiteral("csr"), QString::fromLatin1(csr->toBase64())}})
                .toJson(QJsonDocument::Compact));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("auth.permission-missing"));
        QCOMPARE(refused.json().value(QStringLiteral("permission")).toString(), QStringLiteral("deploy"));

        const QString serial = certify(QStringLiteral("u-tech1"));
        QVERIFY(!serial.isEmpty());
        QFile file(m_fx.path(QStringLiteral("u-tech1-contract.pem")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QSslCertificate certificate(file.readAll());
        QCOMPARE(certificate.subjectInfo(QSslCertificate::OrganizationalUnitName),
                 QStringList{QStringLiteral("u-tech1")});
        QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName), QStringList{m_contract});
        const CurlResult answer = atSite(QStringLiteral("u-tech1"));
        QVERIFY2(answer.status == 200, answer.body.constData());
        QCOMPARE(answer.json().value(QStringLiteral("id")).toString(), m_contract);
    }

    /// A VM u-tech1 creates at the site reaches the exchange with u-tech1 as its user, for the
    /// buyer's administrator only; a resend of the site's records counts nothing twice.
    void theSitesVmOperationsReachTheBuyersAdmin()
    {
        QSignalSpy reported(m_link.get(), &connect::ExchangeLink::operationsReported);
        const CurlResult created = postAtSite(QStringLiteral("u-tech1"), QStringLiteral("/v1/vms"),
                                              R"({"name":"web-1","template":""})");
        QVERIFY2(created.status == 202, created.body.constData());
        const auto operations = [this](const QString &who, const QString &participant) {
            return m_fx.curl(who, QStringLiteral("GET"),
                             QStringLiteral("/v1/participants/%1/vm-operations").arg(participant));
        };
        // The link sends it about a second after the operation.
        QTRY_VERIFY_WITH_TIMEOUT(reported.count() > 0, 15000);
        QCOMPARE(reported.constLast().at(1).toBool(), true);
        CurlResult read = admin(QStringLiteral("GET"), QStringLiteral("/vm-operations"));
        QVERIFY2(read.status == 200, read.body.constData());
        QJsonArray list = read.json().value(QStringLiteral("operations")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject entry = list.at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("user")).toString(), QStringLiteral("u-tech1"));
        QCOMPARE(entry.value(QStringLiteral("contractId")).toString(), m_contract);
        QCOMPARE(entry.value(QStringLiteral("site")).toString(), QStringLiteral("s-fra1"));
        QCOMPARE(entry.value(QStringLiteral("vm")).toString(), QStringLiteral("web-1"));
        QCOMPARE(entry.value(QStringLiteral("operation")).toString(), QStringLiteral("create"));
        QVERIFY(!entry.value(QStringLiteral("serial")).toString().isEmpty());
        // Filters: by user and contract.
        QCOMPARE(admin(QStringLiteral("GET"), QStringLiteral("/vm-operations?user=u-tech2"))
                     .json()
                     .value(QStringLiteral("operations"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(admin(QStringLiteral("GET"), QStringLiteral("/vm-operations?user=u-tech1&contract=") + m_contract)
                     .json()
                     .value(QStringLiteral("operations"))
                     .toArray()
                     .size(),
                 1);

        // The site sends everything again (as after losing its record of the last report):
        // the exchange keeps each record once.
        QVERIFY(m_server->setOperationsReportedThrough(0).ok());
        reported.clear();
        m_link->reportOperations();
        QTRY_VERIFY_WITH_TIMEOUT(reported.count() > 0, 15000);
        QCOMPARE(reported.constLast().at(1).toBool(), true);
        QCOMPARE(admin(QStringLiteral("GET"), QStringLiteral("/vm-operations"))
                     .json()
                     .value(QStringLiteral("operations"))
                     .toArray()
                     .size(),
                 1);

        // Nobody else reads them: not the user without admin, not the seller's administrator.
        read = operations(QStringLiteral("u-tech1"), QStringLiteral("p-buyer"));
        QCOMPARE(read.status, 403);
        QCOMPARE(read.json().value(QStringLiteral("permission")).toString(), QStringLiteral("admin"));
        QVERIFY(writeUser(QStringLiteral("u-sadmin"), {QStringLiteral("admin")}, QStringLiteral("p-seller")));
        read = operations(QStringLiteral("u-sadmin"), QStringLiteral("p-buyer"));
        QCOMPARE(read.status, 403);
        QCOMPARE(read.code(), QStringLiteral("auth.not-own-participant"));
        read = operations(QStringLiteral("u-sadmin"), QStringLiteral("p-seller"));
        QVERIFY2(read.status == 200, read.body.constData());
        QCOMPARE(read.json().value(QStringLiteral("operations")).toArray().size(), 0);
    }

    /// Records the exchange refuses for what they say (a contract it never made, a malformed
    /// VM name: as after the exchange's data was reset, or a site store edited by hand) are
    /// logged and left out; the operations after them still reach the buyer's administrator,
    /// and the report mark passes them, so they are not sent again at every pass.
    void aRecordTheExchangeRefusesHoldsBackNothing()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(m_fx.path(QStringLiteral("site/connect.sqlite")));
            QVERIFY(db.open());
            QSqlQuery insert(db);
            QVERIFY(insert.prepare(QStringLiteral("INSERT INTO vm_operations (contract, vm, operation, user, "
                                                  "serial, at_ms) VALUES (?, ?, 'start', 'u-tech1', '', ?)")));
            for (const auto &[contract, vm] : {std::pair{QStringLiteral("c-999999"), QStringLiteral("web-9")},
                                               std::pair{m_contract, QStringLiteral("Web_9")}}) {
                insert.addBindValue(contract);
                insert.addBindValue(vm);
                insert.addBindValue(m_clock.nowMs());
                QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));

        QSignalSpy refused(m_link.get(), &connect::ExchangeLink::operationRefused);
        QSignalSpy reported(m_link.get(), &connect::ExchangeLink::operationsReported);
        const CurlResult created = postAtSite(QStringLiteral("u-tech1"), QStringLiteral("/v1/vms"),
                                              R"({"name":"web-2","template":""})");
        QVERIFY2(created.status == 202, created.body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!reported.isEmpty() && reported.constLast().at(1).toBool(), 15000);
        QCOMPARE(refused.size(), 2);
        QCOMPARE(refused.at(0).at(1).toString(), QStringLiteral("contract.unknown"));
        QCOMPARE(refused.at(1).at(1).toString(), QStringLiteral("vm-operation.bad-vm"));
        const QJsonArray list = admin(QStringLiteral("GET"), QStringLiteral("/vm-operations"))
                                    .json()
                                    .value(QStringLiteral("operations"))
                                    .toArray();
        QStringList seen;
        for (const QJsonValue &entry : list)
            seen.append(entry.toObject().value(QStringLiteral("vm")).toString() + u':' +
                        entry.toObject().value(QStringLiteral("operation")).toString());
        seen.sort();
        QCOMPARE(seen, (QStringList{QStringLiteral("web-1:create"), QStringLiteral("web-2:create")}));
        const qint64 mark = m_server->operationsReportedThrough();
        QVERIFY(mark >= refused.at(1).at(0).toLongLong());

        // The next pass sends nothing again.
        refused.clear();
        reported.clear();
        m_link->reportOperations();
        QTest::qWait(300);
        QCOMPARE(refused.size(), 0);
        QCOMPARE(reported.size(), 0);
        QCOMPARE(m_server->operationsReportedThrough(), mark);
    }

    void aRevokedUserIsRefusedAtOnceThroughTheEvent()
    {
        QCOMPARE(atSite(QStringLiteral("u-tech1")).status, 200);
        const qint64 crlBefore = m_fx.service().authority().crlNumber();
        const CurlResult revoked = admin(QStringLiteral("POST"), QStringLiteral("/users/u-tech1/revoke"));
        QVERIFY2(revoked.status == 200, revoked.body.constData());
        QCOMPARE(revoked.json().value(QStringLiteral("contractCertificates")).toArray().size(), 1);
        QVERIFY(revoked.json().value(QStringLiteral("crlNumber")).toInteger() > crlBefore);
        QTRY_COMPARE_WITH_TIMEOUT(atSite(QStringLiteral("u-tech1")).code(), QStringLiteral("connect.revoked"),
                                  5000);
        QCOMPARE(atSite(QStringLiteral("u-tech1")).status, 401);
        // The user's own identity is gone from the exchange too.
        QCOMPARE(m_fx.curl(QStringLiteral("u-tech1"), QStringLiteral("GET"), QStringLiteral("/v1/contracts"))
                     .status,
                 401);
    }

    void aUserStrippedOfDeployIsRefusedAtOnce()
    {
        QVERIFY(!certify(QStringLiteral("u-tech2")).isEmpty());
        QCOMPARE(atSite(QStringLiteral("u-tech2")).status, 200);
        const CurlResult changed = admin(QStringLiteral("PUT"), QStringLiteral("/users/u-tech2/permissions"),
                                         R"({"permissions":["trade"]})");
        QVERIFY2(changed.status == 200, changed.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(atSite(QStringLiteral("u-tech2")).code(), QStringLiteral("connect.revoked"),
                                  5000);
    }

    void withoutTheEventTheCrlRefreshRefuses()
    {
        QVERIFY(!certify(QStringLiteral("u-tech3")).isEmpty());
        QCOMPARE(atSite(QStringLiteral("u-tech3")).status, 200);
        m_link.reset(); // the site hears nothing from the exchange now
        QVERIFY(admin(QStringLiteral("POST"), QStringLiteral("/users/u-tech3/revoke")).status == 200);
        QTest::qWait(500);
        QCOMPARE(atSite(QStringLiteral("u-tech3")).status, 200); // the site's CRL does not list it yet
        // The CRL refresh (the link's periodic pull) brings the revocation.
        startLink();
        QTRY_COMPARE_WITH_TIMEOUT(atSite(QStringLiteral("u-tech3")).code(), QStringLiteral("connect.revoked"),
                                  5000);
    }

    void cleanupTestCase()
    {
        m_link.reset();
        m_server.reset();
        m_agent.reset();
    }
};

QTEST_GUILESS_MAIN(TestUserRevocation)
#include "tst_userrevocation.moc"
