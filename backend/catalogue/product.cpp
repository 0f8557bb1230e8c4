#include "catalogue/product.h"

#include <QCoreApplication>
#include <QLocale>

namespace cloudex::catalogue {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Catalogue)
};

constexpr int kMinutesPerHour = 60;

// The SLA classes of DESIGN.md. Credits follow the usual public-cloud pattern: a tenth of
// the month's charge for a missed target, more the further availability falls.
const SlaTerms kSlaTerms[] = {
    {SlaClass::S1, 9950, 24 * kMinutesPerHour, true, {{9950, 10}, {9900, 25}, {9500, 100}}},
    {SlaClass::S2, 9990, 4 * kMinutesPerHour, false, {{9990, 10}, {9900, 25}, {9500, 100}}},
    {SlaClass::S3, 9995, 1 * kMinutesPerHour, false, {{9995, 10}, {9950, 25}, {9900, 50}, {9500, 100}}},
};
} // namespace

QString tenancyCode(Tenancy tenancy)
{
    switch (tenancy) {
    case Tenancy::Shared:
        return QStringLiteral("SH");
    case Tenancy::GroupShared:
        return QStringLiteral("GS");
    case Tenancy::Exclusive:
        return QStringLiteral("EX");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<Tenancy> tenancyFromCode(QStringView code)
{
    for (Tenancy t : allTenancies()) {
        if (code == tenancyCode(t))
            return t;
    }
    return std::nullopt;
}

QString tenancyName(Tenancy tenancy)
{
    switch (tenancy) {
    case Tenancy::Shared:
        return Tr::tr("Shared");
    case Tenancy::GroupShared:
        return Tr::tr("Group-shared");
    case Tenancy::Exclusive:
        return Tr::tr("Exclusive");
    }
    Q_UNREACHABLE();
    return {};
}

QList<Tenancy> allTenancies()
{
    return {Tenancy::Shared, Tenancy::GroupShared, Tenancy::Exclusive};
}

QString slaClassCode(SlaClass sla)
{
    return QStringLiteral("S%1").arg(int(sla) + 1);
}

std::optional<SlaClass> slaClassFromCode(QStringView code)
{
    for (SlaClass s : allSlaClasses()) {
        if (code == slaClassCode(s))
            return s;
    }
    return std::nullopt;
}

QList<SlaClass> allSlaClasses()
{
    return {SlaClass::S1, SlaClass::S2, SlaClass::S3};
}

const SlaTerms &slaTerms(SlaClass sla)
{
    return kSlaTerms[int(sla)];
}

int SlaTerms::creditPercentFor(int measuredBasisPoints) const
{
    int percent = 0;
    for (const ServiceCredit &step : credits) {
        if (measuredBasisPoints < step.belowBasisPoints)
            percent = step.creditPercent;
    }
    return percent;
}

QString basisPointsText(int basisPoints)
{
    // Through the digits in the locale's decimal separator ("99,95 %" in German).
    const QLocale locale;
    const int whole = basisPoints / 100;
    const int fraction = basisPoints % 100;
    const QString decimals = fraction % 10 == 0 ? QString::number(fraction / 10)
                                                : QStringLiteral("%1").arg(fraction, 2, 10, QLatin1Char('0'));
    return locale.toString(whole) + locale.decimalPoint() + decimals + QStringLiteral(" %");
}

QString SlaTerms::supportResponseText() const
{
    if (nextBusinessDaySupport)
        return Tr::tr("next business day");
    if (supportResponseMinutes % kMinutesPerHour == 0)
        return Tr::tr("%1 h").arg(supportResponseMinutes / kMinutesPerHour);
    return Tr::tr("%1 min").arg(supportResponseMinutes);
}

QString InstanceClass::sizeText() const
{
    const QLocale locale;
    return Tr::tr("%1 vCPU · %2 GiB · %3 GiB disk")
        .arg(locale.toString(vcpus), locale.toString(double(memoryMiB) / 1024.0, 'g', 4),
             locale.toString(diskGiB));
}

QString Region::name() const
{
    if (code == u"DE")
        return Tr::tr("Germany");
    if (code == u"FR")
        return Tr::tr("France");
    if (code == u"NL")
        return Tr::tr("Netherlands");
    if (code == u"IE")
        return Tr::tr("Ireland");
    if (code == u"CH")
        return Tr::tr("Switzerland");
    if (code == u"EU")
        return Tr::tr("European Union");
    if (code == u"US")
        return Tr::tr("United States");
    return code;
}

QString Product::symbol() const
{
    return regionCode + u'.' + classCode + u'.' + tenancyCode(tenancy) + u'.' + slaClassCode(sla);
}

} // namespace cloudex::catalogue
