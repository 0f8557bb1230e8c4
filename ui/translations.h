#pragma once

#include "core/result.h"

#include <QString>

class QCoreApplication;

namespace cloudex::ui {

/// Loads CloudEx's own and Qt's translations for a language into the application.
class Translations
{
public:
    /// "de" when the system locale is German, else "en" (the source language).
    static QString systemLanguage();

    /// Installs the translators for `language` ("en" installs none). The translators live
    /// as long as the application.
    static Result<void> install(QCoreApplication &app, const QString &language);
};

} // namespace cloudex::ui
