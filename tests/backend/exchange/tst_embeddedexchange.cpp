// The desktop's embedded exchange: its identities stay in the data directory (keys 0600),
// the desk reaches it only through the API with its client TLS, and a restart finds the
// same CA, the same identity and the orders placed before.
#include "exchangetestsupport.h"

#include "net/apiclient.h"

#include <QJsonArray>

using namespace cloudex;
using namespace exchangetest;

class TestEmbeddedExchange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysStayPrivateAndStateSurvivesARestart()
    {
        QTemporaryDir dir;
        exchange::EmbeddedExchange::Options options;
        options.dataDirectory = dir.path();
        options.products = {catalogue::Catalogue::standard().parseProduct(kProduct).value()};
        options.horizon = {2, 0, 0, 0, 0};
        options.clockIntervalMs = 0;
        QByteArray ca;
        QSslCertificate identity;
        {
            exchange::EmbeddedExchange first;
            QVERIFY(first.start(options).ok());
            ca = first.caCertificatePem();
            identity = first.clientTls().localCertificate();
            QCOMPARE(identity.subjectInfo(QSslCertificate::Organization).value(0), QStringLiteral("p-local"));
            QCOMPARE(identity.subjectInfo(QSslCertificate::CommonName).value(0), QStringLiteral("u-local"));
            const QDir keys(dir.filePath(QStringLiteral("exchange/identities")));
            for (const QString &name : keys.entryList({QStringLiteral("*.key.pem")}, QDir::Files)) {
                QCOMPARE(QFile::permissions(keys.filePath(name)) &
                             ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                               QFileDevice::WriteUser),
                         QFileDevice::Permissions());
            }
            QCOMPARE(keys.entryList({QStringLiteral("*.key.pem")}, QDir::Files).size(),
                     2); // operator, p-local

            // The desk's way in: ApiClient with clientTls(), through the same checks.
            net::ApiClient client(first.baseUrl(), first.clientTls());
            QJsonObject order{{QStringLiteral("symbol"), first.service().exchange().openSymbols().value(0)},
                              {QStringLiteral("side"), QStringLiteral("buy")},
                              {QStringLiteral("type"), QStringLiteral("limit")},
                              {QStringLiteral("timeInForce"), QStringLiteral("gtc")},
                              {QStringLiteral("price"), 1000},
                              {QStringLiteral("quantity"), 3}};
            std::unique_ptr<net::ApiCall> placed(client.post(QStringLiteral("/v1/orders"), order));
            QTRY_VERIFY(placed->isFinished());
            QCOMPARE(placed->status(), 201);
            std::unique_ptr<net::ApiCall> refused(
                client.post(QStringLiteral("/v1/participants"), QJsonObject{}));
            QTRY_VERIFY(refused->isFinished());
            QCOMPARE(refused->status(), 403);
        }
        exchange::EmbeddedExchange second;
        QVERIFY(second.start(options).ok());
        QCOMPARE(second.caCertificatePem(), ca);
        QCOMPARE(second.clientTls().localCertificate(), identity);
        net::ApiClient client(second.baseUrl(), second.clientTls());
        std::unique_ptr<net::ApiCall> orders(client.get(QStringLiteral("/v1/orders")));
        QTRY_VERIFY(orders->isFinished());
        QCOMPARE(orders->status(), 200);
        QCOMPARE(orders->body()[QStringLiteral("orders")].toArray().size(), 1);
        QCOMPARE(
            orders->body()[QStringLiteral("orders")].toArray().at(0)[QStringLiteral("remaining")].toInteger(),
            3);
    }
};

QTEST_GUILESS_MAIN(TestEmbeddedExchange)
#include "tst_embeddedexchange.moc"
