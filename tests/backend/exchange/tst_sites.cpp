// The seller's side of the chain on the exchange, through the real HTTPS API with site
// identities of the exchange CA: registration (own site only, certified endpoint, sellers
// only), assignment of contracts to sites (fewest live contracts, ties by id; unassigned
// until a registration covers the product), usage reports (the holding site only, inside
// volume and window), settlements equal to the formula (SLA credit, pro rata termination,
// estimated at the deadline), and all of it again after a restart on the same data.
#include "exchangetestsupport.h"

#include "api/channels.h"
#include "api/contract.h"
#include "api/parse.h"
#include "api/settlement.h"
#include "api/site.h"
#include "api/usage.h"
#include "api/vmoperations.h"
#include "net/streamclient.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace cloudex;
using namespace exchangetest;

namespace {
const QString kSeller = QStringLiteral("p-seller");
const QString kBuyer = QStringLiteral("p-buyer");
const QString kSeller2 = QStringLiteral("p-seller2");
const QString kBuyOnly = QStringLiteral("p-buyonly");
constexpr qint64 kPrice = 12345;
constexpr qint64 kQuantity = 3;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray registrationBody(const QString &endpoint, const QStringList &products = {kProduct})
{
    return compact(api::SiteRegistration{QStringLiteral("Frankfurt 1"), endpoint, products}.toJson());
}

/// a * b / c rounded half up, as the settlement rounds.
qint64 rounded(qint64 a, qint64 b, qint64 c)
{
    return (a * b + c / 2) / c;
}
} // namespace

class TestSites : public QObject
{
    Q_OBJECT

private:
    Fixture m_fx;
    qint64 m_start = 0;
    qint64 m_end = 0;
    QString m_a, m_b, m_c, m_d, m_e; ///< contracts, see assignment()

    /// A site identity of `participant` named `site`, written where Fixture::curl finds it.
    bool issueSite(const QString &participant, const QString &site, const QStringList &dns,
                   const QStringList &ips = {})
    {
        auto key = pki::PrivateKey::generate();
        auto csr = pki::createCertificateRequest(key.value(), {participant, site, dns, ips});
        if (!key || !csr)
            return false;
        pki::IdentityRequest request;
        request.kind = pki::CertificateKind::Site;
        request.participant = participant;
        request.name = site;
        request.organisation = participant;
        request.role = QStringLiteral("site");
        request.dnsNames = dns;
        request.ipAddresses = ips;
        auto issued = m_fx.service().issueIdentity(csr.value(), request);
        if (!issued)
            return false;
        QFile cert(m_fx.identityFile(site, QStringLiteral(".cert.pem")));
        QFile keyFile(m_fx.identityFile(site, QStringLiteral(".key.pem")));
        return cert.open(QIODevice::WriteOnly) && cert.write(issued->pem()) > 0 &&
               keyFile.open(QIODevice::WriteOnly) && keyFile.write(key->toPem().value()) > 0;
    }

    /// Sells `kQuantity` at `kPrice` as `seller` to p-buyer; the new contract's code.
    QString trade(const QString &seller)
    {
        const auto before = m_fx.market().contractsOf(kBuyer).size();
        const CurlResult sell = m_fx.curl(seller, QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                                          m_fx.order(QStringLiteral("sell"), kPrice, kQuantity));
        const CurlResult buy = m_fx.curl(kBuyer, QStringLiteral("POST"), QStringLiteral("/v1/orders"),
                                         m_fx.order(QStringLiteral("buy"), kPrice, kQuantity));
        if (sell.status != 201 || buy.status != 201)
            return {};
        const auto contracts = m_fx.market().contractsOf(kBuyer);
        if (contracts.size() != before + 1)
            return {};
        m_start = contracts.constLast().startSecs;
        m_end = contracts.constLast().endSecs;
        return market::Exchange::contractCode(contracts.constLast().id);
    }

    api::Contract contract(const QString &code, const QString &who = kBuyer)
    {
        const CurlResult got = m_fx.curl(who, QStringLiteral("GET"), QStringLiteral("/v1/contracts/") + code);
        auto parsed = api::Contract::fromJson(got.json());
        return parsed ? parsed.value() : api::Contract{};
    }

    QString siteOf(const QString &code)
    {
        const api::Contract k = contract(code);
        return k.site ? k.site->id : QString();
    }

