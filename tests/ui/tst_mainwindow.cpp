#include "mainwindow.h"

#include "../support/accessibilitycheck.h"

#include "core/clock.h"
#include "productmodel.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using cloudex::ManualClock;
using cloudex::ui::MainWindow;
using cloudex::ui::Theme;
using cloudex::ui::ThemeManager;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ThemeManager::captureSystemDefaults(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<QSettings>(m_dir->filePath(u"cloudex.ini"_qs), QSettings::IniFormat);
        m_window =
            std::make_unique<MainWindow>(MainWindow::Context{m_dir->path(), m_settings.get(), &m_clock});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void clickingNavigationShowsEachWorkspace_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("title");
        QTest::newRow("buy") << 1 << u"buyWorkspace"_qs << u"Buy"_qs;
        QTest::newRow("sell") << 2 << u"sellWorkspace"_qs << u"Sell"_qs;
        QTest::newRow("market") << 0 << u"marketWorkspace"_qs << u"Market"_qs;
    }

    void clickingNavigationShowsEachWorkspace()
    {
        QFETCH(int, row);
        QFETCH(QString, page);
        QFETCH(QString, title);

        auto nav = m_window->findChild<QListWidget *>(u"workspaceNavigation"_qs);
        auto stack = m_window->findChild<QStackedWidget *>(u"workspaceStack"_qs);
        QVERIFY(nav && stack);
        // Start elsewhere so the click has something to change.
        m_window->showWorkspace(row == 0 ? MainWindow::Workspace::Sell : MainWindow::Workspace::Market);
        const QRect rect = nav->visualItemRect(nav->item(row));
        QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(stack->currentWidget()->objectName(), page);
        QVERIFY(stack->currentWidget()->isVisible());
        auto titleLabel = stack->currentWidget()->findChild<QLabel *>(u"workspaceTitle"_qs);
        QVERIFY(titleLabel);
        QCOMPARE(titleLabel->text(), title);
        QVERIFY(titleLabel->isVisible());
        // Only the current page is visible.
        for (int i = 0; i < stack->count(); ++i)
            QCOMPARE(stack->widget(i)->isVisible(), i == row);
    }

    void keyboardShortcutsSwitchWorkspaces()
    {
        auto stack = m_window->findChild<QStackedWidget *>(u"workspaceStack"_qs);
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QTRY_COMPARE(stack->currentWidget()->objectName(), u"sellWorkspace"_qs);
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(stack->currentWidget()->objectName(), u"buyWorkspace"_qs);
        // Arrow keys move through the navigation list.
        auto nav = m_window->findChild<QListWidget *>(u"workspaceNavigation"_qs);
        nav->setFocus();
        QTest::keyClick(nav, Qt::Key_Up);
        QTRY_COMPARE(stack->currentWidget()->objectName(), u"marketWorkspace"_qs);
    }

    void statusBarIsHonest()
    {
        auto exchange = m_window->findChild<QLabel *>(u"exchangeStatus"_qs);
        auto identity = m_window->findChild<QLabel *>(u"identityStatus"_qs);
        auto data = m_window->findChild<QLabel *>(u"dataDirStatus"_qs);
        QVERIFY(exchange && identity && data);
        QCOMPARE(exchange->text(), u"Exchange: not connected"_qs);
        QCOMPARE(identity->text(), u"Identity: none"_qs);
        QVERIFY(data->text().contains(m_dir->path()));
        QCOMPARE(data->toolTip(), m_dir->path());
    }

    void exchangeKnownAfterTheWindowOpened()
    {
        // The embedded exchange starts on its thread after the window opened: the status bar
        // takes its name and the demo label when they are known.
        QVERIFY(!m_window->findChild<QLabel *>(u"demoStatus"_qs));
        m_window->setSimulatedMarket(true);
        auto demo = m_window->findChild<QLabel *>(u"demoStatus"_qs);
        QVERIFY(demo);
        QVERIFY(demo->font().bold());
        QCOMPARE(demo->text(), u"Demo market: simulated participants"_qs);
        m_window->setSimulatedMarket(true);
        QCOMPARE(m_window->findChildren<QLabel *>(u"demoStatus"_qs).size(), 1);
        m_window->setSimulatedMarket(false);
        QVERIFY(!m_window->findChild<QLabel *>(u"demoStatus"_qs));
        // Without a session the label changes nothing: the desk is still not connected.
        m_window->setExchangeLabel(u"embedded at https://127.0.0.1:1"_qs);
        QCOMPARE(m_window->findChild<QLabel *>(u"exchangeStatus"_qs)->text(), u"Exchange: not connected"_qs);
    }

    void marketFiltersNarrowTheCatalogue()
    {
        auto table = m_window->findChild<QTableView *>(u"productTable"_qs);
        auto region = m_window->findChild<QComboBox *>(u"regionFilter"_qs);
        auto cls = m_window->findChild<QComboBox *>(u"classFilter"_qs);
        auto count = m_window->findChild<QLabel *>(u"productCount"_qs);
        QVERIFY(table && region && cls && count);
        const int all = table->model()->rowCount();
        region->setCurrentIndex(region->findData(u"DE"_qs));
        cls->setCurrentIndex(cls->findData(u"GP2"_qs));
        QCOMPARE(table->model()->rowCount(), 9);
        QCOMPARE(count->text(), u"Products: 9"_qs);
        QVERIFY(all > 9);
        // The first match is selected and, without an exchange, the delivery periods the
        // standard listing opens are shown, the front hour first.
        auto instruments = m_window->findChild<QTableView *>(u"instrumentTable"_qs);
        QVERIFY(instruments);
        QVERIFY(instruments->model()->rowCount() > 0);
        QCOMPARE(instruments->model()->index(0, 0).data().toString(), u"DE.GP2.SH.S1.H2026-12-01T15"_qs);
        QCOMPARE(instruments->model()->index(0, 2).data().toString(), u"1 Dec 2026 15:00"_qs);
        QCOMPARE(m_window->findChild<QLabel *>(u"productTitle"_qs)->text(), u"DE.GP2.SH.S1"_qs);
    }

    void themeIsRememberedInSettings()
    {
        auto dark = m_window->findChild<QAction *>(u"darkThemeAction"_qs);
        QVERIFY(dark);
        const QColor before = qApp->palette().color(QPalette::Window);
        dark->trigger();
        QCOMPARE(ThemeManager::current(), Theme::Dark);
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(qApp->palette().color(QPalette::Window) != before);
        QCOMPARE(m_settings->value(u"ui/theme"_qs).toString(), u"dark"_qs);
        m_window->findChild<QAction *>(u"systemThemeAction"_qs)->trigger();
        QCOMPARE(qApp->palette().color(QPalette::Window), before);
    }

    void workspaceIsRestoredOnNextStart()
    {
        m_window->showWorkspace(MainWindow::Workspace::Sell);
        m_window->close();
        MainWindow second(MainWindow::Context{m_dir->path(), m_settings.get(), &m_clock});
        QCOMPARE(second.currentWorkspace(), MainWindow::Workspace::Sell);
    }

    void everyWorkspaceIsNamedForScreenReaders()
    {
        auto stack = m_window->findChild<QStackedWidget *>(u"workspaceStack"_qs);
        for (auto which :
             {MainWindow::Workspace::Market, MainWindow::Workspace::Buy, MainWindow::Workspace::Sell}) {
            m_window->showWorkspace(which);
            QWidget *page = stack->currentWidget();
            const QStringList unnamed = testsupport::unnamedInteractiveWidgets(page);
            QVERIFY2(unnamed.isEmpty(), qPrintable(page->objectName() + u": "_qs + unnamed.join(u", "_qs)));
            const QStringList traps = testsupport::viewsThatTrapTab(page);
            QVERIFY2(traps.isEmpty(), qPrintable(traps.join(u", "_qs)));
        }
        // The window's own navigation too.
        const QStringList unnamed = testsupport::unnamedInteractiveWidgets(m_window.get());
        QVERIFY2(!unnamed.contains(u"workspaceNavigation (QListWidget)"_qs),
                 qPrintable(unnamed.join(u", "_qs)));
    }

    void focusedTableShowsARing()
    {
        ThemeManager::apply(Theme::Light);
        m_window->showWorkspace(MainWindow::Workspace::Market);
        auto table = m_window->findChild<QTableView *>(u"productTable"_qs);
        auto region = m_window->findChild<QComboBox *>(u"regionFilter"_qs);
        QVERIFY(table && region);
        const QColor highlight = table->palette().color(QPalette::Highlight);
        const auto leftEdge = [table] {
            const QImage image = table->grab().toImage();
            return image.pixelColor(0, image.height() / 2);
        };
        region->setFocus();
        QTRY_VERIFY(region->hasFocus());
        QVERIFY(leftEdge() != highlight);
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        QCOMPARE(leftEdge(), highlight);
        m_window->findChild<QAction *>(u"systemThemeAction"_qs)->trigger();
    }

    void tabLeavesTheTable()
    {
        m_window->showWorkspace(MainWindow::Workspace::Market);
        auto table = m_window->findChild<QTableView *>(u"productTable"_qs);
        QVERIFY(table);
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        if (table->model()->rowCount() > 0)
            table->setCurrentIndex(table->model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Tab);
        QTRY_VERIFY(!table->hasFocus());
    }

    void menusArePresent()
    {
        QStringList titles;
        for (QAction *action : m_window->menuBar()->actions())
            titles.append(action->text());
        QCOMPARE(titles, (QStringList{u"&File"_qs, u"&View"_qs, u"&Help"_qs}));
        QVERIFY(m_window->findChild<QAction *>(u"aboutAction"_qs));
    }

private:
    // 2026-12-01 14:20 UTC: the front hour is 15:00.
    ManualClock m_clock{1'796'134'800'000LL};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
