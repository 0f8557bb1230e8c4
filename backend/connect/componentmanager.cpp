#include "componentmanager.h"

#include "componentdriver.h"

#include <QCoreApplication>

namespace cloudex::connect {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Connect)
};

Error cancelled()
{
    return Error{QStringLiteral("job.cancelled"), Tr::tr("Cancelled.")};
}
} // namespace

ComponentManager::ComponentManager() = default;
ComponentManager::~ComponentManager() = default;

DomainEventHandler ComponentManager::eventForwarder()
{
    return [this](const DomainEvent &event) {
        notify(event);
    };
}

void ComponentManager::add(std::unique_ptr<HypervisorDriver> driver, const QString &key)
{
    // Setting the handler of an open driver would race with libvirt's event thread.
    if (!driver->isOpen())
        driver->setEventHandler(eventForwarder());
    m_members.push_back(Member{key, std::move(driver)});
    m_hostOwner.clear();
}

bool ComponentManager::remove(const QString &key)
{
    const auto it =
        std::find_if(m_members.begin(), m_members.end(), [&](const Member &m) { return m.key == key; });
    if (it == m_members.end())
        return false;
    m_members.erase(it);
    m_hostOwner.clear();
    return true;
}

QStringList ComponentManager::keys() const
{
    QStringList result;
    for (const Member &m : m_members)
        result.append(m.key);
    return result;
}

HypervisorDriver *ComponentManager::member(const QString &key) const
{
    for (const Member &m : m_members) {
        if (m.key == key)
            return m.driver.get();
    }
    return nullptr;
}

Result<void> ComponentManager::open()
{
    Result<void> first;
    for (Member &m : m_members) {
        if (auto opened = m.driver->open(); !opened && first)
            first = opened;
    }
    m_hostOwner.clear();
    return first;
}

bool ComponentManager::isOpen() const
{
    return std::any_of(m_members.begin(), m_members.end(),
                       [](const Member &m) { return m.driver->isOpen(); });
}

QList<HostInfo> ComponentManager::hosts()
{
    QList<HostInfo> result;
    m_hostOwner.clear();
    for (Member &m : m_members) {
        const QList<HostInfo> hosts = m.driver->hosts();
        for (const HostInfo &host : hosts)
            m_hostOwner.insert(host.id, m.driver.get());
        result += hosts;
    }
    return result;
}

Result<HypervisorDriver *> ComponentManager::route(const QString &host)
{
    if (!m_hostOwner.contains(host))
        (void)hosts();
    if (HypervisorDriver *driver = m_hostOwner.value(host))
        return driver;
    return Error{QStringLiteral("connect.unknown-host"), Tr::tr("Unknown host %1.").arg(host)};
}

Result<QList<VmInfo>> ComponentManager::domains()
{
    // One unreadable member must not hide the others' VMs.
    QList<VmInfo> result;
    QHash<QString, QString> unreadable;
    for (const Member &m : m_members)
        result += domainsOf(m.key, unreadable);
    return result;
}

QList<VmInfo> ComponentManager::domainsOf(const QString &key, QHash<QString, QString> &errors)
{
    const auto it =
        std::find_if(m_members.begin(), m_members.end(), [&](const Member &m) { return m.key == key; });
    if (it == m_members.end() || !it->driver->isOpen())
        return {}; // gone since, or offline: hosts() says so
    auto vms = it->driver->domains();
    if (vms)
        return *vms;
    if (m_hostOwner.isEmpty())
        (void)hosts();
    for (auto owner = m_hostOwner.cbegin(); owner != m_hostOwner.cend(); ++owner) {
        if (owner.value() == it->driver.get())
            errors.insert(owner.key(), vms.error().message);
    }
    return {};
}

Result<std::optional<VmInfo>> ComponentManager::domain(const QString &host, const QString &name)
{
    auto driver = route(host);
    if (!driver)
        return driver.error();
    return (*driver)->domain(host, name);
}

Result<QList<TemplateInfo>> ComponentManager::templates()
{
    QList<TemplateInfo> result;
    for (Member &m : m_members) {
        if (!m.driver->isOpen())
            continue;
        auto templates = m.driver->templates();
        if (!templates)
            return templates.error();
        result += *templates;
    }
    return result;
}

Result<QList<StoragePoolInfo>> ComponentManager::pools()
{
    QList<StoragePoolInfo> result;
    for (Member &m : m_members) {
        if (!m.driver->isOpen())
            continue;
        auto pools = m.driver->pools();
        if (!pools)
            return pools.error();
        result += *pools;
    }
    return result;
}

