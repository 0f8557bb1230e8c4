#include "manage/slaprofile.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex;
using namespace cloudex::manage;

class TestSlaProfile : public QObject
{
    Q_OBJECT

private slots:
    void matchesProductTerms()
    {
        SlaProfile p;
        p.id = QStringLiteral("gold");
        QVERIFY(p.matches({QStringLiteral("DE"), QStringLiteral("GP1"), catalogue::Tenancy::Shared,
                           catalogue::SlaClass::S3}));
        const int s1 = catalogue::slaTerms(catalogue::SlaClass::S1).availabilityBasisPoints;
        const int s3 = catalogue::slaTerms(catalogue::SlaClass::S3).availabilityBasisPoints;
        QVERIFY(s1 != s3);
        p.minAvailabilityBasisPoints = std::max(s1, s3);
        const catalogue::SlaClass best = s1 > s3 ? catalogue::SlaClass::S1 : catalogue::SlaClass::S3;
        const catalogue::SlaClass worst = s1 > s3 ? catalogue::SlaClass::S3 : catalogue::SlaClass::S1;
        QVERIFY(p.matches({QStringLiteral("DE"), QStringLiteral("GP1"), catalogue::Tenancy::Shared, best}));
        QVERIFY(!p.matches({QStringLiteral("DE"), QStringLiteral("GP1"), catalogue::Tenancy::Shared, worst}));
        p.minAvailabilityBasisPoints = 0;
        p.tenancies = {catalogue::Tenancy::Exclusive};
        QVERIFY(!p.matches({QStringLiteral("DE"), QStringLiteral("GP1"), catalogue::Tenancy::Shared, best}));
        QVERIFY(
            p.matches({QStringLiteral("DE"), QStringLiteral("GP1"), catalogue::Tenancy::Exclusive, best}));
        p.regions = {QStringLiteral("FR")};
        QVERIFY(
            !p.matches({QStringLiteral("DE"), QStringLiteral("GP1"), catalogue::Tenancy::Exclusive, best}));
    }

    void requirementsOnlyWhenAsked()
    {
        SlaProfile p;
        QVERIFY(!p.requirements());
        p.certifications = {QStringLiteral("ISO27001")};
        QCOMPARE(p.requirements()->certifications, QStringList{QStringLiteral("ISO27001")});
    }

    void jsonRoundTripAndRefusals()
    {
        SlaProfile p;
        p.id = QStringLiteral("eu-gold");
        p.name = QStringLiteral("EU gold");
        p.minAvailabilityBasisPoints = 9950;
        p.maxSupportResponseMinutes = 60;
        p.jurisdictions = {QStringLiteral("DE"), QStringLiteral("FR")};
        p.tenancies = {catalogue::Tenancy::GroupShared};
        p.regions = {QStringLiteral("DE")};
        p.instanceClasses = {QStringLiteral("GP2")};
        Result<SlaProfile> back = SlaProfile::fromJson(p.toJson());
        QVERIFY(back.ok());
        QCOMPARE(*back, p);

        QJsonObject bad = p.toJson();
        bad.insert(QStringLiteral("minAvailabilityBasisPoints"), 10001);
        QCOMPARE(SlaProfile::fromJson(bad).error().field, QStringLiteral("minAvailabilityBasisPoints"));
        bad = p.toJson();
        bad.insert(QStringLiteral("tenancies"), QJsonArray{QStringLiteral("XX")});
        QCOMPARE(SlaProfile::fromJson(bad).error().field, QStringLiteral("tenancies"));
        bad = p.toJson();
        bad.insert(QStringLiteral("id"), QStringLiteral("Not An Id"));
        QCOMPARE(SlaProfile::fromJson(bad).error().code, QStringLiteral("manage.bad-profile"));
    }

    void storeSavesReplacesRemoves()
    {
        QTemporaryDir dir;
        SlaProfileStore store(dir.path());
        QVERIFY(store.load()->isEmpty());
        SlaProfile a;
        a.id = QStringLiteral("a");
        a.name = QStringLiteral("A");
        QVERIFY(store.save(a).ok());
        a.name = QStringLiteral("A2");
        QVERIFY(store.save(a).ok());
        SlaProfile b = a;
        b.id = QStringLiteral("b");
        QVERIFY(store.save(b).ok());
        QCOMPARE(store.load()->size(), 2);
        QCOMPARE(store.load()->first().name, QStringLiteral("A2"));
        QVERIFY(store.remove(QStringLiteral("a")).ok());
        QCOMPARE(store.load()->size(), 1);

        // A damaged file is an error, and nothing is overwritten by a save.
        QFile f(store.filePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        QCOMPARE(store.load().error().code, QStringLiteral("manage.profiles-damaged"));
        QVERIFY(!store.save(a).ok());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("{not json"));
    }
};

QTEST_GUILESS_MAIN(TestSlaProfile)
#include "tst_slaprofile.moc"
