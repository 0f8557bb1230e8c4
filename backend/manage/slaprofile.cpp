#include "manage/slaprofile.h"

#include "catalogue/catalogue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace cloudex::manage {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Manage)
};

QJsonArray stringArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

Result<QStringList> readStrings(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return QStringList{};
    if (!v.isArray())
        return Error{QStringLiteral("manage.bad-profile"), Tr::tr("%1 must be a list of strings.").arg(key),
                     key};
    QStringList out;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return Error{QStringLiteral("manage.bad-profile"),
                         Tr::tr("%1 must be a list of strings.").arg(key), key};
        out.append(item.toString());
    }
    return out;
}

Result<int> readCount(const QJsonObject &o, QLatin1StringView key, int max)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return 0;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d > max || d != static_cast<int>(d))
        return Error{QStringLiteral("manage.bad-profile"),
                     Tr::tr("%1 must be a whole number from 0 to %2.").arg(key).arg(max), key};
    return static_cast<int>(d);
}

} // namespace

bool SlaProfile::matches(const catalogue::Product &product) const
{
    const catalogue::SlaTerms &terms = catalogue::slaTerms(product.sla);
    if (minAvailabilityBasisPoints > 0 && terms.availabilityBasisPoints < minAvailabilityBasisPoints)
        return false;
    if (maxSupportResponseMinutes > 0 && terms.supportResponseMinutes > maxSupportResponseMinutes)
        return false;
    if (minCreditPercent > 0 &&
        (terms.credits.isEmpty() || terms.credits.first().creditPercent < minCreditPercent))
        return false;
    if (!tenancies.isEmpty() && !tenancies.contains(product.tenancy))
        return false;
    if (!regions.isEmpty() && !regions.contains(product.regionCode))
        return false;
    if (!instanceClasses.isEmpty() && !instanceClasses.contains(product.classCode))
        return false;
    return true;
}

std::optional<api::Requirements> SlaProfile::requirements() const
{
    if (jurisdictions.isEmpty() && certifications.isEmpty() && metadataPolicies.isEmpty())
        return std::nullopt;
    return api::Requirements{jurisdictions, certifications, metadataPolicies};
}

QJsonObject SlaProfile::toJson() const
{
    QStringList tenancyCodes;
    for (catalogue::Tenancy t : tenancies)
        tenancyCodes.append(catalogue::tenancyCode(t));
    return QJsonObject{
        {QLatin1StringView("id"), id},
        {QLatin1StringView("name"), name},
        {QLatin1StringView("minAvailabilityBasisPoints"), minAvailabilityBasisPoints},
        {QLatin1StringView("maxSupportResponseMinutes"), maxSupportResponseMinutes},
        {QLatin1StringView("minCreditPercent"), minCreditPercent},
        {QLatin1StringView("jurisdictions"), stringArray(jurisdictions)},
        {QLatin1StringView("certifications"), stringArray(certifications)},
        {QLatin1StringView("metadataPolicies"), stringArray(metadataPolicies)},
        {QLatin1StringView("tenancies"), stringArray(tenancyCodes)},
        {QLatin1StringView("regions"), stringArray(regions)},
        {QLatin1StringView("instanceClasses"), stringArray(instanceClasses)},
    };
}

