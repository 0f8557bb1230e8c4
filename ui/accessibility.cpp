#include "accessibility.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QWidget>

namespace cloudex::ui {
namespace {
/// The label a QFormLayout puts beside `widget`, if it sits in one.
QString formLabelOf(QWidget *widget)
{
    for (QWidget *parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
        const auto forms = parent->findChildren<QFormLayout *>();
        for (QFormLayout *form : forms) {
            if (QWidget *label = form->labelForField(widget))
                if (auto l = qobject_cast<QLabel *>(label))
                    return l->text();
        }
        if (parent->isWindow())
            break;
    }
    return {};
}

/// A QLabel anywhere in the window whose buddy is `widget`.
QString buddyLabelOf(QWidget *widget)
{
    const auto labels = widget->window()->findChildren<QLabel *>();
    for (QLabel *label : labels)
        if (label->buddy() == widget)
            return label->text();
    return {};
}

QString plain(QString text)
{
    // "&Region:" reads "Region".
    text.remove(u'&');
    while (text.endsWith(u':') || text.endsWith(u' '))
        text.chop(1);
    return text;
}

bool isInteractive(QWidget *w)
{
    return qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
           qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w) ||
           qobject_cast<QAbstractItemView *>(w);
}
} // namespace

QString accessibleNameOf(QWidget *widget)
{
    if (!widget->accessibleName().isEmpty())
        return widget->accessibleName();
    if (QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget))
        return iface->text(QAccessible::Name);
    return {};
}

void polishAccessibility(QWidget *root)
{
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (auto view = qobject_cast<QAbstractItemView *>(w))
            view->setTabKeyNavigation(false);
        if (!isInteractive(w) || !w->accessibleName().isEmpty())
            continue;
        // A line edit inside a combo box or spin box is named through its owner.
        if (qobject_cast<QLineEdit *>(w) && (qobject_cast<QComboBox *>(w->parentWidget()) ||
                                             qobject_cast<QAbstractSpinBox *>(w->parentWidget())))
            continue;
        if (!accessibleNameOf(w).isEmpty())
            continue;
        QString name = plain(formLabelOf(w));
        if (name.isEmpty())
            name = plain(buddyLabelOf(w));
        if (name.isEmpty())
            if (auto edit = qobject_cast<QLineEdit *>(w))
                name = edit->placeholderText();
        if (name.isEmpty())
            name = w->toolTip();
        if (!name.isEmpty())
            w->setAccessibleName(name);
    }
}

} // namespace cloudex::ui
