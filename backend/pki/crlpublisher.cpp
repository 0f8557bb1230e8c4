#include "pki/crlpublisher.h"

#include "pki/certificateauthority.h"

namespace cloudex::pki {

CrlPublisher::CrlPublisher(CertificateAuthority &ca, QObject *parent) : QObject(parent), m_ca(ca)
{
    connect(&m_timer, &QTimer::timeout, this, &CrlPublisher::check);
}

void CrlPublisher::start(int intervalMs)
{
    m_timer.start(intervalMs);
    check();
}

void CrlPublisher::stop()
{
    m_timer.stop();
}

void CrlPublisher::check()
{
    auto crl = m_ca.crl();
    if (!crl) {
        emit failed(crl.error());
        return;
    }
    if (*crl == m_current)
        return;
    m_current = *crl;
    emit published(m_current);
}

} // namespace cloudex::pki
