#pragma once

#include <QDialog>

namespace Tokenbench::Ui {

// Version, licence and the versions of the libraries Tokenbench runs with.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget* parent = nullptr);
    ~AboutDialog() override;
    QString text() const { return m_text; }

private:
    QString m_text;
};

} // namespace Tokenbench::Ui
