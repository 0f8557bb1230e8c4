#include "chargebackcommands.h"

#include "api/contract.h"
#include "api/enums.h"
#include "core/datadirectory.h"
#include "desk/contractwallet.h"
#include "desk/exchangeclient.h"
#include "desk/siteclient.h"
#include "manage/chargeback.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>

#include <memory>

namespace cloudex::managecli {

namespace {
using namespace cloudex::manage;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Manage)
};

constexpr int kOk = 0;
constexpr int kLocalFailure = 1;
constexpr int kUsageError = 2;
constexpr int kRefused = 3;
constexpr int kUnreachable = 4;

int exitCodeFor(const Error &error)
{
    if (error.code.startsWith(u"transport.") || error.code == u"site.wrong-certificate" ||
        error.code == u"response.invalid")
        return kUnreachable;
    if (error.code.startsWith(u"chargeback.store") || error.code.startsWith(u"wallet.write"))
        return kLocalFailure;
    return kRefused;
}

void printError(const Error &error, const QString &prefix = {})
{
    QTextStream(stderr) << "cloudex-manage: " << prefix << error.message.simplified() << " (" << error.code
                        << ")" << Qt::endl;
}

void print(const QString &text)
{
    QTextStream out(stdout);
    out << text;
    if (!text.isEmpty() && !text.endsWith(u'\n'))
        out << '\n';
}

