#include "desk/siteclient.h"

#include "core/logging.h"
#include "net/apiclient.h"
#include "pki/certificateverifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

namespace cloudex::desk {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Desk)
};

constexpr api::ParseMode kAnswers = api::ParseMode::Lenient;

/// A call to the site: its errors name the site, not the exchange.
template<typename T> SiteCall<T> *fromSite(SiteCall<T> *call)
{
    call->setPeer(ExchangeJob::Peer::Site);
    return call;
}

template<typename T> typename SiteCall<T>::Reader object()
{
    return [](const QJsonValue &body) {
        return T::fromJson(body.toObject(), kAnswers);
    };
}

QString vmPath(const QString &name, const QString &action = {})
{
    QString path = QStringLiteral("/v1/vms/") + QString::fromLatin1(QUrl::toPercentEncoding(name));
    if (!action.isEmpty())
        path += u'/' + action;
    return path;
}

QString jobPath(const QString &id)
{
    return QStringLiteral("/v1/jobs/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
}
} // namespace

SiteOperation::SiteOperation(SiteClient *client, SiteCall<api::ConnectJobState> *request,
                             const QString &title)
    : Job(title, client)
    , m_client(client)
{
    request->setParent(this);
    connect(request, &ExchangeJob::finished, this, [this, request] { onAnswer(request, true); });
}

void SiteOperation::onAnswer(SiteCall<api::ConnectJobState> *call, bool first)
{
    call->deleteLater();
    if (isFinished())
        return;
    if (!call->ok()) {
        // The request itself was refused (a problem from the site) or could not be sent.
        if (first || call->status() != 0 || ++m_failures >= kMaxPollFailures)
            return finish(call->result());
        QTimer::singleShot(kPollMs, this, &SiteOperation::poll);
        return;
    }
    m_failures = 0;
    m_state = call->value();
    // setProgress reports a step as it begins ((step - 1) of steps): step progress + 1 is
    // exactly the site's percentage.
    setProgress(m_state.progress + 1, 100, title());
    switch (m_state.state) {
    case api::JobState::Done:
        return finish({});
    case api::JobState::Failed:
        return finish(m_state.error ? Error{m_state.error->code, m_state.error->detail}
                                    : Error{QStringLiteral("job.failed"),
                                            Tr::tr("%1 failed at the site.").arg(title())});
    case api::JobState::Cancelled:
        return finish(Error{QStringLiteral("job.cancelled"), Tr::tr("Cancelled.")});
    case api::JobState::Running:
        break;
    }
    if (isCancelled() && !m_cancelAsked)
        return onCancel();
    QTimer::singleShot(kPollMs, this, &SiteOperation::poll);
}

void SiteOperation::poll()
{
    if (isFinished() || !m_client)
        return;
    auto *call = m_client->job(m_state.id);
    call->setParent(this);
    connect(call, &ExchangeJob::finished, this, [this, call] { onAnswer(call, false); });
}

void SiteOperation::onCancel()
{
    // Before the site named the job there is nothing to cancel yet: asked once it does.
    if (m_state.id.isEmpty() || m_cancelAsked || isFinished() || !m_client)
        return;
    m_cancelAsked = true;
    auto *call = m_client->cancelJob(m_state.id);
    call->setParent(this);
    connect(call, &ExchangeJob::finished, this, [this, call] {
        call->deleteLater();
        if (!call->ok()) {
            // 409 job.not-cancellable: the operation runs to its end and is followed there.
            qCInfo(lcDesk, "%s: not cancelled (%s)", qPrintable(title()), qPrintable(call->error()));
            return;
        }
        m_state = call->value();
        if (m_state.state == api::JobState::Cancelled)
            finish(Error{QStringLiteral("job.cancelled"), Tr::tr("Cancelled.")});
    });
}

SiteClient::SiteClient(const QString &contractId, const api::ContractSite &site,
                       const QSslConfiguration &contractTls,
                       std::shared_ptr<const pki::CertificateVerifier> verifier, QObject *parent)
    : QObject(parent)
    , m_contractId(contractId)
    , m_site(site)
    , m_api(new net::ApiClient(QUrl(site.endpoint), contractTls, this))
{
    m_api->setTransferTimeoutMs(m_timeoutMs);
    const QString siteId = site.id;
    // The last certificate that passed: a reused connection's answers are not verified again.
    auto passed = std::make_shared<QByteArray>();
    m_api->setPeerCheck([siteId, verifier, passed](const QSslCertificate &peer) -> Result<void> {
        const auto refuse = [&](const QString &why) {
            return Error{QStringLiteral("site.wrong-certificate"),
                         Tr::tr("The server is not site %1 of this exchange: %2").arg(siteId, why)};
        };
        if (peer.isNull())
            return refuse(Tr::tr("it presented no certificate"));
        if (!verifier)
            return refuse(Tr::tr("the exchange root is not known"));
        pki::Expectation expected;
        expected.kind = pki::CertificateKind::Site;
        expected.name = siteId;
        const QByteArray der = peer.toDer();
        if (der == *passed)
            return {};
        if (auto verified = verifier->verify(der, expected); !verified)
            return refuse(verified.error().message);
        *passed = der;
        return {};
    });
}

SiteClient::~SiteClient() = default;

void SiteClient::setTimeoutMs(int ms)
{
    m_timeoutMs = ms;
    m_api->setTransferTimeoutMs(ms);
}

SiteCall<api::HeldContract> *SiteClient::contract()
{
    return fromSite(new SiteCall<api::HeldContract>(m_api->get(QStringLiteral("/v1/contract")),
                                                    object<api::HeldContract>(), this));
}

