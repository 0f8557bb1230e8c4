#pragma once

#include "api/orderrequest.h"
#include "catalogue/product.h"
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/// The buyer's manage side without widgets: SLA profiles, sourcing strategies and their
/// planner, chargeback. Pure logic over the typed API and the catalogue; the desk and
/// cloudex-manage put it on screen and on the wire.
namespace cloudex::manage {

/// A buyer's requirement profile: what a product's SLA and terms must meet, and what the
/// order asks of its counterparties. An empty list or a zero limit asks nothing.
struct SlaProfile
{
    QString id;                          ///< stable, [a-z0-9-]{1,40}; the file's key
    QString name;                        ///< for people
    int minAvailabilityBasisPoints = 0;  ///< 0: any
    int maxSupportResponseMinutes = 0;   ///< 0: any
    int minCreditPercent = 0;            ///< the credit expected at the first shortfall step; 0: any
    QStringList jurisdictions;           ///< of the seller (order requirement)
    QStringList certifications;          ///< of the seller (order requirement)
    QStringList metadataPolicies;        ///< of the seller (order requirement)
    QList<catalogue::Tenancy> tenancies; ///< empty: any
    QStringList regions;                 ///< region codes; empty: any
    QStringList instanceClasses;         ///< class codes; empty: any

    /// Whether a product's catalogue terms (SLA class terms, tenancy, region, class) meet the
    /// profile. Counterparty requirements are for the book, not the product.
    bool matches(const catalogue::Product &product) const;
    /// The counterparty part, as an order carries it; nullopt when the profile asks nothing.
    std::optional<api::Requirements> requirements() const;

    QJsonObject toJson() const;
    static Result<SlaProfile> fromJson(const QJsonObject &o);
    bool operator==(const SlaProfile &) const = default;
};

/// Named profiles kept in `<data>/manage/sla-profiles.json`, written atomically.
class SlaProfileStore
{
public:
    explicit SlaProfileStore(QString dataDir);

    Result<QList<SlaProfile>> load() const;
    /// Replaces the profile with the same id, or adds it.
    Result<void> save(const SlaProfile &profile);
    Result<void> remove(const QString &id);
    QString filePath() const;

private:
    Result<void> write(const QList<SlaProfile> &profiles) const;
    QString m_dataDir;
};

} // namespace cloudex::manage
