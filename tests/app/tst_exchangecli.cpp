// cloudex-exchange as an operator uses it: --init, serving, admin commands that go through
// the API with operator.p12, an onboarded identity trading with curl, and a clean SIGTERM.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestExchangeCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_url;

    QString dataDir() const { return m_dir.filePath(QStringLiteral("exchange")); }

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run run(const QString &program, const QStringList &arguments)
    {
        QProcess p;
        p.start(program, arguments);
        Run r;
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    Run admin(const QStringList &arguments)
    {
        return run(QStringLiteral(CLOUDEX_EXCHANGE_BINARY),
                   arguments + QStringList{QStringLiteral("--data-dir"), dataDir(),
                                           QStringLiteral("--server"), m_url});
    }

private Q_SLOTS:
    void initAndServe()
    {
        const Run init = run(QStringLiteral(CLOUDEX_EXCHANGE_BINARY),
                             {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--init")});
        QVERIFY2(init.exitCode == 0, init.err.constData());
        const QString p12 = QDir(dataDir()).filePath(QStringLiteral("operator.p12"));
        QVERIFY(QFile::exists(p12));
        QCOMPARE(QFile::permissions(p12) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QVERIFY(QFile::exists(QDir(dataDir()).filePath(QStringLiteral("ca.pem"))));
        // A second --init must not replace the operator's identity.
        QCOMPARE(run(QStringLiteral(CLOUDEX_EXCHANGE_BINARY),
                     {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--init")})
                     .exitCode,
                 2);

        m_server.start(QStringLiteral(CLOUDEX_EXCHANGE_BINARY),
                       {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:0")});
        QTRY_VERIFY_WITH_TIMEOUT(m_server.canReadLine(), 30000);
        const QString line = QString::fromUtf8(m_server.readLine()).trimmed();
        const auto match =
            QRegularExpression(QStringLiteral("listening on (https://127\\.0\\.0\\.1:\\d+)")).match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        m_url = match.captured(1);
    }

    void adminCommandsGoThroughTheApi()
    {
        const QString acme = m_dir.filePath(QStringLiteral("acme.p12"));
        Run onboard =
            admin({QStringLiteral("onboard"), QStringLiteral("--kind"), QStringLiteral("participant"),
                   QStringLiteral("--participant"), QStringLiteral("p-acme"), QStringLiteral("--out"), acme});
        QVERIFY2(onboard.exitCode == 0, onboard.err.constData());
        QVERIFY(QFile::exists(acme));
        const QString alice = m_dir.filePath(QStringLiteral("alice.p12"));
        onboard = admin({QStringLiteral("onboard"), QStringLiteral("--kind"), QStringLiteral("user"),
                         QStringLiteral("--participant"), QStringLiteral("p-acme"), QStringLiteral("--name"),
                         QStringLiteral("u-alice"), QStringLiteral("--out"), alice});
        QVERIFY2(onboard.exitCode == 0, onboard.err.constData());

        const Run instruments =
            admin({QStringLiteral("instruments"), QStringLiteral("--product"), QStringLiteral("DE.GP2.SH.S1"),
                   QStringLiteral("--period"), QStringLiteral("H")});
        QCOMPARE(instruments.exitCode, 0);
        const QJsonArray listed =
            QJsonDocument::fromJson(instruments.out)[QStringLiteral("instruments")].toArray();
        QVERIFY(!listed.isEmpty());
        const QString symbol = listed.at(0)[QStringLiteral("symbol")].toString();

        // The onboarded user trades with curl and its PKCS#12 file.
        const QString order =
            QStringLiteral(
                R"({"symbol":"%1","side":"buy","type":"limit","timeInForce":"gtc","price":1000,"quantity":2})")
                .arg(symbol);
        const Run placed =
            run(QStringLiteral("curl"),
                {QStringLiteral("-s"), QStringLiteral("-H"), QStringLiteral("Expect:"), QStringLiteral("-w"),
                 QStringLiteral("\n%{http_code}"), QStringLiteral("--cacert"),
                 QDir(dataDir()).filePath(QStringLiteral("ca.pem")), QStringLiteral("--cert-type"),
                 QStringLiteral("P12"), QStringLiteral("--cert"), alice + QStringLiteral(":cloudex"),
                 QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                 QStringLiteral("--data-binary"), order, m_url + QStringLiteral("/v1/orders")});
        QVERIFY2(placed.out.endsWith("\n201"), placed.out.constData());

        const Run limits =
            admin({QStringLiteral("limits"), QStringLiteral("--participant"), QStringLiteral("p-acme"),
                   QStringLiteral("--max-order-quantity"), QStringLiteral("50")});
        QVERIFY2(limits.exitCode == 0, limits.err.constData());
        QVERIFY(QJsonDocument::fromJson(limits.out)[QStringLiteral("accepted")].toBool());
        const Run blocked =
            admin({QStringLiteral("kill-switch"), QStringLiteral("--participant"), QStringLiteral("p-acme"),
                   QStringLiteral("--blocked"), QStringLiteral("true")});
        QVERIFY2(blocked.exitCode == 0, blocked.err.constData());
        // An unknown participant is the engine's refusal, reported with its code.
        const Run unknown =
            admin({QStringLiteral("kill-switch"), QStringLiteral("--participant"), QStringLiteral("p-nobody"),
                   QStringLiteral("--blocked"), QStringLiteral("true")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains("participant.unknown"));
        // The admin commands need the operator: alice's identity is refused (403).
        const Run asAlice = admin({QStringLiteral("kill-switch"), QStringLiteral("--participant"),
                                   QStringLiteral("p-acme"), QStringLiteral("--blocked"),
                                   QStringLiteral("false"), QStringLiteral("--identity"), alice});
        QCOMPARE(asAlice.exitCode, 1);
        QVERIFY(asAlice.err.contains("auth.permission-missing"));
    }

    // Defects 6 and 7: the operator revokes an identity and terminates a contract from the
    // command line; both take effect on the running exchange.
    void revokeAndTerminate()
    {
        const auto curlAs = [&](const QString &p12, const QString &method, const QString &path,
                                const QString &body = {}) {
            QStringList args{QStringLiteral("-s"),
                             QStringLiteral("-H"),
                             QStringLiteral("Expect:"),
                             QStringLiteral("-w"),
                             QStringLiteral("\n%{http_code}"),
                             QStringLiteral("-X"),
                             method,
                             QStringLiteral("--cacert"),
                             QDir(dataDir()).filePath(QStringLiteral("ca.pem")),
                             QStringLiteral("--cert-type"),
                             QStringLiteral("P12"),
                             QStringLiteral("--cert"),
                             p12 + QStringLiteral(":cloudex")};
            if (!body.isEmpty())
                args << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json")
                     << QStringLiteral("--data-binary") << body;
            return run(QStringLiteral("curl"), args << m_url + path).out;
        };
        QString symbol;
        QString serial;
        QMap<QString, QString> files;
        for (const QString &who : {QStringLiteral("p-seller1"), QStringLiteral("p-buyer1")}) {
            const QString file = m_dir.filePath(who + QStringLiteral(".p12"));
            const Run onboard =
                admin({QStringLiteral("onboard"), QStringLiteral("--kind"), QStringLiteral("participant"),
                       QStringLiteral("--participant"), who, QStringLiteral("--out"), file});
            QVERIFY2(onboard.exitCode == 0, onboard.err.constData());
            files.insert(who, file);
            serial = QRegularExpression(QStringLiteral("serial ([0-9A-F]+)"))
                         .match(QString::fromUtf8(onboard.out))
                         .captured(1);
        }
        QVERIFY(!serial.isEmpty()); // p-buyer1's
        const Run instruments =
            admin({QStringLiteral("instruments"), QStringLiteral("--period"), QStringLiteral("H")});
        symbol = QJsonDocument::fromJson(
                     instruments.out)[QStringLiteral("instruments")][0][QStringLiteral("symbol")]
                     .toString();
        QVERIFY(!symbol.isEmpty());
        const QString order = QStringLiteral(
            R"({"symbol":"%1","side":"%2","type":"limit","timeInForce":"gtc","price":1500,"quantity":2})");
        QVERIFY(curlAs(files[QStringLiteral("p-seller1")], QStringLiteral("POST"),
                       QStringLiteral("/v1/orders"), order.arg(symbol, QStringLiteral("sell")))
                    .endsWith("\n201"));
        QVERIFY(curlAs(files[QStringLiteral("p-buyer1")], QStringLiteral("POST"),
                       QStringLiteral("/v1/orders"), order.arg(symbol, QStringLiteral("buy")))
                    .endsWith("\n201"));
        const QByteArray contracts =
            curlAs(files[QStringLiteral("p-buyer1")], QStringLiteral("GET"), QStringLiteral("/v1/contracts"));
        const QString contract = QJsonDocument::fromJson(contracts.left(
            contracts.lastIndexOf('\n')))[QStringLiteral("contracts")][0][QStringLiteral("id")]
                                     .toString();
        QVERIFY2(contract.startsWith(QStringLiteral("c-")), contracts.constData());

        // Terminate: a reason is required; the second time the engine refuses.
        QCOMPARE(admin({QStringLiteral("terminate"), contract}).exitCode, 2);
        const Run terminated = admin(
            {QStringLiteral("terminate"), contract, QStringLiteral("--reason"), QStringLiteral("site lost")});
        QVERIFY2(terminated.exitCode == 0, terminated.err.constData());
        QVERIFY(QJsonDocument::fromJson(terminated.out)[QStringLiteral("accepted")].toBool());
        const QByteArray after = curlAs(files[QStringLiteral("p-seller1")], QStringLiteral("GET"),
                                        QStringLiteral("/v1/contracts/") + contract);
        QVERIFY2(after.contains("\"state\":\"terminated\""), after.constData());
        const Run again = admin(
            {QStringLiteral("terminate"), contract, QStringLiteral("--reason"), QStringLiteral("again")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("contract.not-terminable"));

        // Revoke: the identity works, then at once it does not.
        QVERIFY(curlAs(files[QStringLiteral("p-buyer1")], QStringLiteral("GET"), QStringLiteral("/v1/orders"))
                    .endsWith("\n200"));
        QCOMPARE(admin({QStringLiteral("revoke"), serial, QStringLiteral("--reason"), QStringLiteral("lost")})
                     .exitCode,
                 2);
        const Run revoked = admin(
            {QStringLiteral("revoke"), serial, QStringLiteral("--reason"), QStringLiteral("key-compromise")});
        QVERIFY2(revoked.exitCode == 0, revoked.err.constData());
        QCOMPARE(QJsonDocument::fromJson(revoked.out)[QStringLiteral("serial")].toString(), serial);
        const QByteArray refused =
            curlAs(files[QStringLiteral("p-buyer1")], QStringLiteral("GET"), QStringLiteral("/v1/orders"));
        QVERIFY2(refused.endsWith("\n401") && refused.contains("auth.revoked"), refused.constData());
        // The CRL on disk lists it (openssl reads the file the exchange keeps current).
        const Run crl = run(QStringLiteral("openssl"),
                            {QStringLiteral("crl"), QStringLiteral("-noout"), QStringLiteral("-text"),
                             QStringLiteral("-in"), QDir(dataDir()).filePath(QStringLiteral("ca/crl.pem"))});
        QVERIFY2(crl.out.contains(serial.toLatin1()), crl.out.constData());
        QVERIFY(crl.out.contains("Key Compromise"));
    }

    void stopsOnSigterm()
    {
        ::kill(pid_t(m_server.processId()), SIGTERM);
        QVERIFY(m_server.waitForFinished(30000));
        QCOMPARE(m_server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestExchangeCli)
#include "tst_exchangecli.moc"
