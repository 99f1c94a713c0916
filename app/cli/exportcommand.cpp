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
                      QStringLiteral("Export this beta_token_request (label) rather than the oauth2 block (curl, "
                                     "oauth2c, http)."),
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
    parser.addOption({QStringLiteral("resource-url"),
                      QStringLiteral("The URL called with the token (curl, http; default: the backend's origin and "
                                     "path)."),
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
    QStringList names;
    for (const Block& b : std::as_const(backends)) {
        if (b.child(BlockType::OAuth2) || !betaTokenRequests(b).isEmpty() || format == u"couper")
            names << b.label;
    }
    QString wanted = parser.value(QStringLiteral("backend"));
    if (wanted.isEmpty()) {
        if (names.size() != 1) {
            printError(names.isEmpty() ? QStringLiteral("%1: no backend with a token request to export").arg(path)
                                       : QStringLiteral("%1 has several backends; choose one with --backend (%2)")
                                             .arg(path, names.join(QStringLiteral(", "))));
            return Usage;
        }
        wanted = names.constFirst();
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
        printError(QStringLiteral("%1: no backend \"%2\" (backends: %3)")
                       .arg(path, wanted, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
        return Usage;
    }
    input.requestLabel = parser.value(QStringLiteral("request"));
    input.couperVersion = parser.value(QStringLiteral("couper-version"));
    input.anonymousBackend = parser.isSet(QStringLiteral("anonymous"));
    input.resourceUrl = parser.value(QStringLiteral("resource-url"));
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
    if (!result) {
        printError(result.error().where.isEmpty() ? result.error().message
                                                  : QStringLiteral("%1: %2").arg(result.error().where, result.error().message));
        return Usage;
    }
    // Last line of defence: no secret value of the exported backend may appear in the output.
    ValueResolver resolver;
    const auto scan = Export::scanForSecrets(result->text, {input.backend}, resolver);
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
