#pragma once

#include "net/resourcecheck.h"
#include "net/tokenclient.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QPushButton;
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

    // A run's result. A failed run is shown first, on top of the card; a token of an earlier run stays
    // below it, marked as the previous run's (stale) until the next successful run replaces it.
    void setResult(const Core::TokenResult& result, const QString& requestedScope);
    void clear();
    // The last run's failure as the card shows it (empty after a successful run).
    QString failureText() const;
    // The token shown is the previous run's: the last run did not produce one.
    bool isStale() const { return m_stale; }
    bool hasToken() const { return !m_token.isEmpty(); }
    QString token() const { return m_token; }
    QString expiresText() const;
    // The outcome of verifying the access token against its issuer's keys.
    void setVerification(const QString& text, bool valid);
    QString verificationText() const;
    // The ID token's verification (signature, nonce, at_hash, aud, iss) from the run.
    void setIdTokenReport(const Core::IdTokenReport& report);
    QString idTokenText() const;
    // Refresh, preview and automatic refresh: offered when the run left a refresh token.
    void setRefreshAvailable(bool available);
    bool autoRefresh() const;
    void setAutoRefreshStatus(const QString& text);
    // Where the token came from: a fresh request, or the backend's token cache (valid until `cachedUntil`,
    // Unix seconds; 0 when not cached). The countdown runs live.
    void setSource(bool fromCache, qint64 cachedUntil);
    QString sourceText() const;
    // The resource check's outcome (hidden without one).
    void setResource(const std::optional<Core::ResourceResult>& resource);
    QString resourceText() const;

Q_SIGNALS:
    void inspectRequested(const QString& token);
    void refreshRequested();
    void previewRefreshRequested();
    void autoRefreshToggled(bool on);
    void forgetCacheRequested();

private:
    void tick();

    const std::unique_ptr<::Ui::TokenPanel> m_ui;
    QTimer* m_timer = nullptr;
    QString m_token;
    Core::TokenResult m_result;
    QLabel* m_idTokenLabel = nullptr;
    QLabel* m_idTokenValue = nullptr;
    QPushButton* m_refreshButton = nullptr;
    QPushButton* m_previewRefreshButton = nullptr;
    QCheckBox* m_autoRefresh = nullptr;
    QLabel* m_sourceLabel = nullptr;
    QPushButton* m_forgetButton = nullptr;
    QLabel* m_resourceLabel = nullptr;
    QLabel* m_resourceCaption = nullptr;
    QLabel* m_failureLabel = nullptr;
    QLabel* m_previousLabel = nullptr;
    bool m_stale = false;
    bool m_fromCache = false;
    qint64 m_cachedUntil = 0;
};

// "54:12", "1 h 02 min", "expired 3 min ago"
QString formatRemaining(qint64 seconds);

} // namespace Tokenbench::Ui
