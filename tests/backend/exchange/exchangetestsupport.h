#pragma once
// A local exchange (on the test's thread, so that tests may look into the service) in a
// scratch directory with two traders, and curl as the client.

#include "../../support/curl.h"
#include "catalogue/catalogue.h"
#include "exchange/exchangeservice.h"
#include "exchange/localexchange.h"
#include "market/exchange.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace exchangetest {

inline const QString kProduct = QStringLiteral("DE.GP2.SH.S1");

class Fixture
{
public:
    bool start()
    {
        using namespace cloudex;
        exchange::LocalExchange::Options options;
        options.dataDirectory = m_dir.path();
        options.products = {catalogue::Catalogue::standard().parseProduct(kProduct).value()};
        options.horizon = {3, 1, 0, 0, 0};
        // No clock ticks: a test compares the journal before and after a request.
        options.clockIntervalMs = 0;
        m_exchange = std::make_unique<exchange::LocalExchange>();
        std::optional<Result<void>> started;
        m_exchange->start(options, [&](Result<void> result) { started = result; });
        if (!QTest::qWaitFor([&] { return started.has_value(); }, 30000) || !*started) {
            qWarning("local exchange: %s", started ? qPrintable(started->error().message) : "timed out");
            return false;
        }
        for (const QString &who : {QStringLiteral("p-buyer"), QStringLiteral("p-seller")}) {
            if (!onboard(who).ok())
                return false;
        }
        QFile ca(path(QStringLiteral("ca.pem")));
        return ca.open(QIODevice::WriteOnly) && ca.write(m_exchange->caCertificatePem()) > 0;
    }

    /// Stops the exchange and starts it again on the same data directory (recovery).
    bool restart()
    {
        m_exchange.reset();
        return start();
    }

    cloudex::exchange::LocalExchange &local() { return *m_exchange; }
    /// Onboards `who` (role both, DE) and waits for the identity.
    cloudex::Result<QSslConfiguration> onboard(const QString &who)
    {
        std::optional<cloudex::Result<QSslConfiguration>> identity;
        m_exchange->onboardParticipant(
            who, cloudex::market::Role::Both, QStringLiteral("DE"),
            [&](cloudex::Result<QSslConfiguration> r) { identity = std::move(r); });
        if (!QTest::qWaitFor([&] { return identity.has_value(); }, 30000))
            return cloudex::Error{QStringLiteral("test.timeout"), QStringLiteral("onboarding timed out")};
        return *identity;
    }
    cloudex::exchange::ExchangeService &service() { return m_exchange->service(); }
    cloudex::market::Exchange &market() { return m_exchange->service().exchange(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString identityFile(const QString &participant, const QString &suffix) const
    {
        return m_dir.filePath(QStringLiteral("exchange/identities/") + participant + suffix);
    }
    /// An hourly instrument that stays open through the test: the second one listed (its
    /// delivery begins in one to two hours), chosen once and kept across restarts. The front
    /// one closes at the next full hour, and a test that crossed it (an order resting before
    /// a restart, a symbol asked for twice) failed there.
    QString symbol() const
    {
        if (m_symbol.isEmpty()) {
            const QStringList open = m_exchange->service().exchange().openSymbols();
            m_symbol = open.size() > 1 ? open.at(1) : open.value(0);
        }
        return m_symbol;
    }

    /// Runs curl as `who` (a participant with an identity; empty: no certificate) without
    /// blocking the server's event loop.
    CurlResult curl(const QString &who, const QString &method, const QString &route,
                    const QByteArray &body = {}, const QStringList &extra = {})
    {
        QStringList args{QStringLiteral("-X"), method, QStringLiteral("--cacert"), path(QStringLiteral("ca.pem"))};
        if (!who.isEmpty()) {
            args << QStringLiteral("--cert") << identityFile(who, QStringLiteral(".cert.pem"))
                 << QStringLiteral("--key") << identityFile(who, QStringLiteral(".key.pem"));
        }
        if (!body.isNull()) {
            args << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json")
                 << QStringLiteral("--data-binary") << QString::fromUtf8(body);
        }
        args << extra << QStringLiteral("https://127.0.0.1:%1%2").arg(service().port()).arg(route);
        return runCurl(args);
    }

    QByteArray order(const QString &side, qint64 price, qint64 quantity,
                     const QString &clientOrderId = {}) const
    {
        QJsonObject o{{QStringLiteral("symbol"), symbol()},
                      {QStringLiteral("side"), side},
                      {QStringLiteral("type"), QStringLiteral("limit")},
                      {QStringLiteral("timeInForce"), QStringLiteral("gtc")},
                      {QStringLiteral("price"), price},
                      {QStringLiteral("quantity"), quantity}};
        if (!clientOrderId.isEmpty())
            o.insert(QStringLiteral("clientOrderId"), clientOrderId);
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<cloudex::exchange::LocalExchange> m_exchange;
    mutable QString m_symbol; ///< symbol(), chosen on first use
};

} // namespace exchangetest
