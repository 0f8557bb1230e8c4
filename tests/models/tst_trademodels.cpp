// The tape, own fills and own orders: the three list models a live feed appends to and
// merges into.
#include "contractmodel.h"
#include "fillmodel.h"
#include "ordermodel.h"
#include "tradetapemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace cloudex;
using cloudex::models::ContractModel;
using cloudex::models::FillModel;
using cloudex::models::OrderModel;
using cloudex::models::TradeTapeModel;

namespace {
/// Parses as the session does; a fixture the parser refuses is a broken test.
template<typename T>
T read(const QJsonObject &o)
{
    auto parsed = T::fromJson(o, api::ParseMode::Lenient);
    if (!parsed)
        qFatal("fixture refused: %s %s", qPrintable(parsed.error().code), qPrintable(parsed.error().field));
    return std::move(parsed).value();
}

desk::TradeRecord trade(qint64 id, qint64 price, qint64 quantity, const char *aggressor = "buy")
{
    // As the API sends it, through the same parser the session uses.
    return read<desk::TradeRecord>(QJsonObject{{u"id"_qs, id},
                                                   {u"seq"_qs, id},
                                                   {u"symbol"_qs, u"DE.GP2.SH.S1.H2026-12-01T15"_qs},
                                                   {u"price"_qs, price},
                                                   {u"quantity"_qs, quantity},
                                                   {u"aggressor"_qs, QString::fromLatin1(aggressor)},
                                                   {u"time"_qs, 1'796'134'800 + id}});
}

desk::OrderRecord order(qint64 id, qint64 price, qint64 remaining)
{
    return read<desk::OrderRecord>(QJsonObject{{u"id"_qs, id},
                                                   {u"symbol"_qs, u"DE.GP2.SH.S1.H2026-12-01T15"_qs},
                                                   {u"side"_qs, u"buy"_qs},
                                                   {u"price"_qs, price},
                                                   {u"remaining"_qs, remaining},
                                                   {u"clientOrderId"_qs, u"c-%1"_qs.arg(id)}});
}
} // namespace

class TestTradeModels : public QObject
{
    Q_OBJECT

private slots:
    void tapeShowsNewestFirstAndAppendsInOneInsert()
    {
        TradeTapeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrades({trade(1, 1000, 1), trade(2, 1010, 2)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, TradeTapeModel::Price).data().toString(), u"0.1010"_qs);
        QCOMPARE(model.index(0, TradeTapeModel::Time).data().toString(), u"14:20:02"_qs);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.appendTrades({trade(3, 1020, 1), trade(4, 990, 5, "sell")});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, TradeTapeModel::Quantity).data(TradeTapeModel::RawDataRole).toLongLong(), 5);
        QCOMPARE(model.index(0, TradeTapeModel::Aggressor).data(TradeTapeModel::RawDataRole).toString(),
                 u"sell"_qs);
        QCOMPARE(model.index(3, TradeTapeModel::Price).data(TradeTapeModel::RawDataRole).toLongLong(), 1000);
    }

    void tapeKeepsItsCapacity()
    {
        TradeTapeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(3);
        model.setTrades({trade(1, 1000, 1), trade(2, 1000, 1)});
        model.appendTrades({trade(3, 1000, 1), trade(4, 1000, 1)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowAt(0)->id, 4);
        QCOMPARE(model.rowAt(2)->id, 2);
    }

    void fillsNewestFirst()
    {
        FillModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QJsonObject fill{{u"id"_qs, 7},
                         {u"seq"_qs, 9},
                         {u"symbol"_qs, u"DE.GP2.SH.S1.H2026-12-01T15"_qs},
                         {u"price"_qs, 1250},
                         {u"quantity"_qs, 3},
                         {u"aggressor"_qs, u"sell"_qs},
                         {u"time"_qs, 1'796'134'800},
                         {u"side"_qs, u"buy"_qs},
                         {u"counterparty"_qs, u"p-globex"_qs},
                         {u"orderId"_qs, 12},
                         {u"contractId"_qs, u"c-000003"_qs}};
        model.setFills({read<desk::FillRecord>(fill)});
        fill[u"id"_qs] = 8;
        fill[u"price"_qs] = 1300;
        model.appendFills({read<desk::FillRecord>(fill)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, FillModel::Price).data().toString(), u"0.1300"_qs);
        QCOMPARE(model.index(1, FillModel::Counterparty).data().toString(), u"p-globex"_qs);
        QCOMPARE(model.index(1, FillModel::Contract).data().toString(), u"c-000003"_qs);
        QCOMPARE(model.index(1, FillModel::Side).data().toString(), u"bought"_qs);
    }

    void ordersMergeById()
    {
        OrderModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrders({order(1, 1000, 5), order(2, 1100, 5), order(3, 1200, 5)});
        QCOMPARE(model.rowCount(), 3);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        // Order 2 filled partly, order 1 cancelled, order 4 new.
        model.setOrders({order(2, 1100, 2), order(3, 1200, 5), order(4, 900, 1)});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowOf(2), 0);
        QCOMPARE(model.index(0, OrderModel::Remaining).data().toString(), u"2"_qs);
        QCOMPARE(model.index(2, OrderModel::Id).data(OrderModel::OrderIdRole).toLongLong(), 4);
        QCOMPARE(model.index(2, OrderModel::Price).data().toString(), u"0.0900"_qs);
        QCOMPARE(model.index(2, OrderModel::ClientOrderId).data().toString(), u"c-4"_qs);
    }

    void contractsMergeByIdAndShowOurSide()
    {
        ContractModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setParticipant(u"p-acme"_qs);
        desk::ContractRecord c;
        c.id = u"c-000001"_qs;
        c.symbol = u"DE.GP2.SH.S1.H2026-12-01T15"_qs;
        c.buyer = u"p-acme"_qs;
        c.seller = u"p-globex"_qs;
        c.quantity = 4;
        c.price = 1250;
        c.deliveryStart = 1'796'137'200;
        c.deliveryEnd = 1'796'140'800;
        c.state = api::ContractState::Scheduled;
        desk::ContractRecord sold = c;
        sold.id = u"c-000002"_qs;
        sold.buyer = u"p-initech"_qs;
        sold.seller = u"p-acme"_qs;
        model.setContracts({c, sold});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ContractModel::Side).data().toString(), u"bought"_qs);
        QCOMPARE(model.index(0, ContractModel::Counterparty).data().toString(), u"p-globex"_qs);
        QCOMPARE(model.index(1, ContractModel::Side).data(ContractModel::RawDataRole).toString(), u"sell"_qs);
        QCOMPARE(model.index(1, ContractModel::Counterparty).data().toString(), u"p-initech"_qs);
        QCOMPARE(model.index(0, ContractModel::Delivery).data().toString(), u"1 Dec 2026 15:00 – 16:00"_qs);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        c.state = api::ContractState::Active;
        model.setContracts({c, sold});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.index(0, ContractModel::State).data().toString(), u"active"_qs);
    }
};

QTEST_GUILESS_MAIN(TestTradeModels)
#include "tst_trademodels.moc"
