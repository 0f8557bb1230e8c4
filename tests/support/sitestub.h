#pragma once
// A small HTTPS stand-in for a seller site's connect API (docs/CONNECT-API.md, section 2),
// for the buyer's deploy client's unit tests ONLY, until the real agent (cloudex-connect,
// built in parallel) lands: the integration test with real cloudex-connect processes
// replaces it after the merge. It is real TLS with a real site certificate of the exchange
// CA, requires a client certificate chained to that CA, admits contract certificates with
// pki::CertificateVerifier, and serves a few routes from memory. It can also answer garbage
// or nothing at all, as a broken site would.

#include "api/connecttypes.h"
#include "pki/certificateverifier.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace testsupport {

class SiteStub final : public QObject
{
public:
    enum class Mode { Serve, Garbage, Hang };

    struct Job
    {
        cloudex::api::ConnectJobState state;
        int polls = 0;
    };

    SiteStub(const QSslCertificate &certificate, const QSslKey &key, const QByteArray &rootDer,
             std::shared_ptr<const cloudex::pki::CertificateVerifier> verifier)
        : m_verifier(std::move(verifier))
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(certificate);
        tls.setPrivateKey(key);
        tls.setCaCertificates({QSslCertificate(rootDer, QSsl::Der)});
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        m_server.setSslConfiguration(tls);
        // As the agent does: TLS checks the chain, the verifier the window (a contract
        // certificate is presented before its window opens for the reading routes).
        connect(&m_server, &QSslServer::sslErrors, this,
                [](QSslSocket *socket, const QList<QSslError> &errors) {
                    QList<QSslError> period;
                    for (const QSslError &e : errors) {
                        if (e.error() == QSslError::CertificateNotYetValid ||
                            e.error() == QSslError::CertificateExpired)
                            period.append(e);
                    }
                    if (period.size() == errors.size())
                        socket->ignoreSslErrors(period);
                });
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (auto *socket = qobject_cast<QSslSocket *>(m_server.nextPendingConnection())) {
                connect(socket, &QSslSocket::readyRead, this, [this, socket] { onRead(socket); });
                connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::Any, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    QString endpoint() const { return QStringLiteral("https://localhost:%1").arg(port()); }
    void setMode(Mode mode) { m_mode = mode; }
    /// "<contract id> <method> <path>" of each admitted request (the contract read from its
    /// client certificate), in order.
    const QStringList &callers() const { return m_callers; }
    QHash<QString, cloudex::api::Vm> vms;
    QList<cloudex::api::Template> templates{{QStringLiteral("debian-12"), 2, QStringLiteral("qcow2")}};
    qint64 seq = 1;
    QHash<QString, Job> jobs;
    /// Polls a job runs before it is done.
    int jobPolls = 2;

    void changeVm(const cloudex::api::Vm &vm)
    {
        cloudex::api::Vm changed = vm;
        changed.seq = ++seq;
        vms.insert(vm.name, changed);
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &[socket, since] : waiting)
            answerVms(socket, since);
    }

private:
    void onRead(QSslSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        const QList<QByteArray> request = lines.constFirst().trimmed().split(' ');
        const QByteArray body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        if (request.size() < 2)
            return socket->disconnectFromHost();
        handle(socket, QString::fromLatin1(request.at(0)), QUrl(QString::fromLatin1(request.at(1))), body);
    }

