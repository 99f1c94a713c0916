#pragma once

#include "net/tokenclient.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QTimer;
class QWidget;

namespace Tokenbench::Core {
class Runner;
}

namespace Tokenbench::Ui {

class InteractiveFlowPanel;
class TokenPanel;

// Connects the runner's interactive flows to the window: opens the authorization URL in the system
// browser (QDesktopServices, replaceable for tests), drives the interactive-flow panel, and keeps the
// run's refresh token in memory for Refresh, Preview refresh request and automatic refresh (at
// Couper's TTL: 90 % of expires_in). A rotated refresh token replaces the old one; it never goes to disk.
class FlowController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowController)

public:
    using UrlOpener = std::function<bool(const QUrl&)>;

    FlowController(Core::Runner* runner, InteractiveFlowPanel* panel, TokenPanel* tokenPanel, QWidget* window);
    ~FlowController() override;

    void setUrlOpener(UrlOpener opener) { m_opener = std::move(opener); }
    // Call after each run (MainWindow::onRunFinished).
    void runFinished(int backendRow, const Core::TokenResult& result);
    void refreshNow();
    // Another document was opened: its refresh token and the automatic refresh are forgotten.
    void reset();
    void previewRefresh();
    // The redacted text of the refresh request for the last run, or why there is none.
    QString refreshPreviewText() const;
    bool hasRefreshToken() const { return !m_refreshToken.isEmpty(); }
    bool autoRefreshScheduled() const;
    qint64 autoRefreshInMs() const;

Q_SIGNALS:
    // Before each automatic refresh.
    void autoRefreshStarted();

private:
    void openUrl(const QUrl& url);
    void scheduleAutoRefresh();

    QPointer<Core::Runner> m_runner;
    QPointer<InteractiveFlowPanel> m_panel;
    QPointer<TokenPanel> m_tokenPanel;
    QPointer<QWidget> m_window;
    UrlOpener m_opener;
    QTimer* m_autoTimer = nullptr;
    QString m_refreshToken; // memory only
    int m_row = -1;
    Core::TokenResult m_last;
};

} // namespace Tokenbench::Ui
