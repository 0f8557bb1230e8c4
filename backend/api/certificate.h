#pragma once

#include "api/jsonobjectreader.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace cloudex::api {

/// An issued certificate (identity or contract).
struct Certificate
{
    QString serial; ///< upper-case hex
    QString certificate; ///< PEM
    qint64 notBefore = 0; ///< Unix seconds
    qint64 notAfter = 0; ///< Unix seconds
    QString contractId; ///< contract certificates only

    /// The key of the list answers `{"certificates":[…]}`.
    static constexpr QLatin1StringView kListKey{"certificates"};
    void read(JsonObjectReader &r);
    QJsonObject toJson() const;
    static Result<Certificate> fromJson(const QJsonObject &o, ParseMode mode = ParseMode::Strict);
    bool operator==(const Certificate &) const = default;
};

} // namespace cloudex::api
