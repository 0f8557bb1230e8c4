#pragma once
// Waits for the embedded exchange's asynchronous answers, for tests that need an exchange
// before they start (the product code connects to the signals instead).

#include "exchange/embeddedexchange.h"

#include <QTest>

#include <optional>

namespace testsupport {

inline constexpr int kExchangeTimeoutMs = 30000;

/// Starts `exchange` and waits for `started`.
inline cloudex::Result<void> startEmbedded(cloudex::exchange::EmbeddedExchange &exchange,
                                           const cloudex::exchange::EmbeddedExchange::Options &options)
{
    std::optional<cloudex::Result<void>> outcome;
    QObject context;
    QObject::connect(&exchange, &cloudex::exchange::EmbeddedExchange::started, &context,
                     [&](const cloudex::Result<void> &result) { outcome = result; });
    exchange.start(options);
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, kExchangeTimeoutMs))
        return cloudex::Error{QStringLiteral("test.timeout"), QStringLiteral("the exchange did not start")};
    return *outcome;
}

/// Onboards `participant` (role both, DE) and waits for its identity.
inline cloudex::Result<QSslConfiguration> onboard(cloudex::exchange::EmbeddedExchange &exchange,
                                                  const QString &participant)
{
    std::optional<cloudex::Result<QSslConfiguration>> identity;
    QObject context;
    QObject::connect(&exchange, &cloudex::exchange::EmbeddedExchange::participantOnboarded, &context,
                     [&](const QString &who, const cloudex::Result<QSslConfiguration> &result) {
                         if (who == participant)
                             identity = result;
                     });
    exchange.onboardParticipant(participant);
    if (!QTest::qWaitFor([&] { return identity.has_value(); }, kExchangeTimeoutMs))
        return cloudex::Error{QStringLiteral("test.timeout"), QStringLiteral("onboarding timed out")};
    return *identity;
}

} // namespace testsupport
