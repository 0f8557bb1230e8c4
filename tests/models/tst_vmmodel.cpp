#include "hostmodel.h"
#include "vmmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cloudex::connect;
using cloudex::models::HostModel;
using cloudex::models::VmModel;

namespace {
VmInfo vm(const QString &name, const QString &tenant, VmState state = VmState::Running,
          const QString &host = u"host1"_qs)
{
    VmInfo v;
    v.name = name;
    v.tenant = tenant;
    v.host = host;
    v.state = state;
    v.vcpus = 2;
    v.memoryMiB = 4096;
    v.templateName = u"debian-12.img"_qs;
    return v;
}

QList<VmInfo> many(int count)
{
    QList<VmInfo> vms;
    for (int i = 0; i < count; ++i)
        vms.append(vm(u"vm-%1"_qs.arg(i, 4, 10, QLatin1Char('0')), i % 2 ? u"acme"_qs : u"globex"_qs));
    return vms;
}
} // namespace

class TestVmModel : public QObject
{
    Q_OBJECT

private slots:
    void updatesAreBatchedNotReset()
    {
        VmModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<VmInfo> vms = many(100);
        model.setVms(vms);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.columnCount(), int(VmModel::ColumnCount));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        vms[10].state = VmState::Stopped;
        vms[20].state = VmState::Stopped;
        model.setVms(vms);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1); // one span over rows 10..20
        QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 10);
        QCOMPARE(changed.constFirst().at(1).toModelIndex().row(), 20);
        QCOMPARE(model.index(10, VmModel::State).data(VmModel::RawDataRole).toString(), u"stopped"_qs);

        // The same data again: no signal at all.
        changed.clear();
        model.setVms(vms);
        QCOMPARE(changed.size(), 0);

        vms.removeAt(5);
        vms.append(vm(u"new"_qs, u"acme"_qs));
        model.setVms(vms);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.vmAt(99)->name, u"new"_qs);
        QCOMPARE(model.rowOf(u"vm-0005"_qs), -1);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<int>("rows");
        QTest::newRow("all") << QString() << QString() << 6;
        QTest::newRow("by tenant") << QString() << u"acme"_qs << 3;
        QTest::newRow("by name") << u"web"_qs << QString() << 2;
        QTest::newRow("by state") << u"stopped"_qs << QString() << 1;
        QTest::newRow("by host") << u"host2"_qs << QString() << 1;
        QTest::newRow("case-insensitive") << u"WEB"_qs << u"acme"_qs << 1;
        QTest::newRow("nothing") << u"zzz"_qs << QString() << 0;
    }

    void filters()
    {
        QFETCH(QString, text);
        QFETCH(QString, tenant);
        QFETCH(int, rows);
        VmModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setVms({vm(u"web-1"_qs, u"acme"_qs), vm(u"web-2"_qs, u"globex"_qs),
                      vm(u"db-1"_qs, u"acme"_qs, VmState::Stopped), vm(u"db-2"_qs, u"globex"_qs),
                      vm(u"cache"_qs, u"acme"_qs, VmState::Running, u"host2"_qs),
                      vm(u"batch"_qs, u"initech"_qs)});
        model.setFilterText(text);
        model.setTenantFilter(tenant);
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(model.totalCount(), 6);
        // Updates keep honouring the filter.
        model.setVms({vm(u"web-1"_qs, u"acme"_qs), vm(u"web-3"_qs, u"acme"_qs)});
        for (int row = 0; row < model.rowCount(); ++row) {
            if (!tenant.isEmpty())
                QCOMPARE(model.vmAt(row)->tenant, tenant);
        }
    }

    void sorts()
    {
        VmModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<VmInfo> vms{vm(u"b"_qs, u"t"_qs), vm(u"a"_qs, u"t"_qs), vm(u"c"_qs, u"t"_qs)};
        vms[0].memoryMiB = 1;
        model.setVms(vms);
        model.sort(VmModel::Name, Qt::DescendingOrder);
        QCOMPARE(model.vmAt(0)->name, u"c"_qs);
        model.sort(VmModel::Memory, Qt::AscendingOrder);
        QCOMPARE(model.vmAt(0)->name, u"b"_qs);
        // New rows join the sort order.
        model.sort(VmModel::Name, Qt::AscendingOrder);
        vms.append(vm(u"0-first"_qs, u"t"_qs));
        model.setVms(vms);
        QCOMPARE(model.vmAt(0)->name, u"0-first"_qs);
    }

    void hosts()
    {
        HostModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        HostInfo a;
        a.id = u"host1"_qs;
        a.online = true;
        a.cpus = 16;
        a.memoryMiB = 65536;
        a.usedVcpus = 4;
        a.usedMemoryMiB = 32768;
        HostInfo b = a;
        b.id = u"host2"_qs;
        b.online = false;
        model.setHosts({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, HostModel::Utilisation).data(HostModel::UtilisationRole).toInt(), 50);
        QCOMPARE(model.index(0, HostModel::Cpu).data().toString(), u"4 / 16 vCPU"_qs);
        QCOMPARE(model.index(1, HostModel::Status).data().toString(), u"offline"_qs);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        a.usedVcpus = 16;
        model.setHosts({a, b});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.index(0, HostModel::Utilisation).data(HostModel::UtilisationRole).toInt(), 100);
        model.setHosts({b});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.hostAt(0)->id, u"host2"_qs);
    }
};

QTEST_GUILESS_MAIN(TestVmModel)
#include "tst_vmmodel.moc"
