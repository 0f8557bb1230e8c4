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

    /// What to deploy on a contract: a template, a name and how many VMs (named
    /// `name-1` … `name-N` when more than one).
    struct Deployment
    {
        QString templateName; ///< empty: a diskless VM
        QString name;
        int count = 1;
    };
    using DeployHandler = std::function<std::optional<Deployment>(
        const QString &contractId, const QStringList &templates, int remaining)>;

    /// Asks a yes/no question; true means go ahead.
    static bool confirm(QWidget *parent, const QString &title, const QString &text);
    static void setConfirmHandler(ConfirmHandler handler);

    /// Asks for an order's new price and quantity, prefilled with the current ones.
    static std::optional<Replacement> askReplacement(QWidget *parent, qint64 orderId, qint64 price,
                                                     qint64 quantity);
    static void setReplaceHandler(ReplaceHandler handler);

    /// Asks what to deploy on `contractId`, which admits `remaining` more VMs.
    static std::optional<Deployment> askDeployment(QWidget *parent, const QString &contractId,
                                                   const QStringList &templates, int remaining);
    static void setDeployHandler(DeployHandler handler);
};

} // namespace cloudex::ui
