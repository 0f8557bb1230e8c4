// For the test of cloudex-bench's own checks (tests/bench/checkbench.cmake): reports the
// figures given as NAME=VALUE (true, false or a number) as a suite would, so the test can
// show that a failing correctness figure makes cloudex-bench exit 1.
#include "benchsuite.h"

#include <QJsonArray>

namespace {
QJsonObject runSelfcheck(const QStringList &arguments)
{
    QJsonObject figures;
    for (const QString &argument : arguments) {
        const qsizetype equals = argument.indexOf(u'=');
        if (equals <= 0)
            return {{QStringLiteral("error"),
                     QStringLiteral("selfcheck takes NAME=VALUE, not %1").arg(argument)}};
        const QString name = argument.left(equals);
        const QString value = argument.mid(equals + 1);
        if (value == u"true" || value == u"false")
            figures.insert(name, value == u"true");
        else if (name == u"checks_failed")
            figures.insert(name, QJsonArray{value});
        else
            figures.insert(name, value.toDouble());
    }
    return figures;
}

const bool registered = cloudex::bench::registerSuite(
    QStringLiteral("selfcheck"), QStringLiteral("(for the tests) reports the figures NAME=VALUE it is given"),
    runSelfcheck);
} // namespace
