#include "core/logging.h"

#include <openssl/crypto.h>

Q_LOGGING_CATEGORY(lcCore, "cloudex.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "cloudex.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPki, "cloudex.pki", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "cloudex.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMarket, "cloudex.market", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExchange, "cloudex.exchange", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDesk, "cloudex.desk", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConnect, "cloudex.connect", QtInfoMsg)

namespace cloudex {
namespace {
// OpenSSL's atexit teardown frees every thread's error state while Qt's network threads
// (a QNetworkAccessManager's, the TLS backend's) may still be ending: their own thread-exit
// handler then frees the same state again (ASan: double free in __nptl_deallocate_tsd).
// The process is ending anyway; OpenSSL is initialised here, before anything else uses it,
// without that handler. (Every CloudEx program and test links this file: it holds the
// logging categories.)
const bool kOpenSslWithoutAtExit = OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) == 1;
} // namespace

void installDaemonLogFormat()
{
    // An operator's own QT_MESSAGE_PATTERN wins.
    if (qEnvironmentVariableIsSet("QT_MESSAGE_PATTERN"))
        return;
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{category} "
                                      "%{if-debug}debug%{endif}%{if-info}info%{endif}"
                                      "%{if-warning}warning%{endif}%{if-critical}critical%{endif}"
                                      "%{if-fatal}fatal%{endif}: %{message}"));
}

} // namespace cloudex
