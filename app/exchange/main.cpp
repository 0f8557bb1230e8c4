// cloudex-exchange: the exchange without a desktop. It runs the service of docs/API.md, and
// its admin commands are API clients with the operator's identity, so onboarding, limits and
// the kill switch go through the same authenticated, journaled routes as every trade.
//   cloudex-exchange --data-dir DIR --init [--passphrase-file F]    CA, operator.p12, ca.pem
//   cloudex-exchange --data-dir DIR [--listen HOST:PORT]             serve until SIGTERM/SIGINT
//                    [--settlement-deadline SECONDS] [--snapshot-every N]
//                    [--max-connections N --max-connections-per-address N --idle-timeout S]
//                    [--allow-clock-offset --clock-offset SECONDS]   (test facility)
//   cloudex-exchange verify --data-dir DIR                            check manifest, CA, journal
//   cloudex-exchange onboard --kind participant|user|site --participant ID [--name NAME]
//                    [--role R] [--permissions a,b] [--jurisdiction DE] --out FILE.p12
//   cloudex-exchange limits --participant ID [--max-order-quantity N] [--max-open-notional N]
//                    [--credit N] [--allowed-buyers a,b]
//   cloudex-exchange kill-switch --participant ID --blocked true|false
//   cloudex-exchange instruments [--product P] [--period H|D|W|M|Q]
//   cloudex-exchange revoke SERIAL [--reason unspecified|key-compromise|superseded|
//                    cessation-of-operation]                        an identity, at once
//   cloudex-exchange terminate CONTRACT --reason TEXT               a contract, early
// Admin commands take --server URL (default https://127.0.0.1:8443), --data-dir DIR (for
// operator.p12 and ca.pem) or --identity FILE.p12 and --ca FILE.pem. Without
// --passphrase-file, PKCS#12 files use the passphrase "cloudex".
// --init and serving take the CA key's passphrase from --ca-passphrase-file F (first line)
// or CLOUDEX_CA_PASSPHRASE; without one the CA key is stored unencrypted.
#include "api/certificate.h"
#include "api/identityrequest.h"
#include "api/participantrequest.h"
#include "api/revocation.h"
#include "core/logging.h"
#include "exchange/exchangedirectory.h"
#include "exchange/exchangeservice.h"
#include "market/exchange.h"
#include "market/types.h"
#include "net/apiclient.h"
#include "pki/certificateauthority.h"
#include "pki/pkcs12.h"
#include "pki/privatekey.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

using namespace cloudex;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ExchangeDaemon)
};

constexpr int kUsageError = 2;
constexpr int kRuntimeError = 1;
constexpr quint16 kDefaultPort = 8443;
constexpr int kCallTimeoutMs = 30'000;
const QString kDefaultPassphrase = QStringLiteral("cloudex");
const QString kOperatorFile = QStringLiteral("operator.p12");
const QString kCaFile = QStringLiteral("ca.pem");
const char kCaPassphraseVariable[] = "CLOUDEX_CA_PASSPHRASE";

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here; the event loop picks the byte up.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

int fail(const QString &message, int code)
{
    QTextStream(stderr) << "cloudex-exchange: " << message << Qt::endl;
    return code;
}

Result<QString> passphrase(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("passphrase-file")))
        return kDefaultPassphrase;
    QFile file(parser.value(QStringLiteral("passphrase-file")));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cli.passphrase"),
                     Tr::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString())};
    const QString text = QString::fromUtf8(file.readAll()).trimmed();
    if (text.isEmpty())
        return Error{QStringLiteral("cli.passphrase"),
                     Tr::tr("The passphrase file %1 is empty.").arg(file.fileName())};
    return text;
}

/// The CA key's passphrase, as the desk reads an identity's: the first line of
/// --ca-passphrase-file, or the environment variable; empty: the key is not encrypted.
Result<QString> caPassphrase(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("ca-passphrase-file")))
        return qEnvironmentVariable(kCaPassphraseVariable);
    QFile file(parser.value(QStringLiteral("ca-passphrase-file")));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cli.passphrase"),
                     Tr::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString())};
    const QString text = QString::fromUtf8(file.readLine()).trimmed();
    if (text.isEmpty())
        return Error{QStringLiteral("cli.passphrase"),
                     Tr::tr("The passphrase file %1 is empty.").arg(file.fileName())};
    return text;
}

