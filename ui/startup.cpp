#include "startup.h"

#include "mainwindow.h"

#include "model/workspace.h"

#include <QFileInfo>
#include <QStatusBar>
#include <QUrl>

namespace Tokenbench::Ui {

StartupRequest startupRequest(const QStringList& positionalArguments)
{
    StartupRequest r;
    for (const QString& arg : positionalArguments) {
        // File managers may hand over file:// URLs.
        const QUrl url(arg);
        r.files << (url.isLocalFile() ? url.toLocalFile() : QFileInfo(arg).absoluteFilePath());
    }
    return r;
}

void applyStartupRequest(MainWindow& window, const StartupRequest& request)
{
    if (request.files.isEmpty())
        return;
    window.openFile(request.files.constFirst());
    if (request.files.size() > 1) {
        window.statusBar()->showMessage(
            QObject::tr("Opened %1; %n more file(s) were not opened: Tokenbench shows one workspace per window.",
                        nullptr, int(request.files.size() - 1))
                .arg(QFileInfo(request.files.constFirst()).fileName()),
            15000);
    }
}

void startUp(MainWindow& window, const StartupRequest& request)
{
    if (window.offerRecovery(request.files.value(0))) {
        const QString opened = QFileInfo(window.workspace()->filePath()).canonicalFilePath();
        if (!request.files.isEmpty() && opened != QFileInfo(request.files.constFirst()).canonicalFilePath())
            window.statusBar()->showMessage(
                QObject::tr("Restored unsaved changes; %1 was not opened over them: save them first, then open it.")
                    .arg(QFileInfo(request.files.constFirst()).fileName()),
                15000);
        return;
    }
    applyStartupRequest(window, request);
}

} // namespace Tokenbench::Ui
