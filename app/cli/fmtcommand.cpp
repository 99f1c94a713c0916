#include "fmtcommand.h"

#include "clicommon.h"

#include "hcl/document.h"
#include "hcl/formatter.h"
#include "util/boundedread.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

namespace Tokenbench::Cli {

using namespace Tokenbench::Core;

int runFmt(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print an HCL file in canonical layout, as HCL's reference formatter (hclwrite, terraform fmt) does: "
        "two-space indent, '=' aligned within a run of attributes, normalized spacing.\n"
        "Exit codes: 0 done (or already canonical with --check), 1 --check found changes, 2 usage error or a file "
        "that does not parse."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The HCL file."));
    parser.addOption({{QStringLiteral("w"), QStringLiteral("write")}, QStringLiteral("Write the result back to FILE.")});
    parser.addOption({QStringLiteral("check"), QStringLiteral("Print nothing; exit 1 when formatting would change FILE.")});
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("fmt needs exactly one FILE"));
        return Usage;
    }
    const QString path = parser.positionalArguments().constFirst();
    auto read = readFileLimited(path, FileLimits::ConfigFile, QStringLiteral("configuration file"));
    if (!read) {
        printError(QStringLiteral("%1: %2").arg(path, read.error().message));
        return Usage;
    }
    const QByteArray source = std::move(read).value();
    // Refuse to reformat a file with syntax errors: the result could not be trusted.
    const Hcl::Document doc = Hcl::Document::parse(source, path);
    if (hasErrors(doc.diagnostics())) {
        for (const Diagnostic& d : doc.diagnostics())
            err() << Hcl::renderDiagnostic(d, source) << Qt::endl;
        return Usage;
    }
    const QByteArray formatted = Hcl::format(source);
    if (parser.isSet(QStringLiteral("check")))
        return formatted == source ? Ok : 1;
    if (parser.isSet(QStringLiteral("write"))) {
        if (formatted == source)
            return Ok;
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(formatted) != formatted.size() || !out.commit()) {
            printError(QStringLiteral("%1: cannot write: %2").arg(path, out.errorString()));
            return Usage;
        }
        return Ok;
    }
    QFile stdoutFile;
    if (stdoutFile.open(stdout, QIODevice::WriteOnly))
        stdoutFile.write(formatted);
    return Ok;
}

} // namespace Tokenbench::Cli
