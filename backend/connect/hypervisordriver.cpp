#include "hypervisordriver.h"

#include <QCoreApplication>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};
} // namespace

Result<void> HypervisorDriver::migrate(const QString &name, const QString &, const QString &,
                                       const StepReporter &)
{
    return Error{QStringLiteral("connect.unsupported"),
                 Tr::tr("This hypervisor front cannot move %1 between hosts.").arg(name)};
}

} // namespace cloudex::connect