Result<void> ComponentManager::provision(const QString &host, const VmSpec &spec, const StepReporter &report)
{
    auto driver = route(host);
    return driver ? (*driver)->provision(host, spec, report) : Result<void>(driver.error());
}

Result<void> ComponentManager::start(const QString &host, const QString &name)
{
    auto driver = route(host);
    return driver ? (*driver)->start(host, name) : Result<void>(driver.error());
}

Result<void> ComponentManager::stop(const QString &host, const QString &name)
{
    auto driver = route(host);
    return driver ? (*driver)->stop(host, name) : Result<void>(driver.error());
}

Result<void> ComponentManager::shutdown(const QString &host, const QString &name)
{
    auto driver = route(host);
    return driver ? (*driver)->shutdown(host, name) : Result<void>(driver.error());
}

Result<void> ComponentManager::reboot(const QString &host, const QString &name)
{
    auto driver = route(host);
    return driver ? (*driver)->reboot(host, name) : Result<void>(driver.error());
}

Result<void> ComponentManager::remove(const QString &host, const QString &name)
{
    auto driver = route(host);
    return driver ? (*driver)->remove(host, name) : Result<void>(driver.error());
}

Result<void> ComponentManager::clone(const QString &host, const QString &name, const QString &newName)
{
    auto driver = route(host);
    return driver ? (*driver)->clone(host, name, newName) : Result<void>(driver.error());
}

Result<void> ComponentManager::migrate(const QString &name, const QString &fromHost, const QString &toHost,
                                       const StepReporter &report)
{
    if (fromHost == toHost)
        return Error{QStringLiteral("connect.same-host"), Tr::tr("%1 already runs on %2.").arg(name, toHost)};
    auto from = route(fromHost);
    if (!from)
        return from.error();
    auto to = route(toHost);
    if (!to)
        return to.error();
    auto source = dynamic_cast<ComponentDriver *>(*from);
    auto target = dynamic_cast<ComponentDriver *>(*to);
    if (!source || !target) {
        return Error{
            QStringLiteral("connect.unsupported"),
            Tr::tr("Only libvirt hosts can exchange VMs; %1 or %2 is a workflow.").arg(fromHost, toHost)};
    }
    if (source->isTestDriver() || target->isTestDriver())
        return migrateCold(name, *source, *target, report);
    if (report && !report(1, 1, Tr::tr("Migrating %1 live from %2 to %3").arg(name, fromHost, toHost)))
        return cancelled();
    return source->migrateLive(name, *target);
}

Result<void> ComponentManager::migrateCold(const QString &name, ComponentDriver &from, ComponentDriver &to,
                                           const StepReporter &report)
{
    constexpr int kSteps = 5;
    auto step = [&](int n, const QString &text) {
        return !report || report(n, kSteps, text);
    };

    if (!step(1, Tr::tr("Stopping %1 on %2").arg(name, from.hostId())))
        return cancelled();
    auto state = from.state(name);
    if (!state)
        return state.error();
    const bool wasRunning = *state == VmState::Running || *state == VmState::Paused;
    if (wasRunning) {
        if (auto stopped = from.stop(from.hostId(), name); !stopped)
            return stopped;
    }
    auto xml = from.inactiveXml(name);
    if (!xml)
        return xml.error();
    auto capacity = from.diskCapacity(name);
    if (!capacity)
        return capacity.error();

    auto restart = [&]() {
        if (wasRunning)
            (void)from.start(from.hostId(), name);
    };
    if (!step(2, Tr::tr("Creating the disk of %1 on %2").arg(name, to.hostId()))) {
        restart();
        return cancelled();
    }
    if (capacity->has_value()) {
        if (auto created = to.createDisk(name, **capacity); !created) {
            restart();
            return created;
        }
    }
    if (!step(3, Tr::tr("Defining %1 on %2").arg(name, to.hostId()))) {
        (void)to.deleteDisk(name);
        restart();
        return cancelled();
    }
    if (auto defined = to.defineXml(*xml); !defined) {
        (void)to.deleteDisk(name);
        restart();
        return defined;
    }
    // From here on the target holds the VM; the source is cleaned up, not rolled back.
    step(4, Tr::tr("Removing %1 from %2").arg(name, from.hostId()));
    if (auto undefined = from.undefine(name); !undefined)
        return undefined;
    if (auto deleted = from.deleteDisk(name); !deleted)
        return deleted;
    step(5, Tr::tr("Starting %1 on %2").arg(name, to.hostId()));
    if (wasRunning)
        return to.start(to.hostId(), name);
    return {};
}

} // namespace cloudex::connect
