#pragma once

#include "catalogue/deliveryperiod.h"
#include "catalogue/product.h"
#include "core/clock.h"
#include "core/result.h"
#include "market/types.h"

#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>

namespace cloudex::exchange {

class ExchangeService;

/// An ExchangeService on a free loopback port with its data in `<data>/exchange/` and the
/// identities of its local participants in `<data>/exchange/identities/` (keys 0600). On
/// first start it creates the CA, the journal, an operator identity and the local
/// participant with a user identity; later starts load them. Participants are onboarded
/// through the API with the operator's identity, so every permission check applies in
/// process too.
///
/// Lives on one thread with its service and never blocks it on the network: start and
/// onboarding answer through callbacks once the service has answered its own API calls.
/// The desktop app runs it on the exchange thread (EmbeddedExchange); tests of the service
/// may run it on theirs.
class LocalExchange final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString dataDirectory; ///< the app's data directory
        QString participant = QStringLiteral("p-local");
        QString user = QStringLiteral("u-local");
        QString organisation = QStringLiteral("Local desk");
        QString jurisdiction = QStringLiteral("DE");
        /// Listed products; empty: every product of the standard catalogue.
        QList<catalogue::Product> products;
        catalogue::ListingHorizon horizon;
        int clockIntervalMs = 1000;
    };

    using StartCallback = std::function<void(Result<void>)>;
    using IdentityCallback = std::function<void(Result<QSslConfiguration>)>;

    explicit LocalExchange(const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~LocalExchange() override;

    /// Opens or creates the exchange and the operator identity, then onboards the local
    /// participant through the API; `done` gets the outcome (on this thread, possibly
    /// before start() returns when it failed early or everything was on disk already).
    void start(const Options &options, StartCallback done);
    bool isStarted() const { return m_started; }

    QUrl baseUrl() const;
    QByteArray caCertificatePem() const;
    /// The local user's TLS identity for ApiClient and StreamClient (trusts only this CA).
    QSslConfiguration clientTls() const { return m_clientTls; }
    QString participant() const { return m_options.participant; }

    /// Onboards another participant through the API (role, jurisdiction; a user identity
    /// with the "trade" and "deploy" permissions, and "admin" for the local participant) and hands its TLS identity to `done`; on later starts
    /// loads it. For the simulated participants of the demo market.
    void onboardParticipant(const QString &participant, market::Role role, const QString &jurisdiction,
                            IdentityCallback done);

    /// A site identity (kind "site", CN `siteId`, subjectAltName localhost) of `seller`,
    /// issued through the API with the operator's identity, for a site on this machine; on
    /// later starts loads it. For the simulated sites of the demo market.
    void issueSiteIdentity(const QString &seller, const QString &siteId, IdentityCallback done);

    ExchangeService &service() { return *m_service; }

private:
    QString identityDirectory() const;
    Result<QSslConfiguration> operatorTls();
    Result<QSslConfiguration> loadIdentity(const QString &name) const;
    /// Whether the identity is valid here and carries every one of `permissions`.
    bool hasPermissions(const QSslConfiguration &tls, const QStringList &permissions) const;
    Result<QSslConfiguration> storeIdentity(const QString &name, const QByteArray &keyPem,
                                            const QByteArray &certificatePem);

    const Clock &m_clock;
    Options m_options;
    ExchangeService *m_service;
    QSslConfiguration m_operatorTls;
    QSslConfiguration m_clientTls;
    bool m_started = false;
};

} // namespace cloudex::exchange
