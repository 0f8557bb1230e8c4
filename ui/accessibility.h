#pragma once

#include <QString>

class QWidget;

namespace cloudex::ui {

/// Makes a workspace usable from the keyboard and with a screen reader, once its widgets
/// exist (idempotent, cheap; WorkspacePage calls it when shown):
/// - Tab leaves item views instead of walking their cells (arrow keys move inside);
/// - every interactive widget without an accessible name gets one from what a sighted
///   user reads beside it: its form label or buddy label, its placeholder, its tool tip.
void polishAccessibility(QWidget *root);

/// The name a screen reader announces for `widget` (QAccessible's, which also looks at
/// button texts and buddy labels); empty when it has none.
QString accessibleNameOf(QWidget *widget);

} // namespace cloudex::ui
