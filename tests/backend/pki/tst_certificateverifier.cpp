#include "pkitestsupport.h"

#include "pki/certificateverifier.h"

#include <QTemporaryDir>

using namespace pkitest;

class TestCertificateVerifier : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    cloudex::ManualClock m_clock{fixedNowMs()};
    std::unique_ptr<CertificateAuthority> m_ca;
    std::unique_ptr<CertificateAuthority> m_foreignCa;
    InMemoryContractDirectory m_contracts;
    QHash<QString, QByteArray> m_certificates;

    static std::unique_ptr<CertificateAuthority> openCa(const QString &dir, const cloudex::Clock &clock)
    {
        CaOptions options;
        options.directory = dir;
        auto ca = CertificateAuthority::open(options, clock);
        if (!ca)
            qFatal("%s", why(ca).constData());
        return std::move(ca).value();
    }

    QByteArray issue(CertificateAuthority &ca, const QString &contractId)
    {
        const PrivateKey key = newKey();
        auto issued = ca.issueContractCertificate({csrFor(key, u"p-acme"_qs, u"manage"_qs), contractId, u"p-acme"_qs},
                                                  m_contracts);
        if (!issued)
            qFatal("%s", why(issued).constData());
        return issued->der;
    }

private slots:
    void initTestCase()
    {
        m_ca = openCa(m_tmp.filePath(u"ca"_qs), m_clock);
        m_foreignCa = openCa(m_tmp.filePath(u"foreign"_qs), m_clock);
        const qint64 now = fixedNowMs();
        m_contracts.insert(contract(u"c-1"_qs, now + kHourMs, now + 2 * kHourMs));
        m_contracts.insert(contract(u"c-2"_qs, now + kHourMs, now + 2 * kHourMs, u"p-acme"_qs, u"p-dc2"_qs));
        m_certificates.insert(u"valid"_qs, issue(*m_ca, u"c-1"_qs));
        m_certificates.insert(u"revoked"_qs, issue(*m_ca, u"c-1"_qs));
        m_certificates.insert(u"other-contract"_qs, issue(*m_ca, u"c-2"_qs));
        m_certificates.insert(u"foreign"_qs, issue(*m_foreignCa, u"c-1"_qs));
        IdentityRequest participant{CertificateKind::Participant, u"p-acme"_qs, u"p-acme"_qs, u"Acme GmbH"_qs,
                                    u"buyer"_qs, {}, {}, {}};
        auto identity = m_ca->issueIdentity(csrFor(newKey(), u"p-acme"_qs, u"p-acme"_qs), participant);
        QVERIFY(identity.ok());
        m_certificates.insert(u"participant"_qs, identity->der);

        const QString revokedSerial = QSslCertificateSerial(m_certificates.value(u"revoked"_qs));
        QVERIFY(!revokedSerial.isEmpty());
        QCOMPARE(m_ca->revoke({revokedSerial}, RevocationReason::KeyCompromise).value(), 1);
    }

    void verifies_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("contractId");
        QTest::addColumn<QString>("participant");
        QTest::addColumn<QString>("seller");
        QTest::addColumn<QString>("directory"); // held, none, missing, terminated, changed
        QTest::addColumn<qint64>("atMs");       // verification time after fixedNowMs()
        QTest::addColumn<bool>("freshCrl");     // CRL signed at the verification time
        QTest::addColumn<QString>("code");      // empty: verifies

        const int contractKind = int(CertificateKind::Contract);
        const qint64 inWindow = kHourMs + kHourMs / 2;
        const QString none;
        QTest::newRow("valid") << u"valid"_qs << contractKind << u"c-1"_qs << u"p-acme"_qs << u"p-dc1"_qs
                               << u"held"_qs << inWindow << true << none;
        QTest::newRow("valid-any-held-contract") << u"valid"_qs << contractKind << none << none << u"p-dc1"_qs
                                                 << u"held"_qs << inWindow << true << none;
        QTest::newRow("window-start-inclusive") << u"valid"_qs << contractKind << u"c-1"_qs << none << none
                                                << u"none"_qs << kHourMs << true << none;
        QTest::newRow("revoked") << u"revoked"_qs << contractKind << u"c-1"_qs << u"p-acme"_qs << u"p-dc1"_qs
                                 << u"held"_qs << inWindow << true << u"pki.verify.revoked"_qs;
        QTest::newRow("expired") << u"valid"_qs << contractKind << u"c-1"_qs << none << none << u"none"_qs
                                 << 3 * kHourMs << true << u"pki.verify.expired"_qs;
        QTest::newRow("before-window") << u"valid"_qs << contractKind << u"c-1"_qs << none << none << u"none"_qs
                                       << kHourMs / 2 << true << u"pki.verify.not-yet-valid"_qs;
        QTest::newRow("foreign-ca") << u"foreign"_qs << contractKind << u"c-1"_qs << none << none << u"none"_qs
                                    << inWindow << true << u"pki.verify.untrusted"_qs;
        QTest::newRow("wrong-contract") << u"other-contract"_qs << contractKind << u"c-1"_qs << none << none
                                        << u"none"_qs << inWindow << true << u"pki.verify.wrong-contract"_qs;
        QTest::newRow("contract-with-other-seller") << u"other-contract"_qs << contractKind << none << none
                                                    << u"p-dc1"_qs << u"none"_qs << inWindow << true
                                                    << u"pki.verify.wrong-contract"_qs;
        QTest::newRow("other-party") << u"valid"_qs << contractKind << u"c-1"_qs << u"p-globex"_qs << none
                                     << u"none"_qs << inWindow << true << u"pki.verify.wrong-party"_qs;
        QTest::newRow("contract-not-held") << u"valid"_qs << contractKind << none << none << none << u"missing"_qs
                                           << inWindow << true << u"pki.verify.unknown-contract"_qs;
        QTest::newRow("contract-terminated") << u"valid"_qs << contractKind << none << none << none
                                             << u"terminated"_qs << inWindow << true << u"pki.verify.terminated"_qs;
        QTest::newRow("terms-changed") << u"valid"_qs << contractKind << none << none << none << u"changed"_qs
                                       << inWindow << true << u"pki.verify.contract-mismatch"_qs;
        QTest::newRow("stale-crl") << u"valid"_qs << contractKind << u"c-1"_qs << none << none << u"none"_qs
                                   << inWindow << false << u"pki.verify.crl-stale"_qs;
        QTest::newRow("identity-presented-as-contract")
            << u"participant"_qs << contractKind << none << none << none << u"none"_qs << inWindow << true
            << u"pki.verify.wrong-kind"_qs;
        QTest::newRow("contract-presented-as-site") << u"valid"_qs << int(CertificateKind::Site) << none << none
                                                    << none << u"none"_qs << inWindow << true
                                                    << u"pki.verify.wrong-usage"_qs;
        QTest::newRow("participant-identity") << u"participant"_qs << int(CertificateKind::Participant) << none
                                              << u"p-acme"_qs << none << u"none"_qs << inWindow << true << none;
    }

    void verifies()
    {
        QFETCH(QString, certificate);
        QFETCH(int, kind);
        QFETCH(QString, contractId);
        QFETCH(QString, participant);
        QFETCH(QString, seller);
        QFETCH(QString, directory);
        QFETCH(qint64, atMs);
        QFETCH(bool, freshCrl);
        QFETCH(QString, code);

        // The CA signs its CRL at its own time; the verifier checks at `atMs`.
        m_clock.setNowMs(freshCrl ? fixedNowMs() + atMs : fixedNowMs());
        auto crl = m_ca->publishCrl();
        QVERIFY(crl.ok());
        cloudex::ManualClock verifierClock(fixedNowMs() + atMs);
        CertificateVerifier verifier(verifierClock);
        QVERIFY(verifier.setTrustAnchor(m_ca->rootCertificate()).ok());
        QVERIFY(verifier.setCrl(*crl).ok());

        InMemoryContractDirectory held;
        ContractTerms terms = *m_contracts.find(u"c-1"_qs);
        if (directory == u"terminated"_qs)
            terms.terminated = true;
        if (directory == u"changed"_qs)
            terms.volume += 1;
        if (directory != u"missing"_qs)
            held.insert(terms);
        Expectation expected;
        expected.kind = CertificateKind(kind);
        expected.contractId = contractId;
        expected.participant = participant;
        expected.seller = seller;
        expected.contracts = directory == u"none"_qs ? nullptr : &held;

        auto verified = verifier.verify(m_certificates.value(certificate), expected);
        if (code.isEmpty()) {
            QVERIFY2(verified.ok(), why(verified).constData());
            QCOMPARE(verified->participant, u"p-acme"_qs);
            if (kind == int(CertificateKind::Contract)) {
                QCOMPARE(verified->contract.id, u"c-1"_qs);
                QCOMPARE(verified->contract.seller, u"p-dc1"_qs);
                QCOMPARE(verified->contract.volume, 4);
                QCOMPARE(verified->notBeforeMs, terms.startMs);
                QCOMPARE(verified->notAfterMs, terms.endMs);
            }
        } else {
            QVERIFY(!verified.ok());
            QCOMPARE(verified.error().code, code);
            QVERIFY(!verified.error().message.isEmpty());
        }
    }

    void ignoringTheValidityPeriod()
    {
        // A buyer's wallet checks a certificate before its window opens, and after it ended
        // (where the CRL of then is out of date as well): everything but the periods of the
        // certificate and the CRL is still checked.
        m_clock.setNowMs(fixedNowMs());
        auto crl = m_ca->publishCrl();
        QVERIFY(crl.ok());
        for (const qint64 atMs : {qint64(0), 10 * kHourMs}) {
            cloudex::ManualClock verifierClock(fixedNowMs() + atMs);
            CertificateVerifier verifier(verifierClock);
            QVERIFY(verifier.setTrustAnchor(m_ca->rootCertificate()).ok());
            QVERIFY(verifier.setCrl(*crl).ok());
            Expectation expected;
            expected.contractId = u"c-1"_qs;
            expected.participant = u"p-acme"_qs;
            QCOMPARE(verifier.verify(m_certificates.value(u"valid"_qs), expected).error().code,
                     atMs == 0 ? u"pki.verify.not-yet-valid"_qs : u"pki.verify.crl-stale"_qs);
            expected.ignoreValidityPeriod = true;
            auto verified = verifier.verify(m_certificates.value(u"valid"_qs), expected);
            QVERIFY2(verified.ok(), why(verified).constData());
            QCOMPARE(verified->contract.id, u"c-1"_qs);
            QCOMPARE(verifier.verify(m_certificates.value(u"revoked"_qs), expected).error().code,
                     u"pki.verify.revoked"_qs);
            QCOMPARE(verifier.verify(m_certificates.value(u"foreign"_qs), expected).error().code,
                     u"pki.verify.untrusted"_qs);
            QCOMPARE(verifier.verify(m_certificates.value(u"other-contract"_qs), expected).error().code,
                     u"pki.verify.wrong-contract"_qs);
        }
    }

    void requiresCrlFromTheExchange()
    {
        cloudex::ManualClock clock(fixedNowMs() + kHourMs + 60'000);
        CertificateVerifier verifier(clock);
        QCOMPARE(verifier.setCrl(QByteArray("x")).error().code, u"pki.verify.no-anchor"_qs);
        QVERIFY(verifier.setTrustAnchor(m_ca->rootCertificate()).ok());
        QCOMPARE(verifier.verify(m_certificates.value(u"valid"_qs), {}).error().code, u"pki.verify.no-crl"_qs);
        auto foreignCrl = m_foreignCa->publishCrl();
        QVERIFY(foreignCrl.ok());
        QCOMPARE(verifier.setCrl(*foreignCrl).error().code, u"pki.verify.bad-crl"_qs);
        QCOMPARE(verifier.setCrl(QByteArray("\x30\x03\x02\x01\x01", 5)).error().code, u"pki.verify.bad-crl"_qs);
        m_clock.setNowMs(clock.nowMs());
        QVERIFY(verifier.setCrl(m_ca->publishCrl().value()).ok());
        QCOMPARE(verifier.verify(QByteArray("garbage"), {}).error().code, u"pki.verify.malformed"_qs);
        QVERIFY(verifier.verify(m_certificates.value(u"valid"_qs), {}).ok());
    }

private:
    static QString QSslCertificateSerial(const QByteArray &der);
};

#include <QSslCertificate>

QString TestCertificateVerifier::QSslCertificateSerial(const QByteArray &der)
{
    return QString::fromLatin1(QSslCertificate(der, QSsl::Der).serialNumber().replace(':', "").toUpper());
}

QTEST_GUILESS_MAIN(TestCertificateVerifier)
#include "tst_certificateverifier.moc"
