#include "clicommon.h"

#include "model/couperconfig.h"
#include "util/diagnostic.h"
#include "model/workspacefile.h"
#include "trace/redactor.h"
#include "util/displaytext.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace Tokenbench::Cli {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

// Messages may quote a server (error_description) or a URL: every known secret is masked in them.
void printError(const QString& message)
{
    // Messages carry server and file text: known secrets are masked, control characters are shown, never
    // sent to the terminal.
    err() << "tokenbench-cli: error: "
          << Core::DisplayText::escapeControl(Core::Redactor::redactText(message), Core::DisplayText::Newlines::Keep)
          << Qt::endl;
}

void printWarning(const QString& message)
{
    err() << "tokenbench-cli: warning: "
          << Core::DisplayText::escapeControl(Core::Redactor::redactText(message), Core::DisplayText::Newlines::Keep)
          << Qt::endl;
}

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments)
{
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Ok;
    }
    return std::nullopt;
}

QString versionText()
{
    return QStringLiteral("tokenbench-cli " TOKENBENCH_VERSION);
}

void addCouperFileOptions(QCommandLineParser& parser)
{
    parser.addOption({{QStringLiteral("f"), QStringLiteral("file")},
                      QStringLiteral("A Couper configuration file, as couper run -f. Repeatable: the files are merged "
                                     "in order as Couper merges them (a later definitions block replaces one of the "
                                     "same type and label; defaults.environment_variables merge by name)."),
                      QStringLiteral("FILE")});
    parser.addOption({{QStringLiteral("d"), QStringLiteral("directory")},
                      QStringLiteral("A Couper configuration directory, as couper run -d: its *.hcl files in name "
                                     "order. Repeatable, and mixed with -f in command-line order."),
                      QStringLiteral("DIR")});
}

std::optional<QStringList> configPaths(const QCommandLineParser& parser, const QStringList& arguments,
                                       const QStringList& positional)
{
    const QStringList files = parser.values(QStringLiteral("f"));
    const QStringList dirs = parser.values(QStringLiteral("d"));
    if (files.isEmpty() && dirs.isEmpty())
        return positional;
    if (!positional.isEmpty()) {
        printError(QStringLiteral("give the configuration as CONFIG or with -f/-d, not both"));
        return std::nullopt;
    }
    // Couper takes -f and -d in command-line order; QCommandLineParser keeps each option's values apart.
    QStringList ordered;
    static const QStringList names{QStringLiteral("-f"), QStringLiteral("--file"), QStringLiteral("-d"),
                                   QStringLiteral("--directory")};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a == u"--")
            break;
        for (const QString& name : names) {
            if (a == name && i + 1 < arguments.size()) {
                ordered << arguments.at(++i);
                break;
            }
            if (a.startsWith(name + u'=')) {
                ordered << a.mid(name.size() + 1);
                break;
            }
        }
    }
    if (ordered.size() != files.size() + dirs.size())
        ordered = files + dirs; // a spelling the scan does not know: files first
    return ordered;
}

bool isCouperConfiguration(const QStringList& paths)
{
    return paths.size() > 1 ||
           (paths.size() == 1 && (Core::Hcl::isHclFile(paths.constFirst()) || QFileInfo(paths.constFirst()).isDir()));
}

std::optional<LoadedConfig> loadConfig(const QStringList& paths)
{
    using namespace Tokenbench::Core;
    if (paths.size() == 1 && !isCouperConfiguration(paths))
        return loadConfig(paths.constFirst());
    auto config = Hcl::loadCouperFiles(paths);
    if (!config) {
        printError(config.error().where.isEmpty() ? config.error().message
                                                  : QStringLiteral("%1: %2").arg(config.error().where, config.error().message));
        return std::nullopt;
    }
    for (const Diagnostic& d : std::as_const(config->diagnostics)) {
        if (d.severity == Diagnostic::Severity::Error) {
            printError(d.toString());
            return std::nullopt;
        }
    }
    // The keychain namespace: the file's (one file), else the directory's or the first file's.
    const QString first = paths.constFirst();
    LoadedConfig loaded;
    loaded.backends = config->backends;
    loaded.workspaceId = WorkspaceFile::idForPath(first);
    loaded.baseDir = QFileInfo(config->fileName).absolutePath();
    loaded.defaultEnvironment = config->defaultEnvironment;
    loaded.requestReads = config->requestReads;
    return loaded;
}

std::optional<LoadedConfig> loadConfig(const QString& path)
{
    using namespace Tokenbench::Core;
    if (isCouperConfiguration({path}))
        return loadConfig(QStringList{path});
    auto loaded = WorkspaceFile::load(path);
    if (!loaded) {
        printError(QStringLiteral("%1: %2").arg(loaded.error().where, loaded.error().message));
        return std::nullopt;
    }
    LoadedConfig out;
    out.backends = loaded->backends;
    out.workspaceId = loaded->id;
    out.baseDir = QFileInfo(path).absolutePath();
    return out;
}

} // namespace Tokenbench::Cli
