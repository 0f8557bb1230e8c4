#pragma once

class QApplication;

namespace cloudex::app {

/// The desktop app's start-up wiring: options, translations, data directory, settings, the
/// embedded exchange and connect agent, and the main window. It sits above ui/ (which knows
/// neither the exchange server nor how it is built) so that `main()` stays a few lines.
class DesktopApp
{
public:
    /// Runs the app on `app`'s arguments; returns the process exit code (2 for bad usage).
    static int run(QApplication &app);
};

} // namespace cloudex::app
