#pragma once

// Driving the real main window as a user would (keyboard, focus), shared by the GUI tests.
#include "mainwindow.h"
#include "net/tokenclient.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

namespace Tokenbench::Test {

// The widget with the keyboard focus (what a key press goes to).
inline QWidget* focused()
{
    return QApplication::focusWidget();
}

// Presses Run (Ctrl+Return) where the focus is, as a user would, and waits for the run's result (an empty
// result after 30 s).
inline Core::TokenResult runAndWait(Ui::MainWindow& w)
{
    QSignalSpy finished(&w, &Ui::MainWindow::runFinished);
    QTest::keyClick(focused() ? focused() : &w, Qt::Key_Return, Qt::ControlModifier);
    if (finished.isEmpty() && !finished.wait(30000))
        return {};
    return finished.constFirst().constFirst().value<Core::TokenResult>();
}

} // namespace Tokenbench::Test
