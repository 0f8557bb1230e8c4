#pragma once

#include "desk/records.h"
#include "rowtablemodel.h"

namespace cloudex::models {

/// The instruments open for trading, optionally only those of one product, with the
/// product's forward-curve quotes (bid, ask, last) beside them. Merged by symbol: listings
/// and closings insert and remove rows, quotes change cells.
class InstrumentModel final : public RowTableModel<desk::CurvePointRecord>
{
    Q_OBJECT

public:
    enum Column { Symbol, Period, Starts, Bid, Ask, Last, ColumnCount };
    enum Role { RawDataRole = Qt::UserRole + 1, SymbolRole };

    explicit InstrumentModel(QObject *parent = nullptr);

    void setInstruments(const QList<desk::InstrumentRecord> &instruments);
    /// Quotes by symbol; symbols without a quote show none.
    void setQuotes(const QList<desk::CurvePointRecord> &quotes);
    /// Only instruments of `product` ("DE.GP2.SH.S1"); empty: all.
    void setProductFilter(const QString &product);
    QString productFilter() const { return m_product; }
    /// Only instruments of delivery period `kind` (H, D, W, M, Q); empty: all.
    void setKindFilter(const QString &kind);
    QString kindFilter() const { return m_kind; }
    int rowOf(const QString &symbol) const;
    /// Only periods with a bid, ask or last price, plus `pinned` (the selected one), while
    /// the product has any; a product without prices shows every open period.
    void setQuotedOnly(bool quotedOnly);
    bool quotedOnly() const { return m_quotedOnly; }
    void setPinnedSymbol(const QString &symbol);
    /// Open periods of the product that setQuotedOnly() hides now.
    int hiddenCount() const { return m_hidden; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString periodName(const QString &kind);

private:
    void rebuild();

    QList<desk::InstrumentRecord> m_instruments;
    QHash<QString, desk::CurvePointRecord> m_quotes;
    QString m_product;
    QString m_kind;
    QString m_pinned;
    bool m_quotedOnly = false;
    int m_hidden = 0;
};

} // namespace cloudex::models
