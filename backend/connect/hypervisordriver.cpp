#include "hypervisordriver.h"

#include <QCoreApplication>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};
} // namespace

Result<std::optional<VmInfo>> HypervisorDriver::domain(const QString &host, const QString &name)
{
    auto all = domains();
    if (!all)
        return all.error();
    for (const VmInfo &vm : std::as_const(*all)) {
        if (vm.host == host && vm.name == name)
            return std::optional<VmInfo>(vm);
    }
    return std::optional<VmInfo>();
}

Result<void> HypervisorDriver::migrate(const QString &name, const QString &, const QString &,
                                       const StepReporter &)
{
    return Error{QStringLiteral("connect.unsupported"),
                 Tr::tr("This hypervisor front cannot move %1 between hosts.").arg(name)};
}

} // namespace cloudex::connect
