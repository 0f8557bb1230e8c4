#include "manage/profileledger.h"

#include "catalogue/catalogue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>

namespace cloudex::manage {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Manage)
};

QString listText(const QStringList &values)
{
    return values.isEmpty() ? Tr::tr("any") : values.join(QStringLiteral(", "));
}
} // namespace

QJsonObject OrderProfile::toJson() const
{
    return {{QLatin1StringView("clientOrderId"), clientOrderId},
            {QLatin1StringView("orderId"), orderId},
            {QLatin1StringView("symbol"), symbol},
            {QLatin1StringView("placedAt"), placedAt},
            {QLatin1StringView("profile"), profile.toJson()}};
}

Result<OrderProfile> OrderProfile::fromJson(const QJsonObject &o)
{
    OrderProfile e;
    e.clientOrderId = o.value(QLatin1StringView("clientOrderId")).toString();
    if (e.clientOrderId.isEmpty())
        return Error{QStringLiteral("manage.bad-ledger"), Tr::tr("An entry has no client order id."),
                     QStringLiteral("clientOrderId")};
    e.orderId = o.value(QLatin1StringView("orderId")).toInteger();
    e.symbol = o.value(QLatin1StringView("symbol")).toString();
    e.placedAt = o.value(QLatin1StringView("placedAt")).toInteger();
    Result<SlaProfile> p = SlaProfile::fromJson(o.value(QLatin1StringView("profile")).toObject());
    if (!p)
        return p.error();
    e.profile = std::move(p).value();
    return e;
}

ProfileLedger::ProfileLedger(QString dataDir)
    : m_dataDir(std::move(dataDir))
{}

QString ProfileLedger::filePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("manage/order-profiles.json"));
}

Result<QList<OrderProfile>> ProfileLedger::load() const
{
    QFile file(filePath());
    if (!file.exists())
        return QList<OrderProfile>{};
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("manage.ledger-unreadable"),
                     Tr::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString())};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(16 * 1024 * 1024), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error{
            QStringLiteral("manage.ledger-damaged"),
            Tr::tr("%1 is not an order profile file (%2).").arg(file.fileName(), parseError.errorString())};
    QList<OrderProfile> out;
    for (const QJsonValue &v : doc.object().value(QLatin1StringView("orders")).toArray()) {
        Result<OrderProfile> e = OrderProfile::fromJson(v.toObject());
        if (!e)
            return Error{QStringLiteral("manage.ledger-damaged"),
                         Tr::tr("%1: %2").arg(file.fileName(), e.error().message)};
        out.append(std::move(e).value());
    }
    return out;
}

Result<void> ProfileLedger::write(const QList<OrderProfile> &entries) const
{
    if (!QDir().mkpath(QFileInfo(filePath()).absolutePath()))
        return Error{QStringLiteral("manage.ledger-unwritable"), Tr::tr("Cannot create %1.").arg(filePath())};
    QJsonArray array;
    for (const OrderProfile &e : entries)
        array.append(e.toJson());
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("manage.ledger-unwritable"),
                     Tr::tr("Cannot write %1: %2").arg(file.fileName(), file.errorString())};
    file.write(QJsonDocument(QJsonObject{{QLatin1StringView("orders"), array}}).toJson());
    if (!file.commit())
        return Error{QStringLiteral("manage.ledger-unwritable"),
                     Tr::tr("Cannot write %1: %2").arg(file.fileName(), file.errorString())};
    return {};
}

Result<void> ProfileLedger::record(const OrderProfile &entry)
{
    Result<QList<OrderProfile>> entries = load();
    if (!entries)
        return entries.error();
    QList<OrderProfile> list = std::move(entries).value();
    auto it = std::find_if(list.begin(), list.end(),
                           [&](const OrderProfile &e) { return e.clientOrderId == entry.clientOrderId; });
    if (it != list.end())
        *it = entry;
    else
        list.append(entry);
    return write(list);
}

