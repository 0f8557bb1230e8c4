// The whole chain from a buyer's crossing order to its VM running at the seller's site, all
// real code paths over loopback TLS in one process: the exchange service (journal, engine,
// CA, API and stream), two sellers' sites (connect agent on libvirt's test driver, the
// connect API, the exchange link following contracts@<seller>), and a buyer using the desk
// layer (ExchangeClient for order, contract and certificate, SiteClient for the site).
//
// Clocks are injected so the contract's window opens right after the trade: the market
// clock stands a minute before the hour H being traded, the sites' clocks run from H + 5 s.
//
//   cloudex-bench chain [--chains N]          (default 120)
//
// trade_to_vm_*: from the buyer's order (the seller's ask already rests) to the VM reported
// running by the site: order → contract → key + CSR → certificate → site holds the
// contract → POST /v1/vms → running (seen through the VM long poll, as the desk sees it).
#include "benchexchange.h"
#include "benchsuite.h"

#include "catalogue/catalogue.h"
#include "connect/connectagent.h"
#include "connect/connectjob.h"
#include "connect/connectserver.h"
#include "connect/embeddedsite.h"
#include "connect/exchangelink.h"
#include "core/clock.h"
#include "desk/exchangeclient.h"
#include "desk/siteclient.h"
#include "pki/certificateverifier.h"
#include "pki/privatekey.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>

