#include "desk/contractwallet.h"

#include "core/logging.h"
#include "desk/exchangeclient.h"
#include "pki/certificateverifier.h"
#include "pki/privatekey.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

namespace cloudex::desk {
namespace {
// Before Tr: lupdate loses the class context of the function after this line otherwise.
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Desk)
};

Error tampered(const QString &contractId, const QString &why)
{
    const QString message =
        Tr::tr("The certificate for %1 in the wallet is not usable (%2); a new one is requested.");
    return Error{QStringLiteral("wallet.tampered"), message.arg(contractId, why)};
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("wallet.unreadable"),
                     Tr::tr("Cannot read %1: %2").arg(path, file.errorString())};
    return file.readAll();
}

/// Writes `data` to `path` owner-only: into a new file first, then renamed over the old one,
/// so a crash leaves either the old or the new file, never half of one.
Result<void> writeOwnerOnly(const QString &path, const QByteArray &data)
{
    const QString temporary = path + QStringLiteral(".new");
    QFile::remove(temporary);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly) ||
        file.write(data) != data.size() || !file.flush()) {
        return Error{QStringLiteral("wallet.write"),
                     Tr::tr("Cannot write %1: %2").arg(temporary, file.errorString())};
    }
    file.close();
    QFile::remove(path);
    if (!QFile::rename(temporary, path))
        return Error{QStringLiteral("wallet.write"), Tr::tr("Cannot write %1.").arg(path)};
    return {};
}
} // namespace

ContractWallet::ContractWallet(ExchangeClient *client, const QString &directory, const QString &participant,
                               const QString &passphrase, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_directory(directory)
    , m_participant(participant)
    , m_passphrase(passphrase)
    , m_refresh(new QTimer(this))
{
    m_refresh->setInterval(kDefaultRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, &ContractWallet::refresh);
}

ContractWallet::~ContractWallet() = default;

void ContractWallet::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!QDir().mkpath(m_directory) ||
        !QFile::setPermissions(m_directory, kOwnerOnly | QFileDevice::ExeOwner)) {
        const Error error{QStringLiteral("wallet.write"),
                          Tr::tr("Cannot create the wallet %1.").arg(m_directory)};
        Q_EMIT trustChanged(false, error);
        for (Slot &slot : m_entries)
            setState(slot, State::Failed, error);
        return;
    }
    auto *root = m_client->caCertificate();
    connect(root, &ExchangeJob::finished, this, [this, root] {
        root->deleteLater();
        if (!root->ok()) {
            const Error error = root->result().error();
            qCWarning(lcDesk, "wallet: no exchange root: %s", qPrintable(error.message));
            Q_EMIT trustChanged(false, error);
            for (Slot &slot : m_entries)
                setState(slot, State::Failed, error);
            return;
        }
        m_rootDer = root->value();
        fetchCrl(true);
    });
}

void ContractWallet::fetchCrl(bool initial)
{
    if (m_crlInFlight)
        return;
    m_crlInFlight = true;
    auto *crl = m_client->crl();
    connect(crl, &ExchangeJob::finished, this, [this, crl, initial] {
        crl->deleteLater();
        m_crlInFlight = false;
        auto verifier = std::make_shared<pki::CertificateVerifier>(*m_clock);
        Result<void> loaded = crl->ok() ? verifier->setTrustAnchor(m_rootDer) : crl->result();
        if (loaded)
            loaded = verifier->setCrl(crl->value());
        if (!loaded) {
            qCWarning(lcDesk, "wallet: no usable CRL: %s", qPrintable(loaded.error().message));
            if (initial) {
                Q_EMIT trustChanged(false, loaded.error());
                for (Slot &slot : m_entries)
                    setState(slot, State::Failed, loaded.error());
            }
            return;
        }
        m_verifier = std::move(verifier);
        if (initial) {
            m_refresh->start();
            Q_EMIT trustChanged(true, {});
        }
        const QStringList ids = m_entries.keys();
        for (const QString &id : ids)
            serve(id);
    });
}

bool ContractWallet::hasTrust() const
{
    return m_verifier != nullptr;
}

void ContractWallet::setContracts(const QList<api::Contract> &contracts)
{
    for (const api::Contract &contract : contracts)
        addContract(contract);
}

