#pragma once

#include <QString>

#include <optional>

namespace cloudex::desk {

/// Prices are integer ticks of 0.0001 EUR; people read and type euros with four decimals.
/// Conversion goes through the digits, never through floating point.
constexpr qint64 kTicksPerEuro = 10000;
constexpr int kPriceDecimals = 4;

/// "12.5", "12,5000" or "0.0001" -> ticks; nullopt for anything else, for more than four
/// decimals and for negative or overflowing amounts.
std::optional<qint64> parsePriceTicks(const QString &text);
/// 125000 -> "12.5000".
QString formatPriceTicks(qint64 ticks);

} // namespace cloudex::desk
