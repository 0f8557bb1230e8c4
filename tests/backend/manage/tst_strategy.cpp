#include "manage/strategy.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex;
using namespace cloudex::manage;
using namespace Qt::StringLiterals;

namespace {
/// Monday 2026-12-07 00:00 UTC.
qint64 monday()
{
    return QDateTime(QDate(2026, 12, 7), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

Strategy sample()
{
    Strategy s;
    s.id = QStringLiteral("web-tier");
    s.name = QStringLiteral("Web tier");
    s.horizonStart = monday();
    s.horizonHours = 24 * 14;
    s.baseline = 10;
    s.peaks = {{0x1f, 8, 18, 5}};
    s.overrides = {{24 * 5, 24, 2}};
    s.profileId = QStringLiteral("gold");
    s.instanceClass = QStringLiteral("GP2");
    s.budgetPerMonth = 50'000'000;
    s.maxPrice = 3000;
    s.maxSpotPrice = 4000;
    s.maxSellerSharePercent = 40;
    s.minSellers = 3;
    s.baselineTermPercent = 80;
    s.peakShortPercent = 60;
    s.fallback = {FallbackStep::NextRegion, FallbackStep::OtherTenancy};
    return s;
}
} // namespace

class TestStrategy : public QObject
{
    Q_OBJECT

private slots:
    void demandIsBaselinePlusPeaksWithOverrides()
    {
        const Strategy s = sample();
        const QVector<qint64> d = s.demand();
        QCOMPARE(d.size(), 24 * 14);
        QCOMPARE(d[7], 10);           // Monday 07:00
        QCOMPARE(d[8], 15);           // Monday 08:00, a peak
        QCOMPARE(d[17], 15);          // Monday 17:00
        QCOMPARE(d[18], 10);          // the peak ends at 18
        QCOMPARE(d[24 * 5 + 12], 2);  // Saturday: overridden
        QCOMPARE(d[24 * 6 + 12], 10); // Sunday: no peak
        QCOMPARE(d[24 * 7 + 9], 15);  // next Monday
    }

    void jsonRoundTrips()
    {
        const Strategy s = sample();
        const Result<Strategy> back = Strategy::fromJson(s.toJson());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(*back, s);
    }

    void strictParsing_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown key") << u"budget"_s << QJsonValue(5) << u"budget"_s;
        QTest::newRow("bad id") << u"id"_s << QJsonValue(u"Web Tier"_s) << u"id"_s;
        QTest::newRow("negative budget") << u"budgetPerMonth"_s << QJsonValue(-1) << u"budgetPerMonth"_s;
        QTest::newRow("fraction") << u"baseline"_s << QJsonValue(1.5) << u"baseline"_s;
        QTest::newRow("string number") << u"maxPrice"_s << QJsonValue(u"3000"_s) << u"maxPrice"_s;
        QTest::newRow("share zero") << u"maxSellerSharePercent"_s << QJsonValue(0)
                                    << u"maxSellerSharePercent"_s;
        QTest::newRow("term over 100")
            << u"baselineTermPercent"_s << QJsonValue(101) << u"baselineTermPercent"_s;
        QTest::newRow("off the hour")
            << u"horizonStart"_s << QJsonValue(double(monday() + 60)) << u"horizonStart"_s;
        QTest::newRow("long horizon") << u"horizonHours"_s << QJsonValue(24 * 400) << u"horizonHours"_s;
        QTest::newRow("peak reversed")
            << u"peaks"_s << QJsonValue(QJsonArray{QJsonObject{{u"fromHour"_s, 18}, {u"toHour"_s, 8}}})
            << u"peaks[0].toHour"_s;
        QTest::newRow("peak extra key")
            << u"peaks"_s << QJsonValue(QJsonArray{QJsonObject{{u"days"_s, 3}}}) << u"peaks[0].days"_s;
        QTest::newRow("override outside")
            << u"overrides"_s << QJsonValue(QJsonArray{QJsonObject{{u"start"_s, 24 * 14}, {u"hours"_s, 1}}})
            << u"overrides[0].start"_s;
        QTest::newRow("fallback twice")
            << u"fallback"_s << QJsonValue(QJsonArray{u"next-region"_s, u"next-region"_s}) << u"fallback"_s;
        QTest::newRow("fallback unknown")
            << u"fallback"_s << QJsonValue(QJsonArray{u"cheaper"_s}) << u"fallback"_s;
    }

    void strictParsing()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QJsonObject o = sample().toJson();
        o.insert(key, value);
        const Result<Strategy> s = Strategy::fromJson(o);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("manage.bad-strategy"));
        QCOMPARE(s.error().field, field);
    }

    void storeSavesLoadsAndRemoves()
    {
        QTemporaryDir dir;
        StrategyStore store(dir.path());
        QVERIFY(store.load()->isEmpty());
        Strategy a = sample();
        Strategy b = sample();
        b.id = QStringLiteral("batch");
        b.baseline = 3;
        QVERIFY(store.save(a).ok());
        QVERIFY(store.save(b).ok());
        QVERIFY(QFile::exists(dir.path() + QStringLiteral("/manage/strategies/web-tier.json")));
        Result<QList<Strategy>> loaded = store.load();
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->size(), 2);
        QCOMPARE(loaded->at(0), b); // by file name
        QCOMPARE(loaded->at(1), a);
        a.baseline = 12;
        QVERIFY(store.save(a).ok());
        QCOMPARE(store.load()->at(1).baseline, 12);
        QVERIFY(store.remove(b.id).ok());
        QCOMPARE(store.load()->size(), 1);
        QVERIFY(!store.save(Strategy{}).ok()); // no id, no file
    }

    void exportImportAndDamagedFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out/strategy.json"));
        QVERIFY(StrategyStore::writeFile(sample(), path).ok());
        Result<Strategy> back = StrategyStore::readFile(path);
        QVERIFY(back.ok());
        QCOMPARE(*back, sample());

        QFile damaged(dir.filePath(QStringLiteral("damaged.json")));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{\"id\": \"x\", ");
        damaged.close();
        Result<Strategy> bad = StrategyStore::readFile(damaged.fileName());
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("manage.strategy-damaged"));

        // A damaged file in the store is reported, not skipped.
        StrategyStore store(dir.path());
        QVERIFY(store.save(sample()).ok());
        QVERIFY(QFile::copy(damaged.fileName(), store.directory() + QStringLiteral("/zz.json")));
        QVERIFY(!store.load().ok());
    }
};

QTEST_GUILESS_MAIN(TestStrategy)
#include "tst_strategy.moc"
