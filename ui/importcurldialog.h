#pragma once

#include "export/curlimport.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Tokenbench::Ui {

// File > Import curl… : paste a curl command (or a .http request); the preview shows the backend it
// becomes, what was left out, and which secrets move to the keychain as env.NAME references.
class ImportCurlDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportCurlDialog)

public:
    explicit ImportCurlDialog(const QString& suggestedName, QWidget* parent = nullptr);
    ~ImportCurlDialog() override;

    void setCommand(const QString& text);
    bool isValid() const { return m_valid; }
    const Core::Export::ImportResult& result() const { return m_result; }
    QString message() const;

private:
    void refresh();

    QComboBox* m_kind = nullptr;
    QPlainTextEdit* m_input = nullptr;
    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    Core::Export::ImportResult m_result;
    bool m_valid = false;
};

} // namespace Tokenbench::Ui
