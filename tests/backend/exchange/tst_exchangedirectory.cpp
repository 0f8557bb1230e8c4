// The exchange data directory as one thing (issue #11, defects 2, 3 and 10): a journal that
// is missing, empty, foreign or damaged, or a CA that does not belong to it, refuses to start;
// --init's mode refuses an existing directory; older directories migrate once; files are
// owner-only; an encrypted CA key needs its passphrase.
#include "catalogue/catalogue.h"
#include "exchange/exchangedirectory.h"
#include "exchange/exchangeservice.h"
#include "market/exchange.h"
#include "pki/certificateauthority.h"
#include "store/journal.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <sqlite3.h>
#include <sys/stat.h>

using namespace cloudex;
using Mode = exchange::ExchangeDirectory::Mode;

namespace {

exchange::ExchangeService::Config config(const QString &directory, Mode mode = Mode::CreateIfNew,
                                         const QString &caPassphrase = {})
{
    exchange::ExchangeService::Config c;
    c.directory = directory;
    c.directoryMode = mode;
    c.products = {catalogue::Catalogue::standard().parseProduct(QStringLiteral("DE.GP2.SH.S1")).value()};
    c.horizon = {3, 0, 0, 0, 0};
    c.clockIntervalMs = 0;
    c.caPassphrase = caPassphrase;
    return c;
}

/// Opens a service on `directory`, adds `participants` participants, closes it.
Result<void> populate(const QString &directory, int participants = 3, const QString &caPassphrase = {})
{
    exchange::ExchangeService service;
    if (auto opened = service.open(config(directory, Mode::CreateIfNew, caPassphrase)); !opened)
        return opened.error();
    for (int i = 0; i < participants; ++i) {
        service.exchange().addParticipant({QStringLiteral("p-%1").arg(i),
                                           market::Role::Both,
                                           QStringLiteral("DE"),
                                           {},
                                           QStringLiteral("standard")},
                                          {});
    }
    service.exchange().flush();
    return {};
}

Result<void> reopen(const QString &directory, Mode mode = Mode::Open, const QString &caPassphrase = {})
{
    exchange::ExchangeService service;
    return service.open(config(directory, mode, caPassphrase));
}

bool sql(const QString &path, const char *statement)
{
    sqlite3 *db = nullptr;
    const bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
                    sqlite3_exec(db, statement, nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!ok)
        qWarning("sql: %s", db ? sqlite3_errmsg(db) : "open failed");
    sqlite3_close(db);
    return ok;
}

/// Flips the lowest bit of the last byte of `column` in the row `seq` of `table`.
bool flipByte(const QString &path, const char *table, const char *column, qint64 seq)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK;
    QByteArray bytes;
    sqlite3_stmt *s = nullptr;
    const QByteArray select = QByteArray("SELECT ") + column + " FROM " + table + " WHERE seq = ?1";
    if (ok && sqlite3_prepare_v2(db, select.constData(), -1, &s, nullptr) == SQLITE_OK) {
        sqlite3_bind_int64(s, 1, seq);
        if (sqlite3_step(s) == SQLITE_ROW)
            bytes =
                QByteArray(static_cast<const char *>(sqlite3_column_blob(s, 0)), sqlite3_column_bytes(s, 0));
    }
    sqlite3_finalize(s);
    ok = ok && !bytes.isEmpty();
    if (ok) {
        bytes[bytes.size() - 1] = char(bytes.back() ^ 1);
        const QByteArray update = QByteArray("UPDATE ") + table + " SET " + column + " = ?1 WHERE seq = ?2";
        ok = sqlite3_prepare_v2(db, update.constData(), -1, &s, nullptr) == SQLITE_OK;
        if (ok) {
            sqlite3_bind_blob(s, 1, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(s, 2, seq);
            ok = sqlite3_step(s) == SQLITE_DONE;
        }
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return ok;
}

QFileDevice::Permissions othersAndGroup()
{
    return QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
           QFileDevice::WriteOther | QFileDevice::ExeOther;
}

} // namespace

class TestExchangeDirectory final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_next = 0;
    QString fresh() { return m_tmp.filePath(QStringLiteral("d%1").arg(++m_next)); }
    static QString journal(const QString &dir) { return QDir(dir).filePath(QStringLiteral("journal.db")); }

private slots:
    void initTestCase() { ::umask(S_IWGRP | S_IWOTH); } // a desktop's usual 022

