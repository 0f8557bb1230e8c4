#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using cloudex::ui::MainWindow;
using cloudex::ui::Translations;

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void unknownLanguageIsAnError()
    {
        const auto result = Translations::install(*qApp, u"xx"_qs);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"i18n.missing"_qs);
    }

    void germanShowsGermanText()
    {
        QVERIFY(Translations::install(*qApp, u"de"_qs).ok());
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"cloudex.ini"_qs), QSettings::IniFormat);
        MainWindow window({dir.path(), &settings, nullptr});
        window.show();

        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus.append(action->text());
        QCOMPARE(menus, (QStringList{u"&Datei"_qs, u"&Ansicht"_qs, u"&Hilfe"_qs}));

        auto nav = window.findChild<QListWidget *>(u"workspaceNavigation"_qs);
        QCOMPARE(nav->item(0)->text(), u"Markt"_qs);
        QCOMPARE(nav->item(1)->text(), u"Kaufen"_qs);
        QCOMPARE(nav->item(2)->text(), u"Verkaufen"_qs);
        QCOMPARE(window.findChild<QLabel *>(u"exchangeStatus"_qs)->text(), u"Börse: nicht verbunden"_qs);
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
