// Symbol parsing sits on every API request path, so it is measured from the start.
#include "benchsuite.h"

#include "catalogue/catalogue.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace {
constexpr int kIterations = 200'000;

QJsonObject runCatalogue(const QStringList &)
{
    using cloudex::catalogue::Catalogue;
    const Catalogue &catalogue = Catalogue::standard();
    const QString symbol = QStringLiteral("DE.GP2.SH.S1.H2026-12-01T14");
    int valid = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kIterations; ++i)
        valid += catalogue.parseInstrument(symbol).ok() ? 1 : 0;
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    QJsonObject figures{{QStringLiteral("symbols_parsed_per_s"), qRound64(kIterations / seconds)},
                        {QStringLiteral("valid"), valid}};
    if (valid != kIterations)
        figures.insert(QStringLiteral("checks_failed"),
                       QJsonArray{QStringLiteral("%1 of %2 parses succeeded").arg(valid).arg(kIterations)});
    return figures;
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("catalogue"), QStringLiteral("instrument symbol parsing"), runCatalogue);
} // namespace
