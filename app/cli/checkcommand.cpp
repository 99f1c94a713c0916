#include "checkcommand.h"

#include "clicommon.h"

#include "model/couperconfig.h"
#include "hcl/document.h"
#include "model/validator.h"
#include "model/valueresolver.h"
#include "model/workspacefile.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace Tokenbench::Cli {

using namespace Tokenbench::Core;

int runCheck(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Check a configuration and print every problem as "
                                                    "file:line:col: severity: message."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CONFIG"),
                                 QStringLiteral("A Couper configuration (.hcl) or a Tokenbench workspace (.tbw)."));
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("check needs exactly one CONFIG file"));
        return Usage;
    }
    const QString path = parser.positionalArguments().constFirst();
    if (Hcl::isHclFile(path)) {
        auto config = Hcl::loadCouperConfig(path);
        if (!config) {
            err() << config.error().where << ": error: " << config.error().message << Qt::endl;
            return Usage;
        }
        const Hcl::LineIndex lines(config->source);
        for (const Diagnostic& d : std::as_const(config->diagnostics)) {
            if (d.line > 0)
                out() << Hcl::renderDiagnostic(d, config->source, &lines) << Qt::endl;
            else
                out() << d.toString() << Qt::endl;
        }
        return hasErrors(config->diagnostics) ? Usage : Ok;
    }
    auto loaded = WorkspaceFile::load(path);
    if (!loaded) {
        err() << loaded.error().where << ": error: " << loaded.error().message << Qt::endl;
        return Usage;
    }
    ValueResolver resolver;
    Diagnostics all = loaded->diagnostics + Validator::validateBackends(loaded->backends, &resolver);
    for (Diagnostic& d : all) {
        if (d.file.isEmpty())
            d.file = path;
        // Without line information, name the block path after the file.
        if (d.line == 0 && !d.path().isEmpty())
            out() << path << ": " << Diagnostic::severityName(d.severity) << ": " << d.path() << ": " << d.message
                  << Qt::endl;
        else
            out() << d.toString() << Qt::endl;
    }
    return hasErrors(all) ? Usage : Ok;
}

} // namespace Tokenbench::Cli
