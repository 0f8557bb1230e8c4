#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <vector>

namespace cloudex::models {

/// One VM as its source reports it.
struct PaneVm
{
    QString name;
    QString state; ///< the connect API's wire name ("running"), or the local site's
    int vcpus = 0;
    qint64 memoryMiB = 0;
    qint64 runningSince = 0; ///< Unix seconds; 0: not running
};

/// Where VMs come from: one contract at its seller's site, or the participant's own site.
struct PaneSource
{
    QString key;      ///< the contract id, or "local:<site>" for the own site's VMs
    QString contract; ///< empty for the own site's VMs
    QString seller;
    QString site;
    QString product;  ///< catalogue product id; region, tenancy and SLA class are read from it
    qint64 price = 0; ///< ticks per instance-hour; 0: not bought (own VMs)
    qint64 deliveryStart = 0;
    qint64 deliveryEnd = 0;
};

/// The single pane: every VM under every contract at every seller, and the own site's VMs,
/// as one table that filters, sorts and groups on its own data.
///
/// Built to hold a million rows: a row is 32 bytes of small integers (its source, its state
/// as an index into a string table, vCPU, memory, running since) plus its name in one UTF-8
/// pool; seller, site, contract, product, region, tenancy and SLA class are interned once per
/// source. The model owns the row order: it keeps every row sorted (group first, then the
/// sort column through precomputed keys, then the name) and shows the rows that pass the
/// text filter and the facets, with a header row per group carrying its totals. Changes
/// come in batches (beginBatch()/endBatch(), or one call = one batch) and are applied
/// without a reset: rows that leave are moved to the end by a layout change and removed,
/// new rows are inserted and moved into place by a layout change, changed cells follow
/// with dataChanged. Persistent indexes (selection, current row) follow every move.
class PaneModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Seller,
        Site,
        Contract,
        Product,
        Region,
        Tenancy,
        SlaClass,
        State,
        Vcpus,
        Memory,
        RunningSince,
        Cost,
        ColumnCount
    };
    enum Facet { SellerFacet, RegionFacet, StateFacet, ContractFacet, TenancyFacet, FacetCount };
    enum class Grouping { None, Seller, Contract };
    enum Role {
        GroupRowRole = Qt::UserRole + 1, ///< bool: a group's header row
        SourceKeyRole,                   ///< the row's source (contract id or "local:<site>")
        VmNameRole,
        StaleRole,      ///< bool: its site has not answered lately
        LastAnswerRole, ///< ms since the epoch of the site's last answer (stale rows)
        CostTicksRole,  ///< qint64: cost so far in ticks (VM or group)
    };

    struct Totals
    {
        qint64 vms = 0;
        qint64 vcpus = 0;
        qint64 memoryMiB = 0;
        qint64 costTicks = 0;
        bool operator==(const Totals &) const = default;
    };

    explicit PaneModel(QObject *parent = nullptr);
    ~PaneModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Changes between these two calls are applied as one batch (calls nest).
    void beginBatch();
    void endBatch();

    /// Adds a source or changes its description (its VMs stay).
    void setSource(const PaneSource &source);
    /// Removes a source and its VMs.
    void removeSource(const QString &key);
    bool hasSource(const QString &key) const { return m_sourceIndex.contains(key); }
    QStringList sourceKeys() const;
    const PaneSource *source(const QString &key) const;
    /// A source's whole list (what a site answers first): VMs it does not name are removed.
    void resetVms(const QString &key, const QList<PaneVm> &vms);
    /// VMs that appeared or changed, and VMs that are gone.
    void updateVms(const QString &key, const QList<PaneVm> &changed, const QStringList &removed = {});
    /// A site that does not answer: its rows stay, marked stale with the time of its last answer.
    void setStale(const QString &key, bool stale, qint64 lastAnswerMs);
    bool isStale(const QString &key) const;

    /// The moment "running since" and "cost so far" are counted to (Unix seconds).
    void setNow(qint64 seconds);
    qint64 now() const { return m_now; }

    /// Case-insensitive text found in the name or any text column of a row.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    /// Only rows whose value of `facet` is one of `values` (as facetValues() names them); empty: all.
    void setFacet(Facet facet, const QStringList &values);
    QStringList facet(Facet facet) const { return m_facets[facet]; }
    /// The values `facet` takes among all rows, sorted.
    QStringList facetValues(Facet facet) const;
    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    /// All VMs held, and the ones shown.
    qsizetype vmCount() const { return qsizetype(m_rows.size() - m_free.size()); }
    qsizetype visibleVmCount() const;
    /// Totals of the rows shown, and of one group's shown rows (`row` is its header).
    Totals totals() const;
    Totals groupTotals(int row) const;
    bool isGroupRow(int row) const;
    /// The view row of a VM, -1 when it is not shown.
    int rowOf(const QString &key, const QString &name) const;
    QString sourceKeyAt(int row) const;
    QString vmNameAt(int row) const;

    /// The text of a VM state's wire name ("running" → "running", translated).
    static QString stateText(const QString &wireState);
    /// One row's cost so far in ticks: the contract's price per instance-hour times the time
    /// the VM has been running inside the delivery window, rounded half up to ticks.
    static qint64 costTicks(qint64 price, qint64 runningSince, qint64 deliveryStart, qint64 deliveryEnd,
                            qint64 now);

