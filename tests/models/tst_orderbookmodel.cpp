#include "orderbookmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using cloudex::desk::BookLevel;
using cloudex::desk::BookRecord;
using cloudex::models::OrderBookModel;

class TestOrderBookModel : public QObject
{
    Q_OBJECT

    static BookRecord book(QList<BookLevel> bids, QList<BookLevel> asks)
    {
        return BookRecord{u"DE.GP2.SH.S1.H2026-12-01T15"_qs, 1, std::move(bids), std::move(asks)};
    }

private slots:
    void ladderPutsAsksAboveBids()
    {
        OrderBookModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBook(book({{1200, 5, 1}, {1100, 10, 2}}, {{1300, 3, 1}, {1400, 20, 4}}));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(OrderBookModel::ColumnCount));
        // Worst ask on top, best ask just above the best bid.
        QCOMPARE(model.index(0, OrderBookModel::Price).data().toString(), u"0.1400"_qs);
        QCOMPARE(model.index(1, OrderBookModel::Price).data().toString(), u"0.1300"_qs);
        QCOMPARE(model.index(2, OrderBookModel::Price).data().toString(), u"0.1200"_qs);
        QCOMPARE(model.bestBidRow(), 2);
        QCOMPARE(model.index(2, OrderBookModel::BidQuantity).data().toString(), u"5"_qs);
        QVERIFY(!model.index(2, OrderBookModel::AskQuantity).data().isValid());
        QCOMPARE(model.index(0, OrderBookModel::AskOrders).data(OrderBookModel::RawDataRole).toLongLong(), 4);
        // Size bars: the largest level is the full width.
        QCOMPARE(model.index(0, OrderBookModel::AskQuantity).data(OrderBookModel::DepthRole).toDouble(), 1.0);
        QCOMPARE(model.index(3, OrderBookModel::BidQuantity).data(OrderBookModel::DepthRole).toDouble(), 0.5);
        QCOMPARE(model.index(3, OrderBookModel::BidQuantity).data(OrderBookModel::SideRole).toString(),
                 u"bid"_qs);
    }

    void sameShapeIsOneDataChanged()
    {
        OrderBookModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBook(book({{1200, 5, 1}, {1100, 10, 2}}, {{1300, 20, 1}}));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setBook(book({{1200, 7, 2}, {1100, 10, 2}}, {{1300, 20, 1}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        // Nothing changed: no signal.
        model.setBook(book({{1200, 7, 2}, {1100, 10, 2}}, {{1300, 20, 1}}));
        QCOMPARE(changed.count(), 1);
    }

    void levelsComeAndGoWithoutReset()
    {
        OrderBookModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setBook(book({{1200, 5, 1}}, {}));
        QCOMPARE(model.rowCount(), 1);
        model.setBook(book({{1200, 5, 1}}, {{1300, 1, 1}, {1350, 2, 1}}));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, OrderBookModel::BidQuantity).data().toString(), u"5"_qs);
        model.setBook(book({}, {}));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOrderBookModel)
#include "tst_orderbookmodel.moc"
