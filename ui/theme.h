#pragma once

#include <QString>

namespace cloudex::ui {

/// Colour theme. Qt 6.4 has no colour-scheme hint, so Light and Dark are explicit palettes
/// on the Fusion style and System restores what the platform gave us at start-up.
enum class Theme { System, Light, Dark };

class ThemeManager
{
public:
    /// Remembers the platform's style and palette; call once after QApplication exists.
    static void captureSystemDefaults();
    static void apply(Theme theme);
    static Theme current();

    static QString key(Theme theme); ///< for settings: system, light, dark
    static Theme fromKey(const QString &key);
};

} // namespace cloudex::ui
