#include "theme.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace cloudex::ui {

FocusFrameStyle::FocusFrameStyle(QStyle *base)
    : QProxyStyle(base)
{}

void FocusFrameStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                                  const QWidget *widget) const
{
    QProxyStyle::drawControl(element, option, painter, widget);
    // Lists and tables show their focus in their frame: with whole-row selection the
    // current cell's dotted rectangle is lost in the highlight.
    if (element == CE_ShapedFrame && widget && widget->hasFocus() &&
        qobject_cast<const QAbstractItemView *>(widget)) {
        painter->save();
        painter->setPen(QPen(option->palette.color(QPalette::Highlight), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
        painter->restore();
    }
}

void FocusFrameStyle::polish(QWidget *widget)
{
    QProxyStyle::polish(widget);
    if (qobject_cast<QAbstractItemView *>(widget))
        widget->installEventFilter(this);
}

void FocusFrameStyle::unpolish(QWidget *widget)
{
    if (qobject_cast<QAbstractItemView *>(widget))
        widget->removeEventFilter(this);
    QProxyStyle::unpolish(widget);
}

bool FocusFrameStyle::eventFilter(QObject *watched, QEvent *event)
{
    // The view repaints its viewport on focus changes, not its frame.
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)
        static_cast<QWidget *>(watched)->update();
    return QProxyStyle::eventFilter(watched, event);
}

namespace {
QString g_systemStyle;
QPalette g_systemPalette;
Theme g_current = Theme::System;

QPalette lightPalette()
{
    QPalette p;
    const QColor window(0xf4, 0xf5, 0xf7);
    const QColor text(0x1d, 0x23, 0x2b);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xee, 0xf1, 0xf5));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xe9, 0xec, 0xf0));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe8));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x7a, 0x84, 0x90));
    p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xd1));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1f, 0x6f, 0xd1));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0xa2, 0xac));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0xa2, 0xac));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0xa2, 0xac));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x1e, 0x22, 0x28);
    const QColor text(0xe3, 0xe7, 0xec);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x15, 0x18, 0x1d));
    p.setColor(QPalette::AlternateBase, QColor(0x24, 0x29, 0x30));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2b, 0x31, 0x39));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, QColor(0x2b, 0x31, 0x39));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x86, 0x90, 0x9c));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xf2));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf7));
    p.setColor(QPalette::Light, QColor(0x3a, 0x41, 0x4b));
    p.setColor(QPalette::Midlight, QColor(0x30, 0x36, 0x3f));
    p.setColor(QPalette::Mid, QColor(0x25, 0x2a, 0x31));
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6b, 0x73, 0x7e));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6b, 0x73, 0x7e));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6b, 0x73, 0x7e));
    return p;
}
} // namespace

void ThemeManager::captureSystemDefaults()
{
    const QStyle *style = QApplication::style();
    if (const auto *proxy = qobject_cast<const QProxyStyle *>(style))
        style = proxy->baseStyle();
    g_systemStyle = style->name();
    g_systemPalette = QApplication::palette();
}

void ThemeManager::apply(Theme theme)
{
    g_current = theme;
    switch (theme) {
    case Theme::System:
        if (!g_systemStyle.isEmpty())
            QApplication::setStyle(new FocusFrameStyle(QStyleFactory::create(g_systemStyle)));
        QApplication::setPalette(g_systemPalette);
        break;
    case Theme::Light:
        QApplication::setStyle(new FocusFrameStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        QApplication::setStyle(new FocusFrameStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        QApplication::setPalette(darkPalette());
        break;
    }
}

Theme ThemeManager::current()
{
    return g_current;
}

QString ThemeManager::key(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

Theme ThemeManager::fromKey(const QString &key)
{
    if (key == QLatin1String("light"))
        return Theme::Light;
    if (key == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

} // namespace cloudex::ui
