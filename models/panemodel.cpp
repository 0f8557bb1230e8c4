#include "panemodel.h"

#include "catalogue/catalogue.h"
#include "catalogue/product.h"
#include "desk/price.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cstring>

namespace cloudex::models {
namespace {
constexpr quint32 kNone = 0xffffffffu;
constexpr quint32 kGroupBit = 0x80000000u;

enum Flag : quint8 {
    Alive = 1u << 0,
    Pass = 1u << 1,
    Touched = 1u << 2,
    InNext = 1u << 3,
    Fresh = 1u << 4,   ///< added in this batch: not in the view yet
    TextHit = 1u << 5, ///< during a refilter: its name contains the filter text
};

constexpr char fold(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

void appendFolded(QByteArray &to, const char *bytes, qsizetype size)
{
    const qsizetype at = to.size();
    to.resize(at + size);
    char *out = to.data() + at;
    for (qsizetype i = 0; i < size; ++i)
        out[i] = fold(bytes[i]);
}

/// Case-insensitive (ASCII) search of a lower-cased needle.
bool containsFolded(QByteArrayView haystack, QByteArrayView needle)
{
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    const char first = needle.at(0);
    for (qsizetype i = 0; i + n <= haystack.size(); ++i) {
        if (fold(haystack.at(i)) != first)
            continue;
        qsizetype j = 1;
        while (j < n && fold(haystack.at(i + j)) == needle.at(j))
            ++j;
        if (j == n)
            return true;
    }
    return false;
}

size_t hashName(quint32 source, QByteArrayView name)
{
    return qHash(name, size_t(source) * 0x9E3779B97F4A7C15ull);
}

QString memoryText(qint64 mib, const QLocale &locale)
{
    if (mib % 1024 == 0)
        return PaneModel::tr("%1 GiB").arg(locale.toString(mib / 1024));
    return PaneModel::tr("%1 GiB").arg(locale.toString(double(mib) / 1024.0, 'f', 1));
}
} // namespace

quint32 PaneModel::Strings::intern(const QString &value)
{
    const auto it = index.constFind(value);
    if (it != index.constEnd())
        return *it;
    const auto id = quint32(values.size());
    values.append(value);
    index.insert(value, id);
    rankDirty = true;
    return id;
}

PaneModel::PaneModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_slots.assign(1024, 0);
}

PaneModel::~PaneModel() = default;

int PaneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_view.size());
}

int PaneModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PaneModel::stateText(const QString &wireState)
{
    if (wireState == u"creating")
        return tr("creating");
    if (wireState == u"stopped")
        return tr("stopped");
    if (wireState == u"starting")
        return tr("starting");
    if (wireState == u"running")
        return tr("running");
    if (wireState == u"stopping")
        return tr("stopping");
    if (wireState == u"deleting")
        return tr("deleting");
    if (wireState == u"failed")
        return tr("failed");
    if (wireState == u"paused")
        return tr("paused");
    if (wireState == u"scheduled")
        return tr("scheduled");
    return wireState;
}

qint64 PaneModel::costTicks(qint64 price, qint64 runningSince, qint64 deliveryStart, qint64 deliveryEnd,
                            qint64 now)
{
    if (price <= 0 || runningSince <= 0)
        return 0;
    const qint64 from = std::max(runningSince, deliveryStart);
    const qint64 to = deliveryEnd > 0 ? std::min(now, deliveryEnd) : now;
    if (to <= from)
        return 0;
    return (price * (to - from) + 1800) / 3600;
}

qint64 PaneModel::rowCost(const Row &row) const
{
    const PaneSource &s = m_sources[row.source].info;
    return costTicks(s.price, row.runningSince, s.deliveryStart, s.deliveryEnd, m_now);
}

QByteArrayView PaneModel::nameOf(const Row &row) const
{
    return QByteArrayView(m_names.constData() + row.nameOffset, row.nameLength);
}

// --- the row index: open addressing with linear probing over (source, name) ---

quint32 PaneModel::findRow(quint32 source, QByteArrayView name) const
{
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hashName(source, name) & mask;; i = (i + 1) & mask) {
        const quint32 slot = m_slots[i];
        if (slot == 0)
            return kNone;
        const Row &row = m_rows[slot - 1];
        if (row.source == source && nameOf(row) == name)
            return slot - 1;
    }
}

void PaneModel::insertSlot(quint32 row)
{
    const size_t mask = m_slots.size() - 1;
    size_t i = hashName(m_rows[row].source, nameOf(m_rows[row])) & mask;
    while (m_slots[i] != 0)
        i = (i + 1) & mask;
    m_slots[i] = row + 1;
}

void PaneModel::eraseSlot(quint32 row)
{
    const size_t mask = m_slots.size() - 1;
    size_t i = hashName(m_rows[row].source, nameOf(m_rows[row])) & mask;
    while (m_slots[i] != row + 1)
        i = (i + 1) & mask;
    // Backward-shift deletion keeps every probe chain unbroken without tombstones.
    size_t hole = i;
    for (size_t j = (i + 1) & mask; m_slots[j] != 0; j = (j + 1) & mask) {
        const quint32 r = m_slots[j] - 1;
        const size_t home = hashName(m_rows[r].source, nameOf(m_rows[r])) & mask;
        // Moves r into the hole unless its home lies cyclically in (hole, j].
        const bool homeBetween = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
        if (!homeBetween) {
            m_slots[hole] = m_slots[j];
            hole = j;
        }
    }
    m_slots[hole] = 0;
}

void PaneModel::growSlots()
{
    const size_t live = m_rows.size() - m_free.size();
    if ((live + 1) * 2 <= m_slots.size())
        return;
    m_slots.assign(m_slots.size() * 2, 0);
    for (quint32 r = 0; r < m_rows.size(); ++r) {
        if (m_flags[r] & Alive)
            insertSlot(r);
    }
}

