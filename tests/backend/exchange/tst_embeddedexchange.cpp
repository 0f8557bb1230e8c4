// The desktop's embedded exchange: it runs on a thread of its own, starts and onboards
// without blocking its caller, its identities stay in the data directory (keys 0600), the
// desk reaches it only through the API with its client TLS, and a restart (after a clean
// stop) finds the same CA, the same identities and the orders acknowledged before.
#include "exchangetestsupport.h"

#include "exchange/embeddedexchange.h"
#include "net/apiclient.h"

#include <QJsonArray>
#include <QPointer>
#include <QSignalSpy>
#include <QThread>

#include <sqlite3.h>

using namespace cloudex;
using namespace exchangetest;

class TestEmbeddedExchange : public QObject
{
    Q_OBJECT

    static exchange::EmbeddedExchange::Options options(const QString &dataDirectory)
    {
        exchange::EmbeddedExchange::Options o;
        o.dataDirectory = dataDirectory;
        o.products = {catalogue::Catalogue::standard().parseProduct(kProduct).value()};
        o.horizon = {2, 0, 0, 0, 0};
        o.clockIntervalMs = 0;
        return o;
    }

    /// Starts `exchange` and checks that start() returned before `started`; the outcome.
    static std::optional<Result<void>> startAndWait(exchange::EmbeddedExchange &exchange,
                                                    const exchange::EmbeddedExchange::Options &o,
                                                    bool *returnedFirst)
    {
        std::optional<Result<void>> outcome;
        QObject context;
        connect(&exchange, &exchange::EmbeddedExchange::started, &context,
                [&](const Result<void> &result) { outcome = result; });
        exchange.start(o);
        *returnedFirst = !outcome.has_value() && !exchange.isStarted();
        (void)QTest::qWaitFor([&] { return outcome.has_value(); }, 30000);
        return outcome;
    }

    /// Runs `query` with the service on the exchange thread and hands its value back to
    /// this thread through a queued call.
    template<typename T>
    static std::optional<T> inExchange(exchange::EmbeddedExchange &exchange,
                                       std::function<T(exchange::ExchangeService &)> query)
    {
        std::optional<T> value;
        QObject receiver;
        exchange.post([&receiver, &value, query](exchange::ExchangeService &service) {
            T v = query(service);
            QMetaObject::invokeMethod(&receiver, [&value, v] { value = v; });
        });
        (void)QTest::qWaitFor([&] { return value.has_value(); }, 10000);
        return value;
    }

