// The connect API at a large site (issue #12, "Benchmarks"): the exchange CA (real
// backend/pki code) has revoked 100,000 contract certificates and the site holds 10,000
// contracts with 50,000 VMs on libvirt's test driver; one more 5-VM contract is measured.
//
//   cloudex-bench connect_api [--revoked N] [--contracts N] [--vms-per-contract N]
//                             [--rounds N] [--lists N] [--hosts N] [--reconcile-ms N]
//
// admission_*_us: the admission decision ConnectServer takes on every request's peer
// certificate (ConnectServer::admit: the backend/pki verifier on the agent's clock, with the
// CRL and the held contracts, then the contract lookup and the revocation events), for
// contract certificates not seen before, one per held contract. The TLS handshake is not
// in it.
// create_vm_*_ms: POST /v1/vms over mutual TLS (desk::SiteClient, keep-alive connections)
// until the VM is seen running through the VM long poll; delete_vm_*_ms likewise until it is
// seen deleted. Rounds of 5 creates and 5 deletes. The agent's periodic inventory pass runs
// as in production (every 15 s; --reconcile-ms 0 turns it off to see the jobs alone).
// list_vms_*_ms: GET /v1/vms of the 5-VM contract over the same client.
// offer_site_read_*_ms: OfferTrader::readSite, what the offer trader reads of the site every
// pass (capacity pools less the site's own VMs, held contracts, offers), until read on a pool
// thread; offer_site_agent_max_ms: the part the agent's thread is held (copying its hosts).
#include "benchexchange.h"
#include "benchsuite.h"
#include "exchangeload.h"

#include "api/contract.h"
#include "catalogue/catalogue.h"
#include "connect/agentstore.h"
#include "connect/connectagent.h"
#include "connect/connectserver.h"
#include "connect/embeddedsite.h"
#include "connect/offertrader.h"
#include "core/clock.h"
#include "desk/siteclient.h"
#include "pki/certificateauthority.h"
#include "pki/certificateverifier.h"
#include "pki/privatekey.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFuture>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace {
using namespace cloudex;

constexpr int kDefaultRevoked = 100'000;
constexpr int kDefaultContracts = 10'000;
constexpr int kDefaultVmsPerContract = 5;
constexpr int kDefaultRounds = 40;
constexpr int kDefaultLists = 1000;
constexpr int kDefaultHosts = 25;
constexpr int kHostCpus = 4096;
constexpr qint64 kHostMemoryMiB = 64LL * 1024 * 1024;
constexpr int kBatch = 1000;
constexpr int kBuyers = 100;
constexpr qint64 kMsPerS = 1000;
constexpr qint64 kHourMs = 3'600'000;
constexpr int kCallTimeoutMs = 15'000;
constexpr double kNsPerUs = 1e3;
constexpr double kNsPerMs = 1e6;
const QString kProduct = QStringLiteral("DE.GP2.SH.S1");
const QString kSeller = QStringLiteral("p-seller");
const QString kSiteId = QStringLiteral("s-big");
const QString kMeasured = QStringLiteral("c-measured");
const QString kMeasuredBuyer = QStringLiteral("p-buyer-measured");

using bench::await;

double percentile(QList<double> values, int p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(values.size() - 1, (values.size() * p + 99) / 100 - 1);
    return values.at(std::max<qsizetype>(0, index));
}

double rounded(double value, int digits)
{
    const double scale = std::pow(10.0, digits);
    return std::round(value * scale) / scale;
}

QJsonObject fail(const QString &what, const QString &why)
{
    return {{QStringLiteral("error"), QString(what + QStringLiteral(": ") + why)}};
}

QString contractId(int i)
{
    return QStringLiteral("c-%1").arg(i, 6, 10, QLatin1Char('0'));
}

QString buyerOf(int i)
{
    return QStringLiteral("p-buyer-%1").arg(i % kBuyers, 3, 10, QLatin1Char('0'));
}

QString hostId(int h)
{
    return QStringLiteral("h%1").arg(h, 2, 10, QLatin1Char('0'));
}

