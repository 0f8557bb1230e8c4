#include "desk/price.h"

#include <QDateTime>
#include <QLocale>

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

QString formatPriceTicks(qint64 ticks, const QLocale &locale)
{
    const bool negative = ticks < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(ticks) : quint64(ticks);
    return (negative ? locale.negativeSign() : QString()) + locale.toString(magnitude / kTicksPerEuro) +
           locale.decimalPoint() +
           QStringLiteral("%1").arg(magnitude % kTicksPerEuro, kPriceDecimals, 10, QLatin1Char('0'));
}

QString formatTimeUtc(qint64 epochSecs, const QLocale &locale)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(epochSecs, Qt::UTC);
    return locale.toString(t.date(), QLocale::ShortFormat) + u' ' +
           t.time().toString(QStringLiteral("HH:mm"));
}

} // namespace cloudex::desk
