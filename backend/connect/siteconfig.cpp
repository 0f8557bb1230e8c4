#include "siteconfig.h"

#include "connectagent.h"

#include "catalogue/catalogue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};

Error invalid(const QString &why)
{
    return Error{QStringLiteral("config.invalid"), Tr::tr("Invalid site configuration: %1").arg(why)};
}

QStringList strings(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &v : value.toArray())
        result.append(v.toString());
    return result;
}
} // namespace

Result<SiteConfig> SiteConfig::load(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("config.read"), Tr::tr("Cannot read %1: %2").arg(file, f.errorString())};
    auto parsed = parse(f.readAll());
    if (!parsed)
        return parsed;
    SiteConfig config = *parsed;
    const QDir base = QFileInfo(file).absoluteDir();
    for (QString *path : {&config.identityFile, &config.passphraseFile, &config.caFile,
                          &config.tradingIdentityFile, &config.tradingPassphraseFile}) {
        if (!path->isEmpty())
            *path = base.absoluteFilePath(*path);
    }
    return config;
}

namespace {
Result<QByteArray> readPassphrase(const QString &file, const QString &env)
{
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("config.passphrase"),
                         Tr::tr("Cannot read %1: %2").arg(file, f.errorString())};
        const QByteArray text = f.readAll().trimmed();
        if (text.isEmpty())
            return Error{QStringLiteral("config.passphrase"),
                         Tr::tr("The passphrase file %1 is empty.").arg(file)};
        return text;
    }
    if (!env.isEmpty() && qEnvironmentVariableIsSet(env.toLocal8Bit().constData()))
        return qgetenv(env.toLocal8Bit().constData());
    return QByteArrayLiteral("cloudex");
}
} // namespace

Result<QByteArray> SiteConfig::passphrase() const
{
    return readPassphrase(passphraseFile, passphraseEnv);
}

Result<QByteArray> SiteConfig::tradingPassphrase() const
{
    return readPassphrase(tradingPassphraseFile, tradingPassphraseEnv);
}

