#pragma once

#include "connect/agentstore.h"
#include "core/result.h"

namespace cloudex::connect {

class ConnectAgent;

/// The configuration file of a headless site (cloudex-connect), JSON:
///
///     { "embedded": false,
///       "connections": [ {"uri": "qemu:///system", "host": "rack1"},
///                        {"workflow": ["/usr/bin/python3", "wf.py", "--state", "/var/lib/wf.json"]} ],
///       "tenants": [ {"id": "acme", "name": "ACME Corp"} ],
///       "hostGroups": [ {"name": "finance", "tenancy": "GS", "hosts": ["rack1"], "tenants": ["acme"]} ],
///       "reconcileIntervalMs": 15000,
///       "exchange": {"url": "https://exchange.example:8443", "siteId": "s-fra1",
///                    "identity": "site.p12", "passphraseFile": "site.pass", "ca": "ca.pem"},
///       "listen": "0.0.0.0:9443", "endpoint": "https://fra1.example:9443", "name": "Frankfurt 1",
///       "products": ["DE.GP2.SH.S1"], "defaultGroup": "finance",
///       "graceSeconds": 300, "retentionSeconds": 86400, "crlToleranceSeconds": 21600,
///       "trading": {"identity": "trader.p12", "passphraseFile": "trader.pass",
///                   "repriceSeconds": 60, "intervalMs": 5000},
///       "offers": [ {"product": "DE.GP2.SH.S1", "cap": 8, "periods": "H12,D7", "price": 420},
///                   {"product": "DE.GP2.GS.S1", "cap": 4, "periods": "D7", "pool": "finance",
///                    "spot": {"markupBasisPoints": 500, "floor": 300, "cap": 900}} ] }
///
/// `trading` names the seller's trading identity (a participant or user identity of the
/// seller with the trade permission, not the site identity): with it the agent keeps the
/// offers' asks on the exchange (OfferTrader); its passphrase comes from `passphraseFile`,
/// else `passphraseEnv` (default CLOUDEX_TRADING_PASSPHRASE), else "cloudex". `offers` are
/// saved into the records once the agent has started (they replace offers of the same
/// product; offers the Sell workspace saved stay).
///
/// The site identity's passphrase comes from `passphraseFile`, else the environment variable
/// named by `passphraseEnv` (default CLOUDEX_SITE_PASSPHRASE), else "cloudex" (as the
/// exchange's own PKCS#12 files). Relative paths are relative to the configuration file.
struct SiteConfig
{
    bool embedded = false; ///< add the simulated test-driver hosts
    QList<ConnectionRecord> connections;
    QList<Tenant> tenants;
    QList<HostGroup> hostGroups;
    int reconcileIntervalMs = 15'000;

    /// The exchange the site joins; empty url: a site without an exchange (no connect API).
    QString exchangeUrl;
    QString siteId;       ///< the site identity's CN, e.g. "s-fra1"
    QString identityFile; ///< PKCS#12 of kind site (absolute after load())
    QString passphraseFile;
    QString passphraseEnv = QStringLiteral("CLOUDEX_SITE_PASSPHRASE");
    QString caFile; ///< the exchange CA (PEM); empty: the chain in the identity file
    QString listen = QStringLiteral("127.0.0.1:9443"); ///< connect API address, HOST:PORT
    QString endpoint;     ///< registered with the exchange; empty: https://<listen>
    QString name;         ///< the site's display name; empty: the site id
    QStringList products; ///< catalogue product symbols the site serves
    QString defaultGroup; ///< group-shared contracts of buyers in no group go here
    qint64 graceSeconds = 300;
    qint64 retentionSeconds = 86'400;
    qint64 crlToleranceSeconds = 6 * 3600;

    /// The seller's trading identity (PKCS#12, absolute after load()); empty: offers stay local.
    QString tradingIdentityFile;
    QString tradingPassphraseFile;
    QString tradingPassphraseEnv = QStringLiteral("CLOUDEX_TRADING_PASSPHRASE");
    int repriceSeconds = 60;    ///< at most one re-pricing per offer in this time
    int offerIntervalMs = 5000; ///< a planning pass at least this often
    QList<Offer> offers;

    /// The identity passphrase as configured (file, environment, or the default).
    Result<QByteArray> passphrase() const;
    /// The trading identity's passphrase, the same way.
    Result<QByteArray> tradingPassphrase() const;

    static Result<SiteConfig> load(const QString &file);
    static Result<SiteConfig> parse(const QByteArray &json);

    /// Writes tenants, host groups and connections into the agent's records (replacing
    /// entries of the same key); the records stay the truth between runs.
    Result<void> apply(ConnectAgent &agent) const;
    /// Saves `offers` into the agent's records; after start (they are checked against the hosts).
    Result<void> applyOffers(ConnectAgent &agent) const;
};

} // namespace cloudex::connect
