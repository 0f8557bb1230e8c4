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
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

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

    Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment = {})
    {
        QProcess p;
        if (!environment.isEmpty())
            p.setProcessEnvironment(environment);
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

    Run exchange(const QStringList &arguments, const QProcessEnvironment &environment = {})
    {
        return run(QStringLiteral(CLOUDEX_EXCHANGE_BINARY), arguments, environment);
    }

    /// The one line a refusal prints ("cloudex-exchange: ..."), or "" when there is not
    /// exactly one.
    static QString refusal(const Run &r)
    {
        QStringList lines;
        for (const QByteArray &line : r.err.split('\n'))
            if (line.startsWith("cloudex-exchange: "))
                lines.append(QString::fromUtf8(line));
        return lines.size() == 1 ? lines.constFirst() : QString();
    }

    /// Flips the lowest bit of the last payload byte of journal record `seq`.
    static bool flipRecord(const QString &journal, qint64 seq)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("flip"));
            db.setDatabaseName(journal);
            QSqlQuery q(db);
            if (db.open() && q.exec(QStringLiteral("SELECT payload FROM journal WHERE seq = %1").arg(seq)) &&
                q.next()) {
                QByteArray payload = q.value(0).toByteArray();
                payload[payload.size() - 1] = char(payload.back() ^ 1);
                QSqlQuery update(db);
                update.prepare(QStringLiteral("UPDATE journal SET payload = ? WHERE seq = ?"));
                update.addBindValue(payload);
                update.addBindValue(seq);
                ok = update.exec() && update.numRowsAffected() == 1;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("flip"));
        return ok;
    }

