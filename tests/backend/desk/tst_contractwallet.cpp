// The contract wallet against a real embedded exchange over HTTPS: certificates requested
// from CSRs, stored owner-only with an encrypted key, reused on the next run, tampered files
// refused and replaced, revocation seen through the CRL.
#include "../../support/buyerchain.h"
#include "desk/contractwallet.h"
#include "desk/marketsession.h"
#include "exchange/exchangeservice.h"
#include "pki/certificateauthority.h"
#include "pki/privatekey.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex;
using namespace Qt::StringLiterals;
using State = desk::ContractWallet::State;

class TestContractWallet final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    testsupport::BuyerChain m_chain;
    api::Contract m_first;
    api::Contract m_second;

    QString walletDir() const { return m_dir.filePath(u"wallet"_s); }

    std::unique_ptr<desk::ContractWallet> openWallet(const QList<api::Contract> &contracts)
    {
        auto wallet = std::make_unique<desk::ContractWallet>(m_chain.buyer.get(), walletDir(), u"p-local"_s,
                                                             u"secret"_s);
        QSignalSpy trust(wallet.get(), &desk::ContractWallet::trustChanged);
        wallet->setContracts(contracts);
        wallet->start();
        if (!trust.wait(20000) || !trust.constFirst().at(0).toBool())
            return nullptr;
        return wallet;
    }

    int certificatesAtExchange(const QString &contractId)
    {
        // The exchange's own record of what it issued for the contract.
        std::optional<int> count;
        m_chain.exchange->post([&count, contractId](exchange::ExchangeService &service) {
            count = int(service.authority().certificatesForContract(contractId).size());
        });
        if (!QTest::qWaitFor([&] { return count.has_value(); }, 10000))
            return -1;
        return *count;
    }

    static bool reaches(const desk::ContractWallet &wallet, const QString &id, State state)
    {
        return QTest::qWaitFor([&] { return wallet.entry(id) && wallet.entry(id)->state == state; }, 20000);
    }

    static QString why(const desk::ContractWallet &wallet, const QString &id)
    {
        const auto entry = wallet.entry(id);
        if (!entry)
            return u"no entry"_s;
        return QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(entry->state))) + u": "_s +
               (entry->error ? entry->error->code + u" "_s + entry->error->message : QString());
    }

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static void write(const QString &path, const QByteArray &data)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(data);
    }

