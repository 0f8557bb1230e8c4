#pragma once

#include "api/certificate.h"
#include "api/connecttypes.h"
#include "api/contract.h"
#include "api/curvepoint.h"
#include "api/fill.h"
#include "api/identityrequest.h"
#include "api/instrument.h"
#include "api/marketsummary.h"
#include "api/order.h"
#include "api/orderack.h"
#include "api/orderchange.h"
#include "api/orderpreview.h"
#include "api/orderrequest.h"
#include "api/participantrequest.h"
#include "api/spothistory.h"
#include "api/users.h"
#include "api/vmoperations.h"
#include "desk/exchangejob.h"

#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

namespace cloudex::net {
class ApiClient;
}

namespace cloudex::desk {

/// The exchange API as typed calls (docs/API.md): requests go out as api:: types, answers
/// come back parsed (`ExchangeCall<api::OrderAck>`, `ExchangeCall<QList<api::Contract>>`)
/// or as a typed error, so no caller reads a JSON key. Answers are read leniently (a field
/// a newer server adds is ignored); types and required fields are checked.
///
/// Every call returns a job the caller owns (deleteLater() once finished; the client is its
/// parent until then).
class ExchangeClient final : public QObject
{
    Q_OBJECT

public:
    ExchangeClient(const QUrl &baseUrl, const QSslConfiguration &tls, QObject *parent = nullptr);
    ~ExchangeClient() override;

    const QUrl &baseUrl() const;
    /// Calls fail with "transport.timeout" when the exchange sends nothing for this long
    /// (0, the default: no limit).
    void setTimeoutMs(int ms);

    /// `GET /v1/instruments`, all open instruments.
    ExchangeCall<QList<api::Instrument>> *instruments();
    /// `GET /v1/market/curve/{product}`.
    ExchangeCall<api::Curve> *curve(const QString &product);
    /// `GET /v1/market/spot/{product}/history` over [from, to) at `resolution` (1m, 5m, 1h, 1d).
    ExchangeCall<api::SpotHistory> *spotHistory(const QString &product, qint64 from, qint64 to,
                                                const QString &resolution);
    /// `GET /v1/market/summary`: spot, change and volume of every product with a market.
    ExchangeCall<api::MarketSummary> *marketSummary();
    /// `GET /v1/orders`, the caller's open orders.
    ExchangeCall<QList<api::Order>> *orders();
    ExchangeCall<QList<api::Fill>> *fills();
    ExchangeCall<QList<api::Contract>> *contracts();
    /// `GET /v1/contracts/{id}`.
    ExchangeCall<api::Contract> *contract(const QString &contractId);
    /// `POST /v1/contracts/{id}/certificates` with a CSR (DER) for a key the caller keeps.
    ExchangeCall<api::Certificate> *requestContractCertificate(const QString &contractId,
                                                               const QByteArray &csrDer);
    /// `GET /v1/ca`: the exchange root certificate, as DER.
    ExchangeCall<QByteArray> *caCertificate();
    /// `GET /v1/crl`: the current revocation list, as DER.
    ExchangeCall<QByteArray> *crl();
    /// `GET /v1/settlements`: the participant's settlements, as buyer or seller.
    ExchangeCall<QList<api::Settlement>> *settlements();

    /// `POST /v1/orders`; the order's client order id, when it has one, is also the
    /// Idempotency-Key, so a retried submission cannot trade twice.
    ExchangeCall<api::OrderAck> *submit(const api::OrderRequest &order);
    /// `POST /v1/orders/preview`: what `order` would fill now and what it would pass over, by
    /// reason; the exchange changes nothing.
    ExchangeCall<api::OrderPreview> *preview(const api::OrderRequest &order);
    ExchangeCall<api::OrderAck> *replace(qint64 orderId, const api::OrderChange &change);
    ExchangeCall<api::OrderAck> *cancel(qint64 orderId);

    /// Operator calls (permission `operate`).
    ExchangeCall<api::OrderAck> *addParticipant(const api::ParticipantRequest &participant);
    ExchangeCall<api::OrderAck> *setLimits(const QString &participant, const api::LimitsRequest &limits);
    ExchangeCall<api::OrderAck> *setKillSwitch(const QString &participant, bool blocked);
    ExchangeCall<api::Certificate> *issueIdentity(const api::IdentityRequest &identity);

    /// The organisation's administration (permission `admin`, own participant only).
    ExchangeCall<QList<api::User>> *users(const QString &participant);
    ExchangeCall<api::Certificate> *issueUser(const QString &participant, const api::UserIssueRequest &user);
    ExchangeCall<api::Certificate> *setUserPermissions(const QString &participant, const QString &user,
                                                       const QStringList &permissions);
    ExchangeCall<api::UserRevocation> *revokeUser(const QString &participant, const QString &user);
    ExchangeCall<api::UserLimitsRequest> *setUserLimits(const QString &participant, const QString &user,
                                                        const api::UserLimitsRequest &limits);
    ExchangeCall<QList<api::AuditEntry>> *audit(const QString &participant);
    /// The VM operations the sellers' sites reported on the participant's contracts, with the
    /// user behind each, oldest first; `contract` and `user` filter when not empty.
    ExchangeCall<QList<api::VmOperationEntry>> *vmOperations(const QString &participant,
                                                             const QString &contract = {},
                                                             const QString &user = {});

private:
    net::ApiClient *m_api;
};

} // namespace cloudex::desk
