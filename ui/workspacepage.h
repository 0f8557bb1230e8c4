#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace cloudex::ui {

/// Common frame of a workspace: a title, a one-line purpose and an optional notice, above
/// the workspace's own content.
class WorkspacePage : public QWidget
{
    Q_OBJECT

public:
    WorkspacePage(const QString &title, const QString &subtitle, QWidget *parent = nullptr);

    QString title() const;
    /// Shows an information strip under the header; empty text hides it.
    void setNotice(const QString &text);
    QString notice() const;

    /// A framed, centred message for an empty list: what is missing and how it gets there.
    static QWidget *createEmptyState(const QString &headline, const QString &detail, QWidget *parent);
    /// A bold section caption.
    static QLabel *createSectionLabel(const QString &text, QWidget *parent);

protected:
    QVBoxLayout *contentLayout() const { return m_content; }
    /// Names interactive widgets for screen readers and lets Tab leave tables.
    void showEvent(QShowEvent *event) override;

private:
    QLabel *m_title;
    QLabel *m_notice;
    QVBoxLayout *m_content;
};

} // namespace cloudex::ui
