#pragma once

#include "model/block.h"

#include <QDialog>
#include <memory>

class QTimer;

namespace Tokenbench::Core {
class ValueResolver;
}

namespace Ui {
class ExportDialog;
}

namespace Tokenbench::Ui {

class CodeHighlighter;
class JsonHighlighter;

// File > Export… (Ctrl+E): a format picker, the live preview with syntax colouring, the environment
// variables the text needs, what the format cannot express, and a secret scan that blocks Copy and
// Save while any resolved secret value of the workspace would appear in the text.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    ExportDialog(const QList<Core::Block>& backends, int currentBackend, const Core::ValueResolver& resolver,
                 QWidget* parent = nullptr);
    ~ExportDialog() override;

    QString formatId() const;          // "couper", "curl", "oauth2c", "http", "kyma"
    void setFormat(const QString& id); // selects the format as the picker does
    QString text() const;              // the preview
    bool isBlocked() const;            // the secret scan found a secret (or the export failed)
    QString scanText() const;
    QStringList variableNames() const;
    // Writes the preview to `path` (what Save… does after asking); false with a message on failure.
    bool saveTo(const QString& path);

Q_SIGNALS:
    void saved(const QString& path);

private:
    void refresh();
    void refreshKymaStatus();
    void copy();
    void save();

    std::unique_ptr<::Ui::ExportDialog> m_ui;
    QList<Core::Block> m_backends;
    const Core::ValueResolver& m_resolver;
    CodeHighlighter* m_highlighter = nullptr;
    QStringList m_variables;
    bool m_blocked = true;
    bool m_mayHoldSecrets = false;
    QString m_extension;
    QTimer* m_countdown = nullptr;
};

} // namespace Tokenbench::Ui
