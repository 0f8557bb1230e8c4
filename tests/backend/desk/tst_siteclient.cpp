// The buyer's deploy client (desk::SiteClient) with contract certificates from a real
// wallet and a real exchange, against a TLS server presenting a real site certificate of
// the same CA. The server is tests/support/sitestub.h, a stand-in of a few connect routes
// for these client-side unit tests only, until the real agent (cloudex-connect) lands; the
// integration test with real cloudex-connect processes follows after that merge.
#include "../../support/buyerchain.h"
#include "../../support/sitestub.h"
#include "desk/contractwallet.h"
#include "desk/siteclient.h"
#include "exchange/exchangeservice.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex;
using namespace Qt::StringLiterals;

namespace {
struct SiteIdentity
{
    QSslCertificate certificate;
    QSslKey key;
};
} // namespace

class TestSiteClient final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    testsupport::BuyerChain m_chain;
    std::unique_ptr<desk::ContractWallet> m_wallet;
    api::Contract m_first;
    api::Contract m_second;
    SiteIdentity m_site;
    std::unique_ptr<testsupport::SiteStub> m_stub;

    /// A site identity the exchange CA (or `foreign`) issues for `name`, valid for localhost.
    SiteIdentity issueSite(const QString &name, pki::CertificateAuthority *foreign = nullptr)
    {
        auto key = pki::PrivateKey::generate();
        auto csr = pki::createCertificateRequest(key.value(), {u"p-seller"_s, name, {u"localhost"_s}, {}});
        pki::IdentityRequest request;
        request.kind = pki::CertificateKind::Site;
        request.participant = u"p-seller"_s;
        request.name = name;
        request.role = u"seller"_s;
        request.dnsNames = {u"localhost"_s};
        std::optional<Result<pki::IssuedCertificate>> issued;
        if (foreign) {
            issued = foreign->issueIdentity(csr.value(), request);
        } else {
            m_chain.exchange->post([&](exchange::ExchangeService &service) {
                issued = service.issueIdentity(csr.value(), request);
            });
            QTest::qWaitFor([&] { return issued.has_value(); }, 10000);
        }
        if (!issued || !issued->ok())
            return {};
        return {QSslCertificate(issued->value().der, QSsl::Der),
                QSslKey(key->toPem().value(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey)};
    }

    std::unique_ptr<desk::SiteClient> client(const api::Contract &contract, const QString &endpoint,
                                             const QString &siteId = u"s-test"_s)
    {
        auto tls = m_wallet->tlsFor(contract.id);
        if (!tls)
            return nullptr;
        return std::make_unique<desk::SiteClient>(contract.id,
                                                  api::ContractSite{siteId, u"Test site"_s, endpoint},
                                                  tls.value(), m_wallet->verifier());
    }

    static QString why(const Job *job) { return job->error() + u' ' + job->errorString(); }

private slots:
    void initTestCase()
    {
        auto started = m_chain.start(m_dir.filePath(u"exchange"_s));
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        auto first = m_chain.trade(2, 1500);
        QVERIFY(first.ok());
        m_first = first.value();
        auto second = m_chain.trade(1, 1600);
        QVERIFY(second.ok());
        m_second = second.value();
        m_wallet = std::make_unique<desk::ContractWallet>(m_chain.buyer.get(), m_dir.filePath(u"wallet"_s),
                                                          u"p-local"_s);
        m_wallet->setContracts({m_first, m_second});
        m_wallet->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_wallet->isSettled(), 20000);
        QVERIFY(m_wallet->tlsFor(m_first.id).ok());
        QVERIFY(m_wallet->tlsFor(m_second.id).ok());
        m_site = issueSite(u"s-test"_s);
        QVERIFY(!m_site.certificate.isNull());
        m_stub = std::make_unique<testsupport::SiteStub>(m_site.certificate, m_site.key, m_wallet->rootDer(),
                                                         m_wallet->verifier());
        QVERIFY(m_stub->port() != 0);
    }

    void typedCallsOverMutualTls()
    {
        auto site = client(m_first, m_stub->endpoint());
        QVERIFY(site);
        auto *held = testsupport::waitFor(site->contract());
        QVERIFY2(held->ok(), qPrintable(why(held)));
        QCOMPARE(held->value().id, m_first.id);
        QCOMPARE(held->value().quantity, m_first.quantity);
        QCOMPARE(held->value().instanceClass.vcpus, 2);

        auto *templates = testsupport::waitFor(site->templates());
        QVERIFY2(templates->ok(), qPrintable(why(templates)));
        QCOMPARE(templates->value().size(), 1);
        QCOMPARE(templates->value().constFirst().name, u"debian-12"_s);

        auto *usage = testsupport::waitFor(site->usage());
        QVERIFY2(usage->ok(), qPrintable(why(usage)));
        QCOMPARE(usage->value().contractId, m_first.id);
        QCOMPARE(usage->value().deliveryStart, m_first.deliveryStart);
    }

    void operationsFollowTheSitesJob()
    {
        auto site = client(m_first, m_stub->endpoint());
        auto *create = site->create(u"web-1"_s, u"debian-12"_s);
        QSignalSpy progress(create, &Job::progress);
        testsupport::waitFor(create);
        QVERIFY2(create->ok(), qPrintable(why(create)));
        QCOMPARE(create->state().operation, api::VmOperation::Create);
        QCOMPARE(create->state().state, api::JobState::Done);
        QCOMPARE(create->percent(), 100);
        QVERIFY(progress.size() >= 2); // 0 → 50 → 100
        auto *vms = testsupport::waitFor(site->vms());
        QVERIFY(vms->ok());
        QCOMPARE(vms->value().vms.size(), 1);
        QCOMPARE(vms->value().vms.constFirst().state, api::VmState::Stopped);

        auto *start = testsupport::waitFor(site->start(u"web-1"_s));
        QVERIFY2(start->ok(), qPrintable(why(start)));
        auto *vm = testsupport::waitFor(site->vm(u"web-1"_s));
        Q_UNUSED(vm); // the stub has no GET /v1/vms/{name}: a typed 404 problem
        QCOMPARE(vm->error(), u"request.unknown-route"_s);
        QCOMPARE(m_stub->vms.value(u"web-1"_s).state, api::VmState::Running);
    }

    void siteProblemsAreTypedErrors()
    {
        auto site = client(m_first, m_stub->endpoint());
        auto *bad = testsupport::waitFor(site->create(u"Bad_Name"_s, {}));
        QVERIFY(!bad->ok());
        QCOMPARE(bad->error(), u"vm.bad-name"_s);
        auto *again = testsupport::waitFor(site->create(u"web-1"_s, {}));
        QCOMPARE(again->error(), u"vm.exists"_s);
        auto *unknown = testsupport::waitFor(site->start(u"nope"_s));
        QCOMPARE(unknown->error(), u"vm.unknown"_s);
    }

    void cancelWhereTheSiteAllows()
    {
        auto site = client(m_first, m_stub->endpoint());
        m_stub->jobPolls = 1000;
        auto *create = site->create(u"slow"_s, {});
        QTRY_VERIFY(!create->state().id.isEmpty());
        create->cancel();
        testsupport::waitFor(create);
        QCOMPARE(create->error(), u"job.cancelled"_s);
        QVERIFY(!m_stub->vms.contains(u"slow"_s));

        // Start cannot be cancelled: the operation runs to its end.
        m_stub->jobPolls = 4;
        auto *start = site->start(u"web-1"_s);
        QTRY_VERIFY(!start->state().id.isEmpty());
        start->cancel();
        testsupport::waitFor(start);
        QVERIFY2(start->ok(), qPrintable(why(start)));
        m_stub->jobPolls = 2;
    }

    void theWatcherSeesChangesWithinTwoSeconds()
    {
        auto site = client(m_first, m_stub->endpoint());
        desk::VmWatcher watcher(site.get());
        QSignalSpy reset(&watcher, &desk::VmWatcher::reset);
        QSignalSpy changed(&watcher, &desk::VmWatcher::changed);
        watcher.start();
        QVERIFY(reset.wait(10000));
        QVERIFY(watcher.vms().contains(u"web-1"_s));
        QVERIFY(!watcher.isStale());
        // The watcher's long poll is open now; a change at the site shows at once.
        QTest::qWait(300);
        QElapsedTimer timer;
        timer.start();
        api::Vm vm = m_stub->vms.value(u"web-1"_s);
        vm.state = api::VmState::Stopping;
        m_stub->changeVm(vm);
        QVERIFY(changed.wait(2000));
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(watcher.vms().value(u"web-1"_s).state, api::VmState::Stopping);
        // A tombstone removes the VM.
        vm.state = api::VmState::Deleted;
        m_stub->changeVm(vm);
        QVERIFY(changed.wait(2000));
        QVERIFY(!watcher.vms().contains(u"web-1"_s));
        watcher.stop();
    }

    void eachContractCarriesItsOwnCertificate()
    {
        auto first = client(m_first, m_stub->endpoint());
        auto second = client(m_second, m_stub->endpoint());
        const qsizetype before = m_stub->callers().size();
        for (int round = 0; round < 3; ++round) {
            auto *a = first->contract();
            auto *b = second->contract();
            testsupport::waitFor(a);
            testsupport::waitFor(b);
            QVERIFY(a->ok() && b->ok());
            QCOMPARE(a->value().id, m_first.id);
            QCOMPARE(b->value().id, m_second.id);
        }
        const QStringList seen = m_stub->callers().mid(before);
        QCOMPARE(seen.count(m_first.id + u" GET /v1/contract"_s), 3);
        QCOMPARE(seen.count(m_second.id + u" GET /v1/contract"_s), 3);
    }

    void aCertificateForAnotherSiteIsRefused()
    {
        const SiteIdentity other = issueSite(u"s-other"_s);
        QVERIFY(!other.certificate.isNull());
        testsupport::SiteStub impostor(other.certificate, other.key, m_wallet->rootDer(),
                                       m_wallet->verifier());
        auto site = client(m_first, impostor.endpoint(), u"s-test"_s);
        auto *held = testsupport::waitFor(site->contract());
        QVERIFY(!held->ok());
        QCOMPARE(held->error(), u"site.wrong-certificate"_s);
        QVERIFY2(held->errorString().contains(u"s-test"_s), qPrintable(held->errorString()));
        QVERIFY(impostor.callers().isEmpty()); // refused before the request went out
        // A participant identity is no site either.
        auto *create = testsupport::waitFor(site->create(u"x"_s, {}));
        QCOMPARE(create->error(), u"site.wrong-certificate"_s);
    }

    void aForeignCaIsRefused()
    {
        QTemporaryDir caDir;
        auto foreign = pki::CertificateAuthority::open({caDir.path(), {}});
        QVERIFY(foreign.ok());
        const SiteIdentity fake = issueSite(u"s-test"_s, foreign.value().get());
        QVERIFY(!fake.certificate.isNull());
        testsupport::SiteStub impostor(fake.certificate, fake.key, m_wallet->rootDer(), m_wallet->verifier());
        auto site = client(m_first, impostor.endpoint());
        auto *held = testsupport::waitFor(site->contract());
        QVERIFY(!held->ok());
        QCOMPARE(held->status(), 0);
        QCOMPARE(held->error(), u"transport.failed"_s);
        QVERIFY(impostor.callers().isEmpty());
    }

    void aGarbageAnswerIsAClearError()
    {
        testsupport::SiteStub broken(m_site.certificate, m_site.key, m_wallet->rootDer(),
                                     m_wallet->verifier());
        broken.setMode(testsupport::SiteStub::Mode::Garbage);
        auto site = client(m_first, broken.endpoint());
        auto *held = testsupport::waitFor(site->contract());
        QVERIFY(!held->ok());
        QCOMPARE(held->error(), u"response.invalid"_s);
        // The site answered, not the exchange: the message says so.
        QVERIFY2(held->errorString().startsWith(u"The site sent"_s), qPrintable(held->errorString()));
        auto *create = testsupport::waitFor(site->create(u"x"_s, {}));
        QCOMPARE(create->error(), u"response.invalid"_s);
    }

    void aHangingSiteTimesOutAndTheLoopStaysResponsive()
    {
        testsupport::SiteStub hanging(m_site.certificate, m_site.key, m_wallet->rootDer(),
                                      m_wallet->verifier());
        hanging.setMode(testsupport::SiteStub::Mode::Hang);
        auto site = client(m_first, hanging.endpoint());
        site->setTimeoutMs(1000);
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
        tick.start(50);
        QElapsedTimer timer;
        timer.start();
        auto *held = testsupport::waitFor(site->contract());
        QCOMPARE(held->error(), u"transport.timeout"_s);
        QVERIFY(timer.elapsed() >= 900);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks))); // the event loop kept running

        // The watcher marks the site stale and keeps what it saw.
        desk::VmWatcher watcher(site.get());
        watcher.setWaitSeconds(0);
        QSignalSpy stale(&watcher, &desk::VmWatcher::staleChanged);
        watcher.start();
        QVERIFY(stale.wait(5000));
        QVERIFY(watcher.isStale());
        QCOMPARE(stale.constFirst().at(1).value<Error>().code, u"transport.timeout"_s);
        watcher.stop();
    }
};

QTEST_MAIN(TestSiteClient)
#include "tst_siteclient.moc"
