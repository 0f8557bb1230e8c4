#include "startupoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstring>

namespace cloudex::ui {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(StartupOptions)
};

Error invalid(const QString &option, const QString &why)
{
    return Error{QStringLiteral("cli.invalid"), Tr::tr("--%1: %2").arg(option, why)};
}

Result<void> readableFile(const QString &option, const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return invalid(option, Tr::tr("the file %1 does not exist").arg(path));
    if (!info.isFile() || !info.isReadable())
        return invalid(option, Tr::tr("cannot read the file %1").arg(path));
    return {};
}
} // namespace

QStringList StartupOptions::workspaceNames()
{
    return {QStringLiteral("market"), QStringLiteral("buy"),   QStringLiteral("buy-strategy"),
            QStringLiteral("sell"),   QStringLiteral("users"), QStringLiteral("chargeback"),
            QStringLiteral("buy-sla")};
}

QStringList StartupOptions::languages()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

bool StartupOptions::wantsScreenshot(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 || std::strncmp(argv[i], "--screenshot=", 13) == 0)
            return true;
    }
    return false;
}

QStringList StartupOptions::themeNames()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

Result<StartupOptions> StartupOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("CloudEx, the desk for trading and running IaaS capacity."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"), Tr::tr("Keep journal, keys and settings in <dir>."), Tr::tr("dir"));
    const QCommandLineOption exchangeOption(
        QStringLiteral("exchange"), Tr::tr("Connect to the exchange at <url> instead of the embedded one."),
        Tr::tr("url"));
    const QCommandLineOption libvirtOption(
        QStringLiteral("libvirt"), Tr::tr("Use the hypervisor at libvirt <uri> instead of the test driver."),
        Tr::tr("uri"));
    const QCommandLineOption langOption(QStringLiteral("lang"), Tr::tr("User interface language: en or de."),
                                        Tr::tr("code"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), Tr::tr("Render the window offscreen to the PNG <file> and exit."),
        Tr::tr("file"));
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"),
        Tr::tr("Open the workspace <name>: market, buy, buy-strategy (the Buy workspace's strategy "
               "page), buy-sla (its SLA profiles), chargeback (its Chargeback tab), sell or users."),
        Tr::tr("name"));
    const QCommandLineOption identityOption(
        QStringLiteral("identity"),
        Tr::tr("With --exchange: the PKCS#12 <file> holding your certificate and key (its passphrase in "
               "the environment variable %1 or in --passphrase-file).")
            .arg(passphraseVariable()),
        Tr::tr("file"));
    const QCommandLineOption passphraseFileOption(
        QStringLiteral("passphrase-file"),
        Tr::tr("Read the identity's passphrase from the first line of <file>."), Tr::tr("file"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo-market"),
        Tr::tr("Let simulated participants trade on the embedded exchange, so the market is alive."));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
                                         Tr::tr("Colour theme: system, light or dark."), Tr::tr("name"));
    const QCommandLineOption sizeOption(QStringLiteral("window-size"),
                                        Tr::tr("Open the window at <width>x<height> pixels, e.g. 1280x800."),
                                        Tr::tr("size"));
    parser.addOptions({dataDirOption, exchangeOption, identityOption, passphraseFileOption, demoOption,
                       libvirtOption, langOption, screenshotOption, workspaceOption, themeOption,
                       sizeOption});

    if (!parser.parse(arguments))
        return Error{QStringLiteral("cli.invalid"), parser.errorText()};
    if (!parser.positionalArguments().isEmpty()) {
        return Error{QStringLiteral("cli.invalid"),
                     Tr::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst())};
    }

    StartupOptions options;
    if (parser.isSet(helpOption)) {
        options.action = Action::ShowHelp;
        options.helpText = parser.helpText();
        return options;
    }
    if (parser.isSet(versionOption)) {
        options.action = Action::ShowVersion;
        return options;
    }

    if (parser.isSet(dataDirOption)) {
        options.dataDir = parser.value(dataDirOption);
        if (options.dataDir.trimmed().isEmpty())
            return invalid(QStringLiteral("data-dir"), Tr::tr("the path is empty"));
    }

    if (parser.isSet(langOption)) {
        options.language = parser.value(langOption).toLower();
        if (!languages().contains(options.language)) {
            return invalid(QStringLiteral("lang"),
                           Tr::tr("unknown language \"%1\"; available: %2")
                               .arg(parser.value(langOption), languages().join(QStringLiteral(", "))));
        }
    }

    if (parser.isSet(workspaceOption)) {
        options.workspace = parser.value(workspaceOption).toLower();
        if (!workspaceNames().contains(options.workspace)) {
            return invalid(
                QStringLiteral("workspace"),
                Tr::tr("unknown workspace \"%1\"; available: %2")
                    .arg(parser.value(workspaceOption), workspaceNames().join(QStringLiteral(", "))));
        }
    }

    if (parser.isSet(themeOption)) {
        options.theme = parser.value(themeOption).toLower();
        if (!themeNames().contains(options.theme)) {
            return invalid(QStringLiteral("theme"),
                           Tr::tr("unknown theme \"%1\"; available: %2")
                               .arg(parser.value(themeOption), themeNames().join(QStringLiteral(", "))));
        }
    }

    if (parser.isSet(sizeOption)) {
        static const QRegularExpression pattern(QStringLiteral("^([0-9]{3,5})x([0-9]{3,5})$"));
        const auto match = pattern.match(parser.value(sizeOption).trimmed());
        const QSize size =
            match.hasMatch() ? QSize(match.captured(1).toInt(), match.captured(2).toInt()) : QSize();
        if (!size.isValid() || size.width() < 640 || size.height() < 480 || size.width() > 7680 ||
            size.height() > 4320) {
            return invalid(QStringLiteral("window-size"),
                           Tr::tr("\"%1\" is not a size like 1280x800 (640x480 to 7680x4320)")
                               .arg(parser.value(sizeOption)));
        }
        options.windowSize = size;
    }

    if (parser.isSet(screenshotOption)) {
        options.screenshotFile = parser.value(screenshotOption);
        if (!options.screenshotFile.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
            return invalid(QStringLiteral("screenshot"), Tr::tr("the file name must end in .png"));
        const QFileInfo dir(QFileInfo(options.screenshotFile).absolutePath());
        if (!dir.isDir() || !dir.isWritable()) {
            return invalid(QStringLiteral("screenshot"),
                           Tr::tr("cannot write into the folder %1").arg(dir.filePath()));
        }
    }

    if (parser.isSet(exchangeOption)) {
        const QString text = parser.value(exchangeOption);
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
            return invalid(QStringLiteral("exchange"),
                           Tr::tr("\"%1\" is not an https:// URL with a host, for example "
                                  "https://exchange.example:8443")
                               .arg(text));
        }
        if (!parser.isSet(identityOption)) {
            return invalid(QStringLiteral("exchange"),
                           Tr::tr("a remote exchange needs your identity: add --identity FILE.p12"));
        }
        options.exchangeUrl = url;
    }
    if (parser.isSet(identityOption)) {
        if (!parser.isSet(exchangeOption)) {
            return invalid(QStringLiteral("identity"),
                           Tr::tr("an identity file is for a remote exchange: add --exchange URL"));
        }
        options.identityFile = parser.value(identityOption);
        if (auto readable = readableFile(QStringLiteral("identity"), options.identityFile); !readable)
            return readable.error();
    }
    if (parser.isSet(passphraseFileOption)) {
        if (!parser.isSet(identityOption))
            return invalid(QStringLiteral("passphrase-file"), Tr::tr("a passphrase is for --identity"));
        const QString path = parser.value(passphraseFileOption);
        if (auto readable = readableFile(QStringLiteral("passphrase-file"), path); !readable)
            return readable.error();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return invalid(QStringLiteral("passphrase-file"), Tr::tr("cannot read the file %1").arg(path));
        options.passphrase = file.readLine().trimmed();
    } else if (parser.isSet(identityOption)) {
        options.passphrase = qgetenv(qPrintable(passphraseVariable()));
    }
    if (parser.isSet(demoOption)) {
        if (parser.isSet(exchangeOption)) {
            return invalid(QStringLiteral("demo-market"),
                           Tr::tr("the demo market runs on the embedded exchange, not on a remote one"));
        }
        options.demoMarket = true;
    }
    if (parser.isSet(libvirtOption)) {
        const QString text = parser.value(libvirtOption);
        const QUrl uri(text, QUrl::StrictMode);
        if (!uri.isValid() || uri.scheme().isEmpty()) {
            return invalid(QStringLiteral("libvirt"),
                           Tr::tr("\"%1\" is not a libvirt URI such as qemu:///system or "
                                  "qemu+ssh://host/system")
                               .arg(text));
        }
        options.libvirtUri = text;
    }
    return options;
}

} // namespace cloudex::ui