Result<void> writeFile(const QString &path, const QByteArray &data, bool secret)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        (secret && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) ||
        file.write(data) != data.size()) {
        return Error{QStringLiteral("cli.write"),
                     Tr::tr("Cannot write %1: %2").arg(path, file.errorString())};
    }
    return {};
}

/// A fresh key and its PKCS#12 bundle once the certificate is known.
struct LocalKey
{
    pki::PrivateKey key;
    QByteArray csr;
};

Result<LocalKey> newKey(const pki::CsrSubject &subject)
{
    auto key = pki::PrivateKey::generate();
    if (!key)
        return key.error();
    auto csr = pki::createCertificateRequest(key.value(), subject);
    if (!csr)
        return csr.error();
    return LocalKey{key.value(), csr.value()};
}

Result<void> writePkcs12(const QString &path, const pki::PrivateKey &key, const QByteArray &certificateDer,
                         const QByteArray &caDer, const QString &secret, const QString &name)
{
    auto bundle = pki::exportPkcs12(key, certificateDer, {caDer}, secret, name);
    if (!bundle)
        return bundle.error();
    return writeFile(path, bundle.value(), true);
}

Result<QPair<QHostAddress, quint16>> listenAddress(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const quint16 port = text.mid(colon + 1).toUShort(&ok);
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host);
    if (colon < 0 || !ok || address.isNull())
        return Error{QStringLiteral("cli.listen"),
                     Tr::tr("--listen wants HOST:PORT, for example 127.0.0.1:8443.")};
    return qMakePair(address, port);
}

int runInit(const QCommandLineParser &parser, const QString &dataDir)
{
    const auto secret = passphrase(parser);
    if (!secret)
        return fail(secret.error().message, kUsageError);
    const auto caSecret = caPassphrase(parser);
    if (!caSecret)
        return fail(caSecret.error().message, kUsageError);
    const QString p12 = QDir(dataDir).filePath(kOperatorFile);
    // Never over an existing exchange (or anything else): a new directory or an empty one.
    if (auto plan = exchange::ExchangeDirectory::inspect(dataDir, exchange::ExchangeDirectory::Mode::Create);
        !plan)
        return fail(plan.error().message, kUsageError);
    if (caSecret->isEmpty()) {
        qCWarning(lcExchange,
                  "the CA key is stored unencrypted: give --ca-passphrase-file or %s to encrypt it",
                  kCaPassphraseVariable);
    }
    exchange::ExchangeService service;
    exchange::ExchangeService::Config config;
    config.directory = dataDir;
    config.directoryMode = exchange::ExchangeDirectory::Mode::Create;
    config.caPassphrase = caSecret.value();
    config.clockIntervalMs = 0;
    if (auto opened = service.open(config); !opened)
        return fail(opened.error().message, kRuntimeError);
    auto local = newKey({QStringLiteral("exchange"), QStringLiteral("u-operator"), {}, {}});
    if (!local)
        return fail(local.error().message, kRuntimeError);
    pki::IdentityRequest request;
    request.kind = pki::CertificateKind::User;
    request.participant = QStringLiteral("exchange");
    request.name = QStringLiteral("u-operator");
    request.organisation = QStringLiteral("CloudEx Exchange");
    request.role = QStringLiteral("operator");
    request.permissions = {QStringLiteral("operate")};
    auto issued = service.issueIdentity(local->csr, request);
    if (!issued)
        return fail(issued.error().message, kRuntimeError);
    const QByteArray root = service.authority().rootCertificate();
    if (auto written = writePkcs12(p12, local->key, issued->der, root, secret.value(), request.name);
        !written)
        return fail(written.error().message, kRuntimeError);
    if (auto written = writeFile(QDir(dataDir).filePath(kCaFile), service.caCertificatePem(), false);
        !written)
        return fail(written.error().message, kRuntimeError);
    QTextStream(stdout) << "initialised " << dataDir << ": " << p12 << ", " << QDir(dataDir).filePath(kCaFile)
                        << Qt::endl;
    return 0;
}

