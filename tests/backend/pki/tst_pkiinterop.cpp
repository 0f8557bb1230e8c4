// The CA's output against independent peers: the openssl command line and curl talking
// mutual TLS to a Qt TLS server that admits buyers by contract certificate, as the connect
// agent will. Runs at the real time, since TLS stacks check validity against the system clock.
#include "pkitestsupport.h"

#include "pki/certificateverifier.h"

#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>

using namespace pkitest;

namespace {

/// A minimal HTTPS responder in front of a seller: TLS demands a client certificate from the
/// exchange root (expired and foreign ones fail the handshake); then the application checks
/// revocation and the contract: 200, 401 (revoked) or 403 (anything else).
class ContractGate final : public QObject
{
    Q_OBJECT

public:
    ContractGate(const QSslConfiguration &tls, const CertificateVerifier &verifier, const ContractDirectory &held,
                 QObject *parent = nullptr)
        : QObject(parent), m_verifier(verifier), m_held(held)
    {
        m_server.setSslConfiguration(tls);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, &ContractGate::accept);
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }

private:
    void accept()
    {
        while (QTcpSocket *next = m_server.nextPendingConnection()) {
            auto *socket = qobject_cast<QSslSocket *>(next);
            connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QSslSocket::readyRead, socket, [this, socket] { respond(socket); });
            if (socket->bytesAvailable() > 0)
                respond(socket);
        }
    }

    void respond(QSslSocket *socket)
    {
        QByteArray &request = m_buffers[socket];
        request += socket->readAll();
        if (!request.contains("\r\n\r\n"))
            return;
        static const QRegularExpression line(QStringLiteral("^GET /contracts/([^ /]+) HTTP/1\\.[01]\r\n"));
        const auto match = line.match(QString::fromLatin1(request));
        m_buffers.remove(socket);
        int status = 404;
        if (match.hasMatch()) {
            Expectation expected;
            expected.kind = CertificateKind::Contract;
            expected.contractId = match.captured(1);
            expected.seller = QStringLiteral("p-dc1");
            expected.contracts = &m_held;
            const auto verified = m_verifier.verify(socket->peerCertificate().toDer(), expected);
            status = verified.ok() ? 200 : verified.error().code == u"pki.verify.revoked"_qs ? 401 : 403;
        }
        const QByteArray body = QByteArray::number(status) + '\n';
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QSslServer m_server;
    const CertificateVerifier &m_verifier;
    const ContractDirectory &m_held;
    QHash<QSslSocket *, QByteArray> m_buffers;
};

} // namespace

