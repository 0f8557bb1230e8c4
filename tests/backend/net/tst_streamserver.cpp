#include "testpki.h"

#include "core/clock.h"
#include "net/apiserver.h"
#include "net/guardedsslserver.h"
#include "net/streamclient.h"
#include "net/streamserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>

#include <memory>

using namespace cloudex;
using namespace cloudex::net;

class TestStreamServer : public QObject
{
    Q_OBJECT

    struct Received
    {
        QString channel;
        qint64 seq;
        QJsonValue data;
    };

    std::unique_ptr<StreamClient> makeClient(const QString &who)
    {
        auto client = std::make_unique<StreamClient>();
        client->setUrl(QUrl(QStringLiteral("wss://localhost:%1/v1/stream").arg(m_port)));
        client->setSslConfiguration(m_pki.clientTls(who));
        client->setBackoff(20, 160);
        return client;
    }

    void startServer(quint16 port = 0)
    {
        m_api = std::make_unique<ApiServer>(m_clock);
        m_stream = std::make_unique<StreamServer>(*m_api);
        m_stream->setSnapshotProvider([this](const QString &channel) {
            return QJsonValue(QJsonObject{{QStringLiteral("count"), m_counts.value(channel)}});
        });
        m_stream->setChannelFilter([](const QString &channel) {
            return channel.startsWith(u"trades.") || channel.startsWith(u"orders@");
        });
        ApiServer::Config config;
        config.tls = m_pki.serverTls();
        config.port = port;
        auto bound = m_api->listen(config);
        QVERIFY2(bound.ok(), qPrintable(bound.ok() ? QString() : bound.error().message));
        m_port = *bound;
    }

    // Changes state and publishes it, as the exchange does.
    void trade(const QString &channel)
    {
        const int count = ++m_counts[channel];
        m_stream->publish(channel, QJsonObject{{QStringLiteral("count"), count}});
    }

private slots:
    void initTestCase() { QVERIFY(m_pki.create()); }

    void init()
    {
        m_counts.clear();
        startServer();
    }

    void cleanup()
    {
        m_stream.reset();
        m_api.reset();
    }

