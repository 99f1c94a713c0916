#pragma once

#include "blockeditor.h"

#include <memory>

#include <QJsonObject>

namespace Ui {
class SigningProfileEditor;
}

namespace Tokenbench::Ui {

// The form for the jwt_signing_profile nested in a backend's oauth2 block: signature_algorithm, ttl, key
// or key_file, claims, headers, and the kid header on its own field (kept inside `headers`). Every edit
// is an undo command; adding and removing the block too.
class SigningProfileEditor final : public BlockEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SigningProfileEditor)

public:
    static inline const QString BlockPath = QStringLiteral("oauth2.jwt_signing_profile");

    explicit SigningProfileEditor(QWidget* parent = nullptr);
    ~SigningProfileEditor() override;

Q_SIGNALS:
    void openBlockRequested(int backendRow, const QString& blockType);

protected:
    void loaded() override;
    void updateVisibility() override;

private:
    void addProfile();
    void removeProfile();
    void editKid(const QString& kid);
    void refreshKid();
    QString authMethod() const;

    const std::unique_ptr<::Ui::SigningProfileEditor> m_ui;
};

// An object attribute's text in Couper's form, keys in order: { kid = "k1", typ = "JWT" }.
QString hclObjectText(const QJsonObject& object);

} // namespace Tokenbench::Ui
