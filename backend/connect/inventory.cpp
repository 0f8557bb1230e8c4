#include "inventory.h"

#include <QCoreApplication>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};
constexpr int kPercent = 100;
} // namespace

QString vmStateKey(VmState state)
{
    switch (state) {
    case VmState::Unknown:
        return QStringLiteral("unknown");
    case VmState::Stopped:
        return QStringLiteral("stopped");
    case VmState::Running:
        return QStringLiteral("running");
    case VmState::Paused:
        return QStringLiteral("paused");
    case VmState::Missing:
        return QStringLiteral("missing");
    }
    return {};
}

QString vmStateName(VmState state)
{
    switch (state) {
    case VmState::Unknown:
        return Tr::tr("unknown");
    case VmState::Stopped:
        return Tr::tr("stopped");
    case VmState::Running:
        return Tr::tr("running");
    case VmState::Paused:
        return Tr::tr("paused");
    case VmState::Missing:
        return Tr::tr("missing");
    }
    return {};
}

int HostInfo::utilisationPercent() const
{
    const int cpu = cpus > 0 ? int(qint64(usedVcpus) * kPercent / cpus) : 0;
    const int memory = memoryMiB > 0 ? int(usedMemoryMiB * kPercent / memoryMiB) : 0;
    return std::max(cpu, memory);
}

} // namespace cloudex::connect
