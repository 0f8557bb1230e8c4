#include "siteconfig.h"

#include "connectagent.h"

#include <QCoreApplication>
#include <QFile>
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
    return parse(f.readAll());
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
    if (auto valid = Placement::validate(config.hostGroups); !valid)
        return invalid(valid.error().message);
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

} // namespace cloudex::connect
