#pragma once

#include "core/result.h"
#include "net/apiserver.h"
#include "pki/pkitypes.h"

#include <functional>

namespace cloudex::market {
class Exchange;
}

namespace cloudex::pki {
class CertificateAuthority;
}

namespace cloudex::exchange {

/// An organisation's own administration (issue #16): its admin (permission `admin`) issues
/// user identities of its participant from their CSRs, changes their permissions (a new
/// certificate, the old one revoked), revokes them, sets per-user limits within the
/// exchange's and reads the identity audit and the VM operations the sellers' sites did for
/// its users (as the sites reported them). Every route is under
/// `/v1/participants/{id}/…` and refused (`403 auth.not-own-participant`) unless `{id}` is
/// the caller's participant; `operate` cannot be granted (`403 auth.permission-not-grantable`).
class UsersController final
{
public:
    /// Revokes the identities `serials` of `user` of `participant` (may be empty) and, when
    /// `contractCertificates`, every contract certificate the user holds; publishes the CRL
    /// and the revocation events and closes the identities' connections. Answers the CRL
    /// number and the contract certificates revoked (ExchangeService::revokeUserAccess).
    struct Revoked
    {
        qint64 crlNumber = 0;
        QStringList contractCertificates;
    };
    using UserRevoker = std::function<Result<Revoked>(const QString &participant, const QString &user,
                                                      const QStringList &serials, bool contractCertificates,
                                                      pki::RevocationReason reason, const QString &by)>;

    UsersController(market::Exchange &exchange, pki::CertificateAuthority &ca, UserRevoker revoke)
        : m_exchange(exchange)
        , m_ca(ca)
        , m_revoke(std::move(revoke))
    {}

    void addRoutes(net::ApiServer &api);

private:
    void getUsers(const net::ApiRequest &request, net::ApiReply reply);
    void postUser(const net::ApiRequest &request, net::ApiReply reply);
    void putPermissions(const net::ApiRequest &request, net::ApiReply reply);
    void postRevoke(const net::ApiRequest &request, net::ApiReply reply);
    void putLimits(const net::ApiRequest &request, net::ApiReply reply);
    void getAudit(const net::ApiRequest &request, net::ApiReply reply);
    void getVmOperations(const net::ApiRequest &request, net::ApiReply reply);

    /// Refuses (and answers) a request for another participant than the caller's.
    bool ownParticipant(const net::ApiRequest &request, net::ApiReply &reply) const;
    /// The live identity certificates of `user` (newest last).
    QList<pki::IssuedCertificate> liveIdentities(const QString &participant, const QString &user) const;
    void audit(const net::ApiRequest &request, const QString &user, const QString &action,
               const QString &serial, const QStringList &permissions, const QString &detail);

    market::Exchange &m_exchange;
    pki::CertificateAuthority &m_ca;
    UserRevoker m_revoke;
};

} // namespace cloudex::exchange
