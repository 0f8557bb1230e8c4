#include "exchangelink.h"

#include "api/channels.h"
#include "api/vmoperations.h"
#include "connectserver.h"
#include "core/logging.h"
#include "net/apiclient.h"
#include "net/streamclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>

namespace cloudex::connect {
namespace {
constexpr qint64 kMsPerSecond = 1000;
constexpr int kRetryMs = 5000;
/// Records per VM-operation report: about 200 bytes each, well inside the 64 KiB body limit.
constexpr int kOperationsBatch = 200;
} // namespace

ExchangeLink::ExchangeLink(ConnectServer &server, Options options, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_options(std::move(options))
    , m_client(new net::ApiClient(m_options.exchange, m_options.tls, this))
    , m_stream(new net::StreamClient(this))
    , m_crlTimer(new QTimer(this))
    , m_usageTimer(new QTimer(this))
    , m_retry(new QTimer(this))
    , m_operationsSoon(new QTimer(this))
{
    QUrl streamUrl = m_options.exchange;
    streamUrl.setScheme(QStringLiteral("wss"));
    streamUrl.setPath(m_options.exchange.path() + QStringLiteral("/v1/stream"));
    m_stream->setUrl(streamUrl);
    m_stream->setSslConfiguration(m_options.tls);
    connect(m_stream, &net::StreamClient::snapshotReceived, this,
            [this](const QString &channel, qint64, const QJsonValue &data) {
                if (channel != api::channel::revocations(m_options.seller))
                    takeContracts(data);
            });
    connect(m_stream, &net::StreamClient::messageReceived, this,
            [this](const QString &channel, qint64, const QJsonValue &data) {
                if (channel == api::channel::revocations(m_options.seller))
                    return takeRevocation(data.toObject());
                takeContracts(data);
            });
    connect(m_stream, &net::StreamClient::errorReceived, this,
            [](const QString &code, const QString &detail) {
                qCWarning(lcConnect, "exchange stream: %s (%s)", qPrintable(detail), qPrintable(code));
            });
    connect(m_crlTimer, &QTimer::timeout, this, &ExchangeLink::pullCrl);
    connect(m_usageTimer, &QTimer::timeout, this, &ExchangeLink::reportAllUsage);
    connect(m_usageTimer, &QTimer::timeout, this, &ExchangeLink::reportOperations);
    m_operationsSoon->setSingleShot(true);
    m_operationsSoon->setInterval(m_options.operationsDelayMs);
    connect(m_operationsSoon, &QTimer::timeout, this, &ExchangeLink::reportOperations);
    connect(&m_server, &ConnectServer::operationRecorded, this, [this] {
        if (m_registered && !m_operationsSoon->isActive())
            m_operationsSoon->start();
    });
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &ExchangeLink::registerSite);
    // The final report follows the end of the grace period.
    connect(&m_server, &ConnectServer::contractFinished, this,
            [this](const QString &id) { reportUsage(id, true); });
}

ExchangeLink::~ExchangeLink() = default;

void ExchangeLink::start()
{
    registerSite();
    pullCrl();
    m_stream->subscribe(
        {api::channel::contracts(m_options.seller), api::channel::revocations(m_options.seller)});
    m_stream->open();
    m_crlTimer->start(m_options.crlIntervalMs);
    m_usageTimer->start(m_options.usageIntervalMs);
}

void ExchangeLink::registerSite()
{
    const QJsonObject body{
        {QStringLiteral("name"), m_options.name.isEmpty() ? m_options.siteId : m_options.name},
        {QStringLiteral("endpoint"), m_options.endpoint},
        {QStringLiteral("products"), QJsonArray::fromStringList(m_options.products)}};
    net::ApiCall *call = m_client->put(QStringLiteral("/v1/sites/") + m_options.siteId, body);
    connect(call, &Job::finished, this, [this, call] {
        call->deleteLater();
        if (call->ok()) {
            m_registered = true;
            qCInfo(lcConnect, "registered site %s at %s", qPrintable(m_options.siteId),
                   qPrintable(m_options.endpoint));
            Q_EMIT registered();
            // What was recorded while the exchange was away goes now.
            reportOperations();
            return;
        }
        qCWarning(lcConnect, "cannot register site %s: %s (%s); retrying", qPrintable(m_options.siteId),
                  qPrintable(call->errorString()), qPrintable(call->error()));
        // Refusals (403, 422) need the operator; transport failures retry.
        if (call->status() == 0 || call->status() >= 500)
            m_retry->start(kRetryMs);
    });
}

void ExchangeLink::pullCrl()
{
    net::ApiCall *call = m_client->get(QStringLiteral("/v1/crl"));
    connect(call, &Job::finished, this, [this, call] {
        call->deleteLater();
        if (!call->ok()) {
            qCWarning(lcConnect, "cannot pull the CRL: %s; the recorded one stays in force",
                      qPrintable(call->errorString()));
            return;
        }
        const QByteArray der = QByteArray::fromBase64(
            call->body().toObject().value(QStringLiteral("crl")).toString().toLatin1());
        if (auto ok = m_server.applyCrl(der); !ok) {
            qCWarning(lcConnect, "refused the exchange's CRL: %s", qPrintable(ok.error().message));
            return;
        }
        Q_EMIT crlApplied();
    });
}

std::optional<HeldContractRecord> ExchangeLink::contractFromJson(const QJsonObject &o, const QString &siteId)
{
    if (o.value(QStringLiteral("site")).toObject().value(QStringLiteral("id")).toString() != siteId)
        return std::nullopt;
    HeldContractRecord c;
    c.id = o.value(QStringLiteral("id")).toString();
    c.buyer = o.value(QStringLiteral("buyer")).toString();
    c.seller = o.value(QStringLiteral("seller")).toString();
    c.product = o.value(QStringLiteral("product")).toString();
    c.instrument = o.value(QStringLiteral("symbol")).toString();
    c.quantity = o.value(QStringLiteral("quantity")).toInteger();
    c.startMs = o.value(QStringLiteral("deliveryStart")).toInteger() * kMsPerSecond;
    c.endMs = o.value(QStringLiteral("deliveryEnd")).toInteger() * kMsPerSecond;
    c.state = o.value(QStringLiteral("state")).toString();
    c.terminated = c.state == u"terminated" || o.contains(QStringLiteral("terminatedAt"));
    c.terminatedMs = o.value(QStringLiteral("terminatedAt")).toInteger() * kMsPerSecond;
    if (c.id.isEmpty() || c.buyer.isEmpty() || c.endMs <= c.startMs)
        return std::nullopt;
    return c;
}

void ExchangeLink::takeContracts(const QJsonValue &data)
{
    const QJsonObject object = data.toObject();
    QJsonArray list = object.value(QStringLiteral("contracts")).toArray();
    if (!object.contains(QStringLiteral("contracts")))
        list.append(object); // an update: one contract
    bool terminated = false;
    for (const QJsonValue &value : std::as_const(list)) {
        const auto contract = contractFromJson(value.toObject(), m_options.siteId);
        if (!contract)
            continue;
        terminated = terminated || contract->terminated;
        if (auto ok = m_server.applyContract(*contract); !ok)
            qCWarning(lcConnect, "contract %s not recorded: %s", qPrintable(contract->id),
                      qPrintable(ok.error().message));
    }
    // A termination revokes the contract's certificates: take the new CRL at once.
    if (terminated)
        pullCrl();
}

void ExchangeLink::takeRevocation(const QJsonObject &event)
{
    // A user of a buyer was revoked or lost deploy: the certificate is refused at once, and
    // the new CRL that lists it is taken now rather than at the next pull.
    const QString serial = event.value(QStringLiteral("serial")).toString();
    if (!serial.isEmpty())
        m_server.refuseCertificate(serial);
    pullCrl();
}

void ExchangeLink::reportUsage(const QString &contractId, bool final)
{
    if (m_finalSent.contains(contractId))
        return;
    const QJsonObject body{{QStringLiteral("final"), final},
                           {QStringLiteral("hours"), m_server.usageHours(contractId)}};
    net::ApiCall *call = m_client->post(QStringLiteral("/v1/contracts/%1/usage").arg(contractId), body);
    if (final)
        m_finalSent.insert(contractId);
    connect(call, &Job::finished, this, [this, call, contractId, final] {
        call->deleteLater();
        if (!call->ok()) {
            qCWarning(lcConnect, "usage report for %s refused: %s (%s)", qPrintable(contractId),
                      qPrintable(call->errorString()), qPrintable(call->error()));
            if (final && (call->status() == 0 || call->status() >= 500)) {
                m_finalSent.remove(contractId); // the periodic pass sends it again
            }
        } else {
            qCInfo(lcConnect, "usage of %s reported%s", qPrintable(contractId), final ? " (final)" : "");
        }
        Q_EMIT usageReported(contractId, final, call->ok());
    });
}

void ExchangeLink::reportAllUsage()
{
    for (const HeldContractRecord &contract : m_server.heldContracts()) {
        if (contract.startMs > m_server.nowMs() || m_finalSent.contains(contract.id))
            continue;
        reportUsage(contract.id, contract.stage >= HeldContractRecord::Destroyed);
    }
}

namespace {
/// The record a refusal of a VM operations report names, when the exchange refused it for
/// what it says (not for who sent it, nor for being busy): 0 when none.
qint64 refusedRecord(const net::ApiCall &call, const QList<qint64> &ids)
{
    static const QSet<QString> forGood{QStringLiteral("contract.unknown"), QStringLiteral("auth.not-site-of-contract"),
                                       QStringLiteral("vm-operation.bad-vm"),
                                       QStringLiteral("vm-operation.too-long")};
    if (call.ok() || !call.problem() || !forGood.contains(call.problem()->code))
        return 0;
    static const QRegularExpression field(QStringLiteral("^operations\\[(\\d+)\\]\\."));
    const auto match = field.match(call.problem()->extensions.value(QStringLiteral("field")).toString());
    bool ok = false;
    const qsizetype index = match.hasMatch() ? match.captured(1).toLongLong(&ok) : -1;
    return ok && index >= 0 && index < ids.size() ? ids.at(index) : 0;
}
} // namespace

void ExchangeLink::reportOperations()
{
    if (m_operationsInFlight) {
        m_operationsAgain = true;
        return;
    }
    m_operationsAgain = false;
    const qint64 through = m_server.operationsReportedThrough();
    const auto batch = m_server.operationsAfter(through, kOperationsBatch);
    if (batch.isEmpty())
        return;
    QJsonArray operations;
    QList<qint64> ids; // of the records in `operations`, in order
    qint64 last = through;
    for (const auto &[id, record] : batch) {
        last = id;
        if (m_refusedOperations.contains(id))
            continue;
        const std::optional<api::VmOperation> operation = api::fromWire<api::VmOperation>(record.operation);
        if (!operation)
            continue; // not a buyer's operation of the API: nothing to report
        api::SiteVmOperation o;
        o.id = id;
        o.contractId = record.contract;
        o.vm = record.vm;
        o.operation = *operation;
        o.user = record.user;
        o.serial = record.serial;
        o.time = record.atMs / 1000;
        operations.append(o.toJson());
        ids.append(id);
    }
    if (operations.isEmpty()) {
        (void)m_server.setOperationsReportedThrough(last);
        m_refusedOperations.removeIf([last](qint64 id) { return id <= last; });
        return reportOperations();
    }
    m_operationsInFlight = true;
    const int count = int(operations.size());
    net::ApiCall *call =
        m_client->post(QStringLiteral("/v1/sites/%1/vm-operations").arg(m_options.siteId),
                       QJsonObject{{QStringLiteral("operations"), operations}});
    connect(call, &Job::finished, this, [this, call, last, count, ids, full = batch.size() == kOperationsBatch] {
        call->deleteLater();
        m_operationsInFlight = false;
        if (const qint64 refused = refusedRecord(*call, ids); refused > 0) {
            qCWarning(lcConnect,
                      "the exchange refused VM operation record %lld: %s (%s); it is left out of the reports",
                      qlonglong(refused), qPrintable(call->errorString()), qPrintable(call->error()));
            m_refusedOperations.insert(refused);
            Q_EMIT operationRefused(refused, call->error());
            return reportOperations(); // the rest of the batch, at once
        }
        if (!call->ok()) {
            qCWarning(lcConnect, "VM operations report refused: %s (%s); sent again at the next pass",
                      qPrintable(call->errorString()), qPrintable(call->error()));
            Q_EMIT operationsReported(count, false);
            return;
        }
        if (auto saved = m_server.setOperationsReportedThrough(last); !saved)
            qCWarning(lcConnect, "cannot record the VM operations report: %s", qPrintable(saved.error().message));
        m_refusedOperations.removeIf([last](qint64 id) { return id <= last; });
        qCInfo(lcConnect, "%d VM operations reported", count);
        Q_EMIT operationsReported(count, true);
        if (full || m_operationsAgain)
            reportOperations();
    });
}

} // namespace cloudex::connect
