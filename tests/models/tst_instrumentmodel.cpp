#include "instrumentmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QLocale>
#include <QTest>

using namespace cloudex;
using cloudex::models::InstrumentModel;

namespace {
desk::InstrumentRecord instrument(const QString &product, const QString &period, const QString &kind,
                                  qint64 start)
{
    return *desk::InstrumentRecord::fromJson(QJsonObject{{u"symbol"_qs, QString(product + u'.' + period)},
                                                        {u"product"_qs, product},
                                                        {u"kind"_qs, kind},
                                                        {u"deliveryStart"_qs, start},
                                                        {u"deliveryEnd"_qs, start + 3600},
                                                        {u"lotSize"_qs, 1},
                                                        {u"bandLow"_qs, 1},
                                                        {u"bandHigh"_qs, 100000}});
}
} // namespace

class TestInstrumentModel : public QObject
{
    Q_OBJECT

private slots:
    void filtersByProductAndMergesQuotes()
    {
        InstrumentModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString de = u"DE.GP2.SH.S1"_qs;
        const QString fr = u"FR.GP2.SH.S1"_qs;
        model.setInstruments({instrument(de, u"H2026-12-01T16"_qs, u"H"_qs, 1'796'140'800),
                              instrument(de, u"H2026-12-01T15"_qs, u"H"_qs, 1'796'137'200),
                              instrument(fr, u"H2026-12-01T15"_qs, u"H"_qs, 1'796'137'200),
                              instrument(de, u"D2026-12-02"_qs, u"D"_qs, 1'796'169'600)});
        QCOMPARE(model.rowCount(), 4);
        model.setProductFilter(de);
        QCOMPARE(model.rowCount(), 3);
        // Ordered by delivery start: the front hour first.
        QCOMPARE(model.index(0, InstrumentModel::Symbol).data().toString(),
                 u"DE.GP2.SH.S1.H2026-12-01T15"_qs);
        QCOMPARE(model.index(0, InstrumentModel::Starts).data().toString(), u"1 Dec 2026 15:00"_qs);
        // German reads German dates.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(model.index(0, InstrumentModel::Starts).data().toString(), u"01.12.26 15:00"_qs);
        QLocale::setDefault(before);
        QCOMPARE(model.index(2, InstrumentModel::Period).data().toString(), u"D"_qs);
        QCOMPARE(model.index(2, InstrumentModel::Period).data(Qt::ToolTipRole).toString(), u"day"_qs);
        QCOMPARE(model.index(0, InstrumentModel::Bid).data().toString(), u"–"_qs);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setQuotes({desk::CurvePointRecord{u"DE.GP2.SH.S1.H2026-12-01T15"_qs, u"H"_qs, 1'796'137'200,
                                                1250, 1200, 1300}});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, InstrumentModel::Last).data().toString(), u"0.1250"_qs);
        QCOMPARE(model.index(0, InstrumentModel::Ask).data(InstrumentModel::RawDataRole).toLongLong(), 1300);

        // Days only, then all periods again.
        model.setKindFilter(u"D"_qs);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, InstrumentModel::Symbol).data().toString(), u"DE.GP2.SH.S1.D2026-12-02"_qs);
        model.setKindFilter({});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, InstrumentModel::Last).data().toString(), u"0.1250"_qs);

        // The front hour closes: one row leaves.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setInstruments({instrument(de, u"H2026-12-01T16"_qs, u"H"_qs, 1'796'140'800),
                              instrument(de, u"D2026-12-02"_qs, u"D"_qs, 1'796'169'600)});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(u"DE.GP2.SH.S1.D2026-12-02"_qs), 1);
    }
};

QTEST_GUILESS_MAIN(TestInstrumentModel)
#include "tst_instrumentmodel.moc"
