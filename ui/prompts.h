#pragma once

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace cloudex::ui {

/// The Market desk's modal questions, answerable from tests: a handler replaces the dialog
/// until it is reset with nullptr (the KeePassXC MessageBox::setNextAnswer idea).
class Prompts
{
public:
    using ConfirmHandler = std::function<bool(const QString &title, const QString &text)>;

    /// A new price and/or quantity for an order; nullopt: cancelled.
    struct Replacement
    {
        std::optional<qint64> price; ///< ticks
        std::optional<qint64> quantity;
    };
    using ReplaceHandler =
        std::function<std::optional<Replacement>(qint64 orderId, qint64 price, qint64 quantity)>;

    /// Asks a yes/no question; true means go ahead.
    static bool confirm(QWidget *parent, const QString &title, const QString &text);
    static void setConfirmHandler(ConfirmHandler handler);

    /// Asks for an order's new price and quantity, prefilled with the current ones.
    static std::optional<Replacement> askReplacement(QWidget *parent, qint64 orderId, qint64 price,
                                                     qint64 quantity);
    static void setReplaceHandler(ReplaceHandler handler);
};

} // namespace cloudex::ui
