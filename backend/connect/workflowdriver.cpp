#include "workflowdriver.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};

VmState stateFromKey(const QString &key)
{
    if (key == QLatin1String("running"))
        return VmState::Running;
    if (key == QLatin1String("stopped"))
        return VmState::Stopped;
    if (key == QLatin1String("paused"))
        return VmState::Paused;
    return VmState::Unknown;
}
} // namespace

WorkflowDriver::WorkflowDriver(QStringList command, int timeoutMs)
    : m_command(std::move(command))
    , m_timeoutMs(timeoutMs)
{}

Result<QJsonObject> WorkflowDriver::call(const QJsonObject &request)
{
    const QString action = request.value(QStringLiteral("action")).toString();
    if (m_command.isEmpty())
        return Error{QStringLiteral("workflow.command"), Tr::tr("The workflow has no command.")};
    // Blocking is fine: drivers run on the agent's worker thread.
    QProcess process;
    process.setProgram(m_command.constFirst());
    process.setArguments(m_command.mid(1));
    process.start();
    if (!process.waitForStarted(m_timeoutMs)) {
        return Error{
            QStringLiteral("workflow.start"),
            Tr::tr("Cannot run the workflow %1: %2").arg(m_command.constFirst(), process.errorString())};
    }
    process.write(QJsonDocument(request).toJson(QJsonDocument::Compact));
    process.closeWriteChannel();
    if (!process.waitForFinished(m_timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return Error{
            QStringLiteral("workflow.timeout"),
            Tr::tr("The workflow did not answer \"%1\" within %2 s.").arg(action).arg(m_timeoutMs / 1000)};
    }
    const QByteArray out = process.readAllStandardOutput();
    QJsonParseError parseError;
    const QJsonDocument answer = QJsonDocument::fromJson(out, &parseError);
    if (!answer.isObject()) {
        const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
        return Error{QStringLiteral("workflow.protocol"),
                     Tr::tr("The workflow answered \"%1\" with no JSON object (exit code %2): %3")
                         .arg(action)
                         .arg(process.exitCode())
                         .arg(err.isEmpty() ? parseError.errorString() : err)};
    }
    const QJsonObject object = answer.object();
    if (!object.value(QStringLiteral("ok")).toBool()) {
        return Error{QStringLiteral("workflow.failed"),
                     Tr::tr("The workflow failed \"%1\": %2")
                         .arg(action, object.value(QStringLiteral("error")).toString())};
    }
    return object;
}

Result<void> WorkflowDriver::open()
{
    auto answer = call({{QStringLiteral("action"), QStringLiteral("hosts")}});
    m_open = answer.ok();
    m_lastError = answer ? QString() : answer.error().message;
    if (!answer)
        return answer.error();
    return {};
}

QList<HostInfo> WorkflowDriver::hosts()
{
    auto answer = call({{QStringLiteral("action"), QStringLiteral("hosts")}});
    if (!answer) {
        m_lastError = answer.error().message;
        HostInfo host;
        host.id = m_command.value(0);
        host.uri = m_command.join(u' ');
        host.driver = QStringLiteral("workflow");
        host.status = m_lastError;
        return {host};
    }
    QList<HostInfo> result;
    const QJsonArray hosts = answer->value(QStringLiteral("hosts")).toArray();
    for (const QJsonValue &value : hosts) {
        const QJsonObject o = value.toObject();
        HostInfo host;
        host.id = o.value(QStringLiteral("id")).toString();
        host.uri = m_command.join(u' ');
        host.driver = QStringLiteral("workflow");
        host.online = true;
        host.cpus = o.value(QStringLiteral("cpus")).toInt();
        host.memoryMiB = o.value(QStringLiteral("memoryMiB")).toInteger();
        result.append(host);
    }
    return result;
}

Result<QList<VmInfo>> WorkflowDriver::domains()
{
    auto answer = call({{QStringLiteral("action"), QStringLiteral("list")}});
    if (!answer)
        return answer.error();
    QList<VmInfo> result;
    const QJsonArray vms = answer->value(QStringLiteral("vms")).toArray();
    for (const QJsonValue &value : vms) {
        const QJsonObject o = value.toObject();
        VmInfo vm;
        vm.name = o.value(QStringLiteral("name")).toString();
        vm.host = o.value(QStringLiteral("host")).toString();
        vm.state = stateFromKey(o.value(QStringLiteral("state")).toString());
        vm.vcpus = o.value(QStringLiteral("vcpus")).toInt();
        vm.memoryMiB = o.value(QStringLiteral("memoryMiB")).toInteger();
        vm.templateName = o.value(QStringLiteral("template")).toString();
        result.append(vm);
    }
    return result;
}

Result<QList<TemplateInfo>> WorkflowDriver::templates()
{
    auto answer = call({{QStringLiteral("action"), QStringLiteral("templates")}});
    if (!answer)
        return answer.error();
    QList<TemplateInfo> result;
    const QJsonArray templates = answer->value(QStringLiteral("templates")).toArray();
    for (const QJsonValue &value : templates) {
        const QJsonObject o = value.toObject();
        result.append(TemplateInfo{o.value(QStringLiteral("name")).toString(),
                                   o.value(QStringLiteral("host")).toString(),
                                   o.value(QStringLiteral("capacityBytes")).toInteger()});
    }
    return result;
}

Result<QList<StoragePoolInfo>> WorkflowDriver::pools()
{
    return QList<StoragePoolInfo>(); // a workflow keeps its storage to itself
}

Result<void> WorkflowDriver::provision(const QString &host, const VmSpec &spec, const StepReporter &report)
{
    if (report && !report(1, 1, Tr::tr("Running the provisioning workflow for %1").arg(spec.name)))
        return Error{QStringLiteral("job.cancelled"), Tr::tr("Cancelled.")};
    auto answer = call({{QStringLiteral("action"), QStringLiteral("provision")},
                        {QStringLiteral("host"), host},
                        {QStringLiteral("name"), spec.name},
                        {QStringLiteral("vcpus"), spec.vcpus},
                        {QStringLiteral("memoryMiB"), spec.memoryMiB},
                        {QStringLiteral("template"), spec.templateName}});
    if (!answer)
        return answer.error();
    return {};
}

Result<void> WorkflowDriver::simple(const QString &action, const QString &host, const QString &name)
{
    auto answer = call(
        {{QStringLiteral("action"), action}, {QStringLiteral("host"), host}, {QStringLiteral("name"), name}});
    if (!answer)
        return answer.error();
    return {};
}

Result<void> WorkflowDriver::start(const QString &host, const QString &name)
{
    return simple(QStringLiteral("start"), host, name);
}

Result<void> WorkflowDriver::stop(const QString &host, const QString &name)
{
    return simple(QStringLiteral("stop"), host, name);
}

Result<void> WorkflowDriver::reboot(const QString &host, const QString &name)
{
    return simple(QStringLiteral("reboot"), host, name);
}

Result<void> WorkflowDriver::remove(const QString &host, const QString &name)
{
    return simple(QStringLiteral("delete"), host, name);
}

Result<void> WorkflowDriver::clone(const QString &host, const QString &name, const QString &newName)
{
    auto answer = call({{QStringLiteral("action"), QStringLiteral("clone")},
                        {QStringLiteral("host"), host},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("newName"), newName}});
    if (!answer)
        return answer.error();
    return {};
}

} // namespace cloudex::connect