Result<SlaProfile> SlaProfile::fromJson(const QJsonObject &o)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9-]{1,40}$"));
    SlaProfile p;
    p.id = o.value(QLatin1StringView("id")).toString();
    if (!idPattern.match(p.id).hasMatch())
        return Error{QStringLiteral("manage.bad-profile"),
                     Tr::tr("A profile id is 1 to 40 lowercase letters, digits or dashes."),
                     QStringLiteral("id")};
    p.name = o.value(QLatin1StringView("name")).toString().trimmed();
    if (p.name.isEmpty())
        p.name = p.id;

    const auto count = [&](QLatin1StringView key, int max, int &out) -> std::optional<Error> {
        Result<int> r = readCount(o, key, max);
        if (!r)
            return r.error();
        out = *r;
        return std::nullopt;
    };
    if (auto e = count(QLatin1StringView("minAvailabilityBasisPoints"), 10000, p.minAvailabilityBasisPoints))
        return *e;
    if (auto e =
            count(QLatin1StringView("maxSupportResponseMinutes"), 60 * 24 * 31, p.maxSupportResponseMinutes))
        return *e;
    if (auto e = count(QLatin1StringView("minCreditPercent"), 100, p.minCreditPercent))
        return *e;

    const auto strings = [&](QLatin1StringView key, QStringList &out) -> std::optional<Error> {
        Result<QStringList> r = readStrings(o, key);
        if (!r)
            return r.error();
        out = *r;
        return std::nullopt;
    };
    QStringList tenancyCodes;
    for (auto [key, out] : {std::pair{QLatin1StringView("jurisdictions"), &p.jurisdictions},
                            std::pair{QLatin1StringView("certifications"), &p.certifications},
                            std::pair{QLatin1StringView("metadataPolicies"), &p.metadataPolicies},
                            std::pair{QLatin1StringView("tenancies"), &tenancyCodes},
                            std::pair{QLatin1StringView("regions"), &p.regions},
                            std::pair{QLatin1StringView("instanceClasses"), &p.instanceClasses}}) {
        if (auto e = strings(key, *out))
            return *e;
    }
    for (const QString &code : std::as_const(tenancyCodes)) {
        const std::optional<catalogue::Tenancy> t = catalogue::tenancyFromCode(code);
        if (!t)
            return Error{QStringLiteral("manage.bad-profile"), Tr::tr("Unknown tenancy %1.").arg(code),
                         QStringLiteral("tenancies")};
        p.tenancies.append(*t);
    }
    const catalogue::Catalogue &cat = catalogue::Catalogue::standard();
    for (const QString &region : std::as_const(p.regions)) {
        if (!cat.findRegion(region))
            return Error{QStringLiteral("manage.bad-profile"), Tr::tr("Unknown region %1.").arg(region),
                         QStringLiteral("regions")};
    }
    return p;
}

SlaProfileStore::SlaProfileStore(QString dataDir)
    : m_dataDir(std::move(dataDir))
{}

QString SlaProfileStore::filePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("manage/sla-profiles.json"));
}

Result<QList<SlaProfile>> SlaProfileStore::load() const
{
    QFile file(filePath());
    if (!file.exists())
        return QList<SlaProfile>{};
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("manage.profiles-unreadable"),
                     Tr::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString())};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(4 * 1024 * 1024), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error{QStringLiteral("manage.profiles-damaged"),
                     Tr::tr("%1 is not a profile file (%2).").arg(file.fileName(), parseError.errorString())};
    QList<SlaProfile> out;
    for (const QJsonValue &v : doc.object().value(QLatin1StringView("profiles")).toArray()) {
        Result<SlaProfile> p = SlaProfile::fromJson(v.toObject());
        if (!p)
            return Error{QStringLiteral("manage.profiles-damaged"),
                         Tr::tr("%1: %2").arg(file.fileName(), p.error().message)};
        out.append(std::move(p).value());
    }
    return out;
}

Result<void> SlaProfileStore::write(const QList<SlaProfile> &profiles) const
{
    if (!QDir().mkpath(QFileInfo(filePath()).absolutePath()))
        return Error{QStringLiteral("manage.profiles-unwritable"),
                     Tr::tr("Cannot create %1.").arg(filePath())};
    QJsonArray array;
    for (const SlaProfile &p : profiles)
        array.append(p.toJson());
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("manage.profiles-unwritable"),
                     Tr::tr("Cannot write %1: %2").arg(file.fileName(), file.errorString())};
    file.write(QJsonDocument(QJsonObject{{QLatin1StringView("profiles"), array}}).toJson());
    if (!file.commit())
        return Error{QStringLiteral("manage.profiles-unwritable"),
                     Tr::tr("Cannot write %1: %2").arg(file.fileName(), file.errorString())};
    return {};
}

Result<void> SlaProfileStore::save(const SlaProfile &profile)
{
    Result<QList<SlaProfile>> profiles = load();
    if (!profiles)
        return profiles.error();
    QList<SlaProfile> list = std::move(profiles).value();
    auto it = std::find_if(list.begin(), list.end(), [&](const SlaProfile &p) { return p.id == profile.id; });
    if (it != list.end())
        *it = profile;
    else
        list.append(profile);
    return write(list);
}

Result<void> SlaProfileStore::remove(const QString &id)
{
    Result<QList<SlaProfile>> profiles = load();
    if (!profiles)
        return profiles.error();
    QList<SlaProfile> list = std::move(profiles).value();
    list.removeIf([&](const SlaProfile &p) { return p.id == id; });
    return write(list);
}

} // namespace cloudex::manage
