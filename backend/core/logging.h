#pragma once

#include <QLoggingCategory>

/// One logging category per subsystem, `cloudex.<subsystem>`. Information and above are on by
/// default; `QT_LOGGING_RULES="cloudex.*.debug=true"` turns on the debug lines. Log lines are
/// for operators: English, not translated, one line per significant event.
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcPki)
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcMarket)
Q_DECLARE_LOGGING_CATEGORY(lcExchange)
Q_DECLARE_LOGGING_CATEGORY(lcDesk)
Q_DECLARE_LOGGING_CATEGORY(lcConnect)

namespace cloudex {

/// For the daemons: every line on stderr as `<local time> <category> <level>: <message>`.
void installDaemonLogFormat();

} // namespace cloudex
