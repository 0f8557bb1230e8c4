#include "net/apiclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslKey>

namespace cloudex::net {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Api)
};

QByteArray toJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return doc.toJson(QJsonDocument::Compact);
}
} // namespace

ApiCall::ApiCall(QNetworkReply *reply, QObject *parent)
    : Job(reply->request().url().path(), parent)
    , m_reply(reply)
{
    reply->setParent(this);
    connect(reply, &QNetworkReply::finished, this, &ApiCall::complete);
}

void ApiCall::complete()
{
    if (isFinished())
        return;
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_peerRefused) {
        m_status = 0;
        m_problem = ApiProblem{0, m_peerRefused->code, Tr::tr("Server refused"), m_peerRefused->message, {}};
        finish(*m_peerRefused);
        return;
    }
    if (m_status == 0 && isCancelled()) {
        m_problem = ApiProblem{0, QStringLiteral("job.cancelled"), Tr::tr("Cancelled"), Tr::tr("Cancelled."), {}};
        finish(Error{m_problem->code, m_problem->detail});
        return;
    }
    const QByteArray data = m_reply->readAll();
    const QJsonDocument doc = QJsonDocument::fromJson(data);
    m_body = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    if (m_status == 0 && m_reply->error() == QNetworkReply::OperationCanceledError) {
        // Not cancelled by anyone: the transfer timeout aborted it.
        m_problem = ApiProblem{0, QStringLiteral("transport.timeout"), Tr::tr("No answer"),
                               Tr::tr("%1 did not answer in time.").arg(m_reply->url().authority()), {}};
    } else if (m_status == 0) {
        m_problem = ApiProblem{0, QStringLiteral("transport.failed"), Tr::tr("Connection failed"),
                               m_reply->errorString(), {}};
    } else if (m_status >= 400) {
        const QJsonObject p = doc.object();
        m_problem = ApiProblem{m_status, p.value(QStringLiteral("code")).toString(),
                               p.value(QStringLiteral("title")).toString(), p.value(QStringLiteral("detail")).toString(), p};
        if (m_problem->code.isEmpty())
            m_problem->code = QStringLiteral("http.%1").arg(m_status);
    }
    if (m_problem)
        finish(Error{m_problem->code, m_problem->detail});
    else
        finish({});
}

void ApiCall::refusePeer(const Error &error)
{
    if (!m_peerRefused)
        m_peerRefused = error;
    m_reply->abort();
}

void ApiCall::onCancel()
{
    // abort() finishes the reply at once; complete() reports the cancellation.
    m_reply->abort();
}

ApiClient::ApiClient(const QUrl &baseUrl, const QSslConfiguration &tls, QObject *parent)
    : QObject(parent)
    , m_base(baseUrl)
    , m_tls(tls)
    , m_network(new QNetworkAccessManager(this))
{
}

Result<QSslConfiguration> ApiClient::tlsFromPkcs12(const QString &path, const QByteArray &passphrase,
                                                    const QByteArray &caPem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{QStringLiteral("identity.unreadable"),
                     Tr::tr("Cannot read the identity file %1: %2").arg(path, file.errorString())};
    }
    QSslKey key;
    QSslCertificate certificate;
    QList<QSslCertificate> chain;
    if (!QSslCertificate::importPkcs12(&file, &key, &certificate, &chain, passphrase)) {
        return Error{QStringLiteral("identity.invalid"),
                     Tr::tr("%1 is not a PKCS#12 identity, or the passphrase is wrong.").arg(path)};
    }
    chain.removeAll(certificate);
    // Without an explicit CA, trust only the CA that issued this identity (the chain in the
    // file): the exchange must prove it belongs to that CA.
    const QList<QSslCertificate> cas = caPem.isEmpty() ? chain : QSslCertificate::fromData(caPem);
    if (cas.isEmpty()) {
        return Error{QStringLiteral("identity.no-ca"),
                     Tr::tr("%1 carries no CA certificate to trust the exchange with.").arg(path)};
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setLocalCertificateChain(QList<QSslCertificate>{certificate} + chain);
    tls.setPrivateKey(key);
    tls.setCaCertificates(cas);
    return tls;
}

QNetworkRequest ApiClient::request(const QString &path) const
{
    QUrl url = m_base;
    // "/v1/trades?symbol=X": the query is not part of the path.
    const qsizetype question = path.indexOf(u'?');
    url.setPath(m_base.path() + path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    if (m_timeoutMs > 0)
        request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json, application/problem+json");
    return request;
}

ApiCall *ApiClient::track(QNetworkReply *reply)
{
    auto *call = new ApiCall(reply, this);
    if (m_peerCheck) {
        const PeerCheck check = m_peerCheck;
        // A new connection: checked before the request goes out.
        connect(reply, &QNetworkReply::encrypted, call, [call, reply, check] {
            if (auto checked = check(reply->sslConfiguration().peerCertificate()); !checked)
                call->refusePeer(checked.error());
        });
        // A reused connection emits no encrypted(): its answer's certificate is checked too.
        connect(reply, &QNetworkReply::metaDataChanged, call, [call, reply, check] {
            const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
            if (auto checked = check(peer); !checked)
                call->refusePeer(checked.error());
        });
    }
    return call;
}

ApiCall *ApiClient::get(const QString &path)
{
    return track(m_network->get(request(path)));
}

ApiCall *ApiClient::get(const QString &path, int transferTimeoutMs)
{
    QNetworkRequest r = request(path);
    r.setTransferTimeout(transferTimeoutMs);
    return track(m_network->get(r));
}

ApiCall *ApiClient::post(const QString &path, const QJsonValue &body, const QByteArray &idempotencyKey)
{
    QNetworkRequest r = request(path);
    if (!idempotencyKey.isEmpty())
        r.setRawHeader("Idempotency-Key", idempotencyKey);
    return track(m_network->post(r, toJson(body)));
}

ApiCall *ApiClient::put(const QString &path, const QJsonValue &body)
{
    return track(m_network->put(request(path), toJson(body)));
}

ApiCall *ApiClient::patch(const QString &path, const QJsonValue &body)
{
    return track(m_network->sendCustomRequest(request(path), QByteArrayLiteral("PATCH"), toJson(body)));
}

ApiCall *ApiClient::del(const QString &path)
{
    return track(m_network->deleteResource(request(path)));
}

} // namespace cloudex::net
