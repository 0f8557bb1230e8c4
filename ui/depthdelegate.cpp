#include "depthdelegate.h"

#include "orderbookmodel.h"

#include <QPainter>

namespace cloudex::ui {
namespace {
constexpr int kBarAlpha = 70;
}

DepthDelegate::DepthDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void DepthDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    const QVariant depth = index.data(models::OrderBookModel::DepthRole);
    if (depth.isValid()) {
        const bool bid = index.data(models::OrderBookModel::SideRole).toString() == u"bid";
        const qreal fraction = std::clamp(depth.toDouble(), 0.0, 1.0);
        QRectF bar = option.rect.adjusted(1, 2, -1, -2);
        const qreal width = bar.width() * fraction;
        if (bid)
            bar.setLeft(bar.right() - width);
        else
            bar.setWidth(width);
        QColor colour = bid ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
        colour.setAlpha(kBarAlpha);
        painter->fillRect(bar, colour);
    }
    QStyledItemDelegate::paint(painter, option, index);
}

} // namespace cloudex::ui
