#include "importcommand.h"

#include "clicommon.h"

#include "util/boundedread.h"

#include "export/couperexporter.h"
#include "export/curlimport.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace Tokenbench::Cli {

using namespace Tokenbench::Core;

int runImport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import a token request as a Couper HCL file with one backend.\n"
        "  import curl [FILE]   a curl command (from FILE, else standard input), as copied from browser devtools\n"
        "  import http [FILE]   the first request of an HTTP request file (.http)\n"
        "Literal secrets become env.NAME references; the names are listed on stderr (values never)."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("KIND"), QStringLiteral("curl or http."), QStringLiteral("curl|http"));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Read from FILE instead of standard input."),
                                 QStringLiteral("[FILE]"));
    parser.addOption({QStringLiteral("name"), QStringLiteral("The backend's name (default: \"imported\")."),
                      QStringLiteral("LABEL"), QStringLiteral("imported")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE")});
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || (positional.constFirst() != u"curl" && positional.constFirst() != u"http") ||
        positional.size() > 2) {
        printError(QStringLiteral("usage: tokenbench-cli import curl|http [FILE] [--name LABEL] [-o FILE]"));
        return Usage;
    }
    // A curl command or .http file is small: 4 MiB at most, and a longer input says so (it is not cut).
    constexpr qint64 ImportLimit = 4 * FileLimits::MiB;
    const QString what = positional.constFirst() == u"curl" ? QStringLiteral("curl command") : QStringLiteral(".http file");
    const auto read = positional.size() == 2 ? readFileLimited(positional.at(1), ImportLimit, what)
                                             : readStdinLimited(ImportLimit, what);
    if (!read) {
        printError(read.error().where.isEmpty() ? read.error().message
                                                : QStringLiteral("%1: %2").arg(read.error().where, read.error().message));
        return Usage;
    }
    const QByteArray text = read.value();
    const QString kind = positional.constFirst();
    auto request = kind == u"curl" ? Export::parseCurlCommand(QString::fromUtf8(text))
                                   : Export::parseHttpFile(QString::fromUtf8(text));
    if (!request) {
        printError(QStringLiteral("%1: %2").arg(request.error().where, request.error().message));
        return Usage;
    }
    auto imported = Export::importRequest(request.value(), parser.value(QStringLiteral("name")));
    if (!imported) {
        printError(imported.error().message);
        return Usage;
    }
    Export::ExportInput input;
    input.backend = imported->backend;
    auto hcl = Export::CouperExporter().exportBackend(input);
    if (!hcl) {
        printError(hcl.error().message);
        return Usage;
    }
    for (const QString& w : std::as_const(imported->warnings))
        printWarning(w);
    if (!imported->secrets.isEmpty()) {
        err() << "secrets moved to environment variables (set them, or store them with tokenbench-cli secret set NAME):";
        for (const auto& s : std::as_const(imported->secrets))
            err() << ' ' << s.first;
        err() << Qt::endl;
    }
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty() || output == u"-") {
        out() << hcl->text;
        out().flush();
        return Ok;
    }
    QSaveFile f(output);
    if (!f.open(QIODevice::WriteOnly) || f.write(hcl->text.toUtf8()) < 0 || !f.commit()) {
        printError(QStringLiteral("%1: cannot write: %2").arg(output, f.errorString()));
        return Usage;
    }
    return Ok;
}

} // namespace Tokenbench::Cli
