#include "core/logging.h"

Q_LOGGING_CATEGORY(lcCore, "cloudex.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "cloudex.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPki, "cloudex.pki", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "cloudex.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMarket, "cloudex.market", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExchange, "cloudex.exchange", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDesk, "cloudex.desk", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConnect, "cloudex.connect", QtInfoMsg)

namespace cloudex {

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