    void silentSessionsCloseAnsweringOnesStay()
    {
        m_stream->setIdleTimeoutMs(600);
        // A Qt client answers pings by itself.
        QWebSocket answering;
        answering.setSslConfiguration(m_pki.clientTls(QStringLiteral("alice")));
        answering.open(QUrl(QStringLiteral("wss://localhost:%1/v1/stream").arg(m_port)));
        // A raw client upgrades and then reads nothing and answers nothing.
        QSslSocket silent;
        silent.setSslConfiguration(m_pki.clientTls(QStringLiteral("alice")));
        silent.setPeerVerifyName(QStringLiteral("localhost"));
        silent.setReadBufferSize(1); // it reads nothing: pings stay unanswered
        silent.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        QTRY_VERIFY(silent.isEncrypted());
        silent.write("GET /v1/stream HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QTRY_COMPARE(answering.state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE(m_stream->connectionCount(), 2);
        // The silent one is closed within the timeout and a bit; the answering one stays
        // through several timeouts.
        QTRY_COMPARE_WITH_TIMEOUT(m_stream->connectionCount(), 1, 5000);
        QCOMPARE(m_stream->idleClosed(), qint64(1));
        QTest::qWait(2000);
        QCOMPARE(answering.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(m_stream->connectionCount(), 1);
        QCOMPARE(m_stream->idleClosed(), qint64(1));
        // The listener counts stream connections as long as they live, and no longer.
        QTRY_COMPARE(m_api->listener()->connectionCount(), 1);
        answering.close();
        QTRY_COMPARE(m_api->listener()->connectionCount(), 0);
    }

    void snapshotThenOrderedUpdates()
    {
        const QString channel = QStringLiteral("trades.DE.GP2.SH.S1.H2026-12-01T14");
        trade(channel); // before the client: part of the snapshot's state
        m_stream->flush();
        // Nobody followed the channel, so nothing was numbered or queued.
        QCOMPARE(m_stream->sequence(channel), 0);
        auto client = makeClient(QStringLiteral("alice"));
        QSignalSpy snapshots(client.get(), &StreamClient::snapshotReceived);
        QSignalSpy messages(client.get(), &StreamClient::messageReceived);
        client->subscribe({channel});
        client->open();
        QTRY_COMPARE(snapshots.count(), 1);
        QCOMPARE(snapshots.at(0).at(1).toLongLong(), 0);
        QCOMPARE(snapshots.at(0).at(2).value<QJsonValue>().toObject().value(QStringLiteral("count")).toInt(), 1);
        QVERIFY(m_stream->isFollowed(channel));

        for (int i = 0; i < 5; ++i)
            trade(channel);
        QTRY_COMPARE(messages.count(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(messages.at(i).at(1).toLongLong(), i + 1);
            QCOMPARE(messages.at(i).at(2).value<QJsonValue>().toObject().value(QStringLiteral("count")).toInt(), i + 2);
        }
        QCOMPARE(client->lastSequence(channel), 5);

        // Once the last follower leaves, the channel is unfollowed again.
        client.reset();
        QTRY_VERIFY(!m_stream->isFollowed(channel));
    }

    void updatesAreBatchedIntoFrames()
    {
        const QString channel = QStringLiteral("trades.X");
        QWebSocket raw;
        raw.setSslConfiguration(m_pki.clientTls(QStringLiteral("alice")));
        QSignalSpy frames(&raw, &QWebSocket::textMessageReceived);
        raw.open(QUrl(QStringLiteral("wss://localhost:%1/v1/stream").arg(m_port)));
        QTRY_COMPARE(raw.state(), QAbstractSocket::ConnectedState);
        raw.sendTextMessage(QStringLiteral("{\"op\":\"subscribe\",\"channels\":[\"trades.X\"]}"));
        QTRY_COMPARE(frames.count(), 1); // the snapshot
        for (int i = 0; i < 50; ++i)
            trade(channel);
        m_stream->flush();
        QTRY_COMPARE(frames.count(), 2);
        const QJsonObject batch = QJsonDocument::fromJson(frames.at(1).at(0).toString().toUtf8()).object();
        QCOMPARE(batch.value(QStringLiteral("type")).toString(), u"batch"_qs);
        QCOMPARE(batch.value(QStringLiteral("messages")).toArray().size(), 50);
    }

    void channelAccess_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("error"); // empty: allowed
        QTest::newRow("own private channel") << u"orders@p-acme"_qs << QString();
        QTest::newRow("other participant's channel") << u"orders@p-beta"_qs << u"stream.forbidden-channel"_qs;
        QTest::newRow("unknown channel") << u"secrets"_qs << u"stream.unknown-channel"_qs;
    }

    void channelAccess()
    {
        QFETCH(QString, channel);
        QFETCH(QString, error);
        auto client = makeClient(QStringLiteral("alice"));
        QSignalSpy snapshots(client.get(), &StreamClient::snapshotReceived);
        QSignalSpy errors(client.get(), &StreamClient::errorReceived);
        client->subscribe({channel});
        client->open();
        if (error.isEmpty()) {
            QTRY_COMPARE(snapshots.count(), 1);
            QCOMPARE(errors.count(), 0);
        } else {
            QTRY_COMPARE(errors.count(), 1);
            QCOMPARE(errors.at(0).at(0).toString(), error);
            QCOMPARE(snapshots.count(), 0);
        }
    }

    void refusedIdentityIsClosedWithPolicyViolation()
    {
        m_api->setAuthenticator([](const QSslCertificate &cert) -> Result<PeerIdentity> {
            auto identity = subjectIdentity(cert);
            if (identity && identity->participant == u"p-beta")
                return Error{QStringLiteral("auth.revoked"), QStringLiteral("revoked")};
            return identity;
        });
        QSignalSpy refused(m_stream.get(), &StreamServer::connectionRefused);
        QWebSocket raw;
        raw.setSslConfiguration(m_pki.clientTls(QStringLiteral("bob")));
        QSignalSpy disconnected(&raw, &QWebSocket::disconnected);
        raw.open(QUrl(QStringLiteral("wss://localhost:%1/v1/stream").arg(m_port)));
        QTRY_COMPARE(disconnected.count(), 1);
        QCOMPARE(raw.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(m_stream->connectionCount(), 0);
    }

    void slowConsumerGapsAndResyncs()
    {
        const QString channel = QStringLiteral("trades.Y");
        auto client = makeClient(QStringLiteral("alice"));
        QSignalSpy snapshots(client.get(), &StreamClient::snapshotReceived);
        QSignalSpy messages(client.get(), &StreamClient::messageReceived);
        QSignalSpy gaps(client.get(), &StreamClient::gapDetected);
        client->subscribe({channel});
        client->open();
        QTRY_COMPARE(snapshots.count(), 1);

        // The first frame sits unsent in the socket when the second is due: with no room
        // for a backlog the second is dropped.
        m_stream->setMaxBacklogBytes(0);
        trade(channel);
        m_stream->flush();
        trade(channel);
        m_stream->flush();
        QCOMPARE(m_stream->droppedFrames(), 1);
        QTRY_COMPARE(messages.count(), 1);
        m_stream->setMaxBacklogBytes(1 << 20);
        trade(channel);
        QTRY_COMPARE(gaps.count(), 1);
        QCOMPARE(gaps.at(0).at(1).toLongLong(), 2); // expected
        QCOMPARE(gaps.at(0).at(2).toLongLong(), 3); // received
        // The resync snapshot brings the state up to date.
        QTRY_COMPARE(snapshots.count(), 2);
        QCOMPARE(snapshots.at(1).at(1).toLongLong(), 3);
        QCOMPARE(snapshots.at(1).at(2).value<QJsonValue>().toObject().value(QStringLiteral("count")).toInt(), 3);
        trade(channel);
        QTRY_COMPARE(messages.count(), 2);
        QCOMPARE(messages.at(1).at(1).toLongLong(), 4);
    }

    void reconnectsWithBackoff()
    {
        // A port with nobody listening yet.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        cleanup();
        m_port = port;

        auto client = makeClient(QStringLiteral("alice"));
        QSignalSpy snapshots(client.get(), &StreamClient::snapshotReceived);
        client->subscribe({QStringLiteral("trades.Z")});
        client->open();
        QTRY_VERIFY(client->reconnectAttempts() >= 3);
        QCOMPARE(client->state() == StreamClient::State::Connected, false);
        QVERIFY(client->nextRetryDelayMs() <= 160); // capped

        startServer(port);
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 1, 10000);
        QCOMPARE(client->state(), StreamClient::State::Connected);
        QCOMPARE(client->reconnectAttempts(), 0);
    }

private:
    TestPki m_pki;
    ManualClock m_clock{0};
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<StreamServer> m_stream;
    QHash<QString, int> m_counts;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestStreamServer)
#include "tst_streamserver.moc"
