// cloudex-bench: the project's benchmarks. `cloudex-bench SUITE --json` prints one JSON
// object of figures; docs/PERFORMANCE.md records them with the command that produced them.
#include "benchsuite.h"

#include <QApplication>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTextStream>

#include <memory>

namespace cloudex::bench {
namespace {
struct Suite
{
    QString description;
    SuiteFunction function;
};

QMap<QString, Suite> &registry()
{
    static QMap<QString, Suite> suites;
    return suites;
}
} // namespace

QStringList failedChecks(const QJsonObject &figures)
{
    // A benchmark whose own answer is wrong has measured nothing: these figures hold in
    // every correct run, whatever the machine.
    static const QStringList mustHold{QStringLiteral("deterministic"), QStringLiteral("state_hash_equal"),
                                      QStringLiteral("restore_hash_equal")};
    static const QStringList mustBeZero{QStringLiteral("missing"),        QStringLiteral("gaps"),
                                        QStringLiteral("failures"),       QStringLiteral("order_failures"),
                                        QStringLiteral("dropped_frames"), QStringLiteral("lost"),
                                        QStringLiteral("doubled"),        QStringLiteral("digest_mismatches"),
                                        QStringLiteral("refused")};
    QStringList failed;
    for (const QString &key : mustHold)
        if (figures.contains(key) && figures.value(key) != QJsonValue(true))
            failed.append(key + QStringLiteral(" is not true"));
    for (const QString &key : mustBeZero)
        if (figures.contains(key) && figures.value(key).toDouble(-1) != 0)
            failed.append(QStringLiteral("%1 = %2").arg(key, figures.value(key).toVariant().toString()));
    // A suite may name further checks of its own: {"checks_failed": ["why", ...]}.
    for (const QJsonValue &why : figures.value(QStringLiteral("checks_failed")).toArray())
        failed.append(why.toString());
    return failed;
}

bool registerSuite(const QString &name, const QString &description, SuiteFunction function)
{
    registry().insert(name, Suite{description, std::move(function)});
    return true;
}

} // namespace cloudex::bench

int main(int argc, char **argv)
{
    // The desk suites (and chargeback's desk path) measure the real widgets: they need a
    // QApplication (offscreen unless a platform is named); every other suite runs headless.
    const bool widgets = argc > 1 && (qstrcmp(argv[1], "desk") == 0 || qstrcmp(argv[1], "desk-sell") == 0 ||
                                      qstrcmp(argv[1], "chargeback") == 0);
    if (widgets && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application =
        widgets ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cloudex-bench"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList args = QCoreApplication::arguments().mid(1);
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    const auto &suites = cloudex::bench::registry();
    if (args.isEmpty() || args.constFirst() == QLatin1String("--help") ||
        !suites.contains(args.constFirst())) {
        if (!args.isEmpty() && args.constFirst() != QLatin1String("--help"))
            err << "cloudex-bench: unknown suite " << args.constFirst() << Qt::endl;
        err << "usage: cloudex-bench SUITE [--json] [suite options]\nsuites:\n";
        for (auto it = suites.cbegin(); it != suites.cend(); ++it)
            err << "  " << it.key().leftJustified(12) << it->description << '\n';
        err.flush();
        return args.isEmpty() || args.constFirst() == QLatin1String("--help") ? 0 : 2;
    }

    const QString name = args.takeFirst();
    QJsonObject figures = suites.value(name).function(args);
    figures.insert(QStringLiteral("suite"), name);
    const QStringList failed = cloudex::bench::failedChecks(figures);
    if (json) {
        out << QJsonDocument(figures).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        for (auto it = figures.constBegin(); it != figures.constEnd(); ++it)
            out << it.key().leftJustified(24) << it.value().toVariant().toString() << '\n';
    }
    if (figures.contains(QStringLiteral("error")))
        return 1;
    if (!failed.isEmpty()) {
        err << "cloudex-bench: " << name << " failed its own check: " << failed.join(QStringLiteral(", "))
            << Qt::endl;
        return 1;
    }
    return 0;
}
