#include "core/datadirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace cloudex {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Core)
};
} // namespace

QString DataDirectory::defaultPath()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/CloudEx");
}

Result<QString> DataDirectory::prepare(const QString &path)
{
    if (path.trimmed().isEmpty())
        return Error{QStringLiteral("datadir.empty"), Tr::tr("The data directory path is empty.")};

    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QFileInfo info(absolute);
    if (info.exists() && !info.isDir()) {
        return Error{QStringLiteral("datadir.not-a-directory"),
                     Tr::tr("The data directory %1 exists but is not a directory.").arg(absolute)};
    }
    if (!info.exists()) {
        if (!QDir().mkpath(absolute)) {
            return Error{QStringLiteral("datadir.create-failed"),
                         Tr::tr("Cannot create the data directory %1.").arg(absolute)};
        }
        // Keys and journals live here: only the owner may look inside.
        QFile::setPermissions(absolute, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    if (!QFileInfo(absolute).isWritable()) {
        return Error{QStringLiteral("datadir.not-writable"),
                     Tr::tr("The data directory %1 is not writable.").arg(absolute)};
    }
    return absolute;
}

} // namespace cloudex
