#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QStringList>
#include <QUrl>

#include <optional>

class QTimer;

namespace cloudex::desk {

class ExchangeClient;

/// Simulated participants for `--demo-market`: each trader has its own identity and its
/// own ExchangeClient, and on a timer posts resting orders around a drifting fair price and now
/// and then crosses the spread, through the same API and the same checks as any desk. The
/// traders are onboarded by the caller (EmbeddedExchange::onboardParticipant); this class
/// only trades. Randomness comes from a seed, so a run can be repeated.
class DemoMarket final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int intervalMs = 350; ///< one action per tick
        quint32 seed = 20261201;
        int hourlyPerProduct = 3;     ///< front hours traded per product, plus the front day
        QStringList products;         ///< product symbols; empty: the first listed product
        int maxRestingPerTrader = 12; ///< older resting orders are cancelled beyond this
    };

    explicit DemoMarket(QObject *parent = nullptr);
    ~DemoMarket() override;

    /// The participant ids the demo uses for `count` traders.
    static QStringList participantNames(int count);

    /// Starts trading at `baseUrl` with one trader per TLS identity. Reads the instruments,
    /// seeds every chosen book with a few levels and a first trade, then keeps going.
    void start(const QUrl &baseUrl, const QList<QSslConfiguration> &traders, const Options &options);
    void stop();
    bool isRunning() const;

    QStringList symbols() const { return m_symbols; }
    int ordersSent() const { return m_ordersSent; }
    int tradesSeen() const { return m_tradesSeen; }

Q_SIGNALS:
    /// The instruments are known and the first orders are on their way.
    void started();
    void failed(const QString &message);

private:
    struct Trader
    {
        ExchangeClient *client = nullptr;
        QList<qint64> resting; ///< oldest first
    };

    void loadInstruments();
    void loadPrices(const QStringList &products);
    void seed();
    void tick();
    void send(int trader, const QString &symbol, bool buy, qint64 price, qint64 quantity, bool immediate);
    qint64 step(const QString &symbol) const;
    qint64 initialPrice(const QString &symbol) const;
    /// The mean price of the other periods of `symbol`'s product, if any has one.
    std::optional<qint64> knownPrice(const QString &symbol) const;
    static std::optional<qint64> knownPrice(const QString &symbol, const QHash<QString, qint64> &prices);

    Options m_options;
    QList<Trader> m_traders;
    QTimer *m_timer;
    QRandomGenerator m_random;
    QStringList m_symbols;
    QHash<QString, qint64> m_fair; ///< ticks
    int m_inFlight = 0;
    int m_ticks = 0;
    int m_ordersSent = 0;
    int m_tradesSeen = 0;
};

} // namespace cloudex::desk