namespace {
using namespace cloudex;

constexpr int kDefaultChains = 120;
constexpr qint64 kPrice = 1500;
constexpr qint64 kHourS = 3600;
constexpr qint64 kMsPerS = 1000;
constexpr int kCallTimeoutMs = 15'000;
constexpr double kNsPerMs = 1e6;
const QString kProduct = QStringLiteral("DE.GP2.SH.S1");

using bench::await;

/// Runs the event loop until `sender` emits `signal` (or the timeout); true when it did.
template<typename O, typename S> bool awaitSignal(O *sender, S signal, int timeoutMs = kCallTimeoutMs)
{
    bool emitted = false;
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, [&] {
        emitted = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return emitted;
}

double percentile(QList<double> values, int p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(values.size() - 1, (values.size() * p + 99) / 100 - 1);
    return values.at(std::max<qsizetype>(0, index));
}

/// One seller's site, as cloudex-connect runs it: agent, connect API, exchange link.
struct Site
{
    std::unique_ptr<OffsetClock> clock;
    std::unique_ptr<connect::ConnectAgent> agent;
    std::unique_ptr<connect::ConnectServer> server;
    std::unique_ptr<connect::ExchangeLink> link;
};

Result<QSslConfiguration> siteIdentity(bench::BenchExchange &exchange, const QString &seller,
                                       const QString &siteId)
{
    auto key = pki::PrivateKey::generate();
    if (!key)
        return key.error();
    auto csr =
        pki::createCertificateRequest(key.value(), {seller, siteId, {QStringLiteral("localhost")}, {}});
    if (!csr)
        return csr.error();
    pki::IdentityRequest request;
    request.kind = pki::CertificateKind::Site;
    request.participant = seller;
    request.name = siteId;
    request.organisation = seller;
    request.role = QStringLiteral("site");
    request.dnsNames = {QStringLiteral("localhost")};
    auto issued = exchange.service.issueIdentity(csr.value(), request);
    if (!issued)
        return issued.error();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPrivateKey(QSslKey(key->toPem().value(), QSsl::Ec));
    tls.setLocalCertificate(QSslCertificate(issued->der, QSsl::Der));
    tls.setCaCertificates(QSslCertificate::fromData(exchange.service.caCertificatePem()));
    return tls;
}

Result<void> startSite(Site &site, bench::BenchExchange &exchange, const QString &seller,
                       const QString &siteId, qint64 siteNowMs, const QString &dataDir)
{
    auto tls = siteIdentity(exchange, seller, siteId);
    if (!tls)
        return tls.error();
    site.clock =
        std::make_unique<OffsetClock>(SystemClock::instance(), siteNowMs - SystemClock::instance().nowMs());
    QDir().mkpath(dataDir);
    // One large test-driver host: capacity is not what this measures.
    const QString node = dataDir + QStringLiteral("/big.xml");
    QFile file(node);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("bench.io"), file.errorString()};
    file.write(
        connect::EmbeddedSite::nodeXml({QStringLiteral("big"), 4096, 16LL * 1024 * 1024}, {}).toUtf8());
    file.close();
    site.agent = std::make_unique<connect::ConnectAgent>(connect::ConnectAgent::Options{
        dataDir, connect::ConnectAgent::kDefaultReconcileIntervalMs, site.clock.get()});
    if (auto opened = site.agent->open(); !opened)
        return opened;
    if (auto added =
            site.agent->addConnection(QStringLiteral("test://") + node, QStringLiteral("big"))->wait();
        !added)
        return added;
    if (auto started = site.agent->start()->wait(); !started)
        return started;
    connect::ConnectServer::Options options;
    options.seller = seller;
    options.siteId = siteId;
    site.server = std::make_unique<connect::ConnectServer>(*site.agent, *site.clock, options);
    if (auto anchored = site.server->setTrustAnchor(tls->caCertificates().value(0).toDer()); !anchored)
        return anchored;
    net::ApiServer::Config api;
    api.address = QHostAddress::LocalHost;
    api.port = 0;
    api.tls = *tls;
    auto port = site.server->listen(api);
    if (!port)
        return port.error();
    connect::ExchangeLink::Options link;
    link.exchange = exchange.service.baseUrl();
    link.tls = *tls;
    link.siteId = siteId;
    link.seller = seller;
    link.name = siteId;
    link.endpoint = QStringLiteral("https://localhost:%1").arg(*port);
    link.products = {kProduct};
    site.link = std::make_unique<connect::ExchangeLink>(*site.server, link);
    QTimer::singleShot(0, site.link.get(), &connect::ExchangeLink::start);
    if (!awaitSignal(site.link.get(), &connect::ExchangeLink::registered))
        return Error{QStringLiteral("bench.site"), QStringLiteral("site %1 did not register").arg(siteId)};
    // The CRL pull started with the registration; one more pull settles it.
    site.link->pullCrl();
    if (!awaitSignal(site.link.get(), &connect::ExchangeLink::crlApplied))
        return Error{QStringLiteral("bench.site"), QStringLiteral("site %1 has no CRL").arg(siteId)};
    return {};
}

QJsonObject fail(const QString &what, const QString &why)
{
    return {{QStringLiteral("error"), QString(what + QStringLiteral(": ") + why)}};
}

QJsonObject runChain(const QStringList &arguments)
{
    int chains = kDefaultChains;
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--chains")); at >= 0)
        chains = std::max(1, arguments.value(at + 1).toInt());

    // The hour traded: two hours ahead of the system clock, so the CA's and TLS's system
    // time never meets it; the market stands a minute before it (no clock ticks).
    const qint64 nowS = SystemClock::instance().nowMs() / kMsPerS;
    const qint64 hour = (nowS / kHourS + 2) * kHourS;
    bench::BenchExchange exchange;
    exchange::ExchangeService::Config config;
    config.directory = exchange.dir.filePath(QStringLiteral("exchange"));
    config.products = {catalogue::Catalogue::standard().parseProduct(kProduct).value()};
    config.horizon = {3, 0, 0, 0, 0};
    config.clockIntervalMs = 0;
    config.clockOffsetSecs = hour - 60 - nowS;
    config.rateBurst = 1'000'000;
    config.ratePerSecond = 1'000'000;
    config.snapshotEvery = 0;
    if (auto opened = exchange.service.open(config); !opened)
        return fail(QStringLiteral("exchange"), opened.error().message);

    auto buyerTls = exchange.trader(QStringLiteral("p-buyer"));
    if (!buyerTls)
        return fail(QStringLiteral("buyer"), buyerTls.error().message);
    const QStringList sellers{QStringLiteral("p-seller-a"), QStringLiteral("p-seller-b")};
    std::vector<std::unique_ptr<desk::ExchangeClient>> sellerClients;
    std::vector<Site> sites(sellers.size());
    for (qsizetype i = 0; i < sellers.size(); ++i) {
        auto tls = exchange.trader(sellers.at(i));
        if (!tls)
            return fail(sellers.at(i), tls.error().message);
        sellerClients.push_back(std::make_unique<desk::ExchangeClient>(exchange.service.baseUrl(), *tls));
        const QString siteId = QStringLiteral("s-%1").arg(QChar(char16_t(u'a' + i)));
        if (auto started = startSite(sites[i], exchange, sellers.at(i), siteId, (hour + 5) * kMsPerS,
                                     exchange.dir.filePath(siteId));
            !started)
            return fail(siteId, started.error().message);
    }
    desk::ExchangeClient buyer(exchange.service.baseUrl(), *buyerTls);

    // The instrument of the hour, and what a buyer's desk knows: the root and the CRL.
    auto *instruments = await(buyer.instruments());
    QString symbol;
    for (const api::Instrument &instrument : instruments->value()) {
        if (instrument.kind == u"H" && instrument.deliveryStart == hour)
            symbol = instrument.symbol;
    }
    if (symbol.isEmpty())
        return fail(QStringLiteral("instruments"), QStringLiteral("no hourly instrument at %1").arg(hour));
    auto *root = await(buyer.caCertificate());
    auto *crl = await(buyer.crl());
    auto verifier = std::make_shared<pki::CertificateVerifier>();
    if (!root->ok() || !crl->ok() || !verifier->setTrustAnchor(root->value()) ||
        !verifier->setCrl(crl->value()))
        return fail(QStringLiteral("root"), root->errorString() + crl->errorString());

    QList<double> totals;
    QList<double> toContract;
    QList<double> toCertificate;
    QList<double> toHeld;
    QList<double> toRunning;
    for (int i = 0; i < chains; ++i) {
        desk::ExchangeClient &seller = *sellerClients[size_t(i) % sellerClients.size()];
        api::OrderRequest order;
        order.symbol = symbol;
        order.type = api::OrderType::Limit;
        order.timeInForce = api::TimeInForce::GoodTillCancel;
        order.price = kPrice;
        order.quantity = 1;
        order.side = api::Side::Sell;
        if (auto *ask = await(seller.submit(order)); !ask->ok())
            return fail(QStringLiteral("ask"), ask->errorString());

        // --- measured from here ---
        QElapsedTimer timer;
        timer.start();
        order.side = api::Side::Buy;
        order.timeInForce = api::TimeInForce::ImmediateOrCancel;
        auto *bought = await(buyer.submit(order));
        if (!bought->ok() || bought->value().trades.isEmpty())
            return fail(QStringLiteral("order"), bought->errorString());
        const qint64 tradeId = bought->value().trades.constFirst().id;
        std::optional<api::Contract> contract;
        auto *contracts = await(buyer.contracts());
        for (const api::Contract &c : contracts->value()) {
            if (c.trade == tradeId)
                contract = c;
        }
        if (!contract || !contract->site)
            return fail(QStringLiteral("contract"), QStringLiteral("no contract with a site for the trade"));
        toContract.append(double(timer.nsecsElapsed()) / kNsPerMs);

        auto key = pki::PrivateKey::generate();
        auto csr =
            pki::createCertificateRequest(key.value(), {QStringLiteral("p-buyer"), contract->id, {}, {}});
        if (!csr)
            return fail(QStringLiteral("csr"), csr.error().message);
        auto *issued = await(buyer.requestContractCertificate(contract->id, csr.value()));
        if (!issued->ok())
            return fail(QStringLiteral("certificate"), issued->errorString());
        toCertificate.append(double(timer.nsecsElapsed()) / kNsPerMs);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setPrivateKey(QSslKey(key->toPem().value(), QSsl::Ec));
        tls.setLocalCertificate(QSslCertificate(issued->value().certificate.toLatin1()));
        tls.setCaCertificates({QSslCertificate(root->value(), QSsl::Der)});
        desk::SiteClient site(contract->id, *contract->site, tls, verifier);

        // The site learns of the contract from the stream: until then it does not know it.
        for (;;) {
            auto *held = await(site.contract());
            if (held->ok())
                break;
            if (held->error() != u"connect.unknown-contract")
                return fail(QStringLiteral("site"), held->errorString());
            bench::wait(2);
        }
        toHeld.append(double(timer.nsecsElapsed()) / kNsPerMs);

        auto *listed = await(site.vms());
        if (!listed->ok())
            return fail(QStringLiteral("vms"), listed->errorString());
        qint64 seq = listed->value().seq;
        desk::SiteOperation *create = site.create(QStringLiteral("vm-1"), QString());
        bool running = false;
        while (!running) {
            auto *changed = await(site.vms(seq, 10));
            if (!changed->ok())
                return fail(QStringLiteral("long poll"), changed->errorString());
            seq = changed->value().seq;
            for (const api::Vm &vm : changed->value().vms)
                running = running || (vm.name == u"vm-1" && vm.state == api::VmState::Running);
            if (create->isFinished() && !create->result())
                return fail(QStringLiteral("create"), create->errorString());
        }
        const double total = double(timer.nsecsElapsed()) / kNsPerMs;
        toRunning.append(total - toHeld.constLast());
        totals.append(total);
        await(create);
    }

    QJsonObject figures;
    figures.insert(QStringLiteral("chains"), chains);
    figures.insert(QStringLiteral("trade_to_vm_p50_ms"), percentile(totals, 50));
    figures.insert(QStringLiteral("trade_to_vm_p95_ms"), percentile(totals, 95));
    figures.insert(QStringLiteral("trade_to_vm_max_ms"), percentile(totals, 100));
    figures.insert(QStringLiteral("order_to_contract_p50_ms"), percentile(toContract, 50));
    figures.insert(QStringLiteral("order_to_certificate_p50_ms"), percentile(toCertificate, 50));
    figures.insert(QStringLiteral("order_to_site_holds_p50_ms"), percentile(toHeld, 50));
    figures.insert(QStringLiteral("post_to_running_p50_ms"), percentile(toRunning, 50));
    return figures;
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("chain"),
    QStringLiteral("buyer's crossing order to its VM running at the seller's site (trade_to_vm_p95_ms)"),
    runChain);
} // namespace
