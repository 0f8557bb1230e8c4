#pragma once

#include "catalogue/deliveryperiod.h"
#include "catalogue/product.h"

#include <QList>

namespace cloudex::catalogue {

/// A tradable instrument: a product for one delivery period.
/// Symbol: PRODUCT.PERIOD, for example DE.GP2.SH.S1.H2026-12-01T14.
struct Instrument
{
    Product product;
    DeliveryPeriod period;

    QString symbol() const { return product.symbol() + u'.' + period.code(); }
    bool operator==(const Instrument &) const = default;
};

/// The standard products of the exchange: which instance classes and regions exist, and
/// how product and instrument symbols are read. Immutable once built.
class Catalogue
{
public:
    Catalogue(QList<InstanceClass> classes, QList<Region> regions);

    /// The catalogue of DESIGN.md: general-purpose, compute- and memory-optimised classes
    /// in the European regions and the US.
    static const Catalogue &standard();

    const QList<InstanceClass> &instanceClasses() const { return m_classes; }
    const QList<Region> &regions() const { return m_regions; }
    const InstanceClass *findClass(QStringView code) const;
    const Region *findRegion(QStringView code) const;

    /// Every combination of region, class, tenancy and SLA class, in catalogue order.
    QList<Product> products() const;

    /// What a buyer chooses by, in words (translated): "GP2 (2 vCPU · 8 GiB · 50 GiB disk),
    /// Germany, shared, SLA S1". The symbol itself when class or region is unknown.
    QString describe(const Product &product) const;

    /// Reads "DE.GP2.SH.S1"; checks that region and class exist.
    Result<Product> parseProduct(QStringView symbol) const;
    /// Reads "DE.GP2.SH.S1.H2026-12-01T14".
    Result<Instrument> parseInstrument(QStringView symbol) const;

private:
    QList<InstanceClass> m_classes;
    QList<Region> m_regions;
};

} // namespace cloudex::catalogue
