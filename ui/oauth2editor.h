#pragma once

#include "blockeditor.h"

#include <memory>

namespace Ui {
class OAuth2Editor;
}

namespace Tokenbench::Ui {

// The form for a backend's `oauth2` block: only the fields that apply to the chosen grant and
// client-authentication method are shown.
class OAuth2Editor final : public BlockEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuth2Editor)

public:
    explicit OAuth2Editor(QWidget* parent = nullptr);
    ~OAuth2Editor() override;

protected:
    void updateVisibility() override;
    void loaded() override;

private:
    const std::unique_ptr<::Ui::OAuth2Editor> m_ui;
};

} // namespace Tokenbench::Ui