private:
    enum Table {
        SellerTable,
        SiteTable,
        ContractTable,
        ProductTable,
        RegionTable,
        TenancyTable,
        SlaTable,
        StateTable,
        TableCount
    };
    struct Strings
    {
        QStringList values;
        QHash<QString, quint32> index;
        std::vector<quint32> rank;
        bool rankDirty = false;
        quint32 intern(const QString &value);
    };
    struct Source
    {
        PaneSource info;
        quint32 str[StateTable] = {}; ///< interned seller, site, contract, product, region, tenancy, SLA
        bool alive = true;
        bool stale = false;
        qint64 lastAnswerMs = 0;
        bool passesFacets = true; ///< its own columns pass the facets
        bool textMatch = false;   ///< one of its own columns contains the filter text
        Totals shown;             ///< over its shown rows
        std::vector<quint32> rows;
    };
    /// 32 bytes.
    struct Row
    {
        qint64 runningSince;
        quint32 nameOffset;
        quint32 source;
        quint32 memoryMiB;
        quint16 nameLength;
        quint16 vcpus;
        quint8 state;
        quint8 flags;
    };
    /// Everything a comparison needs, so that sorting rarely touches a row: the group, the
    /// column's key, the first 16 bytes of the name (case-folded), the row as the last word.
    struct SortKey
    {
        quint64 key;
        quint64 name[2];
        quint32 group;
        quint32 row;
    };

    QByteArrayView nameOf(const Row &row) const;
    quint32 findRow(quint32 source, QByteArrayView name) const;
    void insertSlot(quint32 row);
    void eraseSlot(quint32 row);
    void growSlots();
    quint32 addRow(quint32 source, const PaneVm &vm);
    void setRow(quint32 row, const PaneVm &vm);
    void killRow(quint32 row);
    void touch(quint32 row);
    void account(quint32 row, int sign);
    bool computePass(const Row &row) const;
    void compactNames();

    void refreshSourceFlags(Source &source) const;
    void refreshStateFlags();
    const std::vector<quint32> &ranks(Table table);
    quint32 groupOf(const Row &row) const;
    quint32 groupRank(quint32 group);
    SortKey sortKeyOf(quint32 row);
    int compareNames(quint32 a, quint32 b) const;
    inline bool lessKey(const SortKey &a, const SortKey &b) const;
    bool lessTail(quint32 a, quint32 b) const;

    void commit();
    void refilterAll();
    void resortAll();
    std::vector<quint32> buildView() const;
    void transition(std::vector<quint32> next);
    /// Only the first `positioned` entries get places; those after it are about to be
    /// removed (their persistent indexes become invalid, their places are left to the caller).
    void setViewWithLayoutChange(std::vector<quint32> next, size_t positioned = SIZE_MAX);
    void updatePositions(size_t count = SIZE_MAX);
    void markTextHits();
    Totals groupTotalsOf(quint32 group) const;
    bool isMember(const Source &source, quint32 group) const;
    qint64 rowCost(const Row &row) const;
    void invalidateCostSort();

    std::vector<Source> m_sources;
    QHash<QString, quint32> m_sourceIndex;
    Strings m_tables[TableCount];
    std::vector<bool> m_stateTextMatch;
    std::vector<bool> m_statePassesFacet;

    std::vector<Row> m_rows;
    std::vector<quint32> m_free;
    QByteArray m_names;
    /// m_names case-folded byte for byte (same offsets): the text filter searches it with
    /// memmem, which is many times faster than a folding search over m_names.
    QByteArray m_foldedNames;
    /// Each name's offset in m_names and its row, in offset order (names are appended), so
    /// that one search over the whole buffer finds the rows a filter text names. Entries of
    /// rows that died or were reused keep their old offset and are recognised by it.
    struct NameOwner
    {
        quint32 offset;
        quint32 row;
    };
    std::vector<NameOwner> m_nameOwners;
    /// The rows the last text search hit (scratch of refilterAll, kept for its capacity).
    std::vector<quint32> m_hits;
    qsizetype m_deadNameBytes = 0;
    std::vector<quint32> m_slots;    ///< open addressing, row + 1; 0 is empty
    std::vector<quint32> m_sorted;   ///< every live row, in sort order
    std::vector<quint32> m_view;     ///< rows shown, and group headers (kGroupBit | group)
    std::vector<quint32> m_position; ///< per row: its place in m_view, or kNone
    std::vector<quint8> m_flags;     ///< per row (compact for the passes over the sort order)
    std::vector<quint32> m_group;    ///< per row: its group while grouping
    QHash<quint32, quint32> m_groupPosition;

    // The batch under way.
    int m_batchDepth = 0;
    std::vector<quint32> m_touched;
    std::vector<quint32> m_dead;
    bool m_refilter = false;
    bool m_resort = false;

    QString m_filterText;
    QByteArray m_filterUtf8; ///< lower-cased
    QStringList m_facets[FacetCount];
    Grouping m_grouping = Grouping::None;
    int m_sortColumn = Name;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    qint64 m_now = 0;
};

} // namespace cloudex::models
