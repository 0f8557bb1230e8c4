// docs/openapi.json against the server: every documented operation is called on a real
// exchange over mutual TLS, answers with its documented status, and its body matches the
// documented schema (type, required, properties, additionalProperties, items, enum, $ref).
#include "exchangetestsupport.h"

#include "net/apiclient.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QSslKey>

using namespace cloudex;
using namespace exchangetest;

namespace {

/// The ways `value` breaks `schema`; empty when it conforms.
QStringList violations(const QJsonValue &value, QJsonObject schema, const QJsonObject &root,
                       const QString &where)
{
    if (schema.contains(QStringLiteral("$ref"))) {
        const QString name = schema.value(QStringLiteral("$ref")).toString().section(u'/', -1);
        schema = root[QStringLiteral("components")][QStringLiteral("schemas")][name].toObject();
        if (schema.isEmpty())
            return {where + QStringLiteral(": unresolved $ref ") + name};
    }
    QStringList out;
    const QString type = schema.value(QStringLiteral("type")).toString();
    const bool typeOk =
        type.isEmpty() || (type == u"object" && value.isObject()) || (type == u"array" && value.isArray()) ||
        (type == u"string" && value.isString()) || (type == u"boolean" && value.isBool()) ||
        (type == u"number" && value.isDouble()) ||
        (type == u"integer" && value.isDouble() && value.toDouble() == double(value.toInteger()));
    if (!typeOk)
        return {QStringLiteral("%1: expected %2").arg(where, type)};
    if (schema.contains(QStringLiteral("enum")) &&
        !schema.value(QStringLiteral("enum")).toArray().contains(value))
        out << QStringLiteral("%1: %2 is not in the enum").arg(where, value.toVariant().toString());
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        for (const QJsonValue &name : schema.value(QStringLiteral("required")).toArray()) {
            if (!object.contains(name.toString()))
                out << QStringLiteral("%1: missing %2").arg(where, name.toString());
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (properties.contains(it.key()))
                out << violations(it.value(), properties.value(it.key()).toObject(), root,
                                  where + u'.' + it.key());
            else if (schema.value(QStringLiteral("additionalProperties")) == QJsonValue(false))
                out << QStringLiteral("%1: undocumented %2").arg(where, it.key());
        }
    }
    if (value.isArray()) {
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            out << violations(items.at(i), schema.value(QStringLiteral("items")).toObject(), root,
                              QStringLiteral("%1[%2]").arg(where).arg(i));
    }
    return out;
}

struct Call
{
    QString operation;
    QString who; ///< participant, or "operator"
    QString method;
    QString path;
    QJsonObject body = {};
    int status = 0; ///< 0: the documented success status
};

} // namespace

class TestOpenApi : public QObject
{
    Q_OBJECT

private:
    Fixture m_fx;
    QJsonObject m_doc;
    QHash<QString, QSslConfiguration> m_tls;

    net::ApiCall *send(const Call &call)
    {
        auto *client = new net::ApiClient(m_fx.service().baseUrl(), m_tls.value(call.who), this);
        net::ApiCall *pending = nullptr;
        if (call.method == u"GET")
            pending = client->get(call.path);
        else if (call.method == u"POST")
            pending = client->post(call.path, call.body);
        else if (call.method == u"PUT")
            pending = client->put(call.path, call.body);
        else if (call.method == u"PATCH")
            pending = client->patch(call.path, call.body);
        else
            pending = client->del(call.path);
        [[maybe_unused]] const bool done =
            QTest::qWaitFor([pending] { return pending->isFinished(); }, 10000);
        return pending;
    }