// --- rows ---

quint32 PaneModel::addRow(quint32 source, const PaneVm &vm)
{
    growSlots();
    const QByteArray name = vm.name.toUtf8().left(0xffff);
    Row row{};
    row.nameOffset = quint32(m_names.size());
    row.nameLength = quint16(name.size());
    row.source = source;
    m_names.append(name);
    appendFolded(m_foldedNames, name.constData(), name.size());
    quint32 index;
    if (!m_free.empty()) {
        index = m_free.back();
        m_free.pop_back();
        m_rows[index] = row;
        m_flags[index] = Alive | Fresh | Touched;
        m_position[index] = kNone;
    } else {
        index = quint32(m_rows.size());
        m_rows.push_back(row);
        m_flags.push_back(Alive | Fresh | Touched);
        m_position.push_back(kNone);
        m_group.push_back(0);
    }
    m_nameOwners.push_back({row.nameOffset, index});
    insertSlot(index);
    m_sources[source].rows.push_back(index);
    setRow(index, vm);
    m_touched.push_back(index);
    return index;
}

void PaneModel::setRow(quint32 index, const PaneVm &vm)
{
    Row &row = m_rows[index];
    const QString state = stateText(vm.state);
    const quint32 stateId = m_tables[StateTable].intern(state);
    if (stateId >= m_stateTextMatch.size())
        refreshStateFlags();
    row.state = quint8(std::min<quint32>(stateId, 255));
    row.vcpus = quint16(std::clamp(vm.vcpus, 0, 0xffff));
    row.memoryMiB = quint32(std::clamp<qint64>(vm.memoryMiB, 0, 0xffffffff));
    row.runningSince = vm.runningSince;
}

void PaneModel::touch(quint32 index)
{
    if (m_flags[index] & Touched)
        return;
    m_flags[index] |= Touched;
    account(index, -1);
    m_touched.push_back(index);
}

void PaneModel::killRow(quint32 index)
{
    touch(index);
    eraseSlot(index);
    m_deadNameBytes += m_rows[index].nameLength;
    m_flags[index] &= quint8(~Alive);
    auto &rows = m_sources[m_rows[index].source].rows;
    const auto it = std::find(rows.begin(), rows.end(), index);
    if (it != rows.end()) {
        *it = rows.back();
        rows.pop_back();
    }
    m_dead.push_back(index);
}

void PaneModel::account(quint32 index, int sign)
{
    if (!(m_flags[index] & Pass))
        return;
    const Row &row = m_rows[index];
    Totals &t = m_sources[row.source].shown;
    t.vms += sign;
    t.vcpus += sign * qint64(row.vcpus);
    t.memoryMiB += sign * qint64(row.memoryMiB);
    t.costTicks += sign * rowCost(row);
}

bool PaneModel::computePass(const Row &row) const
{
    const Source &source = m_sources[row.source];
    if (!source.passesFacets || !m_statePassesFacet[row.state])
        return false;
    if (m_filterUtf8.isEmpty() || source.textMatch || m_stateTextMatch[row.state])
        return true;
    return containsFolded(nameOf(row), m_filterUtf8);
}

void PaneModel::compactNames()
{
    if (m_deadNameBytes < (1 << 20) || m_deadNameBytes * 2 < m_names.size())
        return;
    QByteArray names;
    QByteArray folded;
    names.reserve(m_names.size() - m_deadNameBytes);
    folded.reserve(m_names.size() - m_deadNameBytes);
    m_nameOwners.clear();
    for (quint32 r = 0; r < m_rows.size(); ++r) {
        if (!(m_flags[r] & Alive))
            continue;
        Row &row = m_rows[r];
        const quint32 offset = quint32(names.size());
        names.append(m_names.constData() + row.nameOffset, row.nameLength);
        folded.append(m_foldedNames.constData() + row.nameOffset, row.nameLength);
        row.nameOffset = offset;
        m_nameOwners.push_back({offset, r});
    }
    m_names = std::move(names);
    m_foldedNames = std::move(folded);
    m_deadNameBytes = 0;
}

// --- sources ---

void PaneModel::refreshSourceFlags(Source &source) const
{
    auto allowed = [&](Facet facet, Table table) {
        return m_facets[facet].isEmpty() ||
               m_facets[facet].contains(m_tables[table].values.at(source.str[table]));
    };
    source.passesFacets = allowed(SellerFacet, SellerTable) && allowed(RegionFacet, RegionTable) &&
                          allowed(ContractFacet, ContractTable) && allowed(TenancyFacet, TenancyTable);
    source.textMatch = false;
    if (!m_filterText.isEmpty()) {
        for (int t = 0; t < StateTable && !source.textMatch; ++t)
            source.textMatch =
                m_tables[t].values.at(source.str[t]).contains(m_filterText, Qt::CaseInsensitive);
    }
}

void PaneModel::refreshStateFlags()
{
    const Strings &states = m_tables[StateTable];
    m_stateTextMatch.assign(states.values.size(), false);
    m_statePassesFacet.assign(states.values.size(), true);
    for (qsizetype i = 0; i < states.values.size(); ++i) {
        m_stateTextMatch[i] =
            !m_filterText.isEmpty() && states.values.at(i).contains(m_filterText, Qt::CaseInsensitive);
        m_statePassesFacet[i] =
            m_facets[StateFacet].isEmpty() || m_facets[StateFacet].contains(states.values.at(i));
    }
}

