#pragma once

// cloudex-manage's chargeback commands (issue #14), kept apart from main.cpp:
//
//   customers [add ID --name N --plan fixed|cost-plus|spot-linked [--rate T] [--markup BP]
//             [--floor T] [--cap T] | remove ID]
//   assign CONTRACT [VM] CUSTOMER|-      (a contract's default customer, or a VM's override)
//   chargeback --month YYYY-MM [--customer ID] [--csv] [--offline]
//
// customers, assign and `chargeback --offline` use only the data directory; chargeback
// otherwise first refreshes contract prices, usage (each open contract's site) and hourly
// spot samples from the exchange into <data>/manage/chargeback.sqlite.

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cloudex::desk {
class ExchangeClient;
class ContractWallet;
} // namespace cloudex::desk

namespace cloudex::managecli {

void addChargebackOptions(QCommandLineParser &parser);
QString chargebackUsage();

/// Runs a command that needs no exchange and returns its exit status; nullopt for any other.
std::optional<int> runLocalChargebackCommand(const QString &command, const QStringList &args,
                                             const QCommandLineParser &parser);

/// `chargeback` with the exchange: collects, prints, then calls `finish` with the exit status.
void runChargeback(desk::ExchangeClient *client, desk::ContractWallet *wallet, const QString &participant,
                   const QCommandLineParser &parser, int timeoutMs, QObject *parent,
                   std::function<void(int)> finish);

} // namespace cloudex::managecli
