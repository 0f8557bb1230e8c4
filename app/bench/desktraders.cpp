// The simulated traders of the desk suite, in a process of their own (`cloudex-bench
// desk-traders`): keep-alive mutual-TLS connections, one per trader, sending orders at a
// fixed total rate (not as fast as answers come back), so the exchange inside the desk takes
// a steady order flow while the desk is measured.
#include "benchexchange.h"
#include "benchsuite.h"
#include "exchangeload.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>
#include <numeric>
#include <random>

namespace {
using namespace cloudex;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// One trader's connection: writes the orders it is given, counts the answers.
class Trader final : public QObject
{
public:
    Trader(const QSslConfiguration &tls, quint16 port)
    {
        m_socket.setSslConfiguration(tls);
        connect(&m_socket, &QSslSocket::readyRead, this, &Trader::read);
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
    }

    bool isReady() const { return m_socket.isEncrypted(); }
    void send(const QByteArray &request)
    {
        m_socket.write(request);
        ++sent;
    }

    qint64 sent = 0;
    qint64 answered = 0;
    qint64 failures = 0;

private:
    void read()
    {
        m_buffer += m_socket.readAll();
        while (const std::optional<int> status = bench::takeResponse(m_buffer)) {
            if (*status >= 400)
                ++failures;
            ++answered;
        }
    }

    QSslSocket m_socket;
    QByteArray m_buffer;
};

QByteArray orderRequest(const QString &symbol, bool buy, qint64 price, bool immediate)
{
    const QJsonObject body{
        {QStringLiteral("symbol"), symbol},
        {QStringLiteral("side"), buy ? QStringLiteral("buy") : QStringLiteral("sell")},
        {QStringLiteral("type"), QStringLiteral("limit")},
        {QStringLiteral("timeInForce"), immediate ? QStringLiteral("ioc") : QStringLiteral("gtc")},
        {QStringLiteral("price"), price},
        {QStringLiteral("quantity"), 1}};
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return "POST /v1/orders HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n"
           "Content-Type: application/json\r\nContent-Length: " +
           QByteArray::number(json.size()) + "\r\n\r\n" + json;
}

/// desk-traders --dir D --port P --symbol S [--rate N] [--seconds S]
/// D holds ca.pem and <name>.key.pem / <name>.cert.pem for each trader.
QJsonObject runTraders(const QStringList &arguments)
{
    const auto option = [&](const QString &name) {
        const qsizetype at = arguments.indexOf(name);
        return at >= 0 ? arguments.value(at + 1) : QString();
    };
    const QDir dir(option(QStringLiteral("--dir")));
    const auto port = quint16(option(QStringLiteral("--port")).toUInt());
    const QString symbol = option(QStringLiteral("--symbol"));
    const qint64 rate = bench::argument(arguments, QStringLiteral("--rate"), 2000);
    const double seconds = double(bench::argument(arguments, QStringLiteral("--seconds"), 10));
    const QList<QSslCertificate> ca =
        QSslCertificate::fromData(readFile(dir.filePath(QStringLiteral("ca.pem"))));
    if (port == 0 || symbol.isEmpty() || ca.isEmpty())
        return {{QStringLiteral("error"),
                 QStringLiteral("desk-traders needs --dir with ca.pem, --port, --symbol")}};

    std::vector<std::unique_ptr<Trader>> traders;
    for (const QString &key : dir.entryList({QStringLiteral("*.key.pem")})) {
        const QString name = key.chopped(int(qstrlen(".key.pem")));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPrivateKey(QSslKey(readFile(dir.filePath(key)), QSsl::Ec));
        tls.setLocalCertificate(QSslCertificate(readFile(dir.filePath(name + QStringLiteral(".cert.pem")))));
        tls.setCaCertificates(ca);
        traders.push_back(std::make_unique<Trader>(tls, port));
    }
    if (traders.empty())
        return {{QStringLiteral("error"), QStringLiteral("no trader identities in %1").arg(dir.path())}};
    QElapsedTimer ready;
    ready.start();
    while (!std::all_of(traders.begin(), traders.end(), [](const auto &t) { return t->isReady(); })) {
        if (ready.elapsed() > 10'000)
            return {{QStringLiteral("error"), QStringLiteral("the traders could not connect")}};
        bench::wait(20);
    }

    // Every tick (10 ms) sends its share of the rate, round robin over the traders: two
    // thirds rest around the mid price, one third crosses at once (IOC), so the book moves,
    // trades print and contracts are made, as in a busy hour.
    constexpr int kTickMs = 10;
    constexpr qint64 kMid = 2000;
    std::mt19937_64 rng(20261201);
    std::uniform_int_distribution<int> offset(1, 40);
    std::uniform_int_distribution<int> kind(0, 2);
    std::size_t next = 0;
    QElapsedTimer clock;
    clock.start();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        // Catch up on the wall clock, so a late tick does not lower the rate.
        const auto owed = qint64(double(rate) * double(clock.elapsed()) / 1000.0);
        qint64 due = owed - std::accumulate(traders.begin(), traders.end(), qint64(0),
                                            [](qint64 sum, const auto &t) { return sum + t->sent; });
        for (; due > 0; --due) {
            const bool buy = (next & 1) == 0;
            const bool cross = kind(rng) == 0;
            const qint64 price = cross ? (buy ? kMid + offset(rng) : kMid - offset(rng))
                                       : (buy ? kMid - offset(rng) : kMid + offset(rng));
            traders[next % traders.size()]->send(orderRequest(symbol, buy, price, cross));
            ++next;
        }
    });
    tick.start(kTickMs);
    bench::wait(int(seconds * 1000));
    tick.stop();
    const double elapsed = double(clock.elapsed()) / 1000.0;
    bench::wait(500); // the last answers
    qint64 sent = 0, answered = 0, failures = 0;
    for (const auto &t : traders) {
        sent += t->sent;
        answered += t->answered;
        failures += t->failures;
    }
    return {{QStringLiteral("traders"), qint64(traders.size())},
            {QStringLiteral("sent"), sent},
            {QStringLiteral("answered"), answered},
            {QStringLiteral("failures"), failures},
            {QStringLiteral("orders_per_s"), double(answered) / elapsed}};
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("desk-traders"),
    QStringLiteral("(used by desk) simulated traders at a fixed rate: --dir D --port P --symbol S [--rate N] "
                   "[--seconds S]"),
    runTraders);
} // namespace