void PaneModel::setSource(const PaneSource &info)
{
    beginBatch();
    quint32 id;
    const auto it = m_sourceIndex.constFind(info.key);
    if (it == m_sourceIndex.constEnd()) {
        id = quint32(m_sources.size());
        m_sources.emplace_back();
        m_sourceIndex.insert(info.key, id);
    } else {
        id = *it;
    }
    // A changed description may move or filter its rows (and changes their cost).
    for (quint32 row : m_sources[id].rows)
        touch(row);
    Source &source = m_sources[id];
    source.info = info;
    source.alive = true;
    QString region;
    QString tenancy;
    QString sla;
    if (!info.product.isEmpty()) {
        if (auto product = catalogue::Catalogue::standard().parseProduct(info.product)) {
            region = product->regionCode;
            tenancy = catalogue::tenancyName(product->tenancy);
            sla = catalogue::slaClassCode(product->sla);
        }
    }
    const QString values[StateTable] = {
        info.seller,  info.site, info.contract.isEmpty() ? tr("own site") : info.contract,
        info.product, region,    tenancy,
        sla};
    for (int t = 0; t < StateTable; ++t)
        source.str[t] = m_tables[t].intern(values[t]);
    refreshSourceFlags(source);
    endBatch();
}

void PaneModel::removeSource(const QString &key)
{
    const auto it = m_sourceIndex.constFind(key);
    if (it == m_sourceIndex.constEnd())
        return;
    beginBatch();
    const quint32 id = *it;
    const std::vector<quint32> rows = m_sources[id].rows;
    for (quint32 row : rows)
        killRow(row);
    m_sources[id].alive = false;
    m_sources[id].passesFacets = false;
    m_sourceIndex.remove(key);
    endBatch();
}

QStringList PaneModel::sourceKeys() const
{
    return m_sourceIndex.keys();
}

const PaneSource *PaneModel::source(const QString &key) const
{
    const auto it = m_sourceIndex.constFind(key);
    return it == m_sourceIndex.constEnd() ? nullptr : &m_sources[*it].info;
}

void PaneModel::resetVms(const QString &key, const QList<PaneVm> &vms)
{
    const auto it = m_sourceIndex.constFind(key);
    if (it == m_sourceIndex.constEnd())
        return;
    beginBatch();
    const quint32 id = *it;
    QSet<QByteArray> names;
    names.reserve(vms.size());
    for (const PaneVm &vm : vms)
        names.insert(vm.name.toUtf8());
    const std::vector<quint32> rows = m_sources[id].rows;
    for (quint32 row : rows) {
        if (!names.contains(nameOf(m_rows[row]).toByteArray()))
            killRow(row);
    }
    updateVms(key, vms);
    endBatch();
}

void PaneModel::updateVms(const QString &key, const QList<PaneVm> &changed, const QStringList &removed)
{
    const auto it = m_sourceIndex.constFind(key);
    if (it == m_sourceIndex.constEnd())
        return;
    beginBatch();
    const quint32 id = *it;
    for (const QString &name : removed) {
        const quint32 row = findRow(id, name.toUtf8());
        if (row != kNone)
            killRow(row);
    }
    for (const PaneVm &vm : changed) {
        const quint32 row = findRow(id, vm.name.toUtf8());
        if (row == kNone) {
            addRow(id, vm);
        } else {
            touch(row);
            setRow(row, vm);
        }
    }
    endBatch();
}

void PaneModel::setStale(const QString &key, bool stale, qint64 lastAnswerMs)
{
    const auto it = m_sourceIndex.constFind(key);
    if (it == m_sourceIndex.constEnd())
        return;
    Source &source = m_sources[*it];
    if (source.stale == stale && source.lastAnswerMs == lastAnswerMs)
        return;
    source.stale = stale;
    source.lastAnswerMs = lastAnswerMs;
    // Only cells change: the stale mark is shown, never sorted or filtered on.
    int first = int(m_view.size());
    int last = -1;
    for (quint32 row : source.rows) {
        if (m_position[row] != kNone) {
            first = std::min(first, int(m_position[row]));
            last = std::max(last, int(m_position[row]));
        }
    }
    if (last >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    if (m_grouping != Grouping::None && !m_view.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_view.size()) - 1, ColumnCount - 1));
}

bool PaneModel::isStale(const QString &key) const
{
    const auto it = m_sourceIndex.constFind(key);
    return it != m_sourceIndex.constEnd() && m_sources[*it].stale;
}

void PaneModel::setNow(qint64 seconds)
{
    if (seconds == m_now)
        return;
    m_now = seconds;
    for (Source &source : m_sources)
        source.shown.costTicks = 0;
    for (quint32 r = 0; r < m_rows.size(); ++r) {
        if ((m_flags[r] & (Alive | Pass)) == (Alive | Pass))
            m_sources[m_rows[r].source].shown.costTicks += rowCost(m_rows[r]);
    }
    if (m_sortColumn == Cost) {
        beginBatch();
        m_resort = true;
        endBatch();
    } else if (!m_view.empty()) {
        Q_EMIT dataChanged(index(0, Cost), index(int(m_view.size()) - 1, Cost));
    }
}

// --- filter, facets, grouping, sort ---

void PaneModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    beginBatch();
    m_filterText = trimmed;
    QByteArray utf8 = trimmed.toUtf8();
    for (char &c : utf8)
        c = fold(c);
    m_filterUtf8 = utf8;
    m_refilter = true;
    endBatch();
}

void PaneModel::setFacet(Facet facet, const QStringList &values)
{
    if (m_facets[facet] == values)
        return;
    beginBatch();
    m_facets[facet] = values;
    m_refilter = true;
    endBatch();
}

