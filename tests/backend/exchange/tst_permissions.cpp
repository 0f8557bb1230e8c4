// Issue #16: every route of the exchange API × the permission sets {trade}, {deploy},
// {admin}, {trade, deploy} and {operate}, driven from one table, over real mutual TLS.
// A set without the route's permission gets 403 auth.permission-missing naming it; a set
// with it gets the route's own answer. The table covers every operation of docs/openapi.json.
// The stream's channels likewise: the trading channels (orders@, fills@, settlements@) refuse
// a subscription without `trade` with the stream's error naming the permission, and deliver
// nothing of the channel to it.
#include "exchangetestsupport.h"

#include "net/streamserver.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QJsonArray>
#include <QSslKey>
#include <QWebSocket>

#include <map>
#include <memory>

using namespace cloudex;
using namespace exchangetest;

namespace {
/// The identities (files under exchange/identities/) and what they may do.
const QList<QPair<QString, QStringList>> kSets = {
    {QStringLiteral("u-trade"), {QStringLiteral("trade")}},
    {QStringLiteral("u-deploy"), {QStringLiteral("deploy")}},
    {QStringLiteral("u-admin"), {QStringLiteral("admin")}},
    {QStringLiteral("u-td"), {QStringLiteral("trade"), QStringLiteral("deploy")}},
    {QStringLiteral("operator"), {QStringLiteral("operate")}},
};

struct Row
{
    QString method;
    QString documented; ///< the operation's path as docs/openapi.json spells it
    QString path;       ///< what is called: {symbol}, {product}, {contract} are filled in
    QByteArray body;
    QString permission; ///< empty: any identity
    int status;         ///< the answer when the permission is held
    QString code = {};  ///< and its problem code, when it is a problem worth naming
    /// Identities whose answer differs (the operator is of another participant).
    QHash<QString, int> otherwise = {};
};
} // namespace

Q_DECLARE_METATYPE(Row)

class TestPermissions : public QObject
{
    Q_OBJECT

private:
    Fixture m_fx;
    QString m_contract;

    bool writeIdentity(const QString &name, const QStringList &permissions)
    {
        auto key = pki::PrivateKey::generate();
        auto csr = pki::createCertificateRequest(key.value(), {QStringLiteral("p-buyer"), name, {}, {}});
        pki::IdentityRequest request;
        request.kind = pki::CertificateKind::User;
        request.participant = QStringLiteral("p-buyer");
        request.name = name;
        request.permissions = permissions;
        auto issued = m_fx.service().issueIdentity(csr.value(), request);
        if (!issued)
            return false;
        QFile cert(m_fx.identityFile(name, QStringLiteral(".cert.pem")));
        QFile keyFile(m_fx.identityFile(name, QStringLiteral(".key.pem")));
        return cert.open(QIODevice::WriteOnly) && cert.write(issued->pem()) > 0 &&
               keyFile.open(QIODevice::WriteOnly) && keyFile.write(key->toPem().value()) > 0;
    }

