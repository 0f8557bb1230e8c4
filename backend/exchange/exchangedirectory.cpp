#include "exchange/exchangedirectory.h"

#include "core/logging.h"
#include "market/codec.h"
#include "market/engine.h"
#include "pki/certificateauthority.h"
#include "store/journal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTextStream>

namespace cloudex::exchange {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Exchange)
};

const QString kManifestFile = QStringLiteral("manifest.json");
const QString kJournalFile = QStringLiteral("journal.db");
const QString kCaDirectory = QStringLiteral("ca");
const QString kFormat = QStringLiteral("cloudex-exchange-data/1");
/// What an exchange writes into its directory (operator.p12 and ca.pem by --init).
const QStringList kExchangeEntries{QStringLiteral("manifest.json"),  QStringLiteral("journal.db"),
                                   QStringLiteral("journal.db-wal"), QStringLiteral("ca"),
                                   QStringLiteral("operator.p12"),   QStringLiteral("ca.pem")};

constexpr qint64 kMsPerSecond = 1000;

QString describe(const pki::ExchangeIdentity &identity)
{
    return Tr::tr("exchange %1 (epoch %2)").arg(identity.exchangeId).arg(identity.epoch);
}

Error refuse(const QString &code, const QString &message)
{
    return Error{QStringLiteral("exchange.") + code, message};
}

store::Journal::Identity toJournal(const pki::ExchangeIdentity &identity)
{
    return {identity.exchangeId, identity.epoch};
}

std::optional<pki::ExchangeIdentity> fromJournal(const std::optional<store::Journal::Identity> &identity)
{
    if (!identity)
        return std::nullopt;
    return pki::ExchangeIdentity{identity->exchangeId, identity->epoch};
}

Result<void> writeManifest(const QString &directory, const pki::ExchangeIdentity &identity, qint64 nowMs)
{
    QJsonObject manifest{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("exchange_id"), identity.exchangeId},
        {QStringLiteral("epoch"), identity.epoch},
        {QStringLiteral("written_at"), QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODate)}};
    QSaveFile file(ExchangeDirectory::manifestPath(directory));
    const QByteArray bytes = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit()) {
        return refuse(QStringLiteral("data-write"),
                      Tr::tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    }
    return {};
}

/// Whether `directory` holds anything of an exchange (`all`: anything at all).
QStringList presentEntries(const QString &directory, bool all)
{
    const QDir dir(directory);
    if (!dir.exists())
        return {};
    const QStringList entries =
        dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    if (all)
        return entries;
    QStringList present;
    for (const QString &entry : entries)
        if (kExchangeEntries.contains(entry))
            present.append(entry);
    return present;
}

bool journalPresent(const QString &directory)
{
    const QFileInfo info(ExchangeDirectory::journalPath(directory));
    return info.exists() && info.size() > 0;
}

bool caPresent(const QString &directory)
{
    return pki::CertificateAuthority::missingFiles(ExchangeDirectory::caDirectory(directory)).size() < 3;
}
} // namespace

QString ExchangeDirectory::manifestPath(const QString &directory)
{
    return QDir(directory).filePath(kManifestFile);
}

QString ExchangeDirectory::journalPath(const QString &directory)
{
    return QDir(directory).filePath(kJournalFile);
}

QString ExchangeDirectory::caDirectory(const QString &directory)
{
    return QDir(directory).filePath(kCaDirectory);
}

