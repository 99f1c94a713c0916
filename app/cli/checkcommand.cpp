#include "checkcommand.h"

#include "clicommon.h"

#include "model/couperconfig.h"
#include "hcl/document.h"
#include "model/validator.h"
#include "model/valueresolver.h"
#include "model/workspacefile.h"
#include "secrets/secretstore.h"
#include "util/boundedread.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTextStream>

namespace Tokenbench::Cli {

using namespace Tokenbench::Core;

namespace {

// Where the keys of a workspace file's JSON text are: "/backends/0/blocks/1/attributes/client_id" →
// line:col of that key (and "/backends/0" → the object's opening brace). JSON the loader accepted, read
// once more only to place diagnostics.
QHash<QString, std::pair<int, int>> jsonPositions(const QByteArray& text)
{
    QHash<QString, std::pair<int, int>> out;
    struct Level
    {
        bool array = false;
        int index = 0;
        QString key;
        QString path;
    };
    QList<Level> stack;
    int line = 1;
    int column = 1;
    QString pendingKey; // the last string read in an object, a key if ':' follows
    int keyLine = 0, keyColumn = 0;
    bool expectKey = false;
    const auto childPath = [&]() -> QString {
        if (stack.isEmpty())
            return QString();
        const Level& top = stack.constLast();
        return top.path + u'/' + (top.array ? QString::number(top.index) : top.key);
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const int l = line, col = column;
        if (c == '\n') {
            ++line;
            column = 1;
            continue;
        }
        ++column;
        if (c == '"') {
            QByteArray raw;
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                if (text[i] == '\\' && i + 1 < text.size())
                    raw += text[i++];
                raw += text[i];
                ++column;
            }
            ++column;
            if (expectKey) {
                pendingKey = QJsonDocument::fromJson("[\"" + raw + "\"]").array().at(0).toString();
                keyLine = l;
                keyColumn = col;
            }
            continue;
        }
        if (c == ':' && expectKey && !stack.isEmpty()) {
            stack.last().key = pendingKey;
            out.insert(stack.constLast().path + u'/' + pendingKey, {keyLine, keyColumn});
            expectKey = false;
        } else if (c == '{' || c == '[') {
            const QString p = childPath();
            if (c == '{')
                out.insert(p, {l, col});
            stack.append(Level{c == '[', 0, {}, p});
            expectKey = c == '{';
        } else if (c == '}' || c == ']') {
            if (!stack.isEmpty())
                stack.removeLast();
            expectKey = false;
        } else if (c == ',' && !stack.isEmpty()) {
            if (stack.constLast().array)
                ++stack.last().index;
            else
                expectKey = true;
        }
    }
    return out;
}

// A workspace diagnostic's place in its file: the attribute's key, else its block, else its backend.
void placeInWorkspace(Diagnostic& d, const QList<Block>& backends, const QHash<QString, std::pair<int, int>>& at)
{
    qsizetype index = -1;
    for (qsizetype i = 0; i < backends.size() && index < 0; ++i)
        if (backends[i].label == d.backend)
            index = i;
    if (index < 0)
        return;
    QString path = QStringLiteral("/backends/%1").arg(index);
    QString found = path;
    const Block* block = &backends[index];
    for (const QString& part : d.block.split(u'.', Qt::SkipEmptyParts)) {
        qsizetype c = -1;
        for (qsizetype i = 0; i < block->blocks.size() && c < 0; ++i)
            if (block->blocks[i].matches(part))
                c = i;
        if (c < 0)
            break;
        block = &block->blocks[c];
        path += QStringLiteral("/blocks/%1").arg(c);
        found = path;
    }
    if (!d.attribute.isEmpty() && at.contains(found + QStringLiteral("/attributes/") + d.attribute))
        found += QStringLiteral("/attributes/") + d.attribute;
    const auto pos = at.value(found, {0, 0});
    d.line = pos.first;
    d.column = pos.second;
}

} // namespace

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
    // env.NAME: the environment, then the keychain's index of names for this configuration (no keychain
    // round trip, so check runs with a locked or absent keychain), then the files' defaults.
    ValueResolver resolver;
    SecretStore store;
    if (isCouperConfiguration(*paths)) {
        auto config = Hcl::loadCouperFiles(*paths);
        if (!config) {
            err() << (config.error().where.isEmpty() ? QStringLiteral("tokenbench-cli") : config.error().where)
                  << ": error: " << config.error().message << Qt::endl;
            return Usage;
        }
        resolver.setDefaultValues(config->defaultEnvironment);
        const QStringList stored = store.list(WorkspaceFile::idForPath(path));
        const QSet<QString> keychainNames(stored.cbegin(), stored.cend());
        const Diagnostics all = config->loadDiagnostics + config->ruleDiagnostics(&resolver, &keychainNames);
        QHash<QString, Hcl::LineIndex> lines;
        for (const Diagnostic& d : all) {
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
    context.baseDirectory = QFileInfo(path).absolutePath(); // as a run resolves key_file
    Diagnostics all = loaded->diagnostics + Validator::validateBackends(loaded->backends, &resolver, context);
    // Every diagnostic at its place in the file (the loader reports by block path).
    auto text = readFileLimited(path, FileLimits::WorkspaceFile, QStringLiteral("workspace file"));
    const auto positions = text ? jsonPositions(*text) : QHash<QString, std::pair<int, int>>();
    for (Diagnostic& d : all) {
        if (d.file.isEmpty())
            d.file = path;
        if (d.line == 0)
            placeInWorkspace(d, loaded->backends, positions);
        // The block path after the place: "w.tbw:13:25: error: pk.oauth2.retries: ...".
        if (!d.path().isEmpty())
            d.message = d.path() + QStringLiteral(": ") + d.message;
        out() << d.toString() << Qt::endl;
    }
    return hasErrors(all) ? Usage : Ok;
}

} // namespace Tokenbench::Cli
