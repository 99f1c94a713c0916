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

// A new jwt_signing_profile for a client-authentication method or grant: HS256 for client_secret_jwt (it
// signs with client_secret, so no key), RS256 otherwise (key or key_file still to give), ttl "60s" (Couper
// has no default: signature_algorithm and ttl are required).
Core::Block defaultSigningProfile(const QString& method);
// Whether `algorithm` fits the method (HS* for client_secret_jwt, RS*/ES* for private_key_jwt).
bool algorithmFits(const QString& method, const QString& algorithm);

// An object attribute's text in Couper's form, keys in order: { kid = "k1", typ = "JWT" }.
QString hclObjectText(const QJsonObject& object);

} // namespace Tokenbench::Ui
