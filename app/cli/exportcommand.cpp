#include "exportcommand.h"

#include "clicommon.h"

#include "export/couperexporter.h"
#include "export/exporter.h"
#include "export/kymatokenrequest.h"
#include "model/couperconfig.h"
#include "model/validator.h"
#include "model/valueresolver.h"
#include "model/workspacefile.h"
#include "net/betatokenrequest.h"
#include "net/tlsconfig.h"
#include "run/runplan.h"
#include "util/boundedread.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

namespace Tokenbench::Cli {

using namespace Tokenbench::Core;

namespace {

int writeOutput(const QString& path, const QString& text, bool executable)
{
    if (path.isEmpty() || path == u"-") {
        out() << text;
        out().flush();
        return Ok;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        printError(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()));
        return Usage;
    }
    f.write(text.toUtf8());
    if (!f.commit()) {
        printError(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()));
        return Usage;
    }
    if (executable) {
        QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                        QFileDevice::ExeOther);
    }
    return Ok;
}

int exportKyma(const QCommandLineParser& parser)
{
    Export::KymaTokenRequest request;
    request.application = parser.value(QStringLiteral("application"));
    request.tenant = parser.value(QStringLiteral("tenant"));
    request.group = parser.value(QStringLiteral("group"));
    if (!parser.isSet(QStringLiteral("application"))) {
        printError(QStringLiteral("--format kyma needs --application NAME (the Application's name)"));
        return Usage;
    }
    auto yaml = Export::toYaml(request);
    if (!yaml) {
        printError(QStringLiteral("--%1: %2").arg(yaml.error().where, yaml.error().message));
        return Usage;
    }
    return writeOutput(parser.value(QStringLiteral("output")), yaml.value(), false);
}

} // namespace

