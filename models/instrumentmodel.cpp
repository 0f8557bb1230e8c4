#include "instrumentmodel.h"

#include "desk/price.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace cloudex::models {

InstrumentModel::InstrumentModel(QObject *parent)
    : RowTableModel(parent)
{}

void InstrumentModel::setInstruments(const QList<desk::InstrumentRecord> &instruments)
{
    m_instruments = instruments;
    rebuild();
}

void InstrumentModel::setQuotes(const QList<desk::CurvePointRecord> &quotes)
{
    m_quotes.clear();
    for (const desk::CurvePointRecord &q : quotes)
        m_quotes.insert(q.symbol, q);
    rebuild();
}

void InstrumentModel::setProductFilter(const QString &product)
{
    if (product == m_product)
        return;
    m_product = product;
    // A different product is a different list: one reset, then merges again.
    resetRows({});
    rebuild();
}

void InstrumentModel::setKindFilter(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    // A user's new view, not a feed update: one reset.
    resetRows({});
    rebuild();
}

void InstrumentModel::setQuotedOnly(bool quotedOnly)
{
    if (quotedOnly == m_quotedOnly)
        return;
    m_quotedOnly = quotedOnly;
    rebuild();
}

void InstrumentModel::setPinnedSymbol(const QString &symbol)
{
    if (symbol == m_pinned)
        return;
    m_pinned = symbol;
    if (m_quotedOnly)
        rebuild();
}

void InstrumentModel::rebuild()
{
    QList<desk::CurvePointRecord> next;
    for (const desk::InstrumentRecord &i : std::as_const(m_instruments)) {
        if (!m_product.isEmpty() && i.product != m_product)
            continue;
        if (!m_kind.isEmpty() && i.kind != m_kind)
            continue;
        desk::CurvePointRecord row = m_quotes.value(i.symbol);
        row.symbol = i.symbol;
        row.kind = i.kind;
        row.deliveryStart = i.deliveryStart;
        next.append(row);
    }
    std::stable_sort(next.begin(), next.end(),
                     [](const desk::CurvePointRecord &a, const desk::CurvePointRecord &b) {
                         return a.deliveryStart < b.deliveryStart;
                     });
    m_hidden = 0;
    const auto quoted = [](const desk::CurvePointRecord &r) {
        return r.bid > 0 || r.ask > 0 || r.last > 0;
    };
    if (m_quotedOnly && std::any_of(next.cbegin(), next.cend(), quoted)) {
        const qsizetype all = next.size();
        next.removeIf([&](const desk::CurvePointRecord &r) { return !quoted(r) && r.symbol != m_pinned; });
        m_hidden = int(all - next.size());
    }
    if (m_rows.isEmpty() && !next.isEmpty()) {
        beginInsertRows({}, 0, int(next.size()) - 1);
        m_rows = next;
        endInsertRows();
        return;
    }
    mergeRows(next, [](const desk::CurvePointRecord &r) { return r.symbol; });
}

int InstrumentModel::rowOf(const QString &symbol) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).symbol == symbol)
            return row;
    }
    return -1;
}

int InstrumentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InstrumentModel::periodName(const QString &kind)
{
    if (kind == u"H")
        return tr("hour");
    if (kind == u"D")
        return tr("day");
    if (kind == u"W")
        return tr("week");
    if (kind == u"M")
        return tr("month");
    if (kind == u"Q")
        return tr("quarter");
    return kind;
}

QVariant InstrumentModel::data(const QModelIndex &index, int role) const
{
    const desk::CurvePointRecord *r = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!r)
        return {};
    const auto column = Column(index.column());
    if (role == SymbolRole)
        return r->symbol;
    if (role == Qt::TextAlignmentRole)
        return column >= Bid ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    const auto price = [role](qint64 ticks) -> QVariant {
        if (role == RawDataRole)
            return ticks;
        return ticks > 0 ? desk::formatPriceTicks(ticks, QLocale()) : QStringLiteral("–");
    };
    if (role == Qt::ToolTipRole)
        return column == Period ? periodName(r->kind) : r->symbol;
    if (role != Qt::DisplayRole && role != RawDataRole)
        return {};
    switch (column) {
    case Symbol:
        return r->symbol;
    case Period:
        return r->kind;
    case Starts:
        if (role == RawDataRole)
            return r->deliveryStart;
        return desk::formatTimeUtc(r->deliveryStart, QLocale());
    case Bid:
        return price(r->bid);
    case Ask:
        return price(r->ask);
    case Last:
        return price(r->last);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant InstrumentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == Period)
        return tr("Delivery period: H hour, D day, W week, M month, Q quarter");
    if (role == Qt::ToolTipRole && section == Starts)
        return tr("Start of delivery, UTC");
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Symbol:
        return tr("Instrument");
    case Period:
        return QString(); // one letter per row; the tooltip explains
    case Starts:
        return tr("Starts");
    case Bid:
        return tr("Bid");
    case Ask:
        return tr("Ask");
    case Last:
        return tr("Last");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cloudex::models
