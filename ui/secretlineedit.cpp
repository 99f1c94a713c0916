#include "secretlineedit.h"

#include "model/valueresolver.h"

#include <QAction>
#include <QIcon>
#include <QStyle>

namespace Tokenbench::Ui {

namespace {
const Core::ValueResolver* g_resolver = nullptr;
}

void SecretLineEdit::setSharedResolver(const Core::ValueResolver* resolver)
{
    g_resolver = resolver;
}

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
        const Core::ValueResolver fallback;
        const Core::ValueResolver& resolver = g_resolver ? *g_resolver : fallback;
        const auto source = resolver.sourceOf(*name);
        const bool keychain = source == Core::ValueResolver::Source::Keychain;
        m_referenceAction->setIcon(QIcon(keychain ? QStringLiteral(":/icons/key.svg") : QStringLiteral(":/icons/env.svg")));
        m_referenceAction->setToolTip(
            keychain ? tr("%1 comes from the keychain").arg(*name)
            : source == Core::ValueResolver::Source::None
                ? tr("%1 is not set: not in the environment and not in the keychain").arg(*name)
            : source == Core::ValueResolver::Source::Default
                ? tr("%1 comes from the Couper file's defaults { environment_variables }").arg(*name)
                : tr("%1 comes from the environment").arg(*name));
        setProperty("secretSource", int(source));
        setToolTip(m_referenceAction->toolTip());
    } else if (!text().isEmpty()) {
        setToolTip(tr("Kept in memory for this session only. When saving, the workspace file gets a reference "
                      "(env.NAME) instead of the value."));
    } else {
        setToolTip(QString());
    }
}

} // namespace Tokenbench::Ui
