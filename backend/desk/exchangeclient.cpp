#include "desk/exchangeclient.h"

#include "net/apiclient.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSslCertificate>

namespace cloudex::desk {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Desk)
};

constexpr api::ParseMode kAnswers = api::ParseMode::Lenient;

/// A reader of an answer that is one object of type T.
template<typename T> typename ExchangeCall<T>::Reader object()
{
    return [](const QJsonValue &body) {
        return T::fromJson(body.toObject(), kAnswers);
    };
}

/// A reader of a list answer `{"<key>":[T…]}`.
template<typename T> typename ExchangeCall<QList<T>>::Reader list()
{
    return [](const QJsonValue &body) {
        return api::listFromJson<T>(body.toObject(), T::kListKey, kAnswers);
    };
}

QString orderPath(qint64 orderId)
{
    return QStringLiteral("/v1/orders/%1").arg(orderId);
}

QString participantPath(const QString &participant, QLatin1StringView what)
{
    return QStringLiteral("/v1/participants/") + participant + u'/' + what;
}
} // namespace

ExchangeClient::ExchangeClient(const QUrl &baseUrl, const QSslConfiguration &tls, QObject *parent)
    : QObject(parent)
    , m_api(new net::ApiClient(baseUrl, tls, this))
{}

ExchangeClient::~ExchangeClient() = default;

const QUrl &ExchangeClient::baseUrl() const
{
    return m_api->baseUrl();
}

void ExchangeClient::setTimeoutMs(int ms)
{
    m_api->setTransferTimeoutMs(ms);
}

ExchangeCall<QList<api::Instrument>> *ExchangeClient::instruments()
{
    return new ExchangeCall<QList<api::Instrument>>(m_api->get(QStringLiteral("/v1/instruments")),
                                                    list<api::Instrument>(), this);
}

ExchangeCall<api::Curve> *ExchangeClient::curve(const QString &product)
{
    return new ExchangeCall<api::Curve>(m_api->get(QStringLiteral("/v1/market/curve/") + product),
                                        object<api::Curve>(), this);
}

ExchangeCall<api::SpotHistory> *ExchangeClient::spotHistory(const QString &product, qint64 from, qint64 to,
                                                            const QString &resolution)
{
    const QString path = QStringLiteral("/v1/market/spot/%1/history?from=%2&to=%3&resolution=%4")
                             .arg(product)
                             .arg(from)
                             .arg(to)
                             .arg(resolution);
    return new ExchangeCall<api::SpotHistory>(m_api->get(path), object<api::SpotHistory>(), this);
}

ExchangeCall<api::MarketSummary> *ExchangeClient::marketSummary()
{
    return new ExchangeCall<api::MarketSummary>(m_api->get(QStringLiteral("/v1/market/summary")),
                                                object<api::MarketSummary>(), this);
}

ExchangeCall<QList<api::Order>> *ExchangeClient::orders()
{
    return new ExchangeCall<QList<api::Order>>(m_api->get(QStringLiteral("/v1/orders")), list<api::Order>(),
                                               this);
}

ExchangeCall<QList<api::Fill>> *ExchangeClient::fills()
{
    return new ExchangeCall<QList<api::Fill>>(m_api->get(QStringLiteral("/v1/fills")), list<api::Fill>(),
                                              this);
}

ExchangeCall<QList<api::Contract>> *ExchangeClient::contracts()
{
    return new ExchangeCall<QList<api::Contract>>(m_api->get(QStringLiteral("/v1/contracts")),
                                                  list<api::Contract>(), this);
}

ExchangeCall<api::Contract> *ExchangeClient::contract(const QString &contractId)
{
    return new ExchangeCall<api::Contract>(m_api->get(QStringLiteral("/v1/contracts/") + contractId),
                                           object<api::Contract>(), this);
}

ExchangeCall<api::Certificate> *ExchangeClient::requestContractCertificate(const QString &contractId,
                                                                           const QByteArray &csrDer)
{
    const QJsonObject body{{QStringLiteral("csr"), QString::fromLatin1(csrDer.toBase64())}};
    return new ExchangeCall<api::Certificate>(
        m_api->post(QStringLiteral("/v1/contracts/") + contractId + QStringLiteral("/certificates"), body),
        object<api::Certificate>(), this);
}

ExchangeCall<QByteArray> *ExchangeClient::caCertificate()
{
    return new ExchangeCall<QByteArray>(
        m_api->get(QStringLiteral("/v1/ca")),
        [](const QJsonValue &body) -> Result<QByteArray> {
            const QList<QSslCertificate> root = QSslCertificate::fromData(
                body.toObject().value(QLatin1StringView("certificate")).toString().toLatin1(), QSsl::Pem);
            if (root.size() != 1)
                return Error{QStringLiteral("response.invalid"),
                             Tr::tr("\"certificate\" is not one PEM certificate."),
                             QStringLiteral("certificate")};
            return root.constFirst().toDer();
        },
        this);
}

ExchangeCall<QByteArray> *ExchangeClient::crl()
{
    return new ExchangeCall<QByteArray>(
        m_api->get(QStringLiteral("/v1/crl")),
        [](const QJsonValue &body) -> Result<QByteArray> {
            const QString text = body.toObject().value(QLatin1StringView("crl")).toString();
            auto decoded =
                QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (text.isEmpty() || !decoded)
                return Error{QStringLiteral("response.invalid"), Tr::tr("\"crl\" is not base64 DER."),
                             QStringLiteral("crl")};
            return *decoded;
        },
        this);
}