    void send(QSslSocket *socket, int status, const QJsonObject &body, bool problem = false,
              const QByteArray &headers = {})
    {
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        const QByteArray type = problem ? "application/problem+json" : "application/json";
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type +
                      "\r\nContent-Length: " + QByteArray::number(json.size()) + "\r\n" + headers + "\r\n" +
                      json);
    }

    void problem(QSslSocket *socket, int status, const QString &code, const QString &detail)
    {
        send(socket, status,
             QJsonObject{{QStringLiteral("type"), QStringLiteral("about:blank")},
                         {QStringLiteral("title"), code},
                         {QStringLiteral("status"), status},
                         {QStringLiteral("detail"), detail},
                         {QStringLiteral("code"), code}},
             true);
    }

    void answerVms(QSslSocket *socket, qint64 since)
    {
        if (!socket)
            return;
        cloudex::api::VmList list{seq, {}};
        for (const auto &vm : std::as_const(vms)) {
            if (vm.seq > since)
                list.vms.append(vm);
        }
        send(socket, 200, list.toJson());
    }

    void handle(QSslSocket *socket, const QString &method, const QUrl &url, const QByteArray &body)
    {
        if (m_mode == Mode::Hang)
            return;
        if (m_mode == Mode::Garbage) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          "12\r\n\r\n<html>oops</");
            return;
        }
        cloudex::pki::Expectation expected;
        expected.kind = cloudex::pki::CertificateKind::Contract;
        expected.ignoreValidityPeriod = true;
        const auto verified = m_verifier->verify(socket->peerCertificate().toDer(), expected);
        if (!verified) {
            return problem(socket, 401, QStringLiteral("connect.not-a-contract-certificate"),
                           verified.error().message);
        }
        const QString contract = verified->contract.id;
        const QString path = url.path();
        m_callers.append(contract + u' ' + method + u' ' + path);
        if (method == u"GET" && path == u"/v1/contract") {
            cloudex::api::HeldContract held;
            held.id = contract;
            held.product = QStringLiteral("DE.GP2.SH.S1");
            held.instanceClass = {QStringLiteral("GP2"), 2, 4096, 40};
            held.tenancy = QStringLiteral("shared");
            held.quantity = verified->contract.volume;
            held.deliveryStart = verified->notBeforeMs / 1000;
            held.deliveryEnd = verified->notAfterMs / 1000;
            held.vmsDefined = vms.size();
            held.reservation = {QStringLiteral("shared"), {}, 1};
            return send(socket, 200, held.toJson());
        }
        if (method == u"GET" && path == u"/v1/templates")
            return send(socket, 200, cloudex::api::listToJson(templates, cloudex::api::Template::kListKey));
        if (method == u"GET" && path == u"/v1/vms") {
            const QUrlQuery query(url);
            const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong();
            const int wait = query.queryItemValue(QStringLiteral("wait")).toInt();
            bool changed = false;
            for (const auto &vm : std::as_const(vms))
                changed = changed || vm.seq > since;
            if (!query.hasQueryItem(QStringLiteral("since")) || changed || wait <= 0)
                return answerVms(socket, since);
            QPointer<QSslSocket> held(socket);
            m_waiting.append({held, since});
            QTimer::singleShot(wait * 1000, this, [this, held, since] {
                for (qsizetype i = 0; i < m_waiting.size(); ++i) {
                    if (m_waiting.at(i).first == held) {
                        m_waiting.removeAt(i);
                        answerVms(held, since);
                        return;
                    }
                }
            });
            return;
        }
        if (method == u"POST" && path == u"/v1/vms") {
            auto request = cloudex::api::VmCreateRequest::fromJson(QJsonDocument::fromJson(body).object());
            static const QRegularExpression name(QStringLiteral("^[a-z0-9][a-z0-9-]{0,31}$"));
            if (!request || !name.match(request->name).hasMatch())
                return problem(socket, 400, QStringLiteral("vm.bad-name"), QStringLiteral("Bad VM name."));
            if (vms.contains(request->name))
                return problem(socket, 409, QStringLiteral("vm.exists"), QStringLiteral("The VM exists."));
            changeVm(
                {request->name, request->templateName, cloudex::api::VmState::Creating, 2, 4096, 40, {}, 0});
            return startJob(socket, cloudex::api::VmOperation::Create, request->name);
        }
        if (method == u"POST" && path.startsWith(u"/v1/vms/") && path.endsWith(u"/start")) {
            const QString vm = path.mid(8).chopped(6);
            if (!vms.contains(vm))
                return problem(socket, 404, QStringLiteral("vm.unknown"), QStringLiteral("No such VM."));
            return startJob(socket, cloudex::api::VmOperation::Start, vm);
        }
        if (path.startsWith(u"/v1/jobs/")) {
            const QString id = path.mid(9);
            if (!jobs.contains(id))
                return problem(socket, 404, QStringLiteral("job.unknown"), QStringLiteral("No such job."));
            Job &job = jobs[id];
            if (method == u"DELETE") {
                if (job.state.operation != cloudex::api::VmOperation::Create &&
                    job.state.operation != cloudex::api::VmOperation::Delete)
                    return problem(socket, 409, QStringLiteral("job.not-cancellable"), QStringLiteral("No."));
                job.state.state = cloudex::api::JobState::Cancelled;
                vms.remove(job.state.vm);
                return send(socket, 200, job.state.toJson());
            }
            if (job.state.state == cloudex::api::JobState::Running && ++job.polls >= jobPolls) {
                job.state.state = cloudex::api::JobState::Done;
                job.state.progress = 100;
                cloudex::api::Vm vm = vms.value(job.state.vm);
                vm.state = job.state.operation == cloudex::api::VmOperation::Create
                               ? cloudex::api::VmState::Stopped
                               : cloudex::api::VmState::Running;
                changeVm(vm);
            } else if (job.state.state == cloudex::api::JobState::Running) {
                job.state.progress = 100 * job.polls / jobPolls;
            }
            return send(socket, 200, job.state.toJson());
        }
        if (method == u"GET" && path == u"/v1/usage") {
            cloudex::api::Usage usage{
                contract, verified->notBeforeMs / 1000, verified->notAfterMs / 1000, 10000, {}};
            return send(socket, 200, usage.toJson());
        }
        problem(socket, 404, QStringLiteral("request.unknown-route"), QStringLiteral("No such route."));
    }

    void startJob(QSslSocket *socket, cloudex::api::VmOperation operation, const QString &vm)
    {
        const QString id = QStringLiteral("j-%1").arg(jobs.size() + 1);
        jobs.insert(id, {{id, operation, vm, cloudex::api::JobState::Running, 0, {}}, 0});
        send(socket, 202, jobs.value(id).state.toJson(), false,
             "Location: /v1/jobs/" + id.toLatin1() + "\r\n");
    }

    QSslServer m_server;
    std::shared_ptr<const cloudex::pki::CertificateVerifier> m_verifier;
    Mode m_mode = Mode::Serve;
    QHash<QSslSocket *, QByteArray> m_buffers;
    QList<std::pair<QPointer<QSslSocket>, qint64>> m_waiting;
    QStringList m_callers;
};

} // namespace testsupport
