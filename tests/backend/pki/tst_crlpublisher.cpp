#include "pkitestsupport.h"

#include "pki/crlpublisher.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace pkitest;

class TestCrlPublisher : public QObject
{
    Q_OBJECT

private slots:
    void publishesWhenRevokedAndWhenAgeing()
    {
        QTemporaryDir tmp;
        cloudex::ManualClock clock(fixedNowMs());
        CaOptions options;
        options.directory = tmp.filePath(u"ca"_qs);
        options.crlLifetimeMs = kHourMs;
        auto ca = CertificateAuthority::open(options, clock);
        QVERIFY(ca.ok());
        InMemoryContractDirectory contracts;
        contracts.insert(contract(u"c-1"_qs, fixedNowMs() + kHourMs, fixedNowMs() + 2 * kHourMs));
        auto issued = (*ca)->issueContractCertificate(
            {csrFor(newKey(), u"p-acme"_qs, u"manage"_qs), u"c-1"_qs, u"p-acme"_qs}, contracts);
        QVERIFY(issued.ok());

        CrlPublisher publisher(**ca);
        QSignalSpy published(&publisher, &CrlPublisher::published);
        QSignalSpy failed(&publisher, &CrlPublisher::failed);
        publisher.start(10);
        QVERIFY(publisher.isActive());
        QCOMPARE(published.count(), 1); // the first CRL at once
        const QByteArray first = publisher.current();
        QVERIFY(!first.isEmpty());

        // Nothing changed: the timer keeps checking but publishes nothing new.
        QTest::qWait(50);
        QCOMPARE(published.count(), 1);

        // A revocation shows up on the next check.
        QCOMPARE((*ca)->revokeContract(u"c-1"_qs, RevocationReason::CessationOfOperation).value(), 1);
        QTRY_COMPARE(published.count(), 2);
        QVERIFY(publisher.current() != first);
        QVERIFY(QSslCertificateSerialListed(publisher.current(), issued->serial));

        // Half the lifetime later the CRL is re-signed with a later nextUpdate.
        clock.advanceMs(kHourMs / 2 + 1000);
        QTRY_COMPARE(published.count(), 3);
        QCOMPARE(published.at(2).at(0).toByteArray(), publisher.current());
        QCOMPARE(failed.count(), 0);
        publisher.stop();
        QVERIFY(!publisher.isActive());
    }

private:
    static bool QSslCertificateSerialListed(const QByteArray &crl, const QString &serial)
    {
        QByteArray text;
        run(u"openssl"_qs, {u"crl"_qs, u"-inform"_qs, u"DER"_qs, u"-noout"_qs, u"-text"_qs}, &text, crl);
        return text.contains(serial.toLatin1());
    }
};

QTEST_GUILESS_MAIN(TestCrlPublisher)
#include "tst_crlpublisher.moc"