Result<bool> ProfileLedger::setOrderId(const QString &clientOrderId, qint64 orderId)
{
    Result<QList<OrderProfile>> entries = load();
    if (!entries)
        return entries.error();
    QList<OrderProfile> list = std::move(entries).value();
    for (OrderProfile &e : list) {
        if (e.clientOrderId == clientOrderId) {
            e.orderId = orderId;
            if (Result<void> written = write(list); !written)
                return written.error();
            return true;
        }
    }
    return false;
}

std::optional<OrderProfile> ProfileLedger::forOrder(qint64 orderId) const
{
    if (orderId <= 0)
        return std::nullopt;
    const Result<QList<OrderProfile>> entries = load();
    if (!entries)
        return std::nullopt;
    for (const OrderProfile &e : entries.value())
        if (e.orderId == orderId)
            return e;
    return std::nullopt;
}

QList<TermCheck> compareTerms(const api::Contract &contract, const SlaProfile &profile)
{
    const QLocale locale;
    QList<TermCheck> out;
    const api::Sla &sla = contract.sla;
    out.append(
        {Tr::tr("Availability"), catalogue::basisPointsText(sla.availabilityBasisPoints),
         profile.minAvailabilityBasisPoints > 0
             ? Tr::tr("at least %1").arg(catalogue::basisPointsText(profile.minAvailabilityBasisPoints))
             : Tr::tr("any"),
         profile.minAvailabilityBasisPoints > 0 &&
             sla.availabilityBasisPoints < profile.minAvailabilityBasisPoints});
    const QString support = sla.nextBusinessDaySupport
                                ? Tr::tr("next business day")
                                : Tr::tr("%n minute(s)", nullptr, sla.supportResponseMinutes);
    // Next-business-day support answers later than any minute limit a profile sets.
    out.append(
        {Tr::tr("Support response"), support,
         profile.maxSupportResponseMinutes > 0
             ? Tr::tr("within %n minute(s)", nullptr, profile.maxSupportResponseMinutes)
             : Tr::tr("any"),
         profile.maxSupportResponseMinutes > 0 &&
             (sla.nextBusinessDaySupport || sla.supportResponseMinutes > profile.maxSupportResponseMinutes)});
    const int credit = sla.credits.isEmpty() ? 0 : sla.credits.first().creditPercent;
    out.append({Tr::tr("Service credit at the first shortfall"),
                sla.credits.isEmpty() ? Tr::tr("none") : Tr::tr("%1 %").arg(locale.toString(credit)),
                profile.minCreditPercent > 0
                    ? Tr::tr("at least %1 %").arg(locale.toString(profile.minCreditPercent))
                    : Tr::tr("any"),
                profile.minCreditPercent > 0 && credit < profile.minCreditPercent});

    const Result<catalogue::Product> product =
        catalogue::Catalogue::standard().parseProduct(contract.product);
    if (product) {
        out.append({Tr::tr("Region"), product->regionCode, listText(profile.regions),
                    !profile.regions.isEmpty() && !profile.regions.contains(product->regionCode)});
        QStringList tenancies;
        for (catalogue::Tenancy t : profile.tenancies)
            tenancies.append(catalogue::tenancyName(t));
        out.append({Tr::tr("Tenancy"), catalogue::tenancyName(product->tenancy), listText(tenancies),
                    !profile.tenancies.isEmpty() && !profile.tenancies.contains(product->tenancy)});
        out.append(
            {Tr::tr("Instance class"), product->classCode, listText(profile.instanceClasses),
             !profile.instanceClasses.isEmpty() && !profile.instanceClasses.contains(product->classCode)});
    }
    const QString screened = Tr::tr("screened by the exchange");
    out.append({Tr::tr("Seller's jurisdiction"), screened, listText(profile.jurisdictions), false, true});
    out.append({Tr::tr("Seller's certifications"), screened, listText(profile.certifications), false, true});
    out.append(
        {Tr::tr("Seller's metadata policy"), screened, listText(profile.metadataPolicies), false, true});
    return out;
}

} // namespace cloudex::manage