Result<std::optional<pki::ExchangeIdentity>> ExchangeDirectory::readManifest(const QString &directory)
{
    QFile file(manifestPath(directory));
    if (!file.exists())
        return std::optional<pki::ExchangeIdentity>();
    if (!file.open(QIODevice::ReadOnly))
        return refuse(QStringLiteral("data-manifest"),
                      Tr::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject object = document.object();
    pki::ExchangeIdentity identity{object.value(QStringLiteral("exchange_id")).toString(),
                                   object.value(QStringLiteral("epoch")).toInteger(0)};
    if (parseError.error != QJsonParseError::NoError || object.value(QStringLiteral("format")) != kFormat ||
        identity.exchangeId.isEmpty() || identity.epoch <= 0) {
        return refuse(
            QStringLiteral("data-manifest"),
            Tr::tr("%1 is damaged or of an unknown format (expected %2 with exchange_id and epoch).")
                .arg(file.fileName(), kFormat));
    }
    return std::optional<pki::ExchangeIdentity>(identity);
}

Result<ExchangeDirectory::Plan> ExchangeDirectory::inspect(const QString &directory, Mode mode)
{
    Plan plan;
    if (mode == Mode::Create) {
        // --init never writes over anything: not even an unrelated file is taken over.
        const QStringList present = presentEntries(directory, true);
        if (!present.isEmpty()) {
            return refuse(QStringLiteral("data-exists"),
                          Tr::tr("%1 is not empty (it holds %2): --init creates an exchange only in a new or "
                                 "empty directory.")
                              .arg(directory, present.mid(0, 4).join(QStringLiteral(", "))));
        }
        return plan;
    }
    auto manifest = readManifest(directory);
    if (!manifest)
        return manifest.error();
    const bool journal = journalPresent(directory);
    const bool ca = caPresent(directory);
    if (manifest.value()) {
        plan.kind = Plan::Kind::Initialised;
        plan.manifest = manifest.value();
        const QString owner = describe(*plan.manifest);
        if (!journal) {
            return refuse(
                QStringLiteral("data-missing"),
                Tr::tr("journal.db in %1 is missing or empty, but the manifest names %2: refusing to "
                       "start an empty exchange next to its CA (restore journal.db).")
                    .arg(directory, owner));
        }
        const QStringList missing = pki::CertificateAuthority::missingFiles(caDirectory(directory));
        if (!missing.isEmpty()) {
            return refuse(QStringLiteral("data-missing"),
                          Tr::tr("ca/%1 in %2 is missing, but the manifest names %3 (restore ca/).")
                              .arg(missing.constFirst(), directory, owner));
        }
        return plan;
    }
    if (!journal && !ca) {
        if (mode == Mode::Open) {
            const QStringList present = presentEntries(directory, false);
            if (!present.isEmpty()) {
                return refuse(
                    QStringLiteral("data-missing"),
                    Tr::tr("%1 holds %2 but no manifest.json, journal.db or CA: it is not a complete "
                           "exchange data directory.")
                        .arg(directory, present.join(QStringLiteral(", "))));
            }
            return refuse(
                QStringLiteral("data-uninitialised"),
                Tr::tr("%1 is not an initialised exchange data directory (no manifest.json): create "
                       "one with cloudex-exchange --data-dir %1 --init.")
                    .arg(directory));
        }
        return plan; // New
    }
    // An older version's directory: both parts or nothing.
    if (!journal) {
        return refuse(
            QStringLiteral("data-missing"),
            Tr::tr("journal.db in %1 is missing or empty while ca/ holds a CA: refusing to start an "
                   "empty exchange next to it (restore journal.db).")
                .arg(directory));
    }
    if (!ca) {
        return refuse(
            QStringLiteral("data-missing"),
            Tr::tr("ca/ in %1 is missing while journal.db holds an exchange's history (restore ca/).")
                .arg(directory));
    }
    const QStringList missing = pki::CertificateAuthority::missingFiles(caDirectory(directory));
    if (!missing.isEmpty()) {
        return refuse(QStringLiteral("data-missing"),
                      Tr::tr("ca/%1 in %2 is missing (restore ca/).").arg(missing.constFirst(), directory));
    }
    auto records = store::Journal::lastSequence(journalPath(directory));
    if (!records)
        return records.error();
    if (records.value() == 0) {
        return refuse(QStringLiteral("data-missing"),
                      Tr::tr("journal.db in %1 holds no records while ca/ holds a CA: refusing to start an "
                             "empty exchange next to it (restore journal.db).")
                          .arg(directory));
    }
    plan.kind = Plan::Kind::Legacy;
    return plan;
}

Result<pki::ExchangeIdentity> ExchangeDirectory::settle(const QString &directory, const Plan &plan,
                                                        pki::CertificateAuthority &ca, qint64 nowMs)
{
    const QString journal = journalPath(directory);
    auto caIdentity = ca.exchangeIdentity();
    if (!caIdentity)
        return caIdentity.error();
    auto journalIdentity = store::Journal::identity(journal);
    if (!journalIdentity)
        return journalIdentity.error();
    const std::optional<pki::ExchangeIdentity> inJournal = fromJournal(journalIdentity.value());

    if (plan.kind == Plan::Kind::Initialised) {
        const pki::ExchangeIdentity &manifest = *plan.manifest;
        if (!caIdentity.value() || *caIdentity.value() != manifest) {
            return refuse(QStringLiteral("data-mismatch"),
                          Tr::tr("ca/ca.sqlite in %1 belongs to %2, but the manifest names %3.")
                              .arg(directory,
                                   caIdentity.value() ? describe(*caIdentity.value()) : Tr::tr("no exchange"),
                                   describe(manifest)));
        }
        if (!inJournal || *inJournal != manifest) {
            return refuse(QStringLiteral("data-mismatch"),
                          Tr::tr("journal.db in %1 belongs to %2, but the manifest names %3.")
                              .arg(directory, inJournal ? describe(*inJournal) : Tr::tr("no exchange"),
                                   describe(manifest)));
        }
        return manifest;
    }

    pki::ExchangeIdentity identity;
    if (plan.kind == Plan::Kind::Legacy && caIdentity.value() && inJournal &&
        *caIdentity.value() == *inJournal) {
        // A creation or migration stopped before its manifest: finish it.
        identity = *inJournal;
    } else if (caIdentity.value() || inJournal) {
        return refuse(
            QStringLiteral("data-mismatch"),
            Tr::tr("journal.db and ca/ca.sqlite in %1 belong to %2 and %3, and there is no manifest.")
                .arg(directory, inJournal ? describe(*inJournal) : Tr::tr("no exchange"),
                     caIdentity.value() ? describe(*caIdentity.value()) : Tr::tr("no exchange")));
    } else {
        const quint64 high = QRandomGenerator::system()->generate64();
        const quint64 low = QRandomGenerator::system()->generate64();
        identity.exchangeId =
            QStringLiteral("x-%1%2").arg(high, 16, 16, QLatin1Char('0')).arg(low, 16, 16, QLatin1Char('0'));
        identity.epoch = std::max<qint64>(1, nowMs / kMsPerSecond);
    }
    // Journal first (a migration re-chains it), then the CA, the manifest last: a directory
    // with a manifest is complete.
    if (auto stamped = store::Journal::stamp(journal, toJournal(identity)); !stamped)
        return stamped.error();
    if (auto recorded = ca.setExchangeIdentity(identity); !recorded)
        return recorded.error();
    if (auto written = writeManifest(directory, identity, nowMs); !written)
        return written.error();
    if (plan.kind == Plan::Kind::Legacy) {
        qCInfo(lcExchange,
               "migrated the data directory %s: manifest.json written, journal checksummed and chained, "
               "%s",
               qPrintable(QDir(directory).absolutePath()), qPrintable(describe(identity)));
    } else {
        qCInfo(lcExchange, "initialised the data directory %s as %s",
               qPrintable(QDir(directory).absolutePath()), qPrintable(describe(identity)));
    }
    return identity;
}

Result<void> ExchangeDirectory::verify(const QString &directory, QTextStream &out)
{
    const QLocale c = QLocale::c();
    auto manifest = readManifest(directory);
    if (!manifest)
        return manifest.error();
    if (!manifest.value()) {
        return refuse(QStringLiteral("data-missing"),
                      Tr::tr("%1 has no manifest.json (not initialised, or from an older version: start the "
                             "exchange once to migrate it).")
                          .arg(directory));
    }
    const pki::ExchangeIdentity identity = *manifest.value();
    out << "manifest.json: " << describe(identity) << Qt::endl;

    const QStringList missing = pki::CertificateAuthority::missingFiles(caDirectory(directory));
    if (!missing.isEmpty())
        return refuse(QStringLiteral("data-missing"),
                      Tr::tr("ca/%1 in %2 is missing.").arg(missing.constFirst(), directory));
    auto caIdentity = pki::CertificateAuthority::readExchangeIdentity(caDirectory(directory));
    if (!caIdentity)
        return caIdentity.error();
    if (!caIdentity.value() || *caIdentity.value() != identity) {
        return refuse(QStringLiteral("data-mismatch"),
                      Tr::tr("ca/ca.sqlite in %1 belongs to %2, but the manifest names %3.")
                          .arg(directory,
                               caIdentity.value() ? describe(*caIdentity.value()) : Tr::tr("no exchange"),
                               describe(identity)));
    }
    out << "ca/: ca-key.pem, ca-cert.pem, ca.sqlite present; ca.sqlite names the same exchange" << Qt::endl;

    const QString journal = journalPath(directory);
    if (!journalPresent(directory))
        return refuse(QStringLiteral("data-missing"),
                      Tr::tr("journal.db in %1 is missing or empty.").arg(directory));
    // Below the checksums, every record must also be a command the engine understands.
    std::uint64_t undecodable = 0;
    auto report = store::Journal::verify(journal, [&](std::uint64_t seq, std::string_view payload) {
        market::Reader in(payload);
        market::Command command;
        if (!market::decode(in, command)) {
            undecodable = seq;
            return false;
        }
        return true;
    });
    if (!report)
        return report.error();
    if (undecodable != 0) {
        return Error{QStringLiteral("store.corrupt"),
                     Tr::tr("The journal %1 is damaged at sequence %2: the record does not decode.")
                         .arg(journal)
                         .arg(undecodable)};
    }
    const std::optional<pki::ExchangeIdentity> inJournal = fromJournal(report->identity);
    if (!inJournal || *inJournal != identity) {
        return refuse(QStringLiteral("data-mismatch"),
                      Tr::tr("journal.db in %1 belongs to %2, but the manifest names %3.")
                          .arg(directory, inJournal ? describe(*inJournal) : Tr::tr("no exchange"),
                               describe(identity)));
    }
    out << "journal.db: names the same exchange; " << c.toString(qulonglong(report->records))
        << " records (sequence 1 to " << c.toString(qulonglong(report->lastSeq))
        << "): contiguous, every checksum and chain link correct, head "
        << (report->headChecked ? "matches" : "not checked") << ", every record decodes" << Qt::endl;
    QStringList snapshots;
    for (std::uint64_t seq : report->snapshots)
        snapshots.append(c.toString(qulonglong(seq)));
    out << "snapshots: " << report->snapshots.size() << " checked"
        << (snapshots.isEmpty()
                ? QString()
                : QStringLiteral(" (after sequence %1)").arg(snapshots.join(QStringLiteral(", "))))
        << Qt::endl;
    out << "ok: " << directory << " verified" << Qt::endl;
    return {};
}

} // namespace cloudex::exchange
