#pragma once

#include "catalogue/deliveryperiod.h"
#include "catalogue/product.h"
#include "core/clock.h"
#include "core/result.h"
#include "market/types.h"

#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

namespace cloudex::exchange {

class ExchangeService;

/// The exchange inside the desktop app: the same ExchangeService as the daemon, on a free
/// loopback port, with its data in `<data>/exchange/`. On first start it creates the CA,
/// the journal, an operator identity and the local participant with a user identity; later
/// starts load them. Keys are generated here and stay in `<data>/exchange/identities/`
/// (files 0600). Participants are onboarded through the API with the operator's identity,
/// and the desk talks to the exchange through ApiClient/StreamClient with clientTls(): every
/// permission check applies in process too.
class EmbeddedExchange final : public QObject
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

    explicit EmbeddedExchange(const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~EmbeddedExchange() override;

    /// Opens or creates the exchange and the local participant; blocks (running the event
    /// loop) until the onboarding calls have been answered.
    Result<void> start(const Options &options);

    QUrl baseUrl() const;
    QByteArray caCertificatePem() const;
    /// The local user's TLS identity for ApiClient and StreamClient (trusts only this CA).
    QSslConfiguration clientTls() const { return m_clientTls; }
    QString participant() const { return m_options.participant; }

    /// Onboards another participant through the API (role, jurisdiction; a user identity
    /// with the "trade" permission) and returns its TLS identity; on later starts loads it.
    /// For the simulated participants of the demo market.
    Result<QSslConfiguration> onboardParticipant(const QString &participant,
                                                 market::Role role = market::Role::Both,
                                                 const QString &jurisdiction = QStringLiteral("DE"));

    ExchangeService &service() { return *m_service; }

private:
    QString identityDirectory() const;
    Result<QSslConfiguration> operatorTls();
    Result<QSslConfiguration> loadIdentity(const QString &name) const;

    const Clock &m_clock;
    Options m_options;
    ExchangeService *m_service;
    QSslConfiguration m_operatorTls;
    QSslConfiguration m_clientTls;
};

} // namespace cloudex::exchange
