#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cloudex::api {

/// The body of `PUT /v1/sites/{siteId}`: where the site's connect API listens and which
/// catalogue products it serves (docs/CONNECT-API.md, section 1).
struct SiteRegistration
{
    QString name;
    QString endpoint; ///< "https://host:port"; the host is one of the site certificate's names
    QStringList products;

    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<SiteRegistration> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const SiteRegistration &) const = default;
};

/// A registered site of a seller.
struct Site
{
    QString id; ///< the site identity's CN ("s-fra1")
    QString participant;
    QString name;
    QString endpoint;
    QStringList products;
    qint64 registered = 0; ///< Unix seconds of the latest registration

    /// The key of the list answer `{"sites":[…]}`.
    static constexpr QLatin1StringView kListKey{"sites"};
    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Site> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Site &) const = default;
};

} // namespace cloudex::api