private slots:
    void initTestCase()
    {
        auto started = m_chain.start(m_dir.filePath(u"exchange"_s));
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        auto first = m_chain.trade(2, 1500);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        m_first = first.value();
        auto second = m_chain.trade(1, 1600);
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
        m_second = second.value();
        QVERIFY(m_first.id != m_second.id);
        QCOMPARE(m_first.buyer, u"p-local"_s);
    }

    void issuedAndStoredOwnerOnly()
    {
        auto wallet = openWallet({m_first});
        QVERIFY(wallet);
        QSignalSpy states(wallet.get(), &desk::ContractWallet::stateChanged);
        QVERIFY2(reaches(*wallet, m_first.id, State::Valid), qPrintable(why(*wallet, m_first.id)));
        const auto entry = *wallet->entry(m_first.id);
        QCOMPARE(entry.keyPath, QDir(walletDir()).filePath(m_first.id + u".key"_s));
        QCOMPARE(entry.certificatePath, QDir(walletDir()).filePath(m_first.id + u".pem"_s));
        QVERIFY(!entry.serial.isEmpty());
        QCOMPARE(entry.notBefore, m_first.deliveryStart);
        QCOMPARE(entry.notAfter, m_first.deliveryEnd);
        constexpr QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                    QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                    QFileDevice::WriteOther | QFileDevice::ExeOther;
        for (const QString &path : {entry.keyPath, entry.certificatePath, walletDir()}) {
            QCOMPARE(QFile::permissions(path) & others, QFileDevice::Permissions());
            QVERIFY(QFile::permissions(path) & QFileDevice::ReadOwner);
        }
        // The key is stored encrypted with the passphrase, and only that opens it.
        const QByteArray key = read(entry.keyPath);
        QVERIFY(key.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        QVERIFY(pki::PrivateKey::fromPem(key, u"secret"_s).ok());
        QVERIFY(!pki::PrivateKey::fromPem(key, u"wrong"_s).ok());
        const QList<QSslCertificate> stored = QSslCertificate::fromPath(entry.certificatePath);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.constFirst().serialNumber().replace(':', "").toUpper(), entry.serial.toLatin1());
        // The TLS identity for the site: this certificate, the exchange root only.
        auto tls = wallet->tlsFor(m_first.id);
        QVERIFY2(tls.ok(), qPrintable(tls.ok() ? QString() : tls.error().message));
        QCOMPARE(tls->localCertificate(), stored.constFirst());
        QVERIFY(!tls->privateKey().isNull());
        QCOMPARE(tls->caCertificates().size(), 1);
        QCOMPARE(tls->caCertificates().constFirst().toDer(), wallet->rootDer());
        QCOMPARE(certificatesAtExchange(m_first.id), 1);
        QVERIFY(!wallet->tlsFor(u"c-nope"_s).ok());
    }

    void aSecondRunReusesTheStoredCertificate()
    {
        const QByteArray before = read(QDir(walletDir()).filePath(m_first.id + u".pem"_s));
        auto wallet = openWallet({m_first});
        QVERIFY(wallet);
        QVERIFY2(reaches(*wallet, m_first.id, State::Valid), qPrintable(why(*wallet, m_first.id)));
        QCOMPARE(read(wallet->entry(m_first.id)->certificatePath), before);
        // No new request: a new one would have revoked the stored certificate.
        QCOMPARE(certificatesAtExchange(m_first.id), 1);
    }

    void tamperedFilesAreRefusedAndReplaced_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("garbage certificate") << u"garbage"_s;
        QTest::newRow("another key") << u"key"_s;
        QTest::newRow("another contract's certificate") << u"contract"_s;
        QTest::newRow("a foreign CA's certificate") << u"foreign"_s;
        QTest::newRow("key missing") << u"nokey"_s;
    }

    void tamperedFilesAreRefusedAndReplaced()
    {
        QFETCH(QString, how);
        // The second contract's files, as a wallet run leaves them.
        {
            auto wallet = openWallet({m_second});
            QVERIFY(wallet);
            QVERIFY2(reaches(*wallet, m_second.id, State::Valid), qPrintable(why(*wallet, m_second.id)));
        }
        const QString pem = QDir(walletDir()).filePath(m_second.id + u".pem"_s);
        const QString key = QDir(walletDir()).filePath(m_second.id + u".key"_s);
        const QByteArray oldCertificate = read(pem);
        const int issuedBefore = certificatesAtExchange(m_second.id);
        if (how == u"garbage") {
            write(pem, "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n");
        } else if (how == u"key") {
            write(key, pki::PrivateKey::generate()->toPem(u"secret"_s).value());
        } else if (how == u"contract") {
            write(pem, read(QDir(walletDir()).filePath(m_first.id + u".pem"_s)));
            write(key, read(QDir(walletDir()).filePath(m_first.id + u".key"_s)));
        } else if (how == u"foreign") {
            QTemporaryDir caDir;
            auto foreign = pki::CertificateAuthority::open({caDir.path(), {}});
            QVERIFY(foreign.ok());
            auto fakeKey = pki::PrivateKey::generate();
            auto csr = pki::createCertificateRequest(fakeKey.value(), {u"p-local"_s, u"u-mallory"_s, {}, {}});
            pki::IdentityRequest identity;
            identity.kind = pki::CertificateKind::User;
            identity.participant = u"p-local"_s;
            identity.name = u"u-mallory"_s;
            identity.role = u"buyer"_s;
            auto issued = foreign.value()->issueIdentity(csr.value(), identity);
            QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().message));
            write(pem, issued->pem());
            write(key, fakeKey->toPem(u"secret"_s).value());
        } else if (how == u"nokey") {
            QVERIFY(QFile::remove(key));
        }

        auto wallet = openWallet({});
        QVERIFY(wallet);
        QSignalSpy problems(wallet.get(), &desk::ContractWallet::problem);
        wallet->addContract(m_second);
        QVERIFY2(reaches(*wallet, m_second.id, State::Valid), qPrintable(why(*wallet, m_second.id)));
        QVERIFY(problems.size() >= 1);
        const auto error = problems.constFirst().at(1).value<Error>();
        QCOMPARE(error.code, u"wallet.tampered"_s);
        QVERIFY2(error.message.contains(m_second.id), qPrintable(error.message));
        // What was refused is kept aside, and a new certificate replaced it.
        QVERIFY(QFile::exists(pem + u".rejected"_s) || QFile::exists(key + u".rejected"_s));
        const QByteArray fresh = read(pem);
        QVERIFY(fresh != oldCertificate);
        QCOMPARE(certificatesAtExchange(m_second.id), issuedBefore + 1);
        QVERIFY(wallet->tlsFor(m_second.id).ok());
    }

    void revocationIsSeen()
    {
        auto wallet = openWallet({m_first});
        QVERIFY(wallet);
        QVERIFY2(reaches(*wallet, m_first.id, State::Valid), qPrintable(why(*wallet, m_first.id)));
        std::optional<Result<int>> revoked;
        m_chain.exchange->post([&revoked, id = m_first.id](exchange::ExchangeService &service) {
            revoked = service.authority().revokeContract(id, pki::RevocationReason::KeyCompromise);
        });
        QTRY_VERIFY(revoked.has_value());
        QVERIFY(revoked->ok());
        QSignalSpy states(wallet.get(), &desk::ContractWallet::stateChanged);
        wallet->refresh();
        QVERIFY2(reaches(*wallet, m_first.id, State::Revoked), qPrintable(why(*wallet, m_first.id)));
        QCOMPARE(states.constLast().at(1).value<State>(), State::Revoked);
        QCOMPARE(wallet->tlsFor(m_first.id).error().code, u"wallet.revoked"_s);
        // Kept, so the buyer can still let the site answer for itself.
        const QString serial = wallet->entry(m_first.id)->serial;
        QVERIFY(!serial.isEmpty());
        const auto presented = wallet->tlsFor(m_first.id, desk::ContractWallet::Revoked::Present);
        QVERIFY2(presented.ok(), qPrintable(presented.ok() ? QString() : presented.error().message));
        QString presentedSerial =
            QString::fromLatin1(presented->localCertificate().serialNumber()).remove(u':').toUpper();
        while (presentedSerial.startsWith(u'0'))
            presentedSerial.remove(0, 1);
        QCOMPARE(presentedSerial, serial);
        QVERIFY(!presented->privateKey().isNull());

        // A revoked certificate is not replaced behind the buyer's back on the next run.
        auto again = openWallet({m_first});
        QVERIFY2(reaches(*again, m_first.id, State::Revoked), qPrintable(why(*again, m_first.id)));
        QCOMPARE(again->entry(m_first.id)->serial, serial);
        QVERIFY(again->tlsFor(m_first.id, desk::ContractWallet::Revoked::Present).ok());
        QCOMPARE(certificatesAtExchange(m_first.id), 1);
    }

    void expiringAndExpiredFollowTheClock()
    {
        auto wallet = openWallet({m_second});
        QVERIFY(wallet);
        QVERIFY2(reaches(*wallet, m_second.id, State::Valid), qPrintable(why(*wallet, m_second.id)));
        ManualClock clock((m_second.deliveryEnd - 60) * 1000);
        wallet->setClock(&clock);
        wallet->refresh();
        QVERIFY2(reaches(*wallet, m_second.id, State::Expiring), qPrintable(why(*wallet, m_second.id)));
        clock.setNowMs((m_second.deliveryEnd + 1) * 1000);
        wallet->refresh();
        QVERIFY2(reaches(*wallet, m_second.id, State::Expired), qPrintable(why(*wallet, m_second.id)));
        QCOMPARE(wallet->tlsFor(m_second.id).error().code, u"wallet.expired"_s);
    }

    void theSessionFillsItsWalletAsContractsAppear()
    {
        desk::MarketSession session;
        session.setBatchIntervalMs(20);
        session.setWalletDirectory(m_dir.filePath(u"session-wallet"_s));
        session.open(m_chain.exchange->baseUrl(), m_chain.exchange->clientTls());
        QVERIFY(session.wallet());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), desk::MarketSession::State::Connected, 20000);
        QVERIFY2(reaches(*session.wallet(), m_second.id, State::Valid),
                 qPrintable(why(*session.wallet(), m_second.id)));
        // A trade now: its contract arrives on contracts@ and gets its certificate by itself.
        auto third = m_chain.trade(1, 1700);
        QVERIFY(third.ok());
        QVERIFY2(reaches(*session.wallet(), third->id, State::Valid),
                 qPrintable(why(*session.wallet(), third->id)));
        QVERIFY(QFile::exists(session.wallet()->entry(third->id)->certificatePath));
        QVERIFY(QFile::exists(session.wallet()->entry(third->id)->keyPath));
        QVERIFY(session.wallet()->tlsFor(third->id).ok());
    }

    void theSellersSideNeedsNoCertificate()
    {
        auto wallet = std::make_unique<desk::ContractWallet>(m_chain.seller.get(),
                                                             m_dir.filePath(u"seller"_s), u"p-seller"_s);
        wallet->setContracts({m_first});
        QVERIFY(wallet->contractIds().isEmpty());
    }
};

QTEST_MAIN(TestContractWallet)
#include "tst_contractwallet.moc"