/// One test-driver host (a node file) already running `domains` (GP2-sized).
Result<QString> writeHost(const QString &dir, int h, const QStringList &domains)
{
    QString xml = connect::EmbeddedSite::nodeXml({hostId(h), kHostCpus, kHostMemoryMiB}, {});
    QString body;
    body.reserve(domains.size() * 150);
    for (const QString &name : domains) {
        body += QStringLiteral("<domain type='test'><name>%1</name><memory unit='MiB'>8192</memory>"
                               "<vcpu>2</vcpu><os><type>hvm</type></os></domain>\n")
                    .arg(name);
    }
    xml.replace(QStringLiteral("</node>"), body + QStringLiteral("</node>"));
    const QString path = dir + u'/' + hostId(h) + QStringLiteral(".xml");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(xml.toUtf8()) < 0)
        return Error{QStringLiteral("bench.io"), file.errorString()};
    return path;
}

/// The CA with `revoked` revoked contract certificates and one live certificate for each
/// held contract; what the site and the buyer need of it.
struct Pki
{
    std::unique_ptr<pki::CertificateAuthority> ca;
    QByteArray crl;
    QList<QByteArray> heldCertificates; ///< DER, one per held contract, in contract order
    QList<QByteArray> revokedSample;    ///< DER of some revoked certificates
    QSslConfiguration siteTls;
    QSslConfiguration buyerTls; ///< the measured contract's certificate
    double issueSeconds = 0;
};

Result<Pki> makePki(const QString &dir, int revoked, const QList<pki::ContractTerms> &held,
                    const pki::ContractTerms &measured)
{
    Pki out;
    pki::CaOptions options;
    options.directory = dir;
    options.crlLifetimeMs = 6 * kHourMs;
    auto ca = pki::CertificateAuthority::open(options);
    if (!ca)
        return ca.error();
    out.ca = std::move(ca).value();
    // One key per buyer (a CSR names its participant); every certificate is distinct anyway.
    QHash<QString, QByteArray> csrs;
    for (int i = 0; i < kBuyers; ++i) {
        auto key = pki::PrivateKey::generate();
        if (!key)
            return key.error();
        auto csr = pki::createCertificateRequest(*key, {buyerOf(i), QStringLiteral("x"), {}, {}});
        if (!csr)
            return csr.error();
        csrs.insert(buyerOf(i), *csr);
    }
    // The revoked ones: contracts of past trades, issued and then revoked through the CA.
    pki::InMemoryContractDirectory contracts;
    const qint64 now = SystemClock::instance().nowMs() / kMsPerS * kMsPerS;
    QElapsedTimer timer;
    timer.start();
    QStringList serials;
    for (int from = 0; from < revoked; from += kBatch) {
        QList<pki::ContractCertificateRequest> requests;
        for (int i = from; i < std::min(revoked, from + kBatch); ++i) {
            const QString id = QStringLiteral("r-%1").arg(i, 6, 10, QLatin1Char('0'));
            const QString buyer = buyerOf(i);
            contracts.insert(
                {id, buyer, kSeller, kProduct + QStringLiteral(".H"), 1, now - kHourMs, now + kHourMs});
            requests.append({csrs.value(buyer), id, buyer, QStringLiteral("u-buyer")});
        }
        for (const auto &issued : out.ca->issueContractCertificates(requests, contracts)) {
            if (!issued)
                return issued.error();
            serials.append(issued->serial);
            if (out.revokedSample.size() < 100)
                out.revokedSample.append(issued->der);
        }
    }
    if (auto done = out.ca->revoke(serials, pki::RevocationReason::CessationOfOperation); !done)
        return done.error();
    // The live ones: a certificate for each held contract.
    for (const pki::ContractTerms &terms : held)
        contracts.insert(terms);
    contracts.insert(measured);
    for (qsizetype from = 0; from < held.size(); from += kBatch) {
        QList<pki::ContractCertificateRequest> requests;
        for (qsizetype i = from; i < std::min(held.size(), from + kBatch); ++i)
            requests.append(
                {csrs.value(held.at(i).buyer), held.at(i).id, held.at(i).buyer, QStringLiteral("u-buyer")});
        for (const auto &issued : out.ca->issueContractCertificates(requests, contracts)) {
            if (!issued)
                return issued.error();
            out.heldCertificates.append(issued->der);
        }
    }
    out.issueSeconds = double(timer.nsecsElapsed()) / 1e9;
    auto crl = out.ca->publishCrl();
    if (!crl)
        return crl.error();
    out.crl = *crl;

    // The site's identity (server certificate for localhost) and the measured buyer's key.
    auto siteKey = pki::PrivateKey::generate();
    auto siteCsr =
        pki::createCertificateRequest(*siteKey, {kSeller, kSiteId, {QStringLiteral("localhost")}, {}});
    if (!siteCsr)
        return siteCsr.error();
    pki::IdentityRequest site;
    site.kind = pki::CertificateKind::Site;
    site.participant = kSeller;
    site.name = kSiteId;
    site.organisation = kSeller;
    site.role = QStringLiteral("site");
    site.dnsNames = {QStringLiteral("localhost")};
    auto siteCertificate = out.ca->issueIdentity(*siteCsr, site);
    if (!siteCertificate)
        return siteCertificate.error();
    const QSslCertificate root(out.ca->rootCertificate(), QSsl::Der);
    out.siteTls = QSslConfiguration::defaultConfiguration();
    out.siteTls.setPrivateKey(QSslKey(siteKey->toPem().value(), QSsl::Ec));
    out.siteTls.setLocalCertificate(QSslCertificate(siteCertificate->der, QSsl::Der));
    out.siteTls.setCaCertificates({root});

    auto buyerKey = pki::PrivateKey::generate();
    auto buyerCsr = pki::createCertificateRequest(*buyerKey, {measured.buyer, measured.id, {}, {}});
    if (!buyerCsr)
        return buyerCsr.error();
    auto buyerCertificate = out.ca->issueContractCertificate(
        {*buyerCsr, measured.id, measured.buyer, QStringLiteral("u-buyer")}, contracts);
    if (!buyerCertificate)
        return buyerCertificate.error();
    out.buyerTls = QSslConfiguration::defaultConfiguration();
    out.buyerTls.setPrivateKey(QSslKey(buyerKey->toPem().value(), QSsl::Ec));
    out.buyerTls.setLocalCertificate(QSslCertificate(buyerCertificate->der, QSsl::Der));
    out.buyerTls.setCaCertificates({root});
    return out;
}

