#pragma once

#include "blockeditor.h"

#include <memory>

namespace Ui {
class BackendEditor;
}

namespace Tokenbench::Ui {

// The form for a backend's own attributes: name, origin, path, timeouts; and its token source.
class BackendEditor final : public BlockEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackendEditor)

public:
    explicit BackendEditor(QWidget* parent = nullptr);
    ~BackendEditor() override;

Q_SIGNALS:
    void openBlockRequested(int backendRow, const QString& blockType);
    void addOAuth2Requested(int backendRow);

protected:
    void loaded() override;

private:
    void commitName();

    const std::unique_ptr<::Ui::BackendEditor> m_ui;
};

} // namespace Tokenbench::Ui
