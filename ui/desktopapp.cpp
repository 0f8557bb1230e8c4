#include "desktopapp.h"

#include "connect/connectagent.h"
#include "core/datadirectory.h"
#include "mainwindow.h"
#include "sellworkspace.h"
#include "startupoptions.h"
#include "theme.h"
#include "translations.h"

#include <QApplication>
#include <QImage>
#include <QSettings>
#include <QTextStream>

#include <cstdio>

namespace cloudex::ui {
namespace {
constexpr int kUsageError = 2;
constexpr int kRuntimeError = 1;

void printError(const QString &message)
{
    QTextStream(stderr) << QCoreApplication::applicationName().toLower() << QStringLiteral(": ") << message
                        << Qt::endl;
}

// The language has to be known before the options are parsed, so that their errors are
// already translated; a bad value is reported by the real parse.
QString requestedLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        QString value;
        if (arg == QLatin1String("--lang") && i + 1 < arguments.size())
            value = arguments.at(i + 1);
        else if (arg.startsWith(QLatin1String("--lang=")))
            value = arg.mid(7);
        if (StartupOptions::languages().contains(value.toLower()))
            return value.toLower();
    }
    return Translations::systemLanguage();
}

int renderScreenshot(MainWindow &window, const QString &file)
{
    window.resize(MainWindow::defaultSize());
    window.show();
    // Let layouts settle and deferred updates run before grabbing.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    const QImage image = window.grab().toImage();
    if (!image.save(file, "PNG")) {
        printError(QCoreApplication::translate("DesktopApp", "Cannot write the screenshot %1.").arg(file));
        return kRuntimeError;
    }
    return 0;
}
} // namespace

int DesktopApp::run(QApplication &app)
{
    const QStringList arguments = QCoreApplication::arguments();
    if (auto installed = Translations::install(app, requestedLanguage(arguments)); !installed)
        printError(installed.error().message);

    auto options = StartupOptions::parse(arguments);
    if (!options) {
        printError(options.error().message);
        return kUsageError;
    }
    if (options->action == StartupOptions::Action::ShowHelp) {
        QTextStream(stdout) << options->helpText;
        return 0;
    }
    if (options->action == StartupOptions::Action::ShowVersion) {
        QTextStream(stdout) << QCoreApplication::applicationName() << u' '
                            << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }

    auto dataDir = DataDirectory::prepare(options->dataDir.isEmpty() ? DataDirectory::defaultPath()
                                                                     : options->dataDir);
    if (!dataDir) {
        printError(dataDir.error().message);
        return kRuntimeError;
    }

    // Settings live with the data, so a --data-dir is a whole, separate installation.
    QSettings settings(*dataDir + QStringLiteral("/cloudex.ini"), QSettings::IniFormat);
    ThemeManager::captureSystemDefaults();

    // The seller's connect agent: the embedded test-driver site, or the hypervisor named
    // by --libvirt. It connects in the background; the Sell workspace follows its signals.
    connect::ConnectAgent agent(connect::ConnectAgent::Options{*dataDir});
    if (auto opened = agent.open(); !opened) {
        printError(opened.error().message);
        return kRuntimeError;
    }
    if (options->libvirtUri.isEmpty()) {
        if (auto site = agent.setupEmbeddedSite(); !site)
            printError(site.error().message);
    }
    QList<connect::ConnectJob *> startup{agent.start()};
    const QList<connect::ConnectionRecord> recorded = agent.store().connections();
    const bool known = std::any_of(recorded.cbegin(), recorded.cend(),
                                   [&](const connect::ConnectionRecord &r) { return r.key == options->libvirtUri; });
    if (!options->libvirtUri.isEmpty() && !known)
        startup.append(agent.addConnection(options->libvirtUri));

    MainWindow window({*dataDir, &settings, nullptr, &agent});
    // The start-up jobs began before the window: it follows them now, so a --libvirt URI
    // that cannot be reached is reported in the Sell workspace.
    if (auto sell = qobject_cast<SellWorkspace *>(window.workspaceWidget(MainWindow::Workspace::Sell))) {
        for (connect::ConnectJob *job : std::as_const(startup)) {
            if (!job->isFinished())
                sell->watch(job);
        }
    }
    if (!options->workspace.isEmpty())
        window.showWorkspace(*MainWindow::workspaceFromKey(options->workspace));

    if (!options->screenshotFile.isEmpty()) {
        // A render shows the connected site, not the moment before it connected.
        for (connect::ConnectJob *job : std::as_const(startup))
            (void)job->wait();
        return renderScreenshot(window, options->screenshotFile);
    }

    window.show();
    return QApplication::exec();
}

} // namespace cloudex::ui