void ContractWallet::addContract(const api::Contract &contract)
{
    if (contract.buyer != m_participant)
        return; // the seller's side of a contract needs no certificate
    const bool known = m_entries.contains(contract.id);
    Slot &slot = m_entries[contract.id];
    // A contract seen again (every contracts@ update lists them all) is looked at again only
    // when its state changed; the trust's arrival and refresh() re-check (and retry) the rest.
    if (known && slot.contract.state == contract.state) {
        slot.contract = contract;
        return;
    }
    slot.contract = contract;
    if (!known) {
        slot.entry.contractId = contract.id;
        slot.entry.keyPath = QDir(m_directory).filePath(contract.id + QStringLiteral(".key"));
        slot.entry.certificatePath = QDir(m_directory).filePath(contract.id + QStringLiteral(".pem"));
        Q_EMIT stateChanged(contract.id, State::Pending);
    }
    if (m_verifier)
        serve(contract.id);
}

std::optional<ContractWallet::Entry> ContractWallet::entry(const QString &contractId) const
{
    const auto it = m_entries.constFind(contractId);
    if (it == m_entries.cend())
        return std::nullopt;
    return it->entry;
}

bool ContractWallet::isSettled() const
{
    for (const Slot &slot : m_entries) {
        if (slot.entry.state == State::Pending)
            return false;
    }
    return true;
}

void ContractWallet::serve(const QString &contractId)
{
    Slot &slot = m_entries[contractId];
    if (slot.requesting)
        return;
    if (const auto stored = loadStored(slot)) {
        if (stored->ok())
            return setState(slot, timeState(slot));
        if (stored->error().code == u"pki.verify.revoked")
            return setState(slot, State::Revoked, stored->error());
        // Damaged or foreign: never used, kept aside for inspection, replaced.
        rejectFiles(slot, stored->error());
    }
    const api::ContractState state = slot.contract.state;
    if (state == api::ContractState::Terminated || state == api::ContractState::Expired) {
        return setState(
            slot, State::Failed,
            Error{QStringLiteral("wallet.contract-ended"),
                  Tr::tr("Contract %1 has ended; no certificate is issued for it.").arg(contractId)});
    }
    request(slot);
}

std::optional<Result<void>> ContractWallet::loadStored(Slot &slot)
{
    const bool hasKey = QFile::exists(slot.entry.keyPath);
    const bool hasCertificate = QFile::exists(slot.entry.certificatePath);
    if (!hasCertificate) {
        // A key without its certificate is a request that never completed: start over.
        if (hasKey)
            QFile::remove(slot.entry.keyPath);
        slot.certificateDer.clear();
        slot.keyPem.clear();
        return std::nullopt;
    }
    const auto id = slot.entry.contractId;
    if (!hasKey)
        return Result<void>(tampered(id, Tr::tr("the key file is missing")));
    auto pem = readFile(slot.entry.certificatePath);
    if (!pem)
        return Result<void>(tampered(id, pem.error().message));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem.value(), QSsl::Pem);
    if (certificates.size() != 1)
        return Result<void>(tampered(id, Tr::tr("the certificate file holds no single certificate")));
    auto keyFile = readFile(slot.entry.keyPath);
    if (!keyFile)
        return Result<void>(tampered(id, keyFile.error().message));
    auto key = pki::PrivateKey::fromPem(keyFile.value(), m_passphrase);
    if (!key)
        return Result<void>(tampered(id, Tr::tr("the key cannot be read: %1").arg(key.error().message)));
    auto plain = key->toPem();
    if (!plain)
        return Result<void>(plain.error());
    const QByteArray der = certificates.constFirst().toDer();
    QString serial;
    qint64 notBefore = 0;
    qint64 notAfter = 0;
    if (auto checked = check(slot, der, plain.value(), &serial, &notBefore, &notAfter); !checked) {
        if (checked.error().code == u"pki.verify.revoked") {
            // Kept, never replaced: the buyer may still show it to the site, which answers
            // with its own refusal (see tlsFor).
            const QSslCertificate certificate = certificates.constFirst();
            slot.certificateDer = der;
            slot.keyPem = plain.value();
            // As the verifier writes it (BN_bn2hex): upper case, no separators or leading zeros.
            QString hex = QString::fromLatin1(certificate.serialNumber()).remove(u':').toUpper();
            while (hex.size() > 1 && hex.startsWith(u'0'))
                hex.remove(0, 1);
            slot.entry.serial = hex;
            slot.entry.notBefore = certificate.effectiveDate().toSecsSinceEpoch();
            slot.entry.notAfter = certificate.expiryDate().toSecsSinceEpoch();
            return checked;
        }
        return Result<void>(tampered(id, checked.error().message));
    }
    slot.certificateDer = der;
    slot.keyPem = plain.value();
    slot.entry.serial = serial;
    slot.entry.notBefore = notBefore;
    slot.entry.notAfter = notAfter;
    return Result<void>();
}

