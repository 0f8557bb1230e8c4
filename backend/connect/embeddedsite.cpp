#include "embeddedsite.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QUrl>
#include <QUuid>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};

using catalogue::Tenancy;
constexpr qint64 kGiB = 1024LL * 1024 * 1024;
constexpr qint64 kTemplateBytes = 2 * kGiB;
constexpr qint64 kPoolBytes = 2048 * kGiB;
constexpr qint64 kKiBPerMiB = 1024;
constexpr int kSmallHostCpus = 8;
constexpr int kLargeHostCpus = 16;
constexpr qint64 kSmallHostMiB = 32 * 1024;
constexpr qint64 kLargeHostMiB = 64 * 1024;

QString poolXml(const QString &name, const QString &hostId, const QStringList &volumes)
{
    // Stable UUIDs per host and pool, so a reloaded node file names the same pools.
    const QUuid uuid = QUuid::createUuidV5(QUuid(), hostId + u'/' + name);
    QString xml =
        QStringLiteral("  <pool type='dir'>\n    <name>%1</name>\n    <uuid>%2</uuid>\n"
                       "    <capacity>%3</capacity>\n    <allocation>0</allocation>\n"
                       "    <available>%3</available>\n    <target><path>/cloudex/%4/%1</path></target>\n")
            .arg(name, uuid.toString(QUuid::WithoutBraces))
            .arg(kPoolBytes)
            .arg(hostId);
    for (const QString &volume : volumes) {
        xml += QStringLiteral("    <volume type='file'><name>%1</name><key>/cloudex/%2/%3/%1</key>"
                              "<capacity>%4</capacity><allocation>%4</allocation>"
                              "<target><path>/cloudex/%2/%3/%1</path></target></volume>\n")
                   .arg(volume, hostId, name)
                   .arg(kTemplateBytes);
    }
    xml += QStringLiteral("  </pool>\n");
    return xml;
}
} // namespace

QList<EmbeddedSite::Host> EmbeddedSite::hosts()
{
    return {{QStringLiteral("host1"), kLargeHostCpus, kLargeHostMiB},
            {QStringLiteral("host2"), kLargeHostCpus, kLargeHostMiB},
            {QStringLiteral("host3"), kSmallHostCpus, kSmallHostMiB},
            {QStringLiteral("host4"), kSmallHostCpus, kSmallHostMiB}};
}

QList<Tenant> EmbeddedSite::tenants()
{
    return {{QStringLiteral("acme"), QStringLiteral("ACME Corp")},
            {QStringLiteral("globex"), QStringLiteral("Globex")},
            {QStringLiteral("initech"), QStringLiteral("Initech")}};
}

QList<HostGroup> EmbeddedSite::hostGroups()
{
    // host1 and host2 stay in the shared pool.
    return {{QStringLiteral("finance"),
             Tenancy::GroupShared,
             {QStringLiteral("host3")},
             {QStringLiteral("acme"), QStringLiteral("globex")}},
            {QStringLiteral("initech-dedicated"),
             Tenancy::Exclusive,
             {QStringLiteral("host4")},
             {QStringLiteral("initech")}}};
}

QStringList EmbeddedSite::templateNames()
{
    return {QStringLiteral("debian-12.img"), QStringLiteral("ubuntu-24.04.img"),
            QStringLiteral("alpine-3.20.img")};
}

QString EmbeddedSite::nodeXml(const Host &host, const QStringList &templates)
{
    QString xml =
        QStringLiteral("<node>\n  <cpu><mhz>2400</mhz><model>x86_64</model><active>%1</active>"
                       "<nodes>1</nodes><sockets>1</sockets><cores>%1</cores><threads>1</threads></cpu>\n"
                       "  <memory>%2</memory>\n")
            .arg(host.cpus)
            .arg(host.memoryMiB * kKiBPerMiB);
    xml += poolXml(QStringLiteral("templates"), host.id, templates);
    xml += poolXml(QStringLiteral("vms"), host.id, {});
    xml += QStringLiteral("</node>\n");
    return xml;
}

Result<QStringList> EmbeddedSite::writeNodeFiles(const QString &dataDir)
{
    const QString dirPath = QDir(dataDir).absoluteFilePath(QStringLiteral("connect/hosts"));
    if (!QDir().mkpath(dirPath))
        return Error{QStringLiteral("site.write"), Tr::tr("Cannot create the folder %1.").arg(dirPath)};
    QStringList uris;
    for (const Host &host : hosts()) {
        const QString path = dirPath + u'/' + host.id + QStringLiteral(".xml");
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(nodeXml(host, templateNames()).toUtf8()) < 0 ||
            !file.commit())
            return Error{QStringLiteral("site.write"), Tr::tr("Cannot write the host file %1.").arg(path)};
        uris.append(QStringLiteral("test://") + path);
    }
    return uris;
}

} // namespace cloudex::connect
