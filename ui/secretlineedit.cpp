#include "secretlineedit.h"

#include "model/valueresolver.h"

#include <QAction>
#include <QIcon>
#include <QStyle>

namespace Tokenbench::Ui {

SecretLineEdit::SecretLineEdit(QWidget* parent) : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password);
    setPlaceholderText(tr("env.NAME, or type the secret for this session"));
    m_revealAction = addAction(QIcon(QStringLiteral(":/icons/eye.svg")), QLineEdit::TrailingPosition);
    m_revealAction->setCheckable(true);
    m_revealAction->setObjectName(QStringLiteral("revealAction"));
    m_revealAction->setToolTip(tr("Show the secret"));
    connect(m_revealAction, &QAction::toggled, this, &SecretLineEdit::setRevealed);
    m_referenceAction = addAction(QIcon(QStringLiteral(":/icons/env.svg")), QLineEdit::TrailingPosition);
    m_referenceAction->setVisible(false);
    connect(this, &QLineEdit::textChanged, this, &SecretLineEdit::updateMode);
    updateMode();
}

SecretLineEdit::~SecretLineEdit() = default;

bool SecretLineEdit::isReference() const
{
    return Core::ValueResolver::isReference(text());
}

void SecretLineEdit::setRevealed(bool revealed)
{
    m_revealed = revealed;
    if (m_revealAction->isChecked() != revealed)
        m_revealAction->setChecked(revealed);
    m_revealAction->setToolTip(revealed ? tr("Hide the secret") : tr("Show the secret"));
    updateMode();
}

void SecretLineEdit::updateMode()
{
    const auto name = Core::ValueResolver::referenceName(text());
    const bool reference = name.has_value();
    setEchoMode(reference || m_revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_revealAction->setVisible(!reference);
    m_referenceAction->setVisible(reference);
    if (reference) {
        const bool set = Core::ValueResolver().lookup(*name).has_value();
        m_referenceAction->setToolTip(set ? tr("Read from the environment variable %1 (set)").arg(*name)
                                          : tr("Read from the environment variable %1, which is not set").arg(*name));
        setToolTip(m_referenceAction->toolTip());
    } else if (!text().isEmpty()) {
        setToolTip(tr("Kept in memory for this session only. When saving, the workspace file gets a reference "
                      "(env.NAME) instead of the value."));
    } else {
        setToolTip(QString());
    }
}

} // namespace Tokenbench::Ui
