#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QSize>
#include <QUrl>

namespace cloudex::ui {

/// What the desktop app was asked to do on its command line, validated.
struct StartupOptions
{
    enum class Action { Run, ShowHelp, ShowVersion };

    Action action = Action::Run;
    QString dataDir;        ///< empty: the platform default
    QUrl exchangeUrl;       ///< empty: the embedded exchange
    QString identityFile;   ///< PKCS#12 identity for --exchange
    QByteArray passphrase;  ///< of the identity file (--passphrase-file or CLOUDEX_PASSPHRASE)
    bool demoMarket = false; ///< simulated participants trade on the embedded exchange
    QString libvirtUri;     ///< empty: the embedded test driver
    QString language;       ///< empty: from the system locale
    QString screenshotFile; ///< render and exit when set
    QString workspace;      ///< market, buy, buy-strategy, buy-sla, sell or chargeback (tabs of buy)
    QString theme;          ///< system, light or dark; empty: as last chosen
    QSize windowSize;       ///< invalid: as last left (or the default)
    QString helpText;

    /// Parses `arguments` (argv, program name first). Bad input gives an error that says
    /// which option is wrong and why. Files named by options must be readable; the identity
    /// file's contents are checked when the app opens it.
    static Result<StartupOptions> parse(const QStringList &arguments);

    /// True when argv asks for an offscreen render; read before QApplication exists so the
    /// offscreen platform can be chosen.
    static bool wantsScreenshot(int argc, char **argv);

    /// The environment variable a PKCS#12 passphrase may come from.
    static QString passphraseVariable() { return QStringLiteral("CLOUDEX_PASSPHRASE"); }

    static QStringList workspaceNames();
    static QStringList languages();
    static QStringList themeNames();
};

} // namespace cloudex::ui