class TestPkiInterop : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    qint64 m_now = 0;
    cloudex::ManualClock m_caClock;
    std::unique_ptr<CertificateAuthority> m_ca;
    InMemoryContractDirectory m_contracts;
    QByteArray m_crl;

    QString file(const QString &name) const { return m_tmp.filePath(name); }

    // Issues a contract certificate and writes <name>.pem and <name>.key.
    void issueTo(CertificateAuthority &ca, const QString &contractId, const QString &name)
    {
        const PrivateKey key = newKey();
        auto issued = ca.issueContractCertificate({csrFor(key, u"p-acme"_qs, u"manage"_qs), contractId, u"p-acme"_qs},
                                                  m_contracts);
        QVERIFY2(issued.ok(), why(issued).constData());
        QVERIFY(writeFile(file(name + u".pem"_qs), issued->pem()));
        QVERIFY(writeFile(file(name + u".key"_qs), key.toPem().value()));
    }

    QByteArray serialOf(const QString &name)
    {
        const QByteArray pem = readFile(file(name + u".pem"_qs));
        return QSslCertificate(pem).serialNumber().replace(':', "").toUpper();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        // Whole seconds: certificates carry no milliseconds.
        m_now = QDateTime::currentSecsSinceEpoch() * 1000;
        // The CA issues everything ten days ago, when even the expired contract was ahead.
        m_caClock.setNowMs(m_now - 10 * kDayMs);
        CaOptions options;
        options.directory = file(u"ca"_qs);
        auto ca = CertificateAuthority::open(options, m_caClock);
        QVERIFY2(ca.ok(), why(ca).constData());
        m_ca = std::move(ca).value();

        m_contracts.insert(contract(u"c-live"_qs, m_now - kHourMs, m_now + kHourMs));
        m_contracts.insert(contract(u"c-revoked"_qs, m_now - kHourMs, m_now + kHourMs));
        m_contracts.insert(contract(u"c-expired"_qs, m_now - 3 * kDayMs, m_now - 2 * kDayMs));
        m_contracts.insert(contract(u"c-elsewhere"_qs, m_now - kHourMs, m_now + kHourMs, u"p-acme"_qs, u"p-dc2"_qs));
        issueTo(*m_ca, u"c-live"_qs, u"live"_qs);
        issueTo(*m_ca, u"c-revoked"_qs, u"revoked"_qs);
        issueTo(*m_ca, u"c-expired"_qs, u"expired"_qs);
        issueTo(*m_ca, u"c-elsewhere"_qs, u"elsewhere"_qs);

        CaOptions foreignOptions;
        foreignOptions.directory = file(u"foreign-ca"_qs);
        auto foreign = CertificateAuthority::open(foreignOptions, m_caClock);
        QVERIFY(foreign.ok());
        issueTo(**foreign, u"c-live"_qs, u"foreign"_qs);

        // The seller site's TLS server identity.
        const PrivateKey siteKey = newKey();
        IdentityRequest site{CertificateKind::Site, u"p-dc1"_qs, u"s-dc1"_qs, u"DC One"_qs, u"seller"_qs, {},
                             {u"localhost"_qs}, {u"127.0.0.1"_qs}};
        auto siteCertificate = m_ca->issueIdentity(csrFor(siteKey, u"p-dc1"_qs, u"s-dc1"_qs), site);
        QVERIFY2(siteCertificate.ok(), why(siteCertificate).constData());
        QVERIFY(writeFile(file(u"site.pem"_qs), siteCertificate->pem()));
        QVERIFY(writeFile(file(u"site.key"_qs), siteKey.toPem().value()));

        QCOMPARE(m_ca->revoke({QString::fromLatin1(serialOf(u"revoked"_qs))}, RevocationReason::CessationOfOperation)
                     .value(),
                 1);
        m_caClock.setNowMs(m_now);
        auto crl = m_ca->crl();
        QVERIFY(crl.ok());
        m_crl = *crl;
        QVERIFY(writeFile(file(u"crl.pem"_qs), readFile(m_ca->directory() + u"/crl.pem"_qs)));
        QVERIFY(writeFile(file(u"root.pem"_qs), QSslCertificate(m_ca->rootCertificate(), QSsl::Der).toPem()));
    }

    void opensslVerify_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("reason");
        QTest::newRow("valid") << u"live"_qs << true << u"OK"_qs;
        QTest::newRow("revoked") << u"revoked"_qs << false << u"certificate revoked"_qs;
        QTest::newRow("expired") << u"expired"_qs << false << u"certificate has expired"_qs;
        QTest::newRow("foreign-ca") << u"foreign"_qs << false << u"unable to get local issuer certificate"_qs;
    }

    void opensslVerify()
    {
        QFETCH(QString, certificate);
        QFETCH(bool, accepted);
        QFETCH(QString, reason);
        QByteArray output;
        const int rc = run(u"openssl"_qs, {u"verify"_qs, u"-x509_strict"_qs, u"-crl_check"_qs, u"-purpose"_qs,
                                           u"sslclient"_qs, u"-CAfile"_qs, file(u"root.pem"_qs), u"-CRLfile"_qs,
                                           file(u"crl.pem"_qs), file(certificate + u".pem"_qs)},
                           &output);
        QVERIFY2((rc == 0) == accepted, output.constData());
        QVERIFY2(output.contains(reason.toLatin1()), output.constData());
    }

    void opensslShowsContractExtension()
    {
        QByteArray text;
        QCOMPARE(run(u"openssl"_qs, {u"x509"_qs, u"-noout"_qs, u"-text"_qs, u"-in"_qs, file(u"live.pem"_qs)}, &text),
                 0);
        QVERIFY2(text.contains("2.25.119828128812114853495835593828542138692.1:"), text.constData());
        // Unknown extensions print raw: the readable strings of the contract show through.
        const qsizetype at = text.indexOf("2.25.119828128812114853495835593828542138692.1:");
        const QByteArray dump = text.mid(at, 400);
        for (const char *field : {"c-live", "p-acme", "p-dc1", "DE.GP2.SH.S1.H2026-12-01T14"})
            QVERIFY2(dump.contains(field), dump.constData());
        QVERIFY(text.contains("URI:urn:cloudex:contract:c-live"));
        QVERIFY(text.contains("TLS Web Client Authentication"));
        QVERIFY(!text.contains("TLS Web Server Authentication"));
        QVERIFY(text.contains("Subject: O = p-acme, CN = c-live"));
        QVERIFY(text.contains("ecdsa-with-SHA256"));
        const QSslCertificate live(readFile(file(u"live.pem"_qs)));
        QCOMPARE(live.effectiveDate().toMSecsSinceEpoch(), m_now - kHourMs);
        QCOMPARE(live.expiryDate().toMSecsSinceEpoch(), m_now + kHourMs);
    }

    void curlAgainstQtTlsServer_data()
    {
        QTest::addColumn<QString>("certificate"); // empty: no client certificate
        QTest::addColumn<QString>("contractId");
        QTest::addColumn<QString>("status"); // "000": the TLS handshake failed
        QTest::newRow("right-contract") << u"live"_qs << u"c-live"_qs << u"200"_qs;
        QTest::newRow("revoked") << u"revoked"_qs << u"c-revoked"_qs << u"401"_qs;
        QTest::newRow("wrong-contract") << u"live"_qs << u"c-revoked"_qs << u"403"_qs;
        QTest::newRow("contract-with-other-seller") << u"elsewhere"_qs << u"c-elsewhere"_qs << u"403"_qs;
        QTest::newRow("expired") << u"expired"_qs << u"c-expired"_qs << u"000"_qs;
        QTest::newRow("foreign-ca") << u"foreign"_qs << u"c-live"_qs << u"000"_qs;
        QTest::newRow("no-certificate") << QString() << u"c-live"_qs << u"000"_qs;
    }

    void curlAgainstQtTlsServer()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, contractId);
        QFETCH(QString, status);

        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(readFile(file(u"site.pem"_qs))));
        tls.setPrivateKey(QSslKey(readFile(file(u"site.key"_qs)), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
        QVERIFY(!tls.privateKey().isNull());
        tls.setCaCertificates({QSslCertificate(m_ca->rootCertificate(), QSsl::Der)});
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);

        CertificateVerifier verifier; // the system clock, as a running agent would
        QVERIFY(verifier.setTrustAnchor(m_ca->rootCertificate()).ok());
        QVERIFY(verifier.setCrl(m_crl).ok());
        InMemoryContractDirectory held; // what the agent pulled: its own contracts
        for (const QString &id : {u"c-live"_qs, u"c-revoked"_qs, u"c-expired"_qs})
            held.insert(*m_contracts.find(id));
        ContractGate gate(tls, verifier, held);
        QVERIFY(gate.listen());

        const QString port = QString::number(gate.port());
        QStringList arguments{u"-s"_qs, u"-o"_qs, u"/dev/null"_qs, u"-w"_qs, u"%{http_code}"_qs,
                              u"--max-time"_qs, u"20"_qs, u"--resolve"_qs, u"localhost:"_qs + port + u":127.0.0.1"_qs,
                              u"--cacert"_qs, file(u"root.pem"_qs)};
        if (!certificate.isEmpty()) {
            arguments << u"--cert"_qs << file(certificate + u".pem"_qs) << u"--key"_qs
                      << file(certificate + u".key"_qs);
        }
        arguments << u"https://localhost:"_qs + port + u"/contracts/"_qs + contractId;
        QProcess curl;
        curl.start(u"curl"_qs, arguments);
        QVERIFY(curl.waitForStarted());
        // The server lives on this thread: keep its event loop turning while curl runs.
        QTRY_VERIFY_WITH_TIMEOUT(curl.state() == QProcess::NotRunning, 30'000);
        const QByteArray output = curl.readAllStandardOutput();
        QCOMPARE(QString::fromLatin1(output), status);
        if (status == u"000"_qs)
            QVERIFY(curl.exitCode() != 0);
        else
            QCOMPARE(curl.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPkiInterop)
#include "tst_pkiinterop.moc"
