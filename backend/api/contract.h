#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// A service credit: below this availability, this share of the price is credited.
struct ServiceCredit
{
    int belowBasisPoints = 0;
    int creditPercent = 0;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<ServiceCredit> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const ServiceCredit &) const = default;
};

/// The service terms frozen into a contract.
struct Sla
{
    QString slaClass; ///< S1, S2 or S3
    int availabilityBasisPoints = 0;
    int supportResponseMinutes = 0;
    bool nextBusinessDaySupport = false;
    QList<ServiceCredit> credits;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Sla> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Sla &) const = default;
};

/// The seller site a contract is assigned to (docs/CONNECT-API.md, section 1).
struct ContractSite
{
    QString id; ///< the site identity's CN, "s-fra1"
    QString name;
    QString endpoint; ///< "https://host:port", the connect API

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<ContractSite> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const ContractSite &) const = default;
};

/// A contract: one per trade, with its parties, delivery window and frozen terms.
struct Contract
{
    QString id; ///< "c-000042"
    qint64 trade = 0; ///< the trade id
    QString symbol;
    QString product;
    QString buyer;
    QString seller;
    qint64 quantity = 0;
    qint64 price = 0; ///< ticks
    qint64 deliveryStart = 0;
    qint64 deliveryEnd = 0;
    ContractState state = ContractState::Scheduled;
    Sla sla;
    QString governingLaw;
    qint64 legalTermsVersion = 0;
    /// The site serving the contract; absent while unassigned.
    std::optional<ContractSite> site;
    /// Once terminated: when (Unix seconds) and why.
    std::optional<qint64> terminatedAt;
    QString terminationReason;

    /// The key of the list answers `{"contracts":[…]}`.
    static constexpr QLatin1StringView kListKey{"contracts"};
    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Contract> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Contract &) const = default;
};

} // namespace cloudex::api