/// Every connection is a descriptor: the soft limit (often 1,024) would refuse clients long
/// before --max-connections (4,096), so the server raises it to the hard limit.
void raiseDescriptorLimit(int maxConnections)
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    if (limit.rlim_cur < limit.rlim_max) {
        const rlim_t before = limit.rlim_cur;
        limit.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &limit) != 0) {
            limit.rlim_cur = before;
            qCWarning(lcExchange, "cannot raise the open-file limit from %llu to %llu", qulonglong(before),
                      qulonglong(limit.rlim_max));
        } else {
            qCDebug(lcExchange, "open-file limit raised from %llu to %llu", qulonglong(before),
                    qulonglong(limit.rlim_cur));
        }
    }
    // The journal, the CA database and the listener need a few descriptors of their own.
    constexpr rlim_t kOwnDescriptors = 64;
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < rlim_t(maxConnections) + kOwnDescriptors)
        qCWarning(lcExchange,
                  "the open-file limit %llu is below --max-connections %d: raise the hard limit "
                  "(ulimit -Hn, LimitNOFILE=)",
                  qulonglong(limit.rlim_cur), maxConnections);
}

int runServer(QCoreApplication &app, const QCommandLineParser &parser, const QString &dataDir)
{
    const auto caSecret = caPassphrase(parser);
    if (!caSecret)
        return fail(caSecret.error().message, kUsageError);
    exchange::ExchangeService::Config config;
    config.directory = dataDir;
    config.directoryMode = exchange::ExchangeDirectory::Mode::Open;
    config.caPassphrase = caSecret.value();
    config.port = kDefaultPort;
    if (parser.isSet(QStringLiteral("listen"))) {
        const auto listen = listenAddress(parser.value(QStringLiteral("listen")));
        if (!listen)
            return fail(listen.error().message, kUsageError);
        config.address = listen->first;
        config.port = listen->second;
    }
    // Connection caps and the idle timeout (README "Connection limits").
    const std::pair<const char *, int *> counts[] = {
        {"max-connections", &config.maxConnections},
        {"max-connections-per-address", &config.maxConnectionsPerAddress},
        {"idle-timeout", &config.idleTimeoutSecs},
        {"snapshot-every", &config.snapshotEvery},
    };
    for (const auto &[name, target] : counts) {
        const QString option = QString::fromLatin1(name);
        if (!parser.isSet(option))
            continue;
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < 1)
            return fail(Tr::tr("--%1 needs a positive whole number.").arg(option), kUsageError);
        *target = value;
    }
    if (parser.isSet(QStringLiteral("settlement-deadline"))) {
        bool ok = false;
        config.settlementDeadlineSecs = parser.value(QStringLiteral("settlement-deadline")).toLongLong(&ok);
        if (!ok || config.settlementDeadlineSecs < 0)
            return fail(Tr::tr("--settlement-deadline takes a number of seconds."), kUsageError);
    }
    if (parser.isSet(QStringLiteral("clock-offset"))) {
        if (!parser.isSet(QStringLiteral("allow-clock-offset")))
            return fail(Tr::tr("--clock-offset is a test facility; it needs --allow-clock-offset."),
                        kUsageError);
        bool ok = false;
        config.clockOffsetSecs = parser.value(QStringLiteral("clock-offset")).toLongLong(&ok);
        if (!ok)
            return fail(Tr::tr("--clock-offset takes a number of seconds."), kUsageError);
    }
    raiseDescriptorLimit(config.maxConnections);
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return fail(Tr::tr("Cannot install the signal handlers."), kRuntimeError);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    exchange::ExchangeService service;
    if (auto opened = service.open(config); !opened) {
        if (opened.error().code == u"pki.ca.passphrase-required")
            return fail(opened.error().message + Tr::tr(" Give it with --ca-passphrase-file FILE or %1.")
                                                     .arg(QLatin1String(kCaPassphraseVariable)),
                        kRuntimeError);
        return fail(opened.error().message, kRuntimeError);
    }
    QTextStream(stdout) << "listening on " << service.baseUrl().toString() << Qt::endl;
    const int code = app.exec();
    // The state a restart must recover exactly (its "recovered" line names the same digest).
    service.exchange().flush();
    qCInfo(lcExchange, "stopped at sequence %llu, state digest %016llx",
           qulonglong(service.exchange().lastSeq()), qulonglong(service.exchange().stateHash()));
    QTextStream(stdout) << "stopped" << Qt::endl;
    return code;
}

