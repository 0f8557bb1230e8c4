#include "prompts.h"

#include "desk/price.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
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

constexpr int kMaxQuantity = 1'000'000;
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

} // namespace cloudex::ui
