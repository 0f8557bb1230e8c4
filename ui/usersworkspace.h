#pragma once

#include "workspacepage.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace cloudex::desk {
class MarketSession;
}

namespace cloudex::ui {

/// The organisation's administration (issue #16), for an identity with `admin`: its users
/// with their permissions and state, issuing one (a key made here, handed over as a
/// PKCS#12 under a passphrase the administrator chooses), changing permissions, revoking,
/// the organisation's per-user limits, the identity audit, and the VM operations the
/// sellers' sites did for its users (time, user, contract, site, VM, operation). Without
/// `admin` everything is disabled and the page says why.
class UsersWorkspace final : public WorkspacePage
{
    Q_OBJECT

public:
    explicit UsersWorkspace(desk::MarketSession *session, QWidget *parent = nullptr);

    /// Reads users, audit and VM operations again.
    void refresh();

Q_SIGNALS:
    /// A call answered (for tests and the status line).
    void updated();

private:
    bool mayAdminister() const;
    QStringList chosenPermissions() const;
    QString selectedUser() const;
    void showSelection();
    void updateActions();
    void setStatus(const QString &text, bool error = false);
    void issue();
    void changePermissions();
    void revoke();
    void setLimits();

    desk::MarketSession *m_session;
    QLabel *m_reason;
    QTableWidget *m_users;
    QLineEdit *m_name;
    QCheckBox *m_trade;
    QCheckBox *m_deploy;
    QCheckBox *m_admin;
    QLineEdit *m_passphrase;
    QLineEdit *m_exportPath;
    QLineEdit *m_maxQuantity;
    QLineEdit *m_maxNotional;
    QPushButton *m_issue;
    QPushButton *m_change;
    QPushButton *m_revoke;
    QPushButton *m_limits;
    QPushButton *m_refresh;
    QTableWidget *m_audit;
    QTableWidget *m_vmOperations;
    QLabel *m_status;
    bool m_busy = false;
};

} // namespace cloudex::ui
