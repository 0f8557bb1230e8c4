#pragma once

#include "connect/agentstore.h"
#include "core/result.h"

namespace cloudex::connect {

/// The desktop's default site: libvirt's test driver with several simulated hosts, so that
/// placement and separation have work to do. A `test:///` URI needs a file path, so each
/// host's node file is written to an absolute path in the data directory.
class EmbeddedSite
{
public:
    struct Host
    {
        QString id;
        int cpus;
        qint64 memoryMiB;
    };

    static QList<Host> hosts();
    static QList<Tenant> tenants();
    static QList<HostGroup> hostGroups();
    /// Template volumes in every host's template pool.
    static QStringList templateNames();

    /// Writes (or refreshes) <dataDir>/connect/hosts/<id>.xml; returns the test:/// URIs.
    static Result<QStringList> writeNodeFiles(const QString &dataDir);
    /// The node file of one simulated host: CPU, memory, a template and a VM pool.
    static QString nodeXml(const Host &host, const QStringList &templates);
};

} // namespace cloudex::connect
