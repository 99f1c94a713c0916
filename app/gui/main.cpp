// tokenbench: the desktop workbench.
#include "benchhook.h"
#include "mainwindow.h"
#include "startup.h"

#include "util/versions.h"

#include <sys/resource.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

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

    // Translations: Qt's own and Tokenbench's (embedded at :/i18n), for the system locale.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("tokenbench"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&appTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Design, run and debug OAuth2 token requests and Couper token blocks."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QCoreApplication::translate("main", "A workspace to open."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    Tokenbench::Ui::MainWindow window;
    window.show();
    Tokenbench::Ui::installBenchHook(&window); // no-op unless TOKENBENCH_BENCH_EXIT_AFTER_SHOW=1 (scripts/bench.sh)
    const Tokenbench::Ui::StartupRequest request = Tokenbench::Ui::startupRequest(parser.positionalArguments());
    // Open after the window is on screen: the first paint never waits for a file.
    QTimer::singleShot(0, &window, [&window, request] {
        Tokenbench::Ui::startUp(window, request); // recovery first; never opens a file over restored edits
    });
    return QApplication::exec();
}