void printJson(const QJsonObject &o)
{
    QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QJsonObject planJson(const PricePlan &p)
{
    QJsonObject o{{QStringLiteral("kind"), toWire(p.kind)}};
    if (p.kind == PlanKind::Fixed)
        o.insert(QStringLiteral("rate"), p.rate);
    else
        o.insert(QStringLiteral("markupBasisPoints"), p.markupBasisPoints);
    if (p.kind == PlanKind::SpotLinked) {
        o.insert(QStringLiteral("floor"), p.floor);
        o.insert(QStringLiteral("cap"), p.cap);
    }
    return o;
}

QJsonObject lineJson(const StatementLine &l)
{
    return {{QStringLiteral("contract"), l.contract},
            {QStringLiteral("vm"), l.vm},
            {QStringLiteral("product"), l.product},
            {QStringLiteral("instanceSeconds"), l.instanceSeconds},
            {QStringLiteral("rate"), l.rate},
            {QStringLiteral("amount"), l.amount},
            {QStringLiteral("contractPrice"), l.contractPrice},
            {QStringLiteral("cost"), l.cost},
            {QStringLiteral("margin"), l.margin()}};
}

QString hoursText(qint64 seconds)
{
    const qint64 centi = roundedDivision(static_cast<Wide>(seconds) * 100, 3600);
    return QString::number(centi / 100) + u'.' +
           QStringLiteral("%1").arg(centi % 100, 2, 10, QLatin1Char('0'));
}

Result<qint64> integerOption(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        return qint64(0);
    bool ok = false;
    const qint64 v = parser.value(name).toLongLong(&ok);
    if (!ok)
        return Error{QStringLiteral("cli.usage"), Tr::tr("--%1 wants a whole number.").arg(name)};
    return v;
}

/// Prints the month's statements from the store; the exit status.
int printStatements(const ChargebackStore &store, const Month &month, const QCommandLineParser &parser,
                    int failureCode)
{
    const auto input = store.input();
    if (!input)
        return printError(input.error()), kLocalFailure;
    const auto usage = store.usage(month.start(), month.end());
    if (!usage)
        return printError(usage.error()), kLocalFailure;
    ChargebackResult result = computeStatements(*input, *usage, month);
    const QString only = parser.value(QStringLiteral("customer"));
    if (!only.isEmpty()) {
        result.statements.removeIf([&](const Statement &s) { return s.customerId != only; });
        if (result.statements.isEmpty()) {
            printError(Error{QStringLiteral("chargeback.unknown-customer"),
                             Tr::tr("There is no customer %1.").arg(only)});
            return kUsageError;
        }
    }
    for (const QString &contract : std::as_const(result.unknownContracts))
        QTextStream(stderr)
            << "cloudex-manage: "
            << Tr::tr("usage of %1 is not charged: its price is not known (run without --offline once)")
                   .arg(contract)
            << Qt::endl;
    if (!result.unassigned.isEmpty() && only.isEmpty())
        QTextStream(stderr) << "cloudex-manage: "
                            << Tr::tr("%n VM(s) with usage have no customer (assign CONTRACT [VM] CUSTOMER)",
                                      nullptr, int(result.unassigned.size()))
                            << Qt::endl;

    if (parser.isSet(QStringLiteral("csv"))) {
        QTextStream out(stdout);
        out << statementsToCsv(result.statements);
        return failureCode;
    }
    QHash<QString, PricePlan> plans;
    for (const Customer &c : input->customers)
        plans.insert(c.id, c.plan);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray statements;
        for (const Statement &s : std::as_const(result.statements)) {
            QJsonArray lines;
            for (const StatementLine &l : s.lines)
                lines.append(lineJson(l));
            statements.append(QJsonObject{{QStringLiteral("customerId"), s.customerId},
                                          {QStringLiteral("customerName"), s.customerName},
                                          {QStringLiteral("plan"), planJson(plans.value(s.customerId))},
                                          {QStringLiteral("lines"), lines},
                                          {QStringLiteral("instanceSeconds"), s.instanceSeconds},
                                          {QStringLiteral("amount"), s.amount},
                                          {QStringLiteral("cost"), s.cost},
                                          {QStringLiteral("margin"), s.margin()}});
        }
        QJsonArray unassigned;
        for (const StatementLine &l : std::as_const(result.unassigned))
            unassigned.append(lineJson(l));
        printJson(
            {{QStringLiteral("month"), month.toString()},
             {QStringLiteral("statements"), statements},
             {QStringLiteral("unassigned"), unassigned},
             {QStringLiteral("unknownContracts"), QJsonArray::fromStringList(result.unknownContracts)}});
        return failureCode;
    }
    QString text;
    QTextStream out(&text);
    for (const Statement &s : std::as_const(result.statements)) {
        out << Tr::tr("Statement %1 for %2 (%3), %4")
                   .arg(s.month, s.customerId, s.customerName, plans.value(s.customerId).describe())
            << '\n';
        for (const StatementLine &l : s.lines) {
            out << "  " << l.contract << '\t' << l.vm << '\t' << hoursText(l.instanceSeconds) << " h\t"
                << ticksToEuro(l.rate) << " EUR/h\t" << ticksToEuro(l.amount) << " EUR\t"
                << Tr::tr("cost %1").arg(ticksToEuro(l.cost)) << '\t'
                << Tr::tr("margin %1").arg(ticksToEuro(l.margin())) << '\n';
        }
        out << "  "
            << Tr::tr("total %1 h, %2 EUR, cost %3 EUR, margin %4 EUR")
                   .arg(hoursText(s.instanceSeconds), ticksToEuro(s.amount), ticksToEuro(s.cost),
                        ticksToEuro(s.margin()))
            << '\n';
    }
    out.flush();
    print(text);
    return failureCode;
}

Result<Month> monthOption(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("month")))
        return Error{QStringLiteral("cli.usage"), Tr::tr("chargeback needs --month YYYY-MM.")};
    return Month::parse(parser.value(QStringLiteral("month")));
}

Result<QString> dataDirectory(const QCommandLineParser &parser)
{
    return DataDirectory::prepare(parser.isSet(QStringLiteral("data-dir"))
                                      ? parser.value(QStringLiteral("data-dir"))
                                      : DataDirectory::defaultPath());
}

