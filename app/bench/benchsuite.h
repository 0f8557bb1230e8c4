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

/// The suite's own correctness figures that fail (empty: all hold). cloudex-bench exits 1
/// when one fails: `deterministic`, `state_hash_equal` and `restore_hash_equal` must be true;
/// `missing`, `gaps`, `failures`, `order_failures`, `dropped_frames`, `lost`, `doubled`,
/// `digest_mismatches` and `refused` must be 0; `checks_failed` lists a suite's other ones.
QStringList failedChecks(const QJsonObject &figures);

} // namespace cloudex::bench
