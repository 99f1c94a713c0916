#pragma once

#include <QDialog>

class QPlainTextEdit;
class QLabel;

namespace Tokenbench::Ui {

// Shows the change a save would make to a file as a coloured unified diff (monospace) before writing:
// Save writes, Cancel leaves the file alone.
class DiffPreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffPreviewDialog)

public:
    DiffPreviewDialog(const QString& fileName, const QByteArray& before, const QByteArray& after,
                      const QStringList& notes, QWidget* parent = nullptr);
    ~DiffPreviewDialog() override;
    QString diffText() const;

private:
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace Tokenbench::Ui
