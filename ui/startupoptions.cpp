#include "startupoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

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

Error unavailable(const QString &option, const QString &what)
{
    return Error{QStringLiteral("cli.unavailable"),
                 Tr::tr("--%1: %2 is not available in this version of CloudEx yet.").arg(option, what)};
}
} // namespace

QStringList StartupOptions::workspaceNames()
{
    return {QStringLiteral("market"), QStringLiteral("buy"), QStringLiteral("sell")};
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

Result<StartupOptions> StartupOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("CloudEx, the desk for trading and running IaaS capacity."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           Tr::tr("Keep journal, keys and settings in <dir>."),
                                           Tr::tr("dir"));
    const QCommandLineOption exchangeOption(
        QStringLiteral("exchange"), Tr::tr("Connect to the exchange at <url> instead of the embedded one."),
        Tr::tr("url"));
    const QCommandLineOption libvirtOption(
        QStringLiteral("libvirt"), Tr::tr("Use the hypervisor at libvirt <uri> instead of the test driver."),
        Tr::tr("uri"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        Tr::tr("User interface language: en or de."), Tr::tr("code"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), Tr::tr("Render the window offscreen to the PNG <file> and exit."),
        Tr::tr("file"));
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), Tr::tr("Open the workspace <name>: market, buy or sell."), Tr::tr("name"));
    parser.addOptions({dataDirOption, exchangeOption, libvirtOption, langOption, screenshotOption,
                       workspaceOption});

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
            return invalid(QStringLiteral("lang"), Tr::tr("unknown language \"%1\"; available: %2")
                                                       .arg(parser.value(langOption),
                                                            languages().join(QStringLiteral(", "))));
        }
    }

    if (parser.isSet(workspaceOption)) {
        options.workspace = parser.value(workspaceOption).toLower();
        if (!workspaceNames().contains(options.workspace)) {
            return invalid(QStringLiteral("workspace"), Tr::tr("unknown workspace \"%1\"; available: %2")
                                                            .arg(parser.value(workspaceOption),
                                                                 workspaceNames().join(QStringLiteral(", "))));
        }
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

    // Validate fully first, so a typo is reported as a typo, not as a missing feature.
    if (parser.isSet(exchangeOption)) {
        const QString text = parser.value(exchangeOption);
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
            return invalid(QStringLiteral("exchange"),
                           Tr::tr("\"%1\" is not an https:// URL with a host, for example "
                                  "https://exchange.example:8443")
                               .arg(text));
        }
        options.exchangeUrl = url;
        return unavailable(QStringLiteral("exchange"), Tr::tr("Connecting to a remote exchange"));
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