Result<SiteConfig> SiteConfig::parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject())
        return invalid(error.errorString());
    const QJsonObject root = document.object();
    SiteConfig config;
    config.embedded = root.value(QStringLiteral("embedded")).toBool(false);
    config.reconcileIntervalMs =
        root.value(QStringLiteral("reconcileIntervalMs")).toInt(config.reconcileIntervalMs);
    for (const QJsonValue &value : root.value(QStringLiteral("connections")).toArray()) {
        const QJsonObject o = value.toObject();
        ConnectionRecord record;
        if (o.contains(QStringLiteral("workflow"))) {
            record.kind = ConnectionRecord::Kind::Workflow;
            record.command = strings(o.value(QStringLiteral("workflow")));
            record.key = record.command.join(u' ');
            if (record.command.isEmpty())
                return invalid(Tr::tr("a workflow connection needs a command"));
        } else {
            record.key = o.value(QStringLiteral("uri")).toString();
            record.hostId = o.value(QStringLiteral("host")).toString();
            if (!record.key.contains(u':'))
                return invalid(Tr::tr("\"%1\" is not a libvirt URI").arg(record.key));
        }
        config.connections.append(record);
    }
    for (const QJsonValue &value : root.value(QStringLiteral("tenants")).toArray()) {
        const QJsonObject o = value.toObject();
        config.tenants.append(
            Tenant{o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString()});
    }
    for (const QJsonValue &value : root.value(QStringLiteral("hostGroups")).toArray()) {
        const QJsonObject o = value.toObject();
        HostGroup group;
        group.name = o.value(QStringLiteral("name")).toString();
        const auto tenancy = catalogue::tenancyFromCode(o.value(QStringLiteral("tenancy")).toString());
        if (!tenancy)
            return invalid(Tr::tr("host group %1 needs a tenancy SH, GS or EX").arg(group.name));
        group.tenancy = *tenancy;
        group.hosts = strings(o.value(QStringLiteral("hosts")));
        group.tenants = strings(o.value(QStringLiteral("tenants")));
        config.hostGroups.append(group);
    }
    const QJsonObject exchange = root.value(QStringLiteral("exchange")).toObject();
    config.exchangeUrl = exchange.value(QStringLiteral("url")).toString();
    config.siteId = exchange.value(QStringLiteral("siteId")).toString();
    config.identityFile = exchange.value(QStringLiteral("identity")).toString();
    config.passphraseFile = exchange.value(QStringLiteral("passphraseFile")).toString();
    config.passphraseEnv = exchange.value(QStringLiteral("passphraseEnv")).toString(config.passphraseEnv);
    config.caFile = exchange.value(QStringLiteral("ca")).toString();
    if (!config.exchangeUrl.isEmpty() && (config.siteId.isEmpty() || config.identityFile.isEmpty()))
        return invalid(Tr::tr("an exchange needs \"siteId\" and \"identity\""));
    if (!config.exchangeUrl.isEmpty() && !config.exchangeUrl.startsWith(QLatin1String("https://")))
        return invalid(Tr::tr("the exchange URL must be https"));
    config.listen = root.value(QStringLiteral("listen")).toString(config.listen);
    config.endpoint = root.value(QStringLiteral("endpoint")).toString();
    config.name = root.value(QStringLiteral("name")).toString();
    config.products = strings(root.value(QStringLiteral("products")));
    config.defaultGroup = root.value(QStringLiteral("defaultGroup")).toString();
    const auto seconds = [&](const char *key, qint64 *out) -> bool {
        const QJsonValue v = root.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() != double(v.toInteger()))
            return false;
        *out = v.toInteger();
        return true;
    };
    if (!seconds("graceSeconds", &config.graceSeconds) ||
        !seconds("retentionSeconds", &config.retentionSeconds) ||
        !seconds("crlToleranceSeconds", &config.crlToleranceSeconds))
        return invalid(
            Tr::tr("graceSeconds, retentionSeconds and crlToleranceSeconds are whole seconds >= 0"));
    for (const QString &product : std::as_const(config.products)) {
        if (!catalogue::Catalogue::standard().parseProduct(product))
            return invalid(Tr::tr("\"%1\" is not a catalogue product").arg(product));
    }
    if (auto valid = Placement::validate(config.hostGroups); !valid)
        return invalid(valid.error().message);
    const QJsonObject trading = root.value(QStringLiteral("trading")).toObject();
    config.tradingIdentityFile = trading.value(QStringLiteral("identity")).toString();
    config.tradingPassphraseFile = trading.value(QStringLiteral("passphraseFile")).toString();
    config.tradingPassphraseEnv =
        trading.value(QStringLiteral("passphraseEnv")).toString(config.tradingPassphraseEnv);
    config.repriceSeconds = trading.value(QStringLiteral("repriceSeconds")).toInt(config.repriceSeconds);
    config.offerIntervalMs = trading.value(QStringLiteral("intervalMs")).toInt(config.offerIntervalMs);
    if (config.repriceSeconds < 0 || config.offerIntervalMs < 100)
        return invalid(Tr::tr("repriceSeconds must be >= 0 and intervalMs >= 100"));
    if (!config.tradingIdentityFile.isEmpty() && config.exchangeUrl.isEmpty())
        return invalid(Tr::tr("a trading identity needs an exchange"));
    for (const QJsonValue &value : root.value(QStringLiteral("offers")).toArray()) {
        const QJsonObject o = value.toObject();
        Offer offer;
        offer.product = o.value(QStringLiteral("product")).toString();
        offer.reservedInstances = o.value(QStringLiteral("cap")).toInt();
        auto windows = parseOfferWindows(o.value(QStringLiteral("periods")).toString());
        if (!windows)
            return invalid(windows.error().message);
        offer.windows = *windows;
        offer.pool = o.value(QStringLiteral("pool")).toString();
        if (o.contains(QStringLiteral("spot"))) {
            const QJsonObject spot = o.value(QStringLiteral("spot")).toObject();
            offer.priceMode = Offer::PriceMode::SpotLinked;
            offer.markupBasisPoints = spot.value(QStringLiteral("markupBasisPoints")).toInt();
            offer.floorTicks = spot.value(QStringLiteral("floor")).toInteger();
            offer.capTicks = spot.value(QStringLiteral("cap")).toInteger();
        } else {
            offer.priceTicks = o.value(QStringLiteral("price")).toInteger();
        }
        if (!catalogue::Catalogue::standard().parseProduct(offer.product) || offer.reservedInstances <= 0)
            return invalid(Tr::tr("an offer needs a catalogue \"product\" and a \"cap\" above zero"));
        config.offers.append(offer);
    }
    return config;
}

Result<void> SiteConfig::apply(ConnectAgent &agent) const
{
    if (embedded) {
        if (auto ok = agent.setupEmbeddedSite(); !ok)
            return ok;
    }
    for (const Tenant &tenant : tenants) {
        if (auto ok = agent.saveTenant(tenant); !ok)
            return ok;
    }
    for (const HostGroup &group : hostGroups) {
        if (auto ok = agent.saveHostGroup(group); !ok)
            return ok;
    }
    for (const ConnectionRecord &connection : connections) {
        if (auto ok = agent.recordConnection(connection); !ok)
            return ok;
    }
    return {};
}

Result<void> SiteConfig::applyOffers(ConnectAgent &agent) const
{
    for (const Offer &offer : offers) {
        if (auto ok = agent.saveOffer(offer); !ok)
            return ok;
    }
    return {};
}

} // namespace cloudex::connect
