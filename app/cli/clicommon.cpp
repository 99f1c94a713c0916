#include "clicommon.h"

#include "model/couperconfig.h"
#include "util/diagnostic.h"
#include "model/workspacefile.h"
#include "trace/redactor.h"
#include "util/displaytext.h"

#include <QCommandLineParser>
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

std::optional<LoadedConfig> loadConfig(const QString& path)
{
    using namespace Tokenbench::Core;
    if (Hcl::isHclFile(path)) {
        auto config = Hcl::loadCouperConfig(path);
        if (!config) {
            printError(QStringLiteral("%1: %2").arg(config.error().where, config.error().message));
            return std::nullopt;
        }
        for (const Diagnostic& d : std::as_const(config->diagnostics)) {
            if (d.severity == Diagnostic::Severity::Error) {
                printError(d.toString());
                return std::nullopt;
            }
        }
        return LoadedConfig{config->backends, WorkspaceFile::idForPath(path)};
    }
    auto loaded = WorkspaceFile::load(path);
    if (!loaded) {
        printError(QStringLiteral("%1: %2").arg(loaded.error().where, loaded.error().message));
        return std::nullopt;
    }
    return LoadedConfig{loaded->backends, loaded->id};
}

} // namespace Tokenbench::Cli
