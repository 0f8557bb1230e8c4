#include "utilisationdelegate.h"

#include <QApplication>
#include <QPainter>

namespace cloudex::ui {
namespace {
constexpr int kMargin = 3;
constexpr int kPercent = 100;
constexpr int kWarnPercent = 75;
constexpr int kFullPercent = 90;
} // namespace

UtilisationDelegate::UtilisationDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{}

void UtilisationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    const QVariant value = index.data(m_role);
    if (!value.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const int percent = std::clamp(value.toInt(), 0, kPercent);
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    const QRect frame = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.color(QPalette::AlternateBase).darker(110));
    painter->drawRoundedRect(frame, 2, 2);
    // Green while there is room, amber when filling up, red when (nearly) full.
    const QColor fill = percent >= kFullPercent   ? QColor(0xc0, 0x39, 0x2b)
                        : percent >= kWarnPercent ? QColor(0xe6, 0x7e, 0x22)
                                                  : QColor(0x27, 0xae, 0x60);
    QRect bar = frame;
    bar.setWidth(frame.width() * percent / kPercent);
    painter->setBrush(fill);
    painter->drawRoundedRect(bar, 2, 2);
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(frame, Qt::AlignCenter, index.data(Qt::DisplayRole).toString());
    painter->restore();
}

} // namespace cloudex::ui
