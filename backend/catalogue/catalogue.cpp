#include "catalogue/catalogue.h"

#include <QCoreApplication>

namespace cloudex::catalogue {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Catalogue)
};

constexpr int kMiBPerGiB = 1024;
constexpr int kProductParts = 4;

Error badSymbol(QStringView symbol, const QString &why)
{
    return Error{QStringLiteral("symbol.invalid"),
                 Tr::tr("Invalid symbol \"%1\": %2").arg(symbol.toString(), why)};
}
} // namespace

Catalogue::Catalogue(QList<InstanceClass> classes, QList<Region> regions)
    : m_classes(std::move(classes))
    , m_regions(std::move(regions))
{
}

const Catalogue &Catalogue::standard()
{
    static const Catalogue catalogue(
        {
            {QStringLiteral("GP1"), 1, 4 * kMiBPerGiB, 25},
            {QStringLiteral("GP2"), 2, 8 * kMiBPerGiB, 50},
            {QStringLiteral("GP4"), 4, 16 * kMiBPerGiB, 100},
            {QStringLiteral("GP8"), 8, 32 * kMiBPerGiB, 200},
            {QStringLiteral("CO4"), 4, 8 * kMiBPerGiB, 50},
            {QStringLiteral("MO4"), 4, 32 * kMiBPerGiB, 100},
        },
        {
            {QStringLiteral("DE"), QStringLiteral("DE")},
            {QStringLiteral("FR"), QStringLiteral("FR")},
            {QStringLiteral("NL"), QStringLiteral("NL")},
            {QStringLiteral("IE"), QStringLiteral("IE")},
            {QStringLiteral("CH"), QStringLiteral("CH")},
            {QStringLiteral("EU"), QStringLiteral("EU")},
            {QStringLiteral("US"), QStringLiteral("US")},
        });
    return catalogue;
}

const InstanceClass *Catalogue::findClass(QStringView code) const
{
    for (const InstanceClass &c : m_classes) {
        if (c.code == code)
            return &c;
    }
    return nullptr;
}

const Region *Catalogue::findRegion(QStringView code) const
{
    for (const Region &r : m_regions) {
        if (r.code == code)
            return &r;
    }
    return nullptr;
}

QList<Product> Catalogue::products() const
{
    QList<Product> all;
    all.reserve(m_regions.size() * m_classes.size() * allTenancies().size() * allSlaClasses().size());
    for (const Region &r : m_regions) {
        for (const InstanceClass &c : m_classes) {
            for (Tenancy t : allTenancies()) {
                for (SlaClass s : allSlaClasses())
                    all.append(Product{r.code, c.code, t, s});
            }
        }
    }
    return all;
}

Result<Product> Catalogue::parseProduct(QStringView symbol) const
{
    const auto parts = symbol.split(u'.');
    if (parts.size() != kProductParts)
        return badSymbol(symbol, Tr::tr("expected REGION.CLASS.TENANCY.SLA, for example DE.GP2.SH.S1"));
    if (!findRegion(parts[0]))
        return badSymbol(symbol, Tr::tr("unknown region %1").arg(parts[0].toString()));
    if (!findClass(parts[1]))
        return badSymbol(symbol, Tr::tr("unknown instance class %1").arg(parts[1].toString()));
    const auto tenancy = tenancyFromCode(parts[2]);
    if (!tenancy)
        return badSymbol(symbol, Tr::tr("unknown tenancy %1 (SH, GS or EX)").arg(parts[2].toString()));
    const auto sla = slaClassFromCode(parts[3]);
    if (!sla)
        return badSymbol(symbol, Tr::tr("unknown SLA class %1 (S1, S2 or S3)").arg(parts[3].toString()));
    return Product{parts[0].toString(), parts[1].toString(), *tenancy, *sla};
}

Result<Instrument> Catalogue::parseInstrument(QStringView symbol) const
{
    const qsizetype cut = symbol.lastIndexOf(u'.');
    if (cut < 0)
        return badSymbol(symbol, Tr::tr("expected PRODUCT.PERIOD, for example DE.GP2.SH.S1.H2026-12-01T14"));
    auto product = parseProduct(symbol.left(cut));
    if (!product)
        return product.error();
    auto period = DeliveryPeriod::parse(symbol.mid(cut + 1));
    if (!period)
        return period.error();
    return Instrument{*product, *period};
}

QString Catalogue::describe(const Product &product) const
{
    const InstanceClass *cls = findClass(product.classCode);
    const Region *region = findRegion(product.regionCode);
    if (!cls || !region)
        return product.symbol();
    return Tr::tr("%1 (%2), %3, %4, SLA %5")
        .arg(cls->code, cls->sizeText(), region->name(), tenancyName(product.tenancy).toLower(),
             slaClassCode(product.sla));
}

} // namespace cloudex::catalogue
