#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

/// The product catalogue shared by the exchange and the sellers' connect agents: what a
/// unit of capacity is, where it runs, how it is separated and which SLA it carries.
namespace cloudex::catalogue {

/// Customer separation. Codes appear in product symbols.
enum class Tenancy : quint8 {
    Shared,      ///< SH: any host, VMs of many tenants side by side
    GroupShared, ///< GS: a host group that serves a named set of tenants
    Exclusive,   ///< EX: hosts dedicated to one tenant
};

enum class SlaClass : quint8 { S1, S2, S3 };

QString tenancyCode(Tenancy tenancy);
std::optional<Tenancy> tenancyFromCode(QStringView code);
/// Translated, for people.
QString tenancyName(Tenancy tenancy);
QList<Tenancy> allTenancies();

QString slaClassCode(SlaClass sla);
std::optional<SlaClass> slaClassFromCode(QStringView code);
QList<SlaClass> allSlaClasses();

/// Basis points as a percentage for people, in the default locale's decimal separator:
/// 9950 -> "99.5 %", 9995 -> "99.95 %" ("99,95 %" in German). Exact: through the digits.
QString basisPointsText(int basisPoints);

/// One step of a service-credit schedule: when monthly availability falls below
/// `belowBasisPoints`, the buyer is credited `creditPercent` of that month's charge.
struct ServiceCredit
{
    int belowBasisPoints;
    int creditPercent;
};

/// What a seller that lists an SLA class commits to. Availability in basis points of a
/// month (9950 = 99.50 %).
struct SlaTerms
{
    SlaClass slaClass;
    int availabilityBasisPoints;
    int supportResponseMinutes;
    bool nextBusinessDaySupport;
    QList<ServiceCredit> credits; ///< ordered from the mildest to the steepest shortfall

    /// Credit in percent of the monthly charge owed for a measured availability.
    int creditPercentFor(int measuredBasisPoints) const;
    QString availabilityText() const { return basisPointsText(availabilityBasisPoints); }
    /// Translated, for example "4 h" or "next business day".
    QString supportResponseText() const;
};

const SlaTerms &slaTerms(SlaClass sla);

/// vCPU, memory and disk of one instance.
struct InstanceClass
{
    QString code;
    int vcpus;
    int memoryMiB;
    int diskGiB;

    QString sizeText() const; ///< "2 vCPU · 8 GiB · 50 GiB"
};

/// Where capacity runs and whose law applies to it. A pooled region (EU) accepts capacity
/// in any of its member jurisdictions.
struct Region
{
    QString code;
    QString jurisdiction; ///< ISO 3166 alpha-2, or "EU" for the pooled region
    QString name() const; ///< translated; the pooled EU region is "European Union"
};

/// A standard capacity product: instance class x region x tenancy x SLA class.
/// Symbol: REGION.CLASS.TENANCY.SLA, for example DE.GP2.SH.S1.
struct Product
{
    QString regionCode;
    QString classCode;
    Tenancy tenancy = Tenancy::Shared;
    SlaClass sla = SlaClass::S1;

    QString symbol() const;
    bool operator==(const Product &) const = default;
};

} // namespace cloudex::catalogue
