#pragma once

#include "net/deviceflow.h"

#include <QDateTime>
#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Tokenbench::Ui {

// Shown while an interactive flow waits for the user: "Waiting for the browser…" with the
// authorization URL (copy / open again), or the device user code and verification URI (copy / open)
// with the code's expiry countdown; Cancel (Esc) in both. Hidden when the run ends.
class InteractiveFlowPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InteractiveFlowPanel)

public:
    enum class Mode { Hidden, Browser, Device, Exchanging };

    explicit InteractiveFlowPanel(QWidget* parent = nullptr);
    ~InteractiveFlowPanel() override;

    void showBrowser(const QUrl& authorizationUrl, const QUrl& redirectUri);
    void showDevice(const Core::DeviceAuthorization& authorization);
    void setPollStatus(const QString& error, int intervalSeconds);
    void showExchanging(const QString& text);
    void finish();

    Mode mode() const { return m_mode; }
    QString titleText() const;
    QString userCode() const { return m_authorization.userCode; }
    QString countdownText() const;
    // "Opening browser → Waiting for redirect → Exchanging code" with the current step in bold.
    QString stepsText() const;
    QUrl url() const { return m_url; }

Q_SIGNALS:
    void openUrlRequested(const QUrl& url);
    void cancelRequested();

private:
    void tick();
    void setSteps(const QStringList& steps, int current);

    Mode m_mode = Mode::Hidden;
    QLabel* m_title = nullptr;
    QLabel* m_steps = nullptr;
    QLabel* m_detail = nullptr;
    QLineEdit* m_urlEdit = nullptr;
    QLabel* m_codeLabel = nullptr;
    QLabel* m_countdown = nullptr;
    QPushButton* m_copyUrl = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_copyCode = nullptr;
    QPushButton* m_cancel = nullptr;
    QTimer* m_timer = nullptr;
    QUrl m_url;
    Core::DeviceAuthorization m_authorization;
};

} // namespace Tokenbench::Ui
