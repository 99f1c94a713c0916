// The start-up baseline: the smallest Qt Widgets program with a main window (QMainWindow + QLabel),
// built with the same flags as tokenbench and measured by the same hook (ui/benchhook.h).
#include "benchhook.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("Hello"), &window));
    window.resize(1280, 800); // the size MainWindow opens at: the same pixels to paint
    window.show();
    Tokenbench::Ui::installBenchHook(&window);
    return QApplication::exec();
}