int customersCommand(ChargebackStore &store, const QStringList &args, const QCommandLineParser &parser)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    if (args.isEmpty() || (args.size() == 1 && args.at(0) == u"list")) {
        const auto customers = store.customers();
        if (!customers)
            return printError(customers.error()), kLocalFailure;
        QJsonArray list;
        QString text;
        for (const Customer &c : *customers) {
            list.append(QJsonObject{{QStringLiteral("id"), c.id},
                                    {QStringLiteral("name"), c.name},
                                    {QStringLiteral("plan"), planJson(c.plan)}});
            text += c.id + u'\t' + c.name + u'\t' + c.plan.describe() + u'\n';
        }
        json ? printJson({{QStringLiteral("customers"), list}}) : print(text);
        return kOk;
    }
    if (args.at(0) == u"remove" && args.size() == 2) {
        if (auto ok = store.removeCustomer(args.at(1)); !ok)
            return printError(ok.error()), ok.error().code == u"chargeback.store" ? kLocalFailure : kRefused;
        print(Tr::tr("customer %1 removed").arg(args.at(1)));
        return kOk;
    }
    if (args.at(0) != u"add" || args.size() != 2) {
        QTextStream(stderr) << "cloudex-manage: " << Tr::tr("usage: %1").arg(chargebackUsage()) << Qt::endl;
        return kUsageError;
    }
    Customer c;
    c.id = args.at(1);
    c.name = parser.value(QStringLiteral("name"));
    const auto kind = planKindFromWire(parser.value(QStringLiteral("plan")));
    if (!kind) {
        QTextStream(stderr) << "cloudex-manage: " << Tr::tr("--plan is fixed, cost-plus or spot-linked.")
                            << Qt::endl;
        return kUsageError;
    }
    c.plan.kind = *kind;
    for (const auto &[name, target] :
         {std::pair{QStringLiteral("rate"), &c.plan.rate}, std::pair{QStringLiteral("floor"), &c.plan.floor},
          std::pair{QStringLiteral("cap"), &c.plan.cap}}) {
        const auto v = integerOption(parser, name);
        if (!v)
            return printError(v.error()), kUsageError;
        *target = *v;
    }
    const auto markup = integerOption(parser, QStringLiteral("markup"));
    if (!markup || *markup < INT_MIN || *markup > INT_MAX)
        return printError(markup ? Error{QStringLiteral("cli.usage"), Tr::tr("--markup is out of range.")}
                                 : markup.error()),
               kUsageError;
    c.plan.markupBasisPoints = static_cast<int>(*markup);
    if (auto ok = c.validate(); !ok)
        return printError(ok.error()), kUsageError;
    if (auto ok = store.saveCustomer(c); !ok)
        return printError(ok.error()), kLocalFailure;
    json ? printJson({{QStringLiteral("id"), c.id},
                      {QStringLiteral("name"), c.name},
                      {QStringLiteral("plan"), planJson(c.plan)}})
         : print(c.id + u'\t' + c.name + u'\t' + c.plan.describe());
    return kOk;
}

int assignCommand(ChargebackStore &store, const QStringList &args)
{
    if (args.size() != 2 && args.size() != 3) {
        QTextStream(stderr) << "cloudex-manage: " << Tr::tr("usage: assign CONTRACT [VM] CUSTOMER|-")
                            << Qt::endl;
        return kUsageError;
    }
    const QString customer = args.constLast() == u"-" ? QString() : args.constLast();
    const auto ok = args.size() == 2 ? store.assignContract(args.at(0), customer)
                                     : store.assignVm(args.at(0), args.at(1), customer);
    if (!ok)
        return printError(ok.error()), ok.error().code == u"chargeback.store" ? kLocalFailure : kRefused;
    const QString what = args.size() == 2 ? args.at(0) : args.at(0) + u'/' + args.at(1);
    print(customer.isEmpty() ? Tr::tr("%1: no customer").arg(what) : Tr::tr("%1 → %2").arg(what, customer));
    return kOk;
}

/// One run of `chargeback` against the exchange and the sites.
class Collector final : public QObject
{
public:
    Collector(desk::ExchangeClient *client, desk::ContractWallet *wallet, QString participant, Month month,
              const QCommandLineParser &parser, int timeoutMs, std::function<void(int)> finish,
              QObject *parent)
        : QObject(parent)
        , m_client(client)
        , m_wallet(wallet)
        , m_participant(std::move(participant))
        , m_month(month)
        , m_parser(parser)
        , m_timeoutMs(timeoutMs)
        , m_finish(std::move(finish))
    {}

