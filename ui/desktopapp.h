#pragma once

class QApplication;

namespace cloudex::ui {

/// The desktop app's start-up: options, translations, data directory, settings and the main
/// window. Lives in the library so that `main()` stays a few lines.
class DesktopApp
{
public:
    /// Runs the app on `app`'s arguments; returns the process exit code (2 for bad usage).
    static int run(QApplication &app);
};

} // namespace cloudex::ui
