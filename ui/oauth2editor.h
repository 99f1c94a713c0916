#pragma once

#include "blockeditor.h"

#include <memory>

namespace Ui {
class OAuth2Editor;
}

namespace Tokenbench::Ui {

// The form for a backend's `oauth2` block: only the fields that apply to the chosen grant and
// client-authentication method are shown, required ones marked with an asterisk.
class OAuth2Editor final : public BlockEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuth2Editor)

public:
    explicit OAuth2Editor(QWidget* parent = nullptr);
    ~OAuth2Editor() override;

    // True when `attribute` is required for the block's current grant and authentication method.
    bool isRequired(const QString& attribute) const;

protected:
    void updateVisibility() override;
    void loaded() override;

private:
    void markRequired(const QString& attribute, bool required);

    const std::unique_ptr<::Ui::OAuth2Editor> m_ui;
};

} // namespace Tokenbench::Ui
