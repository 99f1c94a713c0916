// tokenbench: the desktop workbench.
#include "mainwindow.h"

#include "util/versions.h"

#include <sys/resource.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>
#include <QTimer>

int main(int argc, char** argv)
{
    // No core dumps: they would hold secrets.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tokenbench"));
    QApplication::setOrganizationName(QStringLiteral("Tokenbench"));
    QApplication::setApplicationVersion(Tokenbench::Core::applicationVersion());
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.tokenbench.Tokenbench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Design, run and debug OAuth2 token requests and Couper token blocks."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A workspace to open."), QStringLiteral("[FILE]"));
    parser.process(app);

    Tokenbench::Ui::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        // Open after the window is on screen: the first paint never waits for a file.
        const QString path = files.constFirst();
        QTimer::singleShot(0, &window, [&window, path] { window.openFile(path); });
    }
    return QApplication::exec();
}
