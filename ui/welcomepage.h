#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class WelcomePage;
}

namespace Tokenbench::Ui {

// What an empty workspace shows: a template for every kind of token request, open, import a curl command,
// the demo, recent files. Never a blank window.
class WelcomePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget* parent = nullptr);
    ~WelcomePage() override;

    void setRecentFiles(const QStringList& files);
    void setDemoAvailable(bool available);

Q_SIGNALS:
    // `templateId` is a Core::Templates::Info::id.
    void templateRequested(const QString& templateId);
    void openRequested();
    void importCurlRequested();
    void demoRequested();
    void recentRequested(const QString& path);

private:
    const std::unique_ptr<::Ui::WelcomePage> m_ui;
};

} // namespace Tokenbench::Ui
