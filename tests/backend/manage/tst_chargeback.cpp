// Chargeback (issue #14): hand-computed statements for the three plan types, the rounding
// rules, the CSV round trip and the SQLite store (a row per VM and month, stores of the hourly
// schema converted on open, bad hours refused whole).
#include "manage/chargeback.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex;
using namespace cloudex::manage;

namespace {

const Month kMarch{2026, 3};
const qint64 kHour = 3600;

Customer customer(const QString &id, const QString &name, PricePlan plan)
{
    return Customer{id, name, plan};
}

/// The fixture, computed by hand in the comments.
ChargebackInput input()
{
    ChargebackInput in;
    in.customers = {
        customer(QStringLiteral("acme"), QStringLiteral("ACME, \"Web\" team"),
                 PricePlan{PlanKind::Fixed, 2500, 0, 0, 0}),
        customer(QStringLiteral("beta"), QStringLiteral("Beta"),
                 PricePlan{PlanKind::CostPlus, 0, 1000, 0, 0}),
        customer(QStringLiteral("gamma"), QStringLiteral("=SUM(A1)"),
                 PricePlan{PlanKind::SpotLinked, 0, 500, 1000, 3000}),
        customer(QStringLiteral("delta"), QStringLiteral("Delta (idle)"),
                 PricePlan{PlanKind::Fixed, 100, 0, 0, 0}),
    };
    in.assignments.contracts.insert(QStringLiteral("c-1"), QStringLiteral("acme"));
    in.assignments.vms[QStringLiteral("c-1")].insert(QStringLiteral("web-2"), QStringLiteral("gamma"));
    in.assignments.contracts.insert(QStringLiteral("c-2"), QStringLiteral("beta"));
    in.contracts.insert(QStringLiteral("c-1"),
                        ContractInfo{QStringLiteral("c-1"), QStringLiteral("P"), 1500});
    in.contracts.insert(QStringLiteral("c-2"),
                        ContractInfo{QStringLiteral("c-2"), QStringLiteral("P"), 2000});
    in.contracts.insert(QStringLiteral("c-3"),
                        ContractInfo{QStringLiteral("c-3"), QStringLiteral("Q"), 1000});
    const qint64 t0 = kMarch.start();
    SpotSeries spot;
    spot.add(t0, 2000);             // × 1.05 = 2100
    spot.add(t0 + kHour, 500);      // × 1.05 = 525 → floor 1000
    spot.add(t0 + 2 * kHour, 4000); // × 1.05 = 4200 → cap 3000
    spot.add(t0 + 3 * kHour, 2001); // × 1.05 = 2101.05 (kept exact)
    in.spot.insert(QStringLiteral("P"), spot);
    return in;
}

QList<VmUsage> usage()
{
    const qint64 t0 = kMarch.start();
    return {
        // Fixed 2500/h: 5,401 s → 2500 × 5401 / 3600 = 3750.69 → 3751; cost 1500 × 5401 / 3600
        // = 2250.42 → 2250. The hour before and the hour at the month's end do not count.
        VmUsage{
            QStringLiteral("c-1"),
            QStringLiteral("web-1"),
            {{t0 - kHour, 3600}, {t0, 3600}, {t0 + kHour, 1800}, {t0 + 2 * kHour, 1}, {kMarch.end(), 3600}}},
        // Spot-linked +5 %, floor 1000, cap 3000: 2100 × 3600 + 1000 × 3600 + 3000 × 1800
        // + 2101.05 × 3600 = 24,123,780 tick-seconds / 3600 = 6701.05 → 6701; cost 1500 × 3.5 h = 5250.
        VmUsage{QStringLiteral("c-1"),
                QStringLiteral("web-2"),
                {{t0 + 3 * kHour, 3600}, {t0, 3600}, {t0 + kHour, 3600}, {t0 + 2 * kHour, 1800}}},
        // Cost-plus +10 % of 2000 = 2200/h: 8,101 s → 2200 × 8101 / 3600 = 4950.61 → 4951;
        // cost 2000 × 8101 / 3600 = 4500.56 → 4501.
        VmUsage{QStringLiteral("c-2"),
                QStringLiteral("db-1"),
                {{t0 + 24 * kHour, 3600}, {t0 + 25 * kHour, 3600}, {t0 + 26 * kHour, 901}}},
        // A VM that did not run this month: no line.
        VmUsage{QStringLiteral("c-2"), QStringLiteral("db-2"), {{t0, 0}}},
        // No customer: an unassigned line with its cost.
        VmUsage{QStringLiteral("c-3"), QStringLiteral("x"), {{t0, 3600}}},
        // No contract price known: not charged, named.
        VmUsage{QStringLiteral("c-9"), QStringLiteral("y"), {{t0, 3600}}},
    };
}

} // namespace

