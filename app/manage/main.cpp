// cloudex-manage: the buyer's headless CLI on the desk layer (README, "cloudex-manage").
//
//   cloudex-manage --exchange URL --identity FILE.p12 [--passphrase-file F] [--data-dir DIR]
//                  [--json] [--timeout SECONDS] COMMAND
//   contracts | certificate C | templates C | deploy C --name N --template T | vms [C]
//   start|stop|reboot|delete C VM | usage C | settlements
//   users list | users issue NAME --permissions P,… (--csr FILE --out CERT.pem |
//         --out USER.p12 --user-passphrase-file F) | users permissions NAME --permissions P,…
//         [--out CERT.pem] | users revoke NAME | users limits NAME [--max-order-quantity N]
//         [--max-open-notional N] | users audit | users operations [--contract C] [--user U]
//         (the users commands need `admin`)
//
// Exit status: 0 success; 1 a local failure (data directory, wallet files); 2 a usage error
// (arguments, unreadable identity or passphrase); 3 the exchange or the site refused (a
// problem answer, a failed job, a revoked or expired certificate, a contract without a
// site); 4 the exchange or the site could not be reached or trusted (connection, TLS,
// timeout, a wrong site certificate, an unreadable answer). A failure prints one line on
// stderr. Everything runs on the QCoreApplication event loop; nothing waits in a nested one.
#include "chargebackcommands.h"

#include "api/connecttypes.h"
#include "core/datadirectory.h"
#include "core/logging.h"
#include "desk/contractwallet.h"
#include "desk/exchangeclient.h"
#include "desk/identityfile.h"
#include "desk/siteclient.h"
#include "pki/pkcs12.h"
#include "pki/privatekey.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QTextStream>
#include <QTimer>

#include <functional>
#include <memory>

using namespace cloudex;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Manage)
};

enum ExitCode {
    kOk = 0,
    kLocalFailure = 1,
    kUsageError = 2,
    kRefused = 3,
    kUnreachable = 4,
};

const QString kDefaultPassphrase = QStringLiteral("cloudex");

/// What an error means for the exit status: the peer was not reached or not trusted, a
/// local file failed, or the peer answered no.
int exitCodeFor(const Error &error)
{
    if (error.code.startsWith(u"transport.") || error.code == u"site.wrong-certificate" ||
        error.code == u"response.invalid")
        return kUnreachable;
    if (error.code == u"wallet.write" || error.code == u"wallet.unreadable")
        return kLocalFailure;
    return kRefused;
}