    QJsonObject operation(const QString &id, QString *method = nullptr) const
    {
        const QJsonObject paths = m_doc.value(QStringLiteral("paths")).toObject();
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject methods = p.value().toObject();
            for (auto m = methods.begin(); m != methods.end(); ++m) {
                if (m.value()[QStringLiteral("operationId")].toString() == id) {
                    if (method)
                        *method = m.key().toUpper();
                    return m.value().toObject();
                }
            }
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(QStringLiteral(CLOUDEX_OPENAPI_FILE));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error;
        m_doc = QJsonDocument::fromJson(file.readAll(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(m_doc.value(QStringLiteral("openapi")).toString().startsWith(QStringLiteral("3.0")));
        QVERIFY(m_fx.start());
        for (const QString &who : {QStringLiteral("p-buyer"), QStringLiteral("p-seller")})
            m_tls.insert(who, m_fx.onboard(who).value());
        QFile key(m_fx.identityFile(QStringLiteral("operator"), QStringLiteral(".key.pem")));
        QFile certificate(m_fx.identityFile(QStringLiteral("operator"), QStringLiteral(".cert.pem")));
        QVERIFY(key.open(QIODevice::ReadOnly) && certificate.open(QIODevice::ReadOnly));
        QSslConfiguration tls = m_tls.value(QStringLiteral("p-buyer"));
        tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
        tls.setLocalCertificate(QSslCertificate(certificate.readAll()));
        m_tls.insert(QStringLiteral("operator"), tls);
        // p-buyer's administrator (issue #16: the users routes need `admin`).
        auto adminKey = pki::PrivateKey::generate();
        auto csr = pki::createCertificateRequest(adminKey.value(),
                                                 {QStringLiteral("p-buyer"), QStringLiteral("u-admin"), {}, {}});
        pki::IdentityRequest request;
        request.kind = pki::CertificateKind::User;
        request.participant = QStringLiteral("p-buyer");
        request.name = QStringLiteral("u-admin");
        request.permissions = {QStringLiteral("admin")};
        auto issued = m_fx.service().issueIdentity(csr.value(), request);
        QVERIFY(issued.ok());
        QSslConfiguration admin = m_tls.value(QStringLiteral("p-buyer"));
        admin.setPrivateKey(QSslKey(adminKey->toPem().value(), QSsl::Ec));
        admin.setLocalCertificate(QSslCertificate(issued->der, QSsl::Der));
        m_tls.insert(QStringLiteral("u-admin"), admin);
    }

    void everyDocumentedRouteAnswersAsDocumented()
    {
        const QString symbol = m_fx.symbol();
        const QString product = kProduct;
        auto order = [&](const QString &side, qint64 price, qint64 quantity) {
            return QJsonDocument::fromJson(m_fx.order(side, price, quantity)).object();
        };
        // A site of the seller, registered before the contracts so that they are assigned.
        {
            auto key = pki::PrivateKey::generate();
            auto csr = pki::createCertificateRequest(
                key.value(),
                {QStringLiteral("p-seller"), QStringLiteral("s-api"), {QStringLiteral("localhost")}, {}});
            pki::IdentityRequest request;
            request.kind = pki::CertificateKind::Site;
            request.participant = QStringLiteral("p-seller");
            request.name = QStringLiteral("s-api");
            request.dnsNames = {QStringLiteral("localhost")};
            auto issued = m_fx.service().issueIdentity(csr.value(), request);
            QVERIFY(issued.ok());
            QSslConfiguration tls = m_tls.value(QStringLiteral("p-seller"));
            tls.setPrivateKey(QSslKey(key->toPem().value(), QSsl::Ec));
            tls.setLocalCertificate(QSslCertificate(issued->der, QSsl::Der));
            m_tls.insert(QStringLiteral("s-api"), tls);
        }
        const QJsonObject registration{{QStringLiteral("name"), QStringLiteral("API site")},
                                       {QStringLiteral("endpoint"), QStringLiteral("https://localhost:9443")},
                                       {QStringLiteral("products"), QJsonArray{product}}};
        QVERIFY(send({{},
                      QStringLiteral("s-api"),
                      QStringLiteral("PUT"),
                      QStringLiteral("/v1/sites/s-api"),
                      registration})
                    ->ok());
        // A market to describe: a resting sell, a partial cross, a contract.
        net::ApiCall *resting = send({{},
                                      QStringLiteral("p-seller"),
                                      QStringLiteral("POST"),
                                      QStringLiteral("/v1/orders"),
                                      order(QStringLiteral("sell"), 2500, 10)});
        QVERIFY(resting->ok());
        const qint64 sellId = resting->body()[QStringLiteral("orderId")].toInteger();
        QVERIFY(send({{},
                      QStringLiteral("p-buyer"),
                      QStringLiteral("POST"),
                      QStringLiteral("/v1/orders"),
                      order(QStringLiteral("buy"), 2500, 2)})
                    ->ok());
        const QString contract =
            market::Exchange::contractCode(m_fx.market().contractsOf(QStringLiteral("p-buyer")).value(0).id);
        QVERIFY(contract != market::Exchange::contractCode(0));
        // A second contract, terminated at once: its final usage report settles it.
        QVERIFY(send({{},
                      QStringLiteral("p-buyer"),
                      QStringLiteral("POST"),
                      QStringLiteral("/v1/orders"),
                      order(QStringLiteral("buy"), 2500, 1)})
                    ->ok());
        const quint64 ended = m_fx.market().contractsOf(QStringLiteral("p-buyer")).value(1).id;
        QVERIFY(ended > 0);
        bool terminated = false;
        m_fx.market().terminateContract(ended, [&](const market::Ack &ack) { terminated = ack.accepted; });
        QTRY_VERIFY(terminated);
        const QString settled = market::Exchange::contractCode(ended);
        auto csr = [](const QString &participant, const QString &name) {
            auto key = pki::PrivateKey::generate();
            return QString::fromLatin1(
                pki::createCertificateRequest(key.value(), {participant, name, {}, {}})->toBase64());
        };

        const QString seller = QStringLiteral("p-seller");
        const QString buyer = QStringLiteral("p-buyer");
        const QString op = QStringLiteral("operator");
        const QString admin = QStringLiteral("u-admin");
        // An identity to revoke: a spare one of p-seller, issued directly.
        auto spareKey = pki::PrivateKey::generate();
        pki::IdentityRequest spare;
        spare.kind = pki::CertificateKind::User;
        spare.participant = seller;
        spare.name = QStringLiteral("u-spare");
        auto spareIssued = m_fx.service().issueIdentity(
            pki::createCertificateRequest(spareKey.value(), {seller, spare.name, {}, {}}).value(), spare);
        QVERIFY(spareIssued.ok());
        const QString spareSerial = spareIssued->serial;
        const QString get = QStringLiteral("GET");
        const QString post = QStringLiteral("POST");
        const QList<Call> calls{
            {QStringLiteral("listInstruments"), buyer, get,
             QStringLiteral("/v1/instruments?product=") + product},
            {QStringLiteral("listOrders"), seller, get, QStringLiteral("/v1/orders")},
            {QStringLiteral("submitOrder"), seller, post, QStringLiteral("/v1/orders"),
             order(QStringLiteral("sell"), 2600, 1)},
            {QStringLiteral("previewOrder"), buyer, post, QStringLiteral("/v1/orders/preview"),
             order(QStringLiteral("buy"), 2600, 20)},
            {QStringLiteral("previewOrder"), buyer, post, QStringLiteral("/v1/orders/preview"),
             QJsonObject{{QStringLiteral("symbol"), symbol}, {QStringLiteral("colour"), 1}}, 400},
            {QStringLiteral("replaceOrder"), seller, QStringLiteral("PATCH"),
             QStringLiteral("/v1/orders/%1").arg(sellId), QJsonObject{{QStringLiteral("quantity"), 5}}},
            {QStringLiteral("cancelOrder"), seller, QStringLiteral("DELETE"),
             QStringLiteral("/v1/orders/%1").arg(sellId)},
            {QStringLiteral("listTrades"), buyer, get, QStringLiteral("/v1/trades?symbol=") + symbol},
            {QStringLiteral("listFills"), buyer, get, QStringLiteral("/v1/fills")},
            {QStringLiteral("listContracts"), seller, get, QStringLiteral("/v1/contracts")},
            {QStringLiteral("getContract"), buyer, get, QStringLiteral("/v1/contracts/") + contract},
            {QStringLiteral("requestContractCertificate"), buyer, post,
             QStringLiteral("/v1/contracts/%1/certificates").arg(contract),
             QJsonObject{{QStringLiteral("csr"), csr(buyer, QStringLiteral("manage"))}}},
            {QStringLiteral("listContractCertificates"), seller, get,
             QStringLiteral("/v1/contracts/%1/certificates").arg(contract)},
            {QStringLiteral("getCa"), buyer, get, QStringLiteral("/v1/ca")},
            {QStringLiteral("getCrl"), buyer, get, QStringLiteral("/v1/crl")},
            {QStringLiteral("getBook"), buyer, get, QStringLiteral("/v1/market/book/%1?depth=5").arg(symbol)},
            {QStringLiteral("getCandles"), buyer, get,
             QStringLiteral("/v1/market/candles/%1?resolution=1m").arg(symbol)},
            {QStringLiteral("getSpot"), buyer, get, QStringLiteral("/v1/market/spot/") + product},
            {QStringLiteral("getSpotHistory"), buyer, get,
             QStringLiteral("/v1/market/spot/%1/history?resolution=5m").arg(product)},
            {QStringLiteral("getSpotHistory"), buyer, get,
             QStringLiteral("/v1/market/spot/%1/history?resolution=7m").arg(product), {}, 400},
            {QStringLiteral("getCurve"), buyer, get, QStringLiteral("/v1/market/curve/") + product},
            {QStringLiteral("getMarketSummary"), buyer, get, QStringLiteral("/v1/market/summary")},
            {QStringLiteral("addParticipant"), op, post, QStringLiteral("/v1/participants"),
             QJsonObject{{QStringLiteral("id"), QStringLiteral("p-new")},
                         {QStringLiteral("role"), QStringLiteral("buyer")},
                         {QStringLiteral("jurisdiction"), QStringLiteral("FR")}}},
            {QStringLiteral("setLimits"), op, QStringLiteral("PUT"),
             QStringLiteral("/v1/participants/p-new/limits"),
             QJsonObject{{QStringLiteral("maxOrderQuantity"), 50}}},
            {QStringLiteral("setKillSwitch"), op, post, QStringLiteral("/v1/participants/p-new/kill-switch"),
             QJsonObject{{QStringLiteral("blocked"), false}}},
            {QStringLiteral("issueIdentity"), op, post, QStringLiteral("/v1/identities"),
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("user")},
                         {QStringLiteral("participant"), QStringLiteral("p-new")},
                         {QStringLiteral("name"), QStringLiteral("u-new")},
                         {QStringLiteral("permissions"), QJsonArray{QStringLiteral("trade")}},
                         {QStringLiteral("csr"), csr(QStringLiteral("p-new"), QStringLiteral("u-new"))}}},
            {QStringLiteral("registerSite"), QStringLiteral("s-api"), QStringLiteral("PUT"),
             QStringLiteral("/v1/sites/s-api"), registration},
            {QStringLiteral("listSites"), seller, get, QStringLiteral("/v1/sites")},
            {QStringLiteral("reportUsage"), QStringLiteral("s-api"), post,
             QStringLiteral("/v1/contracts/%1/usage").arg(settled),
             QJsonObject{{QStringLiteral("final"), true}, {QStringLiteral("hours"), QJsonArray()}}},
            // The site reports a VM operation on the contract it holds; the buyer's admin reads it.
            {QStringLiteral("reportVmOperations"), QStringLiteral("s-api"), post,
             QStringLiteral("/v1/sites/s-api/vm-operations"),
             QJsonObject{{QStringLiteral("operations"),
                          QJsonArray{QJsonObject{{QStringLiteral("id"), 1},
                                                 {QStringLiteral("contractId"), contract},
                                                 {QStringLiteral("vm"), QStringLiteral("web-1")},
                                                 {QStringLiteral("operation"), QStringLiteral("create")},
                                                 {QStringLiteral("user"), QStringLiteral("u-tech")},
                                                 {QStringLiteral("serial"), QStringLiteral("0A1B")},
                                                 {QStringLiteral("time"), 1'700'000'000}}}}}},
            {QStringLiteral("reportVmOperations"), QStringLiteral("s-api"), post,
             QStringLiteral("/v1/sites/s-api/vm-operations"),
             QJsonObject{{QStringLiteral("operations"),
                          QJsonArray{QJsonObject{{QStringLiteral("id"), 2},
                                                 {QStringLiteral("contractId"), QStringLiteral("c-424242")},
                                                 {QStringLiteral("vm"), QStringLiteral("web-1")},
                                                 {QStringLiteral("operation"), QStringLiteral("stop")},
                                                 {QStringLiteral("user"), QStringLiteral("u-tech")},
                                                 {QStringLiteral("serial"), QStringLiteral("0A1B")},
                                                 {QStringLiteral("time"), 1'700'000'000}}}}},
             404},
            {QStringLiteral("reportVmOperations"), buyer, post, QStringLiteral("/v1/sites/s-api/vm-operations"),
             QJsonObject{{QStringLiteral("operations"), QJsonArray()}}, 403},
            {QStringLiteral("listSettlements"), buyer, get, QStringLiteral("/v1/settlements")},
            {QStringLiteral("getSettlement"), seller, get, QStringLiteral("/v1/settlements/") + settled},
            {QStringLiteral("registerSite"), seller, QStringLiteral("PUT"), QStringLiteral("/v1/sites/s-api"),
             registration, 403},
            {QStringLiteral("reportUsage"), buyer, post,
             QStringLiteral("/v1/contracts/%1/usage").arg(contract),
             QJsonObject{{QStringLiteral("final"), false}, {QStringLiteral("hours"), QJsonArray()}}, 403},
            {QStringLiteral("reportUsage"), QStringLiteral("s-api"), post,
             QStringLiteral("/v1/contracts/%1/usage").arg(contract),
             QJsonObject{
                 {QStringLiteral("final"), false},
                 {QStringLiteral("hours"), QJsonArray{QJsonObject{{QStringLiteral("start"), 0},
                                                                  {QStringLiteral("vm"), QStringLiteral("a")},
                                                                  {QStringLiteral("instanceSeconds"), 1},
                                                                  {QStringLiteral("expectedSeconds"), 1},
                                                                  {QStringLiteral("availableSeconds"), 1}}}}},
             422},
            {QStringLiteral("getSettlement"),
             buyer,
             get,
             QStringLiteral("/v1/settlements/") + contract,
             {},
             404},
            // Operators revoke a spare identity of p-new and end the contract early.
            {QStringLiteral("revokeIdentity"), op, post,
             QStringLiteral("/v1/identities/%1/revoke").arg(spareSerial),
             QJsonObject{{QStringLiteral("reason"), QStringLiteral("key-compromise")}}},
            {QStringLiteral("revokeIdentity"), op, post, QStringLiteral("/v1/identities/0ABC/revoke"),
             QJsonObject{{QStringLiteral("reason"), QStringLiteral("key-compromise")}}, 404},
            {QStringLiteral("terminateContract"), op, post, QStringLiteral("/v1/contracts/%1/terminate").arg(contract),
             QJsonObject{{QStringLiteral("reason"), QStringLiteral("the seller's site is gone")}}},
            {QStringLiteral("terminateContract"), op, post, QStringLiteral("/v1/contracts/%1/terminate").arg(contract),
             QJsonObject{{QStringLiteral("reason"), QStringLiteral("again")}}, 422},
            // p-buyer's administrator manages its users (issue #16).
            {QStringLiteral("listUsers"), admin, get, QStringLiteral("/v1/participants/p-buyer/users")},
            {QStringLiteral("issueUser"), admin, post, QStringLiteral("/v1/participants/p-buyer/users"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("u-eve")},
                         {QStringLiteral("permissions"), QJsonArray{QStringLiteral("trade")}},
                         {QStringLiteral("csr"), csr(buyer, QStringLiteral("u-eve"))}}},
            {QStringLiteral("issueUser"), admin, post, QStringLiteral("/v1/participants/p-buyer/users"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("u-op")},
                         {QStringLiteral("permissions"), QJsonArray{QStringLiteral("operate")}},
                         {QStringLiteral("csr"), csr(buyer, QStringLiteral("u-op"))}},
             403},
            {QStringLiteral("issueUser"), admin, post, QStringLiteral("/v1/participants/p-buyer/users"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("u-eve")},
                         {QStringLiteral("permissions"), QJsonArray{QStringLiteral("trade")}},
                         {QStringLiteral("csr"), csr(buyer, QStringLiteral("u-eve"))}},
             409},
            {QStringLiteral("listUsers"), admin, get, QStringLiteral("/v1/participants/p-seller/users"), {}, 403},
            {QStringLiteral("setUserPermissions"), admin, QStringLiteral("PUT"),
             QStringLiteral("/v1/participants/p-buyer/users/u-eve/permissions"),
             QJsonObject{{QStringLiteral("permissions"), QJsonArray{QStringLiteral("trade"), QStringLiteral("deploy")}}}},
            {QStringLiteral("setUserLimits"), admin, QStringLiteral("PUT"),
             QStringLiteral("/v1/participants/p-buyer/users/u-eve/limits"),
             QJsonObject{{QStringLiteral("maxOrderQuantity"), 5}}},
            {QStringLiteral("setUserLimits"), admin, QStringLiteral("PUT"),
             QStringLiteral("/v1/participants/p-buyer/users/u-eve/limits"),
             QJsonObject{{QStringLiteral("maxOrderQuantity"), 1'000'000'000}}, 422},
            {QStringLiteral("revokeUser"), admin, post, QStringLiteral("/v1/participants/p-buyer/users/u-eve/revoke")},
            {QStringLiteral("revokeUser"), admin, post, QStringLiteral("/v1/participants/p-buyer/users/u-eve/revoke"),
             {}, 404},
            {QStringLiteral("getAudit"), admin, get, QStringLiteral("/v1/participants/p-buyer/audit")},
            {QStringLiteral("listVmOperations"), admin, get,
             QStringLiteral("/v1/participants/p-buyer/vm-operations?contract=") + contract},
            {QStringLiteral("listVmOperations"), admin, get,
             QStringLiteral("/v1/participants/p-buyer/vm-operations?limit=0"), {}, 400},
            // Documented errors answer with problem details of the documented shape.
            {QStringLiteral("submitOrder"), seller, post, QStringLiteral("/v1/orders"),
             QJsonObject{{QStringLiteral("symbol"), symbol}, {QStringLiteral("colour"), 1}}, 400},
            {QStringLiteral("submitOrder"), seller, post, QStringLiteral("/v1/orders"),
             order(QStringLiteral("sell"), 2600, 0), 422},
            {QStringLiteral("listOrders"), op, get, QStringLiteral("/v1/orders"), {}, 403},
            {QStringLiteral("getContract"), buyer, get, QStringLiteral("/v1/contracts/c-424242"), {}, 404},
        };

        QSet<QString> documented;
        const QJsonObject paths = m_doc.value(QStringLiteral("paths")).toObject();
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            for (const QJsonValue &o : p.value().toObject())
                documented.insert(o[QStringLiteral("operationId")].toString());
        }
        QSet<QString> called;
        for (const Call &call : calls) {
            QString method;
            const QJsonObject documentedOp = operation(call.operation, &method);
            QVERIFY2(!documentedOp.isEmpty(),
                     qPrintable(call.operation + QStringLiteral(" is not documented")));
            QCOMPARE(method, call.method);
            const QJsonObject responses = documentedOp.value(QStringLiteral("responses")).toObject();
            QString status = call.status ? QString::number(call.status) : QString();
            for (auto r = responses.begin(); status.isEmpty() && r != responses.end(); ++r) {
                if (r.key().startsWith(u'2'))
                    status = r.key();
            }
            QVERIFY2(responses.contains(status),
                     qPrintable(call.operation + QStringLiteral(": status %1 undocumented").arg(status)));
            net::ApiCall *answer = send(call);
            QVERIFY(answer->isFinished());
            QVERIFY2(answer->status() == status.toInt(),
                     qPrintable(QStringLiteral("%1: got %2 (%3), documented %4")
                                    .arg(call.operation)
                                    .arg(answer->status())
                                    .arg(answer->errorString(), status)));
            const QJsonObject content = responses[status][QStringLiteral("content")].toObject();
            const QString type = status.startsWith(u'2') ? QStringLiteral("application/json")
                                                         : QStringLiteral("application/problem+json");
            QVERIFY2(content.contains(type), qPrintable(call.operation + QStringLiteral(": no ") + type));
            const QJsonValue body =
                answer->status() < 300 ? answer->body() : QJsonValue(answer->problem()->toJson());
            const QStringList wrong =
                violations(body, content[type][QStringLiteral("schema")].toObject(), m_doc, call.operation);
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("; "))));
            if (!call.status)
                called.insert(call.operation);
        }
        QCOMPARE(called, documented);
    }

    void theCheckerCatchesMistakes()
    {
        const QJsonObject trade{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Trade")}};
        const QJsonObject good{{QStringLiteral("id"), 1},
                               {QStringLiteral("seq"), 2},
                               {QStringLiteral("symbol"), QStringLiteral("X")},
                               {QStringLiteral("price"), 3},
                               {QStringLiteral("quantity"), 4},
                               {QStringLiteral("aggressor"), QStringLiteral("buy")},
                               {QStringLiteral("time"), 5}};
        QVERIFY(violations(good, trade, m_doc, QStringLiteral("t")).isEmpty());
        QJsonObject bad = good;
        bad.insert(QStringLiteral("aggressor"), QStringLiteral("up"));
        QCOMPARE(violations(bad, trade, m_doc, QStringLiteral("t")).size(), 1);
        bad = good;
        bad.insert(QStringLiteral("price"), 1.5);
        QCOMPARE(violations(bad, trade, m_doc, QStringLiteral("t")).size(), 1);
        bad = good;
        bad.remove(QStringLiteral("time"));
        bad.insert(QStringLiteral("extra"), 1);
        QCOMPARE(violations(bad, trade, m_doc, QStringLiteral("t")).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
