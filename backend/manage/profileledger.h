#pragma once

#include "api/contract.h"
#include "core/result.h"
#include "manage/slaprofile.h"

#include <QList>
#include <QString>

#include <optional>

namespace cloudex::manage {

/// An order placed under an SLA profile: the profile as it was then (a later edit of the
/// profile does not rewrite what an order was bought under), keyed by the client order id.
struct OrderProfile
{
    QString clientOrderId;
    qint64 orderId = 0; ///< 0 until the exchange acknowledged the order
    QString symbol;
    qint64 placedAt = 0; ///< Unix seconds
    SlaProfile profile;

    QJsonObject toJson() const;
    static Result<OrderProfile> fromJson(const QJsonObject &o);
    bool operator==(const OrderProfile &) const = default;
};

/// Which profile each order used, kept in `<data>/manage/order-profiles.json` (written
/// atomically), so the contract inspector can set a contract's frozen terms against the
/// profile it was bought under: contract → its fill's order id → the entry.
class ProfileLedger
{
public:
    explicit ProfileLedger(QString dataDir);

    Result<QList<OrderProfile>> load() const;
    /// Adds the entry, or replaces the one with the same client order id.
    Result<void> record(const OrderProfile &entry);
    /// The exchange's order id for a client order id recorded before; false when unknown.
    Result<bool> setOrderId(const QString &clientOrderId, qint64 orderId);
    std::optional<OrderProfile> forOrder(qint64 orderId) const;
    QString filePath() const;

private:
    Result<void> write(const QList<OrderProfile> &entries) const;
    QString m_dataDir;
};

/// One term of a contract set against a profile.
struct TermCheck
{
    QString term;     ///< translated name ("Availability")
    QString contract; ///< the contract's value, in words
    QString profile;  ///< what the profile asks, in words; "any" when it asks nothing
    /// The contract does not meet what the profile asks. Terms the exchange screened at the
    /// trade (the seller's jurisdiction, certifications, metadata policy) are never marked:
    /// a contract exists only if they were met.
    bool differs = false;
    bool screened = false; ///< a counterparty requirement the exchange checked at the trade
};

/// Every term of `contract` (its frozen SLA, product region, tenancy and class) against
/// `profile`, in the order the inspector shows them.
QList<TermCheck> compareTerms(const api::Contract &contract, const SlaProfile &profile);

} // namespace cloudex::manage
