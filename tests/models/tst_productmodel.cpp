#include "productmodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

#include <climits>

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

    void changeIsRoundedInBasisPoints_data()
    {
        QTest::addColumn<qint64>("before");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<int>("basisPoints"); // INT_MIN: no change shown
        QTest::newRow("flat") << qint64(1250) << qint64(1250) << 0;
        QTest::newRow("up 10 %") << qint64(1000) << qint64(1100) << 1000;
        QTest::newRow("down, half away from zero") << qint64(3000) << qint64(2999) << -3;
        QTest::newRow("up, half away from zero") << qint64(2000) << qint64(2001) << 5;
        QTest::newRow("no earlier sample") << qint64(0) << qint64(1250) << INT_MIN;
        QTest::newRow("never traded") << qint64(0) << qint64(0) << INT_MIN;
    }

    void changeIsRoundedInBasisPoints()
    {
        QFETCH(qint64, before);
        QFETCH(qint64, now);
        QFETCH(int, basisPoints);
        const auto change = ProductModel::changeBasisPoints({u"DE.GP1.SH.S1"_qs, now, before, 0});
        QCOMPARE(change.has_value(), basisPoints != INT_MIN);
        if (change)
            QCOMPARE(*change, qint64(basisPoints));
    }

    void figuresAndSortingKeepTheSelection()
    {
        ProductModel model(Catalogue::standard());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ProductModel::Filter filter;
        filter.regionCode = u"DE"_qs;
        filter.classCode = u"GP2"_qs;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(model.index(0, ProductModel::SpotColumn).data().toString(), u"–"_qs);
        QHash<QString, cloudex::api::ProductSummary> figures;
        figures.insert(u"DE.GP2.SH.S2"_qs, {u"DE.GP2.SH.S2"_qs, 1300, 1000, 40});
        figures.insert(u"DE.GP2.EX.S3"_qs, {u"DE.GP2.EX.S3"_qs, 2600, 2800, 7});
        figures.insert(u"FR.GP2.SH.S1"_qs, {u"FR.GP2.SH.S1"_qs, 900, 900, 1000}); // filtered out
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSummaries(figures);
        QCOMPARE(changed.size(), 1);
        const int s2 = model.rowOf(u"DE.GP2.SH.S2"_qs);
        QCOMPARE(model.index(s2, ProductModel::SpotColumn).data().toString(), u"0.1300"_qs);
        QCOMPARE(model.index(s2, ProductModel::ChangeColumn).data().toString(), u"+30.0 %"_qs);
        QCOMPARE(model.index(s2, ProductModel::VolumeColumn).data().toString(), u"40"_qs);
        QVERIFY(model.index(s2, ProductModel::ChangeColumn).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(model.rowOf(u"DE.GP2.EX.S3"_qs), ProductModel::ChangeColumn).data().toString(),
                 u"-7.1 %"_qs);

        // A selected row follows its product through a sort.
        const QPersistentModelIndex selected = model.index(model.rowOf(u"DE.GP2.EX.S3"_qs), 0);
        model.sort(ProductModel::VolumeColumn, Qt::DescendingOrder);
        QCOMPARE(model.productAt(0).symbol(), u"DE.GP2.SH.S2"_qs);
        QCOMPARE(model.productAt(1).symbol(), u"DE.GP2.EX.S3"_qs);
        QCOMPARE(selected.row(), 1);
        QCOMPARE(selected.data(ProductModel::ProductRole).toString(), u"DE.GP2.EX.S3"_qs);
        model.sort(ProductModel::ChangeColumn, Qt::AscendingOrder);
        QCOMPARE(model.productAt(0).symbol(), u"DE.GP2.EX.S3"_qs);
        QCOMPARE(model.productAt(1).symbol(), u"DE.GP2.SH.S2"_qs);
        // Products without figures last, in catalogue order, whichever the direction.
        QCOMPARE(model.productAt(2).symbol(), u"DE.GP2.SH.S1"_qs);
        model.sort(ProductModel::ChangeColumn, Qt::DescendingOrder);
        QCOMPARE(model.productAt(2).symbol(), u"DE.GP2.SH.S1"_qs);
        // Back to the catalogue's order; new figures re-sort a sorted column.
        model.sort(ProductModel::SpotColumn, Qt::DescendingOrder);
        QCOMPARE(model.productAt(0).symbol(), u"DE.GP2.EX.S3"_qs);
        figures[u"DE.GP2.SH.S2"_qs].spot = 5000;
        model.setSummaries(figures);
        QCOMPARE(model.productAt(0).symbol(), u"DE.GP2.SH.S2"_qs);
        model.sort(ProductModel::ProductColumn, Qt::AscendingOrder);
        QCOMPARE(model.productAt(0).symbol(), u"DE.GP2.SH.S1"_qs);
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
        QTest::newRow("one product") << u"DE"_qs << u"GP2"_qs << int(Tenancy::Exclusive) << int(SlaClass::S3)
                                     << 1;
        QTest::newRow("sla everywhere")
            << QString() << QString() << -1 << int(SlaClass::S2) << regions * classes * 3;
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
