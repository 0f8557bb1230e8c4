#pragma once

#include <QSslServer>

namespace cloudex::net {

/// A QSslServer that inspects each connection's HTTP framing before Qt HttpServer sees it.
/// Qt 6.4's HttpServer buffers whole bodies with no size limit, so requests whose
/// Content-Length exceeds the limit (or whose headers are too long, or that stream a chunked
/// body of unknown size) are answered here with a problem and the connection is closed;
/// the body is never buffered.
class GuardedSslServer final : public QSslServer
{
    Q_OBJECT

public:
    explicit GuardedSslServer(qint64 maxBodyBytes, int maxHeaderBytes, QObject *parent = nullptr);

    QTcpSocket *nextPendingConnection() override;

    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

Q_SIGNALS:
    /// A request was refused at the framing level (status 411, 413 or 431).
    void requestRefused(int status);

private:
    qint64 m_maxBodyBytes;
    int m_maxHeaderBytes;
};

} // namespace cloudex::net
