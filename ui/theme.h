#pragma once

#include <QProxyStyle>
#include <QString>

namespace cloudex::ui {

/// Colour theme. Qt 6.4 has no colour-scheme hint, so Light and Dark are explicit palettes
/// on the Fusion style and System restores what the platform gave us at start-up.
enum class Theme { System, Light, Dark };

/// The theme's style with a visible focus ring on lists and tables (a line in the highlight
/// colour around the view that has the keyboard focus).
class FocusFrameStyle : public QProxyStyle
{
    Q_OBJECT

public:
    explicit FocusFrameStyle(QStyle *base);
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
    void polish(QWidget *widget) override;
    void unpolish(QWidget *widget) override;
    using QProxyStyle::polish;
    using QProxyStyle::unpolish;
    bool eventFilter(QObject *watched, QEvent *event) override;
};

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
