// The single pane's model: filter, facets, grouping with totals, sort, and batched updates
// that never reset the model, checked against a plain reference computed from the same VMs.
#include "panemodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using cloudex::models::PaneModel;
using cloudex::models::PaneSource;
using cloudex::models::PaneVm;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kStart = 1'800'000'000; // a whole hour
constexpr qint64 kNow = kStart + 1800;

PaneSource contract(const QString &id, const QString &seller, const QString &product = u"DE.GP2.SH.S1"_s,
                    qint64 price = 3600)
{
    return {id, id, seller, u"site of "_s + seller, product, price, kStart, kStart + 3 * 3600};
}

PaneVm vm(const QString &name, const QString &state = u"running"_s, int vcpus = 2,
          qint64 runningSince = kStart)
{
    return {name, state, vcpus, qint64(vcpus) * 2048, state == u"running" ? runningSince : 0};
}

QStringList column(const PaneModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data().toString());
    return values;
}
} // namespace

class TestPaneModel : public QObject
{
    Q_OBJECT

    /// Two sellers, three contracts, seven VMs.
    void fill(PaneModel &model)
    {
        model.setNow(kNow);
        model.beginBatch();
        model.setSource(contract(u"c-000001"_s, u"p-alpha"_s));
        model.setSource(contract(u"c-000002"_s, u"p-alpha"_s, u"FR.GP2.EX.S2"_s, 7200));
        model.setSource(contract(u"c-000003"_s, u"p-beta"_s, u"DE.GP2.SH.S1"_s, 1800));
        model.resetVms(u"c-000001"_s,
                       {vm(u"web-1"_s), vm(u"web-2"_s, u"stopped"_s), vm(u"db-1"_s, u"running"_s, 4)});
        model.resetVms(u"c-000002"_s, {vm(u"batch-1"_s), vm(u"Batch-2"_s, u"creating"_s)});
        model.resetVms(u"c-000003"_s, {vm(u"web-1"_s), vm(u"cache-1"_s, u"running"_s, 1, kStart + 900)});
        model.endBatch();
    }

private slots:
    void showsEveryVmSortedByName()
    {
        PaneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(model);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.vmCount(), 7);
        QCOMPARE(column(model, PaneModel::Name),
                 (QStringList{u"batch-1"_s, u"Batch-2"_s, u"cache-1"_s, u"db-1"_s, u"web-1"_s, u"web-1"_s,
                              u"web-2"_s}));
        const int row = model.rowOf(u"c-000002"_s, u"batch-1"_s);
        QCOMPARE(model.index(row, PaneModel::Region).data().toString(), u"FR"_s);
        QCOMPARE(model.index(row, PaneModel::Tenancy).data().toString(), u"Exclusive"_s);
        QCOMPARE(model.index(row, PaneModel::SlaClass).data().toString(), u"S2"_s);
        QCOMPARE(model.index(row, PaneModel::Seller).data().toString(), u"p-alpha"_s);
        // 7200 ticks an hour, running for half an hour.
        QCOMPARE(model.index(row, PaneModel::Cost).data(PaneModel::CostTicksRole).toLongLong(), 3600);
        QCOMPARE(model.index(model.rowOf(u"c-000003"_s, u"cache-1"_s), PaneModel::Cost)
                     .data(PaneModel::CostTicksRole)
                     .toLongLong(),
                 450); // 1800 ticks an hour for 900 s
        QCOMPARE(model.index(model.rowOf(u"c-000001"_s, u"web-2"_s), PaneModel::Cost)
                     .data(PaneModel::CostTicksRole)
                     .toLongLong(),
                 0); // stopped
    }

    void filterAndFacetsNarrow()
    {
        PaneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(model);
        model.setFilterText(u"WEB"_s);
        QCOMPARE(column(model, PaneModel::Name), (QStringList{u"web-1"_s, u"web-1"_s, u"web-2"_s}));
        model.setFilterText(u"p-beta"_s); // a seller's name matches every row of its contracts
        QCOMPARE(column(model, PaneModel::Name), (QStringList{u"cache-1"_s, u"web-1"_s}));
        model.setFilterText(u"stopped"_s); // the state's text
        QCOMPARE(column(model, PaneModel::Name), QStringList{u"web-2"_s});
        model.setFilterText({});
        QCOMPARE(model.rowCount(), 7);

        QCOMPARE(model.facetValues(PaneModel::SellerFacet), (QStringList{u"p-alpha"_s, u"p-beta"_s}));
        QCOMPARE(model.facetValues(PaneModel::RegionFacet), (QStringList{u"DE"_s, u"FR"_s}));
        QCOMPARE(model.facetValues(PaneModel::StateFacet),
                 (QStringList{u"creating"_s, u"running"_s, u"stopped"_s}));
        model.setFacet(PaneModel::SellerFacet, {u"p-alpha"_s});
        QCOMPARE(model.rowCount(), 5);
        model.setFacet(PaneModel::RegionFacet, {u"DE"_s});
        QCOMPARE(column(model, PaneModel::Name), (QStringList{u"db-1"_s, u"web-1"_s, u"web-2"_s}));
        model.setFacet(PaneModel::StateFacet, {u"running"_s});
        QCOMPARE(column(model, PaneModel::Name), (QStringList{u"db-1"_s, u"web-1"_s}));
        model.setFacet(PaneModel::SellerFacet, {});
        model.setFacet(PaneModel::RegionFacet, {});
        model.setFacet(PaneModel::ContractFacet, {u"c-000003"_s});
        QCOMPARE(column(model, PaneModel::Name), (QStringList{u"cache-1"_s, u"web-1"_s}));
        model.setFacet(PaneModel::StateFacet, {});
        model.setFacet(PaneModel::ContractFacet, {});
        model.setFacet(PaneModel::TenancyFacet, {u"Exclusive"_s});
        QCOMPARE(column(model, PaneModel::Name), (QStringList{u"batch-1"_s, u"Batch-2"_s}));
    }

    /// The filter searches every name at once: a hit across two neighbouring names, or in
    /// the bytes of a VM that is gone, names no row; a reused row is found by its new name;
    /// a persistent index on a row the filter hides becomes invalid, one on a kept row follows.
    void filterSearchesNamesAsOneBuffer()
    {
        PaneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNow(kNow);
        model.setSource(contract(u"c-000001"_s, u"p-alpha"_s));
        model.resetVms(u"c-000001"_s, {vm(u"xab"_s), vm(u"cdx"_s), vm(u"gone-zz"_s), vm(u"keep"_s)});
        model.setFilterText(u"bc"_s); // "xab" + "cdx" side by side in the name buffer
        QCOMPARE(model.rowCount(), 0);
        model.updateVms(u"c-000001"_s, {vm(u"new-zz"_s)}, {u"gone-zz"_s});
        model.setFilterText(u"ZZ"_s);
        QCOMPARE(column(model, PaneModel::Name), QStringList{u"new-zz"_s});
        model.setFilterText({});
        const QPersistentModelIndex kept = model.index(model.rowOf(u"c-000001"_s, u"keep"_s), 0);
        const QPersistentModelIndex hidden = model.index(model.rowOf(u"c-000001"_s, u"xab"_s), 0);
        QVERIFY(kept.isValid() && hidden.isValid());
        model.setFilterText(u"KEEP"_s);
        QCOMPARE(column(model, PaneModel::Name), QStringList{u"keep"_s});
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data().toString(), u"keep"_s);
        QVERIFY(!hidden.isValid());
        // Longer than any name, and a needle whose last byte repeats inside it.
        model.setFilterText(u"keep-keep-keep"_s);
        QCOMPARE(model.rowCount(), 0);
        model.setFilterText(u"ee"_s);
        QCOMPARE(column(model, PaneModel::Name), QStringList{u"keep"_s});
    }

    /// A filter that only the text decides takes a shorter path (it reads only the rows that
    /// pass): over random VMs, states, removals and texts (names in any case, sellers, sites,
    /// states, nothing) it must show exactly the rows and totals of the general path, which a
    /// second model takes because a seller facet naming every seller is set.
    void textOnlyFilterAgreesWithTheGeneralPath()
    {
        QRandomGenerator random(20261202);
        const QStringList sellers{u"p-alpha"_s, u"p-beta"_s, u"p-gamma"_s};
        const QStringList states{u"running"_s, u"stopped"_s, u"creating"_s, u"scheduled"_s};
        const QStringList stems{u"web"_s, u"Web"_s, u"db"_s, u"cache"_s, u"batch"_s, u"WEB-db"_s};
        const QStringList texts{u"web"_s, u"WEB-1"_s,  u"eb-"_s,     u"db"_s,     u"-1"_s,   u"p-beta"_s,
                                u"ALPHA"_s, u"site of"_s, u"stopped"_s, u"sched"_s, u"zzz"_s,  u"c-00000"_s,
                                u"b-2"_s,  u"e"_s,        u"DE.GP2"_s,  u""_s};
        PaneModel fast;
        PaneModel general;
        QAbstractItemModelTester tester(&fast, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (PaneModel *model : {&fast, &general}) {
            model->setNow(kNow);
            for (int c = 0; c < 8; ++c) {
                model->setSource(contract(u"c-%1"_s.arg(c + 1, 6, 10, QChar(u'0')), sellers.at(c % 3),
                                          c % 2 ? u"FR.GP2.EX.S2"_s : u"DE.GP2.SH.S1"_s, 1800 * (c + 1)));
            }
        }
        general.setFacet(PaneModel::SellerFacet, sellers);
        const auto shown = [](const PaneModel &model) {
            QStringList rows;
            for (int row = 0; row < model.rowCount(); ++row)
                rows.append(model.sourceKeyAt(row) + u'/' + model.vmNameAt(row));
            return rows;
        };
        for (int round = 0; round < 60; ++round) {
            const QString key = u"c-%1"_s.arg(random.bounded(8) + 1, 6, 10, QChar(u'0'));
            QList<PaneVm> changed;
            for (int i = random.bounded(6); i > 0; --i) {
                changed.append(vm(stems.at(random.bounded(stems.size())) + u'-' + QString::number(random.bounded(5)),
                                  states.at(random.bounded(states.size())), 1 + random.bounded(4)));
            }
            QStringList removed;
            if (random.bounded(3) == 0)
                removed.append(stems.at(random.bounded(stems.size())) + u'-' + QString::number(random.bounded(5)));
            for (const QString &name : std::as_const(removed)) {
                changed.erase(std::remove_if(changed.begin(), changed.end(),
                                             [&name](const PaneVm &v) { return v.name == name; }),
                              changed.end());
            }
            const QString text = texts.at(random.bounded(texts.size()));
            for (PaneModel *model : {&fast, &general}) {
                model->beginBatch();
                model->updateVms(key, changed, removed);
                model->setFilterText(text);
                model->endBatch();
            }
            QCOMPARE(shown(fast), shown(general));
            QVERIFY2(fast.totals() == general.totals(), qPrintable(u"round %1, text %2"_s.arg(round).arg(text)));
            QCOMPARE(qint64(fast.rowCount()), fast.totals().vms);
        }
        QVERIFY(fast.totals().vms > 0);
    }

    void groupsCarryTheirTotals()
    {
        PaneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(model);
        model.setGrouping(PaneModel::Grouping::Seller);
        QCOMPARE(model.rowCount(), 9);
        QVERIFY(model.isGroupRow(0));
        // (The English plural forms come with the app's catalogue, not loaded here.)
        QVERIFY(model.index(0, PaneModel::Name).data().toString().startsWith(u"p-alpha (5 VM"_s));
        const PaneModel::Totals alpha = model.groupTotals(0);
        QCOMPARE(alpha.vms, 5);
        QCOMPARE(alpha.vcpus, 2 + 2 + 4 + 2 + 2);
        QCOMPARE(alpha.memoryMiB, 12 * 2048);
        // c-000001: web-1 and db-1 run for 1800 s at 3600 ticks/h; c-000002: batch-1 at 7200.
        QCOMPARE(alpha.costTicks, 1800 + 1800 + 3600);
        QVERIFY(model.isGroupRow(6));
        QVERIFY(model.index(6, PaneModel::Name).data().toString().startsWith(u"p-beta (2 VM"_s));
        QCOMPARE(model.groupTotals(6).costTicks, 900 + 450);
        QCOMPARE(model.index(6, PaneModel::Vcpus).data().toString(), u"3"_s);
        // The sum of a group's cells is its total.
        qint64 cost = 0;
        for (int row = 1; row < 6; ++row)
            cost += model.index(row, 0).data(PaneModel::CostTicksRole).toLongLong();
        QCOMPARE(cost, alpha.costTicks);

        // Totals follow the filter and updates.
        model.setFilterText(u"web"_s);
        QCOMPARE(model.groupTotals(0).vms, 2);
        model.updateVms(u"c-000001"_s, {vm(u"web-2"_s, u"running"_s, 2, kStart)});
        QCOMPARE(model.groupTotals(0).costTicks, 3600);
        model.setFilterText({});

        model.setGrouping(PaneModel::Grouping::Contract);
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(model.index(0, PaneModel::Name).data().toString().startsWith(u"c-000001 (3 VM"_s));
        QCOMPARE(model.index(0, PaneModel::Seller).data().toString(), u"p-alpha"_s);
        QCOMPARE(model.groupTotals(4).vms, 2);
        QCOMPARE(model.sourceKeyAt(4), u"c-000002"_s);
        QCOMPARE(model.totals().vms, 7);
    }

    void sortsOnEveryColumn()
    {
        PaneModel model;
        fill(model);
        model.sort(PaneModel::Vcpus, Qt::DescendingOrder);
        QCOMPARE(column(model, PaneModel::Name).constFirst(), u"db-1"_s);
        QCOMPARE(column(model, PaneModel::Name).constLast(), u"cache-1"_s);
        model.sort(PaneModel::Seller, Qt::DescendingOrder);
        QCOMPARE(column(model, PaneModel::Seller).constFirst(), u"p-beta"_s);
        // Ties go by name, in the column's direction.
        QCOMPARE(column(model, PaneModel::Name).mid(0, 2), (QStringList{u"web-1"_s, u"cache-1"_s}));
        model.sort(PaneModel::State, Qt::AscendingOrder);
        QCOMPARE(column(model, PaneModel::State).constFirst(), u"creating"_s);
        model.sort(PaneModel::Cost, Qt::DescendingOrder);
        QCOMPARE(column(model, PaneModel::Name).constFirst(), u"batch-1"_s);
    }

    void selectionFollowsMoves()
    {
        PaneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(model);
        model.sort(PaneModel::State);
        const QPersistentModelIndex web2 =
            model.index(model.rowOf(u"c-000001"_s, u"web-2"_s), PaneModel::Name);
        QCOMPARE(web2.data().toString(), u"web-2"_s);
        model.updateVms(u"c-000001"_s, {vm(u"web-2"_s, u"creating"_s)});
        QVERIFY(web2.isValid());
        QCOMPARE(web2.data().toString(), u"web-2"_s);
        QCOMPARE(web2.row(), model.rowOf(u"c-000001"_s, u"web-2"_s));
        model.updateVms(u"c-000001"_s, {}, {u"web-2"_s});
        QVERIFY(!web2.isValid());
        QCOMPARE(model.rowOf(u"c-000001"_s, u"web-2"_s), -1);
    }

    void batchedUpdatesNeverReset()
    {
        PaneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(model);
        model.setGrouping(PaneModel::Grouping::Seller);
        model.sort(PaneModel::State);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);

        // A reference: every VM as the sources hold it, keyed by contract and name.
        QMap<std::pair<QString, QString>, PaneVm> reference;
        const QStringList keys{u"c-000001"_s, u"c-000002"_s, u"c-000003"_s};
        model.beginBatch();
        for (const QString &key : keys)
            model.resetVms(key, {});
        model.endBatch();
        QCOMPARE(model.rowCount(), 0);
        auto *random = QRandomGenerator::global();
        const QStringList states{u"running"_s, u"stopped"_s, u"creating"_s, u"failed"_s};
        for (int round = 0; round < 40; ++round) {
            model.beginBatch();
            for (int change = 0; change < 25; ++change) {
                const QString key = keys.at(random->bounded(keys.size()));
                const QString name = u"vm-%1"_s.arg(random->bounded(60));
                if (random->bounded(5) == 0) {
                    model.updateVms(key, {}, {name});
                    reference.remove({key, name});
                } else {
                    const PaneVm v =
                        vm(name, states.at(random->bounded(states.size())), 1 + random->bounded(8));
                    model.updateVms(key, {v});
                    reference.insert({key, name}, v);
                }
            }
            model.endBatch();
            if (round % 10 == 3)
                model.setFilterText(round % 20 == 3 ? u"vm-1"_s : QString());

            // Same VMs, grouped by seller, each group ordered by state, then name.
            QCOMPARE(model.vmCount(), reference.size());
            qsizetype shown = 0;
            QString lastGroup;
            std::pair<QString, QString> last;
            for (int row = 0; row < model.rowCount(); ++row) {
                if (model.isGroupRow(row)) {
                    lastGroup = model.index(row, 0).data().toString();
                    last = {};
                    continue;
                }
                ++shown;
                const auto key = std::make_pair(model.sourceKeyAt(row), model.vmNameAt(row));
                QVERIFY(reference.contains(key));
                const PaneVm &v = reference.value(key);
                QCOMPARE(model.index(row, PaneModel::State).data().toString(), PaneModel::stateText(v.state));
                QCOMPARE(model.index(row, PaneModel::Vcpus).data().toString(), QString::number(v.vcpus));
                QVERIFY(lastGroup.startsWith(model.index(row, PaneModel::Seller).data().toString()));
                const std::pair<QString, QString> order{model.index(row, PaneModel::State).data().toString(),
                                                        v.name.toLower()};
                QVERIFY2(last <= order, qPrintable(order.first + u' ' + order.second));
                last = order;
            }
            qsizetype expected = 0;
            for (auto it = reference.cbegin(); it != reference.cend(); ++it)
                expected += model.filterText().isEmpty() || it.key().second.contains(model.filterText()) ||
                            it.value().state.contains(model.filterText());
            QCOMPARE(shown, expected);
            QCOMPARE(model.visibleVmCount(), expected);
        }
        QCOMPARE(resets.size(), 0);
        QVERIFY(layouts.size() > 0);
    }

    void staleSourcesAreMarked()
    {
        PaneModel model;
        fill(model);
        const int row = model.rowOf(u"c-000003"_s, u"cache-1"_s);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const qint64 lastAnswer = (kStart + 600) * 1000;
        model.setStale(u"c-000003"_s, true, lastAnswer);
        QVERIFY(changed.size() > 0);
        QVERIFY(model.index(row, 0).data(PaneModel::StaleRole).toBool());
        QCOMPARE(model.index(row, 0).data(PaneModel::LastAnswerRole).toLongLong(), lastAnswer);
        QVERIFY(model.index(row, PaneModel::State).data().toString().contains(u"stale since"_s));
        QVERIFY(!model.index(model.rowOf(u"c-000001"_s, u"web-1"_s), 0).data(PaneModel::StaleRole).toBool());
        // It stays in the view.
        QCOMPARE(model.rowCount(), 7);
        model.setStale(u"c-000003"_s, false, lastAnswer + 1000);
        QVERIFY(!model.index(row, 0).data(PaneModel::StaleRole).toBool());
    }

    void removingASourceRemovesItsVms()
    {
        PaneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(model);
        model.removeSource(u"c-000001"_s);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.facetValues(PaneModel::ContractFacet), (QStringList{u"c-000002"_s, u"c-000003"_s}));
        // Rows are reused and names compacted without mixing up the index.
        model.resetVms(u"c-000002"_s, {vm(u"new-1"_s)});
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.rowOf(u"c-000002"_s, u"new-1"_s) >= 0);
        QCOMPARE(model.rowOf(u"c-000002"_s, u"batch-1"_s), -1);
    }
};

QTEST_GUILESS_MAIN(TestPaneModel)
#include "tst_panemodel.moc"
