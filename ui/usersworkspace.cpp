#include "usersworkspace.h"

#include "desk/exchangeclient.h"
#include "desk/marketsession.h"
#include "desk/useradmin.h"
#include "prompts.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cloudex::ui {

namespace {
constexpr int kNameColumn = 0;

QTableWidget *table(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QTableWidgetItem *item(const QString &text)
{
    return new QTableWidgetItem(text);
}

QString operationText(api::VmOperation operation)
{
    switch (operation) {
    case api::VmOperation::Create:
        return UsersWorkspace::tr("create");
    case api::VmOperation::Start:
        return UsersWorkspace::tr("start");
    case api::VmOperation::Stop:
        return UsersWorkspace::tr("stop");
    case api::VmOperation::Reboot:
        return UsersWorkspace::tr("reboot");
    case api::VmOperation::Delete:
        return UsersWorkspace::tr("delete");
    }
    return {};
}
} // namespace

UsersWorkspace::UsersWorkspace(desk::MarketSession *session, QWidget *parent)
    : WorkspacePage(tr("Users"),
                    tr("Your organisation's people: who may trade, who may deploy, who administers."), parent)
    , m_session(session)
    , m_reason(new QLabel(this))
    , m_users(table(QStringLiteral("usersTable"), {tr("User"), tr("Permissions"), tr("State"), tr("Limits")},
                    this))
    , m_name(new QLineEdit(this))
    , m_trade(new QCheckBox(tr("&Trade (orders, prices, settlements)"), this))
    , m_deploy(new QCheckBox(tr("&Deploy (contract certificates, VMs)"), this))
    , m_admin(new QCheckBox(tr("&Administer users"), this))
    , m_passphrase(new QLineEdit(this))
    , m_exportPath(new QLineEdit(this))
    , m_maxQuantity(new QLineEdit(this))
    , m_maxNotional(new QLineEdit(this))
    , m_issue(new QPushButton(tr("&Issue…"), this))
    , m_change(new QPushButton(tr("&Change permissions"), this))
    , m_revoke(new QPushButton(tr("&Revoke…"), this))
    , m_limits(new QPushButton(tr("Set &limits"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_audit(table(QStringLiteral("auditTable"),
                    {tr("Time"), tr("User"), tr("Action"), tr("Permissions"), tr("By")}, this))
    , m_vmOperations(table(QStringLiteral("vmOperationsTable"),
                           {tr("Time"), tr("User"), tr("Contract"), tr("Site"), tr("VM"), tr("Operation")}, this))
    , m_status(new QLabel(this))
{
    m_reason->setObjectName(QStringLiteral("usersReason"));
    m_reason->setWordWrap(true);
    m_name->setObjectName(QStringLiteral("userName"));
    m_name->setPlaceholderText(tr("u-alice"));
    m_name->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-z0-9][a-z0-9-]{0,62}")), this));
    m_trade->setObjectName(QStringLiteral("permTrade"));
    m_deploy->setObjectName(QStringLiteral("permDeploy"));
    m_admin->setObjectName(QStringLiteral("permAdmin"));
    m_passphrase->setObjectName(QStringLiteral("userPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("protects the PKCS#12 file you hand over"));
    m_exportPath->setObjectName(QStringLiteral("userExportPath"));
    m_exportPath->setPlaceholderText(tr("/path/to/u-alice.p12"));
    m_maxQuantity->setObjectName(QStringLiteral("limitQuantity"));
    m_maxQuantity->setValidator(new QIntValidator(1, 1'000'000, this));
    m_maxQuantity->setPlaceholderText(tr("the exchange's limit"));
    m_maxNotional->setObjectName(QStringLiteral("limitNotional"));
    m_maxNotional->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[1-9][0-9]{0,15}")), this));
    m_maxNotional->setPlaceholderText(tr("the exchange's limit"));
    m_issue->setObjectName(QStringLiteral("usersIssue"));
    m_change->setObjectName(QStringLiteral("usersChange"));
    m_revoke->setObjectName(QStringLiteral("usersRevoke"));
    m_limits->setObjectName(QStringLiteral("usersLimits"));
    m_refresh->setObjectName(QStringLiteral("usersRefresh"));
    m_status->setObjectName(QStringLiteral("usersStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_users->setAccessibleName(tr("Users"));
    m_audit->setAccessibleName(tr("Identity audit"));
    m_vmOperations->setAccessibleName(tr("VM operations"));

    QVBoxLayout *layout = contentLayout();
    layout->addWidget(m_reason);
    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(createSectionLabel(tr("Users"), this));
    left->addWidget(m_users, 1);
    columns->addLayout(left, 3);
    auto *right = new QVBoxLayout;
    right->addWidget(createSectionLabel(tr("User"), this));
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    auto *permissions = new QVBoxLayout;
    permissions->addWidget(m_trade);
    permissions->addWidget(m_deploy);
    permissions->addWidget(m_admin);
    form->addRow(tr("Permissions:"), permissions);
    form->addRow(tr("PKCS#12 &passphrase:"), m_passphrase);
    form->addRow(tr("PKCS#12 &file:"), m_exportPath);
    form->addRow(tr("Max. order &quantity:"), m_maxQuantity);
    form->addRow(tr("Max. open &notional (ticks × instances × hours):"), m_maxNotional);
    right->addLayout(form);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_issue, m_change, m_revoke, m_limits, m_refresh})
        buttons->addWidget(b);
    right->addLayout(buttons);
    right->addWidget(m_status);
    right->addStretch();
    columns->addLayout(right, 2);
    layout->addLayout(columns, 2);
    // The two records side by side: who changed identities, and who did what with VMs.
    auto *records = new QHBoxLayout;
    auto *identities = new QVBoxLayout;
    identities->addWidget(
        createSectionLabel(tr("Audit: identities issued, changed and revoked, and by whom"), this));
    identities->addWidget(m_audit, 1);
    records->addLayout(identities, 1);
    auto *operations = new QVBoxLayout;
    operations->addWidget(createSectionLabel(tr("VM operations at the sellers' sites, and by whom"), this));
    operations->addWidget(m_vmOperations, 1);
    records->addLayout(operations, 1);
    layout->addLayout(records, 1);

    connect(m_users, &QTableWidget::itemSelectionChanged, this, &UsersWorkspace::showSelection);
    connect(m_name, &QLineEdit::textChanged, this, &UsersWorkspace::updateActions);
    for (QLineEdit *edit : {m_passphrase, m_exportPath})
        connect(edit, &QLineEdit::textChanged, this, &UsersWorkspace::updateActions);
    for (QCheckBox *box : {m_trade, m_deploy, m_admin})
        connect(box, &QCheckBox::toggled, this, &UsersWorkspace::updateActions);
    connect(m_issue, &QPushButton::clicked, this, &UsersWorkspace::issue);
    connect(m_change, &QPushButton::clicked, this, &UsersWorkspace::changePermissions);
    connect(m_revoke, &QPushButton::clicked, this, &UsersWorkspace::revoke);
    connect(m_limits, &QPushButton::clicked, this, &UsersWorkspace::setLimits);
    connect(m_refresh, &QPushButton::clicked, this, &UsersWorkspace::refresh);
    if (m_session) {
        connect(m_session, &desk::MarketSession::stateChanged, this,
                [this](desk::MarketSession::State state) {
                    updateActions();
                    if (state == desk::MarketSession::State::Connected)
                        refresh();
                });
    }
    updateActions();
}

bool UsersWorkspace::mayAdminister() const
{
    return m_session && m_session->isOpen() && m_session->hasPermission(QStringLiteral("admin"));
}

QStringList UsersWorkspace::chosenPermissions() const
{
    QStringList permissions;
    if (m_trade->isChecked())
        permissions << QStringLiteral("trade");
    if (m_deploy->isChecked())
        permissions << QStringLiteral("deploy");
    if (m_admin->isChecked())
        permissions << QStringLiteral("admin");
    return permissions;
}

QString UsersWorkspace::selectedUser() const
{
    const QList<QTableWidgetItem *> selected = m_users->selectedItems();
    if (selected.isEmpty())
        return {};
    const QTableWidgetItem *name = m_users->item(selected.constFirst()->row(), kNameColumn);
    return name ? name->text() : QString();
}

void UsersWorkspace::updateActions()
{
    const bool admin = mayAdminister();
    if (!m_session || !m_session->isOpen())
        m_reason->setText(tr("Users are administered once the desk is connected to an exchange."));
    else if (!admin)
        m_reason->setText(tr("Your identity (%1) does not administer %2: managing users needs the admin "
                             "permission, which only an administrator of your organisation grants.")
                              .arg(m_session->user(), m_session->participant()));
    m_reason->setVisible(!admin);
    const QString name = m_name->text();
    const bool known = !name.isEmpty() && !m_users->findItems(name, Qt::MatchExactly).isEmpty();
    const QString why = admin ? QString() : m_reason->text();
    m_issue->setEnabled(admin && !m_busy && !name.isEmpty() && !m_passphrase->text().isEmpty() &&
                        !m_exportPath->text().isEmpty());
    m_issue->setToolTip(admin
                            ? tr("Issue %1 with the chosen permissions; its key and certificate go into the "
                                 "PKCS#12 file, protected by the passphrase")
                                  .arg(name.isEmpty() ? tr("the user") : name)
                            : why);
    m_change->setEnabled(admin && !m_busy && known);
    m_change->setToolTip(admin ? tr("A new certificate with the chosen permissions; the old one is revoked")
                               : why);
    m_revoke->setEnabled(admin && !m_busy && known);
    m_revoke->setToolTip(admin ? tr("Revoke the user and every contract certificate the user holds") : why);
    m_limits->setEnabled(admin && !m_busy && known);
    m_limits->setToolTip(admin ? tr("Your organisation's own limits for this user, within the exchange's")
                               : why);
    m_refresh->setEnabled(admin && !m_busy);
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_trade, m_deploy, m_admin, m_passphrase,
                                                       m_exportPath, m_maxQuantity, m_maxNotional})
        w->setEnabled(admin);
}

void UsersWorkspace::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setProperty("error", error);
    m_status->setStyleSheet(error ? QStringLiteral("color: palette(highlight);") : QString());
}

void UsersWorkspace::showSelection()
{
    const int row = m_users->currentRow();
    if (row < 0 || !m_users->item(row, kNameColumn))
        return;
    m_name->setText(m_users->item(row, kNameColumn)->text());
    const QStringList permissions = m_users->item(row, 1)->text().split(QStringLiteral(", "));
    m_trade->setChecked(permissions.contains(QStringLiteral("trade")));
    m_deploy->setChecked(permissions.contains(QStringLiteral("deploy")));
    m_admin->setChecked(permissions.contains(QStringLiteral("admin")));
    m_maxQuantity->setText(m_users->item(row, kNameColumn)->data(Qt::UserRole).toString());
    m_maxNotional->setText(m_users->item(row, kNameColumn)->data(Qt::UserRole + 1).toString());
    updateActions();
}

void UsersWorkspace::refresh()
{
    if (!mayAdminister())
        return;
    const QString participant = m_session->participant();
    auto *users = m_session->client()->users(participant);
    connect(users, &desk::ExchangeJob::finished, this, [this, users] {
        users->deleteLater();
        if (!users->ok()) {
            setStatus(tr("Cannot read the users: %1").arg(users->errorString()), true);
            return;
        }
        const QString selected = m_name->text();
        m_users->setRowCount(0);
        for (const api::User &user : users->value()) {
            const int row = m_users->rowCount();
            m_users->insertRow(row);
            auto *name = item(user.name);
            name->setData(Qt::UserRole, user.limits.maxOrderQuantity
                                            ? QString::number(*user.limits.maxOrderQuantity)
                                            : QString());
            name->setData(Qt::UserRole + 1, user.limits.maxOpenNotional
                                                ? QString::number(*user.limits.maxOpenNotional)
                                                : QString());
            m_users->setItem(row, kNameColumn, name);
            m_users->setItem(row, 1, item(user.permissions.join(QStringLiteral(", "))));
            m_users->setItem(row, 2, item(user.state == u"active" ? tr("active") : tr("revoked")));
            QStringList limits;
            if (user.limits.maxOrderQuantity)
                limits << tr("≤ %1 per order").arg(*user.limits.maxOrderQuantity);
            if (user.limits.maxOpenNotional)
                limits << tr("≤ %1 open").arg(*user.limits.maxOpenNotional);
            m_users->setItem(
                row, 3, item(limits.isEmpty() ? tr("the exchange's") : limits.join(QStringLiteral("; "))));
        }
        m_users->resizeColumnsToContents();
        const QList<QTableWidgetItem *> again = m_users->findItems(selected, Qt::MatchExactly);
        if (!selected.isEmpty() && !again.isEmpty())
            m_users->selectRow(again.constFirst()->row());
        updateActions();
        Q_EMIT updated();
    });
    auto *audit = m_session->client()->audit(participant);
    connect(audit, &desk::ExchangeJob::finished, this, [this, audit] {
        audit->deleteLater();
        if (!audit->ok()) {
            setStatus(tr("Cannot read the audit: %1").arg(audit->errorString()), true);
            return;
        }
        m_audit->setRowCount(0);
        const QList<api::AuditEntry> &entries = audit->value();
        for (auto it = entries.crbegin(); it != entries.crend(); ++it) { // newest first
            const int row = m_audit->rowCount();
            m_audit->insertRow(row);
            m_audit->setItem(row, 0,
                             item(QDateTime::fromSecsSinceEpoch(it->time).toString(
                                 QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
            m_audit->setItem(row, 1, item(it->user));
            m_audit->setItem(row, 2, item(it->action));
            m_audit->setItem(row, 3, item(it->permissions.join(QStringLiteral(", "))));
            m_audit->setItem(row, 4, item(it->by));
        }
        m_audit->resizeColumnsToContents();
    });
    auto *operations = m_session->client()->vmOperations(participant);
    connect(operations, &desk::ExchangeJob::finished, this, [this, operations] {
        operations->deleteLater();
        if (!operations->ok()) {
            setStatus(tr("Cannot read the VM operations: %1").arg(operations->errorString()), true);
            return;
        }
        m_vmOperations->setRowCount(0);
        const QList<api::VmOperationEntry> &entries = operations->value();
        for (auto it = entries.crbegin(); it != entries.crend(); ++it) { // newest first
            const int row = m_vmOperations->rowCount();
            m_vmOperations->insertRow(row);
            m_vmOperations->setItem(row, 0,
                                    item(QDateTime::fromSecsSinceEpoch(it->time).toString(
                                        QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
            // A certificate from before users were named in it: the site knows no user.
            m_vmOperations->setItem(row, 1, item(it->user.isEmpty() ? tr("(not named)") : it->user));
            m_vmOperations->setItem(row, 2, item(it->contractId));
            m_vmOperations->setItem(row, 3, item(it->site));
            m_vmOperations->setItem(row, 4, item(it->vm));
            m_vmOperations->setItem(row, 5, item(operationText(it->operation)));
        }
        m_vmOperations->resizeColumnsToContents();
    });
}

void UsersWorkspace::issue()
{
    if (!m_issue->isEnabled())
        return;
    api::UserIssueRequest request;
    request.name = m_name->text();
    request.permissions = chosenPermissions();
    const QString path = m_exportPath->text();
    m_busy = true;
    updateActions();
    setStatus(tr("Issuing %1…").arg(request.name));
    desk::issueUserWithPkcs12(
        m_session->client(), m_session->participant(), request, m_passphrase->text(), this,
        [this, path, name = request.name](Result<desk::IssuedUser> issued) {
            m_busy = false;
            if (!issued) {
                setStatus(tr("%1 was not issued: %2").arg(name, issued.error().message), true);
                updateActions();
                return;
            }
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
                file.write(issued->pkcs12) != issued->pkcs12.size()) {
                setStatus(
                    tr("%1 was issued, but %2 cannot be written: %3").arg(name, path, file.errorString()),
                    true);
            } else {
                setStatus(tr("%1 issued (certificate %2); hand over %3 and, separately, its passphrase.")
                              .arg(name, issued->serial, path));
            }
            m_passphrase->clear();
            refresh();
        });
}

void UsersWorkspace::changePermissions()
{
    if (!m_change->isEnabled())
        return;
    const QString name = m_name->text();
    auto *call = m_session->client()->setUserPermissions(m_session->participant(), name, chosenPermissions());
    m_busy = true;
    updateActions();
    connect(call, &desk::ExchangeJob::finished, this, [this, call, name] {
        call->deleteLater();
        m_busy = false;
        if (call->ok())
            setStatus(tr("%1 now has a new certificate (%2); the old one is revoked. Hand the new one over.")
                          .arg(name, call->value().serial));
        else
            setStatus(tr("The permissions of %1 were not changed: %2").arg(name, call->errorString()), true);
        refresh();
    });
}

void UsersWorkspace::revoke()
{
    if (!m_revoke->isEnabled())
        return;
    const QString name = m_name->text();
    if (!Prompts::confirm(
            this, tr("Revoke %1").arg(name),
            tr("Revoke %1? Its identity and every contract certificate it holds stop working at "
               "once, at the exchange and at the sellers' sites.")
                .arg(name)))
        return;
    auto *call = m_session->client()->revokeUser(m_session->participant(), name);
    m_busy = true;
    updateActions();
    connect(call, &desk::ExchangeJob::finished, this, [this, call, name] {
        call->deleteLater();
        m_busy = false;
        if (call->ok())
            setStatus(tr("%1 revoked, with %n contract certificate(s).", nullptr,
                         int(call->value().contractCertificates.size()))
                          .arg(name));
        else
            setStatus(tr("%1 was not revoked: %2").arg(name, call->errorString()), true);
        refresh();
    });
}

void UsersWorkspace::setLimits()
{
    if (!m_limits->isEnabled())
        return;
    const QString name = m_name->text();
    api::UserLimitsRequest limits;
    if (!m_maxQuantity->text().isEmpty())
        limits.maxOrderQuantity = m_maxQuantity->text().toLongLong();
    if (!m_maxNotional->text().isEmpty())
        limits.maxOpenNotional = m_maxNotional->text().toLongLong();
    auto *call = m_session->client()->setUserLimits(m_session->participant(), name, limits);
    m_busy = true;
    updateActions();
    connect(call, &desk::ExchangeJob::finished, this, [this, call, name] {
        call->deleteLater();
        m_busy = false;
        if (call->ok())
            setStatus(tr("The limits of %1 are set.").arg(name));
        else
            setStatus(tr("The limits of %1 were not set: %2").arg(name, call->errorString()), true);
        refresh();
    });
}

} // namespace cloudex::ui
