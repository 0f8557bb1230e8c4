#include "connect/placement.h"

#include <QTest>

using namespace cloudex::connect;
using cloudex::catalogue::Tenancy;

namespace {
HostInfo host(const QString &id, int cpus, qint64 memoryMiB, int usedCpus = 0, qint64 usedMiB = 0,
              bool online = true)
{
    HostInfo h;
    h.id = id;
    h.cpus = cpus;
    h.memoryMiB = memoryMiB;
    h.usedVcpus = usedCpus;
    h.usedMemoryMiB = usedMiB;
    h.online = online;
    return h;
}

// shared pool: s1 (roomy), s2 (nearly full); group-shared "finance" for acme and globex: g1;
// exclusive for initech: x1; exclusive for umbrella, offline: x2.
QList<HostInfo> site()
{
    return {host(u"s1"_qs, 16, 65536), host(u"s2"_qs, 16, 65536, 14, 60000), host(u"g1"_qs, 8, 32768),
            host(u"x1"_qs, 8, 32768), host(u"x2"_qs, 8, 32768, 0, 0, false)};
}

QList<HostGroup> groups()
{
    return {{u"finance"_qs, Tenancy::GroupShared, {u"g1"_qs}, {u"acme"_qs, u"globex"_qs}},
            {u"initech-only"_qs, Tenancy::Exclusive, {u"x1"_qs}, {u"initech"_qs}},
            {u"umbrella-only"_qs, Tenancy::Exclusive, {u"x2"_qs}, {u"umbrella"_qs}}};
}
} // namespace

class TestPlacement : public QObject
{
    Q_OBJECT

private slots:
    void place_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<Tenancy>("tenancy");
        QTest::addColumn<int>("vcpus");
        QTest::addColumn<int>("memoryMiB");
        QTest::addColumn<QString>("pinned");
        QTest::addColumn<QString>("host");  // expected host, or empty when refused
        QTest::addColumn<QString>("error"); // expected error code when refused

