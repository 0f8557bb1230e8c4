#include "libvirt.h"

#include <libvirt/virterror.h>

#include <atomic>
#include <thread>

namespace cloudex::connect::libvirt {
namespace {
// libvirt prints every error to stderr unless a handler is installed; errors reach the
// user through Result instead.
void silentErrorHandler(void *, virErrorPtr) {}

// The event loop thread lives as long as the process. It is joined at exit after a
// zero-delay timeout wakes virEventRunDefaultImpl() up, so no thread outlives main().
class EventLoop
{
public:
    EventLoop()
    {
        virSetErrorFunc(nullptr, silentErrorHandler);
        if (virInitialize() < 0 || virEventRegisterDefaultImpl() < 0)
            return;
        m_running = true;
        m_thread = std::thread([this] {
            while (!m_stop.load())
                virEventRunDefaultImpl();
        });
    }
    ~EventLoop()
    {
        if (!m_thread.joinable())
            return;
        m_stop.store(true);
        const int timer = virEventAddTimeout(
            0, [](int id, void *) { virEventRemoveTimeout(id); }, nullptr, nullptr);
        if (timer >= 0)
            m_thread.join();
        else
            m_thread.detach();
    }

    bool running() const { return m_running; }

private:
    bool m_running = false;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};
} // namespace

bool ensureEventLoop()
{
    // A function-local static: initialised once, thread-safe, before the first connection.
    static const EventLoop loop;
    return loop.running();
}

Error lastError(const QString &code, const QString &context)
{
    const virErrorPtr error = virGetLastError();
    const QString detail =
        error && error->message ? QString::fromUtf8(error->message) : QStringLiteral("unknown libvirt error");
    virResetLastError();
    return Error{code, context.isEmpty() ? detail : context + QStringLiteral(": ") + detail};
}

QString takeString(char *text)
{
    const CString owned(text);
    return owned ? QString::fromUtf8(owned.get()) : QString();
}

} // namespace cloudex::connect::libvirt
