// The order → profile ledger in a real data directory, and a contract's frozen terms set
// against a profile with every difference marked.
#include "manage/profileledger.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cloudex;
using namespace cloudex::manage;

class TestProfileLedger final : public QObject
{
    Q_OBJECT

private slots:
    void recordsAndFindsByOrder()
    {
        QTemporaryDir dir;
        ProfileLedger ledger(dir.path());
        QVERIFY(ledger.load()->isEmpty());
        SlaProfile strict;
        strict.id = QStringLiteral("strict");
        strict.name = QStringLiteral("Strict");
        strict.minAvailabilityBasisPoints = 9990;
        strict.jurisdictions = {QStringLiteral("DE")};
        QVERIFY(
            ledger.record({QStringLiteral("c-1"), 0, QStringLiteral("DE.GP2.SH.S1.H"), 100, strict}).ok());
        QVERIFY(!ledger.forOrder(7).has_value());
        QCOMPARE(ledger.setOrderId(QStringLiteral("c-1"), 7).value(), true);
        QCOMPARE(ledger.setOrderId(QStringLiteral("c-unknown"), 8).value(), false);
        // The profile as it was: editing it later does not change what the order used.
        strict.minAvailabilityBasisPoints = 9950;
        const auto found = ProfileLedger(dir.path()).forOrder(7);
        QVERIFY(found.has_value());
        QCOMPARE(found->profile.minAvailabilityBasisPoints, 9990);
        QCOMPARE(found->clientOrderId, QStringLiteral("c-1"));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("manage/order-profiles.json"))));
        // A damaged file is an error, not an empty ledger.
        QFile file(ledger.filePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{not json");
        file.close();
        QCOMPARE(ledger.load().error().code, QStringLiteral("manage.ledger-damaged"));
    }

    void termsAgainstAProfile()
    {
        api::Contract c;
        c.product = QStringLiteral("DE.GP2.SH.S2");
        c.sla.availabilityBasisPoints = 9950;
        c.sla.supportResponseMinutes = 240;
        c.sla.credits = {{9950, 10}};
        SlaProfile p;
        p.id = QStringLiteral("p");
        p.minAvailabilityBasisPoints = 9990; // not met
        p.maxSupportResponseMinutes = 480;   // met
        p.minCreditPercent = 25;             // not met
        p.regions = {QStringLiteral("FR")};  // not met
        const QList<TermCheck> checks = compareTerms(c, p);
        QStringList marked;
        for (const TermCheck &t : checks)
            if (t.differs)
                marked.append(t.term);
        QCOMPARE(marked, (QStringList{QStringLiteral("Availability"),
                                      QStringLiteral("Service credit at the first shortfall"),
                                      QStringLiteral("Region")}));
        // A profile that asks nothing marks nothing.
        for (const TermCheck &t : compareTerms(c, SlaProfile{}))
            QVERIFY2(!t.differs, qPrintable(t.term));
        // Next-business-day support is slower than any minute limit.
        c.sla.nextBusinessDaySupport = true;
        QVERIFY(compareTerms(c, p).at(1).differs);
    }
};

QTEST_GUILESS_MAIN(TestProfileLedger)
#include "tst_profileledger.moc"