int runExport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export a backend's token request as a ready-made Couper block, curl script, oauth2c command or .http "
        "file; or a Kyma TokenRequest. Secrets are written as environment variable references (env.NAME, "
        "$NAME, {{NAME}}), never as values; the variables needed are listed on stderr."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CONFIG"), QStringLiteral("A Couper file (.hcl) or a Tokenbench workspace (.tbw)."),
                                 QStringLiteral("[CONFIG]"));
    parser.addOption({QStringLiteral("format"), QStringLiteral("couper, curl, oauth2c, http or kyma."), QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("backend"),
                      QStringLiteral("The backend to export (may be omitted when CONFIG has one)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("request"),
                      QStringLiteral("Export this beta_token_request (label; \"oauth2\" for the oauth2 block) rather "
                                     "than the oauth2 block (curl, oauth2c, http; default: as token chooses)."),
                      QStringLiteral("LABEL")});
    addCouperFileOptions(parser);
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Write to FILE instead of standard output (scripts are made executable)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("couper-version"),
                      QStringLiteral("Target Couper version for --format couper (%1; default 1.14): what it lacks "
                                     "is noted on stderr.")
                          .arg(Export::CouperExporter::versions().join(QStringLiteral(", "))),
                      QStringLiteral("VERSION"), QStringLiteral("1.14")});
    parser.addOption({QStringLiteral("anonymous"),
                      QStringLiteral("--format couper: an anonymous backend block to paste into a proxy or request "
                                     "block, instead of definitions.")});
    parser.addOption({QStringLiteral("name"),
                      QStringLiteral("--format couper: write the backend under this label in definitions (letters, "
                                     "digits, '_'). An inline backend (anonymous_LINE_COL) needs it to go into "
                                     "definitions; without it, it is written inline in its place in the file."),
                      QStringLiteral("LABEL")});
    parser.addOption({QStringLiteral("resource-url"),
                      QStringLiteral("The URL called with the token (curl, http; default: the backend's "
                                     "tokenbench_resource_url; without one the curl script prints the token)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("application"), QStringLiteral("--format kyma: the Application's name (metadata.name)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("tenant"), QStringLiteral("--format kyma: context.tenant."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("group"), QStringLiteral("--format kyma: context.group."), QStringLiteral("G")});
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;

    const QString format = parser.value(QStringLiteral("format"));
    if (format.isEmpty()) {
        printError(QStringLiteral("--format is required: couper, curl, oauth2c, http or kyma"));
        return Usage;
    }
    if (format == u"kyma")
        return exportKyma(parser);
    const auto exporter = Export::exporterFor(format);
    if (!exporter) {
        printError(QStringLiteral("unknown --format \"%1\": choose couper, curl, oauth2c, http or kyma").arg(format));
        return Usage;
    }
    const QStringList positional = parser.positionalArguments();
    const auto paths = configPaths(parser, arguments, positional);
    if (!paths)
        return Usage;
    if (paths->isEmpty() || positional.size() > 1) {
        printError(QStringLiteral("export needs exactly one CONFIG (.hcl, a directory or .tbw), or -f FILE / -d DIR"));
        return Usage;
    }
    const QString path = paths->size() == 1 ? paths->constFirst() : paths->join(QStringLiteral(" + "));
    const auto config = loadConfig(*paths);
    if (!config)
        return Usage;
    const QList<Block> backends = config->backends;
    QString wanted = parser.value(QStringLiteral("backend"));
    QString request = parser.value(QStringLiteral("request"));
    if (format != u"couper" || wanted.isEmpty()) {
        // Which backend and token source: the run pipeline's one rule (--backend, --request, else the only one).
        const auto target = chooseTarget(backends, wanted, request, path);
        if (!target) {
            // A Couper export may write any backend: the only one, even without a token source.
            if (format == u"couper" && wanted.isEmpty() && request.isEmpty() && backends.size() == 1) {
                wanted = backends.constFirst().label;
            } else {
                QString message = target.error().message;
                message.replace(QStringLiteral("choose one ("),
                                QStringLiteral("choose one with --%1 (").arg(target.error().where));
                printError(message);
                return Usage;
            }
        } else {
            wanted = target->backend;
            if (format != u"couper")
                request = target->request;
        }
    }
    Export::ExportInput input;
    bool found = false;
    for (const Block& b : std::as_const(backends)) {
        if (b.label == wanted) {
            input.backend = b;
            found = true;
        }
    }
    if (!found) {
        QStringList names;
        for (const Block& b : std::as_const(backends))
            names << b.label;
        printError(QStringLiteral("%1: no backend \"%2\" (backends: %3)")
                       .arg(path, wanted, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
        return Usage;
    }
    input.backends = backends;
    input.requestLabel = request;
    input.couperVersion = parser.value(QStringLiteral("couper-version"));
    input.anonymousBackend = parser.isSet(QStringLiteral("anonymous"));
    input.resourceUrl = parser.value(QStringLiteral("resource-url"));
    input.name = parser.value(QStringLiteral("name"));
    if (format == u"couper" && Export::isInlineBackendLabel(input.backend.label) && Hcl::isHclFile(path) &&
        input.name.isEmpty() && !input.anonymousBackend) {
        // An inline backend without a name is written in its place in the file; an inline token backend with the
        // backend whose oauth2 / beta_token_request holds it.
        auto source = readFileLimited(path, FileLimits::ConfigFile, QStringLiteral("configuration file"));
        if (source) {
            const auto places = Export::inlineBackendPlaces(*source, path);
            Export::InlinePlace place = places.value(input.backend.label);
            if (!place.outerBackend.isEmpty()) {
                for (const Block& b : std::as_const(backends)) {
                    if (b.label == place.outerBackend) {
                        err() << "note: " << input.backend.label << " is the token backend of " << b.label
                              << "; it is exported inline there" << Qt::endl;
                        input.backend = b;
                    }
                }
                place = places.value(input.backend.label);
            }
            input.context = place.context;
        }
    }
    if (format == u"couper" && !input.requestLabel.isEmpty()) {
        bool has = false;
        for (const Block* b : betaTokenRequests(input.backend))
            has = has || betaLabel(*b) == input.requestLabel;
        if (!has) {
            printError(QStringLiteral("backend \"%1\" has no beta_token_request \"%2\"").arg(wanted, input.requestLabel));
            return Usage;
        }
    }

    auto result = exporter->exportBackend(input);
    if (!result && result.error().where == u"name" && result.error().message.contains(QStringLiteral("defined inline"))) {
        printError(result.error().message + QStringLiteral(" (--name LABEL, or --anonymous for a backend block to paste)"));
        return Usage;
    }
    if (!result) {
        printError(result.error().where.isEmpty() ? result.error().message
                                                  : QStringLiteral("%1: %2").arg(result.error().where, result.error().message));
        return Usage;
    }
    // Last line of defence: no secret value of the exported backend may appear in the output.
    ValueResolver resolver;
    const auto scan = Export::scanExport(*exporter, input, result->text, resolver);
    if (!scan.clean()) {
        printError(QStringLiteral("the export would contain the secret value of %1; nothing was written")
                       .arg(scan.leaks.join(QStringLiteral(", "))));
        return Usage;
    }
    // The exported backend keeps disable_certificate_validation (as `= true` or `= "true"`): say so loudly.
    if (input.backend.attribute(QStringLiteral("disable_certificate_validation")).trimmed() == u"true")
        printWarning(insecureWarning(input.backend.label));
    for (const QString& note : std::as_const(result->notes))
        err() << "note: " << note << Qt::endl;
    if (!result->variables.isEmpty()) {
        err() << "environment variables needed:";
        for (const Export::Variable& v : std::as_const(result->variables))
            err() << ' ' << v.name;
        err() << Qt::endl;
    }
    return writeOutput(parser.value(QStringLiteral("output")), result->text, exporter->fileExtension() == u"sh");
}

} // namespace Tokenbench::Cli