QStringList PaneModel::facetValues(Facet facet) const
{
    QSet<quint32> seen;
    QStringList values;
    if (facet == StateFacet) {
        std::vector<bool> used(m_tables[StateTable].values.size(), false);
        for (quint32 r = 0; r < m_rows.size(); ++r) {
            if (m_flags[r] & Alive)
                used[m_rows[r].state] = true;
        }
        for (size_t i = 0; i < used.size(); ++i) {
            if (used[i])
                values.append(m_tables[StateTable].values.at(qsizetype(i)));
        }
    } else {
        const Table table = facet == SellerFacet     ? SellerTable
                            : facet == RegionFacet   ? RegionTable
                            : facet == ContractFacet ? ContractTable
                                                     : TenancyTable;
        for (const Source &source : m_sources) {
            if (!source.alive || source.rows.empty() || seen.contains(source.str[table]))
                continue;
            seen.insert(source.str[table]);
            const QString &value = m_tables[table].values.at(source.str[table]);
            if (!value.isEmpty())
                values.append(value);
        }
    }
    std::sort(values.begin(), values.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return values;
}

void PaneModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginBatch();
    m_grouping = grouping;
    m_resort = true;
    endBatch();
}

void PaneModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount || (column == m_sortColumn && order == m_sortOrder))
        return;
    beginBatch();
    m_sortColumn = column;
    m_sortOrder = order;
    m_resort = true;
    endBatch();
}

const std::vector<quint32> &PaneModel::ranks(Table table)
{
    Strings &strings = m_tables[table];
    if (strings.rankDirty || strings.rank.size() != size_t(strings.values.size())) {
        std::vector<quint32> order(size_t(strings.values.size()));
        for (quint32 i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](quint32 a, quint32 b) {
            const int c = strings.values.at(a).compare(strings.values.at(b), Qt::CaseInsensitive);
            return c != 0 ? c < 0 : strings.values.at(a) < strings.values.at(b);
        });
        strings.rank.assign(order.size(), 0);
        for (quint32 i = 0; i < order.size(); ++i)
            strings.rank[order[i]] = i;
        strings.rankDirty = false;
    }
    return strings.rank;
}

quint32 PaneModel::groupOf(const Row &row) const
{
    switch (m_grouping) {
    case Grouping::Seller:
        return m_sources[row.source].str[SellerTable];
    case Grouping::Contract:
        return m_sources[row.source].str[ContractTable];
    case Grouping::None:
        break;
    }
    return 0;
}

quint32 PaneModel::groupRank(quint32 group)
{
    switch (m_grouping) {
    case Grouping::Seller:
        return ranks(SellerTable)[group];
    case Grouping::Contract:
        // Contracts by id; the own site's VMs ("own site") sort among them by that text.
        return ranks(ContractTable)[group];
    case Grouping::None:
        break;
    }
    return 0;
}

PaneModel::SortKey PaneModel::sortKeyOf(quint32 index)
{
    const Row &row = m_rows[index];
    const Source &source = m_sources[row.source];
    SortKey out{0, {0, 0}, 0, index};
    // The first 16 bytes of the name, case-folded (ASCII) eight at a time, most significant
    // first so that the words compare as the bytes do.
    unsigned char bytes[16] = {};
    std::memcpy(bytes, m_names.constData() + row.nameOffset, std::min<size_t>(row.nameLength, 16));
    for (int word = 0; word < 2; ++word) {
        quint64 x;
        std::memcpy(&x, bytes + 8 * word, 8);
        constexpr quint64 kLow7 = 0x7f7f7f7f7f7f7f7full;
        constexpr quint64 kHigh = 0x8080808080808080ull;
        const quint64 atLeastA = (x & kLow7) + 0x3f3f3f3f3f3f3f3full;
        const quint64 pastZ = (x & kLow7) + 0x2525252525252525ull;
        x |= ((atLeastA & ~pastZ & ~x & kHigh) >> 2);
        out.name[word] = qFromBigEndian(x);
    }
    quint64 key = 0;
    const auto rank = [&](Table table) {
        return quint64(ranks(table)[source.str[table]]);
    };
    switch (Column(m_sortColumn)) {
    case Name:
        key = 0; // the name words decide
        break;
    case Seller:
        key = rank(SellerTable);
        break;
    case Site:
        key = rank(SiteTable);
        break;
    case Contract:
        key = rank(ContractTable);
        break;
    case Product:
        key = rank(ProductTable);
        break;
    case Region:
        key = rank(RegionTable);
        break;
    case Tenancy:
        key = rank(TenancyTable);
        break;
    case SlaClass:
        key = rank(SlaTable);
        break;
    case State:
        key = ranks(StateTable)[row.state];
        break;
    case Vcpus:
        key = row.vcpus;
        break;
    case Memory:
        key = row.memoryMiB;
        break;
    case RunningSince:
        key = quint64(row.runningSince);
        break;
    case Cost:
        key = quint64(rowCost(row));
        break;
    case ColumnCount:
        break;
    }
    if (m_sortOrder == Qt::DescendingOrder) {
        key = ~key;
        out.name[0] = ~out.name[0];
        out.name[1] = ~out.name[1];
    }
    out.key = key;
    out.group = m_grouping == Grouping::None ? 0 : groupRank(groupOf(row));
    return out;
}

int PaneModel::compareNames(quint32 a, quint32 b) const
{
    const QByteArrayView x = nameOf(m_rows[a]);
    const QByteArrayView y = nameOf(m_rows[b]);
    const qsizetype n = std::min(x.size(), y.size());
    for (qsizetype i = 0; i < n; ++i) {
        const char p = fold(x.at(i));
        const char q = fold(y.at(i));
        if (p != q)
            return quint8(p) < quint8(q) ? -1 : 1;
    }
    return x.size() == y.size() ? 0 : (x.size() < y.size() ? -1 : 1);
}

inline bool PaneModel::lessKey(const SortKey &a, const SortKey &b) const
{
    if (a.group != b.group)
        return a.group < b.group;
    if (a.key != b.key)
        return a.key < b.key;
    if (a.name[0] != b.name[0])
        return a.name[0] < b.name[0];
    if (a.name[1] != b.name[1])
        return a.name[1] < b.name[1];
    return lessTail(a.row, b.row);
}

