#pragma once

#include "blockeditor.h"

#include <memory>

class QLineEdit;

namespace Ui {
class BackendEditor;
}

namespace Tokenbench::Ui {

// The form for a backend's own attributes: name, origin, path, timeouts; its connection (the tls block,
// proxy, disable_certificate_validation), request parameters (set_request_headers, set_query_params,
// set_form_params), its token source (the oauth2 block, the backend its token requests go through,
// discovery, the signing profile) and the resource check.
class BackendEditor final : public BlockEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackendEditor)

public:
    explicit BackendEditor(QWidget* parent = nullptr);
    ~BackendEditor() override;

    // The warning shown while disable_certificate_validation = true (empty otherwise).
    QString insecureBannerText() const;
    // Focuses the field of a tls block attribute (from the Problems view); false when there is none.
    bool focusTlsAttribute(const QString& attribute);

Q_SIGNALS:
    void openBlockRequested(int backendRow, const QString& blockType);
    void addOAuth2Requested(int backendRow);
    void discoverRequested(int backendRow);
    void signingProfileRequested(int backendRow);

protected:
    void loaded() override;
    void updateVisibility() override;

private:
    void commitName();
    void refreshTls();
    void refreshToken();
    void editTls(const QString& attribute, const QString& value);
    void browse(QLineEdit* edit);
    void watchWorkspace();

    const std::unique_ptr<::Ui::BackendEditor> m_ui;
    QList<QLineEdit*> m_tlsEdits;
    QPointer<Core::Workspace> m_watched;
    QList<QMetaObject::Connection> m_watch;
};

} // namespace Tokenbench::Ui
