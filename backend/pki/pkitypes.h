#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace cloudex::pki {

/// What a certificate identifies. Participants, users and seller sites have long-lived
/// identities; contract certificates live exactly as long as their delivery window.
enum class CertificateKind {
    Participant = 0, ///< an organisation trading on the exchange (mutual TLS for API calls)
    User = 1,        ///< a person of a participant, signing in to the desktop app
    Site = 2,        ///< a seller's connect agent: TLS server and client
    Contract = 3,    ///< a buyer's access to one contract at its seller
};

/// The exchange data directory a CA belongs to: its exchange id and epoch, also in the
/// journal and the directory's manifest.json.
struct ExchangeIdentity
{
    QString exchangeId;
    qint64 epoch = 0;
    friend bool operator==(const ExchangeIdentity &, const ExchangeIdentity &) = default;
};

/// RFC 5280 CRLReason values CloudEx uses.
enum class RevocationReason {
    Unspecified = 0,
    KeyCompromise = 1,
    Superseded = 4,
    CessationOfOperation = 5, ///< early termination of a contract
};

/// The terms a contract certificate carries. Times are milliseconds since the epoch (UTC);
/// certificates have whole-second resolution, so the window is truncated to seconds.
struct ContractTerms
{
    QString id;         ///< for example "c-000042"
    QString buyer;      ///< participant id, for example "p-acme"
    QString seller;     ///< participant id
    QString instrument; ///< symbol, for example "DE.GP2.SH.S1.H2026-12-01T14"
    qint64 volume = 0;  ///< instances
    qint64 startMs = 0; ///< delivery window start (the certificate's notBefore)
    qint64 endMs = 0;   ///< delivery window end (the certificate's notAfter)
    bool terminated = false; ///< ended early: no new certificates, verification refuses it

    bool operator==(const ContractTerms &) const = default;
};

/// Who an identity certificate names and what it may do. The certificate's subject is
/// O=<participant>, CN=<name>; organisation, role and permissions travel in the CloudEx
/// identity extension (docs/ARCHITECTURE.md, "Certificate authority").
struct IdentityRequest
{
    CertificateKind kind = CertificateKind::Participant;
    QString participant;      ///< participant id ("p-acme")
    QString name;             ///< participant id, user id ("u-alice") or site id ("s-fra1")
    QString organisation;     ///< display name ("Acme GmbH")
    QString role;             ///< "buyer", "seller", "trader", "operator", ...
    QStringList permissions;  ///< "trade", "approve", "deploy", ...
    /// Site certificates only: DNS names and IP addresses. When both are empty, the names
    /// of the request's subjectAltName extension are used.
    QStringList dnsNames;
    QStringList ipAddresses;

    bool operator==(const IdentityRequest &) const = default;
};

/// One line of the identity audit: an identity issued, changed or revoked, or a user's
/// limits set, and who did it.
struct AuditEntry
{
    qint64 atMs = 0;
    QString participant;
    QString user;   ///< the identity's name (CN)
    QString action; ///< "issued", "permissions-changed", "revoked", "limits-changed"
    QString serial; ///< the certificate concerned (the new one for a change)
    QStringList permissions;
    QString by;     ///< the identity that did it ("participant/name"), or the exchange
    QString detail; ///< free text (the old serial, the reason, the limits)
};

/// A VM operation a seller's site did for the holder of a contract certificate, as the
/// site reported it (issue #16: the buyer's administrator reads who did what). Kept beside
/// the identity audit: the certificate concerned is one this CA issued.
struct VmOperationRecord
{
    QString site;     ///< the reporting site identity's CN
    qint64 siteId = 0; ///< the site's record number: (site, siteId) is unique
    QString contract; ///< "c-000042"
    QString buyer;    ///< the contract's buyer participant
    QString vm;
    QString operation; ///< create, start, stop, reboot, delete
    QString user;      ///< the user the contract certificate names; may be empty
    QString serial;    ///< the contract certificate
    qint64 atMs = 0;   ///< when the site did it
};

/// The organisation's own limits for one of its users, within the exchange's limits of the
/// participant. Absent: only the participant's limits apply.
struct UserLimits
{
    std::optional<qint64> maxOrderQuantity;
    std::optional<qint64> maxOpenNotional;
};

/// A certificate the CA signed.
struct IssuedCertificate
{
    QString serial; ///< upper-case hex, as `openssl x509 -serial` prints it
    CertificateKind kind = CertificateKind::Participant;
    QString participant;
    QString name;       ///< subject CN
    QString contractId; ///< contract certificates only
    QString holder;     ///< contract certificates: the user who asked (when the CA knows it)
    qint64 notBeforeMs = 0;
    qint64 notAfterMs = 0;
    QByteArray der;

    QByteArray pem() const;
};

/// The CloudEx identity extension of an issued certificate (organisation, role, permissions),
/// or nullopt when it carries none. A free function, so that clients (the desk, cloudex-manage)
/// read permissions without linking the certificate authority.
std::optional<IdentityRequest> identityOf(const IssuedCertificate &certificate);

} // namespace cloudex::pki
