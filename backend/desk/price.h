#pragma once

#include <QString>

class QLocale;

#include <optional>

namespace cloudex::desk {

/// Prices are integer ticks of 0.0001 EUR; people read and type euros with four decimals.
/// Conversion goes through the digits, never through floating point.
constexpr qint64 kTicksPerEuro = 10000;
constexpr int kPriceDecimals = 4;

/// "12.5", "12,5000" or "0.0001" -> ticks; nullopt for anything else, for more than four
/// decimals and for negative or overflowing amounts.
std::optional<qint64> parsePriceTicks(const QString &text);
/// 125000 -> "12.5000" (the C locale, for files, logs and wire formats).
QString formatPriceTicks(qint64 ticks);
/// A moment as people read it on the desk, in UTC like the exchange's delivery periods:
/// the locale's short date and the hour and minute ("01.12.26 15:00", "12/1/26 15:00").
QString formatTimeUtc(qint64 epochSecs, const QLocale &locale);
/// 125000 -> "12,5000" in German: the locale's decimal point and digit grouping, for
/// what a person reads. Still through the digits, never floating point.
QString formatPriceTicks(qint64 ticks, const QLocale &locale);

} // namespace cloudex::desk