    ChargebackStore store;

    void start()
    {
        auto *call = m_client->contracts();
        connect(call, &desk::ExchangeJob::finished, this, [this, call] {
            call->deleteLater();
            if (!call->ok()) {
                printError(call->result().error());
                return m_finish(exitCodeFor(call->result().error()));
            }
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            for (const api::Contract &c : call->value()) {
                if (c.buyer != m_participant)
                    continue;
                if (auto ok = store.saveContract(ContractInfo{c.id, c.product, c.price}); !ok) {
                    printError(ok.error());
                    return m_finish(kLocalFailure);
                }
                const bool overlaps = c.deliveryStart < m_month.end() && c.deliveryEnd > m_month.start();
                if (overlaps && c.deliveryStart <= now && c.site &&
                    c.state != api::ContractState::Terminated && c.state != api::ContractState::Expired)
                    m_open.append(c);
                if (overlaps && !m_products.contains(c.product))
                    m_products.append(c.product);
            }
            nextContract();
        });
    }

private:
    void warn(const QString &contract, const Error &error)
    {
        printError(error, contract + QStringLiteral(": "));
        m_failureCode = exitCodeFor(error);
    }

    void nextContract()
    {
        if (m_open.isEmpty())
            return nextProduct();
        const api::Contract contract = m_open.takeFirst();
        auto settled = std::make_shared<bool>(false);
        auto *pending = new QObject(this);
        const auto settle = [this, contract, settled, pending] {
            const auto entry = m_wallet->entry(contract.id);
            if (*settled || !entry || entry->state == desk::ContractWallet::State::Pending)
                return;
            *settled = true;
            QObject::disconnect(m_wallet, nullptr, pending, nullptr);
            pending->deleteLater();
            const auto tls = m_wallet->tlsFor(contract.id);
            if (!tls) {
                warn(contract.id, tls.error());
                return nextContract();
            }
            auto *site = new desk::SiteClient(contract.id, *contract.site, *tls, m_wallet->verifier(), this);
            site->setTimeoutMs(m_timeoutMs);
            auto *call = site->usage();
            connect(call, &desk::ExchangeJob::finished, this, [this, call, site, contract] {
                call->deleteLater();
                site->deleteLater();
                if (!call->ok()) {
                    warn(contract.id, call->result().error());
                } else if (auto ok = store.replaceUsage(contract.id, call->value().hours); !ok) {
                    warn(contract.id, ok.error());
                }
                nextContract();
            });
        };
        connect(m_wallet, &desk::ContractWallet::stateChanged, pending, settle);
        connect(m_wallet, &desk::ContractWallet::trustChanged, pending,
                [this, contract, settled, pending](bool ok, const Error &error) {
                    if (ok || *settled)
                        return;
                    *settled = true;
                    QObject::disconnect(m_wallet, nullptr, pending, nullptr);
                    pending->deleteLater();
                    warn(contract.id, error);
                    nextContract();
                });
        m_wallet->addContract(contract);
        m_wallet->start();
        settle();
    }

    /// Hourly spot samples of the month's products, for spot-linked plans (the exchange keeps a
    /// week; what was fetched before stays in the store).
    void nextProduct()
    {
        const auto customers = store.customers();
        const bool spotLinked =
            customers && std::any_of(customers->begin(), customers->end(),
                                     [](const Customer &c) { return c.plan.kind == PlanKind::SpotLinked; });
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 from = std::max(m_month.start() - 3600, now - 7 * 86400);
        const qint64 to = std::min(m_month.end(), now);
        if (!spotLinked || m_products.isEmpty() || from >= to)
            return m_finish(printStatements(store, m_month, m_parser, m_failureCode));
        const QString product = m_products.takeFirst();
        auto *call = m_client->spotHistory(product, from - from % 3600, to, QStringLiteral("1h"));
        connect(call, &desk::ExchangeJob::finished, this, [this, call, product] {
            call->deleteLater();
            if (!call->ok())
                warn(product, call->result().error());
            else if (auto ok = store.saveSpot(product, SpotSeries::fromHistory(call->value())); !ok)
                warn(product, ok.error());
            nextProduct();
        });
    }