Q_NEVER_INLINE bool PaneModel::lessTail(quint32 a, quint32 b) const
{
    // The first 16 bytes are equal: only longer names need a look at the rest.
    const Row &x = m_rows[a];
    const Row &y = m_rows[b];
    if (x.nameLength > 16 || y.nameLength > 16) {
        int c = compareNames(a, b);
        if (m_sortOrder == Qt::DescendingOrder)
            c = -c;
        if (c != 0)
            return c < 0;
    }
    return a < b;
}

// --- batches ---

void PaneModel::beginBatch()
{
    ++m_batchDepth;
}

void PaneModel::endBatch()
{
    if (--m_batchDepth == 0)
        commit();
}

void PaneModel::markTextHits()
{
    // One pass over every name at once instead of a search per row: a million short names
    // cost the per-row setup more than the bytes. The pool is kept case-folded beside the
    // names, so the search is libc's memmem (vectorised, large shifts) over plain bytes. A
    // hit is credited to the row whose name holds it whole; hits across two names, or in a
    // dead row's bytes, are passed over.
    const char *data = m_foldedNames.constData();
    const size_t size = size_t(m_foldedNames.size());
    const size_t n = size_t(m_filterUtf8.size());
    const char *needle = m_filterUtf8.constData();
    size_t owner = 0;
    for (size_t i = 0; i + n <= size;) {
        const void *found = memmem(data + i, size - i, needle, n);
        if (!found)
            break;
        i = size_t(static_cast<const char *>(found) - data);
        while (owner + 1 < m_nameOwners.size() && m_nameOwners[owner + 1].offset <= i)
            ++owner;
        const NameOwner &o = m_nameOwners[owner];
        const Row &row = m_rows[o.row];
        if ((m_flags[o.row] & Alive) && row.nameOffset == o.offset &&
            i + n <= size_t(o.offset) + row.nameLength) {
            m_flags[o.row] |= TextHit;
            m_hits.push_back(o.row);
            i = size_t(o.offset) + row.nameLength; // the rest of this name adds nothing
        } else {
            ++i;
        }
    }
}

void PaneModel::refilterAll()
{
    refreshStateFlags();
    for (Source &source : m_sources) {
        source.shown = {};
        if (source.alive)
            refreshSourceFlags(source);
    }
    const bool byText = !m_filterUtf8.isEmpty();
    m_hits.clear();
    if (byText)
        markTextHits();
    const bool anyFacet = std::any_of(std::begin(m_facets), std::end(m_facets),
                                      [](const QStringList &values) { return !values.isEmpty(); });
    const bool anyStateText = std::find(m_stateTextMatch.cbegin(), m_stateTextMatch.cend(), true) !=
                              m_stateTextMatch.cend();
    if (byText && !anyFacet && !anyStateText) {
        // Only the text decides, by the rows' names or their sources' columns (someone typed
        // part of a VM or seller name): the rows that pass are the text hits and the rows of
        // matching sources. One pass over the flag bytes; the rows themselves are read only
        // for the totals of those that pass, a million Row structs are not walked.
        quint8 *flags = m_flags.data();
        const size_t count = m_flags.size();
        for (size_t r = 0; r < count; ++r)
            flags[r] &= quint8(~(Pass | TextHit));
        const auto admit = [this, flags](quint32 r) {
            if ((flags[r] & (Alive | Pass)) != Alive)
                return;
            flags[r] |= Pass;
            const Row &row = m_rows[r];
            Totals &t = m_sources[row.source].shown;
            ++t.vms;
            t.vcpus += row.vcpus;
            t.memoryMiB += row.memoryMiB;
            t.costTicks += rowCost(row);
        };
        for (quint32 r : m_hits)
            admit(r);
        for (const Source &source : m_sources) {
            if (source.alive && source.textMatch) {
                for (quint32 r : source.rows)
                    admit(r);
            }
        }
        return;
    }
    for (quint32 r = 0; r < m_rows.size(); ++r) {
        quint8 &flags = m_flags[r];
        if (!(flags & Alive))
            continue;
        const Row &row = m_rows[r];
        const Source &source = m_sources[row.source];
        const bool pass = source.passesFacets && m_statePassesFacet[row.state] &&
                          (!byText || (flags & TextHit) || source.textMatch || m_stateTextMatch[row.state]);
        flags &= quint8(~TextHit);
        if (pass) {
            flags |= Pass;
            Totals &t = m_sources[row.source].shown;
            ++t.vms;
            t.vcpus += row.vcpus;
            t.memoryMiB += row.memoryMiB;
            t.costTicks += rowCost(row);
        } else {
            flags &= quint8(~Pass);
        }
    }
}

namespace {
int bitWidth(quint64 value)
{
    return value == 0 ? 0 : 64 - __builtin_clzll(value);
}
} // namespace

