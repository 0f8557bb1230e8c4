#pragma once

#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace cloudex::bench {

/// Arguments after the suite name, for suite-specific options (for example --seconds 5).
using SuiteFunction = std::function<QJsonObject(const QStringList &arguments)>;

/// Registers a benchmark suite under `name`; call from a static initialiser in the suite's
/// own file (bench_<name>.cpp), which is compiled straight into cloudex-bench.
bool registerSuite(const QString &name, const QString &description, SuiteFunction function);

} // namespace cloudex::bench
