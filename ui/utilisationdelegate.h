#pragma once

#include <QStyledItemDelegate>

namespace cloudex::ui {

/// Draws a percentage (from `role`) as a bar: capacity in use at a glance.
class UtilisationDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    UtilisationDelegate(int role, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace cloudex::ui