class TestChargeback : public QObject
{
    Q_OBJECT

private slots:
    void roundsHalfAwayFromZero()
    {
        QCOMPARE(roundedDivision(5, 10), 1);
        QCOMPARE(roundedDivision(4, 10), 0);
        QCOMPARE(roundedDivision(15, 10), 2);
        QCOMPARE(roundedDivision(-5, 10), -1);
        QCOMPARE(roundedDivision(-4, 10), 0);
        QCOMPARE(roundedDivision(-15, 10), -2);
        QCOMPARE(roundedDivision(1800, 3600), 1); // a 1-tick rate for half an hour is 1 tick
        QCOMPARE(ticksToEuro(12345), QStringLiteral("1.2345"));
        QCOMPARE(ticksToEuro(-5), QStringLiteral("-0.0005"));
    }

    void monthsAndSpot()
    {
        QCOMPARE(Month::parse(QStringLiteral("2026-03"))->start(), 1772323200);
        QCOMPARE(kMarch.end() - kMarch.start(), 744 * kHour);
        QCOMPARE(Month::parse(QStringLiteral("2026-13")).error().code,
                 QStringLiteral("chargeback.bad-month"));
        QVERIFY(!Month::parse(QStringLiteral("26-3")));
        QCOMPARE((Month{2026, 12}.next()), (Month{2027, 1}));
        QCOMPARE(Month::containing(kMarch.end() - 1), kMarch);

        // A 1h history point is the index at the end of its step: known an hour after `time`.
        api::SpotHistory h;
        h.resolution = QStringLiteral("1h");
        h.points = {{1000 * kHour, 1200}, {1001 * kHour, 1300}};
        const SpotSeries s = SpotSeries::fromHistory(h);
        QCOMPARE(s.at(1000 * kHour), 0);
        QCOMPARE(s.at(1001 * kHour), 1200);
        QCOMPARE(s.at(1002 * kHour - 1), 1200);
        QCOMPARE(s.at(1002 * kHour), 1300);
        QCOMPARE(s.at(5000 * kHour), 1300);
    }

