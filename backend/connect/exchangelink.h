#pragma once

#include "connect/agentstore.h"
#include "core/result.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QUrl>

class QTimer;

namespace cloudex::net {
class ApiClient;
class StreamClient;
} // namespace cloudex::net

namespace cloudex::connect {

class ConnectServer;

/// The site's side of the exchange (docs/CONNECT-API.md, section 1), with the site
/// identity: registers the site (`PUT /v1/sites/{id}`), follows `contracts@<seller>` on the
/// stream (snapshots resync it) and keeps the contracts assigned to this site in the
/// server's records, pulls the CRL periodically and at once on a termination, reports
/// usage (`POST /v1/contracts/{id}/usage`) periodically and finally after the grace period,
/// and reports the VM operations it recorded with their users
/// (`POST /v1/sites/{id}/vm-operations`) shortly after each and with every usage pass.
/// Everything it pulls is recorded, so the site enforces with the exchange unreachable.
class ExchangeLink final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl exchange;
        QSslConfiguration tls; ///< the site identity; CA = the exchange CA
        QString siteId;
        QString seller; ///< the site identity's participant
        QString name;
        QString endpoint;
        QStringList products;
        int crlIntervalMs = 5 * 60 * 1000;
        int usageIntervalMs = 5 * 60 * 1000;
        /// How long after a VM operation its report leaves (operations of a burst go together).
        int operationsDelayMs = 1000;
    };

    ExchangeLink(ConnectServer &server, Options options, QObject *parent = nullptr);
    ~ExchangeLink() override;

    /// Registers, pulls the CRL and follows the contracts; retries on its own.
    void start();

    /// A contract object of the exchange API as the site records it; nothing when it is
    /// not assigned to `siteId` (or is not a contract).
    static std::optional<HeldContractRecord> contractFromJson(const QJsonObject &contract,
                                                              const QString &siteId);

    bool isRegistered() const { return m_registered; }

public Q_SLOTS:
    void pullCrl();
    /// A `revocations@<seller>` event: refuse the certificate now, pull the CRL.
    void takeRevocation(const QJsonObject &event);
    void reportUsage(const QString &contractId, bool final);
    void reportAllUsage();
    /// Sends the VM operations recorded since the last accepted report, in batches; a
    /// failed report is sent again at the next pass (the exchange keeps each record once).
    /// A record the exchange refuses for good (a contract it does not know or that another
    /// site holds, a malformed name: the problem names the record) is logged and left out,
    /// and the rest of the batch is sent again at once: one bad record never holds back the
    /// records after it.
    void reportOperations();

Q_SIGNALS:
    void registered();
    void crlApplied();
    void usageReported(const QString &contractId, bool final, bool ok);
    /// A batch of VM operations was sent: how many records, and whether it was accepted.
    void operationsReported(int records, bool ok);
    /// The exchange refused one VM operation record for good; it is not reported.
    void operationRefused(qint64 id, const QString &code);

private:
    void registerSite();
    void takeContracts(const QJsonValue &data);

    ConnectServer &m_server;
    Options m_options;
    net::ApiClient *m_client;
    net::StreamClient *m_stream;
    QTimer *m_crlTimer;
    QTimer *m_usageTimer;
    QTimer *m_retry;
    QTimer *m_operationsSoon; ///< a short delay after an operation, to batch a burst
    bool m_registered = false;
    bool m_operationsInFlight = false;
    bool m_operationsAgain = false;
    /// Records the exchange refused for good, left out of the batches until the report
    /// mark passes them (after a restart the exchange names them again).
    QSet<qint64> m_refusedOperations;
    QSet<QString> m_finalSent;
};

} // namespace cloudex::connect