void PaneModel::resortAll()
{
    // Sorting 32-byte keys of a million rows moves too much memory. Instead each row gets
    // one 64-bit prefix of its full key (group, column key, name, packed in as many bits as
    // their largest values need), the rows are sorted by that word, and only runs of equal
    // words are ordered by the full comparison: the same order, mostly at 16 bytes a row.
    struct Prefix
    {
        quint64 word;
        quint32 row;
    };
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    quint64 maxGroup = 0;
    quint64 maxKey = 0;
    std::vector<Prefix> prefixes;
    prefixes.reserve(m_rows.size() - m_free.size());
    for (quint32 r = 0; r < m_rows.size(); ++r) {
        if (!(m_flags[r] & Alive))
            continue;
        m_group[r] = groupOf(m_rows[r]);
        const SortKey key = sortKeyOf(r);
        maxGroup = std::max<quint64>(maxGroup, key.group);
        maxKey = std::max(maxKey, descending ? ~key.key : key.key);
        prefixes.push_back({0, r});
    }
    const int groupBits = bitWidth(maxGroup);
    const int keyBits = bitWidth(maxKey);
    if (groupBits + keyBits <= 64) {
        const int nameBits = 64 - groupBits - keyBits;
        for (Prefix &prefix : prefixes) {
            const SortKey key = sortKeyOf(prefix.row);
            const quint64 column = descending ? maxKey - ~key.key : key.key;
            quint64 word = 0;
            if (groupBits > 0)
                word = quint64(key.group) << (64 - groupBits);
            if (keyBits > 0)
                word |= column << (64 - groupBits - keyBits);
            if (nameBits > 0)
                word |= key.name[0] >> (64 - nameBits);
            prefix.word = word;
        }
        std::sort(prefixes.begin(), prefixes.end(),
                  [](const Prefix &a, const Prefix &b) { return a.word < b.word; });
    }
    // Runs of equal words (all rows when the key did not fit) by the full comparison.
    std::vector<SortKey> run;
    for (size_t first = 0; first < prefixes.size();) {
        size_t last = first + 1;
        while (last < prefixes.size() && prefixes[last].word == prefixes[first].word)
            ++last;
        if (last - first > 1) {
            run.clear();
            for (size_t i = first; i < last; ++i)
                run.push_back(sortKeyOf(prefixes[i].row));
            std::sort(run.begin(), run.end(),
                      [this](const SortKey &a, const SortKey &b) { return lessKey(a, b); });
            for (size_t i = first; i < last; ++i)
                prefixes[i].row = run[i - first].row;
        }
        first = last;
    }
    m_sorted.resize(prefixes.size());
    for (size_t i = 0; i < prefixes.size(); ++i)
        m_sorted[i] = prefixes[i].row;
}

