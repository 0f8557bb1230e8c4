#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

namespace cloudex::api {

/// Why a certificate was revoked (RFC 5280 CRLReason; the CRL carries it).
enum class RevocationReason { Unspecified, KeyCompromise, Superseded, CessationOfOperation };
template<> struct WireNames<RevocationReason>
{
    static constexpr std::array names{QLatin1StringView("unspecified"), QLatin1StringView("key-compromise"),
                                      QLatin1StringView("superseded"),
                                      QLatin1StringView("cessation-of-operation")};
};

/// The body of `POST /v1/identities/{serial}/revoke`.
struct RevokeIdentityRequest
{
    RevocationReason reason = RevocationReason::Unspecified;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<RevokeIdentityRequest> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const RevokeIdentityRequest &) const = default;
};

/// The answer of `POST /v1/identities/{serial}/revoke`.
struct Revocation
{
    QString serial; ///< upper-case hex
    RevocationReason reason = RevocationReason::Unspecified;
    qint64 crlNumber = 0; ///< the CRL that lists it, published before the answer

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Revocation> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Revocation &) const = default;
};

/// The body of `POST /v1/contracts/{id}/terminate`: why the operator ends the contract
/// early (free text for the log and the parties, 1 to 500 characters).
struct TerminateContractRequest
{
    static constexpr qsizetype kMaxReasonLength = 500;
    QString reason;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<TerminateContractRequest> fromJson(const QJsonObject &o,
                                                     ParseMode mode = ParseMode::Strict);
    bool operator==(const TerminateContractRequest &) const = default;
};

} // namespace cloudex::api
