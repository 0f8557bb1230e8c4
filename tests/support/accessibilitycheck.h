#pragma once

// Walks a widget tree for what a screen reader and a keyboard user meet: every interactive
// widget must have a name to announce, and Tab must leave every table.
#include "accessibility.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QStringList>
#include <QTabBar>
#include <QWidget>

namespace testsupport {

inline bool insideOf(QWidget *w, const char *className)
{
    for (QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        if (p->inherits(className))
            return true;
    return false;
}

/// Interactive widgets below `root` without an accessible name ("objectName (class)").
inline QStringList unnamedInteractiveWidgets(QWidget *root)
{
    QStringList out;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool interactive = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
                                 qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w) ||
                                 qobject_cast<QAbstractItemView *>(w);
        if (!interactive || qobject_cast<QHeaderView *>(w))
            continue;
        // Parts of a composite widget are announced through their owner.
        if (insideOf(w, "QComboBox") || insideOf(w, "QAbstractSpinBox") || insideOf(w, "QTabBar") ||
            insideOf(w, "QLineEdit") ||
            (insideOf(w, "QAbstractItemView") && !qobject_cast<QAbstractItemView *>(w)) ||
            w->inherits("QComboBoxPrivateContainer"))
            continue;
        if (cloudex::ui::accessibleNameOf(w).trimmed().isEmpty())
            out.append(QStringLiteral("%1 (%2)").arg(w->objectName(),
                                                     QString::fromLatin1(w->metaObject()->className())));
    }
    return out;
}

/// Item views below `root` where Tab walks the cells instead of leaving the view.
inline QStringList viewsThatTrapTab(QWidget *root)
{
    QStringList out;
    const auto views = root->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *v : views) {
        if (qobject_cast<QHeaderView *>(v) || insideOf(v, "QComboBox") || v->inherits("QComboBoxListView"))
            continue;
        if (v->tabKeyNavigation())
            out.append(v->objectName());
    }
    return out;
}

} // namespace testsupport
