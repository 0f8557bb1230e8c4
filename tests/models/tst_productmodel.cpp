#include "productmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cloudex::catalogue;
using cloudex::models::ProductModel;

class TestProductModel : public QObject
{
    Q_OBJECT

private slots:
    void listsEveryProduct()
    {
        ProductModel model(Catalogue::standard());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(Catalogue::standard().products().size()));
        QCOMPARE(model.columnCount(), int(ProductModel::ColumnCount));
        QCOMPARE(model.index(0, ProductModel::SymbolColumn).data().toString(), u"DE.GP1.SH.S1"_qs);
        QCOMPARE(model.index(0, ProductModel::AvailabilityColumn).data().toString(), u"99.5 %"_qs);
        QCOMPARE(model.index(0, ProductModel::RegionColumn).data().toString(), u"Germany"_qs);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("cls");
        QTest::addColumn<int>("tenancy"); // -1: any
        QTest::addColumn<int>("sla");     // -1: any
        QTest::addColumn<int>("rows");

        const int classes = int(Catalogue::standard().instanceClasses().size());
        const int regions = int(Catalogue::standard().regions().size());
        QTest::newRow("no filter") << QString() << QString() << -1 << -1 << regions * classes * 9;
        QTest::newRow("region") << u"DE"_qs << QString() << -1 << -1 << classes * 9;
        QTest::newRow("region and class") << u"DE"_qs << u"GP2"_qs << -1 << -1 << 9;
        QTest::newRow("one product") << u"DE"_qs << u"GP2"_qs << int(Tenancy::Exclusive) << int(SlaClass::S3) << 1;
        QTest::newRow("sla everywhere") << QString() << QString() << -1 << int(SlaClass::S2) << regions * classes * 3;
        QTest::newRow("nothing matches") << u"XX"_qs << QString() << -1 << -1 << 0;
    }

    void filters()
    {
        QFETCH(QString, region);
        QFETCH(QString, cls);
        QFETCH(int, tenancy);
        QFETCH(int, sla);
        QFETCH(int, rows);

        ProductModel model(Catalogue::standard());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ProductModel::Filter filter;
        filter.regionCode = region;
        filter.classCode = cls;
        if (tenancy >= 0)
            filter.tenancy = Tenancy(tenancy);
        if (sla >= 0)
            filter.sla = SlaClass(sla);
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), rows);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(filter.accepts(model.productAt(row)));
        if (rows == 1)
            QCOMPARE(model.index(0, 0).data(ProductModel::ProductRole).toString(), u"DE.GP2.EX.S3"_qs);
    }
};

QTEST_GUILESS_MAIN(TestProductModel)
#include "tst_productmodel.moc"
