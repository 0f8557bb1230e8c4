// The Chargeback tab (issue #14) driven through its real widgets offscreen: customers added
// in the dialog, contracts assigned with the row's combo box, a VM charged elsewhere from the
// pane's "Charge to" menu, the statement and the chart showing the hand-computed amounts, CSV
// export read back, and the refusal to remove a customer still in use. The statements are
// read and computed on the page's reader thread: the GUI thread runs meanwhile, and an answer
// overtaken by a later request is dropped.
#include "chargebackpage.h"
#include "chartstyle.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <tuple>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace cloudex;
using namespace cloudex::manage;
using cloudex::ui::ChargebackPage;
using cloudex::ui::CustomerDialog;

namespace {
const Month kMarch{2026, 3};

/// Answers the next modal dialog with `act` once it is open.
void whenModal(std::function<void(QWidget *)> act)
{
    QTimer::singleShot(0, [act] {
        QWidget *modal = nullptr;
        QTest::qWaitFor([&] { return (modal = QApplication::activeModalWidget()) != nullptr; }, 5000);
        if (modal)
            act(modal);
    });
}

void fillCustomer(QWidget *dialog, const QString &id, const QString &name, int plan, const QString &rate,
                  double markup)
{
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("customerId")), id);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("customerName")), name);
    dialog->findChild<QComboBox *>(QStringLiteral("customerPlan"))->setCurrentIndex(plan);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("customerRate")), rate);
    dialog->findChild<QDoubleSpinBox *>(QStringLiteral("customerMarkup"))->setValue(markup);
}

QPushButton *okButton(QWidget *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}
} // namespace

class TestChargebackPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ChargebackPage> m_page;

    template<typename T> T *child(const QString &name) const
    {
        auto *w = m_page->findChild<T *>(name);
        if (!w)
            qFatal("no %s", qPrintable(name));
        return w;
    }

    /// Waits for the reader's answer to the last reload.
    bool settle() const
    {
        return QTest::qWaitFor([this] { return !m_page->isComputing(); }, 20000);
    }

    int customerRow(const QString &id) const
    {
        auto *t = child<QTableWidget>(QStringLiteral("chargebackCustomers"));
        for (int row = 0; row < t->rowCount(); ++row) {
            if (t->item(row, 0)->text() == id)
                return row;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        // What the sites reported and the contracts' prices, in the real store.
        ChargebackStore store;
        QVERIFY(store.open(m_dir.path()));
        QVERIFY(store.saveContract({QStringLiteral("c-1"), QStringLiteral("P"), 1500}));
        QVERIFY(store.saveContract({QStringLiteral("c-2"), QStringLiteral("P"), 2000}));
        const qint64 t0 = kMarch.start();
        QVERIFY(
            store.replaceUsage(QStringLiteral("c-1"), {{t0, QStringLiteral("web-1"), 3600, 0, 0},
                                                       {t0 + 3600, QStringLiteral("web-1"), 1800, 0, 0},
                                                       {t0 + 7200, QStringLiteral("web-1"), 1, 0, 0},
                                                       {t0 + 86400, QStringLiteral("web-2"), 3600, 0, 0}}));
        QVERIFY(store.replaceUsage(QStringLiteral("c-2"), {{t0 + 86400, QStringLiteral("db-1"), 3600, 0, 0},
                                                           {t0 + 90000, QStringLiteral("db-1"), 3600, 0, 0},
                                                           {t0 + 93600, QStringLiteral("db-1"), 901, 0, 0}}));
        m_page = std::make_unique<ChargebackPage>(nullptr, nullptr, m_dir.path());
        m_page->resize(1200, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QVERIFY(settle());
    }

    void monthIsChosenFromTheStoredUsage()
    {
        auto *combo = child<QComboBox>(QStringLiteral("chargebackMonth"));
        const int march = combo->findData(QStringLiteral("2026-03"));
        QVERIFY(march >= 0);
        combo->setCurrentIndex(march);
        emit combo->activated(march);
        QVERIFY(settle());
        QCOMPARE(m_page->month(), kMarch);
        QVERIFY(child<QLabel>(QStringLiteral("chargebackTotals"))
                    ->text()
                    .contains(QStringLiteral("Add a customer")));
    }

    void customersAreAddedInTheDialog()
    {
        // A rate with five decimals is refused in the dialog, which stays open.
        bool refused = false;
        whenModal([&](QWidget *dialog) {
            fillCustomer(dialog, QStringLiteral("acme"), QStringLiteral("ACME, Web"), 0,
                         QStringLiteral("0.25001"), 0);
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
            refused = dialog->isVisible() &&
                      !dialog->findChild<QLabel *>(QStringLiteral("customerError"))->text().isEmpty();
            auto *rate = dialog->findChild<QLineEdit *>(QStringLiteral("customerRate"));
            rate->clear();
            QTest::keyClicks(rate, QStringLiteral("0.25"));
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        });
        QTest::mouseClick(child<QPushButton>(QStringLiteral("chargebackAddCustomer")), Qt::LeftButton);
        QVERIFY(refused);
        QVERIFY(settle());
        whenModal([](QWidget *dialog) {
            fillCustomer(dialog, QStringLiteral("beta"), QStringLiteral("Beta"), 1, QString(), 10.0);
            QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        });
        QTest::mouseClick(child<QPushButton>(QStringLiteral("chargebackAddCustomer")), Qt::LeftButton);
        QVERIFY(settle());
        QCOMPARE(child<QTableWidget>(QStringLiteral("chargebackCustomers"))->rowCount(), 2);
        // The customer just added is the one shown.
        QCOMPARE(m_page->shownCustomer(), QStringLiteral("beta"));
        const auto customers = m_page->store().customers();
        QCOMPARE(customers->at(0), (Customer{QStringLiteral("acme"), QStringLiteral("ACME, Web"),
                                             PricePlan{PlanKind::Fixed, 2500, 0, 0, 0}}));
        QCOMPARE(customers->at(1).plan, (PricePlan{PlanKind::CostPlus, 0, 1000, 0, 0}));
    }

    void contractsAreAssignedAndStatementsShown()
    {
        // The customer column is edited in place: a combo box while the cell is edited.
        auto *contracts = child<QTableWidget>(QStringLiteral("chargebackContracts"));
        for (const auto &[contract, customer, name] :
             {std::tuple{QStringLiteral("c-1"), QStringLiteral("acme"), QStringLiteral("ACME, Web")},
              std::tuple{QStringLiteral("c-2"), QStringLiteral("beta"), QStringLiteral("Beta")}}) {
            int row = -1;
            for (int r = 0; r < contracts->rowCount(); ++r) {
                if (contracts->item(r, 0)->text() == contract)
                    row = r;
            }
            QVERIFY(row >= 0);
            QCOMPARE(contracts->item(row, 3)->text(), QStringLiteral("— none —"));
            contracts->setCurrentCell(row, 3);
            contracts->editItem(contracts->item(row, 3));
            auto *combo = child<QComboBox>(QStringLiteral("contractCustomer-") + contract);
            QCOMPARE(combo->currentText(), QStringLiteral("— none —"));
            const int index = combo->findData(customer);
            combo->setCurrentIndex(index);
            emit combo->activated(index);
            QVERIFY(m_page->isComputing());
            QVERIFY(settle());
            QCOMPARE(contracts->item(row, 3)->text(), name);
            QCOMPARE(m_page->store().assignments()->contracts.value(contract), customer);
        }
        auto *customers = child<QTableWidget>(QStringLiteral("chargebackCustomers"));
        // acme, fixed 2500/h: web-1 5,401 s → 3751, web-2 3,600 s → 2500.
        QCOMPARE(customers->item(customerRow(QStringLiteral("acme")), 3)->text(), QStringLiteral("0.6251"));
        // beta, cost-plus 10 % of 2000: 8,101 s → 4951.
        QCOMPARE(customers->item(customerRow(QStringLiteral("beta")), 3)->text(), QStringLiteral("0.4951"));

        customers->selectRow(customerRow(QStringLiteral("acme")));
        auto *statement = child<QTableWidget>(QStringLiteral("chargebackStatement"));
        QCOMPARE(statement->rowCount(), 2);
        QCOMPARE(statement->item(0, 1)->text(), QStringLiteral("web-1"));
        QCOMPARE(statement->item(0, 2)->text(), QStringLiteral("1.50"));
        QCOMPARE(statement->item(0, 4)->text(), QStringLiteral("0.3751"));
        QCOMPARE(statement->item(0, 5)->text(), QStringLiteral("0.2250"));
        QCOMPARE(statement->item(0, 6)->text(), QStringLiteral("0.1501"));
        QVERIFY(child<QLabel>(QStringLiteral("chargebackTotals"))->text().contains(QStringLiteral("0.6251")));

        // The chart: a line per customer; acme's days sum to its statement.
        QChart *chart = child<QChartView>(QStringLiteral("chargebackChart"))->chart();
        QCOMPARE(chart->series().size(), 2);
        auto *acme = qobject_cast<QLineSeries *>(chart->series().at(0));
        QCOMPARE(acme->name(), QStringLiteral("ACME, Web"));
        QCOMPARE(acme->count(), 31);
        QCOMPARE(acme->at(0).y(), 0.3751);
        QCOMPARE(acme->at(1).y(), 0.25);
    }

    void aVmIsChargedElsewhereFromItsMenu()
    {
        QMenu menu;
        m_page->addVmActions(&menu, QStringLiteral("c-1"), QStringLiteral("web-2"));
        auto *chargeTo = menu.findChild<QMenu *>(QStringLiteral("chargeToMenu"));
        QVERIFY(chargeTo);
        QAction *beta = chargeTo->findChild<QAction *>(QStringLiteral("chargeTo-beta"));
        QVERIFY(chargeTo->findChild<QAction *>(QStringLiteral("chargeTo-acme"))->isChecked());
        beta->trigger();
        QVERIFY(settle());
        auto *customers = child<QTableWidget>(QStringLiteral("chargebackCustomers"));
        // beta now also pays web-2: 1500 × 1.1 = 1650 for its hour.
        QCOMPARE(customers->item(customerRow(QStringLiteral("beta")), 3)->text(), QStringLiteral("0.6601"));
        QCOMPARE(customers->item(customerRow(QStringLiteral("acme")), 3)->text(), QStringLiteral("0.3751"));
        auto *overrides = child<QTableWidget>(QStringLiteral("chargebackOverrides"));
        QCOMPARE(overrides->rowCount(), 1);
        QCOMPARE(overrides->item(0, 1)->text(), QStringLiteral("web-2"));
    }

    void csvExportReadsBack()
    {
        const QString path = m_dir.filePath(QStringLiteral("march.csv"));
        QVERIFY(m_page->exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto back = statementsFromCsv(QString::fromUtf8(file.readAll()));
        QVERIFY(back);
        QCOMPARE(*back, m_page->result().statements);
        QCOMPARE(back->size(), 2);
    }

    void aCustomerInUseIsNotRemoved()
    {
        child<QTableWidget>(QStringLiteral("chargebackCustomers"))
            ->selectRow(customerRow(QStringLiteral("beta")));
        whenModal([](QWidget *box) {
            QTest::mouseClick(qobject_cast<QMessageBox *>(box)->button(QMessageBox::Yes), Qt::LeftButton);
        });
        QTest::mouseClick(child<QPushButton>(QStringLiteral("chargebackRemoveCustomer")), Qt::LeftButton);
        QVERIFY(child<QLabel>(QStringLiteral("chargebackStatus"))
                    ->text()
                    .contains(QStringLiteral("assign them")));
        QCOMPARE(child<QTableWidget>(QStringLiteral("chargebackCustomers"))->rowCount(), 2);
    }

    void chartFollowsThePalette()
    {
        QChart *chart = child<QChartView>(QStringLiteral("chargebackChart"))->chart();
        QPalette dark = m_page->palette();
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
        dark.setColor(QPalette::WindowText, Qt::white);
        dark.setColor(QPalette::Text, Qt::white);
        m_page->setPalette(dark);
        QVERIFY(ui::chartcolours::isDark(m_page->palette()));
        QCOMPARE(chart->series().size(), 2);
        QVERIFY(chart->backgroundBrush().color().lightness() < 100);
    }

    void statementsAreComputedOffTheGuiThread()
    {
        // A month of 2,000 VMs (1.49 million hours) in a store of its own.
        QTemporaryDir dir;
        constexpr int kVms = 2000;
        const int hours = int((kMarch.end() - kMarch.start()) / 3600);
        {
            ChargebackStore store;
            QVERIFY(store.open(dir.path()));
            QVERIFY(store.saveCustomer(
                Customer{QStringLiteral("all"), QStringLiteral("All"), PricePlan{PlanKind::Fixed, 10'000, 0, 0, 0}}));
            QVERIFY(store.saveContract({QStringLiteral("c-big"), QStringLiteral("P"), 5000}));
            QVERIFY(store.assignContract(QStringLiteral("c-big"), QStringLiteral("all")));
            QList<VmUsage> usage;
            for (int v = 0; v < kVms; ++v) {
                VmUsage vm{QStringLiteral("c-big"), QStringLiteral("vm-%1").arg(v), {}};
                for (int h = 0; h < hours; ++h)
                    vm.hours.push_back(UsageSlot{kMarch.start() + h * 3600LL, 3600});
                usage.append(vm);
            }
            QVERIFY(store.replaceUsage(usage));
        }
        // The GUI thread's own work meanwhile: a zero timer runs whenever its loop is free.
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&] { ++ticks; });
        tick.start(0);
        ChargebackPage page(nullptr, nullptr, dir.path());
        QSignalSpy shown(&page, &ChargebackPage::statementsShown);
        page.setMonth(kMarch);
        // Asked for, not computed yet: the page says so and returns.
        QVERIFY(page.isComputing());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("chargebackTotals"))->text().startsWith(u"Computing"));
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("chargebackExport"))->isEnabled());
        const int ticksBefore = ticks;
        QVERIFY(shown.wait(60000));
        QVERIFY2(ticks > ticksBefore, "the GUI thread processed no events while the statements were computed");
        QCOMPARE(shown.count(), 1);
        QVERIFY(!page.isComputing());
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("chargebackExport"))->isEnabled());
        QCOMPARE(page.result().statements.size(), 1);
        const Statement all = page.result().statements.constFirst(); // a copy: the next answer replaces it
        QCOMPARE(all.month, QStringLiteral("2026-03"));
        QCOMPARE(all.lines.size(), kVms);
        QCOMPARE(all.instanceSeconds, qint64(kVms) * hours * 3600);
        QCOMPARE(all.amount, qint64(kVms) * hours * 10'000);
        QCOMPARE(all.cost, qint64(kVms) * hours * 5000);

        // Another month asked for and, before any answer, March again: only March's answer
        // is shown; February's is skipped or dropped.
        shown.clear();
        page.setMonth(Month{2026, 2});
        page.setMonth(kMarch);
        QVERIFY(shown.wait(60000));
        QTest::qWait(200);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(page.result().statements.constFirst().month, QStringLiteral("2026-03"));
        QCOMPARE(page.result().statements.constFirst().amount, all.amount);
        // And the other way round: February shows February (nothing used, no lines).
        page.setMonth(kMarch);
        page.setMonth(Month{2026, 2});
        QVERIFY(shown.wait(60000));
        QCOMPARE(page.result().statements.constFirst().month, QStringLiteral("2026-02"));
        QCOMPARE(page.result().statements.constFirst().lines.size(), 0);
    }

    void cleanupTestCase() { m_page.reset(); }
};

QTEST_MAIN(TestChargebackPage)
#include "tst_chargebackpage.moc"
