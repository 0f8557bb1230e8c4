#pragma once

#include "connect/hypervisordriver.h"

#include <QJsonObject>
#include <QStringList>

namespace cloudex::connect {

/// Workflow level: a site whose provisioning is a pre-defined process. Each call runs the
/// external command once with one JSON request on stdin ({"action": "provision", ...}) and
/// reads one JSON answer from stdout ({"ok": true, ...} or {"ok": false, "error": "..."}).
/// resources/workflows/statefile-workflow.py documents the protocol and implements it.
class WorkflowDriver final : public HypervisorDriver
{
public:
    /// `command`: program first, then its arguments.
    explicit WorkflowDriver(QStringList command, int timeoutMs = kDefaultTimeoutMs);

    QString kind() const override { return QStringLiteral("workflow"); }
    Result<void> open() override;
    bool isOpen() const override { return m_open; }
    QList<HostInfo> hosts() override;
    Result<QList<VmInfo>> domains() override;
    Result<QList<TemplateInfo>> templates() override;
    Result<QList<StoragePoolInfo>> pools() override;
    Result<void> provision(const QString &host, const VmSpec &spec, const StepReporter &report) override;
    Result<void> start(const QString &host, const QString &name) override;
    Result<void> stop(const QString &host, const QString &name) override;
    Result<void> reboot(const QString &host, const QString &name) override;
    Result<void> remove(const QString &host, const QString &name) override;
    Result<void> clone(const QString &host, const QString &name, const QString &newName) override;

    /// Runs one request; the answer's "ok" is checked, its "error" becomes the message.
    Result<QJsonObject> call(const QJsonObject &request);

    static constexpr int kDefaultTimeoutMs = 30'000;

private:
    Result<void> simple(const QString &action, const QString &host, const QString &name);

    QStringList m_command;
    int m_timeoutMs;
    bool m_open = false;
    QString m_lastError;
};

} // namespace cloudex::connect
