#include "prompts.h"

#include "desk/price.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>

namespace cloudex::ui {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Prompts)
};

Prompts::ConfirmHandler &confirmHandler()
{
    static Prompts::ConfirmHandler handler;
    return handler;
}

Prompts::ReplaceHandler &replaceHandler()
{
    static Prompts::ReplaceHandler handler;
    return handler;
}

Prompts::DeployHandler &deployHandler()
{
    static Prompts::DeployHandler handler;
    return handler;
}

constexpr int kMaxQuantity = 1'000'000;
/// A VM name as the connect API takes it, with room for a "-NN" suffix.
constexpr auto kVmNamePattern = "[a-z0-9][a-z0-9-]{0,28}";
} // namespace

bool Prompts::confirm(QWidget *parent, const QString &title, const QString &text)
{
    if (confirmHandler())
        return confirmHandler()(title, text);
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

void Prompts::setConfirmHandler(ConfirmHandler handler)
{
    confirmHandler() = std::move(handler);
}

std::optional<Prompts::Replacement> Prompts::askReplacement(QWidget *parent, qint64 orderId, qint64 price,
                                                            qint64 quantity)
{
    if (replaceHandler())
        return replaceHandler()(orderId, price, quantity);

    QDialog dialog(parent);
    dialog.setWindowTitle(Tr::tr("Replace order %1").arg(orderId));
    auto priceEdit = new QLineEdit(desk::formatPriceTicks(price), &dialog);
    auto quantityEdit = new QSpinBox(&dialog);
    quantityEdit->setRange(1, kMaxQuantity);
    quantityEdit->setValue(int(std::min<qint64>(quantity, kMaxQuantity)));
    auto error = new QLabel(&dialog);
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto form = new QFormLayout(&dialog);
    form->addRow(Tr::tr("Price (EUR):"), priceEdit);
    form->addRow(Tr::tr("Quantity:"), quantityEdit);
    form->addRow(error);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        const auto ticks = desk::parsePriceTicks(priceEdit->text());
        if (!ticks || *ticks <= 0) {
            error->setText(Tr::tr("Enter a price in EUR with at most four decimals."));
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    Replacement r;
    const qint64 newPrice = desk::parsePriceTicks(priceEdit->text()).value_or(price);
    if (newPrice != price)
        r.price = newPrice;
    if (quantityEdit->value() != quantity)
        r.quantity = quantityEdit->value();
    return r;
}

void Prompts::setReplaceHandler(ReplaceHandler handler)
{
    replaceHandler() = std::move(handler);
}

std::optional<Prompts::Deployment> Prompts::askDeployment(QWidget *parent, const QString &contractId,
                                                          const QStringList &templates, int remaining)
{
    if (deployHandler())
        return deployHandler()(contractId, templates, remaining);

    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("deployDialog"));
    dialog.setWindowTitle(Tr::tr("Deploy on %1").arg(contractId));
    auto templateBox = new QComboBox(&dialog);
    templateBox->setObjectName(QStringLiteral("deployTemplate"));
    templateBox->setAccessibleName(Tr::tr("Template"));
    for (const QString &name : templates)
        templateBox->addItem(name, name);
    templateBox->addItem(Tr::tr("No disk"), QString());
    auto nameEdit = new QLineEdit(&dialog);
    nameEdit->setObjectName(QStringLiteral("deployName"));
    nameEdit->setAccessibleName(Tr::tr("Name"));
    nameEdit->setPlaceholderText(Tr::tr("web"));
    nameEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QString::fromLatin1(kVmNamePattern)), nameEdit));
    auto countBox = new QSpinBox(&dialog);
    countBox->setObjectName(QStringLiteral("deployCount"));
    countBox->setAccessibleName(Tr::tr("Number of VMs"));
    countBox->setRange(1, std::max(1, remaining));
    auto hint =
        new QLabel(Tr::tr("The contract admits %n more VM(s); each gets the contract's instance size.",
                          nullptr, remaining),
                   &dialog);
    hint->setWordWrap(true);
    auto error = new QLabel(&dialog);
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(Tr::tr("Deploy"));
    auto form = new QFormLayout(&dialog);
    form->addRow(Tr::tr("&Template:"), templateBox);
    form->addRow(Tr::tr("&Name:"), nameEdit);
    form->addRow(Tr::tr("N&umber:"), countBox);
    form->addRow(hint);
    form->addRow(error);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (!nameEdit->hasAcceptableInput()) {
            error->setText(Tr::tr("Enter a name of lower-case letters, digits and dashes."));
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return Deployment{templateBox->currentData().toString(), nameEdit->text(), countBox->value()};
}

void Prompts::setDeployHandler(DeployHandler handler)
{
    deployHandler() = std::move(handler);
}

} // namespace cloudex::ui
