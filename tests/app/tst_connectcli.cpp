// Runs cloudex-connect the way a seller's service manager or script would.
#include "connect/agentstore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex::connect;

class TestConnectCli : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode;
        QByteArray out;
        QString err;
    };

    Run run(const QStringList &args)
    {
        QProcess process;
        process.start(QStringLiteral(CLOUDEX_CONNECT_BINARY), args);
        if (!process.waitForFinished(60000)) {
            process.kill();
            return {-1, {}, u"timed out"_qs};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
    }

    QString writeConfig(const QTemporaryDir &dir, const QByteArray &json)
    {
        const QString path = dir.filePath(u"site.json"_qs);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(json);
        return path;
    }

    static QJsonObject byKey(const QJsonArray &array, const QString &key, const QString &value)
    {
        for (const QJsonValue &v : array) {
            if (v.toObject().value(key).toString() == value)
                return v.toObject();
        }
        return {};
    }

private slots:
    void onceReconcilesAndPrintsTheInventory()
    {
        QTemporaryDir dir;
        const QString python = QStandardPaths::findExecutable(u"python3"_qs);
        QJsonArray connections;
        if (!python.isEmpty()) {
            connections.append(
                QJsonObject{{u"workflow"_qs, QJsonArray{python, QStringLiteral(CLOUDEX_WORKFLOW_SCRIPT),
                                                        u"--state"_qs, dir.filePath(u"wf.json"_qs)}}});
        }
        const QJsonObject config{
            {u"embedded"_qs, true},
            {u"connections"_qs, connections},
            {u"tenants"_qs, QJsonArray{QJsonObject{{u"id"_qs, u"hooli"_qs}, {u"name"_qs, u"Hooli"_qs}}}},
            {u"hostGroups"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"hooli-only"_qs},
                                                      {u"tenancy"_qs, u"EX"_qs},
                                                      {u"hosts"_qs, QJsonArray{u"host2"_qs}},
                                                      {u"tenants"_qs, QJsonArray{u"hooli"_qs}}}}}};
        const QString file = writeConfig(dir, QJsonDocument(config).toJson());

        // A VM in the records that no host has (the test driver starts empty): re-created.
        QVERIFY(QDir().mkpath(dir.filePath(u"data"_qs)));
        {
            AgentStore store;
            QVERIFY(store.open(dir.filePath(u"data/connect.sqlite"_qs)).ok());
            QVERIFY(store
                        .saveVm({u"kept"_qs, u"acme"_qs, u"host1"_qs, cloudex::catalogue::Tenancy::Shared,
                                 u"alpine-3.20.img"_qs, 1, 512, true, 0})
                        .ok());
        }

        const Run r = run({u"--config"_qs, file, u"--data-dir"_qs, dir.filePath(u"data"_qs), u"--once"_qs});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject inventory = QJsonDocument::fromJson(r.out).object();
        const QJsonArray hosts = inventory.value(u"hosts"_qs).toArray();
        QCOMPARE(hosts.size(), python.isEmpty() ? 4 : 6);
        QCOMPARE(byKey(hosts, u"id"_qs, u"host2"_qs).value(u"group"_qs).toString(), u"hooli-only"_qs);
        QCOMPARE(byKey(hosts, u"id"_qs, u"host2"_qs).value(u"tenancy"_qs).toString(), u"EX"_qs);
        QVERIFY(byKey(hosts, u"id"_qs, u"host1"_qs).value(u"online"_qs).toBool());
        if (!python.isEmpty())
            QVERIFY(byKey(hosts, u"id"_qs, u"wf-a"_qs).value(u"online"_qs).toBool());
        QVERIFY(!byKey(inventory.value(u"tenants"_qs).toArray(), u"id"_qs, u"hooli"_qs).isEmpty());

        const QJsonObject kept = byKey(inventory.value(u"vms"_qs).toArray(), u"name"_qs, u"kept"_qs);
        QCOMPARE(kept.value(u"state"_qs).toString(), u"running"_qs);
        QCOMPARE(kept.value(u"host"_qs).toString(), u"host1"_qs);
        QCOMPARE(kept.value(u"tenant"_qs).toString(), u"acme"_qs);
        QCOMPARE(byKey(hosts, u"id"_qs, u"host1"_qs).value(u"usedVcpus"_qs).toInt(), 1);
        // The re-created VM's disk is a volume of host1's VM pool.
        bool diskFound = false;
        for (const QJsonValue &pool : inventory.value(u"pools"_qs).toArray()) {
            const QJsonObject p = pool.toObject();
            if (p.value(u"host"_qs).toString() == u"host1"_qs && p.value(u"name"_qs).toString() == u"vms"_qs)
                diskFound = p.value(u"volumes"_qs).toArray().contains(u"kept.img"_qs);
        }
        QVERIFY(diskFound);
    }

    void onceReportsContractsAndReservations()
    {
        QTemporaryDir dir;
        const QString file = writeConfig(dir, R"({"embedded": true})");
        QVERIFY(QDir().mkpath(dir.filePath(u"data"_qs)));
        {
            AgentStore store;
            QVERIFY(store.open(dir.filePath(u"data/connect.sqlite"_qs)).ok());
            HeldContractRecord c;
            c.id = u"c-000007"_qs;
            c.buyer = u"p-acme"_qs;
            c.seller = u"p-dc1"_qs;
            c.product = u"DE.GP4.SH.S1"_qs;
            c.instrument = u"DE.GP4.SH.S1.H2030-01-01T00"_qs;
            c.quantity = 100; // more than the embedded site's hosts: at risk
            c.startMs = 1'893'456'000'000;
            c.endMs = 1'893'459'600'000;
            c.reservationHosts = 2;
            c.atRisk = true; // as recorded when the hosts were unknown
            QVERIFY(store.saveContract(c).ok());
            QVERIFY(store.saveOffer({u"DE.GP2.SH.S1"_qs, 3}).ok());
        }
        const Run r = run({u"--config"_qs, file, u"--data-dir"_qs, dir.filePath(u"data"_qs), u"--once"_qs});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        const QJsonObject contract = byKey(out.value(u"contracts"_qs).toArray(), u"id"_qs, u"c-000007"_qs);
        QCOMPARE(contract.value(u"quantity"_qs).toInt(), 100);
        QCOMPARE(contract.value(u"state"_qs).toString(), u"scheduled"_qs);
        QCOMPARE(contract.value(u"tenancy"_qs).toString(), u"shared"_qs);
        QCOMPARE(contract.value(u"enforcement"_qs).toString(), u"live"_qs);
        const QJsonObject reservation =
            byKey(out.value(u"reservations"_qs).toArray(), u"contract"_qs, u"c-000007"_qs);
        QCOMPARE(reservation.value(u"vcpus"_qs).toInt(), 400);
        QCOMPARE(reservation.value(u"memoryMiB"_qs).toInt(), 100 * 16 * 1024);
        QCOMPARE(reservation.value(u"hosts"_qs).toInt(), 2); // the recorded reservation
        QVERIFY(reservation.value(u"atRisk"_qs).toBool());
        QCOMPARE(reservation.value(u"buyer"_qs).toString(), u"p-acme"_qs);
        // The offers: the instances reserved per product.
        const QJsonArray offers = out.value(u"offers"_qs).toArray();
        QCOMPARE(offers.size(), 1);
        QCOMPARE(offers.at(0).toObject().value(u"product"_qs).toString(), u"DE.GP2.SH.S1"_qs);
        QCOMPARE(offers.at(0).toObject().value(u"reservedInstances"_qs).toInt(), 3);

        // With the clock shifted past the window (a test facility behind an explicit flag).
        const Run shifted =
            run({u"--config"_qs, file, u"--data-dir"_qs, dir.filePath(u"data"_qs), u"--once"_qs,
                 u"--allow-clock-offset"_qs, u"--clock-offset"_qs, u"200000000"_qs});
        QVERIFY2(shifted.exitCode == 0, qPrintable(shifted.err));
        const QJsonObject later =
            byKey(QJsonDocument::fromJson(shifted.out).object().value(u"contracts"_qs).toArray(), u"id"_qs,
                  u"c-000007"_qs);
        QCOMPARE(later.value(u"state"_qs).toString(), u"expired"_qs);
        const Run refused = run({u"--config"_qs, file, u"--data-dir"_qs, dir.filePath(u"data"_qs),
                                 u"--once"_qs, u"--clock-offset"_qs, u"60"_qs});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(u"--allow-clock-offset"_qs));
    }

    void unreachableHostIsReported()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(u"absent.xml"_qs);
        const QJsonObject connection{{u"uri"_qs, QString(u"test://"_qs + missing)},
                                     {u"host"_qs, u"ghost"_qs}};
        const QJsonObject config{{u"connections"_qs, QJsonArray{connection}}};
        const QString file = writeConfig(dir, QJsonDocument(config).toJson());
        const Run r = run({u"--config"_qs, file, u"--data-dir"_qs, dir.filePath(u"data"_qs), u"--once"_qs});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject ghost = byKey(QJsonDocument::fromJson(r.out).object().value(u"hosts"_qs).toArray(),
                                        u"id"_qs, u"ghost"_qs);
        QVERIFY(!ghost.value(u"online"_qs).toBool());
        QVERIFY2(ghost.value(u"error"_qs).toString().contains(missing),
                 qPrintable(ghost.value(u"error"_qs).toString()));
    }

    void daemonStopsCleanlyOnSigterm()
    {
        QTemporaryDir dir;
        const QString file = writeConfig(dir, R"({"embedded": true, "reconcileIntervalMs": 200})");
        QProcess daemon;
        daemon.start(QStringLiteral(CLOUDEX_CONNECT_BINARY),
                     {u"--config"_qs, file, u"--data-dir"_qs, dir.filePath(u"data"_qs)});
        QVERIFY(daemon.waitForStarted());
        // It keeps running (several reconcile periods) until told to stop.
        QVERIFY(!daemon.waitForFinished(1000));
        QVERIFY(QFile::exists(dir.filePath(u"data/connect/hosts/host1.xml"_qs)));
        daemon.terminate(); // SIGTERM
        QVERIFY(daemon.waitForFinished(10000));
        QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
        QCOMPARE(daemon.exitCode(), 0);
    }

    void badConfigurationIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{") << u"Invalid site configuration"_qs;
        QTest::newRow("bad uri") << QByteArray(R"({"connections":[{"uri":"nothing"}]})")
                                 << u"not a libvirt URI"_qs;
        QTest::newRow("exclusive for two")
            << QByteArray(R"({"hostGroups":[{"name":"x","tenancy":"EX","hosts":["h"],"tenants":["a","b"]}]})")
            << u"exactly one tenant"_qs;
    }

    void badConfigurationIsRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const Run r = run({u"--config"_qs, writeConfig(dir, json), u"--data-dir"_qs, dir.filePath(u"data"_qs),
                           u"--once"_qs});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestConnectCli)
#include "tst_connectcli.moc"
