#include "pkitestsupport.h"

#include "pki/certificateverifier.h"
#include "pki/pkcs12.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>

using namespace pkitest;

class TestCertificateAuthority : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    cloudex::ManualClock m_clock{fixedNowMs()};
    std::unique_ptr<CertificateAuthority> m_ca;
    InMemoryContractDirectory m_contracts;
    PrivateKey m_buyerKey;
    QByteArray m_rsa1024Csr;
    QByteArray m_rsa2048Csr;
    QByteArray m_p384Csr;
    QByteArray m_opensslP256Csr;

    // A CSR made by the openssl command line, an independent implementation.
    QByteArray opensslCsr(const QString &keySpec, const QString &subject)
    {
        const QString base = m_tmp.filePath(u"openssl-"_qs + keySpec.section(u':', 0, 0));
        QStringList arguments{u"req"_qs, u"-new"_qs, u"-newkey"_qs};
        if (keySpec.startsWith(u"ec:"_qs))
            arguments << u"ec"_qs << u"-pkeyopt"_qs << keySpec.mid(3);
        else
            arguments << keySpec;
        arguments << u"-nodes"_qs << u"-keyout"_qs << base + u".key"_qs << u"-subj"_qs << subject
                  << u"-outform"_qs << u"DER"_qs << u"-out"_qs << base + u".csr"_qs;
        QByteArray output;
        const int rc = run(u"openssl"_qs, arguments, &output);
        if (rc != 0)
            qFatal("openssl req failed: %s", output.constData());
        return readFile(base + u".csr"_qs);
    }

    cloudex::Result<IssuedCertificate> issueContract(const QByteArray &csr, const QString &id,
                                            const QString &requester = u"p-acme"_qs)
    {
        return m_ca->issueContractCertificate({csr, id, requester}, m_contracts);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        CaOptions options;
        options.directory = m_tmp.filePath(u"ca"_qs);
        auto ca = CertificateAuthority::open(options, m_clock);
        QVERIFY2(ca.ok(), why(ca).constData());
        m_ca = std::move(ca).value();
        m_buyerKey = newKey();
        const qint64 now = fixedNowMs();
        m_contracts.insert(contract(u"c-1"_qs, now + kHourMs, now + 2 * kHourMs));
        m_contracts.insert(contract(u"c-other"_qs, now + kHourMs, now + 2 * kHourMs, u"p-globex"_qs));
        ContractTerms terminated = contract(u"c-terminated"_qs, now + kHourMs, now + 2 * kHourMs);
        terminated.terminated = true;
        m_contracts.insert(terminated);
        m_contracts.insert(contract(u"c-past"_qs, now - 2 * kHourMs, now - kHourMs));
        m_contracts.insert(contract(u"c-empty-window"_qs, now + kHourMs, now + kHourMs));

        m_rsa1024Csr = opensslCsr(u"rsa:1024"_qs, u"/O=p-acme/CN=c-1"_qs);
        m_rsa2048Csr = opensslCsr(u"rsa:2048"_qs, u"/O=p-acme/CN=c-1"_qs);
        m_p384Csr = opensslCsr(u"ec:ec_paramgen_curve:P-384"_qs, u"/O=p-acme/CN=c-1"_qs);
        m_opensslP256Csr = opensslCsr(u"ec:ec_paramgen_curve:P-256"_qs, u"/O=p-acme/CN=c-1"_qs);
    }

    void createsRootOnFirstStart()
    {
        QVERIFY(m_ca->wasCreated());
        const QString dir = m_ca->directory();
        const QFile::Permissions keyPermissions = QFile::permissions(dir + u"/ca-key.pem"_qs);
        QCOMPARE(keyPermissions & ~(QFile::ReadUser | QFile::WriteUser), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(keyPermissions & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        // Without a passphrase the key is plain PKCS#8; the test below covers encryption.
        QVERIFY(readFile(dir + u"/ca-key.pem"_qs).startsWith("-----BEGIN PRIVATE KEY-----"));

        const QSslCertificate root(m_ca->rootCertificate(), QSsl::Der);
        QVERIFY(!root.isNull());
        QVERIFY(root.isSelfSigned());
        QCOMPARE(root.subjectInfo(QSslCertificate::CommonName), QStringList{u"CloudEx Exchange CA"_qs});
        QCOMPARE(root.publicKey().algorithm(), QSsl::Ec);
        QCOMPARE(root.publicKey().length(), 256);
        QByteArray text;
        QCOMPARE(run(u"openssl"_qs, {u"x509"_qs, u"-inform"_qs, u"DER"_qs, u"-noout"_qs, u"-text"_qs}, &text,
                     m_ca->rootCertificate()),
                 0);
        QVERIFY2(text.contains("CA:TRUE"), text.constData());
        QVERIFY(text.contains("Certificate Sign, CRL Sign"));
        QVERIFY(text.contains("prime256v1"));
    }

    void encryptsKeyWithPassphraseAndReloads()
    {
        CaOptions options;
        options.directory = m_tmp.filePath(u"secret-ca"_qs);
        options.passphrase = u"correct horse"_qs;
        QByteArray root;
        {
            auto created = CertificateAuthority::open(options, m_clock);
            QVERIFY2(created.ok(), why(created).constData());
            QVERIFY((*created)->wasCreated());
            root = (*created)->rootCertificate();
        }
        const QByteArray keyPem = readFile(options.directory + u"/ca-key.pem"_qs);
        QVERIFY(keyPem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        QVERIFY(!PrivateKey::fromPem(keyPem).ok());

        auto reopened = CertificateAuthority::open(options, m_clock);
        QVERIFY2(reopened.ok(), why(reopened).constData());
        QVERIFY(!(*reopened)->wasCreated());
        QCOMPARE((*reopened)->rootCertificate(), root);

        options.passphrase = u"wrong"_qs;
        auto wrong = CertificateAuthority::open(options, m_clock);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, u"pki.ca.key-unreadable"_qs);
    }

    void refusesIncompleteDirectory()
    {
        CaOptions options;
        options.directory = m_tmp.filePath(u"broken-ca"_qs);
        { QVERIFY(CertificateAuthority::open(options, m_clock).ok()); }
        QVERIFY(QFile::remove(options.directory + u"/ca-cert.pem"_qs));
        auto reopened = CertificateAuthority::open(options, m_clock);
        QVERIFY(!reopened.ok());
        QCOMPARE(reopened.error().code, u"pki.ca.incomplete"_qs);
    }

    void issuesContractCertificateForDeliveryWindow()
    {
        auto issued = issueContract(csrFor(m_buyerKey, u"p-acme"_qs, u"manage"_qs), u"c-1"_qs);
        QVERIFY2(issued.ok(), why(issued).constData());
        const ContractTerms terms = *m_contracts.find(u"c-1"_qs);
        QCOMPARE(issued->kind, CertificateKind::Contract);
        QCOMPARE(issued->contractId, u"c-1"_qs);
        QCOMPARE(issued->notBeforeMs, terms.startMs);
        QCOMPARE(issued->notAfterMs, terms.endMs);

        const QSslCertificate certificate(issued->der, QSsl::Der);
        QVERIFY(!certificate.isNull());
        QCOMPARE(certificate.effectiveDate().toMSecsSinceEpoch(), terms.startMs);
        QCOMPARE(certificate.expiryDate().toMSecsSinceEpoch(), terms.endMs);
        QCOMPARE(certificate.subjectInfo(QSslCertificate::Organization), QStringList{u"p-acme"_qs});
        QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName), QStringList{u"c-1"_qs});
        QCOMPARE(certificate.serialNumber().replace(':', "").toUpper(), issued->serial.toLatin1());
        QCOMPARE(certificate.publicKey().toDer(), QSslKey(m_buyerKey.publicKeyDer(), QSsl::Ec, QSsl::Der,
                                                          QSsl::PublicKey).toDer());
        // The certificate is recorded with its serial.
        const auto stored = m_ca->find(issued->serial);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->der, issued->der);
        QCOMPARE(m_ca->certificatesForContract(u"c-1"_qs).size(), 1);
    }

    void acceptsOpensslRequest()
    {
        auto issued = issueContract(m_opensslP256Csr, u"c-1"_qs);
        QVERIFY2(issued.ok(), why(issued).constData());
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("csr");
        QTest::addColumn<QString>("contract");
        QTest::addColumn<QString>("requester");
        QTest::addColumn<QString>("code");

        const QByteArray good = csrFor(newKey(), u"p-acme"_qs, u"manage"_qs);
        QByteArray tampered = good;
        tampered[tampered.size() - 5] = char(tampered[tampered.size() - 5] ^ 0x01); // inside the signature
        QByteArray otherSubject = good;
        // Flip a byte in the subject's participant id ("p-acme" -> "p-acmf"): signature breaks.
        otherSubject.replace("p-acme", "p-acmf");

        // A point off the curve: the last byte of the key's y coordinate changed. The key sits
        // right after the P-256 OID (2a 86 48 ce 3d 03 01 07) and the BIT STRING header.
        QByteArray offCurve = good;
        const qsizetype curveAt = offCurve.indexOf(QByteArray("\x2a\x86\x48\xce\x3d\x03\x01\x07", 8));
        QVERIFY(curveAt > 0);
        const qsizetype lastKeyByte = curveAt + 8 + 3 + 64; // header 03 42 00, then 04 x y
        offCurve[lastKeyByte] = char(offCurve[lastKeyByte] ^ 0x01);

        QTest::newRow("empty") << QByteArray() << u"c-1"_qs << u"p-acme"_qs << u"pki.csr.malformed"_qs;
        QTest::newRow("garbage") << QByteArray("not a request") << u"c-1"_qs << u"p-acme"_qs
                                 << u"pki.csr.malformed"_qs;
        QTest::newRow("truncated") << good.left(good.size() - 10) << u"c-1"_qs << u"p-acme"_qs
                                   << u"pki.csr.malformed"_qs;
        QTest::newRow("trailing-bytes") << good + QByteArray(2, '\0') << u"c-1"_qs << u"p-acme"_qs
                                        << u"pki.csr.malformed"_qs;
        QTest::newRow("pem-not-der") << QByteArray("-----BEGIN CERTIFICATE REQUEST-----\n") << u"c-1"_qs
                                     << u"p-acme"_qs << u"pki.csr.malformed"_qs;
        QTest::newRow("bad-signature") << tampered << u"c-1"_qs << u"p-acme"_qs << u"pki.csr.bad-signature"_qs;
        QTest::newRow("edited-subject") << otherSubject << u"c-1"_qs << u"p-acme"_qs
                                        << u"pki.csr.bad-signature"_qs;
        QTest::newRow("point-off-curve") << offCurve << u"c-1"_qs << u"p-acme"_qs << u"pki.csr.bad-key"_qs;
        QTest::newRow("rsa-1024") << m_rsa1024Csr << u"c-1"_qs << u"p-acme"_qs << u"pki.csr.key-type"_qs;
        QTest::newRow("rsa-2048") << m_rsa2048Csr << u"c-1"_qs << u"p-acme"_qs << u"pki.csr.key-type"_qs;
        QTest::newRow("p-384") << m_p384Csr << u"c-1"_qs << u"p-acme"_qs << u"pki.csr.key-type"_qs;
        QTest::newRow("subject-claims-other-participant")
            << csrFor(newKey(), u"p-globex"_qs, u"manage"_qs) << u"c-1"_qs << u"p-acme"_qs
            << u"pki.csr.wrong-participant"_qs;
        QTest::newRow("unknown-contract") << good << u"c-nope"_qs << u"p-acme"_qs << u"pki.contract.unknown"_qs;
        QTest::newRow("not-requesters-contract")
            << good << u"c-other"_qs << u"p-acme"_qs << u"pki.contract.not-party"_qs;
        QTest::newRow("seller-asks-for-buyers-contract")
            << csrFor(newKey(), u"p-dc1"_qs, u"agent"_qs) << u"c-1"_qs << u"p-dc1"_qs
            << u"pki.contract.not-party"_qs;
        QTest::newRow("terminated") << good << u"c-terminated"_qs << u"p-acme"_qs << u"pki.contract.terminated"_qs;
        QTest::newRow("window-over") << good << u"c-past"_qs << u"p-acme"_qs << u"pki.contract.ended"_qs;
        QTest::newRow("empty-window") << good << u"c-empty-window"_qs << u"p-acme"_qs
                                      << u"pki.contract.invalid"_qs;
        QTest::newRow("bad-requester-id") << good << u"c-1"_qs << u"p acme"_qs << u"pki.request.invalid"_qs;
    }

    void rejectsBadInput()
    {
        QFETCH(QByteArray, csr);
        QFETCH(QString, contract);
        QFETCH(QString, requester);
        QFETCH(QString, code);
        const qint64 before = m_ca->certificateCount();
        QVERIFY(before >= 0);
        auto issued = issueContract(csr, contract, requester);
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().code, code);
        QVERIFY(!issued.error().message.isEmpty());
        QCOMPARE(m_ca->certificateCount(), before);
    }

    void batchKeepsGoodRequestsAndStoresNothingForBadOnes()
    {
        const qint64 before = m_ca->certificateCount();
        const QByteArray good = csrFor(m_buyerKey, u"p-acme"_qs, u"manage"_qs);
        const auto results = m_ca->issueContractCertificates(
            {{good, u"c-1"_qs, u"p-acme"_qs}, {good, u"c-other"_qs, u"p-acme"_qs}, {good, u"c-1"_qs, u"p-acme"_qs}},
            m_contracts);
        QCOMPARE(results.size(), size_t(3));
        QVERIFY(results[0].ok());
        QCOMPARE(results[1].error().code, u"pki.contract.not-party"_qs);
        QVERIFY(results[2].ok());
        QVERIFY(results[0]->serial != results[2]->serial);
        QCOMPARE(m_ca->certificateCount(), before + 2);
    }

    void issuesIdentities_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("csrDns");
        QTest::addColumn<QStringList>("givenDns");
        QTest::addColumn<QStringList>("givenIps");
        QTest::addColumn<QStringList>("expectedSans");

        QTest::newRow("participant") << int(CertificateKind::Participant) << u"p-acme"_qs << QStringList()
                                     << QStringList() << QStringList() << QStringList();
        QTest::newRow("user") << int(CertificateKind::User) << u"u-alice"_qs << QStringList() << QStringList()
                              << QStringList() << QStringList();
        QTest::newRow("site-names-from-csr")
            << int(CertificateKind::Site) << u"s-fra1"_qs << QStringList{u"fra1.acme.example"_qs} << QStringList()
            << QStringList() << QStringList{u"fra1.acme.example"_qs};
        QTest::newRow("site-names-given")
            << int(CertificateKind::Site) << u"s-fra1"_qs << QStringList{u"ignored.example"_qs}
            << QStringList{u"localhost"_qs} << QStringList{u"127.0.0.1"_qs, u"::1"_qs}
            << QStringList{u"127.0.0.1"_qs, u"::1"_qs, u"localhost"_qs};
    }

    void issuesIdentities()
    {
        QFETCH(int, kind);
        QFETCH(QString, name);
        QFETCH(QStringList, csrDns);
        QFETCH(QStringList, givenDns);
        QFETCH(QStringList, givenIps);
        QFETCH(QStringList, expectedSans);

        IdentityRequest request;
        request.kind = CertificateKind(kind);
        request.participant = u"p-acme"_qs;
        request.name = name;
        request.organisation = u"Acme GmbH"_qs;
        request.role = u"buyer"_qs;
        request.permissions = {u"trade"_qs, u"deploy"_qs};
        request.dnsNames = givenDns;
        request.ipAddresses = givenIps;
        auto issued = m_ca->issueIdentity(csrFor(newKey(), u"p-acme"_qs, name, csrDns), request);
        QVERIFY2(issued.ok(), why(issued).constData());

        const QSslCertificate certificate(issued->der, QSsl::Der);
        QStringList sans;
        const auto alternates = certificate.subjectAlternativeNames();
        for (auto it = alternates.cbegin(); it != alternates.cend(); ++it)
            sans.append(it.value());
        sans.sort();
        QCOMPARE(sans, expectedSans);

        cloudex::ManualClock clock(fixedNowMs());
        CertificateVerifier verifier(clock);
        QVERIFY(verifier.setTrustAnchor(m_ca->rootCertificate()).ok());
        auto crl = m_ca->crl();
        QVERIFY(crl.ok());
        QVERIFY(verifier.setCrl(*crl).ok());
        Expectation expected;
        expected.kind = CertificateKind(kind);
        expected.participant = u"p-acme"_qs;
        expected.name = name;
        auto verified = verifier.verify(issued->der, expected);
        QVERIFY2(verified.ok(), why(verified).constData());
        QCOMPARE(verified->identity.organisation, u"Acme GmbH"_qs);
        QCOMPARE(verified->identity.role, u"buyer"_qs);
        QCOMPARE(verified->identity.permissions, (QStringList{u"trade"_qs, u"deploy"_qs}));
        QCOMPARE(verified->identity.participant, u"p-acme"_qs);
        QCOMPARE(verified->name, name);
    }

    void rejectsBadIdentityRequests_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("csrParticipant");
        QTest::addColumn<QString>("csrName");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("code");
        QTest::newRow("claims-other-participant") << int(CertificateKind::User) << u"p-globex"_qs << u"u-alice"_qs
                                                  << u"u-alice"_qs << u"pki.csr.wrong-participant"_qs;
        QTest::newRow("claims-other-user") << int(CertificateKind::User) << u"p-acme"_qs << u"u-bob"_qs
                                           << u"u-alice"_qs << u"pki.csr.wrong-name"_qs;
        QTest::newRow("site-without-names") << int(CertificateKind::Site) << u"p-acme"_qs << u"s-fra1"_qs
                                            << u"s-fra1"_qs << u"pki.site.no-names"_qs;
        QTest::newRow("contract-as-identity") << int(CertificateKind::Contract) << u"p-acme"_qs << u"c-1"_qs
                                              << u"c-1"_qs << u"pki.request.invalid"_qs;
        QTest::newRow("participant-named-otherwise") << int(CertificateKind::Participant) << u"p-acme"_qs
                                                     << u"u-alice"_qs << u"u-alice"_qs << u"pki.request.invalid"_qs;
    }

    void rejectsBadIdentityRequests()
    {
        QFETCH(int, kind);
        QFETCH(QString, csrParticipant);
        QFETCH(QString, csrName);
        QFETCH(QString, name);
        QFETCH(QString, code);
        const qint64 before = m_ca->certificateCount();
        IdentityRequest request;
        request.kind = CertificateKind(kind);
        request.participant = u"p-acme"_qs;
        request.name = name;
        auto issued = m_ca->issueIdentity(csrFor(newKey(), csrParticipant, csrName), request);
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().code, code);
        QCOMPARE(m_ca->certificateCount(), before);
    }

    void rejectsInjectedSiteNames()
    {
        // A comma would smuggle a second name into OpenSSL's configuration syntax.
        const QString injected = u"fra1.example,DNS:bank.example"_qs;
        auto csr = createCertificateRequest(newKey(), {u"p-acme"_qs, u"s-fra1"_qs, {injected}, {}});
        QVERIFY(!csr.ok());
        QCOMPARE(csr.error().code, u"pki.csr.bad-name"_qs);
        QCOMPARE(createCertificateRequest(newKey(), {u"p-acme"_qs, u"s-fra1"_qs, {}, {u"1.2.3.999"_qs}}).error().code,
                 u"pki.csr.bad-name"_qs);

        const qint64 before = m_ca->certificateCount();
        IdentityRequest site{CertificateKind::Site, u"p-acme"_qs, u"s-fra1"_qs, {}, {}, {}, {injected}, {}};
        auto issued = m_ca->issueIdentity(csrFor(newKey(), u"p-acme"_qs, u"s-fra1"_qs), site);
        QVERIFY(!issued.ok());
        QCOMPARE(issued.error().code, u"pki.request.invalid"_qs);
        QCOMPARE(m_ca->certificateCount(), before);
    }

    void exportsUserIdentityAsPkcs12()
    {
        const PrivateKey userKey = newKey();
        IdentityRequest request{CertificateKind::User, u"p-acme"_qs, u"u-alice"_qs, u"Acme GmbH"_qs, u"trader"_qs,
                                {u"trade"_qs}, {}, {}};
        auto issued = m_ca->issueIdentity(csrFor(userKey, u"p-acme"_qs, u"u-alice"_qs), request);
        QVERIFY(issued.ok());
        auto bundle = exportPkcs12(userKey, issued->der, {m_ca->rootCertificate()}, u"s3cret"_qs, u"u-alice"_qs);
        QVERIFY2(bundle.ok(), why(bundle).constData());

        // The desktop app reads it with Qt.
        QByteArray data = *bundle;
        QBuffer buffer(&data);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QSslKey key;
        QSslCertificate certificate;
        QList<QSslCertificate> chain;
        QVERIFY(QSslCertificate::importPkcs12(&buffer, &key, &certificate, &chain, "s3cret"));
        QCOMPARE(certificate.toDer(), issued->der);
        QCOMPARE(chain.size(), 1);
        QCOMPARE(chain.first().toDer(), m_ca->rootCertificate());
        QCOMPARE(key.algorithm(), QSsl::Ec);
        buffer.seek(0);
        QVERIFY(!QSslCertificate::importPkcs12(&buffer, &key, &certificate, &chain, "wrong"));

        // A key that does not belong to the certificate is refused.
        auto mismatch = exportPkcs12(newKey(), issued->der, {}, u"s3cret"_qs, {});
        QVERIFY(!mismatch.ok());
        QCOMPARE(mismatch.error().code, u"pki.p12.key-mismatch"_qs);
        QCOMPARE(exportPkcs12(userKey, issued->der, {}, {}, {}).error().code, u"pki.p12.no-passphrase"_qs);
    }

    void keyRoundTripsThroughEncryptedPem()
    {
        const PrivateKey key = newKey();
        auto pem = key.toPem(u"pw"_qs);
        QVERIFY(pem.ok());
        QVERIFY(pem->startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        auto back = PrivateKey::fromPem(*pem, u"pw"_qs);
        QVERIFY(back.ok());
        QCOMPARE(back->publicKeyDer(), key.publicKeyDer());
        QCOMPARE(PrivateKey::fromPem(*pem, u"nope"_qs).error().code, u"pki.key.read-failed"_qs);
        // Other key types are refused as CloudEx keys.
        const QByteArray rsaPem = readFile(m_tmp.filePath(u"openssl-rsa.key"_qs));
        QVERIFY(!rsaPem.isEmpty());
        QCOMPARE(PrivateKey::fromPem(rsaPem).error().code, u"pki.key.type"_qs);
    }

    void newContractCertificateSupersedesTheHoldersPrevious()
    {
        CaOptions options;
        options.directory = m_tmp.filePath(u"supersede-ca"_qs);
        auto ca = CertificateAuthority::open(options, m_clock);
        QVERIFY(ca.ok());
        const QByteArray csr = csrFor(m_buyerKey, u"p-acme"_qs, u"manage"_qs);
        QStringList alice;
        for (int i = 0; i < 3; ++i) {
            auto issued =
                (*ca)->issueContractCertificate({csr, u"c-1"_qs, u"p-acme"_qs, u"u-alice"_qs}, m_contracts);
            QVERIFY(issued.ok());
            alice.append(issued->serial);
        }
        auto bob = (*ca)->issueContractCertificate({csr, u"c-1"_qs, u"p-acme"_qs, u"u-bob"_qs}, m_contracts);
        QVERIFY(bob.ok());
        QVERIFY((*ca)->isRevoked(alice.at(0)));
        QVERIFY((*ca)->isRevoked(alice.at(1)));
        QVERIFY(!(*ca)->isRevoked(alice.at(2)));
        QVERIFY(!(*ca)->isRevoked(bob->serial)); // another holder keeps its own
        auto crl = (*ca)->crl();
        QVERIFY(crl.ok());
        QVERIFY(crlSerials(*crl).contains(alice.at(0)));
        QVERIFY(!crlSerials(*crl).contains(alice.at(2)));
    }

    void revocationAndRecordsSurviveRestart()
    {
        CaOptions options;
        options.directory = m_tmp.filePath(u"restart-ca"_qs);
        QString serial;
        QString kept;
        qint64 firstCrlNumber = 0;
        {
            auto ca = CertificateAuthority::open(options, m_clock);
            QVERIFY(ca.ok());
            const QByteArray csr = csrFor(m_buyerKey, u"p-acme"_qs, u"manage"_qs);
            auto revoked = (*ca)->issueContractCertificate({csr, u"c-1"_qs, u"p-acme"_qs}, m_contracts);
            // Another holder: one live certificate per contract and holder.
            auto other =
                (*ca)->issueContractCertificate({csr, u"c-1"_qs, u"p-acme"_qs, u"u-other"_qs}, m_contracts);
            QVERIFY(revoked.ok() && other.ok());
            serial = revoked->serial;
            kept = other->serial;
            QCOMPARE((*ca)->revoke({serial}, RevocationReason::KeyCompromise).value(), 1);
            QCOMPARE((*ca)->revoke({serial}, RevocationReason::KeyCompromise).value(), 0); // idempotent
            auto crl = (*ca)->crl();
            QVERIFY(crl.ok());
            firstCrlNumber = crlNumber(*crl);
            QVERIFY(firstCrlNumber > 0);
        }
        auto ca = CertificateAuthority::open(options, m_clock);
        QVERIFY(ca.ok());
        QVERIFY(!(*ca)->wasCreated());
        QCOMPARE((*ca)->certificateCount(), 2);
        QVERIFY((*ca)->isRevoked(serial));
        QVERIFY(!(*ca)->isRevoked(kept));
        auto crl = (*ca)->crl();
        QVERIFY(crl.ok());
        QVERIFY(crlNumber(*crl) > firstCrlNumber);
        QVERIFY(crlSerials(*crl).contains(serial));
        QVERIFY(!crlSerials(*crl).contains(kept));
        QCOMPARE(readFile(options.directory + u"/crl.pem"_qs).startsWith("-----BEGIN X509 CRL-----"), true);

        // An unknown serial revokes nothing, not even the valid ones listed with it.
        auto unknown = (*ca)->revoke({kept, u"0123"_qs}, RevocationReason::Unspecified);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, u"pki.revoke.unknown"_qs);
        QVERIFY(!(*ca)->isRevoked(kept));
    }

    void terminationRevokesEveryCertificateOfTheContract()
    {
        const qint64 now = fixedNowMs();
        m_contracts.insert(contract(u"c-terminate"_qs, now + kHourMs, now + 2 * kHourMs));
        auto first = issueContract(csrFor(newKey(), u"p-acme"_qs, u"manage"_qs), u"c-terminate"_qs);
        auto second = issueContract(csrFor(newKey(), u"p-acme"_qs, u"manage"_qs), u"c-terminate"_qs);
        auto bystander = issueContract(csrFor(newKey(), u"p-acme"_qs, u"manage"_qs), u"c-1"_qs);
        QVERIFY(first.ok() && second.ok() && bystander.ok());
        QCOMPARE(m_ca->revokeContract(u"c-terminate"_qs, RevocationReason::CessationOfOperation).value(), 2);
        QVERIFY(m_ca->isRevoked(first->serial));
        QVERIFY(m_ca->isRevoked(second->serial));
        QVERIFY(!m_ca->isRevoked(bystander->serial));
        auto crl = m_ca->crl();
        QVERIFY(crl.ok());
        const QString text = crlSerials(*crl);
        QVERIFY(text.contains(first->serial));
        QVERIFY(text.contains(u"Cessation Of Operation"_qs));
        QVERIFY(!text.contains(bystander->serial));
    }

    void keepsCrlFresh()
    {
        CaOptions options;
        options.directory = m_tmp.filePath(u"fresh-ca"_qs);
        options.crlLifetimeMs = kHourMs;
        cloudex::ManualClock clock(fixedNowMs());
        auto ca = CertificateAuthority::open(options, clock);
        QVERIFY(ca.ok());
        auto first = (*ca)->crl();
        QVERIFY(first.ok());
        QCOMPARE((*ca)->crl().value(), *first); // unchanged: cached
        clock.advanceMs(kHourMs / 2 + 1000);     // past half its lifetime: re-signed
        auto second = (*ca)->crl();
        QVERIFY(second.ok());
        QVERIFY(*second != *first);
        QCOMPARE(crlNumber(*second), crlNumber(*first) + 1);
        QByteArray text;
        QCOMPARE(run(u"openssl"_qs, {u"crl"_qs, u"-inform"_qs, u"DER"_qs, u"-noout"_qs, u"-nextupdate"_qs}, &text,
                     *second),
                 0);
        const QDateTime next = QDateTime::fromMSecsSinceEpoch(clock.nowMs() + kHourMs, Qt::UTC);
        QVERIFY2(text.contains(QLocale::c().toString(next, u"MMM d HH:mm:ss yyyy"_qs).toLatin1())
                     || text.contains(QLocale::c().toString(next, u"MMM  d HH:mm:ss yyyy"_qs).toLatin1()),
                 text.constData());
    }

private:
    static qint64 crlNumber(const QByteArray &crl)
    {
        QByteArray text;
        if (run(u"openssl"_qs, {u"crl"_qs, u"-inform"_qs, u"DER"_qs, u"-noout"_qs, u"-crlnumber"_qs}, &text, crl) != 0)
            return -1;
        // "crlNumber=0x2"
        const QByteArray trimmed = text.trimmed();
        return trimmed.mid(trimmed.indexOf('=') + 1).toLongLong(nullptr, 16);
    }

    static QByteArray crlSerialsText(const QByteArray &crl)
    {
        QByteArray text;
        run(u"openssl"_qs, {u"crl"_qs, u"-inform"_qs, u"DER"_qs, u"-noout"_qs, u"-text"_qs}, &text, crl);
        return text;
    }

    static QString crlSerials(const QByteArray &crl) { return QString::fromLatin1(crlSerialsText(crl)); }
};

QTEST_GUILESS_MAIN(TestCertificateAuthority)
#include "tst_certificateauthority.moc"