connect::HeldContractRecord heldRecord(const pki::ContractTerms &terms)
{
    connect::HeldContractRecord c;
    c.id = terms.id;
    c.buyer = terms.buyer;
    c.seller = terms.seller;
    c.product = kProduct;
    c.instrument = terms.instrument;
    c.quantity = terms.volume;
    c.startMs = terms.startMs;
    c.endMs = terms.endMs;
    c.state = QStringLiteral("active");
    return c;
}

QJsonObject runConnectApi(const QStringList &arguments)
{
    const int revoked = int(bench::argument(arguments, QStringLiteral("--revoked"), kDefaultRevoked));
    const int contractCount =
        std::max(1, int(bench::argument(arguments, QStringLiteral("--contracts"), kDefaultContracts)));
    const int perContract =
        int(bench::argument(arguments, QStringLiteral("--vms-per-contract"), kDefaultVmsPerContract));
    const int rounds =
        std::max(1, int(bench::argument(arguments, QStringLiteral("--rounds"), kDefaultRounds)));
    const int lists = std::max(1, int(bench::argument(arguments, QStringLiteral("--lists"), kDefaultLists)));
    const int hosts = std::max(1, int(bench::argument(arguments, QStringLiteral("--hosts"), kDefaultHosts)));
    const int reconcileMs = int(bench::argument(arguments, QStringLiteral("--reconcile-ms"),
                                                connect::ConnectAgent::kDefaultReconcileIntervalMs));
    QTemporaryDir dir;
    QElapsedTimer setup;
    setup.start();

    // The contracts: 10,000 held (the window open since a minute, for an hour), each with
    // its VMs; one more, the measured one, with 5 instances and no VM yet.
    const qint64 startMs = (SystemClock::instance().nowMs() / kMsPerS - 60) * kMsPerS;
    const qint64 endMs = startMs + kHourMs;
    const QString instrument = kProduct + QStringLiteral(".H");
    QList<pki::ContractTerms> held;
    held.reserve(contractCount - 1);
    for (int i = 0; i < contractCount - 1; ++i)
        held.append({contractId(i), buyerOf(i), kSeller, instrument, perContract, startMs, endMs});
    const pki::ContractTerms measured{kMeasured, kMeasuredBuyer, kSeller, instrument, 5, startMs, endMs};

    auto madePki = makePki(dir.filePath(QStringLiteral("ca")), revoked, held, measured);
    if (!madePki)
        return fail(QStringLiteral("pki"), madePki.error().message);
    Pki &keys = madePki.value();

    // The site's records and hosts, as the agent keeps them: the VMs of every held contract
    // on test-driver hosts (running), placed, recorded with their contract and metered.
    const QString agentDir = dir.filePath(QStringLiteral("agent"));
    QDir().mkpath(agentDir);
    QList<QStringList> domainsOf(hosts);
    {
        connect::AgentStore store;
        if (auto opened = store.open(QDir(agentDir).filePath(QStringLiteral("connect.sqlite"))); !opened)
            return fail(QStringLiteral("records"), opened.error().message);
        // In one transaction: the fixture, not what is measured.
        const auto written = store.inTransaction([&]() -> Result<void> {
            QSet<QString> buyers{kMeasuredBuyer};
            for (const pki::ContractTerms &terms : std::as_const(held))
                buyers.insert(terms.buyer);
            for (const QString &buyer : std::as_const(buyers)) {
                if (auto saved = store.saveTenant({buyer, buyer}); !saved)
                    return saved;
            }
            int n = 0;
            for (const pki::ContractTerms &terms : std::as_const(held)) {
                if (auto saved = store.saveContract(heldRecord(terms)); !saved)
                    return saved;
                for (int v = 1; v <= perContract; ++v, ++n) {
                    const QString name = QStringLiteral("vm-%1").arg(v);
                    const QString domain = terms.id + u'-' + name;
                    const int h = n % hosts;
                    domainsOf[h].append(domain);
                    if (auto saved = store.saveVm({domain,
                                                   terms.buyer,
                                                   hostId(h),
                                                   catalogue::Tenancy::Shared,
                                                   {},
                                                   2,
                                                   8192,
                                                   true,
                                                   startMs});
                        !saved)
                        return saved;
                    if (auto saved = store.saveContractVm({terms.id, name, domain, {}, startMs}); !saved)
                        return saved;
                    for (const QString &kind : {QStringLiteral("expected"), QStringLiteral("available")}) {
                        if (auto opened = store.openInterval(terms.id, name, kind, startMs); !opened)
                            return opened;
                    }
                }
            }
            if (auto saved = store.saveContract(heldRecord(measured)); !saved)
                return saved;
            for (int h = 0; h < hosts; ++h) {
                auto path = writeHost(agentDir, h, domainsOf.at(h));
                if (!path)
                    return path.error();
                if (auto saved = store.saveConnection({connect::ConnectionRecord::Kind::Libvirt,
                                                       QStringLiteral("test://") + *path,
                                                       {},
                                                       hostId(h)});
                    !saved)
                    return saved;
            }
            return {};
        });
        if (!written)
            return fail(QStringLiteral("records"), written.error().message);
    }
    const qsizetype siteVms = std::accumulate(domainsOf.cbegin(), domainsOf.cend(), qsizetype(0),
                                              [](qsizetype n, const QStringList &l) { return n + l.size(); });

    // The site: agent (its periodic inventory pass on, as in production), connect API.
    connect::ConnectAgent agent({agentDir, reconcileMs, nullptr});
    if (auto opened = agent.open(); !opened)
        return fail(QStringLiteral("agent"), opened.error().message);
    if (auto started = agent.start()->wait(); !started)
        return fail(QStringLiteral("agent"), started.error().message);
    // Connecting ends with an inventory pass; one more settles it before anything is timed.
    if (auto reconciled = agent.reconcile()->wait(); !reconciled)
        return fail(QStringLiteral("agent"), reconciled.error().message);
    connect::ConnectServer::Options options;
    options.seller = kSeller;
    options.siteId = kSiteId;
    connect::ConnectServer server(agent, SystemClock::instance(), options);
    if (auto anchored = server.setTrustAnchor(keys.ca->rootCertificate()); !anchored)
        return fail(QStringLiteral("site"), anchored.error().message);
    if (auto applied = server.applyCrl(keys.crl); !applied)
        return fail(QStringLiteral("site"), applied.error().message);
    net::ApiServer::Config api;
    api.address = QHostAddress::LocalHost;
    api.tls = keys.siteTls;
    // One client asks back to back: latency is measured here, not the per-buyer rate limit.
    api.rateBurst = 1'000'000;
    api.ratePerSecond = 1'000'000;
    auto port = server.listen(api);
    if (!port)
        return fail(QStringLiteral("site"), port.error().message);
    const double setupSeconds = double(setup.nsecsElapsed()) / 1e9;

    QJsonObject figures;
    QStringList checksFailed;
    figures.insert(QStringLiteral("crl_entries"), revoked);
    figures.insert(QStringLiteral("crl_bytes"), keys.crl.size());
    figures.insert(QStringLiteral("held_contracts"), server.heldContracts().size());
    figures.insert(QStringLiteral("site_vms"), siteVms);
    figures.insert(QStringLiteral("setup_s"), rounded(setupSeconds, 1));
    figures.insert(QStringLiteral("reconcile_ms"), reconcileMs);

    // --- admission: every held contract's certificate, each presented once ---
    QList<QSslCertificate> certificates;
    certificates.reserve(keys.heldCertificates.size());
    for (const QByteArray &der : std::as_const(keys.heldCertificates))
        certificates.append(QSslCertificate(der, QSsl::Der));
    QList<double> admissions;
    admissions.reserve(certificates.size());
    int refused = 0;
    for (qsizetype i = 0; i < certificates.size(); ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto admitted = server.admit(certificates.at(i));
        admissions.append(double(timer.nsecsElapsed()) / kNsPerUs);
        if (admitted.contract != held.at(i).id)
            ++refused;
    }
    int revokedAdmitted = 0;
    for (const QByteArray &der : std::as_const(keys.revokedSample)) {
        if (server.admit(QSslCertificate(der, QSsl::Der)).refusal != u"connect.revoked")
            ++revokedAdmitted;
    }
    if (revokedAdmitted > 0)
        checksFailed.append(
            QStringLiteral("%1 revoked certificates were not refused as revoked").arg(revokedAdmitted));
    figures.insert(QStringLiteral("admissions"), admissions.size());
    figures.insert(QStringLiteral("refused"), refused);
    figures.insert(QStringLiteral("admission_p50_us"), rounded(percentile(admissions, 50), 1));
    figures.insert(QStringLiteral("admission_p99_us"), rounded(percentile(admissions, 99), 1));
    figures.insert(QStringLiteral("admission_max_us"), rounded(percentile(admissions, 100), 1));

    // --- the 5-VM contract over mutual TLS ---
    auto verifier = std::make_shared<pki::CertificateVerifier>();
    if (!verifier->setTrustAnchor(keys.ca->rootCertificate()) || !verifier->setCrl(keys.crl))
        return fail(QStringLiteral("buyer"), QStringLiteral("cannot set up the buyer's verifier"));
    desk::SiteClient site(kMeasured, {kSiteId, kSiteId, QStringLiteral("https://localhost:%1").arg(*port)},
                          keys.buyerTls, verifier);
    auto *first = await(site.vms());
    if (!first->ok())
        return fail(QStringLiteral("GET /v1/vms"), first->errorString());
    qint64 seq = first->value().seq;
    // Waits through the long poll until `name` shows `state`; false on an error or timeout.
    const auto waitFor = [&](const QString &name, api::VmState state) {
        QElapsedTimer deadline;
        deadline.start();
        while (deadline.elapsed() < kCallTimeoutMs) {
            auto *changed = await(site.vms(seq, 10));
            if (!changed->ok())
                return false;
            seq = changed->value().seq;
            for (const api::Vm &vm : changed->value().vms) {
                if (vm.name == name && vm.state == state)
                    return true;
            }
        }
        return false;
    };
    QList<double> creates;
    QList<double> deletes;
    QList<double> listings;
    int failures = 0;
    const int listsPerRound = std::max(1, lists / rounds);
    for (int round = 0; round < rounds; ++round) {
        for (int v = 1; v <= 5; ++v) {
            const QString name = QStringLiteral("vm-%1").arg(v);
            QElapsedTimer timer;
            timer.start();
            site.create(name, QString());
            if (!waitFor(name, api::VmState::Running)) {
                ++failures;
                continue;
            }
            creates.append(double(timer.nsecsElapsed()) / kNsPerMs);
        }
        for (int l = 0; l < listsPerRound; ++l) {
            QElapsedTimer timer;
            timer.start();
            auto *listed = await(site.vms());
            const double ms = double(timer.nsecsElapsed()) / kNsPerMs;
            if (!listed->ok() || listed->value().vms.size() != 5) {
                ++failures;
                continue;
            }
            listings.append(ms);
        }
        for (int v = 1; v <= 5; ++v) {
            const QString name = QStringLiteral("vm-%1").arg(v);
            QElapsedTimer timer;
            timer.start();
            site.remove(name);
            if (!waitFor(name, api::VmState::Deleted)) {
                ++failures;
                continue;
            }
            deletes.append(double(timer.nsecsElapsed()) / kNsPerMs);
        }
    }
    figures.insert(QStringLiteral("failures"), failures);
    figures.insert(QStringLiteral("creates"), creates.size());
    figures.insert(QStringLiteral("create_vm_p50_ms"), rounded(percentile(creates, 50), 2));
    figures.insert(QStringLiteral("create_vm_p99_ms"), rounded(percentile(creates, 99), 2));
    figures.insert(QStringLiteral("delete_vm_p50_ms"), rounded(percentile(deletes, 50), 2));
    figures.insert(QStringLiteral("delete_vm_p99_ms"), rounded(percentile(deletes, 99), 2));
    figures.insert(QStringLiteral("lists"), listings.size());
    figures.insert(QStringLiteral("list_vms_p50_ms"), rounded(percentile(listings, 50), 2));
    figures.insert(QStringLiteral("list_vms_p99_ms"), rounded(percentile(listings, 99), 2));
    // The site still holds every other contract's VMs, running.
    int othersRunning = 0;
    for (const QStringList &domains : std::as_const(domainsOf)) {
        for (const QString &domain : domains) {
            const connect::VmInfo *vm = agent.findVm(domain);
            othersRunning += vm && vm->state == connect::VmState::Running ? 1 : 0;
        }
    }
    figures.insert(QStringLiteral("other_vms_running"), othersRunning);
    if (othersRunning != siteVms)
        checksFailed.append(QStringLiteral("%1 of %2 other VMs run").arg(othersRunning).arg(siteVms));

    // --- what the offer trader reads of the site every pass: the time until the site is read
    // (on a pool thread), and the part of it the agent's thread is held ---
    QList<double> siteReads;
    QList<double> siteHeld;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        QFuture<connect::OfferTrader::Site> read =
            connect::OfferTrader::readSite(agent, QString(), SystemClock::instance().nowMs());
        siteHeld.append(double(timer.nsecsElapsed()) / kNsPerMs);
        read.waitForFinished();
        siteReads.append(double(timer.nsecsElapsed()) / kNsPerMs);
        if (!read.result().error.isEmpty() || read.result().pools.isEmpty()
            || read.result().commitments.size() != server.heldContracts().size()) {
            checksFailed.append(QStringLiteral("the offer trader's read of the site is wrong: %1 pools, %2 contracts %3")
                                    .arg(read.result().pools.size())
                                    .arg(read.result().commitments.size())
                                    .arg(read.result().error));
            break;
        }
    }
    figures.insert(QStringLiteral("offer_site_read_p50_ms"), rounded(percentile(siteReads, 50), 2));
    figures.insert(QStringLiteral("offer_site_read_max_ms"), rounded(percentile(siteReads, 100), 2));
    figures.insert(QStringLiteral("offer_site_agent_max_ms"), rounded(percentile(siteHeld, 100), 3));
    if (!checksFailed.isEmpty())
        figures.insert(QStringLiteral("checks_failed"), QJsonArray::fromStringList(checksFailed));
    return figures;
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("connect_api"),
    QStringLiteral(
        "connect API at a large site: admission, create and list VMs [--revoked N] [--contracts N] "
        "[--vms-per-contract N] [--rounds N] [--lists N] [--hosts N] [--reconcile-ms N]"),
    runConnectApi);
} // namespace