    void plansValidate()
    {
        QVERIFY(PricePlan({PlanKind::Fixed, 2500, 0, 0, 0}).validate());
        QCOMPARE(PricePlan({PlanKind::Fixed, -1, 0, 0, 0}).validate().error().field, QStringLiteral("rate"));
        QCOMPARE(PricePlan({PlanKind::SpotLinked, 0, 0, 3000, 1000}).validate().error().field,
                 QStringLiteral("cap"));
        QCOMPARE(PricePlan({PlanKind::CostPlus, 0, -10'001, 0, 0}).validate().error().code,
                 QStringLiteral("chargeback.bad-plan"));
        QCOMPARE(PricePlan({PlanKind::CostPlus, 0, 0, 10, 0}).validate().error().field,
                 QStringLiteral("floor"));
        QCOMPARE(Customer({QStringLiteral("Bad id"), QStringLiteral("x"), {}}).validate().error().field,
                 QStringLiteral("id"));
        QCOMPARE(Customer({QStringLiteral("ok"), QStringLiteral("a\nb"), {}}).validate().error().field,
                 QStringLiteral("name"));
    }

    void handComputedStatements()
    {
        const ChargebackResult r = computeStatements(input(), usage(), kMarch);
        QCOMPARE(r.statements.size(), 4);
        const Statement &acme = r.statements.at(0);
        const Statement &beta = r.statements.at(1);
        const Statement &delta = r.statements.at(2);
        const Statement &gamma = r.statements.at(3);
        QCOMPARE(acme.customerId, QStringLiteral("acme"));
        QCOMPARE(acme.month, QStringLiteral("2026-03"));

        // Fixed.
        QCOMPARE(acme.lines.size(), 1);
        QCOMPARE(acme.lines.at(0), (StatementLine{QStringLiteral("c-1"), QStringLiteral("web-1"),
                                                  QStringLiteral("P"), 5401, 2500, 3751, 1500, 2250}));
        QCOMPARE(acme.lines.at(0).centiHours(), 150); // 1.5003 h
        QCOMPARE(acme.amount, 3751);
        QCOMPARE(acme.cost, 2250);
        QCOMPARE(acme.margin(), 1501);

        // Cost-plus.
        QCOMPARE(beta.lines.size(), 1);
        QCOMPARE(beta.lines.at(0), (StatementLine{QStringLiteral("c-2"), QStringLiteral("db-1"),
                                                  QStringLiteral("P"), 8101, 2200, 4951, 2000, 4501}));
        QCOMPARE(beta.margin(), 450);

        // Spot-linked: the rate shown is the average, 24,123,780 tick-seconds / 12,600 s
        // = 1914.59 → 1915 ticks per instance-hour (the amount is not 1915 × 3.5).
        QCOMPARE(gamma.lines.size(), 1);
        QCOMPARE(gamma.lines.at(0), (StatementLine{QStringLiteral("c-1"), QStringLiteral("web-2"),
                                                   QStringLiteral("P"), 12600, 1915, 6701, 1500, 5250}));
        QCOMPARE(gamma.amount, 6701);
        QCOMPARE(gamma.margin(), 1451);

        // A customer without usage gets an empty statement.
        QVERIFY(delta.lines.isEmpty());
        QCOMPARE(delta.amount, 0);

        QCOMPARE(r.unassigned.size(), 1);
        QCOMPARE(r.unassigned.at(0).vm, QStringLiteral("x"));
        QCOMPARE(r.unassigned.at(0).cost, 1000);
        QCOMPARE(r.unassigned.at(0).amount, 0);
        QCOMPARE(r.unknownContracts, QStringList{QStringLiteral("c-9")});
    }

    void spotBeforeFirstSampleIsTheFloor()
    {
        ChargebackInput in = input();
        in.spot.clear();
        const ChargebackResult r = computeStatements(in, usage(), kMarch);
        // No index: every hour at the floor of 1000 → 1000 × 3.5 h.
        QCOMPARE(r.statements.at(3).amount, 3500);
        QCOMPARE(r.statements.at(3).lines.at(0).rate, 1000);
    }

    void vmOverrideAndTotals()
    {
        ChargebackInput in = input();
        // Move web-1 to beta too: beta then has two lines, sorted by contract and VM.
        in.assignments.vms[QStringLiteral("c-1")].insert(QStringLiteral("web-1"), QStringLiteral("beta"));
        const ChargebackResult r = computeStatements(in, usage(), kMarch);
        const Statement &beta = r.statements.at(1);
        QCOMPARE(beta.lines.size(), 2);
        QCOMPARE(beta.lines.at(0).vm, QStringLiteral("web-1"));
        // 1500 × 1.1 = 1650/h × 5401 s / 3600 = 2475.46 → 2475.
        QCOMPARE(beta.lines.at(0).amount, 2475);
        QCOMPARE(beta.lines.at(0).rate, 1650);
        QCOMPARE(beta.amount, 2475 + 4951);
        QCOMPARE(beta.cost, 2250 + 4501);
        QVERIFY(r.statements.at(0).lines.isEmpty());
    }

    void dailyAmountsForTheChart()
    {
        const auto days = dailyAmounts(input(), usage(), kMarch);
        QCOMPARE(days.value(QStringLiteral("acme")).size(), 31);
        QCOMPARE(days.value(QStringLiteral("acme")).at(0), 3751);
        QCOMPARE(days.value(QStringLiteral("gamma")).at(0), 6701);
        QCOMPARE(days.value(QStringLiteral("beta")).at(0), 0);
        QCOMPARE(days.value(QStringLiteral("beta")).at(1), 4951);
        QCOMPARE(days.value(QStringLiteral("delta")), QList<qint64>(31, 0));
    }

    void csvRoundTrip()
    {
        const ChargebackResult r = computeStatements(input(), usage(), kMarch);
        const QString csv = statementsToCsv(r.statements);
        QVERIFY(csv.startsWith(QStringLiteral("kind,customer_id,customer_name,month,contract,vm,product,"
                                              "instance_seconds,hours,rate_ticks,amount_ticks,"
                                              "contract_price_ticks,cost_ticks,margin_ticks\r\n")));
        QVERIFY(csv.contains(
            QStringLiteral("line,acme,\"ACME, \"\"Web\"\" "
                           "team\",2026-03,c-1,web-1,P,5401,1.50,2500,3751,1500,2250,1501\r\n")));
        QVERIFY(csv.contains(QStringLiteral(
            "total,acme,\"ACME, \"\"Web\"\" team\",2026-03,,,,5401,1.50,,3751,,2250,1501\r\n")));
        // A name a spreadsheet would run as a formula is written as text.
        QVERIFY(csv.contains(QStringLiteral(",gamma,'=SUM(A1),")));
        const auto back = statementsFromCsv(csv);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(*back, r.statements);

        // Through a real file, with LF line ends as an editor may save it.
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("march.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QString(csv).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).toUtf8());
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(*statementsFromCsv(QString::fromUtf8(file.readAll())), r.statements);
    }

    void csvRefusesInconsistentFiles()
    {
        const ChargebackResult r = computeStatements(input(), usage(), kMarch);
        const QString csv = statementsToCsv(r.statements);
        QString wrongTotal = csv;
        wrongTotal.replace(QStringLiteral(",,3751,,2250,1501"), QStringLiteral(",,3752,,2250,1502"));
        QCOMPARE(statementsFromCsv(wrongTotal).error().code, QStringLiteral("chargeback.bad-csv"));
        QString wrongMargin = csv;
        wrongMargin.replace(QStringLiteral(",3751,1500,2250,1501"), QStringLiteral(",3751,1500,2250,1500"));
        QVERIFY(!statementsFromCsv(wrongMargin));
        QVERIFY(!statementsFromCsv(QStringLiteral("a,b\r\n")));
        QVERIFY(!statementsFromCsv(csvHeader() + QStringLiteral("\r\n\"open")));
        QString noTotal = csv.left(csv.lastIndexOf(QStringLiteral("total,")));
        QVERIFY(statementsFromCsv(noTotal).error().message.contains(QStringLiteral("no total")));
    }

    void storeKeepsEverythingInSqlite()
    {
        QTemporaryDir dir;
        const ChargebackInput in = input();
        {
            ChargebackStore store;
            QVERIFY(store.open(dir.path()));
            for (const Customer &c : in.customers)
                QVERIFY(store.saveCustomer(c));
            QCOMPARE(store.saveCustomer(Customer{QStringLiteral("x"), QString(), {}}).error().field,
                     QStringLiteral("name"));
            QVERIFY(store.assignContract(QStringLiteral("c-1"), QStringLiteral("acme")));
            QVERIFY(store.assignContract(QStringLiteral("c-2"), QStringLiteral("beta")));
            QVERIFY(store.assignVm(QStringLiteral("c-1"), QStringLiteral("web-2"), QStringLiteral("gamma")));
            QCOMPARE(store.assignContract(QStringLiteral("c-3"), QStringLiteral("nobody")).error().code,
                     QStringLiteral("chargeback.unknown-customer"));
            for (const ContractInfo &c : in.contracts)
                QVERIFY(store.saveContract(c));
            QVERIFY(store.saveSpot(QStringLiteral("P"), in.spot.value(QStringLiteral("P"))));
            // A first report, then the site's full report replaces it.
            QVERIFY(store.replaceUsage(QStringLiteral("c-1"),
                                       {api::UsageHour{kMarch.start(), QStringLiteral("old"), 3600, 0, 0}}));
            for (const VmUsage &vm : usage()) {
                QList<api::UsageHour> hours;
                for (const VmUsage &other : usage()) {
                    if (other.contract != vm.contract)
                        continue;
                    for (const UsageSlot &h : other.hours)
                        hours.append(api::UsageHour{h.start, other.vm, h.instanceSeconds, 0, 0});
                }
                QVERIFY(store.replaceUsage(vm.contract, hours));
            }
            QCOMPARE(store.removeCustomer(QStringLiteral("acme")).error().code,
                     QStringLiteral("chargeback.customer-in-use"));
            QVERIFY(store.removeCustomer(QStringLiteral("delta")));
            QVERIFY(store.saveCustomer(in.customers.at(3)));
        }
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("manage/chargeback.sqlite"))));
        ChargebackStore reopened;
        QVERIFY(reopened.open(dir.path()));
        const auto stored = reopened.input();
        QVERIFY(stored);
        const auto months = reopened.usageMonths();
        QCOMPARE(*months, (QList<Month>{Month{2026, 2}, kMarch, Month{2026, 4}}));
        const auto march = reopened.usage(kMarch.start(), kMarch.end());
        QVERIFY(march);
        for (const VmUsage &vm : *march)
            QVERIFY(vm.vm != u"old");
        const ChargebackResult fromStore = computeStatements(*stored, *march, kMarch);
        const ChargebackResult inMemory = computeStatements(in, usage(), kMarch);
        QCOMPARE(fromStore.statements, inMemory.statements);
        QCOMPARE(fromStore.unassigned, inMemory.unassigned);
        // Clearing the override moves web-2 back to the contract's default.
        QVERIFY(reopened.assignVm(QStringLiteral("c-1"), QStringLiteral("web-2"), QString()));
        QCOMPARE(reopened.assignments()->customerFor(QStringLiteral("c-1"), QStringLiteral("web-2")),
                 QStringLiteral("acme"));
    }

