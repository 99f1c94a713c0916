#include "checkcommand.h"

#include "clicommon.h"

#include "model/couperconfig.h"
#include "hcl/document.h"
#include "model/validator.h"
#include "model/valueresolver.h"
#include "model/workspacefile.h"
#include "secrets/secretstore.h"

#include <QCommandLineParser>
#include <QSet>
#include <QTextStream>

namespace Tokenbench::Cli {

using namespace Tokenbench::Core;

QString checkHelp()
{
    return QStringLiteral(
        "Check a configuration the way Couper checks it at start-up, and print every problem as "
        "file:line:col: severity: message (exit 0 when there is no error, 2 otherwise).\n"
        "\n"
        "A Couper file (.hcl) is checked for:\n"
        "  - HCL syntax as HashiCorp's parser reads it (invalid UTF-8, redefined attributes, ...)\n"
        "  - top-level blocks (server, definitions, defaults, settings); a label on every definitions block\n"
        "  - labels: backend labels ([a-zA-Z0-9_], not anonymous_*, unique); access-control labels\n"
        "    (basic_auth, jwt, oidc, beta_oauth2, saml) unique and not reserved; jwt_signing_profile labels\n"
        "    (with jwt signing_ttl) unique; proxy labels unique; beta_token_request names unique per backend\n"
        "  - endpoints: the path pattern starts with / and has no . or .. segments, no duplicate endpoint per\n"
        "    server (after base_path); base_path without . or .. segments; proxy/request names unique per\n"
        "    endpoint\n"
        "  - references: backend = \"x\", backend \"x\" { } refinements and *_backend attributes name a defined\n"
        "    backend (refinements without child blocks, origin or transport settings); proxy = \"x\";\n"
        "    access_control and disable_access_control; no circular token backends; not both a backend\n"
        "    attribute and block\n"
        "  - header maps (set/add_request_headers, set/add_response_headers, headers, required_permission):\n"
        "    keys unique ignoring case; values Couper sends (strings, numbers, bools or lists of them) and\n"
        "    valid header names (warnings)\n"
        "  - backends: origin, path, timeouts (Couper durations such as 5s or 1m30s), proxy, tls,\n"
        "    disable_certificate_validation\n"
        "  - oauth2: grant_type, client authentication per method, username/password/assertion per grant,\n"
        "    token_endpoint (or a token backend with origin and path), retries, and the nested\n"
        "    jwt_signing_profile (algorithm per method, ttl, key or key_file read and parsed, no alg in\n"
        "    headers)\n"
        "  - beta_token_request: token and ttl present, one body attribute, form_body an object\n"
        "  - expressions Couper evaluates at start-up (env, couper.*, functions)\n"
        "  - env.NAME set in the environment or in the keychain for this file (warning)\n"
        "Not checked: attributes and blocks Couper does not know (its schema is not modelled), settings,\n"
        "server TLS, files/spa, jobs, access-control internals, and whether a server block exists (it\n"
        "may come from another file).\n"
        "\n"
        "A Tokenbench workspace (.tbw) is checked with the same backend, oauth2 and env rules.");
}

int runCheck(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(checkHelp());
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
    // env.NAME: the environment, then the keychain's index of names for this configuration (no keychain
    // round trip, so check runs with a locked or absent keychain).
    ValueResolver resolver;
    SecretStore store;
    if (Hcl::isHclFile(path)) {
        auto config = Hcl::loadCouperConfig(path);
        if (!config) {
            err() << config.error().where << ": error: " << config.error().message << Qt::endl;
            return Usage;
        }
        const QStringList stored = store.list(WorkspaceFile::idForPath(path));
        const QSet<QString> keychainNames(stored.cbegin(), stored.cend());
        const Diagnostics all = config->loadDiagnostics + config->ruleDiagnostics(&resolver, &keychainNames);
        const Hcl::LineIndex lines(config->source);
        for (const Diagnostic& d : all) {
            if (d.line > 0)
                out() << Hcl::renderDiagnostic(d, config->source, &lines) << Qt::endl;
            else
                out() << d.toString() << Qt::endl;
        }
        return hasErrors(all) ? Usage : Ok;
    }
    auto loaded = WorkspaceFile::load(path);
    if (!loaded) {
        err() << loaded.error().where << ": error: " << loaded.error().message << Qt::endl;
        return Usage;
    }
    Validator::Context context;
    const QStringList stored = store.list(loaded->id);
    context.keychainNames = QSet<QString>(stored.cbegin(), stored.cend());
    Diagnostics all = loaded->diagnostics + Validator::validateBackends(loaded->backends, &resolver, context);
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
