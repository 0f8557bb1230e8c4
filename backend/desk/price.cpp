#include "desk/price.h"

#include <limits>

namespace cloudex::desk {

std::optional<qint64> parsePriceTicks(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    qint64 euros = 0;
    qint64 fraction = 0;
    int decimals = 0;
    bool seenSeparator = false;
    bool seenDigit = false;
    constexpr qint64 kMaxEuros = std::numeric_limits<qint64>::max() / kTicksPerEuro - 1;
    for (const QChar c : text) {
        if (c == u'.' || c == u',') {
            if (seenSeparator)
                return std::nullopt;
            seenSeparator = true;
            continue;
        }
        if (c < u'0' || c > u'9')
            return std::nullopt;
        seenDigit = true;
        const int digit = c.unicode() - u'0';
        if (seenSeparator) {
            if (++decimals > kPriceDecimals)
                return std::nullopt;
            fraction = fraction * 10 + digit;
        } else {
            euros = euros * 10 + digit;
            if (euros > kMaxEuros)
                return std::nullopt;
        }
    }
    if (!seenDigit)
        return std::nullopt;
    for (int i = decimals; i < kPriceDecimals; ++i)
        fraction *= 10;
    return euros * kTicksPerEuro + fraction;
}

QString formatPriceTicks(qint64 ticks)
{
    const bool negative = ticks < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(ticks) : quint64(ticks);
    return (negative ? QStringLiteral("-") : QString()) + QString::number(magnitude / kTicksPerEuro) + u'.' +
           QStringLiteral("%1").arg(magnitude % kTicksPerEuro, kPriceDecimals, 10, QLatin1Char('0'));
}

} // namespace cloudex::desk