    desk::ExchangeClient *m_client;
    desk::ContractWallet *m_wallet;
    QString m_participant;
    Month m_month;
    const QCommandLineParser &m_parser;
    int m_timeoutMs;
    std::function<void(int)> m_finish;
    QList<api::Contract> m_open;
    QStringList m_products;
    int m_failureCode = kOk;
};

} // namespace

void addChargebackOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("month"), QStringLiteral("chargeback: the month, YYYY-MM (UTC)."),
         QStringLiteral("month")},
        {QStringLiteral("customer"), QStringLiteral("chargeback: only this customer's statement."),
         QStringLiteral("id")},
        {QStringLiteral("csv"), QStringLiteral("chargeback: print CSV (docs/CHARGEBACK.md).")},
        {QStringLiteral("offline"), QStringLiteral("chargeback: use only what the data directory holds.")},
        {QStringLiteral("plan"), QStringLiteral("customers add: fixed, cost-plus or spot-linked."),
         QStringLiteral("kind")},
        {QStringLiteral("rate"), QStringLiteral("customers add: ticks per instance-hour (fixed)."),
         QStringLiteral("ticks")},
        {QStringLiteral("markup"), QStringLiteral("customers add: basis points (cost-plus, spot-linked)."),
         QStringLiteral("bp")},
        {QStringLiteral("floor"), QStringLiteral("customers add: ticks per instance-hour (spot-linked)."),
         QStringLiteral("ticks")},
        {QStringLiteral("cap"), QStringLiteral("customers add: ticks per instance-hour (spot-linked)."),
         QStringLiteral("ticks")},
    });
}

QString chargebackUsage()
{
    return QStringLiteral(
        "customers [add ID --name N --plan KIND [--rate T] [--markup BP] [--floor T] [--cap T] | "
        "remove ID] | assign CONTRACT [VM] CUSTOMER|- | "
        "chargeback --month YYYY-MM [--customer ID] [--csv] [--offline]");
}

std::optional<int> runLocalChargebackCommand(const QString &command, const QStringList &args,
                                             const QCommandLineParser &parser)
{
    const bool offlineChargeback = command == u"chargeback" && parser.isSet(QStringLiteral("offline"));
    if (command != u"customers" && command != u"assign" && !offlineChargeback)
        return std::nullopt;
    std::optional<Month> month;
    if (offlineChargeback) {
        const auto m = monthOption(parser);
        if (!m || !args.isEmpty())
            return printError(
                       m ? Error{QStringLiteral("cli.usage"), Tr::tr("usage: %1").arg(chargebackUsage())}
                         : m.error()),
                   kUsageError;
        month = *m;
    }
    const auto dir = dataDirectory(parser);
    if (!dir)
        return printError(dir.error()), kLocalFailure;
    ChargebackStore store;
    if (auto ok = store.open(*dir); !ok)
        return printError(ok.error()), kLocalFailure;
    if (command == u"customers")
        return customersCommand(store, args, parser);
    if (command == u"assign")
        return assignCommand(store, args);
    return printStatements(store, *month, parser, kOk);
}

void runChargeback(desk::ExchangeClient *client, desk::ContractWallet *wallet, const QString &participant,
                   const QCommandLineParser &parser, int timeoutMs, QObject *parent, std::function<void(int)> finish)
{
    const auto month = monthOption(parser);
    if (!month) {
        printError(month.error());
        return finish(kUsageError);
    }
    const auto dir = dataDirectory(parser);
    if (!dir) {
        printError(dir.error());
        return finish(kLocalFailure);
    }
    auto *collector = new Collector(client, wallet, participant, *month, parser, timeoutMs, finish, parent);
    if (auto ok = collector->store.open(*dir); !ok) {
        printError(ok.error());
        return finish(kLocalFailure);
    }
    collector->start();
}

} // namespace cloudex::managecli
