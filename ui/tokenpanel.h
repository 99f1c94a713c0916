#pragma once

#include "net/tokenclient.h"

#include <QWidget>

#include <memory>

class QTimer;

namespace Ui {
class TokenPanel;
}

namespace Tokenbench::Ui {

// The token card: the token with its JWT parts coloured, type, expiry countdown, Couper's cache TTL,
// scope granted against requested, refresh-token presence, the claims, copy buttons.
class TokenPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenPanel)

public:
    explicit TokenPanel(QWidget* parent = nullptr);
    ~TokenPanel() override;

    void setResult(const Core::TokenResult& result, const QString& requestedScope);
    void clear();
    bool hasToken() const { return !m_token.isEmpty(); }
    QString token() const { return m_token; }
    QString expiresText() const;
    // The outcome of verifying the access token against its issuer's keys.
    void setVerification(const QString& text, bool valid);
    QString verificationText() const;

Q_SIGNALS:
    void inspectRequested(const QString& token);

private:
    void tick();

    const std::unique_ptr<::Ui::TokenPanel> m_ui;
    QTimer* m_timer = nullptr;
    QString m_token;
    Core::TokenResult m_result;
};

// "54:12", "1 h 02 min", "expired 3 min ago"
QString formatRemaining(qint64 seconds);

} // namespace Tokenbench::Ui
