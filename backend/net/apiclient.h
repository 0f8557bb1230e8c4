#pragma once

#include "core/job.h"
#include "core/result.h"
#include "net/problem.h"

#include <QJsonValue>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QSslCertificate;
class QNetworkReply;
class QNetworkRequest;

namespace cloudex::net {

/// One API call in flight, a Job: it ends with `finished` once, with either a JSON body and
/// a 2xx status, a problem from the server, or a transport error (then a problem with
/// status 0: "transport.failed", "transport.timeout" when the server sent nothing for the
/// client's transfer timeout, or the peer check's code). error() is the problem's code,
/// errorString() its detail; cancel() aborts the request (it then fails with "job.cancelled").
class ApiCall final : public Job
{
    Q_OBJECT

public:
    int status() const { return m_status; } ///< 0 when the server was not reached
    const QJsonValue &body() const { return m_body; }
    /// The server's problem, or a transport failure as a problem with status 0.
    const std::optional<ApiProblem> &problem() const { return m_problem; }
    bool ok() const { return isFinished() && !m_problem; }

private:
    friend class ApiClient;
    explicit ApiCall(QNetworkReply *reply, QObject *parent);
    void complete();
    void onCancel() override;

    /// The peer check refused the server's certificate (the reply was aborted).
    void refusePeer(const Error &error);

    QNetworkReply *m_reply;
    std::optional<Error> m_peerRefused;
    int m_status = 0;
    QJsonValue m_body;
    std::optional<ApiProblem> m_problem;
};

/// Client of the exchange API over mutual TLS.
class ApiClient final : public QObject
{
    Q_OBJECT

public:
    ApiClient(const QUrl &baseUrl, const QSslConfiguration &tls, QObject *parent = nullptr);

    /// The TLS identity of a PKCS#12 file (key and certificate), trusting `caPem`, or, when
    /// that is empty, only the CA certificates in the file's chain.
    static Result<QSslConfiguration> tlsFromPkcs12(const QString &path, const QByteArray &passphrase,
                                                   const QByteArray &caPem);

    /// A check of the server's certificate beyond the chain and host name TLS verifies
    /// (a connect site must be of kind site and name the contract's site): it runs when a
    /// connection's handshake completes, before the request is sent, and again on the
    /// answer's certificate; a refusal aborts the call with the error's code.
    using PeerCheck = std::function<Result<void>(const QSslCertificate &peer)>;
    void setPeerCheck(PeerCheck check) { m_peerCheck = std::move(check); }
    /// Calls fail with "transport.timeout" when nothing arrives for this long (0: never).
    void setTransferTimeoutMs(int ms) { m_timeoutMs = ms; }

    ApiCall *get(const QString &path);
    /// A GET that may wait longer than the transfer timeout (a long poll).
    ApiCall *get(const QString &path, int transferTimeoutMs);
    /// `idempotencyKey` makes a retried submission return the original result.
    ApiCall *post(const QString &path, const QJsonValue &body, const QByteArray &idempotencyKey = {});
    ApiCall *put(const QString &path, const QJsonValue &body);
    ApiCall *patch(const QString &path, const QJsonValue &body);
    ApiCall *del(const QString &path);

    const QUrl &baseUrl() const { return m_base; }

private:
    QNetworkRequest request(const QString &path) const;
    ApiCall *track(QNetworkReply *reply);

    QUrl m_base;
    QSslConfiguration m_tls;
    QNetworkAccessManager *m_network;
    PeerCheck m_peerCheck;
    int m_timeoutMs = 0;
};

} // namespace cloudex::net