    static std::optional<Result<QSslConfiguration>> onboard(exchange::EmbeddedExchange &exchange,
                                                            const QString &who, bool *returnedFirst)
    {
        std::optional<Result<QSslConfiguration>> identity;
        QObject context;
        connect(&exchange, &exchange::EmbeddedExchange::participantOnboarded, &context,
                [&](const QString &participant, const Result<QSslConfiguration> &result) {
                    if (participant == who)
                        identity = result;
                });
        exchange.onboardParticipant(who);
        *returnedFirst = !identity.has_value();
        (void)QTest::qWaitFor([&] { return identity.has_value(); }, 30000);
        return identity;
    }

private Q_SLOTS:
    void runsOnItsOwnThreadAndStateSurvivesARestart()
    {
        QTemporaryDir dir;
        QByteArray ca;
        QSslCertificate identity;
        QSslCertificate trader;
        bool returnedFirst = false;
        {
            exchange::EmbeddedExchange first;
            QCOMPARE(first.exchangeThread(), nullptr);
            const auto started = startAndWait(first, options(dir.path()), &returnedFirst);
            QVERIFY2(returnedFirst, "start() must return before the exchange has started");
            QVERIFY(started.has_value());
            QVERIFY2(started->ok(), qPrintable(started->error().message));
            QVERIFY(first.isStarted());

            // Every exchange object lives on the exchange thread, not on ours.
            QThread *exchangeThread = first.exchangeThread();
            QVERIFY(exchangeThread != nullptr);
            QVERIFY(exchangeThread != QThread::currentThread());
            QVERIFY(exchangeThread->isRunning());
            using Threads = QList<QThread *>;
            const auto threads = inExchange<Threads>(first, [](exchange::ExchangeService &service) {
                return Threads{QThread::currentThread(), service.thread(), service.exchange().thread(),
                               service.api().thread()};
            });
            QVERIFY(threads.has_value());
            for (QThread *thread : *threads)
                QCOMPARE(thread, exchangeThread);

            ca = first.caCertificatePem();
            QVERIFY(ca.startsWith("-----BEGIN CERTIFICATE-----"));
            identity = first.clientTls().localCertificate();
            QCOMPARE(identity.subjectInfo(QSslCertificate::Organization).value(0), QStringLiteral("p-local"));
            QCOMPARE(identity.subjectInfo(QSslCertificate::CommonName).value(0), QStringLiteral("u-local"));

            // Onboarding answers later too, on our thread, with an identity of that participant.
            const auto demo = onboard(first, QStringLiteral("p-demo"), &returnedFirst);
            QVERIFY2(returnedFirst, "onboardParticipant() must return before the identity is there");
            QVERIFY(demo.has_value());
            QVERIFY2(demo->ok(), qPrintable(demo->ok() ? QString() : demo->error().message));
            trader = demo->value().localCertificate();
            QCOMPARE(trader.subjectInfo(QSslCertificate::Organization).value(0), QStringLiteral("p-demo"));

            const QDir keys(dir.filePath(QStringLiteral("exchange/identities")));
            for (const QString &name : keys.entryList({QStringLiteral("*.key.pem")}, QDir::Files)) {
                QCOMPARE(QFile::permissions(keys.filePath(name)) &
                             ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                               QFileDevice::WriteUser),
                         QFileDevice::Permissions());
            }
            QCOMPARE(keys.entryList({QStringLiteral("*.key.pem")}, QDir::Files).size(),
                     3); // operator, p-local, p-demo

            // The desk's way in: ApiClient with clientTls(), through the same checks.
            // Not the front instrument: it closes at the next full hour, and the order must
            // still rest in the book after the restart below.
            const auto symbol = inExchange<QString>(first, [](exchange::ExchangeService &service) {
                const QStringList open = service.exchange().openSymbols();
                return open.value(open.size() > 1 ? 1 : 0);
            });
            QVERIFY(symbol.has_value() && !symbol->isEmpty());
            net::ApiClient client(first.baseUrl(), first.clientTls());
            QJsonObject order{{QStringLiteral("symbol"), *symbol},
                              {QStringLiteral("side"), QStringLiteral("buy")},
                              {QStringLiteral("type"), QStringLiteral("limit")},
                              {QStringLiteral("timeInForce"), QStringLiteral("gtc")},
                              {QStringLiteral("price"), 1000},
                              {QStringLiteral("quantity"), 3},
                              // Journaled as its UTF-8 bytes, read back exactly.
                              {QStringLiteral("clientOrderId"), QStringLiteral("\u2603-7")}};
            std::unique_ptr<net::ApiCall> placed(client.post(QStringLiteral("/v1/orders"), order));
            QTRY_VERIFY(placed->isFinished());
            // 201 comes after the journal commit: the order is acknowledged.
            QCOMPARE(placed->status(), 201);
            std::unique_ptr<net::ApiCall> refused(
                client.post(QStringLiteral("/v1/participants"), QJsonObject{}));
            QTRY_VERIFY(refused->isFinished());
            QCOMPARE(refused->status(), 403);

            // A clean stop ends the thread; nothing runs on it any more.
            QPointer<QThread> thread = exchangeThread;
            first.stop();
            QVERIFY(thread.isNull());
            QCOMPARE(first.exchangeThread(), nullptr);
            QVERIFY(!first.isStarted());
        }

        // A second start on the same data directory loads the CA and the identities.
        exchange::EmbeddedExchange second;
        const auto restarted = startAndWait(second, options(dir.path()), &returnedFirst);
        QVERIFY(restarted.has_value());
        QVERIFY2(restarted->ok(), qPrintable(restarted->error().message));
        QCOMPARE(second.caCertificatePem(), ca);
        QCOMPARE(second.clientTls().localCertificate(), identity);
        const auto demo = onboard(second, QStringLiteral("p-demo"), &returnedFirst);
        QVERIFY(demo.has_value() && demo->ok());
        QCOMPARE(demo->value().localCertificate(), trader);