Result<void> ContractWallet::check(const Slot &slot, const QByteArray &certificateDer,
                                   const QByteArray &keyPem, QString *serial, qint64 *notBefore,
                                   qint64 *notAfter) const
{
    pki::Expectation expected;
    expected.kind = pki::CertificateKind::Contract;
    expected.participant = m_participant;
    expected.contractId = slot.entry.contractId;
    // The window may not have opened yet (or be over): the period is compared separately.
    expected.ignoreValidityPeriod = true;
    auto verified = m_verifier->verify(certificateDer, expected);
    if (!verified)
        return verified.error();
    *serial = verified->serial;
    *notBefore = verified->notBeforeMs / 1000;
    *notAfter = verified->notAfterMs / 1000;
    const QSslKey key(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    const QSslCertificate certificate(certificateDer, QSsl::Der);
    auto publicKey = pki::PrivateKey::fromPem(keyPem);
    if (key.isNull() || !publicKey ||
        QSslKey(publicKey->publicKeyDer(), QSsl::Ec, QSsl::Der, QSsl::PublicKey) != certificate.publicKey()) {
        return Error{QStringLiteral("wallet.key-mismatch"),
                     Tr::tr("the key does not belong to the certificate")};
    }
    return {};
}

void ContractWallet::request(Slot &slot)
{
    const QString id = slot.entry.contractId;
    auto key = pki::PrivateKey::generate();
    Result<QByteArray> csr = key ? pki::createCertificateRequest(key.value(), {m_participant, id, {}, {}})
                                 : Result<QByteArray>(key.error());
    Result<QByteArray> plain = csr ? key->toPem() : Result<QByteArray>(csr.error());
    if (!plain)
        return setState(slot, State::Failed, plain.error());
    slot.requesting = true;
    setState(slot, State::Pending);
    qCInfo(lcDesk, "wallet: requesting a certificate for %s", qPrintable(id));
    auto *call = m_client->requestContractCertificate(id, csr.value());
    const QByteArray keyPem = plain.value();
    connect(call, &ExchangeJob::finished, this, [this, call, id, keyPem] {
        call->deleteLater();
        if (!call->ok()) {
            onIssued(id, keyPem, call->result().error());
            return;
        }
        const QList<QSslCertificate> issued =
            QSslCertificate::fromData(call->value().certificate.toLatin1(), QSsl::Pem);
        if (issued.size() != 1) {
            onIssued(id, keyPem,
                     Error{QStringLiteral("response.invalid"),
                           Tr::tr("The exchange sent no certificate for %1.").arg(id)});
            return;
        }
        onIssued(id, keyPem, issued.constFirst().toDer());
    });
}

void ContractWallet::onIssued(const QString &contractId, const QByteArray &keyPem,
                              const Result<QByteArray> &certificateDer)
{
    const auto it = m_entries.find(contractId);
    if (it == m_entries.end())
        return;
    Slot &slot = *it;
    slot.requesting = false;
    if (!certificateDer) {
        qCWarning(lcDesk, "wallet: no certificate for %s: %s", qPrintable(contractId),
                  qPrintable(certificateDer.error().message));
        Q_EMIT problem(contractId, certificateDer.error());
        return setState(slot, State::Failed, certificateDer.error());
    }
    QString serial;
    qint64 notBefore = 0;
    qint64 notAfter = 0;
    // What the exchange sent is checked like a stored file before it is kept.
    if (auto checked = check(slot, certificateDer.value(), keyPem, &serial, &notBefore, &notAfter);
        !checked) {
        Q_EMIT problem(contractId, checked.error());
        return setState(slot, State::Failed, checked.error());
    }
    if (auto stored = store(slot, keyPem, certificateDer.value()); !stored) {
        Q_EMIT problem(contractId, stored.error());
        return setState(slot, State::Failed, stored.error());
    }
    slot.certificateDer = certificateDer.value();
    slot.keyPem = keyPem;
    slot.entry.serial = serial;
    slot.entry.notBefore = notBefore;
    slot.entry.notAfter = notAfter;
    qCInfo(lcDesk, "wallet: certificate %s for %s stored", qPrintable(serial), qPrintable(contractId));
    setState(slot, timeState(slot));
}

Result<void> ContractWallet::store(const Slot &slot, const QByteArray &keyPem,
                                   const QByteArray &certificateDer) const
{
    auto key = pki::PrivateKey::fromPem(keyPem);
    if (!key)
        return key.error();
    auto encrypted = key->toPem(m_passphrase);
    if (!encrypted)
        return encrypted.error();
    // Key first: a key without a certificate is discarded on the next start.
    if (auto written = writeOwnerOnly(slot.entry.keyPath, encrypted.value()); !written)
        return written;
    return writeOwnerOnly(slot.entry.certificatePath, QSslCertificate(certificateDer, QSsl::Der).toPem());
}

void ContractWallet::rejectFiles(Slot &slot, const Error &why)
{
    qCWarning(lcDesk, "wallet: %s", qPrintable(why.message));
    for (const QString &path : {slot.entry.keyPath, slot.entry.certificatePath}) {
        if (!QFile::exists(path))
            continue;
        const QString aside = path + QStringLiteral(".rejected");
        QFile::remove(aside);
        QFile::rename(path, aside);
    }
    slot.certificateDer.clear();
    slot.keyPem.clear();
    slot.entry.error = why;
    Q_EMIT problem(slot.entry.contractId, why);
}

void ContractWallet::setState(Slot &slot, State state, std::optional<Error> error)
{
    const bool changed = slot.entry.state != state;
    slot.entry.state = state;
    if (error || state == State::Valid || state == State::Expiring)
        slot.entry.error = error;
    if (changed)
        Q_EMIT stateChanged(slot.entry.contractId, state);
}

ContractWallet::State ContractWallet::timeState(const Slot &slot) const
{
    const qint64 now = nowSeconds();
    if (now >= slot.entry.notAfter)
        return State::Expired;
    if (slot.entry.notAfter - now <= m_expiringSeconds)
        return State::Expiring;
    return State::Valid;
}

Result<QSslConfiguration> ContractWallet::tlsFor(const QString &contractId, Revoked revoked) const
{
    const auto it = m_entries.constFind(contractId);
    if (it == m_entries.cend()) {
        return Error{QStringLiteral("wallet.unknown-contract"),
                     Tr::tr("The wallet knows no contract %1.").arg(contractId)};
    }
    const Slot &slot = *it;
    const bool presentRevoked =
        revoked == Revoked::Present && slot.entry.state == State::Revoked && !slot.certificateDer.isEmpty();
    if (slot.entry.state != State::Valid && slot.entry.state != State::Expiring && !presentRevoked) {
        if (slot.entry.state == State::Revoked)
            return Error{QStringLiteral("wallet.revoked"),
                         Tr::tr("The certificate for %1 has been revoked.").arg(contractId)};
        if (slot.entry.state == State::Expired)
            return Error{QStringLiteral("wallet.expired"),
                         Tr::tr("The certificate for %1 has expired.").arg(contractId)};
        if (slot.entry.error)
            return *slot.entry.error;
        return Error{QStringLiteral("wallet.pending"),
                     Tr::tr("The certificate for %1 is not there yet.").arg(contractId)};
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(slot.certificateDer, QSsl::Der));
    tls.setPrivateKey(QSslKey(slot.keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
    // Only the exchange CA: a site must prove it belongs to this exchange.
    tls.setCaCertificates({QSslCertificate(m_rootDer, QSsl::Der)});
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return tls;
}

void ContractWallet::refresh()
{
    if (!m_rootDer.isEmpty())
        fetchCrl(false);
}

void ContractWallet::setRefreshIntervalMs(int ms)
{
    m_refresh->setInterval(ms);
}

qint64 ContractWallet::nowSeconds() const
{
    return m_clock->nowMs() / 1000;
}

} // namespace cloudex::desk
