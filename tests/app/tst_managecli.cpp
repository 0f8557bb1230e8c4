// cloudex-manage as a buyer uses it, against a real cloudex-exchange process: a contract
// made by two onboarded users trading with curl, `contracts`, `certificate` (issued once,
// stored owner-only, reused, a tampered file replaced), and the exit status of each kind of
// failure (2 usage, 3 refused, 4 unreachable).
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestManageCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_url;
    QString m_contract;

    QString exchangeDir() const { return m_dir.filePath(QStringLiteral("exchange")); }
    QString buyer() const { return m_dir.filePath(QStringLiteral("bob.p12")); }
    QString buyerData() const { return m_dir.filePath(QStringLiteral("bob-data")); }

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
                   arguments + QStringList{QStringLiteral("--data-dir"), exchangeDir(),
                                           QStringLiteral("--server"), m_url});
    }

    Run manage(const QStringList &arguments, const QString &url = {})
    {
        return run(QStringLiteral(CLOUDEX_MANAGE_BINARY),
                   QStringList{QStringLiteral("--exchange"), url.isEmpty() ? m_url : url,
                               QStringLiteral("--identity"), buyer(), QStringLiteral("--data-dir"),
                               buyerData()} +
                       arguments);
    }

    /// The last line of stderr: the one-line reason.
    static QByteArray reason(const Run &r) { return r.err.trimmed().split('\n').constLast(); }

    bool order(const QString &identity, const QString &symbol, const QString &side)
    {
        const QString body =
            QStringLiteral(
                R"({"symbol":"%1","side":"%2","type":"limit","timeInForce":"gtc","price":1500,"quantity":2})")
                .arg(symbol, side);
        const Run placed =
            run(QStringLiteral("curl"),
                {QStringLiteral("-s"), QStringLiteral("-H"), QStringLiteral("Expect:"), QStringLiteral("-w"),
                 QStringLiteral("\n%{http_code}"), QStringLiteral("--cacert"),
                 QDir(exchangeDir()).filePath(QStringLiteral("ca.pem")), QStringLiteral("--cert-type"),
                 QStringLiteral("P12"), QStringLiteral("--cert"), identity + QStringLiteral(":cloudex"),
                 QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                 QStringLiteral("--data-binary"), body, m_url + QStringLiteral("/v1/orders")});
        return placed.out.endsWith("\n201");
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Run init = run(QStringLiteral(CLOUDEX_EXCHANGE_BINARY),
                             {QStringLiteral("--data-dir"), exchangeDir(), QStringLiteral("--init")});
        QVERIFY2(init.exitCode == 0, init.err.constData());
        m_server.start(QStringLiteral(CLOUDEX_EXCHANGE_BINARY),
                       {QStringLiteral("--data-dir"), exchangeDir(), QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:0")});
        QTRY_VERIFY_WITH_TIMEOUT(m_server.canReadLine(), 30000);
        const QString line = QString::fromUtf8(m_server.readLine()).trimmed();
        const auto match =
            QRegularExpression(QStringLiteral("listening on (https://127\\.0\\.0\\.1:\\d+)")).match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        m_url = match.captured(1);

        const QString seller = m_dir.filePath(QStringLiteral("sam.p12"));
        for (const auto &[participant, user, file] :
             {std::tuple{QStringLiteral("p-buyer"), QStringLiteral("u-bob"), buyer()},
              std::tuple{QStringLiteral("p-seller"), QStringLiteral("u-sam"), seller}}) {
            Run onboard =
                admin({QStringLiteral("onboard"), QStringLiteral("--kind"), QStringLiteral("participant"),
                       QStringLiteral("--participant"), participant, QStringLiteral("--out"),
                       m_dir.filePath(participant + QStringLiteral(".p12"))});
            QVERIFY2(onboard.exitCode == 0, onboard.err.constData());
            onboard = admin({QStringLiteral("onboard"), QStringLiteral("--kind"), QStringLiteral("user"),
                             QStringLiteral("--participant"), participant, QStringLiteral("--name"), user,
                             QStringLiteral("--out"), file});
            QVERIFY2(onboard.exitCode == 0, onboard.err.constData());
        }
        const Run instruments =
            admin({QStringLiteral("instruments"), QStringLiteral("--period"), QStringLiteral("H")});
        QCOMPARE(instruments.exitCode, 0);
        const QJsonArray listed =
            QJsonDocument::fromJson(instruments.out)[QStringLiteral("instruments")].toArray();
        QVERIFY(!listed.isEmpty());
        const QString symbol = listed.at(0)[QStringLiteral("symbol")].toString();
        QVERIFY(order(seller, symbol, QStringLiteral("sell")));
        QVERIFY(order(buyer(), symbol, QStringLiteral("buy")));
    }

    void contractsAreListed()
    {
        const Run json = manage({QStringLiteral("--json"), QStringLiteral("contracts")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonArray contracts = QJsonDocument::fromJson(json.out)[QStringLiteral("contracts")].toArray();
        QCOMPARE(contracts.size(), 1);
        QCOMPARE(contracts.at(0)[QStringLiteral("buyer")].toString(), QStringLiteral("p-buyer"));
        QCOMPARE(contracts.at(0)[QStringLiteral("seller")].toString(), QStringLiteral("p-seller"));
        m_contract = contracts.at(0)[QStringLiteral("id")].toString();
        QVERIFY(!m_contract.isEmpty());

        const Run text = manage({QStringLiteral("contracts")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.startsWith(QByteArray(m_contract.toLatin1() + '\t')));
        QVERIFY(text.out.contains("bought from p-seller"));
    }

    void certificateIsIssuedOnceAndStored()
    {
        const Run first = manage({QStringLiteral("certificate"), m_contract});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QString path = QString::fromUtf8(first.out.trimmed());
        QCOMPARE(path,
                 QDir(buyerData()).filePath(QStringLiteral("wallet/") + m_contract + QStringLiteral(".pem")));
        const QString key =
            QDir(buyerData()).filePath(QStringLiteral("wallet/") + m_contract + QStringLiteral(".key"));
        for (const QString &file : {path, key}) {
            QVERIFY(QFile::exists(file));
            QCOMPARE(QFile::permissions(file) & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                                 QFileDevice::WriteGroup | QFileDevice::WriteOther),
                     QFileDevice::Permissions());
        }
        QFile keyFile(key);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        QVERIFY(keyFile.readAll().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        QFile pem(path);
        QVERIFY(pem.open(QIODevice::ReadOnly));
        const QByteArray issued = pem.readAll();

        // The second run reuses it (a new request would revoke the first).
        const Run second = manage({QStringLiteral("--json"), QStringLiteral("certificate"), m_contract});
        QVERIFY2(second.exitCode == 0, second.err.constData());
        const QJsonObject state = QJsonDocument::fromJson(second.out).object();
        QCOMPARE(state[QStringLiteral("state")].toString(), QStringLiteral("valid"));
        QCOMPARE(state[QStringLiteral("certificate")].toString(), path);
        QFile again(path);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), issued);

        // A tampered file is refused, kept aside and replaced.
        QFile damaged(path);
        QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        damaged.write("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        damaged.close();
        const Run replaced = manage({QStringLiteral("certificate"), m_contract});
        QVERIFY2(replaced.exitCode == 0, replaced.err.constData());
        QVERIFY(replaced.err.contains("wallet") || QFile::exists(path + QStringLiteral(".rejected")));
        QVERIFY(QFile::exists(path + QStringLiteral(".rejected")));
        QFile fresh(path);
        QVERIFY(fresh.open(QIODevice::ReadOnly));
        const QByteArray renewed = fresh.readAll();
        QVERIFY(renewed.startsWith("-----BEGIN CERTIFICATE-----"));
        QVERIFY(renewed != issued);
    }

    void refusalsExitWithThree()
    {
        const Run unknown = manage({QStringLiteral("certificate"), QStringLiteral("c-999999")});
        QCOMPARE(unknown.exitCode, 3);
        QVERIFY2(reason(unknown).startsWith("cloudex-manage: "), unknown.err.constData());
        QVERIFY2(reason(unknown).contains("c-999999"), unknown.err.constData());
        QCOMPARE(unknown.err.trimmed().count('\n'), 0); // one line
        // No site has registered for the contract's product yet.
        const Run noSite = manage({QStringLiteral("templates"), m_contract});
        QCOMPARE(noSite.exitCode, 3);
        QVERIFY2(reason(noSite).contains("manage.no-site"), noSite.err.constData());
        QCOMPARE(noSite.err.trimmed().count('\n'), 0);
    }

    void usageErrorsExitWithTwo()
    {
        QCOMPARE(manage({}).exitCode, 2);
        const Run unknown = manage({QStringLiteral("sell-everything")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(reason(unknown).contains("sell-everything"));
        QCOMPARE(manage({QStringLiteral("certificate")}).exitCode, 2);
        QCOMPARE(manage({QStringLiteral("deploy"), m_contract, QStringLiteral("--name"), QStringLiteral("x")})
                     .exitCode,
                 2);
        const Run wrongPassphrase =
            run(QStringLiteral(CLOUDEX_MANAGE_BINARY),
                {QStringLiteral("--exchange"), m_url, QStringLiteral("--identity"), buyer(),
                 QStringLiteral("--passphrase-file"), m_dir.filePath(QStringLiteral("none")),
                 QStringLiteral("contracts")});
        QCOMPARE(wrongPassphrase.exitCode, 2);
        const Run noIdentity =
            run(QStringLiteral(CLOUDEX_MANAGE_BINARY),
                {QStringLiteral("--exchange"), m_url, QStringLiteral("--identity"),
                 m_dir.filePath(QStringLiteral("missing.p12")), QStringLiteral("contracts")});
        QCOMPARE(noIdentity.exitCode, 2);
        QCOMPARE(manage({QStringLiteral("contracts")}, QStringLiteral("http://127.0.0.1:1")).exitCode, 2);
    }

    void anUnreachableExchangeExitsWithFour()
    {
        const Run lost = manage({QStringLiteral("contracts")}, QStringLiteral("https://127.0.0.1:1"));
        QCOMPARE(lost.exitCode, 4);
        QVERIFY2(reason(lost).contains("transport.failed"), lost.err.constData());
        QCOMPARE(lost.err.trimmed().count('\n'), 0);
    }

    /// Issue #16: the participant's administrator manages its users from scripts.
    void usersAreAdministeredFromScripts()
    {
        const QString orgAdmin = m_dir.filePath(QStringLiteral("p-buyer.p12")); // onboarded with admin
        const auto users = [&](const QStringList &arguments, const QString &identity = {}) {
            return run(QStringLiteral(CLOUDEX_MANAGE_BINARY),
                       QStringList{QStringLiteral("--exchange"), m_url, QStringLiteral("--identity"),
                                   identity.isEmpty() ? orgAdmin : identity, QStringLiteral("--data-dir"),
                                   m_dir.filePath(QStringLiteral("admin-data")), QStringLiteral("users")}
                           + arguments);
        };
        // A user's own request, made with openssl: the key stays with the user.
        const QString key = m_dir.filePath(QStringLiteral("carol.key"));
        const QString csr = m_dir.filePath(QStringLiteral("carol.csr"));
        const Run req = run(QStringLiteral("openssl"),
                            {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                             QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                             QStringLiteral("-keyout"), key, QStringLiteral("-subj"),
                             QStringLiteral("/O=p-buyer/CN=u-carol"), QStringLiteral("-out"), csr});
        QVERIFY2(req.exitCode == 0, req.err.constData());
        const QString carolPem = m_dir.filePath(QStringLiteral("carol.pem"));
        Run r = users({QStringLiteral("issue"), QStringLiteral("u-carol"), QStringLiteral("--permissions"),
                       QStringLiteral("deploy"), QStringLiteral("--csr"), csr, QStringLiteral("--out"), carolPem});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const Run subject = run(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-in"), carolPem,
                                                            QStringLiteral("-noout"), QStringLiteral("-subject")});
        QVERIFY2(subject.out.contains("u-carol") && subject.out.contains("p-buyer"), subject.out.constData());
        // The certificate belongs to carol's key: openssl pairs them into a PKCS#12.
        const Run pair = run(QStringLiteral("openssl"),
                             {QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"), carolPem,
                              QStringLiteral("-inkey"), key, QStringLiteral("-passout"), QStringLiteral("pass:x"),
                              QStringLiteral("-out"), m_dir.filePath(QStringLiteral("carol.p12"))});
        QVERIFY2(pair.exitCode == 0, pair.err.constData());

        // Without a request: a PKCS#12 under the passphrase the administrator chose.
        const QString passphrase = m_dir.filePath(QStringLiteral("dave.pass"));
        {
            QFile file(passphrase);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write("dave's secret\n") > 0);
        }
        const QString dave = m_dir.filePath(QStringLiteral("dave.p12"));
        r = users({QStringLiteral("issue"), QStringLiteral("u-dave"), QStringLiteral("--permissions"),
                   QStringLiteral("trade"), QStringLiteral("--out"), dave, QStringLiteral("--user-passphrase-file"),
                   passphrase});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const Run opened = run(QStringLiteral("openssl"),
                               {QStringLiteral("pkcs12"), QStringLiteral("-in"), dave, QStringLiteral("-passin"),
                                QStringLiteral("file:") + passphrase, QStringLiteral("-nokeys")});
        QVERIFY2(opened.exitCode == 0, opened.err.constData());
        QVERIFY2(opened.out.contains("u-dave"), opened.out.constData());
        const Run wrong = run(QStringLiteral("openssl"),
                              {QStringLiteral("pkcs12"), QStringLiteral("-in"), dave, QStringLiteral("-passin"),
                               QStringLiteral("pass:guess"), QStringLiteral("-nokeys")});
        QVERIFY(wrong.exitCode != 0);

        // Listed with permissions and state.
        r = users({QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject carol;
        for (const QJsonValue &u : QJsonDocument::fromJson(r.out).array()) {
            if (u[QStringLiteral("name")] == QStringLiteral("u-carol"))
                carol = u.toObject();
        }
        QCOMPARE(carol[QStringLiteral("state")].toString(), QStringLiteral("active"));
        QCOMPARE(carol[QStringLiteral("permissions")].toArray(), QJsonArray{QStringLiteral("deploy")});

        // Changed, limited, refused, revoked.
        r = users({QStringLiteral("permissions"), QStringLiteral("u-carol"), QStringLiteral("--permissions"),
                   QStringLiteral("trade,deploy"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("carol2.pem"))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = users({QStringLiteral("limits"), QStringLiteral("u-dave"), QStringLiteral("--max-order-quantity"),
                   QStringLiteral("1")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = users({QStringLiteral("issue"), QStringLiteral("u-root"), QStringLiteral("--permissions"),
                   QStringLiteral("operate"), QStringLiteral("--csr"), csr, QStringLiteral("--out"),
                   m_dir.filePath(QStringLiteral("root.pem"))});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(reason(r).contains("auth.permission-not-grantable"), r.err.constData());
        r = users({QStringLiteral("revoke"), QStringLiteral("u-carol")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(users({QStringLiteral("revoke"), QStringLiteral("u-carol")}).exitCode, 3);
        // A trader without admin is refused; a usage error is 2.
        r = users({QStringLiteral("list")}, buyer());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(reason(r).contains("auth.permission-missing"), r.err.constData());
        QCOMPARE(users({QStringLiteral("issue"), QStringLiteral("u-x")}).exitCode, 2);
        QCOMPARE(users({QStringLiteral("shred")}).exitCode, 2);

        // The audit names what happened and who did it.
        r = users({QStringLiteral("audit"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList actions;
        for (const QJsonValue &e : QJsonDocument::fromJson(r.out).array()) {
            if (e[QStringLiteral("user")] == QStringLiteral("u-carol") || e[QStringLiteral("user")] == QStringLiteral("u-dave")) {
                actions << e[QStringLiteral("user")].toString() + u':' + e[QStringLiteral("action")].toString();
                QCOMPARE(e[QStringLiteral("by")].toString(), QStringLiteral("p-buyer/p-buyer"));
            }
        }
        QCOMPARE(actions, (QStringList{QStringLiteral("u-carol:issued"), QStringLiteral("u-dave:issued"),
                                       QStringLiteral("u-carol:permissions-changed"),
                                       QStringLiteral("u-dave:limits-changed"), QStringLiteral("u-carol:revoked")}));

        // The VM operations the sites reported: none here (no site holds a contract of p-buyer).
        r = users({QStringLiteral("operations"), QStringLiteral("--json"), QStringLiteral("--user"),
                   QStringLiteral("u-carol")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
        r = users({QStringLiteral("operations")}, buyer());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(reason(r).contains("auth.permission-missing"), r.err.constData());
    }

    void cleanupTestCase()
    {
        if (m_server.state() == QProcess::Running) {
            ::kill(pid_t(m_server.processId()), SIGTERM);
            m_server.waitForFinished(30000);
        }
    }
};

QTEST_GUILESS_MAIN(TestManageCli)
#include "tst_managecli.moc"