        QTest::newRow("shared goes to the roomiest shared host")
            << u"acme"_qs << Tenancy::Shared << 2 << 8192 << QString() << u"s1"_qs << QString();
        QTest::newRow("an exclusive tenant may also use the shared pool")
            << u"initech"_qs << Tenancy::Shared << 2 << 8192 << QString() << u"s1"_qs << QString();
        QTest::newRow("shared never lands on a group-shared host")
            << u"acme"_qs << Tenancy::Shared << 2 << 8192 << u"g1"_qs << QString()
            << u"placement.separation"_qs;
        QTest::newRow("shared never lands on an exclusive host")
            << u"initech"_qs << Tenancy::Shared << 2 << 8192 << u"x1"_qs << QString()
            << u"placement.separation"_qs;
        QTest::newRow("group-shared member acme")
            << u"acme"_qs << Tenancy::GroupShared << 2 << 8192 << QString() << u"g1"_qs << QString();
        QTest::newRow("group-shared member globex")
            << u"globex"_qs << Tenancy::GroupShared << 2 << 8192 << QString() << u"g1"_qs << QString();
        QTest::newRow("group-shared non-member") << u"initech"_qs << Tenancy::GroupShared << 2 << 8192
                                                 << QString() << QString() << u"placement.separation"_qs;
        QTest::newRow("exclusive owner")
            << u"initech"_qs << Tenancy::Exclusive << 2 << 8192 << QString() << u"x1"_qs << QString();
        QTest::newRow("exclusive for a tenant without dedicated hosts")
            << u"acme"_qs << Tenancy::Exclusive << 2 << 8192 << QString() << QString()
            << u"placement.separation"_qs;
        QTest::newRow("exclusive on another tenant's host")
            << u"acme"_qs << Tenancy::Exclusive << 2 << 8192 << u"x1"_qs << QString()
            << u"placement.separation"_qs;
        QTest::newRow("exclusive hosts all offline") << u"umbrella"_qs << Tenancy::Exclusive << 1 << 1024
                                                     << QString() << QString() << u"placement.offline"_qs;
        QTest::newRow("too many vCPU for any shared host")
            << u"acme"_qs << Tenancy::Shared << 17 << 1024 << QString() << QString()
            << u"placement.capacity"_qs;
        QTest::newRow("too much memory for the group") << u"acme"_qs << Tenancy::GroupShared << 2 << 40000
                                                       << QString() << QString() << u"placement.capacity"_qs;
        QTest::newRow("pinned to a full host") << u"acme"_qs << Tenancy::Shared << 4 << 1024 << u"s2"_qs
                                               << QString() << u"placement.capacity"_qs;
        QTest::newRow("pinned to a host with room")
            << u"acme"_qs << Tenancy::Shared << 2 << 1024 << u"s2"_qs << u"s2"_qs << QString();
        QTest::newRow("pinned to an unknown host")
            << u"acme"_qs << Tenancy::Shared << 1 << 64 << u"nowhere"_qs << QString()
            << u"placement.unknown-host"_qs;
        QTest::newRow("no owner") << QString() << Tenancy::Shared << 1 << 64 << QString() << QString()
                                  << u"placement.no-tenant"_qs;
        QTest::newRow("no size") << u"acme"_qs << Tenancy::Shared << 0 << 64 << QString() << QString()
                                 << u"placement.size"_qs;
    }

    void place()
    {
        QFETCH(QString, tenant);
        QFETCH(Tenancy, tenancy);
        QFETCH(int, vcpus);
        QFETCH(int, memoryMiB);
        QFETCH(QString, pinned);
        QFETCH(QString, host);
        QFETCH(QString, error);
        const auto placed = Placement::place({tenant, tenancy, vcpus, memoryMiB, pinned}, site(), groups());
        if (host.isEmpty()) {
            QVERIFY2(!placed.ok(), qPrintable(placed.ok() ? *placed : QString()));
            QCOMPARE(placed.error().code, error);
            QVERIFY(!placed.error().message.isEmpty());
        } else {
            QVERIFY2(placed.ok(), qPrintable(placed.ok() ? QString() : placed.error().message));
            QCOMPARE(*placed, host);
        }
    }

    void refusalNamesTheRoomiestHost()
    {
        const auto placed = Placement::place({u"acme"_qs, Tenancy::Shared, 17, 1024, {}}, site(), groups());
        QVERIFY(!placed.ok());
        QVERIFY2(placed.error().message.contains(u"s1"_qs), qPrintable(placed.error().message));
        QVERIFY2(placed.error().message.contains(u"16 vCPU"_qs), qPrintable(placed.error().message));
    }

    void tieBreakIsDeterministic()
    {
        const QList<HostInfo> hosts{host(u"b"_qs, 4, 4096), host(u"a"_qs, 4, 4096)};
        const auto placed = Placement::place({u"acme"_qs, Tenancy::Shared, 1, 64, {}}, hosts, {});
        QVERIFY(placed.ok());
        QCOMPARE(*placed, u"a"_qs);
    }

    void validate_data()
    {
        QTest::addColumn<QList<HostGroup>>("groups");
        QTest::addColumn<QString>("error");
        QTest::newRow("the example site") << groups() << QString();
        QTest::newRow("no groups") << QList<HostGroup>{} << QString();
        QTest::newRow("host in two groups") << QList<HostGroup>{{u"a"_qs, Tenancy::Shared, {u"h"_qs}, {}},
                                                                {u"b"_qs, Tenancy::Shared, {u"h"_qs}, {}}}
                                            << u"group.host-twice"_qs;
        QTest::newRow("exclusive for two tenants")
            << QList<HostGroup>{{u"x"_qs, Tenancy::Exclusive, {u"h"_qs}, {u"t1"_qs, u"t2"_qs}}}
            << u"group.exclusive"_qs;
        QTest::newRow("group-shared without tenants")
            << QList<HostGroup>{{u"g"_qs, Tenancy::GroupShared, {u"h"_qs}, {}}} << u"group.tenants"_qs;
        QTest::newRow("duplicate name")
            << QList<HostGroup>{{u"g"_qs, Tenancy::Shared, {}, {}}, {u"g"_qs, Tenancy::Shared, {}, {}}}
            << u"group.duplicate"_qs;
        QTest::newRow("empty name") << QList<HostGroup>{{u" "_qs, Tenancy::Shared, {}, {}}}
                                    << u"group.name"_qs;
    }

    void validate()
    {
        QFETCH(QList<HostGroup>, groups);
        QFETCH(QString, error);
        const auto valid = Placement::validate(groups);
        if (error.isEmpty())
            QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : valid.error().message));
        else
            QCOMPARE(valid.ok() ? QString() : valid.error().code, error);
    }
};

QTEST_GUILESS_MAIN(TestPlacement)
#include "tst_placement.moc"
