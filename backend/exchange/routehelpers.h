#pragma once

#include "core/result.h"
#include "market/exchange.h"
#include "net/apiserver.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

/// What every controller of the exchange API needs: the permission names, the answer of an
/// engine acknowledgement and the small readers of request values that docs/API.md fixes.
namespace cloudex::exchange::routes {

/// Commercial: orders, cancel/replace, fills, settlements, prices.
inline const QString kPermissionTrade = QStringLiteral("trade");
/// Technical: contract certificates, and so the VMs at the sellers' sites.
inline const QString kPermissionDeploy = QStringLiteral("deploy");
/// The participant's own administrator: its users, their permissions and limits, the audit.
inline const QString kPermissionAdmin = QStringLiteral("admin");
/// The exchange operator.
inline const QString kPermissionOperate = QStringLiteral("operate");

/// A handler of `controller` as ApiServer takes it.
template<typename Controller>
net::ApiServer::Handler bind(Controller *controller,
                             void (Controller::*handler)(const net::ApiRequest &, net::ApiReply))
{
    return [controller, handler](const net::ApiRequest &request, net::ApiReply reply) {
        (controller->*handler)(request, std::move(reply));
    };
}

net::ApiProblem badRequest(const Error &error);
/// 400 `request.wrong-type`: `field` must be one of `allowed`.
net::ApiProblem wrongValue(const QString &field, const QString &allowed);

/// Answers an engine acknowledgement: `okStatus` when accepted; 503 when the journal has
/// failed (the exchange takes no more commands, and says why); 422 with the engine's reason
/// code otherwise.
void answerAck(net::ApiReply &reply, const market::Ack &ack, int okStatus);

/// Base64 text decoded, or nothing when it is not base64 or decodes to nothing.
std::optional<QByteArray> base64(const QString &text);
/// A base64 field decoded, or nothing when it is not base64 or empty.
std::optional<QByteArray> base64Field(const QJsonObject &object, const QString &field);
/// An integer query parameter, `fallback` when absent, nothing when not an integer.
std::optional<qint64> queryInt(const net::ApiRequest &request, const QString &name, qint64 fallback);

} // namespace cloudex::exchange::routes
