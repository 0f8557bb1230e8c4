#pragma once

#include "manage/planner.h"
#include "rowtablemodel.h"

namespace cloudex::models {

/// The lines of a sourcing plan (manage::Plan): the orders to place and, marked, the hours
/// projected from the forward curve. A new plan replaces the rows in one reset.
class PlanModel final : public RowTableModel<manage::PlanLine>
{
    Q_OBJECT

public:
    enum Column { Rung, Product, Period, Quantity, Limit, AveragePrice, Cost, Status, ColumnCount };
    enum Role { RawDataRole = Qt::UserRole + 1 };

    explicit PlanModel(QObject *parent = nullptr);

    void setLines(const QList<manage::PlanLine> &lines);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString rungName(manage::PlanRung rung);
};

} // namespace cloudex::models