ExchangeCall<QList<api::Settlement>> *ExchangeClient::settlements()
{
    return new ExchangeCall<QList<api::Settlement>>(m_api->get(QStringLiteral("/v1/settlements")),
                                                    list<api::Settlement>(), this);
}

ExchangeCall<api::OrderAck> *ExchangeClient::submit(const api::OrderRequest &order)
{
    return new ExchangeCall<api::OrderAck>(
        m_api->post(QStringLiteral("/v1/orders"), order.toJson(), order.clientOrderId.toLatin1()),
        object<api::OrderAck>(), this);
}

ExchangeCall<api::OrderPreview> *ExchangeClient::preview(const api::OrderRequest &order)
{
    return new ExchangeCall<api::OrderPreview>(
        m_api->post(QStringLiteral("/v1/orders/preview"), order.toJson()), object<api::OrderPreview>(), this);
}

ExchangeCall<api::OrderAck> *ExchangeClient::replace(qint64 orderId, const api::OrderChange &change)
{
    return new ExchangeCall<api::OrderAck>(m_api->patch(orderPath(orderId), change.toJson()),
                                           object<api::OrderAck>(), this);
}

ExchangeCall<api::OrderAck> *ExchangeClient::cancel(qint64 orderId)
{
    return new ExchangeCall<api::OrderAck>(m_api->del(orderPath(orderId)), object<api::OrderAck>(), this);
}

ExchangeCall<api::OrderAck> *ExchangeClient::addParticipant(const api::ParticipantRequest &participant)
{
    return new ExchangeCall<api::OrderAck>(
        m_api->post(QStringLiteral("/v1/participants"), participant.toJson()), object<api::OrderAck>(), this);
}

ExchangeCall<api::OrderAck> *ExchangeClient::setLimits(const QString &participant,
                                                       const api::LimitsRequest &limits)
{
    return new ExchangeCall<api::OrderAck>(
        m_api->put(participantPath(participant, QLatin1StringView("limits")), limits.toJson()),
        object<api::OrderAck>(), this);
}

ExchangeCall<api::OrderAck> *ExchangeClient::setKillSwitch(const QString &participant, bool blocked)
{
    return new ExchangeCall<api::OrderAck>(
        m_api->post(participantPath(participant, QLatin1StringView("kill-switch")),
                    api::KillSwitchRequest{blocked}.toJson()),
        object<api::OrderAck>(), this);
}

ExchangeCall<api::Certificate> *ExchangeClient::issueIdentity(const api::IdentityRequest &identity)
{
    return new ExchangeCall<api::Certificate>(
        m_api->post(QStringLiteral("/v1/identities"), identity.toJson()), object<api::Certificate>(), this);
}

ExchangeCall<QList<api::User>> *ExchangeClient::users(const QString &participant)
{
    return new ExchangeCall<QList<api::User>>(m_api->get(participantPath(participant, QLatin1StringView("users"))),
                                              list<api::User>(), this);
}

ExchangeCall<api::Certificate> *ExchangeClient::issueUser(const QString &participant,
                                                         const api::UserIssueRequest &user)
{
    return new ExchangeCall<api::Certificate>(
        m_api->post(participantPath(participant, QLatin1StringView("users")), user.toJson()),
        object<api::Certificate>(), this);
}

ExchangeCall<api::Certificate> *ExchangeClient::setUserPermissions(const QString &participant, const QString &user,
                                                                  const QStringList &permissions)
{
    return new ExchangeCall<api::Certificate>(
        m_api->put(participantPath(participant, QLatin1StringView("users/")) + user + QStringLiteral("/permissions"),
                   api::UserPermissionsRequest{permissions}.toJson()),
        object<api::Certificate>(), this);
}

ExchangeCall<api::UserRevocation> *ExchangeClient::revokeUser(const QString &participant, const QString &user)
{
    return new ExchangeCall<api::UserRevocation>(
        m_api->post(participantPath(participant, QLatin1StringView("users/")) + user + QStringLiteral("/revoke"),
                    QJsonObject()),
        object<api::UserRevocation>(), this);
}

ExchangeCall<api::UserLimitsRequest> *ExchangeClient::setUserLimits(const QString &participant, const QString &user,
                                                                   const api::UserLimitsRequest &limits)
{
    return new ExchangeCall<api::UserLimitsRequest>(
        m_api->put(participantPath(participant, QLatin1StringView("users/")) + user + QStringLiteral("/limits"),
                   limits.toJson()),
        object<api::UserLimitsRequest>(), this);
}

ExchangeCall<QList<api::AuditEntry>> *ExchangeClient::audit(const QString &participant)
{
    return new ExchangeCall<QList<api::AuditEntry>>(
        m_api->get(participantPath(participant, QLatin1StringView("audit"))), list<api::AuditEntry>(), this);
}

ExchangeCall<QList<api::VmOperationEntry>> *ExchangeClient::vmOperations(const QString &participant,
                                                                         const QString &contract,
                                                                         const QString &user)
{
    QStringList query;
    if (!contract.isEmpty())
        query << QStringLiteral("contract=") + QString::fromLatin1(QUrl::toPercentEncoding(contract));
    if (!user.isEmpty())
        query << QStringLiteral("user=") + QString::fromLatin1(QUrl::toPercentEncoding(user));
    QString path = participantPath(participant, QLatin1StringView("vm-operations"));
    if (!query.isEmpty())
        path += u'?' + query.join(u'&');
    return new ExchangeCall<QList<api::VmOperationEntry>>(m_api->get(path), list<api::VmOperationEntry>(), this);
}

} // namespace cloudex::desk
