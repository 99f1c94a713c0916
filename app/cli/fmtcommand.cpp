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
        "Print an HCL file in the layout of HashiCorp's hclwrite formatter (hclwrite.Format, the layout that "
        "terraform fmt builds on): two-space indent, '=' aligned within a run of single-line attributes, trailing "
        "comments aligned, normalized spacing around operators, brackets and template sequences.\n"
        "Only whitespace changes, as in hclwrite: spaces at the end of a line are removed, blank lines are kept, "
        "the end of the file is kept as it is (no final newline is added; spaces after the last line stay), "
        "heredoc bodies and comments are not touched, CRLF line endings are kept.\n"
        "Unlike terraform fmt it does not rewrite expressions or labels: \"${x}\" is not unwrapped to x, bare "
        "block labels are not quoted, and Terraform-specific rules (type expressions, CRLF to LF) do not apply.\n"
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
        const Hcl::LineIndex lines(source);
        for (const Diagnostic& d : doc.diagnostics())
            err() << Hcl::renderDiagnostic(d, source, &lines) << Qt::endl;
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