SiteCall<QList<api::Template>> *SiteClient::templates()
{
    return fromSite(new SiteCall<QList<api::Template>>(
        m_api->get(QStringLiteral("/v1/templates")),
        [](const QJsonValue &body) {
            return api::listFromJson<api::Template>(body.toObject(), api::Template::kListKey, kAnswers);
        },
        this));
}

SiteCall<api::VmList> *SiteClient::vms(std::optional<qint64> since, int waitSeconds)
{
    if (!since)
        return fromSite(
            new SiteCall<api::VmList>(m_api->get(QStringLiteral("/v1/vms")), object<api::VmList>(), this));
    waitSeconds = std::clamp(waitSeconds, 0, kMaxWaitSeconds);
    const QString path = QStringLiteral("/v1/vms?since=%1&wait=%2").arg(*since).arg(waitSeconds);
    // The site may rightly say nothing for the whole wait.
    return fromSite(new SiteCall<api::VmList>(m_api->get(path, waitSeconds * 1000 + m_timeoutMs),
                                              object<api::VmList>(), this));
}

SiteCall<api::Vm> *SiteClient::vm(const QString &name)
{
    return fromSite(new SiteCall<api::Vm>(m_api->get(vmPath(name)), object<api::Vm>(), this));
}

SiteCall<api::Usage> *SiteClient::usage()
{
    return fromSite(
        new SiteCall<api::Usage>(m_api->get(QStringLiteral("/v1/usage")), object<api::Usage>(), this));
}

SiteCall<api::ConnectJobState> *SiteClient::job(const QString &id)
{
    return fromSite(
        new SiteCall<api::ConnectJobState>(m_api->get(jobPath(id)), object<api::ConnectJobState>(), this));
}

SiteCall<api::ConnectJobState> *SiteClient::cancelJob(const QString &id)
{
    return fromSite(
        new SiteCall<api::ConnectJobState>(m_api->del(jobPath(id)), object<api::ConnectJobState>(), this));
}

SiteOperation *SiteClient::operation(const QString &path, const QJsonValue &body, const QString &title)
{
    auto *call = fromSite(
        new SiteCall<api::ConnectJobState>(m_api->post(path, body), object<api::ConnectJobState>(), this));
    return new SiteOperation(this, call, title);
}

SiteOperation *SiteClient::create(const QString &name, const QString &templateName)
{
    return operation(QStringLiteral("/v1/vms"), api::VmCreateRequest{name, templateName}.toJson(),
                     Tr::tr("Creating %1").arg(name));
}

SiteOperation *SiteClient::start(const QString &name)
{
    return operation(vmPath(name, QStringLiteral("start")), QJsonObject{}, Tr::tr("Starting %1").arg(name));
}

SiteOperation *SiteClient::stop(const QString &name)
{
    return operation(vmPath(name, QStringLiteral("stop")), QJsonObject{}, Tr::tr("Stopping %1").arg(name));
}

SiteOperation *SiteClient::reboot(const QString &name)
{
    return operation(vmPath(name, QStringLiteral("reboot")), QJsonObject{}, Tr::tr("Rebooting %1").arg(name));
}

SiteOperation *SiteClient::remove(const QString &name)
{
    auto *call = fromSite(
        new SiteCall<api::ConnectJobState>(m_api->del(vmPath(name)), object<api::ConnectJobState>(), this));
    return new SiteOperation(this, call, Tr::tr("Deleting %1").arg(name));
}

VmWatcher::VmWatcher(SiteClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &VmWatcher::poll);
}

VmWatcher::~VmWatcher()
{
    stop();
}

void VmWatcher::start()
{
    if (m_running)
        return;
    m_running = true;
    poll();
}

void VmWatcher::stop()
{
    m_running = false;
    m_retry->stop();
    // Cancelling may finish the call at once (onAnswer clears m_call): hold it here.
    if (SiteCall<api::VmList> *call = m_call) {
        m_call = nullptr;
        call->disconnect(this);
        call->cancel();
        call->deleteLater();
    }
}

void VmWatcher::poll()
{
    if (!m_running || m_call)
        return;
    m_call = m_client->vms(m_since, m_waitSeconds);
    connect(m_call, &ExchangeJob::finished, this, &VmWatcher::onAnswer);
}

void VmWatcher::onAnswer()
{
    SiteCall<api::VmList> *call = m_call;
    m_call = nullptr;
    call->deleteLater();
    if (!m_running)
        return;
    if (!call->ok()) {
        const Error error = call->result().error();
        if (!m_stale) {
            m_stale = true;
            qCWarning(lcDesk, "site %s: %s", qPrintable(m_client->site().id), qPrintable(error.message));
            Q_EMIT staleChanged(true, error);
        }
        m_retry->start(m_retryMs);
        return;
    }
    m_lastAnswerMs = QDateTime::currentMSecsSinceEpoch();
    if (m_stale) {
        m_stale = false;
        Q_EMIT staleChanged(false, {});
    }
    const api::VmList &answer = call->value();
    const bool full = !m_since.has_value();
    m_seq = answer.seq;
    m_since = answer.seq;
    if (full) {
        m_vms.clear();
        for (const api::Vm &vm : answer.vms) {
            if (vm.state != api::VmState::Deleted)
                m_vms.insert(vm.name, vm);
        }
        Q_EMIT reset();
    } else if (!answer.vms.isEmpty()) {
        for (const api::Vm &vm : answer.vms) {
            if (vm.state == api::VmState::Deleted)
                m_vms.remove(vm.name);
            else
                m_vms.insert(vm.name, vm);
        }
        Q_EMIT changed(answer.vms);
    }
    poll();
}

} // namespace cloudex::desk