    /// Defect 2 as found: a deleted journal.db started an empty exchange next to the old CA.
    void missingJournalRefuses()
    {
        const QString dir = fresh();
        QVERIFY(populate(dir).ok());
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(journal(dir) + QLatin1String(suffix));
        for (Mode mode : {Mode::Open, Mode::CreateIfNew}) {
            const auto opened = reopen(dir, mode);
            QVERIFY(!opened);
            QCOMPARE(opened.error().code, QStringLiteral("exchange.data-missing"));
            QVERIFY2(opened.error().message.contains(QStringLiteral("journal.db")),
                     qPrintable(opened.error().message));
            QVERIFY(!opened.error().message.contains(u'\n'));
        }
        QVERIFY(!QFile::exists(journal(dir))); // nothing was created
    }

    void emptyJournalRefuses()
    {
        const QString dir = fresh();
        QVERIFY(populate(dir).ok());
        for (const char *suffix : {"-wal", "-shm"})
            QFile::remove(journal(dir) + QLatin1String(suffix));
        QVERIFY(QFile::resize(journal(dir), 0));
        const auto opened = reopen(dir);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(QStringLiteral("journal.db")),
                 qPrintable(opened.error().message));
    }

    void foreignJournalRefuses()
    {
        const QString a = fresh();
        const QString b = fresh();
        QVERIFY(populate(a).ok());
        QVERIFY(populate(b, 5).ok());
        QVERIFY(QFile::remove(journal(a)));
        QVERIFY(QFile::copy(journal(b), journal(a)));
        const auto opened = reopen(a);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("exchange.data-mismatch"));
        QVERIFY2(opened.error().message.contains(QStringLiteral("journal.db")),
                 qPrintable(opened.error().message));
    }

    void missingOrForeignCaRefuses()
    {
        const QString a = fresh();
        QVERIFY(populate(a).ok());
        const QString database = QDir(a).filePath(QStringLiteral("ca/ca.sqlite"));
        QVERIFY(QFile::rename(database, database + QStringLiteral(".away")));
        auto opened = reopen(a);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(QStringLiteral("ca/ca.sqlite")),
                 qPrintable(opened.error().message));
        QVERIFY(QFile::rename(database + QStringLiteral(".away"), database));
        QVERIFY(reopen(a).ok());

        QVERIFY(sql(database, "UPDATE exchange_identity SET epoch = epoch + 1"));
        opened = reopen(a);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("exchange.data-mismatch"));
        QVERIFY2(opened.error().message.contains(QStringLiteral("ca/ca.sqlite")),
                 qPrintable(opened.error().message));
    }

    void manifestIsRequiredOnceInitialised()
    {
        const QString dir = fresh();
        QVERIFY(populate(dir).ok());
        QFile manifest(exchange::ExchangeDirectory::manifestPath(dir));
        QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
        manifest.write("{\"format\": \"something else\"}");
        manifest.close();
        const auto opened = reopen(dir);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(QStringLiteral("manifest.json")),
                 qPrintable(opened.error().message));
    }

    void modesGuardCreation()
    {
        // The daemon without --init: a new directory is refused and left alone.
        const QString dir = fresh();
        auto opened = reopen(dir, Mode::Open);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("exchange.data-uninitialised"));
        QVERIFY(opened.error().message.contains(QStringLiteral("--init")));
        QVERIFY(!QFileInfo::exists(dir));
        // --init: a new or empty directory only.
        QVERIFY(reopen(dir, Mode::Create).ok());
        opened = reopen(dir, Mode::Create);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("exchange.data-exists"));
        const QString other = fresh();
        QVERIFY(QDir().mkpath(other));
        QVERIFY(reopen(other, Mode::Create).ok()); // empty is fine
        const QString stray = fresh();
        QVERIFY(QDir().mkpath(stray));
        QFile(QDir(stray).filePath(QStringLiteral("notes.txt"))).open(QIODevice::WriteOnly);
        QCOMPARE(reopen(stray, Mode::Create).error().code, QStringLiteral("exchange.data-exists"));
        // The desktop's first run initialises, later runs open the same exchange.
        const QString desk = fresh();
        exchange::ExchangeService first;
        QVERIFY(first.open(config(desk)).ok());
        const pki::ExchangeIdentity identity = first.identity();
        QVERIFY(identity.exchangeId.startsWith(QStringLiteral("x-")));
        QVERIFY(identity.epoch > 0);
        QVERIFY(QFileInfo::exists(exchange::ExchangeDirectory::manifestPath(desk)));
    }

    void identityIsStableAcrossRestarts()
    {
        const QString dir = fresh();
        pki::ExchangeIdentity identity;
        {
            exchange::ExchangeService service;
            QVERIFY(service.open(config(dir)).ok());
            identity = service.identity();
        }
        exchange::ExchangeService service;
        QVERIFY(service.open(config(dir, Mode::Open)).ok());
        QCOMPARE(service.identity(), identity);
        auto inJournal = store::Journal::identity(journal(dir));
        QVERIFY(inJournal.ok() && inJournal.value());
        QCOMPARE(inJournal.value()->exchangeId, identity.exchangeId);
    }

    /// A directory of the previous version (no manifest, no identities, no digests) migrates
    /// once and keeps its state.
    void legacyDirectoryMigratesOnce()
    {
        const QString dir = fresh();
        QVERIFY(populate(dir, 4).ok());
        QVERIFY(QFile::remove(exchange::ExchangeDirectory::manifestPath(dir)));
        QVERIFY(
            sql(journal(dir),
                "DELETE FROM meta; UPDATE journal SET hash = NULL; UPDATE snapshots SET checksum = NULL"));
        QVERIFY(sql(QDir(dir).filePath(QStringLiteral("ca/ca.sqlite")), "DROP TABLE exchange_identity"));
        QVERIFY(!store::Journal::open(journal(dir)).ok()); // unchained: not silently accepted

        pki::ExchangeIdentity identity;
        quint64 lastSeq = 0;
        {
            exchange::ExchangeService service;
            const auto opened = service.open(config(dir, Mode::Open));
            QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().message));
            identity = service.identity();
            lastSeq = service.exchange().lastSeq();
        }
        QVERIFY(lastSeq >= 5); // the clock tick and four participants, replayed
        QVERIFY(QFileInfo::exists(exchange::ExchangeDirectory::manifestPath(dir)));
        exchange::ExchangeService again;
        QVERIFY(again.open(config(dir, Mode::Open)).ok());
        QCOMPARE(again.identity(), identity); // not migrated a second time
        QString report;
        QTextStream out(&report);
        QVERIFY(exchange::ExchangeDirectory::verify(dir, out).ok());
    }

    /// Defect 3 at start-up: one flipped payload byte refuses to start and names the record.
    void damagedJournalRefusesToStart()
    {
        const QString dir = fresh();
        QVERIFY(populate(dir, 5).ok());
        QString report;
        QTextStream out(&report);
        QVERIFY(exchange::ExchangeDirectory::verify(dir, out).ok());
        QVERIFY2(report.contains(QStringLiteral("ok:")), qPrintable(report));
        // Record 3 is the second participant (1 is the first clock tick).
        QVERIFY(flipByte(journal(dir), "journal", "payload", 3));
        const auto opened = reopen(dir);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("store.corrupt"));
        QVERIFY2(opened.error().message.contains(QStringLiteral("sequence 3")),
                 qPrintable(opened.error().message));
        report.clear();
        const auto verified = exchange::ExchangeDirectory::verify(dir, out);
        QVERIFY(!verified);
        QVERIFY2(verified.error().message.contains(QStringLiteral("sequence 3")),
                 qPrintable(verified.error().message));
    }

    void filesAreOwnerOnly()
    {
        const QString dir = fresh();
        exchange::ExchangeService service;
        QVERIFY(service.open(config(dir)).ok());
        service.exchange().flush();
        for (const QString &file : {QStringLiteral("journal.db"), QStringLiteral("journal.db-wal"),
                                    QStringLiteral("journal.db-shm"), QStringLiteral("manifest.json"),
                                    QStringLiteral("ca/ca.sqlite"), QStringLiteral("ca/ca-key.pem")}) {
            const QString path = QDir(dir).filePath(file);
            QVERIFY2(QFileInfo::exists(path), qPrintable(path));
            QVERIFY2((QFile::permissions(path) & othersAndGroup()) == QFileDevice::Permissions(),
                     qPrintable(path));
        }
        QCOMPARE(QFile::permissions(dir) & othersAndGroup(), QFileDevice::Permissions());
    }

    void encryptedCaNeedsItsPassphrase()
    {
        const QString dir = fresh();
        QVERIFY(populate(dir, 1, QStringLiteral("correct horse")).ok());
        QFile key(QDir(dir).filePath(QStringLiteral("ca/ca-key.pem")));
        QVERIFY(key.open(QIODevice::ReadOnly));
        QVERIFY(key.readAll().contains("ENCRYPTED"));
        auto opened = reopen(dir);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("pki.ca.passphrase-required"));
        opened = reopen(dir, Mode::Open, QStringLiteral("wrong"));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("pki.ca.key-unreadable"));
        QVERIFY(opened.error().message.contains(QStringLiteral("passphrase")));
        QVERIFY(reopen(dir, Mode::Open, QStringLiteral("correct horse")).ok());
    }
};

QTEST_GUILESS_MAIN(TestExchangeDirectory)
#include "tst_exchangedirectory.moc"
