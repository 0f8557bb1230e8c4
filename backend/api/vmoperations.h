#pragma once

#include "api/connecttypes.h"
#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QList>
#include <QString>

/// The VM operations a seller's site recorded with the user behind each (issue #16): what
/// the site reports to the exchange (`POST /v1/sites/{siteId}/vm-operations`,
/// docs/CONNECT-API.md section 1) and what the buyer's administrator reads
/// (`GET /v1/participants/{id}/vm-operations`, docs/API.md "Users").
namespace cloudex::api {

/// One operation as the site recorded it.
struct SiteVmOperation
{
    qint64 id = 0; ///< the site's record number, from 1, increasing; a resend is known by it
    QString contractId;
    QString vm;
    VmOperation operation = VmOperation::Create;
    QString user;   ///< the user the contract certificate names; empty when it names none
    QString serial; ///< the contract certificate's serial (hex)
    qint64 time = 0;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<SiteVmOperation> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const SiteVmOperation &) const = default;
};

/// The body of `POST /v1/sites/{siteId}/vm-operations`: a batch of records, oldest first.
struct VmOperationReport
{
    QList<SiteVmOperation> operations;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<VmOperationReport> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const VmOperationReport &) const = default;
};

/// Its answer: records new to the exchange, and records it had already (a resend).
struct VmOperationReportAck
{
    qint64 accepted = 0;
    qint64 duplicates = 0;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<VmOperationReportAck> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Lenient);
    bool operator==(const VmOperationReportAck &) const = default;
};

/// One line of `GET /v1/participants/{id}/vm-operations`: an operation on a contract the
/// participant bought, at the site that holds it, by one of its users.
struct VmOperationEntry
{
    static constexpr QLatin1StringView kListKey{"operations"};
    qint64 time = 0;
    QString user;
    QString contractId;
    QString site;
    QString vm;
    VmOperation operation = VmOperation::Create;
    QString serial;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<VmOperationEntry> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Lenient);
    bool operator==(const VmOperationEntry &) const = default;
};

} // namespace cloudex::api
