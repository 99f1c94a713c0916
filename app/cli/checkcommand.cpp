#include "checkcommand.h"

#include "clicommon.h"

#include "model/couperconfig.h"
#include "hcl/document.h"
#include "model/validator.h"
#include "model/valueresolver.h"
#include "model/workspacefile.h"

#include <QCommandLineParser>
#include <QHash>
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
                                 QStringLiteral("A Couper configuration (.hcl, or a directory as with -d) or a "
                                                "Tokenbench workspace (.tbw)."),
                                 QStringLiteral("[CONFIG]"));
    addCouperFileOptions(parser);
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    if (parser.positionalArguments().size() > 1) {
        printError(QStringLiteral("check needs one CONFIG (or -f FILE / -d DIR, repeatable)"));
        return Usage;
    }
    const auto paths = configPaths(parser, arguments, parser.positionalArguments());
    if (!paths)
        return Usage;
    if (paths->isEmpty()) {
        printError(QStringLiteral("check needs a CONFIG (or -f FILE / -d DIR)"));
        return Usage;
    }
    const QString path = paths->constFirst();
    if (isCouperConfiguration(*paths)) {
        auto config = Hcl::loadCouperFiles(*paths);
        if (!config) {
            err() << (config.error().where.isEmpty() ? QStringLiteral("tokenbench-cli") : config.error().where)
                  << ": error: " << config.error().message << Qt::endl;
            return Usage;
        }
        QHash<QString, Hcl::LineIndex> lines;
        for (const Diagnostic& d : std::as_const(config->diagnostics)) {
            const QByteArray source = config->sourceOf(d.file);
            if (d.line > 0 && !source.isNull()) {
                if (!lines.contains(d.file))
                    lines.insert(d.file, Hcl::LineIndex(source));
                const Hcl::LineIndex index = lines.value(d.file);
                out() << Hcl::renderDiagnostic(d, source, &index) << Qt::endl;
            } else {
                out() << d.toString() << Qt::endl;
            }
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
