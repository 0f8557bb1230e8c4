#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cloudex::ui {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Translations)
};
} // namespace

QString Translations::systemLanguage()
{
    return QLocale::system().language() == QLocale::German ? QStringLiteral("de") : QStringLiteral("en");
}

Result<void> Translations::install(QCoreApplication &app, const QString &language)
{
    auto own = new QTranslator(&app);
    if (language == QLatin1String("en")) {
        // English is the source; its catalogue only spells the plurals ("1 instance").
        if (own->load(QStringLiteral(":/i18n/cloudex_en.qm")))
            QCoreApplication::installTranslator(own);
        else
            delete own;
        return {};
    }

    // qt_add_translations embeds the compiled catalogues under :/i18n.
    if (!own->load(QStringLiteral(":/i18n/cloudex_%1.qm").arg(language))) {
        delete own;
        return Error{QStringLiteral("i18n.missing"),
                     Tr::tr("No translation for language \"%1\" is built in.").arg(language)};
    }
    QCoreApplication::installTranslator(own);

    // Qt's own strings (standard buttons, context menus). Optional: absent packages only
    // leave those in English.
    auto qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(QLocale(language));
    return {};
}

} // namespace cloudex::ui