    CurlResult report(const QString &site, const QString &code, bool final,
                      const QList<api::UsageHour> &hours)
    {
        return m_fx.curl(site, QStringLiteral("POST"), QStringLiteral("/v1/contracts/%1/usage").arg(code),
                         compact(api::UsageReport{final, hours}.toJson()));
    }

    std::optional<api::Settlement> settlement(const QString &code, const QString &who = kBuyer)
    {
        const CurlResult got =
            m_fx.curl(who, QStringLiteral("GET"), QStringLiteral("/v1/settlements/") + code);
        if (got.status != 200)
            return std::nullopt;
        auto parsed = api::parseRequest<api::Settlement>(got.body); // strict: exactly the documented shape
        if (!parsed) {
            qWarning("settlement: %s %s", qPrintable(parsed.error().code), qPrintable(parsed.error().field));
            return std::nullopt;
        }
        return parsed.value();
    }

    /// The credit percent of the contract's frozen table for `availability`.
    static qint64 creditPercent(const api::Contract &k, qint64 availability)
    {
        QList<api::ServiceCredit> steps = k.sla.credits;
        std::sort(steps.begin(), steps.end(),
                  [](const auto &a, const auto &b) { return a.belowBasisPoints < b.belowBasisPoints; });
        for (const api::ServiceCredit &step : steps)
            if (step.belowBasisPoints > availability)
                return step.creditPercent;
        return 0;
    }