    /// The table: every route, what it needs, what it answers.
    static QList<Row> rows()
    {
        const QString trade = QStringLiteral("trade");
        const QString deploy = QStringLiteral("deploy");
        const QString admin = QStringLiteral("admin");
        const QString operate = QStringLiteral("operate");
        const QString get = QStringLiteral("GET");
        const QString post = QStringLiteral("POST");
        const QString put = QStringLiteral("PUT");
        const QHash<QString, int> operatorIsNoParty{{QStringLiteral("operator"), 404}};
        const QByteArray site =
            R"({"name":"x","endpoint":"https://localhost:9443","products":["DE.GP2.SH.S1"]})";
        return {
            {get, u"/v1/instruments"_qs, u"/v1/instruments"_qs, {}, {}, 200},
            {get, u"/v1/orders"_qs, u"/v1/orders"_qs, {}, trade, 200},
            {post, u"/v1/orders"_qs, u"/v1/orders"_qs,
             R"({"symbol":"{symbol}","side":"buy","type":"limit","timeInForce":"gtc","price":500000,"quantity":0})",
             trade, 422},
            {post, u"/v1/orders/preview"_qs, u"/v1/orders/preview"_qs,
             R"({"symbol":"{symbol}","side":"buy","type":"limit","timeInForce":"gtc","price":500000,"quantity":1})",
             trade, 200},
            {u"PATCH"_qs, u"/v1/orders/{id}"_qs, u"/v1/orders/999999"_qs, R"({"quantity":1})", trade, 422,
             u"order.unknown"_qs},
            {u"DELETE"_qs,
             u"/v1/orders/{id}"_qs,
             u"/v1/orders/999999"_qs,
             {},
             trade,
             422,
             u"order.unknown"_qs},
            {get, u"/v1/trades"_qs, u"/v1/trades?symbol={symbol}"_qs, {}, trade, 200},
            {get, u"/v1/fills"_qs, u"/v1/fills"_qs, {}, trade, 200},
            {get, u"/v1/contracts"_qs, u"/v1/contracts"_qs, {}, {}, 200},
            {get,
             u"/v1/contracts/{id}"_qs,
             u"/v1/contracts/{contract}"_qs,
             {},
             {},
             200,
             {},
             operatorIsNoParty},
            {post, u"/v1/contracts/{id}/certificates"_qs, u"/v1/contracts/{contract}/certificates"_qs,
             R"({"csr":"!"})", deploy, 400},
            {get,
             u"/v1/contracts/{id}/certificates"_qs,
             u"/v1/contracts/{contract}/certificates"_qs,
             {},
             {},
             200,
             {},
             operatorIsNoParty},
            {get, u"/v1/ca"_qs, u"/v1/ca"_qs, {}, {}, 200},
            {get, u"/v1/crl"_qs, u"/v1/crl"_qs, {}, {}, 200},
            {get, u"/v1/market/book/{symbol}"_qs, u"/v1/market/book/{symbol}"_qs, {}, trade, 200},
            {get, u"/v1/market/candles/{symbol}"_qs, u"/v1/market/candles/{symbol}"_qs, {}, trade, 200},
            {get, u"/v1/market/spot/{product}"_qs, u"/v1/market/spot/{product}"_qs, {}, trade, 200},
            {get,
             u"/v1/market/spot/{product}/history"_qs,
             u"/v1/market/spot/{product}/history"_qs,
             {},
             trade,
             200},
            {get, u"/v1/market/curve/{product}"_qs, u"/v1/market/curve/{product}"_qs, {}, trade, 200},
            {get, u"/v1/market/summary"_qs, u"/v1/market/summary"_qs, {}, trade, 200},
            {post, u"/v1/participants"_qs, u"/v1/participants"_qs, "{}", operate, 400},
            {put, u"/v1/participants/{id}/limits"_qs, u"/v1/participants/p-nobody/limits"_qs,
             R"({"maxOrderQuantity":"x"})", operate, 400},
            {post, u"/v1/participants/{id}/kill-switch"_qs, u"/v1/participants/p-nobody/kill-switch"_qs,
             R"({"blocked":"x"})", operate, 400},
            {post, u"/v1/identities"_qs, u"/v1/identities"_qs, "{}", operate, 400},
            {post, u"/v1/identities/{serial}/revoke"_qs, u"/v1/identities/ZZ/revoke"_qs,
             R"({"reason":"unspecified"})", operate, 404},
            {post, u"/v1/contracts/{id}/terminate"_qs, u"/v1/contracts/c-999999/terminate"_qs,
             R"({"reason":"x"})", operate, 404},
            {put, u"/v1/sites/{siteId}"_qs, u"/v1/sites/s-x"_qs, site, {}, 403, u"auth.not-this-site"_qs},
            {get, u"/v1/sites"_qs, u"/v1/sites"_qs, {}, {}, 200},
            {post,
             u"/v1/contracts/{id}/usage"_qs,
             u"/v1/contracts/{contract}/usage"_qs,
             R"({"final":false,"hours":[]})",
             {},
             403,
             u"auth.not-site-of-contract"_qs},
            {get, u"/v1/settlements"_qs, u"/v1/settlements"_qs, {}, trade, 200},
            {get,
             u"/v1/settlements/{contractId}"_qs,
             u"/v1/settlements/{contract}"_qs,
             {},
             trade,
             404,
             {},
             operatorIsNoParty},
            {get, u"/v1/participants/{id}/users"_qs, u"/v1/participants/p-buyer/users"_qs, {}, admin, 200},
            {post, u"/v1/participants/{id}/users"_qs, u"/v1/participants/p-buyer/users"_qs, "{}", admin, 400},
            {put, u"/v1/participants/{id}/users/{name}/permissions"_qs,
             u"/v1/participants/p-buyer/users/u-nobody/permissions"_qs, R"({"permissions":["trade"]})", admin,
             404, u"user.not-found"_qs},
            {post,
             u"/v1/participants/{id}/users/{name}/revoke"_qs,
             u"/v1/participants/p-buyer/users/u-nobody/revoke"_qs,
             {},
             admin,
             404,
             u"user.not-found"_qs},
            {put, u"/v1/participants/{id}/users/{name}/limits"_qs,
             u"/v1/participants/p-buyer/users/u-nobody/limits"_qs, "{}", admin, 404, u"user.not-found"_qs},
            {get, u"/v1/participants/{id}/audit"_qs, u"/v1/participants/p-buyer/audit"_qs, {}, admin, 200},
            {get, u"/v1/participants/{id}/vm-operations"_qs, u"/v1/participants/p-buyer/vm-operations"_qs, {},
             admin, 200},
            {get,
             u"/v1/participants/{id}/vm-operations"_qs,
             u"/v1/participants/p-seller/vm-operations"_qs,
             {},
             admin,
             403,
             u"auth.not-own-participant"_qs},
            // Only a site reports what it did, and only as itself.
            {post,
             u"/v1/sites/{siteId}/vm-operations"_qs,
             u"/v1/sites/s-x/vm-operations"_qs,
             R"({"operations":[]})",
             {},
             403,
             u"auth.not-this-site"_qs},
            // Another participant's users: never, whatever the permissions.
            {get,
             u"/v1/participants/{id}/users"_qs,
             u"/v1/participants/p-seller/users"_qs,
             {},
             admin,
             403,
             u"auth.not-own-participant"_qs},
            {put, u"/v1/participants/{id}/users/{name}/permissions"_qs,
             u"/v1/participants/p-seller/users/u-trader/permissions"_qs, R"({"permissions":["trade"]})",
             admin, 403, u"auth.not-own-participant"_qs},
            {post,
             u"/v1/participants/{id}/users/{name}/revoke"_qs,
             u"/v1/participants/p-seller/users/u-trader/revoke"_qs,
             {},
             admin,
             403,
             u"auth.not-own-participant"_qs},
        };
    }

