#include "backendeditor.h"
#include "ui_backendeditor.h"

#include "undocommands.h"

#include "model/workspace.h"

#include <QRegularExpressionValidator>
#include <QUndoStack>

namespace Tokenbench::Ui {

BackendEditor::BackendEditor(QWidget* parent) : BlockEditor(QString(), parent), m_ui(new ::Ui::BackendEditor)
{
    m_ui->setupUi(this);
    m_ui->nameLineEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-zA-Z0-9_]*")), this));
    m_ui->nameLineEdit->setToolTip(tr("The backend's label: letters, digits and _ (Couper's rule). Referenced as "
                                      "backends.NAME."));
    connect(m_ui->nameLineEdit, &QLineEdit::editingFinished, this, &BackendEditor::commitName);
    connect(m_ui->oauth2PushButton, &QPushButton::clicked, this, [this] {
        if (!workspace() || backendRow() < 0)
            return;
        if (workspace()->backend(backendRow()).child(Core::BlockType::OAuth2))
            Q_EMIT openBlockRequested(backendRow(), Core::BlockType::OAuth2);
        else
            Q_EMIT addOAuth2Requested(backendRow());
    });
    bindFields();
}

BackendEditor::~BackendEditor() = default;

void BackendEditor::loaded()
{
    if (!workspace() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    const Core::Block& b = workspace()->backend(backendRow());
    m_ui->headingLabel->setText(tr("<b>backend \"%1\"</b>").arg(b.label.toHtmlEscaped()));
    if (!m_ui->nameLineEdit->hasFocus())
        m_ui->nameLineEdit->setText(b.label);
    const bool hasOAuth2 = b.child(Core::BlockType::OAuth2) != nullptr;
    m_ui->tokenSourceLabel->setText(hasOAuth2 ? tr("Tokens come from this backend's <b>oauth2</b> block.")
                                              : tr("This backend has no token source yet."));
    m_ui->oauth2PushButton->setText(hasOAuth2 ? tr("Edit oauth2\u2026") : tr("Add oauth2 block"));
}

void BackendEditor::commitName()
{
    if (!workspace() || !undoStack() || backendRow() < 0 || backendRow() >= workspace()->backendCount())
        return;
    const QString name = m_ui->nameLineEdit->text().trimmed();
    const Core::Block& b = workspace()->backend(backendRow());
    if (name.isEmpty() || name == b.label) {
        m_ui->nameLineEdit->setText(b.label);
        return;
    }
    Core::Block renamed = b;
    renamed.label = name;
    undoStack()->push(new ReplaceBackendCommand(workspace(), backendRow(), renamed,
                                                tr("Rename backend %1 to %2").arg(b.label, name)));
}

} // namespace Tokenbench::Ui