    void advanceTo(qint64 secs)
    {
        m_fx.market().advanceClock(secs);
        QVERIFY(m_fx.market().flush());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fx.start());
        QVERIFY(m_fx.onboard(kSeller2).ok());
        std::optional<Result<QSslConfiguration>> buyOnly;
        m_fx.local().onboardParticipant(kBuyOnly, market::Role::Buyer, QStringLiteral("DE"),
                                        [&](Result<QSslConfiguration> r) { buyOnly = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(buyOnly.has_value(), 30000);
        QVERIFY(buyOnly->ok());
        QVERIFY(issueSite(kSeller, QStringLiteral("s-one"), {QStringLiteral("localhost")},
                          {QStringLiteral("127.0.0.1")}));
        QVERIFY(issueSite(kSeller, QStringLiteral("s-two"), {QStringLiteral("two.example")}));
        QVERIFY(issueSite(kSeller2, QStringLiteral("s-three"), {QStringLiteral("three.example")}));
        QVERIFY(issueSite(kBuyOnly, QStringLiteral("s-buyer"), {QStringLiteral("localhost")}));
    }

    void registration()
    {
        const QString route = QStringLiteral("/v1/sites/s-one");
        const QByteArray body = registrationBody(QStringLiteral("https://localhost:9443"));
        const quint64 seq = m_fx.market().lastSeq();

        // Another site's identity, and the seller's own user identity, may not register s-one.
        CurlResult other = m_fx.curl(QStringLiteral("s-two"), QStringLiteral("PUT"), route, body);
        QCOMPARE(other.status, 403);
        QCOMPARE(other.code(), QStringLiteral("auth.not-this-site"));
        CurlResult user = m_fx.curl(kSeller, QStringLiteral("PUT"), route, body);
        QCOMPARE(user.status, 403);
        QCOMPARE(user.code(), QStringLiteral("auth.not-this-site"));
        // An endpoint the site certificate does not name.
        CurlResult uncertified =
            m_fx.curl(QStringLiteral("s-one"), QStringLiteral("PUT"), route,
                      registrationBody(QStringLiteral("https://elsewhere.example:9443")));
        QCOMPARE(uncertified.status, 422);
        QCOMPARE(uncertified.code(), QStringLiteral("site.endpoint-not-certified"));
        CurlResult plain = m_fx.curl(QStringLiteral("s-one"), QStringLiteral("PUT"), route,
                                     registrationBody(QStringLiteral("http://localhost:9443")));
        QCOMPARE(plain.status, 422);
        QCOMPARE(plain.code(), QStringLiteral("site.bad-endpoint"));
        CurlResult product = m_fx.curl(
            QStringLiteral("s-one"), QStringLiteral("PUT"), route,
            registrationBody(QStringLiteral("https://localhost:9443"), {QStringLiteral("XX.NOPE")}));
        QCOMPARE(product.status, 422);
        QCOMPARE(product.code(), QStringLiteral("site.unknown-product"));
        // A participant that may not sell has no sites.
        CurlResult buyer = m_fx.curl(QStringLiteral("s-buyer"), QStringLiteral("PUT"),
                                     QStringLiteral("/v1/sites/s-buyer"), body);
        QCOMPARE(buyer.status, 403);
        QCOMPARE(buyer.code(), QStringLiteral("auth.not-a-seller"));
        // Strict parsing: an unknown field is 400 and names it.
        QJsonObject extra = api::SiteRegistration{
            QStringLiteral("x"),
            QStringLiteral("https://localhost:9443"),
            {kProduct}}.toJson();
        extra.insert(QStringLiteral("region"), QStringLiteral("DE"));
        CurlResult strict = m_fx.curl(QStringLiteral("s-one"), QStringLiteral("PUT"), route, compact(extra));
        QCOMPARE(strict.status, 400);
        QCOMPARE(strict.json().value(QStringLiteral("field")).toString(), QStringLiteral("region"));
        QCOMPARE(m_fx.market().lastSeq(), seq); // nothing refused was journaled

        CurlResult ok = m_fx.curl(QStringLiteral("s-one"), QStringLiteral("PUT"), route, body);
        QCOMPARE(ok.status, 200);
        auto site = api::parseRequest<api::Site>(ok.body);
        QVERIFY(site.ok());
        QCOMPARE(site->id, QStringLiteral("s-one"));
        QCOMPARE(site->participant, kSeller);
        QCOMPARE(site->endpoint, QStringLiteral("https://localhost:9443"));
        QCOMPARE(site->products, QStringList{kProduct});
        QVERIFY(site->registered > 0);

        const CurlResult mine = m_fx.curl(kSeller, QStringLiteral("GET"), QStringLiteral("/v1/sites"));
        QCOMPARE(mine.status, 200);
        auto sites = api::listFromJson<api::Site>(mine.json(), api::Site::kListKey, api::ParseMode::Strict);
        QVERIFY(sites.ok());
        QCOMPARE(sites->size(), 1);
        QCOMPARE(sites->at(0), site.value());
        const CurlResult theirs = m_fx.curl(kBuyer, QStringLiteral("GET"), QStringLiteral("/v1/sites"));
        QCOMPARE(theirs.json()[QStringLiteral("sites")].toArray().size(), 0);
    }

    void assignment()
    {
        // One site: it takes the contract.
        m_a = trade(kSeller);
        QVERIFY(!m_a.isEmpty());
        QCOMPARE(siteOf(m_a), QStringLiteral("s-one"));
        QCOMPARE(contract(m_a).site->endpoint, QStringLiteral("https://localhost:9443"));

        QCOMPARE(m_fx.curl(QStringLiteral("s-two"), QStringLiteral("PUT"), QStringLiteral("/v1/sites/s-two"),
                           registrationBody(QStringLiteral("https://two.example:443")))
                     .status,
                 200);
        // Fewest live contracts of the product first, then the smaller site id.
        m_b = trade(kSeller);
        QCOMPARE(siteOf(m_b), QStringLiteral("s-two"));
        m_c = trade(kSeller);
        QCOMPARE(siteOf(m_c), QStringLiteral("s-one"));
        m_d = trade(kSeller);
        QCOMPARE(siteOf(m_d), QStringLiteral("s-two"));

        // A seller without a site: unassigned (no "site" member) until one registers.
        m_e = trade(kSeller2);
        QVERIFY(!m_e.isEmpty());
        const CurlResult raw =
            m_fx.curl(kBuyer, QStringLiteral("GET"), QStringLiteral("/v1/contracts/") + m_e);
        QVERIFY(!raw.json().contains(QStringLiteral("site")));
        QSignalSpy changed(&m_fx.market(), &market::Exchange::contractChanged);
        QCOMPARE(m_fx.curl(QStringLiteral("s-three"), QStringLiteral("PUT"),
                           QStringLiteral("/v1/sites/s-three"),
                           registrationBody(QStringLiteral("https://three.example:8443")))
                     .status,
                 200);
        QCOMPARE(siteOf(m_e), QStringLiteral("s-three"));
        QTRY_VERIFY(!changed.isEmpty());
        const auto event = changed.constLast().at(0).value<market::ContractInfo>();
        QCOMPARE(market::Exchange::contractCode(event.id), m_e);
        QCOMPARE(event.siteId, QStringLiteral("s-three"));

        // Recovery below starts from this snapshot and replays what follows.
        m_fx.market().writeSnapshot();
        QVERIFY(m_fx.market().flush());
    }

    void usageIsTheHoldingSitesOnly()
    {
        const QList<api::UsageHour> one{{m_start, QStringLiteral("web-1"), 3600, 3600, 3600}};
        const quint64 seq = m_fx.market().lastSeq();
        CurlResult wrongSite = report(QStringLiteral("s-two"), m_a, false, one);
        QCOMPARE(wrongSite.status, 403);
        QCOMPARE(wrongSite.code(), QStringLiteral("auth.not-site-of-contract"));
        CurlResult otherSeller = report(QStringLiteral("s-three"), m_a, false, one);
        QCOMPARE(otherSeller.status, 403);
        CurlResult buyer = report(kBuyer, m_a, false, one);
        QCOMPARE(buyer.status, 403);
        QCOMPARE(buyer.code(), QStringLiteral("auth.not-site-of-contract"));
        QCOMPARE(report(QStringLiteral("s-one"), QStringLiteral("c-999999"), false, one).status, 404);

        CurlResult outside =
            report(QStringLiteral("s-one"), m_a, false, {{m_end, QStringLiteral("web-1"), 3600, 3600, 3600}});
        QCOMPARE(outside.status, 422);
        QCOMPARE(outside.code(), QStringLiteral("usage.out-of-window"));
        CurlResult before = report(QStringLiteral("s-one"), m_a, false,
                                   {{m_start - 3600, QStringLiteral("web-1"), 3600, 3600, 3600}});
        QCOMPARE(before.code(), QStringLiteral("usage.out-of-window"));
        QList<api::UsageHour> tooMany;
        for (int vm = 0; vm <= kQuantity; ++vm)
            tooMany.append({m_start, QStringLiteral("web-%1").arg(vm), 3600, 3600, 3600});
        CurlResult over = report(QStringLiteral("s-one"), m_a, false, tooMany);
        QCOMPARE(over.status, 422);
        QCOMPARE(over.code(), QStringLiteral("usage.over-volume"));
        CurlResult seconds = report(QStringLiteral("s-one"), m_a, false,
                                    {{m_start, QStringLiteral("web-1"), 3601, 3601, 3600}});
        QCOMPARE(seconds.status, 422);
        QCOMPARE(seconds.code(), QStringLiteral("usage.bad-seconds"));
        CurlResult strict = m_fx.curl(QStringLiteral("s-one"), QStringLiteral("POST"),
                                      QStringLiteral("/v1/contracts/%1/usage").arg(m_a),
                                      QByteArrayLiteral("{\"final\":false,\"hours\":[],\"extra\":1}"));
        QCOMPARE(strict.status, 400);
        QCOMPARE(m_fx.market().lastSeq(), seq);

        CurlResult ok = report(QStringLiteral("s-one"), m_a, false, one);
        QCOMPARE(ok.status, 200);
        auto ack = api::parseRequest<api::UsageAck>(ok.body);
        QVERIFY(ack.ok());
        QVERIFY(ack->accepted);
        QCOMPARE(quint64(ack->seq), seq + 1);
        // Not settled before the window ends.
        QCOMPARE(m_fx.curl(kBuyer, QStringLiteral("GET"), QStringLiteral("/v1/settlements/") + m_a).status,
                 404);
    }

    /// A site reports the VM operations of the contracts it holds, and only those: one record
    /// of another site's contract refuses the batch, nothing is kept; a resend counts nothing
    /// twice.
    void vmOperationsAreTheHoldingSitesOnly()
    {
        const auto record = [this](qint64 id, const QString &contract, const QString &vm = QStringLiteral("web-1")) {
            return QJsonObject{{QStringLiteral("id"), id},
                               {QStringLiteral("contractId"), contract},
                               {QStringLiteral("vm"), vm},
                               {QStringLiteral("operation"), QStringLiteral("start")},
                               {QStringLiteral("user"), QStringLiteral("u-tech")},
                               {QStringLiteral("serial"), QStringLiteral("0A1B")},
                               {QStringLiteral("time"), m_start}};
        };
        const auto send = [this](const QString &site, const QJsonArray &records, const QString &as = {}) {
            return m_fx.curl(as.isEmpty() ? site : as, QStringLiteral("POST"),
                             QStringLiteral("/v1/sites/%1/vm-operations").arg(site),
                             QJsonDocument(QJsonObject{{QStringLiteral("operations"), records}})
                                 .toJson(QJsonDocument::Compact));
        };
        const auto kept = [this] {
            return m_fx.service().authority().vmOperations(kBuyer, {}, {}, 100).size();
        };
        // m_a is s-one's, m_b s-two's, m_e the other seller's s-three's.
        CurlResult wrongSite = send(QStringLiteral("s-two"), {record(1, m_a)});
        QCOMPARE(wrongSite.status, 403);
        QCOMPARE(wrongSite.code(), QStringLiteral("auth.not-site-of-contract"));
        QCOMPARE(wrongSite.json().value(QStringLiteral("field")).toString(),
                 QStringLiteral("operations[0].contractId"));
        QCOMPARE(send(QStringLiteral("s-three"), {record(1, m_a)}).status, 403);
        CurlResult mixed = send(QStringLiteral("s-one"), {record(1, m_a), record(2, m_b)});
        QCOMPARE(mixed.status, 403);
        QCOMPARE(mixed.json().value(QStringLiteral("field")).toString(), QStringLiteral("operations[1].contractId"));
        CurlResult unknown = send(QStringLiteral("s-one"), {record(1, QStringLiteral("c-999999"))});
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.code(), QStringLiteral("contract.unknown"));
        CurlResult badVm = send(QStringLiteral("s-one"), {record(1, m_a, QStringLiteral("Web 1"))});
        QCOMPARE(badVm.status, 422);
        QCOMPARE(badVm.code(), QStringLiteral("vm-operation.bad-vm"));
        CurlResult impostor = send(QStringLiteral("s-one"), {record(1, m_a)}, QStringLiteral("s-two"));
        QCOMPARE(impostor.status, 403);
        QCOMPARE(impostor.code(), QStringLiteral("auth.not-this-site"));
        QCOMPARE(send(QStringLiteral("s-one"), {record(1, m_a)}, kBuyer).code(), QStringLiteral("auth.not-this-site"));
        QCOMPARE(kept(), 0);

        CurlResult ok = send(QStringLiteral("s-one"), {record(1, m_a), record(2, m_c, QStringLiteral("db-1"))});
        QVERIFY2(ok.status == 200, ok.body.constData());
        QCOMPARE(ok.json().value(QStringLiteral("accepted")).toInt(), 2);
        QCOMPARE(ok.json().value(QStringLiteral("duplicates")).toInt(), 0);
        CurlResult again = send(QStringLiteral("s-one"), {record(1, m_a), record(2, m_c, QStringLiteral("db-1"))});
        QCOMPARE(again.json().value(QStringLiteral("accepted")).toInt(), 0);
        QCOMPARE(again.json().value(QStringLiteral("duplicates")).toInt(), 2);
        const auto records = m_fx.service().authority().vmOperations(kBuyer, {}, {}, 100);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0).site, QStringLiteral("s-one"));
        QCOMPARE(records.at(0).contract, m_a);
        QCOMPARE(records.at(0).operation, QStringLiteral("start"));
        QCOMPARE(records.at(1).vm, QStringLiteral("db-1"));
        QCOMPARE(m_fx.service().authority().vmOperations(kBuyer, m_c, {}, 100).size(), 1);
        QCOMPARE(m_fx.service().authority().vmOperations(kSeller, {}, {}, 100).size(), 0);
    }

    void terminatedSettlesProRata()
    {
        QSignalSpy settled(&m_fx.market(), &market::Exchange::contractSettled);
        advanceTo(m_start + 1800);
        bool ended = false;
        m_fx.market().terminateContract(*market::Exchange::parseContractCode(m_c),
                                        [&](const market::Ack &ack) { ended = ack.accepted; });
        QTRY_VERIFY(ended);
        const api::Contract k = contract(m_c);
        QCOMPARE(k.state, api::ContractState::Terminated);
        QCOMPARE(k.terminatedAt.value_or(0), m_start + 1800);

        // The final report after the termination settles at once, for half the hour.
        QCOMPARE(report(QStringLiteral("s-one"), m_c, true,
                        {{m_start, QStringLiteral("db-1"), 1800, 1800, 1800},
                         {m_start, QStringLiteral("db-2"), 1800, 1800, 900}})
                     .status,
                 200);
        QTRY_COMPARE(settled.size(), 1);
        const auto s = settlement(m_c, kSeller);
        QVERIFY(s.has_value());
        QCOMPARE(s->state, api::SettlementState::Final);
        QCOMPARE(s->seconds, 1800);
        QCOMPARE(s->hours, 1);
        const qint64 gross = rounded(kPrice * kQuantity, 1800, 3600);
        QCOMPARE(gross, 18518); // 18517.5 rounded half up
        QCOMPARE(s->gross, gross);
        QCOMPARE(s->availabilityBasisPoints, 10000 * 2700 / 3600);
        const qint64 percent = creditPercent(k, 7500);
        QVERIFY(percent > 0); // 75 % is below every step of S1
        QCOMPARE(s->creditPercent, percent);
        QCOMPARE(s->credit, rounded(gross, percent, 100));
        QCOMPARE(s->net, gross - s->credit);
        // Settled once: a later report is refused.
        CurlResult late = report(QStringLiteral("s-one"), m_c, true, {});
        QCOMPARE(late.status, 409);
        QCOMPARE(late.code(), QStringLiteral("usage.settled"));
    }

    void finalReportSettlesWithCredit()
    {
        // Both parties follow their settlements; nobody else may.
        QList<std::shared_ptr<net::StreamClient>> clients;
        QList<std::shared_ptr<QSignalSpy>> updates;
        for (const QString &who : {kBuyer, kSeller}) {
            auto client = std::make_shared<net::StreamClient>();
            QUrl url = m_fx.service().baseUrl();
            url.setScheme(QStringLiteral("wss"));
            url.setPath(QStringLiteral("/v1/stream"));
            client->setUrl(url);
            client->setSslConfiguration(m_fx.onboard(who).value());
            QSignalSpy snapshot(client.get(), &net::StreamClient::snapshotReceived);
            updates.append(std::make_shared<QSignalSpy>(client.get(), &net::StreamClient::messageReceived));
            client->subscribe({api::channel::settlements(who)});
            client->open();
            QTRY_COMPARE(snapshot.count(), 1);
            // The settlement of C is there already.
            QCOMPARE(snapshot.at(0).at(2).value<QJsonValue>()[QStringLiteral("settlements")].toArray().size(),
                     1);
            clients.append(client);
        }

        advanceTo(m_end + 10);
        const api::Contract k = contract(m_a);
        QCOMPARE(k.state, api::ContractState::Expired);
        // Two of three VMs ran the hour; one of them was down for 10 minutes.
        const QList<api::UsageHour> hours{{m_start, QStringLiteral("web-1"), 3600, 3600, 3600},
                                          {m_start, QStringLiteral("web-2"), 3000, 3600, 3000}};
        QCOMPARE(report(QStringLiteral("s-one"), m_a, true, hours).status, 200);
        std::optional<api::Settlement> s;
        QTRY_VERIFY((s = settlement(m_a)).has_value());
        QCOMPARE(s->contractId, m_a);
        QCOMPARE(s->buyer, kBuyer);
        QCOMPARE(s->seller, kSeller);
        QCOMPARE(s->state, api::SettlementState::Final);
        QCOMPARE(s->hours, 1);
        QCOMPARE(s->quantity, kQuantity);
        QCOMPARE(s->price, kPrice);
        const qint64 gross = kPrice * kQuantity * 1;
        QCOMPARE(s->gross, gross);
        const qint64 availability = 10000 * 6600 / 7200; // 9166
        QCOMPARE(s->availabilityBasisPoints, availability);
        const qint64 percent = creditPercent(k, availability);
        QVERIFY(percent > 0);
        QCOMPARE(s->creditPercent, percent);
        QCOMPARE(s->credit, rounded(gross, percent, 100));
        QCOMPARE(s->net, gross - s->credit);
        QCOMPARE(s.value(), settlement(m_a, kSeller).value()); // both parties read the same
        for (const auto &spy : updates) {
            QTRY_COMPARE(spy->count(), 1);
            const QJsonObject update = spy->at(0).at(2).value<QJsonValue>().toObject();
            QCOMPARE(api::Settlement::fromJson(update).value(), s.value());
        }
        QCOMPARE(m_fx.curl(QStringLiteral("p-seller2"), QStringLiteral("GET"),
                           QStringLiteral("/v1/settlements/") + m_a)
                     .status,
                 404);
    }

    void estimatedAtTheDeadline()
    {
        // B has a report that never became final; D none at all.
        QCOMPARE(report(QStringLiteral("s-two"), m_b, false,
                        {{m_start, QStringLiteral("app-1"), 3600, 3600, 1800}})
                     .status,
                 200);
        advanceTo(m_end + 3599);
        QVERIFY(!settlement(m_b).has_value());
        advanceTo(m_end + 3600);
        std::optional<api::Settlement> b;
        QTRY_VERIFY((b = settlement(m_b)).has_value());
        QCOMPARE(b->state, api::SettlementState::Estimated);
        QCOMPARE(b->availabilityBasisPoints, 5000);
        const api::Contract k = contract(m_b);
        QCOMPARE(b->creditPercent, creditPercent(k, 5000));
        QCOMPARE(b->net, b->gross - rounded(b->gross, b->creditPercent, 100));
        const auto d = settlement(m_d);
        QVERIFY(d.has_value());
        QCOMPARE(d->state, api::SettlementState::Estimated);
        QCOMPARE(d->availabilityBasisPoints, 10000); // nothing was expected
        QCOMPARE(d->credit, 0);
        QCOMPARE(d->net, kPrice * kQuantity);

        const CurlResult list = m_fx.curl(kBuyer, QStringLiteral("GET"), QStringLiteral("/v1/settlements"));
        auto all = api::listFromJson<api::Settlement>(list.json(), api::Settlement::kListKey,
                                                      api::ParseMode::Strict);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 5);
        const CurlResult second =
            m_fx.curl(kSeller2, QStringLiteral("GET"), QStringLiteral("/v1/settlements"));
        QCOMPARE(second.json()[QStringLiteral("settlements")].toArray().size(), 1); // E only
    }

    void clockOffsetMovesTheMarketOnly()
    {
        QTemporaryDir dir;
        exchange::ExchangeService::Config config;
        config.directory = dir.path();
        config.products = {catalogue::Catalogue::standard().parseProduct(kProduct).value()};
        config.horizon = {3, 1, 0, 0, 0};
        config.clockIntervalMs = 0;
        config.clockOffsetSecs = 7200;
        ManualClock clock(1'796'130'000'000);
        exchange::ExchangeService service(clock);
        QVERIFY(service.open(config).ok());
        QCOMPARE(service.exchange().nowSecs(), 1'796'130'000 + 7200);
        // The CA keeps the service's clock: its server certificate is valid now.
        const auto issuedAt = service.authority().certificateCount();
        QVERIFY(issuedAt > 0);
        OffsetClock shifted(clock, -1000);
        QCOMPARE(shifted.nowMs(), 1'796'130'000'000 - 1000);
        clock.advanceMs(500);
        QCOMPARE(shifted.nowMs(), 1'796'129'999'500);
    }

    void survivesRestart()
    {
        QVERIFY(m_fx.market().flush());
        // The start ticks the clock (refused: time went forward here), so the engine digest
        // moves; the seller's ledger must come back byte for byte.
        const auto ledger = [this] {
            market::Writer out;
            m_fx.market().engine().sites().serialize(out);
            return out.take();
        };
        const std::string bytes = ledger();
        QMap<QString, QJsonObject> before;
        for (const QString &code : {m_a, m_b, m_c, m_d, m_e}) {
            before.insert(
                code,
                m_fx.curl(kBuyer, QStringLiteral("GET"), QStringLiteral("/v1/settlements/") + code).json());
            before.insert(code + u'k', contract(code).toJson());
        }
        const QJsonObject sites =
            m_fx.curl(kSeller, QStringLiteral("GET"), QStringLiteral("/v1/sites")).json();

        QVERIFY(m_fx.restart());
        QVERIFY(ledger() == bytes);
        for (const QString &code : {m_a, m_b, m_c, m_d, m_e}) {
            QCOMPARE(
                m_fx.curl(kBuyer, QStringLiteral("GET"), QStringLiteral("/v1/settlements/") + code).json(),
                before.value(code));
            QCOMPARE(contract(code).toJson(), before.value(code + u'k'));
        }
        QCOMPARE(m_fx.curl(kSeller, QStringLiteral("GET"), QStringLiteral("/v1/sites")).json(), sites);
        QCOMPARE(report(QStringLiteral("s-one"), m_a, true, {}).status, 409);
    }
};

QTEST_GUILESS_MAIN(TestSites)
#include "tst_sites.moc"
