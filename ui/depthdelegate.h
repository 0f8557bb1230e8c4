#pragma once

#include <QStyledItemDelegate>

namespace cloudex::ui {

/// Paints the ladder's size bars: the level's share of the largest level (from
/// OrderBookModel::DepthRole), bids green growing from the right towards the price, asks
/// red growing from the left, under the text.
class DepthDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit DepthDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace cloudex::ui
