#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

namespace cloudex::pki {

class CertificateAuthority;

/// Keeps the CA's CRL fresh without anyone asking: checks it on a timer (and on demand after
/// a revocation) and announces every newly signed CRL, which the exchange service serves and
/// pushes to connect agents. Lives on the CA's thread.
class CrlPublisher final : public QObject
{
    Q_OBJECT

public:
    /// `ca` must outlive the publisher.
    explicit CrlPublisher(CertificateAuthority &ca, QObject *parent = nullptr);

    /// Checks every `intervalMs`; the CA re-signs once half the CRL's lifetime has passed, so
    /// an interval well below that keeps published CRLs current.
    void start(int intervalMs);
    void stop();
    bool isActive() const { return m_timer.isActive(); }

    /// Checks now (call after revoking); emits published() if the CRL changed.
    void check();

    /// The last CRL published (DER), empty before the first.
    QByteArray current() const { return m_current; }

signals:
    void published(const QByteArray &crlDer);
    void failed(const cloudex::Error &error);

private:
    CertificateAuthority &m_ca;
    QTimer m_timer;
    QByteArray m_current;
};

} // namespace cloudex::pki
