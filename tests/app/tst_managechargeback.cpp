// cloudex-manage's chargeback commands (issue #14) as a buyer runs them, against a real
// cloudex-exchange process: customers and plans defined and assigned with the CLI, the
// contract's price read from the exchange, usage as the site would report it (seeded into the
// buyer's real SQLite store: this exchange has no site), and the month's statements as text,
// JSON and CSV, hand-computed.
#include "manage/chargeback.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex::manage;

class TestManageChargeback : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_url;
    QString m_contract;
    qint64 m_deliveryStart = 0;

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

    Run manage(const QStringList &arguments)
    {
        return run(QStringLiteral(CLOUDEX_MANAGE_BINARY),
                   QStringList{QStringLiteral("--exchange"), m_url, QStringLiteral("--identity"), buyer(),
                               QStringLiteral("--data-dir"), buyerData()} +
                       arguments);
    }

    /// The local commands need neither --exchange nor --identity.
    Run local(const QStringList &arguments)
    {
        return run(QStringLiteral(CLOUDEX_MANAGE_BINARY),
                   QStringList{QStringLiteral("--data-dir"), buyerData()} + arguments);
    }

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

    QString month() const { return Month::containing(m_deliveryStart).toString(); }

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

        const Run contracts = manage({QStringLiteral("--json"), QStringLiteral("contracts")});
        QVERIFY2(contracts.exitCode == 0, contracts.err.constData());
        const QJsonObject contract =
            QJsonDocument::fromJson(contracts.out)[QStringLiteral("contracts")].toArray().at(0).toObject();
        m_contract = contract[QStringLiteral("id")].toString();
        m_deliveryStart = contract[QStringLiteral("deliveryStart")].toInteger();
        QVERIFY(!m_contract.isEmpty());
        QCOMPARE(contract[QStringLiteral("price")].toInteger(), 1500);
    }

    void customersArePlannedAndAssigned()
    {
        Run r = local({QStringLiteral("customers"), QStringLiteral("add"), QStringLiteral("acme"),
                       QStringLiteral("--name"), QStringLiteral("ACME, Web team"), QStringLiteral("--plan"),
                       QStringLiteral("fixed"), QStringLiteral("--rate"), QStringLiteral("2500")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = local({QStringLiteral("customers"), QStringLiteral("add"), QStringLiteral("beta"),
                   QStringLiteral("--name"), QStringLiteral("Beta"), QStringLiteral("--plan"),
                   QStringLiteral("cost-plus"), QStringLiteral("--markup"), QStringLiteral("1000")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = local({QStringLiteral("customers"), QStringLiteral("add"), QStringLiteral("gamma"),
                   QStringLiteral("--name"), QStringLiteral("Gamma"), QStringLiteral("--plan"),
                   QStringLiteral("spot-linked"), QStringLiteral("--floor"), QStringLiteral("1000")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // Refusals: a plan that mixes kinds, an unknown plan kind, an unknown customer.
        r = local({QStringLiteral("customers"), QStringLiteral("add"), QStringLiteral("bad"),
                   QStringLiteral("--name"), QStringLiteral("Bad"), QStringLiteral("--plan"),
                   QStringLiteral("fixed"), QStringLiteral("--markup"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("chargeback.bad-plan"));
        r = local({QStringLiteral("customers"), QStringLiteral("add"), QStringLiteral("bad"),
                   QStringLiteral("--name"), QStringLiteral("Bad"), QStringLiteral("--plan"),
                   QStringLiteral("hourly")});
        QCOMPARE(r.exitCode, 2);

        const Run list = local({QStringLiteral("--json"), QStringLiteral("customers")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray customers = QJsonDocument::fromJson(list.out)[QStringLiteral("customers")].toArray();
        QCOMPARE(customers.size(), 3);
        QCOMPARE(customers.at(1)[QStringLiteral("plan")][QStringLiteral("markupBasisPoints")].toInt(), 1000);

        QCOMPARE(local({QStringLiteral("assign"), m_contract, QStringLiteral("beta")}).exitCode, 0);
        QCOMPARE(
            local({QStringLiteral("assign"), m_contract, QStringLiteral("web-2"), QStringLiteral("acme")})
                .exitCode,
            0);
        QCOMPARE(
            local({QStringLiteral("assign"), m_contract, QStringLiteral("web-3"), QStringLiteral("gamma")})
                .exitCode,
            0);
        r = local({QStringLiteral("assign"), m_contract, QStringLiteral("nobody")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains("chargeback.unknown-customer"));
        r = local({QStringLiteral("customers"), QStringLiteral("remove"), QStringLiteral("beta")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains("chargeback.customer-in-use"));

        // The usage the contract's site reports, in the buyer's store.
        ChargebackStore store;
        QVERIFY(store.open(buyerData()));
        QVERIFY(
            store.replaceUsage(m_contract, {{m_deliveryStart, QStringLiteral("web-1"), 3600, 3600, 3600},
                                            {m_deliveryStart, QStringLiteral("web-2"), 1800, 1800, 1800},
                                            {m_deliveryStart, QStringLiteral("web-3"), 3600, 3600, 3600}}));
    }

    void offlineWithoutThePriceChargesNothing()
    {
        const Run r = local({QStringLiteral("chargeback"), QStringLiteral("--offline"),
                             QStringLiteral("--month"), month(), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.contains(m_contract.toUtf8()));
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[QStringLiteral("unknownContracts")].toArray().size(), 1);
        QCOMPARE(o[QStringLiteral("statements")].toArray().at(0)[QStringLiteral("amount")].toInteger(), 0);
    }

    void statementsFromTheExchangesContract()
    {
        const Run r = manage(
            {QStringLiteral("--json"), QStringLiteral("chargeback"), QStringLiteral("--month"), month()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray statements = QJsonDocument::fromJson(r.out)[QStringLiteral("statements")].toArray();
        QCOMPARE(statements.size(), 3);
        // acme, fixed 2500/h: web-2 half an hour → 1250; cost 1500 × 0.5 = 750.
        const QJsonObject acme = statements.at(0).toObject();
        QCOMPARE(acme[QStringLiteral("customerId")].toString(), QStringLiteral("acme"));
        QCOMPARE(acme[QStringLiteral("amount")].toInteger(), 1250);
        QCOMPARE(acme[QStringLiteral("cost")].toInteger(), 750);
        QCOMPARE(acme[QStringLiteral("margin")].toInteger(), 500);
        // beta, cost-plus 10 % of the contract's 1500: web-1 one hour → 1650.
        const QJsonObject beta = statements.at(1).toObject();
        QCOMPARE(beta[QStringLiteral("lines")].toArray().size(), 1);
        QCOMPARE(beta[QStringLiteral("lines")][0][QStringLiteral("vm")].toString(), QStringLiteral("web-1"));
        QCOMPARE(beta[QStringLiteral("lines")][0][QStringLiteral("rate")].toInteger(), 1650);
        QCOMPARE(beta[QStringLiteral("amount")].toInteger(), 1650);
        QCOMPARE(beta[QStringLiteral("margin")].toInteger(), 150);
        // gamma, spot-linked with a floor of 1000: the spot sampled from the exchange's history
        // (the trade at 1500 made the index), never below the floor.
        ChargebackStore store;
        QVERIFY(store.open(buyerData()));
        const auto spot = store.spot();
        QVERIFY(spot);
        QCOMPARE(spot->size(), 1);
        QVERIFY(!spot->cbegin()->isEmpty());
        const qint64 expected = std::max<qint64>(1000, spot->cbegin()->at(m_deliveryStart));
        const QJsonObject gamma = statements.at(2).toObject();
        QCOMPARE(gamma[QStringLiteral("amount")].toInteger(), expected);

        // Text names the customer and the total; --customer keeps one.
        const Run text = manage({QStringLiteral("chargeback"), QStringLiteral("--month"), month(),
                                 QStringLiteral("--customer"), QStringLiteral("acme")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("ACME, Web team"));
        QVERIFY(text.out.contains("0.1250 EUR"));
        QVERIFY(!text.out.contains("Beta"));
        const Run unknown = manage({QStringLiteral("chargeback"), QStringLiteral("--month"), month(),
                                    QStringLiteral("--customer"), QStringLiteral("zeta")});
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(manage({QStringLiteral("chargeback"), QStringLiteral("--month"), QStringLiteral("2026-13")})
                     .exitCode,
                 2);
    }

    void csvReadsBack()
    {
        const Run r = local({QStringLiteral("chargeback"), QStringLiteral("--offline"),
                             QStringLiteral("--month"), month(), QStringLiteral("--csv")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QByteArray(csvHeader().toUtf8() + QByteArray("\r\n"))));
        const auto back = statementsFromCsv(QString::fromUtf8(r.out));
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
        QCOMPARE(back->size(), 3);
        QCOMPARE(back->at(0).customerName, QStringLiteral("ACME, Web team"));
        QCOMPARE(back->at(0).amount, 1250);
        QCOMPARE(back->at(1).lines.at(0),
                 (StatementLine{m_contract, QStringLiteral("web-1"), back->at(1).lines.at(0).product, 3600,
                                1650, 1650, 1500, 1500}));
    }

    void cleanupTestCase()
    {
        if (m_server.state() == QProcess::Running) {
            m_server.terminate();
            if (!m_server.waitForFinished(10000))
                m_server.kill();
        }
    }
};

QTEST_GUILESS_MAIN(TestManageChargeback)
#include "tst_managechargeback.moc"