void PaneModel::commit()
{
    const bool structural = m_refilter || m_resort || !m_touched.empty();
    if (!structural)
        return;
    if (m_refilter) {
        refilterAll();
    } else {
        if (m_stateTextMatch.size() != size_t(m_tables[StateTable].values.size()))
            refreshStateFlags();
        for (quint32 r : m_touched) {
            if (!(m_flags[r] & Alive))
                continue;
            if (computePass(m_rows[r]))
                m_flags[r] |= Pass;
            else
                m_flags[r] &= quint8(~Pass);
            account(r, +1);
        }
    }
    if (m_resort) {
        resortAll();
    } else if (!m_touched.empty()) {
        // Touched rows leave the order and come back at their new place: one merge.
        std::vector<SortKey> moved;
        moved.reserve(m_touched.size());
        for (quint32 r : m_touched) {
            if (m_flags[r] & Alive) {
                m_group[r] = groupOf(m_rows[r]);
                moved.push_back(sortKeyOf(r));
            }
        }
        std::sort(moved.begin(), moved.end(),
                  [this](const SortKey &a, const SortKey &b) { return lessKey(a, b); });
        // The order without them, then each moved row at its lower bound (searched only
        // to the right of the previous one): k log n keys, not n.
        std::vector<quint32> rest;
        rest.reserve(m_sorted.size());
        for (quint32 r : m_sorted) {
            if (!(m_flags[r] & Touched))
                rest.push_back(r);
        }
        std::vector<quint32> sorted;
        sorted.reserve(rest.size() + moved.size());
        auto from = rest.begin();
        for (const SortKey &key : moved) {
            const auto at = std::lower_bound(from, rest.end(), key, [this](quint32 r, const SortKey &k) {
                return lessKey(sortKeyOf(r), k);
            });
            sorted.insert(sorted.end(), from, at);
            sorted.push_back(key.row);
            from = at;
        }
        sorted.insert(sorted.end(), from, rest.end());
        m_sorted = std::move(sorted);
    }

    // Changed cells of rows that stay where they are.
    int first = INT_MAX;
    int last = -1;
    transition(buildView());
    for (quint32 r : m_touched) {
        m_flags[r] &= quint8(~(Touched | Fresh));
        if ((m_flags[r] & Alive) && m_position[r] != kNone) {
            first = std::min(first, int(m_position[r]));
            last = std::max(last, int(m_position[r]));
        }
    }
    for (quint32 r : m_dead) {
        m_flags[r] = 0;
        m_position[r] = kNone;
        m_free.push_back(r);
    }
    if (!m_touched.empty() && m_grouping != Grouping::None && !m_view.empty()) {
        first = 0; // group totals
        last = int(m_view.size()) - 1;
    }
    if (last >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    m_touched.clear();
    m_dead.clear();
    m_refilter = false;
    m_resort = false;
    compactNames();
}

std::vector<quint32> PaneModel::buildView() const
{
    std::vector<quint32> view;
    view.reserve(m_sorted.size() + 16);
    const bool grouped = m_grouping != Grouping::None;
    quint32 group = kNone;
    for (quint32 r : m_sorted) {
        if (!(m_flags[r] & Pass))
            continue;
        if (grouped && m_group[r] != group) {
            group = m_group[r];
            view.push_back(kGroupBit | group);
        }
        view.push_back(r);
    }
    return view;
}

void PaneModel::updatePositions(size_t count)
{
    m_groupPosition.clear();
    count = std::min(count, m_view.size());
    for (quint32 i = 0; i < count; ++i) {
        const quint32 entry = m_view[i];
        if (entry & kGroupBit)
            m_groupPosition.insert(entry & ~kGroupBit, i);
        else
            m_position[entry] = i;
    }
}

void PaneModel::setViewWithLayoutChange(std::vector<quint32> next, size_t positioned)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QList<quint32> entries;
    entries.reserve(from.size());
    for (const QModelIndex &index : from)
        entries.append(m_view[size_t(index.row())]);
    m_view = std::move(next);
    updatePositions(positioned);
    QSet<quint32> placed; // persistent entries among the positioned ones
    if (positioned < m_view.size() && !entries.isEmpty()) {
        const QSet<quint32> wanted(entries.cbegin(), entries.cend());
        for (size_t i = 0; i < positioned; ++i) {
            if (wanted.contains(m_view[i]))
                placed.insert(m_view[i]);
        }
    }
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype i = 0; i < from.size(); ++i) {
        const quint32 entry = entries.at(i);
        const bool leaving = positioned < m_view.size() && !placed.contains(entry);
        const quint32 position = leaving             ? kNone
                                 : entry & kGroupBit ? m_groupPosition.value(entry & ~kGroupBit, kNone)
                                                     : m_position[entry];
        to.append(position == kNone ? QModelIndex() : index(int(position), from.at(i).column()));
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void PaneModel::transition(std::vector<quint32> next)
{
    if (next == m_view)
        return;
    // Which entries the next view holds (rows: a flag; group headers: a set).
    QSet<quint32> nextGroups;
    for (quint32 entry : next) {
        if (entry & kGroupBit)
            nextGroups.insert(entry);
        else
            m_flags[entry] |= InNext;
    }
    const auto inNext = [&](quint32 entry) {
        return entry & kGroupBit ? nextGroups.contains(entry) : bool(m_flags[entry] & InNext);
    };
    const auto inView = [&](quint32 entry) {
        return entry & kGroupBit ? m_groupPosition.contains(entry & ~kGroupBit)
                                 : !(m_flags[entry] & Fresh) && m_position[entry] != kNone;
    };

    // 1. Rows that leave: moved behind the others (in the next order), then removed at once.
    const bool anyLeaving = std::any_of(m_view.cbegin(), m_view.cend(),
                                        [&](quint32 entry) { return !inNext(entry); });
    if (anyLeaving) {
        // One vector: the staying entries in the next order, then the leaving ones.
        std::vector<quint32> staying;
        staying.reserve(m_view.size());
        for (quint32 entry : next) {
            if (inView(entry))
                staying.push_back(entry);
        }
        const int keep = int(staying.size());
        for (quint32 entry : m_view) {
            if (!inNext(entry))
                staying.push_back(entry);
        }
        // The leaving rows get no new places (a filter can remove a million at once): their
        // persistent indexes are invalidated by the layout change, their places cleared
        // below in row order, which touches memory in sequence.
        setViewWithLayoutChange(std::move(staying), size_t(keep));
        beginRemoveRows({}, keep, int(m_view.size()) - 1);
        m_view.resize(size_t(keep));
        for (quint32 r = 0; r < m_rows.size(); ++r) {
            if ((m_flags[r] & (Alive | InNext)) == Alive)
                m_position[r] = kNone;
        }
        endRemoveRows();
    }

    // 2. Rows that arrive: appended, then moved into place with the others.
    std::vector<quint32> arriving;
    for (quint32 entry : next) {
        if (!inView(entry))
            arriving.push_back(entry);
    }
    for (quint32 entry : next) {
        if (!(entry & kGroupBit))
            m_flags[entry] &= quint8(~InNext);
    }
    if (!arriving.empty()) {
        const int at = int(m_view.size());
        beginInsertRows({}, at, at + int(arriving.size()) - 1);
        for (quint32 entry : arriving) {
            if (entry & kGroupBit)
                m_groupPosition.insert(entry & ~kGroupBit, quint32(m_view.size()));
            else {
                m_flags[entry] &= quint8(~Fresh);
                m_position[entry] = quint32(m_view.size());
            }
            m_view.push_back(entry);
        }
        endInsertRows();
    }
    if (m_view != next)
        setViewWithLayoutChange(std::move(next));
}

// --- reading ---

qsizetype PaneModel::visibleVmCount() const
{
    return qsizetype(m_view.size()) - m_groupPosition.size();
}

PaneModel::Totals PaneModel::totals() const
{
    Totals sum;
    for (const Source &source : m_sources) {
        if (!source.alive)
            continue;
        sum.vms += source.shown.vms;
        sum.vcpus += source.shown.vcpus;
        sum.memoryMiB += source.shown.memoryMiB;
        sum.costTicks += source.shown.costTicks;
    }
    return sum;
}

bool PaneModel::isMember(const Source &source, quint32 group) const
{
    return source.str[m_grouping == Grouping::Seller ? SellerTable : ContractTable] == group;
}

PaneModel::Totals PaneModel::groupTotalsOf(quint32 group) const
{
    Totals sum;
    for (quint32 s = 0; s < m_sources.size(); ++s) {
        const Source &source = m_sources[s];
        if (!source.alive)
            continue;
        const bool member = isMember(source, group);
        if (!member)
            continue;
        Q_UNUSED(s)
        sum.vms += source.shown.vms;
        sum.vcpus += source.shown.vcpus;
        sum.memoryMiB += source.shown.memoryMiB;
        sum.costTicks += source.shown.costTicks;
    }
    return sum;
}

PaneModel::Totals PaneModel::groupTotals(int row) const
{
    if (!isGroupRow(row))
        return {};
    return groupTotalsOf(m_view[size_t(row)] & ~kGroupBit);
}

bool PaneModel::isGroupRow(int row) const
{
    return row >= 0 && size_t(row) < m_view.size() && (m_view[size_t(row)] & kGroupBit);
}

int PaneModel::rowOf(const QString &key, const QString &name) const
{
    const auto it = m_sourceIndex.constFind(key);
    if (it == m_sourceIndex.constEnd())
        return -1;
    const quint32 row = findRow(*it, name.toUtf8());
    return row == kNone || m_position[row] == kNone ? -1 : int(m_position[row]);
}

QString PaneModel::sourceKeyAt(int row) const
{
    if (row < 0 || size_t(row) >= m_view.size())
        return {};
    const quint32 entry = m_view[size_t(row)];
    if (entry & kGroupBit) {
        if (m_grouping != Grouping::Contract)
            return {};
        for (const Source &source : m_sources) {
            if (source.alive && isMember(source, entry & ~kGroupBit))
                return source.info.key;
        }
        return {};
    }
    return m_sources[m_rows[entry].source].info.key;
}

QString PaneModel::vmNameAt(int row) const
{
    if (row < 0 || size_t(row) >= m_view.size() || (m_view[size_t(row)] & kGroupBit))
        return {};
    return QString::fromUtf8(nameOf(m_rows[m_view[size_t(row)]]));
}

QVariant PaneModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_view.size())
        return {};
    const quint32 entry = m_view[size_t(index.row())];
    const auto column = Column(index.column());
    const QLocale locale;
    if (role == Qt::TextAlignmentRole) {
        return column == Vcpus || column == Memory || column == Cost
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    }
    if (entry & kGroupBit) {
        const quint32 group = entry & ~kGroupBit;
        const Totals t = groupTotalsOf(group);
        bool stale = false;
        qint64 lastAnswer = 0;
        for (quint32 s = 0; s < m_sources.size(); ++s) {
            const Source &source = m_sources[s];
            const bool member = isMember(source, group);
            if (source.alive && member && source.stale) {
                stale = true;
                lastAnswer =
                    lastAnswer == 0 ? source.lastAnswerMs : std::min(lastAnswer, source.lastAnswerMs);
            }
        }
        switch (role) {
        case GroupRowRole:
            return true;
        case StaleRole:
            return stale;
        case LastAnswerRole:
            return lastAnswer;
        case CostTicksRole:
            return t.costTicks;
        case SourceKeyRole:
            return sourceKeyAt(index.row());
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            break;
        default:
            return {};
        }
        const Source *first = nullptr;
        if (m_grouping == Grouping::Contract) {
            for (const Source &source : m_sources) {
                if (source.alive && isMember(source, group)) {
                    first = &source;
                    break;
                }
            }
        }
        switch (column) {
        case Name: {
            const QString label =
                m_tables[m_grouping == Grouping::Seller ? SellerTable : ContractTable].values.at(group);
            return tr("%1 (%n VM(s))", nullptr, int(t.vms)).arg(label);
        }
        case Seller:
            return first ? first->info.seller : QVariant();
        case Site:
            return first ? first->info.site : QVariant();
        case Product:
            return first ? first->info.product : QVariant();
        case State:
            return stale ? tr("stale since %1")
                               .arg(QLocale().toString(
                                   QDateTime::fromMSecsSinceEpoch(lastAnswer, Qt::UTC).time(),
                                   QLocale::ShortFormat))
                         : QVariant();
        case Vcpus:
            return locale.toString(t.vcpus);
        case Memory:
            return memoryText(t.memoryMiB, locale);
        case Cost:
            return desk::formatPriceTicks(t.costTicks, locale);
        default:
            return {};
        }
    }

    const Row &row = m_rows[entry];
    const Source &source = m_sources[row.source];
    switch (role) {
    case GroupRowRole:
        return false;
    case SourceKeyRole:
        return source.info.key;
    case VmNameRole:
        return QString::fromUtf8(nameOf(row));
    case StaleRole:
        return source.stale;
    case LastAnswerRole:
        return source.lastAnswerMs;
    case CostTicksRole:
        return rowCost(row);
    case Qt::ToolTipRole:
        if (source.stale) {
            return tr("%1 has not answered since %2; the VMs are shown as it last reported them.")
                .arg(source.info.site, desk::formatTimeUtc(source.lastAnswerMs / 1000, locale));
        }
        return {};
    case Qt::FontRole:
        if (source.stale) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Name:
        return QString::fromUtf8(nameOf(row));
    case Seller:
    case Site:
    case Contract:
    case Product:
    case Region:
    case Tenancy:
    case SlaClass:
        return m_tables[column - Seller].values.at(source.str[column - Seller]);
    case State: {
        const QString state = m_tables[StateTable].values.at(row.state);
        if (!source.stale)
            return state;
        return tr("%1 (stale since %2)")
            .arg(state,
                 QLocale().toString(QDateTime::fromMSecsSinceEpoch(source.lastAnswerMs, Qt::UTC).time(),
                                    QLocale::ShortFormat));
    }
    case Vcpus:
        return locale.toString(row.vcpus);
    case Memory:
        return memoryText(row.memoryMiB, locale);
    case RunningSince:
        if (row.runningSince > 0)
            return desk::formatTimeUtc(row.runningSince, locale);
        // Defined before the window: the site creates and starts it when the window opens.
        if (source.info.deliveryStart > 0 &&
            m_tables[StateTable].values.at(row.state) == stateText(QStringLiteral("scheduled")))
            return tr("starts %1")
                .arg(QDateTime::fromSecsSinceEpoch(source.info.deliveryStart, Qt::UTC).toString(u"HH:mm"));
        return QString();
    case Cost:
        return source.info.price > 0 ? desk::formatPriceTicks(rowCost(row), locale) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PaneModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Seller:
        return tr("Seller");
    case Site:
        return tr("Site");
    case Contract:
        return tr("Contract");
    case Product:
        return tr("Product");
    case Region:
        return tr("Region");
    case Tenancy:
        return tr("Tenancy");
    case SlaClass:
        return tr("SLA class");
    case State:
        return tr("State");
    case Vcpus:
        return tr("vCPU");
    case Memory:
        return tr("Memory");
    case RunningSince:
        return tr("Running since (UTC)");
    case Cost:
        return tr("Cost so far (EUR)");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cloudex::models
