#pragma once

#include "core/result.h"

#include <QString>

namespace cloudex {

/// Where CloudEx keeps its state: journal, keys, agent records and settings. One directory
/// per installation; `--data-dir` overrides the platform default.
class DataDirectory
{
public:
    /// The platform's per-user application data location (for example
    /// ~/.local/share/CloudEx on Linux).
    static QString defaultPath();

    /// Makes `path` absolute, creates it readable only by its owner if missing, and checks
    /// that it is a writable directory. Returns the absolute path.
    static Result<QString> prepare(const QString &path);
};

} // namespace cloudex
