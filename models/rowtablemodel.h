#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace cloudex::models {

/// Base of the desk's table models: a list of plain rows with the three kinds of change a
/// live feed needs — a merge by key (removed rows removed, changed rows in one dataChanged,
/// new rows appended), a prepend of newest rows with a cap, and a reset for a new snapshot.
/// Never a reset per update.
template<typename Row> class RowTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    const Row *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }
    const QList<Row> &rows() const { return m_rows; }

protected:
    /// A new state, not an update: one reset.
    void resetRows(QList<Row> rows)
    {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }

    /// Brings the rows to `next`, matched by `key(row)`, keeping the order of rows that stay.
    template<typename KeyFn> void mergeRows(const QList<Row> &next, KeyFn key)
    {
        using Key = decltype(key(next.constFirst()));
        QHash<Key, qsizetype> nextIndex;
        nextIndex.reserve(next.size());
        for (qsizetype i = 0; i < next.size(); ++i)
            nextIndex.insert(key(next.at(i)), i);

        for (int row = int(m_rows.size()) - 1; row >= 0;) {
            if (nextIndex.contains(key(m_rows.at(row)))) {
                --row;
                continue;
            }
            int first = row;
            while (first > 0 && !nextIndex.contains(key(m_rows.at(first - 1))))
                --first;
            this->beginRemoveRows({}, first, row);
            m_rows.remove(first, row - first + 1);
            this->endRemoveRows();
            row = first - 1;
        }

        QSet<Key> present;
        int firstChanged = -1;
        int lastChanged = -1;
        for (int row = 0; row < m_rows.size(); ++row) {
            const Row &updated = next.at(nextIndex.value(key(m_rows.at(row))));
            present.insert(key(updated));
            if (m_rows.at(row) == updated)
                continue;
            m_rows[row] = updated;
            if (firstChanged < 0)
                firstChanged = row;
            lastChanged = row;
        }
        if (firstChanged >= 0)
            Q_EMIT this->dataChanged(this->index(firstChanged, 0),
                                     this->index(lastChanged, this->columnCount() - 1));

        QList<Row> added;
        for (const Row &r : next) {
            if (!present.contains(key(r)))
                added.append(r);
        }
        if (!added.isEmpty()) {
            this->beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
            m_rows += added;
            this->endInsertRows();
        }
    }

    /// Puts `newestFirst` on top in one insert and drops rows beyond `cap` from the bottom.
    void prependRows(const QList<Row> &newestFirst, int cap)
    {
        if (newestFirst.isEmpty())
            return;
        this->beginInsertRows({}, 0, int(newestFirst.size()) - 1);
        m_rows = newestFirst + m_rows;
        this->endInsertRows();
        if (m_rows.size() > cap) {
            this->beginRemoveRows({}, cap, int(m_rows.size()) - 1);
            m_rows.resize(cap);
            this->endRemoveRows();
        }
    }

    QList<Row> m_rows;
};

} // namespace cloudex::models
