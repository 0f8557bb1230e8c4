// The CloudEx desktop app: everything but process start-up lives in cloudex_desktop.
#include "desktopapp.h"
#include "startupoptions.h"

#include <QApplication>

int main(int argc, char **argv)
{
    // The platform is chosen when QApplication is built: an offscreen render must say so first.
    if (cloudex::ui::StartupOptions::wantsScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CloudEx"));
    QApplication::setOrganizationName(QStringLiteral("CloudEx"));
    QApplication::setApplicationVersion(QStringLiteral(CLOUDEX_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("cloudex"));
    return cloudex::app::DesktopApp::run(app);
}