private Q_SLOTS:
    // The daemon sets its own umask; the test runs it from a permissive one.
    void initTestCase() { ::umask(S_IWGRP | S_IWOTH); }

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

    /// Issue #11, defect 10: owner-only files, whatever the umask the daemon was started with.
    void filesAreOwnerOnly()
    {
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ReadOther | QFileDevice::WriteOther;
        for (const QString &file :
             {QStringLiteral("journal.db"), QStringLiteral("manifest.json"), QStringLiteral("ca.pem"),
              QStringLiteral("operator.p12"), QStringLiteral("ca/ca.sqlite"), QStringLiteral("ca/ca-key.pem"),
              QStringLiteral("ca/ca-cert.pem")}) {
            const QString path = QDir(dataDir()).filePath(file);
            QVERIFY2(QFile::exists(path), qPrintable(path));
            QVERIFY2(!(QFile::permissions(path) & others), qPrintable(path));
        }
    }

    /// Defects 2 and 3 from the outside: verify, a damaged record, a missing journal.
    void verifyAndRefusals()
    {
        const QStringList dir{QStringLiteral("--data-dir"), dataDir()};
        // A flipped byte in one record: the server refuses to start and names the record.
        const QString journal = QDir(dataDir()).filePath(QStringLiteral("journal.db"));
        QVERIFY(flipRecord(journal, 2));
        Run served = exchange(dir + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QCOMPARE(served.exitCode, 1);
        QVERIFY2(refusal(served).contains(QStringLiteral("damaged at sequence 2:")), served.err.constData());
        Run verified = exchange(QStringList{QStringLiteral("verify")} + dir);
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(refusal(verified).contains(QStringLiteral("damaged at sequence 2:")),
                 verified.err.constData());
        QVERIFY(flipRecord(journal, 2)); // repaired
        verified = exchange(QStringList{QStringLiteral("verify")} + dir);
        QVERIFY2(verified.exitCode == 0, verified.err.constData());
        QVERIFY2(verified.out.contains("records (sequence 1 to ") && verified.out.contains("\nok: "),
                 verified.out.constData());

        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(journal + QLatin1String(suffix));
        served = exchange(dir + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QCOMPARE(served.exitCode, 1);
        QVERIFY2(refusal(served).contains(QStringLiteral("journal.db")), served.err.constData());
        QVERIFY(!QFile::exists(journal));

        // A directory never initialised is not served either; --init says how.
        const QString empty = m_dir.filePath(QStringLiteral("nothing"));
        served = exchange({QStringLiteral("--data-dir"), empty});
        QCOMPARE(served.exitCode, 1);
        QVERIFY2(refusal(served).contains(QStringLiteral("--init")), served.err.constData());
    }

    void encryptedCaKey()
    {
        const QString dir = m_dir.filePath(QStringLiteral("encrypted"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CLOUDEX_CA_PASSPHRASE"), QStringLiteral("correct horse"));
        const Run init = exchange({QStringLiteral("--data-dir"), dir, QStringLiteral("--init")}, environment);
        QVERIFY2(init.exitCode == 0, init.err.constData());
        QFile key(QDir(dir).filePath(QStringLiteral("ca/ca-key.pem")));
        QVERIFY(key.open(QIODevice::ReadOnly));
        QVERIFY(key.readAll().contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"));

        const QStringList serve{QStringLiteral("--data-dir"), dir, QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:0")};
        QProcessEnvironment without = QProcessEnvironment::systemEnvironment();
        without.remove(QStringLiteral("CLOUDEX_CA_PASSPHRASE"));
        Run served = exchange(serve, without);
        QCOMPARE(served.exitCode, 1);
        QVERIFY2(refusal(served).contains(QStringLiteral("CLOUDEX_CA_PASSPHRASE")), served.err.constData());
        const QString wrong = m_dir.filePath(QStringLiteral("wrong.txt"));
        QFile file(wrong);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("battery staple\n");
        file.close();
        served = exchange(serve + QStringList{QStringLiteral("--ca-passphrase-file"), wrong}, without);
        QCOMPARE(served.exitCode, 1);
        QVERIFY2(refusal(served).contains(QStringLiteral("passphrase is wrong")), served.err.constData());
        // verify needs no key, so no passphrase.
        QCOMPARE(exchange({QStringLiteral("verify"), QStringLiteral("--data-dir"), dir}, without).exitCode,
                 0);

        QProcess server;
        server.setProcessEnvironment(environment);
        server.start(QStringLiteral(CLOUDEX_EXCHANGE_BINARY), serve);
        QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 30000);
        QVERIFY(server.readLine().startsWith("listening on https://127.0.0.1:"));
        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(30000));
    }

    /// Issue #11: the daemon raises its open-file soft limit to the hard limit (4,096
    /// connections need as many descriptors), and it logs the state digest it stops at and
    /// the one it recovers, which the crash soak (cloudex-bench crash) compares.
    void openFileLimitAndRecoveredDigest()
    {
        const QString dir = m_dir.filePath(QStringLiteral("limits"));
        const Run init = exchange({QStringLiteral("--data-dir"), dir, QStringLiteral("--init")});
        QVERIFY2(init.exitCode == 0, init.err.constData());
        const QStringList serve{QStringLiteral("--data-dir"), dir, QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:0")};
        constexpr rlim_t kLowSoftLimit = 128;
        QProcess first;
        first.setChildProcessModifier([low = kLowSoftLimit] {
            rlimit limit{};
            ::getrlimit(RLIMIT_NOFILE, &limit);
            limit.rlim_cur = std::min(low, limit.rlim_max);
            ::setrlimit(RLIMIT_NOFILE, &limit);
        });
        first.start(QStringLiteral(CLOUDEX_EXCHANGE_BINARY), serve);
        QTRY_VERIFY_WITH_TIMEOUT(first.canReadLine(), 30000);
        QFile limits(QStringLiteral("/proc/%1/limits").arg(first.processId()));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        const auto match = QRegularExpression(QStringLiteral("Max open files\\s+(\\S+)\\s+(\\S+)"))
                               .match(QString::fromLatin1(limits.readAll()));
        QVERIFY(match.hasMatch());
        QVERIFY2(match.captured(2) == u"unlimited" || match.captured(2).toULongLong() > kLowSoftLimit,
                 "the hard limit leaves nothing to raise");
        QCOMPARE(match.captured(1), match.captured(2));

        ::kill(pid_t(first.processId()), SIGTERM);
        QVERIFY(first.waitForFinished(30000));
        const QString stopLog = QString::fromUtf8(first.readAllStandardError());
        const auto stopped =
            QRegularExpression(QStringLiteral("stopped at sequence (\\d+), state digest ([0-9a-f]{16})"))
                .match(stopLog);
        QVERIFY2(stopped.hasMatch(), qPrintable(stopLog));

        QProcess second;
        second.start(QStringLiteral(CLOUDEX_EXCHANGE_BINARY), serve);
        QTRY_VERIFY_WITH_TIMEOUT(second.canReadLine(), 30000);
        ::kill(pid_t(second.processId()), SIGTERM);
        QVERIFY(second.waitForFinished(30000));
        const QString startLog = QString::fromUtf8(second.readAllStandardError());
        const auto recovered =
            QRegularExpression(
                QStringLiteral(
                    "recovered the journal to sequence (\\d+) in \\d+ ms, state digest ([0-9a-f]{16})"))
                .match(startLog);
        QVERIFY2(recovered.hasMatch(), qPrintable(startLog));
        QCOMPARE(recovered.captured(1), stopped.captured(1));
        QCOMPARE(recovered.captured(2), stopped.captured(2));
    }
};

QTEST_GUILESS_MAIN(TestExchangeCli)
#include "tst_exchangecli.moc"