        // The order acknowledged before the stop was journaled and is back.
        net::ApiClient client(second.baseUrl(), second.clientTls());
        std::unique_ptr<net::ApiCall> orders(client.get(QStringLiteral("/v1/orders")));
        QTRY_VERIFY(orders->isFinished());
        QCOMPARE(orders->status(), 200);
        QCOMPARE(orders->body()[QStringLiteral("orders")].toArray().size(), 1);
        QCOMPARE(
            orders->body()[QStringLiteral("orders")].toArray().at(0)[QStringLiteral("remaining")].toInteger(),
            3);
        QCOMPARE(orders->body()[QStringLiteral("orders")].toArray().at(0)[QStringLiteral("clientOrderId")].toString(),
                 QStringLiteral("\u2603-7"));
    }

    void journalFailureReachesTheCaller()
    {
        // The desk learns on its own thread that the exchange stopped taking orders, and why.
        QTemporaryDir dir;
        exchange::EmbeddedExchange embedded;
        bool returnedFirst = false;
        const auto started = startAndWait(embedded, options(dir.path()), &returnedFirst);
        QVERIFY(started.has_value() && started->ok());
        QSignalSpy failed(&embedded, &exchange::EmbeddedExchange::journalFailed);
        const auto symbol = inExchange<QString>(embedded, [](exchange::ExchangeService &service) {
            return service.exchange().openSymbols().value(0);
        });
        QVERIFY(symbol.has_value());
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(dir.filePath(QStringLiteral("exchange/journal.db")).toUtf8().constData(), &db),
                 SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "DROP TABLE journal", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);

        net::ApiClient client(embedded.baseUrl(), embedded.clientTls());
        std::unique_ptr<net::ApiCall> placed(client.post(
            QStringLiteral("/v1/orders"), QJsonObject{{QStringLiteral("symbol"), *symbol},
                                                      {QStringLiteral("side"), QStringLiteral("buy")},
                                                      {QStringLiteral("type"), QStringLiteral("limit")},
                                                      {QStringLiteral("timeInForce"), QStringLiteral("gtc")},
                                                      {QStringLiteral("price"), 1000},
                                                      {QStringLiteral("quantity"), 1}}));
        QTRY_VERIFY_WITH_TIMEOUT(placed->isFinished(), 10000);
        QCOMPARE(placed->status(), 503);
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("journal")));
    }

    void stopWhileStartingIsClean()
    {
        QTemporaryDir dir;
        bool returnedFirst = false;
        {
            exchange::EmbeddedExchange first;
            const auto started = startAndWait(first, options(dir.path()), &returnedFirst);
            QVERIFY(started.has_value() && started->ok());
        }
        {
            // Everything is on disk now, so the exchange thread finishes its start on its own
            // and queues the answer while this thread sleeps; the stop drops it.
            exchange::EmbeddedExchange exchange;
            int answers = 0;
            connect(&exchange, &exchange::EmbeddedExchange::started, this, [&] { ++answers; });
            exchange.start(options(dir.path()));
            QThread::msleep(500);
            exchange.stop();
            QCOMPARE(exchange.exchangeThread(), nullptr);
            QTest::qWait(300);
            QCOMPARE(answers, 0);
            QVERIFY(!exchange.isStarted());
            QVERIFY(exchange.baseUrl().isEmpty());
        }
        // Nothing of the stopped start is left holding the data directory.
        exchange::EmbeddedExchange again;
        const auto started = startAndWait(again, options(dir.path()), &returnedFirst);
        QVERIFY(started.has_value());
        QVERIFY2(started->ok(), qPrintable(started->error().message));
        QCOMPARE(again.clientTls().localCertificate().subjectInfo(QSslCertificate::Organization).value(0),
                 QStringLiteral("p-local"));
    }

    void aFailedStartIsReported()
    {
        // The data directory is a file: the exchange directory cannot be created.
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        exchange::EmbeddedExchange exchange;
        bool returnedFirst = false;
        const auto started = startAndWait(exchange, options(file.fileName()), &returnedFirst);
        QVERIFY(returnedFirst);
        QVERIFY(started.has_value());
        QVERIFY(!started->ok());
        QCOMPARE(started->error().code, QStringLiteral("exchange.directory"));
        QVERIFY(!exchange.isStarted());

        // Onboarding on an exchange that did not start says so, and does not hang.
        const auto refused = onboard(exchange, QStringLiteral("p-demo"), &returnedFirst);
        QVERIFY(refused.has_value());
        QVERIFY(!refused->ok());
        QCOMPARE(refused->error().code, QStringLiteral("exchange.not-started"));
        exchange.stop();
        QCOMPARE(exchange.exchangeThread(), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestEmbeddedExchange)
#include "tst_embeddedexchange.moc"