int runVerify(const QString &dataDir)
{
    if (dataDir.isEmpty())
        return fail(Tr::tr("verify needs --data-dir."), kUsageError);
    QTextStream out(stdout);
    if (auto verified = exchange::ExchangeDirectory::verify(dataDir, out); !verified)
        return fail(Tr::tr("verify: %1").arg(verified.error().message), kRuntimeError);
    return 0;
}

using CallDone = std::function<void(const Result<QJsonValue> &)>;

/// Runs one API call as the operator and hands its JSON, or the error, to `done` from the
/// event loop (runAdmin's, the only one an admin command runs).
void call(net::ApiCall *pending, CallDone done)
{
    auto once = std::make_shared<CallDone>(std::move(done));
    const auto finish = [pending, once] {
        const CallDone handler = std::exchange(*once, nullptr);
        if (!handler)
            return;
        pending->deleteLater();
        if (!pending->isFinished())
            return handler(Error{QStringLiteral("cli.timeout"), Tr::tr("The exchange did not answer.")});
        if (!pending->ok()) {
            const QString code = pending->problem() ? pending->problem()->code : QString();
            return handler(Error{code, QStringLiteral("%1 (%2)").arg(pending->errorString(), code)});
        }
        handler(pending->body());
    };
    QObject::connect(pending, &net::ApiCall::finished, pending, finish);
    QTimer::singleShot(kCallTimeoutMs, pending, finish);
}

QStringList listOption(const QCommandLineParser &parser, const QString &name)
{
    return parser.value(name).split(u',', Qt::SkipEmptyParts);
}

