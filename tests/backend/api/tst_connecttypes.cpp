// The connect API's objects (docs/CONNECT-API.md): each example written as a site sends it
// survives JSON -> struct -> JSON unchanged, strict parsing refuses what the document
// forbids, and lenient parsing (how the desk reads answers) ignores fields it does not know.
#include "api/connecttypes.h"
#include "api/contract.h"
#include "api/parse.h"

#include <QJsonDocument>
#include <QTest>

using namespace cloudex;
using namespace Qt::StringLiterals;

namespace {
template<typename T> Result<QJsonObject> roundTrip(const QByteArray &json)
{
    auto parsed = api::parseRequest<T>(json);
    if (!parsed)
        return parsed.error();
    return parsed->toJson();
}

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestConnectTypes final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrips_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("HeldContract")
            << u"HeldContract"_s
            << QByteArray(R"({"id":"c-000042","product":"DE.GP2.SH.S1","instanceClass":)"
                          R"({"code":"GP2","vcpus":2,"memoryMiB":4096,"diskGiB":40},)"
                          R"("tenancy":"shared","quantity":3,"deliveryStart":1796119200,)"
                          R"("deliveryEnd":1796122800,"state":"active","graceSeconds":300,)"
                          R"("retentionSeconds":86400,"vmsDefined":1,"vmsRunning":1,)"
                          R"("atRisk":false,"reservation":{"tenancy":"dedicated",)"
                          R"("group":"g-1","hosts":2}})");
        QTest::newRow("Template") << u"Template"_s
                                  << QByteArray(R"({"name":"debian-12","sizeGiB":2,"format":"qcow2"})");
        QTest::newRow("Vm running") << u"Vm"_s
                                    << QByteArray(
                                           R"({"name":"web-1","template":"debian-12","state":"running",)"
                                           R"("vcpus":2,"memoryMiB":4096,"diskGiB":40,)"
                                           R"("runningSince":1796119300,"seq":17})");
        QTest::newRow("Vm diskless stopped")
            << u"Vm"_s
            << QByteArray(
                   R"({"name":"t","template":"","state":"stopped","vcpus":1,"memoryMiB":512,"diskGiB":0,"seq":3})");
        QTest::newRow("VmList") << u"VmList"_s
                                << QByteArray(
                                       R"({"seq":18,"vms":[{"name":"a","template":"","state":"deleted",)"
                                       R"("vcpus":1,"memoryMiB":512,"diskGiB":0,"seq":18}]})");
        QTest::newRow("VmCreateRequest")
            << u"VmCreateRequest"_s << QByteArray(R"({"name":"web-1","template":""})");
        QTest::newRow("Job running") << u"Job"_s
                                     << QByteArray(R"({"id":"j-1","operation":"create","vm":"web-1",)"
                                                   R"("state":"running","progress":40})");
        QTest::newRow("Job failed")
            << u"Job"_s
            << QByteArray(R"({"id":"j-2","operation":"delete","vm":"web-1","state":"failed",)"
                          R"("progress":100,"error":{"code":"libvirt.destroy","detail":"x"}})");
        QTest::newRow("Usage") << u"Usage"_s
                               << QByteArray(
                                      R"({"contractId":"c-000042","deliveryStart":1796119200,)"
                                      R"("deliveryEnd":1796122800,"availabilityBasisPoints":9950,"hours":)"
                                      R"([{"start":1796119200,"vm":"web-1","instanceSeconds":3600,)"
                                      R"("expectedSeconds":3600,"availableSeconds":3582}]})");
        QTest::newRow("Settlement")
            << u"Settlement"_s
            << QByteArray(R"({"contractId":"c-000042","buyer":"p-a","seller":"p-b",)"
                          R"("state":"estimated","hours":1,"seconds":3600,"quantity":3,"price":1500,)"
                          R"("gross":4500,"availabilityBasisPoints":9950,"creditPercent":10,)"
                          R"("credit":450,"net":4050,"settledAt":1796126400})");
        QTest::newRow("Contract with site")
            << u"Contract"_s
            << QByteArray(
                   R"({"id":"c-000042","trade":7,"symbol":"DE.GP2.SH.S1.H2026-12-01T14","product":"DE.GP2.SH.S1",)"
                   R"("buyer":"p-a","seller":"p-b","quantity":3,"price":1500,"deliveryStart":1796119200,)"
                   R"("deliveryEnd":1796122800,"state":"terminated","sla":{"class":"S1",)"
                   R"("availabilityBasisPoints":9990,"supportResponseMinutes":60,"nextBusinessDaySupport":false,)"
                   R"("credits":[]},"governingLaw":"DE","legalTermsVersion":1,"site":{"id":"s-fra1",)"
                   R"("name":"Frankfurt 1","endpoint":"https://fra1.example:8444"},"terminatedAt":1796120000,)"
                   R"("terminationReason":"revoked by operator"})");
    }

    void roundTrips()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, json);
        Result<QJsonObject> out = Error{};
        if (type == u"HeldContract")
            out = roundTrip<api::HeldContract>(json);
        else if (type == u"Template")
            out = roundTrip<api::Template>(json);
        else if (type == u"Vm")
            out = roundTrip<api::Vm>(json);
        else if (type == u"VmList")
            out = roundTrip<api::VmList>(json);
        else if (type == u"VmCreateRequest")
            out = roundTrip<api::VmCreateRequest>(json);
        else if (type == u"Job")
            out = roundTrip<api::ConnectJobState>(json);
        else if (type == u"Usage")
            out = roundTrip<api::Usage>(json);
        else if (type == u"Settlement")
            out = roundTrip<api::Settlement>(json);
        else if (type == u"Contract")
            out = roundTrip<api::Contract>(json);
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().code + u' ' + out.error().message));
        QCOMPARE(out.value(), object(json));
    }

    void typedValues()
    {
        auto vm =
            api::Vm::fromJson(object(R"({"name":"web-1","template":"debian-12","state":"running","vcpus":2,)"
                                     R"("memoryMiB":4096,"diskGiB":40,"runningSince":5,"seq":17})"));
        QVERIFY(vm.ok());
        QCOMPARE(vm->state, api::VmState::Running);
        QCOMPARE(vm->templateName, u"debian-12"_s);
        QCOMPARE(vm->runningSince, std::optional<qint64>(5));

        auto job = api::ConnectJobState::fromJson(
            object(R"({"id":"j-2","operation":"reboot","vm":"a","state":)"
                   R"("failed","progress":100,"error":{"code":"c","detail":"d"}})"));
        QVERIFY(job.ok());
        QCOMPARE(job->operation, api::VmOperation::Reboot);
        QCOMPARE(job->state, api::JobState::Failed);
        QVERIFY(job->error.has_value());
        QCOMPARE(job->error->code, u"c"_s);

        auto contract = api::Contract::fromJson(object(
            R"({"id":"c-1","trade":1,"symbol":"s","product":"p","buyer":"b","seller":"s","quantity":1,)"
            R"("price":1,"deliveryStart":1,"deliveryEnd":2,"state":"active","sla":{"class":"S1",)"
            R"("availabilityBasisPoints":1,"supportResponseMinutes":1,"nextBusinessDaySupport":true,)"
            R"("credits":[]},"governingLaw":"DE","legalTermsVersion":1})"));
        QVERIFY(contract.ok());
        QVERIFY(!contract->site.has_value()); // unassigned
        QVERIFY(!contract->terminatedAt.has_value());
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown state")
            << QByteArray(R"({"name":"a","template":"","state":"paused","vcpus":1,)"
                          R"("memoryMiB":1,"diskGiB":0,"seq":1})")
            << u"request.wrong-type"_s << u"state"_s;
        QTest::newRow("fractional seq")
            << QByteArray(R"({"name":"a","template":"","state":"running","vcpus":1,)"
                          R"("memoryMiB":1,"diskGiB":0,"seq":1.0})")
            << u"request.wrong-type"_s << u"seq"_s;
        QTest::newRow("missing template") << QByteArray(R"({"name":"a","state":"running","vcpus":1,)"
                                                        R"("memoryMiB":1,"diskGiB":0,"seq":1})")
                                          << u"request.missing-field"_s << u"template"_s;
        QTest::newRow("unknown field")
            << QByteArray(R"({"name":"a","template":"","state":"running","vcpus":1,)"
                          R"("memoryMiB":1,"diskGiB":0,"seq":1,"host":"h1"})")
            << u"request.unknown-field"_s << u"host"_s;
    }

    void refusals()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        QFETCH(QString, field);
        auto parsed = api::parseRequest<api::Vm>(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, code);
        QCOMPARE(parsed.error().field, field);
    }

    void progressIsAPercentage()
    {
        auto job = api::parseRequest<api::ConnectJobState>(
            R"({"id":"j","operation":"create","vm":"a","state":"running","progress":101})");
        QVERIFY(!job.ok());
        QCOMPARE(job.error().field, u"progress"_s);
    }

    void answersAreReadLeniently()
    {
        // A newer site may add a field; the desk still reads the VM.
        auto vm = api::Vm::fromJson(object(R"({"name":"a","template":"","state":"running","vcpus":1,)"
                                           R"("memoryMiB":1,"diskGiB":0,"seq":1,"ipv6":"::1"})"),
                                    api::ParseMode::Lenient);
        QVERIFY(vm.ok());
        auto list = api::listFromJson<api::Template>(
            object(R"({"templates":[{"name":"x","sizeGiB":1,"format":"raw"}]})"), api::Template::kListKey,
            api::ParseMode::Lenient);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->constFirst().format, u"raw"_s);
    }
};

QTEST_MAIN(TestConnectTypes)
#include "tst_connecttypes.moc"
