#include "startup.h"

#include "mainwindow.h"

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

} // namespace Tokenbench::Ui