    void storeRefusesBadHoursWhole()
    {
        QTemporaryDir dir;
        ChargebackStore store;
        QVERIFY(store.open(dir.path()));
        const qint64 t0 = kMarch.start();
        QVERIFY(store.replaceUsage(QStringLiteral("c-1"), {api::UsageHour{t0, QStringLiteral("web-1"), 3600, 0, 0}}));
        const QList<QList<api::UsageHour>> bad = {
            {api::UsageHour{t0 + 3600, QStringLiteral("web-1"), 100, 0, 0},
             api::UsageHour{t0 + 7230, QStringLiteral("web-1"), 100, 0, 0}}, // not on the full hour
            {api::UsageHour{t0, QStringLiteral("web-1"), 3601, 0, 0}},      // more than an hour
            {api::UsageHour{t0, QStringLiteral("web-1"), -1, 0, 0}},
        };
        for (const auto &hours : bad) {
            const auto refused = store.replaceUsage(QStringLiteral("c-1"), hours);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, QStringLiteral("chargeback.bad-usage"));
        }
        // Nothing changed: the first report is still there, alone.
        const auto usage = store.usage(kMarch.start(), kMarch.end());
        QCOMPARE(usage->size(), 1);
        QCOMPARE(usage->constFirst().hours, (std::vector<UsageSlot>{{t0, 3600}}));
    }

    void storeKeepsZeroHoursAndMergesReports()
    {
        QTemporaryDir dir;
        ChargebackStore store;
        QVERIFY(store.open(dir.path()));
        const qint64 t0 = kMarch.start();
        // Hours across a month's end; a reported hour of 0 s is kept as reported.
        QVERIFY(store.replaceUsage({VmUsage{QStringLiteral("c-1"), QStringLiteral("a"),
                                            {{t0 - kHour, 1200}, {t0, 0}, {t0 + 5 * kHour, 3600}}}}));
        // Without replacing the contract, a report adds to (and overwrites) what is stored.
        QVERIFY(store.replaceUsage({VmUsage{QStringLiteral("c-1"), QStringLiteral("a"),
                                            {{t0 + 5 * kHour, 1800}, {kMarch.end() - kHour, 60}}}}));
        const auto march = store.usage(kMarch.start(), kMarch.end());
        QCOMPARE(march->size(), 1);
        QCOMPARE(march->constFirst().hours,
                 (std::vector<UsageSlot>{{t0, 0}, {t0 + 5 * kHour, 1800}, {kMarch.end() - kHour, 60}}));
        // A range within a month, and one over two months.
        QCOMPARE(store.usage(t0 + kHour, t0 + 6 * kHour)->constFirst().hours,
                 (std::vector<UsageSlot>{{t0 + 5 * kHour, 1800}}));
        QCOMPARE(store.usage(t0 - kHour, t0 + kHour)->constFirst().hours,
                 (std::vector<UsageSlot>{{t0 - kHour, 1200}, {t0, 0}}));
        QCOMPARE(*store.usageMonths(), (QList<Month>{Month{2026, 2}, kMarch}));
    }

    void storeOfTheHourlySchemaIsConverted()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("manage")));
        const qint64 t0 = kMarch.start();
        {
            // A store as written before the month rows: a row per VM and hour.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(ChargebackStore::filePath(dir.path()));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE usage (contract TEXT NOT NULL, vm TEXT NOT NULL,"
                                          " hour_start INTEGER NOT NULL, instance_seconds INTEGER NOT NULL,"
                                          " PRIMARY KEY (contract, vm, hour_start))")));
            QVERIFY(q.exec(QStringLiteral("CREATE INDEX usage_hour ON usage (hour_start)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO usage VALUES ('c-1', 'web-1', %1, 3600), ('c-1', 'web-1', %2,"
                                          " 1800), ('c-2', 'db-1', %3, 901), ('c-2', 'db-1', %4, 60)")
                               .arg(t0)
                               .arg(t0 + kHour)
                               .arg(t0 + 26 * kHour)
                               .arg(kMarch.end())));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        ChargebackStore store;
        QVERIFY(store.open(dir.path()));
        const auto march = store.usage(kMarch.start(), kMarch.end());
        QVERIFY(march);
        QCOMPARE(march->size(), 2);
        QCOMPARE(march->at(0).contract, QStringLiteral("c-1"));
        QCOMPARE(march->at(0).hours, (std::vector<UsageSlot>{{t0, 3600}, {t0 + kHour, 1800}}));
        QCOMPARE(march->at(1).hours, (std::vector<UsageSlot>{{t0 + 26 * kHour, 901}}));
        QCOMPARE(*store.usageMonths(), (QList<Month>{kMarch, Month{2026, 4}}));
        // The hourly table is gone: opening again converts nothing twice.
        ChargebackStore again;
        QVERIFY(again.open(dir.path()));
        QCOMPARE(again.usage(kMarch.start(), Month{2026, 4}.end())->at(1).hours.size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestChargeback)
#include "tst_chargeback.moc"