int runAdmin(const QStringList &positional, const QCommandLineParser &parser, const QString &dataDir)
{
    const QString command = positional.constFirst();
    const QString subject = positional.value(1);
    const auto secret = passphrase(parser);
    if (!secret)
        return fail(secret.error().message, kUsageError);
    const QString identity = parser.isSet(QStringLiteral("identity"))
                                 ? parser.value(QStringLiteral("identity"))
                                 : QDir(dataDir).filePath(kOperatorFile);
    QFile caFile(parser.isSet(QStringLiteral("ca")) ? parser.value(QStringLiteral("ca"))
                                                    : QDir(dataDir).filePath(kCaFile));
    if (!caFile.open(QIODevice::ReadOnly))
        return fail(Tr::tr("Cannot read the CA certificate %1.").arg(caFile.fileName()), kUsageError);
    const QByteArray caPem = caFile.readAll();
    auto tls = net::ApiClient::tlsFromPkcs12(identity, secret->toUtf8(), caPem);
    if (!tls)
        return fail(tls.error().message, kUsageError);
    const QUrl server(parser.isSet(QStringLiteral("server"))
                          ? parser.value(QStringLiteral("server"))
                          : QStringLiteral("https://127.0.0.1:%1").arg(kDefaultPort));
    net::ApiClient client(server, tls.value());
    QTextStream out(stdout);
    const QString participant = parser.value(QStringLiteral("participant"));
    auto print = [&](const Result<QJsonValue> &result) {
        if (!result)
            return fail(result.error().message, kRuntimeError);
        out << QJsonDocument(result->toObject()).toJson(QJsonDocument::Indented);
        return 0;
    };

    // Every command ends in finish() from the event loop below, never before it runs.
    const auto finish = [](int code) {
        QCoreApplication::exit(code);
    };
    const auto run = [&] {
        if (command == u"instruments") {
            QString path = QStringLiteral("/v1/instruments");
            QStringList query;
            if (parser.isSet(QStringLiteral("product")))
                query << QStringLiteral("product=") + parser.value(QStringLiteral("product"));
            if (parser.isSet(QStringLiteral("period")))
                query << QStringLiteral("kind=") + parser.value(QStringLiteral("period"));
            if (!query.isEmpty())
                path += u'?' + query.join(u'&');
            return call(client.get(path), [&](const Result<QJsonValue> &result) { finish(print(result)); });
        }
        if (command == u"revoke") {
            // Through the API, like every admin command: the running exchange closes the
            // identity's connections at once, and the CA database has one writer.
            if (subject.isEmpty())
                return finish(fail(Tr::tr("revoke needs the serial of the certificate."), kUsageError));
            api::RevokeIdentityRequest request;
            if (parser.isSet(QStringLiteral("reason"))) {
                const auto reason =
                    api::fromWire<api::RevocationReason>(parser.value(QStringLiteral("reason")));
                if (!reason)
                    return finish(fail(Tr::tr("revoke --reason wants one of %1.")
                                           .arg(api::wireNameList<api::RevocationReason>()),
                                       kUsageError));
                request.reason = *reason;
            }
            return call(client.post(QStringLiteral("/v1/identities/%1/revoke")
                                        .arg(QString::fromLatin1(QUrl::toPercentEncoding(subject))),
                                    request.toJson()),
                        [&](const Result<QJsonValue> &result) { finish(print(result)); });
        }
        if (command == u"terminate") {
            const QString reason = parser.value(QStringLiteral("reason"));
            if (subject.isEmpty() || reason.trimmed().isEmpty())
                return finish(fail(Tr::tr("terminate needs the contract id and --reason."), kUsageError));
            return call(client.post(QStringLiteral("/v1/contracts/%1/terminate")
                                        .arg(QString::fromLatin1(QUrl::toPercentEncoding(subject))),
                                    api::TerminateContractRequest{reason}.toJson()),
                        [&](const Result<QJsonValue> &result) { finish(print(result)); });
        }
        if (participant.isEmpty())
            return finish(fail(Tr::tr("%1 needs --participant.").arg(command), kUsageError));
        if (command == u"kill-switch") {
            const QString blocked = parser.value(QStringLiteral("blocked"));
            if (blocked != u"true" && blocked != u"false")
                return finish(
                    fail(Tr::tr("kill-switch needs --blocked true or --blocked false."), kUsageError));
            return call(client.post(QStringLiteral("/v1/participants/%1/kill-switch").arg(participant),
                                    api::KillSwitchRequest{blocked == u"true"}.toJson()),
                        [&](const Result<QJsonValue> &result) { finish(print(result)); });
        }
        if (command == u"limits") {
            api::LimitsRequest limits;
            for (const auto &[name, limit] :
                 {std::pair{QStringLiteral("max-order-quantity"), &limits.maxOrderQuantity},
                  std::pair{QStringLiteral("max-open-notional"), &limits.maxOpenNotional},
                  std::pair{QStringLiteral("credit"), &limits.credit}}) {
                if (!parser.isSet(name))
                    continue;
                bool ok = false;
                const qint64 value = parser.value(name).toLongLong(&ok);
                if (!ok)
                    return finish(fail(Tr::tr("--%1 wants a whole number.").arg(name), kUsageError));
                *limit = value;
            }
            if (parser.isSet(QStringLiteral("allowed-buyers")))
                limits.allowedBuyers = listOption(parser, QStringLiteral("allowed-buyers"));
            return call(
                client.put(QStringLiteral("/v1/participants/%1/limits").arg(participant), limits.toJson()),
                [&](const Result<QJsonValue> &result) { finish(print(result)); });
        }
        if (command == u"onboard") {
            const QString kind = parser.value(QStringLiteral("kind"));
            // A participant certificate is named after the participant.
            const QString name = parser.isSet(QStringLiteral("name")) || kind != u"participant"
                                     ? parser.value(QStringLiteral("name"))
                                     : participant;
            const QString outPath = parser.value(QStringLiteral("out"));
            const auto identityKind = api::fromWire<api::IdentityKind>(kind);
            if (!identityKind || name.isEmpty() || outPath.isEmpty())
                return finish(fail(Tr::tr("onboard needs --kind, --name and --out."), kUsageError));
            // Once the participant exists: the key is made here and never sent, only the request
            // travels.
            const auto issue = [&, kind, name, outPath, identityKind] {
                pki::CsrSubject subject{participant, name, listOption(parser, QStringLiteral("dns")), {}};
                auto local = newKey(subject);
                if (!local)
                    return finish(fail(local.error().message, kRuntimeError));
                QStringList permissions = listOption(parser, QStringLiteral("permissions"));
                // By default a participant identity is its own administrator, and every
                // person trades and deploys; sites need none.
                if (!parser.isSet(QStringLiteral("permissions")) && kind != u"site") {
                    permissions = {QStringLiteral("trade"), QStringLiteral("deploy")};
                    if (kind == u"participant")
                        permissions.append(QStringLiteral("admin"));
                }
                api::IdentityRequest request;
                request.kind = *identityKind;
                request.participant = participant;
                request.name = name;
                request.organisation = parser.value(QStringLiteral("organisation"));
                request.role = parser.value(QStringLiteral("role"));
                request.permissions = permissions;
                request.csr = QString::fromLatin1(local->csr.toBase64());
                call(client.post(QStringLiteral("/v1/identities"), request.toJson()),
                     [&, key = local->key, name, outPath](const Result<QJsonValue> &answer) {
                         if (!answer)
                             return finish(fail(answer.error().message, kRuntimeError));
                         const auto issued =
                             api::Certificate::fromJson(answer->toObject(), api::ParseMode::Lenient);
                         if (!issued)
                             return finish(fail(issued.error().message, kRuntimeError));
                         const QSslCertificate certificate(issued->certificate.toLatin1());
                         const QSslCertificate ca(caPem);
                         if (auto written = writePkcs12(outPath, key, certificate.toDer(), ca.toDer(),
                                                        secret.value(), name);
                             !written)
                             return finish(fail(written.error().message, kRuntimeError));
                         out << "wrote " << outPath << " (serial " << issued->serial << ")" << Qt::endl;
                         finish(0);
                     });
            };
            if (identityKind != api::IdentityKind::Participant)
                return issue();
            api::ParticipantRequest request;
            request.id = participant;
            if (parser.isSet(QStringLiteral("role"))) {
                const auto role = api::fromWire<api::Role>(parser.value(QStringLiteral("role")));
                if (!role)
                    return finish(fail(Tr::tr("--role wants one of %1.").arg(api::wireNameList<api::Role>()),
                                       kUsageError));
                request.role = *role;
            }
            request.jurisdiction = parser.isSet(QStringLiteral("jurisdiction"))
                                       ? parser.value(QStringLiteral("jurisdiction"))
                                       : QStringLiteral("DE");
            request.certifications = listOption(parser, QStringLiteral("certifications"));
            request.metadataPolicy = QStringLiteral("standard");
            return call(client.post(QStringLiteral("/v1/participants"), request.toJson()),
                        [&, issue](const Result<QJsonValue> &added) {
                            // Onboarding again adds another identity to a participant that exists.
                            if (!added && added.error().code != QLatin1String(market::reasonCode(
                                                                    market::Reason::DuplicateParticipant)))
                                return finish(fail(added.error().message, kRuntimeError));
                            issue();
                        });
        }
        return finish(fail(Tr::tr("Unknown command %1.").arg(command), kUsageError));
    };
    QTimer::singleShot(0, &client, run);
    return QCoreApplication::exec();
}
} // namespace