    /// A stream session of `who` (its identity files), with every frame it received.
    struct StreamSession
    {
        std::unique_ptr<QWebSocket> socket = std::make_unique<QWebSocket>();
        QList<QJsonObject> frames;

        /// The error frames about `channel`, and whether any snapshot or update of it came.
        QList<QJsonObject> errorsAbout(const QString &channel) const
        {
            QList<QJsonObject> out;
            for (const QJsonObject &f : frames)
                if (f.value(QStringLiteral("type")).toString() == u"error" && f.value(QStringLiteral("channel")).toString() == channel)
                    out.append(f);
            return out;
        }
        bool received(const QString &channel) const
        {
            for (const QJsonObject &f : frames) {
                if (f.value(QStringLiteral("type")).toString() == u"snapshot" && f.value(QStringLiteral("channel")).toString() == channel)
                    return true;
                for (const QJsonValue &m : f.value(QStringLiteral("messages")).toArray())
                    if (m[QStringLiteral("channel")].toString() == channel)
                        return true;
            }
            return false;
        }
        int updates(const QString &channel) const
        {
            int n = 0;
            for (const QJsonObject &f : frames)
                for (const QJsonValue &m : f.value(QStringLiteral("messages")).toArray())
                    n += m[QStringLiteral("channel")].toString() == channel ? 1 : 0;
            return n;
        }
    };

