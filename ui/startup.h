#pragma once

#include <QStringList>

namespace Tokenbench::Ui {

class MainWindow;

// What the command line asks the GUI to do at start: `tokenbench [FILE...]`. The desktop file passes %F,
// so several files may arrive; the window opens the first and says that the others were not opened.
struct StartupRequest
{
    QStringList files;
};

StartupRequest startupRequest(const QStringList& positionalArguments);
// Applies the request once the window is shown (a file is never read before the first paint).
void applyStartupRequest(MainWindow& window, const StartupRequest& request);
// The start of the GUI once the window is shown: offers crash recovery first (the recovery of the file the
// window was started with, when there is one), then opens the files, unless restored edits are in the window
// (opening a file then would replace them; the status bar says the file was not opened).
void startUp(MainWindow& window, const StartupRequest& request);

} // namespace Tokenbench::Ui