int main(int argc, char **argv)
{
    // Everything the exchange writes (journal, CA database, keys, manifest; SQLite's -wal
    // and -shm copy their database's mode) is for its owner only.
    ::umask(S_IRWXG | S_IRWXO);
    // A server with a thousand sockets in one thread: Qt's own UNIX event dispatcher costs
    // less per event-loop pass than the GLib one (docs/PERFORMANCE.md, "api, stream").
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cloudex-exchange"));
    installDaemonLogFormat();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CloudEx exchange daemon and its admin commands"));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("verify, onboard, limits, kill-switch, instruments, revoke SERIAL "
                       "or terminate CONTRACT"));
    const QList<QCommandLineOption> options{
        {QStringLiteral("data-dir"), QStringLiteral("Exchange data directory."), QStringLiteral("dir")},
        {QStringLiteral("listen"), QStringLiteral("HOST:PORT to listen on (127.0.0.1:8443)."),
         QStringLiteral("address")},
        {QStringLiteral("init"), QStringLiteral("Create the CA and the operator identity.")},
        {QStringLiteral("max-connections"), QStringLiteral("Open connections at most, in all (4096)."),
         QStringLiteral("n")},
        {QStringLiteral("max-connections-per-address"),
         QStringLiteral("Open connections at most per client address (128)."), QStringLiteral("n")},
        {QStringLiteral("idle-timeout"),
         QStringLiteral("Seconds after which an idle connection or a silent stream session is closed (120)."),
         QStringLiteral("seconds")},
        {QStringLiteral("snapshot-every"),
         QStringLiteral("Journal records between snapshots of the state (1000000); fewer: faster restarts."),
         QStringLiteral("n")},
        {QStringLiteral("passphrase-file"),
         QStringLiteral("Passphrase of the PKCS#12 files (default \"cloudex\")."), QStringLiteral("file")},
        {QStringLiteral("ca-passphrase-file"),
         QStringLiteral(
             "Passphrase of the CA key (first line; else CLOUDEX_CA_PASSPHRASE; none: unencrypted)."),
         QStringLiteral("file")},
        {QStringLiteral("server"), QStringLiteral("Exchange URL for admin commands."), QStringLiteral("url")},
        {QStringLiteral("identity"), QStringLiteral("Operator PKCS#12 (default DIR/operator.p12)."),
         QStringLiteral("file")},
        {QStringLiteral("ca"), QStringLiteral("CA certificate (default DIR/ca.pem)."),
         QStringLiteral("file")},
        {QStringLiteral("kind"), QStringLiteral("participant, user or site."), QStringLiteral("kind")},
        {QStringLiteral("participant"), QStringLiteral("Participant id (p-acme)."), QStringLiteral("id")},
        {QStringLiteral("name"), QStringLiteral("Identity name (u-alice, s-fra1)."), QStringLiteral("name")},
        {QStringLiteral("organisation"), QStringLiteral("Display name of the organisation."),
         QStringLiteral("name")},
        {QStringLiteral("role"), QStringLiteral("Participant role (buyer, seller, both) or identity role."),
         QStringLiteral("role")},
        {QStringLiteral("permissions"), QStringLiteral("Comma-separated permissions (trade, deploy, admin, operate)."),
         QStringLiteral("list")},
        {QStringLiteral("jurisdiction"), QStringLiteral("Participant jurisdiction (DE)."),
         QStringLiteral("code")},
        {QStringLiteral("certifications"), QStringLiteral("Comma-separated certifications."),
         QStringLiteral("list")},
        {QStringLiteral("dns"), QStringLiteral("Site certificates: comma-separated DNS names."),
         QStringLiteral("list")},
        {QStringLiteral("out"), QStringLiteral("PKCS#12 file to write."), QStringLiteral("file")},
        {QStringLiteral("max-order-quantity"), QStringLiteral("Limit: instances per order."),
         QStringLiteral("n")},
        {QStringLiteral("max-open-notional"), QStringLiteral("Limit: open notional."), QStringLiteral("n")},
        {QStringLiteral("credit"), QStringLiteral("Limit: credit."), QStringLiteral("n")},
        {QStringLiteral("allowed-buyers"), QStringLiteral("Seller allow-list, comma-separated."),
         QStringLiteral("list")},
        {QStringLiteral("blocked"), QStringLiteral("Kill switch: true or false."), QStringLiteral("bool")},
        {QStringLiteral("reason"),
         QStringLiteral("revoke: unspecified, key-compromise, superseded or cessation-of-operation; "
                        "terminate: why, in words."),
         QStringLiteral("reason")},
        {QStringLiteral("product"), QStringLiteral("Instruments of this product only."),
         QStringLiteral("symbol")},
        {QStringLiteral("period"), QStringLiteral("Instruments of this period kind only (H, D, W, M, Q)."),
         QStringLiteral("kind")},
        {QStringLiteral("settlement-deadline"),
         QStringLiteral("Seconds after a window end to wait for a site's final usage report (3600)."),
         QStringLiteral("seconds")},
        {QStringLiteral("allow-clock-offset"),
         QStringLiteral("Test facility: allow --clock-offset (never in production).")},
        {QStringLiteral("clock-offset"),
         QStringLiteral("Test facility: run the market clock SECONDS off the system clock."),
         QStringLiteral("seconds")},
    };
    parser.addOptions(options);
    parser.process(app);

    const QString dataDir = parser.value(QStringLiteral("data-dir"));
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && positional.constFirst() == u"verify")
        return runVerify(dataDir);
    if (!positional.isEmpty())
        return runAdmin(positional, parser, dataDir);
    if (dataDir.isEmpty())
        return fail(Tr::tr("--data-dir is required."), kUsageError);
    if (parser.isSet(QStringLiteral("init")))
        return runInit(parser, dataDir);
    return runServer(app, parser, dataDir);
}