    std::unique_ptr<StreamSession> openStream(const QString &who, const QStringList &channels)
    {
        QFile cert(m_fx.identityFile(who, QStringLiteral(".cert.pem")));
        QFile key(m_fx.identityFile(who, QStringLiteral(".key.pem")));
        QFile ca(m_fx.path(QStringLiteral("ca.pem")));
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly) || !ca.open(QIODevice::ReadOnly))
            return nullptr;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(cert.readAll()));
        tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
        tls.setCaCertificates(QSslCertificate::fromData(ca.readAll()));
        auto session = std::make_unique<StreamSession>();
        StreamSession *s = session.get();
        s->socket->setSslConfiguration(tls);
        connect(s->socket.get(), &QWebSocket::textMessageReceived, s->socket.get(), [s](const QString &text) {
            s->frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QUrl url = m_fx.service().baseUrl();
        url.setScheme(QStringLiteral("wss"));
        url.setPath(QStringLiteral("/v1/stream"));
        s->socket->open(url);
        if (!QTest::qWaitFor([&] { return s->socket->state() == QAbstractSocket::ConnectedState; }, 10000))
            return nullptr;
        s->socket->sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("op"), QStringLiteral("subscribe")},
                                      {QStringLiteral("channels"), QJsonArray::fromStringList(channels)}})
                .toJson(QJsonDocument::Compact)));
        // One answer per channel: its snapshot or an error.
        const auto answered = [&] {
            return std::all_of(channels.cbegin(), channels.cend(), [&](const QString &c) {
                return s->received(c) || !s->errorsAbout(c).isEmpty();
            });
        };
        if (!QTest::qWaitFor(answered, 10000))
            return nullptr;
        return session;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fx.start());
        for (const auto &[name, permissions] : kSets) {
            if (name != u"operator")
                QVERIFY(writeIdentity(name, permissions));
        }
        // A contract of p-buyer: a sell crossed by a buy.
        QCOMPARE(m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                           m_fx.order(QStringLiteral("sell"), 500'000, 1))
                     .status,
                 201);
        QCOMPARE(m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                           m_fx.order(QStringLiteral("buy"), 500'000, 1))
                     .status,
                 201);
        const auto contracts =
            m_fx.curl(QStringLiteral("p-buyer"), QStringLiteral("GET"), QStringLiteral("/v1/contracts"));
        m_contract = contracts.json()
                         .value(QStringLiteral("contracts"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toString();
        QVERIFY(!m_contract.isEmpty());
    }

    void everyRouteByPermission_data()
    {
        QTest::addColumn<Row>("row");
        for (const Row &row : rows())
            QTest::newRow(qPrintable(row.method + u' ' + row.path)) << row;
    }

    void everyRouteByPermission()
    {
        QFETCH(Row, row);
        QString path = row.path;
        path.replace(QStringLiteral("{symbol}"), m_fx.symbol())
            .replace(QStringLiteral("{product}"), kProduct)
            .replace(QStringLiteral("{contract}"), m_contract);
        QByteArray body = row.body;
        body.replace("{symbol}", m_fx.symbol().toUtf8());
        for (const auto &[who, permissions] : kSets) {
            const CurlResult answer = m_fx.curl(who, row.method, path, body.isEmpty() ? QByteArray() : body);
            const QString context =
                QStringLiteral("%1 (%2): %3")
                    .arg(who, permissions.join(u','), QString::fromUtf8(answer.body.left(300)));
            if (!row.permission.isEmpty() && !permissions.contains(row.permission)) {
                QVERIFY2(answer.status == 403, qPrintable(context));
                QVERIFY2(answer.code() == u"auth.permission-missing", qPrintable(context));
                QVERIFY2(answer.json().value(QStringLiteral("permission")).toString() == row.permission,
                         qPrintable(context));
                continue;
            }
            const int expected = row.otherwise.value(who, row.status);
            QVERIFY2(answer.status == expected,
                     qPrintable(QString::number(expected) + u" expected; " + context));
            if (!row.code.isEmpty() && !row.otherwise.contains(who))
                QVERIFY2(answer.code() == row.code, qPrintable(context));
        }
    }

    /// The organisation's own limits of a user are checked on its orders, within the exchange's.
    void userLimitsAreEnforcedOnOrders()
    {
        const QString limits = QStringLiteral("/v1/participants/p-buyer/users/u-td/limits");
        CurlResult set = m_fx.curl(QStringLiteral("u-admin"), QStringLiteral("PUT"), limits,
                                   R"({"maxOrderQuantity":1000})");
        QCOMPARE(set.status, 422); // above the exchange's 100 per order
        QCOMPARE(set.code(), QStringLiteral("user.limit-outside-exchange"));
        set = m_fx.curl(QStringLiteral("u-admin"), QStringLiteral("PUT"), limits,
                        R"({"maxOrderQuantity":2,"maxOpenNotional":1500000})");
        QVERIFY2(set.status == 200, set.body.constData());
        CurlResult order =
            m_fx.curl(QStringLiteral("u-td"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                      m_fx.order(QStringLiteral("buy"), 500'000, 3));
        QCOMPARE(order.status, 422);
        QCOMPARE(order.code(), QStringLiteral("risk.user-max-order-size"));
        order = m_fx.curl(QStringLiteral("u-td"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                          m_fx.order(QStringLiteral("buy"), 500'000, 2)); // 1,000,000 of 1,500,000
        QVERIFY2(order.status == 201, order.body.constData());
        order = m_fx.curl(QStringLiteral("u-td"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                          m_fx.order(QStringLiteral("buy"), 500'000, 2)); // 2,000,000 in all
        QCOMPARE(order.status, 422);
        QCOMPARE(order.code(), QStringLiteral("risk.user-max-open-notional"));
        // Another user of the participant is not bound by u-td's limits.
        order = m_fx.curl(QStringLiteral("u-trade"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                          m_fx.order(QStringLiteral("buy"), 500'000, 3));
        QVERIFY2(order.status == 201, order.body.constData());
    }

    /// The user travels with the order into the journal and the book: after a restart (from
    /// the journal, then from a snapshot) the resting order still counts for the user's open
    /// notional.
    void userOpenNotionalSurvivesARestart()
    {
        // userLimitsAreEnforcedOnOrders left u-td a resting buy of 1,000,000 of its 1,500,000.
        auto restingOfTd = [this] {
            int n = 0;
            for (const market::OrderInfo &o : m_fx.market().openOrders(QStringLiteral("p-buyer")))
                n += o.user == u"u-td" ? 1 : 0;
            return n;
        };
        QCOMPARE(restingOfTd(), 1);
        for (const bool snapshot : {false, true}) {
            QVERIFY(m_fx.market().flush());
            if (snapshot)
                m_fx.market().writeSnapshot();
            QVERIFY(m_fx.restart());
            QCOMPARE(restingOfTd(), 1);
            const CurlResult order =
                m_fx.curl(QStringLiteral("u-td"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                          m_fx.order(QStringLiteral("buy"), 500'000, 2)); // 2,000,000 in all
            QVERIFY2(order.status == 422, order.body.constData());
            QCOMPARE(order.code(), QStringLiteral("risk.user-max-open-notional"));
        }
    }

    /// Every channel × every permission set: the trading channels need `trade` (the same
    /// refusal as the HTTP routes, in the stream's error message); the others any identity
    /// of the participant. A refused session receives nothing of the channel, also later.
    void streamChannelsByPermission()
    {
        const QString symbol = m_fx.symbol();
        struct Channel
        {
            QString name;
            QString permission; ///< empty: any identity
            bool own;           ///< private to p-buyer
        };
        const QList<Channel> channels{
            {QStringLiteral("orders@p-buyer"), QStringLiteral("trade"), true},
            {QStringLiteral("fills@p-buyer"), QStringLiteral("trade"), true},
            {QStringLiteral("settlements@p-buyer"), QStringLiteral("trade"), true},
            {QStringLiteral("contracts@p-buyer"), {}, true},
            {QStringLiteral("revocations@p-buyer"), {}, true},
            {QStringLiteral("instruments"), {}, false},
            {QStringLiteral("trades.") + symbol, QStringLiteral("trade"), false},
            {QStringLiteral("book.") + symbol, QStringLiteral("trade"), false},
            {QStringLiteral("candles.%1.1m").arg(symbol), QStringLiteral("trade"), false},
            {QStringLiteral("spot.") + kProduct, QStringLiteral("trade"), false},
        };
        QStringList names;
        for (const Channel &c : channels)
            names.append(c.name);
        std::map<QString, std::unique_ptr<StreamSession>> sessions;
        for (const auto &[who, permissions] : kSets) {
            auto session = openStream(who, names);
            QVERIFY2(session, qPrintable(who));
            for (const Channel &c : channels) {
                const QString context = who + u' ' + c.name;
                const QList<QJsonObject> errors = session->errorsAbout(c.name);
                if (c.own && who == u"operator") { // of another participant
                    QVERIFY2(errors.size() == 1, qPrintable(context));
                    QCOMPARE(errors.at(0).value(QStringLiteral("code")).toString(),
                             QStringLiteral("stream.forbidden-channel"));
                    QVERIFY2(!session->received(c.name), qPrintable(context));
                } else if (!c.permission.isEmpty() && !permissions.contains(c.permission)) {
                    QVERIFY2(errors.size() == 1, qPrintable(context));
                    QCOMPARE(errors.at(0).value(QStringLiteral("code")).toString(),
                             QStringLiteral("auth.permission-missing"));
                    QCOMPARE(errors.at(0).value(QStringLiteral("permission")).toString(), c.permission);
                    QVERIFY2(!session->received(c.name), qPrintable(context));
                } else {
                    QVERIFY2(errors.isEmpty(), qPrintable(context + u' ' +
                                                          QString::fromUtf8(QJsonDocument(errors.value(0)).toJson())));
                    QVERIFY2(session->received(c.name), qPrintable(context));
                }
            }
            sessions[who] = std::move(session);
        }
        // A trade of p-buyer: its orders and fills go to the sessions with `trade` only.
        QCOMPARE(m_fx.curl(QStringLiteral("p-seller"), QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                           m_fx.order(QStringLiteral("sell"), 500'000, 1))
                     .status,
                 201);
        for (const QString &who : {QStringLiteral("u-trade"), QStringLiteral("u-td")}) {
            QTRY_VERIFY_WITH_TIMEOUT(sessions[who]->updates(QStringLiteral("fills@p-buyer")) >= 1, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(sessions[who]->updates(QStringLiteral("orders@p-buyer")) >= 1, 10000);
        }
        m_fx.service().stream().flush();
        QTest::qWait(200);
        for (const QString &who : {QStringLiteral("u-deploy"), QStringLiteral("u-admin")}) {
            QCOMPARE(sessions[who]->updates(QStringLiteral("fills@p-buyer")), 0);
            QCOMPARE(sessions[who]->updates(QStringLiteral("orders@p-buyer")), 0);
            // What it may follow keeps flowing: the contract the trade made.
            QTRY_VERIFY_WITH_TIMEOUT(sessions[who]->updates(QStringLiteral("contracts@p-buyer")) >= 1, 10000);
        }
    }

    /// The table above names every operation docs/openapi.json documents.
    void tableCoversTheDocumentedRoutes()
    {
        QFile file(QStringLiteral(CLOUDEX_OPENAPI_FILE));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject paths =
            QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("paths")).toObject();
        QStringList covered;
        for (const Row &row : rows())
            covered.append(row.method + u' ' + row.documented);
        int documented = 0;
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            for (const QString &method : it.value().toObject().keys()) {
                if (method == u"parameters")
                    continue;
                ++documented;
                const QString route = method.toUpper() + u' ' + it.key();
                QVERIFY2(covered.contains(route), qPrintable(route + QStringLiteral(" is not in the table")));
            }
        }
        QVERIFY(documented > 20);
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