QString time(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString stateName(desk::ContractWallet::State state)
{
    switch (state) {
    case desk::ContractWallet::State::Pending:
        return QStringLiteral("pending");
    case desk::ContractWallet::State::Valid:
        return QStringLiteral("valid");
    case desk::ContractWallet::State::Expiring:
        return QStringLiteral("expiring");
    case desk::ContractWallet::State::Expired:
        return QStringLiteral("expired");
    case desk::ContractWallet::State::Revoked:
        return QStringLiteral("revoked");
    case desk::ContractWallet::State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

/// One run of one command: a chain of asynchronous calls that ends in done() or fail().
class Manage final : public QObject
{
public:
    Manage(const QUrl &exchange, const QSslConfiguration &tls, const QString &participant,
           const QString &walletDir, const QString &passphrase, bool json, int timeoutMs)
        : m_client(new desk::ExchangeClient(exchange, tls, this))
        , m_wallet(new desk::ContractWallet(m_client, walletDir, participant, passphrase, this))
        , m_participant(participant)
        , m_json(json)
        , m_timeoutMs(timeoutMs)
    {
        m_client->setTimeoutMs(timeoutMs);
    }

    void run(const QString &command, const QStringList &args, const QCommandLineParser &parser)
    {
        const auto need = [&](int count, const QString &usage) {
            if (args.size() == count)
                return true;
            usageError(Tr::tr("usage: %1").arg(usage));
            return false;
        };
        if (command == u"contracts") {
            if (need(0, QStringLiteral("contracts")))
                contracts();
        } else if (command == u"certificate") {
            if (need(1, QStringLiteral("certificate CONTRACT")))
                certificate(args.at(0));
        } else if (command == u"templates") {
            if (need(1, QStringLiteral("templates CONTRACT")))
                templates(args.at(0));
        } else if (command == u"deploy") {
            const QString name = parser.value(QStringLiteral("name"));
            if (!need(1, QStringLiteral("deploy CONTRACT --name N --template T")))
                return;
            if (name.isEmpty() || !parser.isSet(QStringLiteral("template")))
                return usageError(Tr::tr("deploy needs --name and --template (\"\" for a diskless VM)."));
            deploy(args.at(0), name, parser.value(QStringLiteral("template")));
        } else if (command == u"vms") {
            if (args.size() > 1)
                return usageError(Tr::tr("usage: vms [CONTRACT]"));
            vms(args.value(0));
        } else if (command == u"start" || command == u"stop" || command == u"reboot" ||
                   command == u"delete") {
            if (need(2, command + QStringLiteral(" CONTRACT VM")))
                lifecycle(command, args.at(0), args.at(1));
        } else if (command == u"usage") {
            if (need(1, QStringLiteral("usage CONTRACT")))
                usage(args.at(0));
        } else if (command == u"settlements") {
            if (need(0, QStringLiteral("settlements")))
                settlements();
        } else if (command == u"chargeback") {
            managecli::runChargeback(m_client, m_wallet, m_participant, parser, m_timeoutMs, this,
                                     [this](int code) { exit(code); });
        } else if (command == u"users") {
            users(args, parser);
        } else {
            usageError(Tr::tr("Unknown command %1.").arg(command));
        }
    }

private:
    // Users of the participant (the identity needs `admin`).
    void users(const QStringList &args, const QCommandLineParser &parser)
    {
        const QString sub = args.value(0);
        const QString name = args.value(1);
        const QStringList permissions =
            parser.value(QStringLiteral("permissions")).split(u',', Qt::SkipEmptyParts);
        const QString out = parser.value(QStringLiteral("out"));
        if (sub == u"list" && args.size() == 1)
            return on(m_client->users(m_participant), [this](const QList<api::User> &list) {
                QJsonArray json;
                QString text;
                QTextStream t(&text);
                for (const api::User &u : list) {
                    json.append(u.toJson());
                    t << u.name << ' ' << u.state << ' ' << (u.permissions.isEmpty() ? QStringLiteral("-") : u.permissions.join(u','))
                      << ' ' << u.serial;
                    if (u.limits.maxOrderQuantity)
                        t << " maxOrderQuantity=" << *u.limits.maxOrderQuantity;
                    if (u.limits.maxOpenNotional)
                        t << " maxOpenNotional=" << *u.limits.maxOpenNotional;
                    t << '\n';
                }
                t.flush();
                done(json, text.isEmpty() ? Tr::tr("No users.") : text);
            });
        if (sub == u"audit" && args.size() == 1)
            return on(m_client->audit(m_participant), [this](const QList<api::AuditEntry> &list) {
                QJsonArray json;
                QString text;
                QTextStream t(&text);
                for (const api::AuditEntry &e : list) {
                    json.append(e.toJson());
                    t << time(e.time) << ' ' << e.user << ' ' << e.action << ' '
                      << (e.serial.isEmpty() ? QStringLiteral("-") : e.serial) << ' '
                      << (e.permissions.isEmpty() ? QStringLiteral("-") : e.permissions.join(u',')) << " by " << e.by;
                    if (!e.detail.isEmpty())
                        t << " (" << e.detail << ')';
                    t << '\n';
                }
                t.flush();
                done(json, text);
            });
        if (sub == u"operations" && args.size() == 1)
            return on(m_client->vmOperations(m_participant, parser.value(QStringLiteral("contract")),
                                             parser.value(QStringLiteral("user"))),
                      [this](const QList<api::VmOperationEntry> &list) {
                          QJsonArray json;
                          QString text;
                          QTextStream t(&text);
                          for (const api::VmOperationEntry &e : list) {
                              json.append(e.toJson());
                              t << time(e.time) << ' ' << (e.user.isEmpty() ? QStringLiteral("-") : e.user) << ' '
                                << e.contractId << ' ' << e.site << ' ' << e.vm << ' ' << api::toWire(e.operation)
                                << ' ' << (e.serial.isEmpty() ? QStringLiteral("-") : e.serial) << '\n';
                          }
                          t.flush();
                          done(json, text.isEmpty() ? Tr::tr("No VM operations.") : text);
                      });
        if (sub == u"revoke" && args.size() == 2)
            return on(m_client->revokeUser(m_participant, name), [this, name](const api::UserRevocation &r) {
                done(QJsonObject{{QStringLiteral("user"), r.user},
                                 {QStringLiteral("revoked"), QJsonArray::fromStringList(r.revoked)},
                                 {QStringLiteral("contractCertificates"),
                                  QJsonArray::fromStringList(r.contractCertificates)},
                                 {QStringLiteral("crlNumber"), r.crlNumber}},
                     Tr::tr("%1 revoked (%2 identities, %3 contract certificates; CRL %4).")
                         .arg(name)
                         .arg(r.revoked.size())
                         .arg(r.contractCertificates.size())
                         .arg(r.crlNumber));
            });
        if (sub == u"limits" && args.size() == 2) {
            api::UserLimitsRequest limits;
            for (const auto &[option, field] : {std::pair{QStringLiteral("max-order-quantity"), &limits.maxOrderQuantity},
                                               std::pair{QStringLiteral("max-open-notional"), &limits.maxOpenNotional}}) {
                if (!parser.isSet(option))
                    continue;
                bool ok = false;
                *field = parser.value(option).toLongLong(&ok);
                if (!ok)
                    return usageError(Tr::tr("--%1 wants a whole number.").arg(option));
            }
            return on(m_client->setUserLimits(m_participant, name, limits), [this, name](const api::UserLimitsRequest &set) {
                done(set.toJson(), Tr::tr("Limits of %1 set.").arg(name));
            });
        }
        if (sub == u"permissions" && args.size() == 2) {
            if (!parser.isSet(QStringLiteral("permissions")))
                return usageError(Tr::tr("users permissions needs --permissions (trade, deploy, admin; \"\" for none)."));
            return on(m_client->setUserPermissions(m_participant, name, permissions),
                      [this, name, out](const api::Certificate &certificate) { writeCertificate(name, certificate, out); });
        }
        if (sub == u"issue" && args.size() == 2) {
            if (!parser.isSet(QStringLiteral("permissions")) || out.isEmpty())
                return usageError(Tr::tr("users issue needs --permissions and --out."));
            api::UserIssueRequest request;
            request.name = name;
            request.permissions = permissions;
            if (parser.isSet(QStringLiteral("csr"))) {
                // The user's own request (openssl req, PEM or DER): their key never comes here.
                QFile file(parser.value(QStringLiteral("csr")));
                if (!file.open(QIODevice::ReadOnly))
                    return usageError(Tr::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
                QByteArray der = file.readAll();
                if (der.contains("-----BEGIN")) {
                    QByteArray body;
                    for (const QByteArray &line : der.split('\n')) {
                        if (!line.startsWith("-----"))
                            body += line.trimmed();
                    }
                    der = QByteArray::fromBase64(body);
                }
                request.csr = QString::fromLatin1(der.toBase64());
                return on(m_client->issueUser(m_participant, request),
                          [this, name, out](const api::Certificate &certificate) { writeCertificate(name, certificate, out); });
            }
            // No request: a key made here, handed over in a PKCS#12 under the passphrase the
            // administrator chose.
            const QString passphraseFile = parser.value(QStringLiteral("user-passphrase-file"));
            QFile file(passphraseFile);
            if (passphraseFile.isEmpty() || !file.open(QIODevice::ReadOnly))
                return usageError(Tr::tr("users issue without --csr needs --user-passphrase-file."));
            const QString passphrase = QString::fromUtf8(file.readAll()).trimmed();
            if (passphrase.isEmpty())
                return usageError(Tr::tr("The passphrase file %1 is empty.").arg(passphraseFile));
            auto key = pki::PrivateKey::generate();
            if (!key)
                return fail(key.error(), kLocalFailure);
            auto csr = pki::createCertificateRequest(key.value(), {m_participant, name, {}, {}});
            if (!csr)
                return fail(csr.error(), kLocalFailure);
            request.csr = QString::fromLatin1(csr->toBase64());
            return on(m_client->issueUser(m_participant, request),
                      [this, name, out, passphrase, key = key.value()](const api::Certificate &certificate) {
                          const QByteArray der = QSslCertificate(certificate.certificate.toLatin1()).toDer();
                          // With the exchange CA, so the user's tools trust the exchange with it.
                          on(m_client->caCertificate(), [this, name, out, passphrase, key, der,
                                                         serial = certificate.serial](const QByteArray &ca) {
                          auto bundle = pki::exportPkcs12(key, der, {ca}, passphrase, name);
                          if (!bundle)
                              return fail(bundle.error(), kLocalFailure);
                          QFile p12(out);
                          if (!p12.open(QIODevice::WriteOnly | QIODevice::Truncate)
                              || !p12.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
                              || p12.write(*bundle) != bundle->size())
                              return fail({QStringLiteral("cli.write"), Tr::tr("Cannot write %1.").arg(out)},
                                          kLocalFailure);
                          done(QJsonObject{{QStringLiteral("user"), name},
                                           {QStringLiteral("serial"), serial},
                                           {QStringLiteral("pkcs12"), out}},
                               Tr::tr("%1 issued (%2); PKCS#12 in %3.").arg(name, serial, out));
                          });
                      });
        }
        usageError(Tr::tr("usage: users list | issue NAME --permissions P,… (--csr FILE) --out FILE | "
                          "permissions NAME --permissions P,… | revoke NAME | limits NAME "
                          "[--max-order-quantity N] [--max-open-notional N] | audit | "
                          "operations [--contract C] [--user U]"));
    }

    void writeCertificate(const QString &name, const api::Certificate &certificate, const QString &out)
    {
        if (!out.isEmpty()) {
            QFile file(out);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                || file.write(certificate.certificate.toLatin1()) < 0)
                return fail({QStringLiteral("cli.write"), Tr::tr("Cannot write %1.").arg(out)}, kLocalFailure);
        }
        done(QJsonObject{{QStringLiteral("user"), name},
                         {QStringLiteral("serial"), certificate.serial},
                         {QStringLiteral("certificate"), certificate.certificate}},
             out.isEmpty() ? certificate.certificate
                           : Tr::tr("%1: certificate %2 in %3.").arg(name, certificate.serial, out));
    }

    // Ending.
    void done(const QJsonValue &json, const QString &text)
    {
        QTextStream out(stdout);
        if (m_json) {
            out << (json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject()))
                       .toJson(QJsonDocument::Indented);
        } else if (!text.isEmpty()) {
            out << text;
            if (!text.endsWith(u'\n'))
                out << '\n';
        }
        out.flush();
        exit(m_failures ? m_failureCode : kOk);
    }
    void fail(const Error &error, int code)
    {
        QTextStream(stderr) << "cloudex-manage: " << error.message.simplified() << " (" << error.code << ")"
                            << Qt::endl;
        exit(code);
    }
    void fail(const desk::ExchangeJob *job)
    {
        fail(job->result().error(), exitCodeFor(job->result().error()));
    }
    void usageError(const QString &message)
    {
        QTextStream(stderr) << "cloudex-manage: " << message << Qt::endl;
        exit(kUsageError);
    }
    void exit(int code)
    {
        if (m_exited)
            return;
        m_exited = true;
        // Leaves the loop once this call chain has returned.
        QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
    }

    /// Runs `then` with the call's value once it succeeded; fails the run otherwise.
    template<typename T, typename F> void on(desk::ExchangeCall<T> *call, F then)
    {
        connect(call, &desk::ExchangeJob::finished, this, [this, call, then] {
            call->deleteLater();
            if (!call->ok())
                return fail(call);
            then(call->value());
        });
    }

    // The wallet: a usable certificate for the contract, or a failure.
    /// With presentRevoked, a certificate the wallet knows is revoked still goes to the site,
    /// whose own refusal (connect.revoked, with its reason) is what the user then reads.
    void withCertificate(const api::Contract &contract, std::function<void()> then, bool presentRevoked = false)
    {
        // Settles once (the signal and the direct check below may both see the certificate).
        auto settled = std::make_shared<bool>(false);
        const auto settle = [this, id = contract.id, then, settled, presentRevoked] {
            const auto entry = m_wallet->entry(id);
            if (*settled)
                return true;
            if (!entry || entry->state == desk::ContractWallet::State::Pending)
                return false;
            *settled = true;
            const bool present = presentRevoked && entry->state == desk::ContractWallet::State::Revoked &&
                                 m_wallet->tlsFor(id, desk::ContractWallet::Revoked::Present).ok();
            if (entry->state == desk::ContractWallet::State::Valid ||
                entry->state == desk::ContractWallet::State::Expiring || present) {
                then();
                return true;
            }
            const Error error = entry->error.value_or(
                Error{QStringLiteral("wallet.") + stateName(entry->state),
                      Tr::tr("The certificate for %1 is %2.").arg(id, stateName(entry->state))});
            fail(error, exitCodeFor(error));
            return true;
        };
        auto *pending = new QObject(this);
        connect(m_wallet, &desk::ContractWallet::stateChanged, pending,
                [this, pending, settle, id = contract.id](const QString &changed) {
                    if (changed == id && settle()) {
                        QObject::disconnect(m_wallet, nullptr, pending, nullptr);
                        pending->deleteLater();
                    }
                });
        connect(m_wallet, &desk::ContractWallet::trustChanged, pending,
                [this, pending, settled](bool ok, const Error &error) {
                    if (!ok && !*settled) {
                        *settled = true;
                        QObject::disconnect(m_wallet, nullptr, pending, nullptr);
                        pending->deleteLater();
                        fail(error, exitCodeFor(error));
                    }
                });
        m_wallet->addContract(contract);
        m_wallet->start();
        if (settle()) {
            QObject::disconnect(m_wallet, nullptr, pending, nullptr);
            pending->deleteLater();
        }
    }

    // The site of a contract with its certificate.
    void withSite(const QString &contractId,
                  std::function<void(desk::SiteClient *, const api::Contract &)> then)
    {
        on(m_client->contract(contractId), [this, then](const api::Contract &contract) {
            if (contract.buyer != m_participant) {
                return fail(Error{QStringLiteral("manage.not-buyer"),
                                  Tr::tr("%1 is not a contract %2 bought.").arg(contract.id, m_participant)},
                            kRefused);
            }
            if (!contract.site) {
                return fail(
                    Error{QStringLiteral("manage.no-site"),
                          Tr::tr("Contract %1 has no site yet: the seller has not registered one for %2.")
                              .arg(contract.id, contract.product)},
                    kRefused);
            }
            withCertificate(
                contract,
                [this, contract, then] {
                    auto *site = new desk::SiteClient(
                        contract.id, *contract.site,
                        m_wallet->tlsFor(contract.id, desk::ContractWallet::Revoked::Present).value(),
                        m_wallet->verifier(), this);
                    site->setTimeoutMs(m_timeoutMs);
                    then(site, contract);
                },
                /*presentRevoked=*/true);
        });
    }

    template<typename T, typename F> void onSite(desk::SiteCall<T> *call, F then) { on(call, then); }

    void follow(desk::SiteOperation *operation, const QString &label)
    {
        connect(operation, &Job::progress, this, [label](int percent, const QString &) {
            QTextStream(stderr) << label << ": " << percent << "%" << Qt::endl;
        });
        connect(operation, &Job::finished, this, [this, operation, label] {
            operation->deleteLater();
            if (!operation->ok()) {
                // A site's refusal or failed job is 3; a connection or trust failure is 4.
                return fail(operation->result().error(), exitCodeFor(operation->result().error()));
            }
            done(operation->state().toJson(), label + QStringLiteral(": done"));
        });
    }

    // Commands.
    void contracts()
    {
        on(m_client->contracts(), [this](const QList<api::Contract> &contracts) {
            QString text;
            QTextStream out(&text);
            for (const api::Contract &c : contracts) {
                out << c.id << '\t' << c.symbol << '\t'
                    << (c.buyer == m_participant ? "bought from " : "sold to ")
                    << (c.buyer == m_participant ? c.seller : c.buyer) << '\t' << c.quantity << '\t'
                    << api::toWire(c.state) << '\t'
                    << (c.site ? c.site->id + u' ' + c.site->endpoint : QStringLiteral("-")) << '\n';
            }
            done(api::listToJson(contracts, api::Contract::kListKey), text);
        });
    }

    void certificate(const QString &contractId)
    {
        on(m_client->contract(contractId), [this](const api::Contract &contract) {
            if (contract.buyer != m_participant) {
                return fail(Error{QStringLiteral("manage.not-buyer"),
                                  Tr::tr("%1 is not a contract %2 bought.").arg(contract.id, m_participant)},
                            kRefused);
            }
            withCertificate(contract, [this, id = contract.id] {
                const auto entry = *m_wallet->entry(id);
                const QJsonObject json{{QStringLiteral("contractId"), id},
                                       {QStringLiteral("state"), stateName(entry.state)},
                                       {QStringLiteral("serial"), entry.serial},
                                       {QStringLiteral("notBefore"), entry.notBefore},
                                       {QStringLiteral("notAfter"), entry.notAfter},
                                       {QStringLiteral("certificate"), entry.certificatePath},
                                       {QStringLiteral("key"), entry.keyPath}};
                done(json, entry.certificatePath);
            });
        });
    }

    void templates(const QString &contractId)
    {
        withSite(contractId, [this](desk::SiteClient *site, const api::Contract &) {
            onSite(site->templates(), [this](const QList<api::Template> &templates) {
                QString text;
                for (const api::Template &t : templates)
                    text += t.name + u'\t' + QString::number(t.sizeGiB) + u" GiB\t" + t.format + u'\n';
                done(api::listToJson(templates, api::Template::kListKey), text);
            });
        });
    }

    void deploy(const QString &contractId, const QString &name, const QString &templateName)
    {
        withSite(contractId,
                 [this, name, templateName](desk::SiteClient *site, const api::Contract &contract) {
                     follow(site->create(name, templateName),
                            QStringLiteral("deploy %1 at %2").arg(name, contract.site->id));
                 });
    }

    void lifecycle(const QString &command, const QString &contractId, const QString &vm)
    {
        withSite(contractId, [this, command, vm](desk::SiteClient *site, const api::Contract &) {
            desk::SiteOperation *operation = command == u"start"    ? site->start(vm)
                                             : command == u"stop"   ? site->stop(vm)
                                             : command == u"reboot" ? site->reboot(vm)
                                                                    : site->remove(vm);
            follow(operation, command + u' ' + vm);
        });
    }

    void usage(const QString &contractId)
    {
        withSite(contractId, [this](desk::SiteClient *site, const api::Contract &) {
            onSite(site->usage(), [this](const api::Usage &usage) {
                QString text = QStringLiteral("%1\tavailability %2.%3%\n")
                                   .arg(usage.contractId)
                                   .arg(usage.availabilityBasisPoints / 100)
                                   .arg(usage.availabilityBasisPoints % 100, 2, 10, QLatin1Char('0'));
                for (const api::UsageHour &h : usage.hours) {
                    text += time(h.start) + u'\t' + h.vm + u'\t' + QString::number(h.availableSeconds) +
                            u'/' + QString::number(h.expectedSeconds) + u" s\n";
                }
                done(usage.toJson(), text);
            });
        });
    }

    void vms(const QString &contractId)
    {
        if (!contractId.isEmpty()) {
            withSite(contractId, [this](desk::SiteClient *site, const api::Contract &contract) {
                onSite(site->vms(), [this, contract](const api::VmList &list) {
                    addVms(contract, list);
                    finishVms();
                });
            });
            return;
        }
        on(m_client->contracts(), [this](const QList<api::Contract> &contracts) {
            for (const api::Contract &c : contracts) {
                if (c.buyer == m_participant && c.site && c.state != api::ContractState::Expired &&
                    c.state != api::ContractState::Terminated)
                    m_open.append(c);
            }
            if (m_open.isEmpty())
                return finishVms();
            for (const api::Contract &c : std::as_const(m_open))
                m_wallet->addContract(c);
            nextContractVms();
        });
    }

    /// One contract after the other (each may need its certificate first).
    void nextContractVms()
    {
        if (m_open.isEmpty())
            return finishVms();
        const api::Contract contract = m_open.takeFirst();
        const auto failed = [this, contract](const Error &error, int code) {
            QTextStream(stderr) << "cloudex-manage: " << contract.id << ": " << error.message.simplified()
                                << " (" << error.code << ")" << Qt::endl;
            m_errors.append(QJsonObject{{QStringLiteral("contractId"), contract.id},
                                        {QStringLiteral("code"), error.code},
                                        {QStringLiteral("detail"), error.message}});
            ++m_failures;
            m_failureCode = code;
            nextContractVms();
        };
        auto after = [this, contract, failed] {
            auto *site =
                new desk::SiteClient(contract.id, *contract.site,
                                     m_wallet->tlsFor(contract.id, desk::ContractWallet::Revoked::Present).value(),
                                     m_wallet->verifier(), this);
            site->setTimeoutMs(m_timeoutMs);
            auto *call = site->vms();
            connect(call, &desk::ExchangeJob::finished, this, [this, call, site, contract, failed] {
                call->deleteLater();
                site->deleteLater();
                if (!call->ok())
                    return failed(call->result().error(), exitCodeFor(call->result().error()));
                addVms(contract, call->value());
                nextContractVms();
            });
        };
        auto *pending = new QObject(this);
        // Settles once: the wallet signals every contract's changes, and a deleteLater()d
        // receiver still gets them until it is gone (each extra run listed this contract's
        // VMs again and skipped others).
        auto settled = std::make_shared<bool>(false);
        const auto settle = [this, contract, after, failed, pending, settled] {
            const auto entry = m_wallet->entry(contract.id);
            if (*settled || !entry || entry->state == desk::ContractWallet::State::Pending)
                return;
            *settled = true;
            QObject::disconnect(m_wallet, nullptr, pending, nullptr);
            pending->deleteLater();
            // A revoked certificate still goes to the site: its refusal names the reason.
            if (entry->state == desk::ContractWallet::State::Valid ||
                entry->state == desk::ContractWallet::State::Expiring ||
                (entry->state == desk::ContractWallet::State::Revoked &&
                 m_wallet->tlsFor(contract.id, desk::ContractWallet::Revoked::Present).ok()))
                return after();
            failed(
                entry->error.value_or(Error{QStringLiteral("wallet.") + stateName(entry->state),
                                            Tr::tr("The certificate is %1.").arg(stateName(entry->state))}),
                exitCodeFor(entry->error.value_or(Error{})));
        };
        connect(m_wallet, &desk::ContractWallet::stateChanged, pending, settle);
        connect(m_wallet, &desk::ContractWallet::trustChanged, pending,
                [this, pending, settled](bool ok, const Error &error) {
                    if (!ok && !*settled) {
                        *settled = true;
                        QObject::disconnect(m_wallet, nullptr, pending, nullptr);
                        pending->deleteLater();
                        fail(error, exitCodeFor(error));
                    }
                });
        m_wallet->start();
        settle();
    }

    void addVms(const api::Contract &contract, const api::VmList &list)
    {
        for (const api::Vm &vm : list.vms) {
            QJsonObject o = vm.toJson();
            o.insert(QStringLiteral("contractId"), contract.id);
            o.insert(QStringLiteral("site"), contract.site->id);
            m_vms.append(o);
            m_text +=
                contract.id + u'\t' + contract.site->id + u'\t' + vm.name + u'\t' + api::toWire(vm.state) +
                u'\t' + QString::number(vm.vcpus) + u" vCPU\t" + QString::number(vm.memoryMiB) + u" MiB" +
                (vm.runningSince ? QStringLiteral("\tsince ") + time(*vm.runningSince) : QString()) + u'\n';
        }
    }

    void finishVms()
    {
        QJsonObject json{{QStringLiteral("vms"), m_vms}};
        if (!m_errors.isEmpty())
            json.insert(QStringLiteral("errors"), m_errors);
        done(json, m_text);
    }

    void settlements()
    {
        on(m_client->settlements(), [this](const QList<api::Settlement> &settlements) {
            QString text;
            for (const api::Settlement &s : settlements) {
                text += s.contractId + u'\t' + api::toWire(s.state) + u"\tgross " + QString::number(s.gross) +
                        u"\tcredit " + QString::number(s.credit) + u"\tnet " + QString::number(s.net) + u'\n';
            }
            done(api::listToJson(settlements, api::Settlement::kListKey), text);
        });
    }

    desk::ExchangeClient *m_client;
    desk::ContractWallet *m_wallet;
    QString m_participant;
    bool m_json;
    int m_timeoutMs;
    bool m_exited = false;
    QList<api::Contract> m_open;
    QJsonArray m_vms;
    QJsonArray m_errors;
    QString m_text;
    int m_failures = 0;
    int m_failureCode = kOk;
};

Result<QString> readPassphrase(const QCommandLineParser &parser)
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

int usageFailure(const QString &message)
{
    QTextStream(stderr) << "cloudex-manage: " << message << Qt::endl;
    return kUsageError;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cloudex-manage"));
    installDaemonLogFormat();
    // A failure is one line on stderr: the progress of the desk layer is logged only on
    // request (--verbose or QT_LOGGING_RULES); warnings always are.
    const bool verbose = app.arguments().contains(QStringLiteral("--verbose"));
    if (!verbose && !qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("cloudex.*.info=false\ncloudex.*.debug=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "CloudEx buyer CLI: contracts, certificates and VMs at the sellers' sites.\n"
        "Commands: contracts | certificate C | templates C | deploy C --name N --template T | vms [C] |\n"
        "          start|stop|reboot|delete C VM | usage C | settlements |\n"
        "          users list|issue|permissions|revoke|limits|audit|operations …\n"
        "Exit status: 0 ok, 1 local failure, 2 usage error, 3 refused by the exchange or site, "
        "4 exchange or site unreachable or untrusted."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do, and its arguments."));
    parser.addOptions({
        {QStringLiteral("exchange"), QStringLiteral("Exchange URL (https://host:port)."),
         QStringLiteral("url")},
        {QStringLiteral("identity"), QStringLiteral("The buyer's PKCS#12 identity."), QStringLiteral("file")},
        {QStringLiteral("passphrase-file"),
         QStringLiteral("Passphrase of the identity, also the wallet keys' (default \"cloudex\")."),
         QStringLiteral("file")},
        {QStringLiteral("data-dir"), QStringLiteral("Data directory; the wallet is DIR/wallet."),
         QStringLiteral("dir")},
        {QStringLiteral("json"), QStringLiteral("Print JSON.")},
        {QStringLiteral("verbose"), QStringLiteral("Log what the desk layer does on stderr.")},
        {QStringLiteral("timeout"),
         QStringLiteral("Seconds a silent exchange or site is given (default 15)."),
         QStringLiteral("seconds")},
        {QStringLiteral("name"), QStringLiteral("deploy: the VM's name."), QStringLiteral("name")},
        {QStringLiteral("template"), QStringLiteral("deploy: the template (\"\" for diskless)."),
         QStringLiteral("template")},
        {QStringLiteral("permissions"), QStringLiteral("users: comma-separated (trade, deploy, admin)."),
         QStringLiteral("list")},
        {QStringLiteral("csr"), QStringLiteral("users issue: the user's certificate request (PEM or DER)."),
         QStringLiteral("file")},
        {QStringLiteral("out"), QStringLiteral("users issue/permissions: where the certificate (or PKCS#12) goes."),
         QStringLiteral("file")},
        {QStringLiteral("user-passphrase-file"),
         QStringLiteral("users issue without --csr: the passphrase of the user's PKCS#12."), QStringLiteral("file")},
        {QStringLiteral("max-order-quantity"), QStringLiteral("users limits: instances per order."),
         QStringLiteral("n")},
        {QStringLiteral("max-open-notional"),
         QStringLiteral("users limits: ticks x instances x hours of open orders."), QStringLiteral("n")},
        {QStringLiteral("contract"), QStringLiteral("users operations: only this contract's."),
         QStringLiteral("id")},
        {QStringLiteral("user"), QStringLiteral("users operations: only this user's."), QStringLiteral("name")},
    });
    managecli::addChargebackOptions(parser);
    parser.setApplicationDescription(parser.applicationDescription() + QStringLiteral("\nChargeback: ") +
                                     managecli::chargebackUsage());
    if (!parser.parse(QCoreApplication::arguments()))
        return usageFailure(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(kOk);

    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageFailure(Tr::tr("No command; see --help."));
    const QString command = positional.takeFirst();
    if (const auto code = managecli::runLocalChargebackCommand(command, positional, parser))
        return *code;
    const QUrl exchange(parser.value(QStringLiteral("exchange")));
    if (!exchange.isValid() || exchange.scheme() != u"https" || exchange.host().isEmpty())
        return usageFailure(Tr::tr("--exchange wants an https URL, for example https://127.0.0.1:8443."));
    if (!parser.isSet(QStringLiteral("identity")))
        return usageFailure(Tr::tr("--identity FILE.p12 is required."));
    int timeoutSeconds = 15;
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        timeoutSeconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || timeoutSeconds <= 0)
            return usageFailure(Tr::tr("--timeout wants a positive number of seconds."));
    }
    const auto passphrase = readPassphrase(parser);
    if (!passphrase)
        return usageFailure(passphrase.error().message);
    const auto tls = desk::loadIdentityFile(parser.value(QStringLiteral("identity")), passphrase->toUtf8());
    if (!tls)
        return usageFailure(tls.error().message);
    const auto dataDir = DataDirectory::prepare(parser.isSet(QStringLiteral("data-dir"))
                                                    ? parser.value(QStringLiteral("data-dir"))
                                                    : DataDirectory::defaultPath());
    if (!dataDir) {
        QTextStream(stderr) << "cloudex-manage: " << dataDir.error().message << Qt::endl;
        return kLocalFailure;
    }
    const QString participant = tls->localCertificate().subjectInfo(QSslCertificate::Organization).value(0);

    Manage manage(exchange, tls.value(), participant,
                  QDir(dataDir.value()).filePath(QStringLiteral("wallet")), passphrase.value(),
                  parser.isSet(QStringLiteral("json")), timeoutSeconds * 1000);
    QTimer::singleShot(0, &manage, [&] { manage.run(command, positional, parser); });
    return QCoreApplication::exec();
}
