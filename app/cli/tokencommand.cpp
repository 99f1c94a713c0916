#include "tokencommand.h"

#include "clicommon.h"
#include "requestoptions.h"
#include "secretcommand.h"

#include "export/traceexport.h"
#include "model/couperconfig.h"
#include "model/schema.h"
#include "model/secretliterals.h"
#include "model/valueresolver.h"
#include "model/workspacefile.h"
#include "net/authcodeflow.h"
#include "net/betaresource.h"
#include "net/betatokenrequest.h"
#include "net/networkaccessmanager.h"
#include "net/flowclient.h"
#include "net/resourcecheck.h"
#include "net/tokenclient.h"
#include "net/tokenrequest.h"
#include "run/runplan.h"
#include "run/runsession.h"
#include "secrets/secretresolution.h"
#include "secrets/secretstore.h"
#include "export/resultjson.h"
#include "trace/redactor.h"
#include "util/displaytext.h"
#include "util/duration.h"

#include <QCommandLineParser>
#include <QHash>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QFileInfo>
#include <QCoreApplication>
#include <QJsonArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QProcess>
#include <QTextStream>

namespace Tokenbench::Cli {

using namespace Tokenbench::Core;

namespace {

// oauth2 attributes that have a flag of the same name.
const QStringList& attributeFlags()
{
    static const QStringList flags = {
        QStringLiteral("token_endpoint"), QStringLiteral("client_id"), QStringLiteral("client_secret"),
        QStringLiteral("grant_type"),     QStringLiteral("token_endpoint_auth_method"),
        QStringLiteral("scope"),          QStringLiteral("username"),  QStringLiteral("password"),
        QStringLiteral("assertion"),
        // Interactive grants (Tokenbench extensions):
        QStringLiteral("authorization_endpoint"), QStringLiteral("redirect_uri"),
        QStringLiteral("device_authorization_endpoint"), QStringLiteral("refresh_token"),
    };
    return flags;
}

QString flagName(const QString& attribute)
{
    QString f = attribute;
    f.replace(u'_', u'-');
    return f;
}

void addOptions(QCommandLineParser& parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"),
                                 QStringLiteral("A Tokenbench workspace (.tbw). Without it, the oauth2 attributes "
                                                "come from the flags below."),
                                 QStringLiteral("[WORKSPACE]"));
    parser.addOption({QStringLiteral("backend"),
                      QStringLiteral("The backend whose oauth2 block is run (may be omitted when the workspace has "
                                     "one)."),
                      QStringLiteral("NAME")});
    for (const QString& attr : attributeFlags()) {
        const Schema::Attribute* spec = Schema::find(BlockType::OAuth2, attr);
        QString help = spec ? spec->help : QString();
        if (spec && spec->kind == Schema::Kind::Secret)
            help += QStringLiteral(" Write env:NAME to read it from --env NAME=..., the environment variable NAME, "
                                   "or else the keychain entry NAME (tokenbench-cli secret set NAME; of the "
                                   "WORKSPACE, or of the \"default\" namespace without one).");
        parser.addOption({flagName(attr), help, QStringLiteral("VALUE")});
    }
    addCouperFileOptions(parser);
    parser.addOption({QStringLiteral("no-browser"),
                      QStringLiteral("authorization_code: do not start a browser; print the authorization URL to "
                                     "stderr and wait for the redirect on the loopback listener (without this "
                                     "flag xdg-open is tried, and the URL printed if it fails).")});
    parser.addOption({QStringLiteral("browser-timeout"),
                      QStringLiteral("authorization_code: how long to wait for the browser's redirect (Go duration, "
                                     "default 5m)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("raw-basic-credentials"),
                      QStringLiteral("client_secret_basic: put client_id and client_secret into the Basic header "
                                     "as they are, without the form-encoding RFC 6749 asks for (and Couper applies); "
                                     "for servers that expect unencoded values. The workspace's raw Basic toggle "
                                     "(raw_basic_credentials).")});
    parser.addOption({QStringLiteral("request"),
                      QStringLiteral("Run the backend's beta_token_request with this label (\"default\" for the "
                                     "unlabelled one) instead of its oauth2 block. Without it, a backend without "
                                     "oauth2 runs its only token request, or its \"default\" one."),
                      QStringLiteral("LABEL")});
    parser.addOption({QStringLiteral("signature-algorithm"),
                      QStringLiteral("Sign a client assertion (client_secret_jwt: HS256/384/512; private_key_jwt: "
                                     "RS*, PS*, ES*, EdDSA) or the jwt-bearer assertion with this algorithm: the "
                                     "nested jwt_signing_profile."),
                      QStringLiteral("ALG")});
    parser.addOption({QStringLiteral("key-file"),
                      QStringLiteral("The signing profile's key file: a PEM private key (private_key_jwt, jwt-bearer)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("kid"), QStringLiteral("The signing profile's kid header."), QStringLiteral("KID")});
    parser.addOption({QStringLiteral("jwt-ttl"),
                      QStringLiteral("The signing profile's ttl: how long the assertion is valid (default 60s)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Total deadline of the token request (Go duration, default 300s)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("connect-timeout"),
                      QStringLiteral("Deadline to connect, TLS included (default 10s)."), QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("ttfb-timeout"),
                      QStringLiteral("Deadline from request sent to first response byte (default 60s)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("env"),
                      QStringLiteral("Set NAME for env.NAME references and env:NAME values, before the process "
                                     "environment and the keychain (entry NAME of the WORKSPACE, or of the "
                                     "\"default\" namespace without one; see tokenbench-cli secret --help). "
                                     "Repeatable. A value given here is visible in the process list: for a secret, "
                                     "export NAME in the environment or store it with tokenbench-cli secret set "
                                     "NAME, and write the flag as --client-secret env:NAME."),
                      QStringLiteral("NAME=VALUE")});
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Print one JSON object: token, token_type, expires_in, ttl_seconds, exchanges, "
                                     "claims, error; refresh_token, id_token, scope (granted) and "
                                     "id_token_checks when issued.")});
    parser.addOption({QStringLiteral("reveal"),
                      QStringLiteral("Show secrets (credentials, tokens, Authorization values) in exchanges instead "
                                     "of fingerprints.")});
    parser.addOption({QStringLiteral("har"),
                      QStringLiteral("Also write the run's exchanges to FILE as HAR 1.2 (redacted unless --reveal)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("repeat"),
                      QStringLiteral("Send the token request N times in sequence over reused connections; print "
                                     "the last result."),
                      QStringLiteral("N"), QStringLiteral("1")});
    addRequestOptions(parser);
}

struct Invocation
{
    RunPlan plan; // the run, planned from the blocks (the flags written into them first)
    int repeat = 1;
    bool json = false;
    bool reveal = false;
    bool noBrowser = false;
    qint64 browserTimeoutMs = AuthCodeFlow::DefaultInteractionTimeoutMs; // --browser-timeout
    QString harPath;                       // --har: the run's exchanges as HAR 1.2
    QJsonObject discovery;                 // --discovery: what was found, for --json
    QList<Exchange> discoveryExchanges;    // --discovery: its requests, first in --json exchanges and --har
};

// Parses a flag value: env:NAME reads the environment (after --env overrides).
bool flagValue(const QCommandLineParser& parser, const QString& flag, const ValueResolver& resolver, QString* value,
               QString* error)
{
    const QString raw = parser.value(flag);
    if (raw.startsWith(QStringLiteral("env:"))) {
        const QString name = raw.mid(4);
        const auto v = resolver.lookup(name);
        if (!v) {
            *error = QStringLiteral("environment variable %1 is not set (from --%2 env:%1)").arg(name, flag);
            return false;
        }
        *value = *v;
        return true;
    }
    *value = raw;
    return true;
}

int parseTimeout(const QCommandLineParser& parser, const QString& flag, qint64* ms)
{
    if (!parser.isSet(flag))
        return Ok;
    const auto parsed = Duration::parseCouper(parser.value(flag), 0);
    if (!parsed) {
        printError(QStringLiteral("--%1: %2").arg(flag, parsed.error().message));
        return Usage;
    }
    *ms = *parsed / Duration::Millisecond;
    return Ok;
}

// Prints a planning error: the flag that sets the attribute for a run without a workspace, else the place.
int planningError(const Error& error, bool flagsOnly)
{
    QString where = error.where;
    if (flagsOnly) {
        // Name the flag rather than the internal block path.
        const QString attr = where.section(u'.', -1);
        static const QHash<QString, QString> profileFlags = {
            {QStringLiteral("signature_algorithm"), QStringLiteral("--signature-algorithm")},
            {QStringLiteral("key_file"), QStringLiteral("--key-file")},
            {QStringLiteral("key"), QStringLiteral("--key-file")},
            {QStringLiteral("ttl"), QStringLiteral("--jwt-ttl")},
            {QStringLiteral("jwt_signing_profile"), QStringLiteral("--signature-algorithm and --key-file")}};
        if (attributeFlags().contains(attr))
            where = QStringLiteral("--") + flagName(attr);
        else if (where.contains(QStringLiteral("jwt_signing_profile")) && profileFlags.contains(attr))
            where = profileFlags.value(attr);
    }
    if (where == u"retries")
        where = QStringLiteral("--retries");
    printError(where.isEmpty() ? error.message : QStringLiteral("%1: %2").arg(where, error.message));
    return Usage;
}

int buildInvocation(const QCommandLineParser& parser, const QStringList& arguments, Invocation* inv)
{
    ValueResolver resolver;
    for (const QString& pair : parser.values(QStringLiteral("env"))) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            printError(QStringLiteral("--env expects NAME=VALUE, got \"%1\"").arg(pair));
            return Usage;
        }
        const QString name = pair.left(eq);
        if (Redactor::looksLikeSecretName(name) && !pair.mid(eq + 1).isEmpty()) {
            printWarning(QStringLiteral("--env %1 was given a literal value, visible in the process list and the "
                                        "shell history; prefer the environment variable %1 or the keychain "
                                        "(tokenbench-cli secret set %1), or --FLAG env:%1")
                             .arg(name));
        }
        resolver.setOverride(name, pair.mid(eq + 1));
    }

    if (parser.positionalArguments().size() > 1) {
        printError(QStringLiteral("token takes at most one WORKSPACE, got %1 arguments")
                       .arg(parser.positionalArguments().size()));
        return Usage;
    }
    const auto paths = configPaths(parser, arguments, parser.positionalArguments());
    if (!paths)
        return Usage;
    // The configuration as one name for messages (and the keychain's namespace: its first path).
    const QStringList positional =
        paths->isEmpty() ? QStringList() : QStringList{paths->size() == 1 ? paths->constFirst() : paths->join(QStringLiteral(" + "))};
    const bool flagsOnly = paths->isEmpty();
    QMap<QString, Diagnostic> requestReads;

    // The blocks of the run: the workspace's or Couper file's backends, or one backend made of the flags.
    QString workspaceId = SecretStore::defaultWorkspace();
    QList<Block> backends;
    QString baseDir;
    if (!flagsOnly) {
        const auto config = loadConfig(*paths);
        if (!config)
            return Usage;
        workspaceId = config->workspaceId;
        backends = config->backends;
        requestReads = config->requestReads;
        baseDir = config->baseDir;
        // defaults { environment_variables }: the lowest tier, under --env, the environment and the keychain.
        resolver.setDefaultValues(config->defaultEnvironment);
    } else {
        if (parser.isSet(QStringLiteral("backend"))) {
            printError(QStringLiteral("--backend needs a WORKSPACE"));
            return Usage;
        }
        Block cli{BlockType::Backend, QStringLiteral("cli"), {}, {}};
        cli.ensureChild(BlockType::OAuth2);
        backends.append(cli);
    }
    // Which backend and token source: the pipeline's one rule (--backend, --request, else the only one).
    const auto target = chooseTarget(backends, parser.value(QStringLiteral("backend")),
                                     parser.value(QStringLiteral("request")), positional.value(0));
    if (!target) {
        // The rule's "choose one (…)" is made with the flag here.
        QString message = target.error().message;
        message.replace(QStringLiteral("choose one ("), QStringLiteral("choose one with --%1 (").arg(target.error().where));
        printError(message);
        return Usage;
    }
    const bool betaRun = !target->request.isEmpty();
    Block* backendPtr = nullptr;
    for (Block& b : backends) {
        if (b.label == target->backend)
            backendPtr = &b;
    }
    Block& backend = *backendPtr;

    // What the run needs and neither --env nor the environment gives comes from the keychain (env.NAME in
    // the token source unless a flag replaces the attribute, and the flags' env:NAME).
    const bool resourceStep = parser.isSet(QStringLiteral("resource")) ||
                              !backend.attribute(ResourceUrlAttribute).trimmed().isEmpty();
    QList<SecretReference> needed;
    for (const SecretReference& r : neededSecrets(backend, *target, resourceStep)) {
        const bool replacedByFlag = !betaRun && r.block == BlockType::OAuth2 && parser.isSet(flagName(r.attribute)) &&
                                    attributeFlags().contains(r.attribute);
        if (!replacedByFlag)
            needed.append(r);
    }
    if (!betaRun) {
        for (const QString& attr : attributeFlags()) {
            const QString raw = parser.value(flagName(attr));
            if (parser.isSet(flagName(attr)) && raw.startsWith(QStringLiteral("env:")) && raw.size() > 4)
                needed.append(
                    SecretReference{raw.mid(4), {}, {}, attr, QStringLiteral("--%1 %2").arg(flagName(attr), raw)});
        }
    }
    if (const int rc = resolveFromKeychainOrExplain(workspaceId, positional.value(0), needed, &resolver); rc != Ok)
        return rc;

    if (!betaRun) {
        // Flags override (or, without a workspace, define) the oauth2 attributes. Flag values are used as
        // literal values, so they are stored in the block only after resolving env:NAME.
        Block& o = backend.ensureChild(BlockType::OAuth2);
        for (const QString& attr : attributeFlags()) {
            const QString flag = flagName(attr);
            if (!parser.isSet(flag))
                continue;
            QString value, error;
            if (!flagValue(parser, flag, resolver, &value, &error)) {
                printError(error);
                return Usage;
            }
            if (Schema::isSecret(BlockType::OAuth2, attr) && !parser.value(flag).startsWith(QStringLiteral("env:")) &&
                !value.isEmpty()) {
                printWarning(QStringLiteral("--%1 was given literally and is visible in the process list; prefer "
                                            "--%1 env:NAME")
                                 .arg(flag));
            }
            o.attributes.insert(attr, value);
        }
        // Signing-profile flags define (or refine) the nested jwt_signing_profile block.
        if (parser.isSet(QStringLiteral("signature-algorithm")) || parser.isSet(QStringLiteral("key-file")) ||
            parser.isSet(QStringLiteral("kid")) || parser.isSet(QStringLiteral("jwt-ttl"))) {
            Block& profile = o.ensureChild(QStringLiteral("jwt_signing_profile"));
            if (parser.isSet(QStringLiteral("signature-algorithm")))
                profile.setAttribute(QStringLiteral("signature_algorithm"),
                                     parser.value(QStringLiteral("signature-algorithm")));
            if (parser.isSet(QStringLiteral("key-file")))
                profile.setAttribute(QStringLiteral("key_file"),
                                     QFileInfo(parser.value(QStringLiteral("key-file"))).absoluteFilePath());
            if (parser.isSet(QStringLiteral("kid"))) {
                auto headers = parseObjectText(profile.attribute(QStringLiteral("headers")));
                QJsonObject h = headers ? headers.value() : QJsonObject();
                h.insert(QStringLiteral("kid"), parser.value(QStringLiteral("kid")));
                profile.setAttribute(QStringLiteral("headers"),
                                     QString::fromUtf8(QJsonDocument(h).toJson(QJsonDocument::Compact)));
            }
            if (parser.isSet(QStringLiteral("jwt-ttl")))
                profile.setAttribute(QStringLiteral("ttl"), parser.value(QStringLiteral("jwt-ttl")));
            else if (!profile.hasAttribute(QStringLiteral("ttl")))
                profile.setAttribute(QStringLiteral("ttl"), QStringLiteral("60s"));
        }
        if (parser.isSet(QStringLiteral("raw-basic-credentials")))
            o.setAttribute(QStringLiteral("raw_basic_credentials"), QStringLiteral("true"));
        // client_secret_jwt signs with the client secret; without a profile or --signature-algorithm a flag
        // run uses HS256 and says so (a workspace or Couper file must define its jwt_signing_profile, as
        // Couper asks).
        if (flagsOnly && o.attribute(QStringLiteral("token_endpoint_auth_method")) == u"client_secret_jwt" &&
            !o.child(QStringLiteral("jwt_signing_profile"))) {
            Block& profile = o.ensureChild(QStringLiteral("jwt_signing_profile"));
            profile.setAttribute(QStringLiteral("signature_algorithm"), QStringLiteral("HS256"));
            profile.setAttribute(QStringLiteral("ttl"), QStringLiteral("60s"));
            printWarning(QStringLiteral("client_secret_jwt: no --signature-algorithm given, signing the client "
                                        "assertion with HS256"));
        }
        // The grant follows from the flags when none is given: --refresh-token asks for a refresh (also on a
        // workspace's authorization_code or device block), an authorization or device endpoint for that flow.
        if (!parser.isSet(QStringLiteral("grant-type"))) {
            if (parser.isSet(QStringLiteral("refresh-token")))
                o.setAttribute(QStringLiteral("grant_type"), Schema::Grant::RefreshToken);
            else if (flagsOnly && parser.isSet(QStringLiteral("authorization-endpoint")))
                o.setAttribute(QStringLiteral("grant_type"), Schema::Grant::AuthorizationCode);
            else if (flagsOnly && parser.isSet(QStringLiteral("device-authorization-endpoint")))
                o.setAttribute(QStringLiteral("grant_type"), Schema::Grant::DeviceCode);
        }
        if (flagsOnly && !o.hasAttribute(QStringLiteral("grant_type")))
            o.setAttribute(QStringLiteral("grant_type"), Schema::Grant::ClientCredentials);
    }

    // The options a workspace does not hold: deadlines, the resource URL and retries.
    RunOptions options;
    // Relative *_file paths are taken from the configuration file's folder, as Couper does.
    options.baseDir = baseDir;
    options.resourceUrl = parser.value(QStringLiteral("resource"));
    for (const auto& [flag, field] : {std::pair{QStringLiteral("timeout"), &options.totalMs},
                                      std::pair{QStringLiteral("connect-timeout"), &options.connectMs},
                                      std::pair{QStringLiteral("ttfb-timeout"), &options.ttfbMs}}) {
        qint64 ms = 0;
        if (const int rc = parseTimeout(parser, flag, &ms); rc != Ok)
            return rc;
        if (parser.isSet(flag))
            *field = ms;
    }
    if (parser.isSet(QStringLiteral("retries"))) {
        bool ok = false;
        const int n = parser.value(QStringLiteral("retries")).toInt(&ok);
        if (!ok || n < 0 || n > 255) {
            printError(QStringLiteral("--retries expects a whole number from 0 to 255"));
            return Usage;
        }
        options.retries = n;
    }
    if (!betaRun) {
        // --discovery fills what the block lacks, with the token request's deadlines.
        Timeouts discoveryTimeouts; // Couper's defaults, or the token request's flags
        for (const auto& [value, field] : {std::pair{options.totalMs, &discoveryTimeouts.totalMs},
                                           std::pair{options.connectMs, &discoveryTimeouts.connectMs},
                                           std::pair{options.ttfbMs, &discoveryTimeouts.ttfbMs}}) {
            if (value)
                *field = *value;
        }
        if (const int rc = applyDiscovery(parser, backend.ensureChild(BlockType::OAuth2), &inv->discovery,
                                          discoveryTimeouts, &inv->discoveryExchanges);
            rc != Ok)
            return rc;
    }

    if (!betaRun) {
        // The TLS, proxy and modifier flags go into the token backend's block, like every other flag.
        if (const int rc = writeTokenBackendFlags(parser, backend, backends); rc != Ok)
            return rc;
    }

    // Plan, exactly as the GUI does.
    Diagnostics problems;
    auto plan = planRun(backends, *target, resolver, options, &problems);
    for (const Diagnostic& d : std::as_const(problems)) {
        // Notes about what Couper would refuse only when a Couper block is involved (a workspace or Couper
        // file), not for a run defined by flags alone.
        if (d.severity == Diagnostic::Severity::Warning && !(flagsOnly && d.couperCompatibility))
            printWarning(d.path() + QStringLiteral(": ") + d.message);
    }
    if (!plan) {
        // An attribute that reads the client request: name where it is in the file.
        if (const auto at = requestReads.constFind(plan.error().where); at != requestReads.cend()) {
            printError(QStringLiteral("%1:%2:%3: %4").arg(at->file).arg(at->line).arg(at->column).arg(plan.error().message));
            return Usage;
        }
        return planningError(plan.error(), flagsOnly);
    }
    for (const QString& w : std::as_const(plan->warnings))
        printWarning(w);
    inv->plan = plan.value();
    bool ok = false;
    inv->repeat = parser.value(QStringLiteral("repeat")).toInt(&ok);
    if (!ok || inv->repeat < 1) {
        printError(QStringLiteral("--repeat expects a positive whole number"));
        return Usage;
    }
    inv->json = parser.isSet(QStringLiteral("json"));
    inv->reveal = parser.isSet(QStringLiteral("reveal"));
    inv->noBrowser = parser.isSet(QStringLiteral("no-browser"));
    if (parser.isSet(QStringLiteral("browser-timeout"))) {
        const auto parsed = Duration::parseCouper(parser.value(QStringLiteral("browser-timeout")), 0);
        if (!parsed || *parsed <= 0) {
            printError(QStringLiteral("--browser-timeout: %1")
                           .arg(parsed ? QStringLiteral("must be longer than 0s") : parsed.error().message));
            return Usage;
        }
        inv->browserTimeoutMs = *parsed / Duration::Millisecond;
    }
    return Ok;
}

// The interactive steps, on stderr: the authorization URL (opened with xdg-open unless --no-browser),
// the device code and where to enter it.
void connectInteraction(FlowClient& client, bool noBrowser)
{
    QObject::connect(&client, &FlowClient::authorizationUrlReady, &client, [&client, noBrowser](const QUrl& url) {
        const QString redirect = client.authCodeFlow()->redirectUri().toString();
        auto printUrl = [url, redirect](const QString& lead) {
            err() << lead << Qt::endl
                  << QStringLiteral("  ") << url.toString(QUrl::FullyEncoded) << Qt::endl
                  << QStringLiteral("Waiting for the redirect to %1 ...").arg(redirect) << Qt::endl;
            err().flush();
        };
        if (noBrowser) {
            printUrl(QStringLiteral("Open this URL in a browser to sign in:"));
            return;
        }
        auto* opener = new QProcess(&client);
        QObject::connect(opener, &QProcess::errorOccurred, opener, [opener, printUrl](QProcess::ProcessError) {
            printUrl(QStringLiteral("Could not start a browser (xdg-open: %1). Open this URL to sign in:")
                         .arg(opener->errorString()));
            opener->deleteLater();
        });
        QObject::connect(opener, &QProcess::finished, opener, [opener, printUrl](int code, QProcess::ExitStatus st) {
            if (code != 0 || st != QProcess::NormalExit)
                printUrl(QStringLiteral("xdg-open failed (exit %1). Open this URL in a browser to sign in:").arg(code));
            else
                printUrl(QStringLiteral("Opened the browser to sign in at:"));
            opener->deleteLater();
        });
        opener->start(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
    });
    QObject::connect(&client, &FlowClient::deviceAuthorizationReady, &client, [](const DeviceAuthorization& a) {
        // Server text: control characters escaped; the CLI never opens these URIs, and says when one is not
        // a web address a browser should be given.
        using DisplayText::escapeControl;
        err() << QStringLiteral("To sign in, open %1 and enter the code: %2")
                     .arg(escapeControl(a.verificationUri.toString()), escapeControl(a.userCode))
              << Qt::endl;
        if (!a.verificationUriComplete.isEmpty())
            err() << QStringLiteral("  (or open %1)").arg(escapeControl(a.verificationUriComplete.toString()))
                  << Qt::endl;
        for (const QUrl& u : {a.verificationUri, a.verificationUriComplete}) {
            if (!u.isEmpty() && !DeviceFlow::isSafeToOpen(u))
                printWarning(QStringLiteral("%1 is not an https URL (nor http on this machine): do not open it "
                                            "unless you trust it")
                                 .arg(escapeControl(u.toString())));
        }
        err() << QStringLiteral("The code expires in %1 s; polling every %2 s ...")
                     .arg(QDateTime::currentDateTimeUtc().secsTo(a.expiresAt))
                     .arg(a.intervalSeconds)
              << Qt::endl;
        err().flush();
    });
    QObject::connect(client.authCodeFlow(), &AuthCodeFlow::redirectIgnored, &client,
                     [](const QString& reason) { printWarning(reason); });
    QObject::connect(&client, &FlowClient::devicePollAnswered, &client, [](const QString& error, int interval) {
        if (error == u"slow_down") {
            err() << QStringLiteral("The server asked to slow down: polling every %1 s").arg(interval) << Qt::endl;
            err().flush();
        }
    });
}

// The ID token's verification, one line per failed check, on stderr.
void printIdTokenReport(const IdTokenReport& r)
{
    if (!r.checked || r.valid)
        return;
    printError(QStringLiteral("id_token: not verified%1").arg(r.error.isEmpty() ? QString() : QStringLiteral(": ") + r.error));
    if (!r.signature.isEmpty())
        err() << QStringLiteral("  signature: ") << Redactor::redactText(r.signature) << Qt::endl;
    for (const Jwt::ClaimCheck& c : r.checks) {
        if (!c.passed)
            err() << Redactor::redactText(QStringLiteral("  %1: %2").arg(c.name, c.reason)) << Qt::endl;
    }
    err().flush();
}

// --har: writes the exchanges as HAR 1.2 (redacted unless --reveal); false when that failed.
bool writeHar(const Invocation& inv, const QList<Exchange>& exchanges)
{
    if (inv.harPath.isEmpty())
        return true;
    QSaveFile har(inv.harPath);
    // Owner-only (0600), also over an existing file: a trace holds URLs and bodies, with --reveal secrets.
    const bool ok = har.open(QIODevice::WriteOnly) && har.setPermissions(QFile::ReadOwner | QFile::WriteOwner) &&
                    har.write(Export::toHar(inv.discoveryExchanges + exchanges, inv.reveal)) >= 0 && har.commit();
    if (!ok)
        printError(QStringLiteral("--har %1: cannot write: %2").arg(inv.harPath, har.errorString()));
    return ok;
}

// The --json object of a run: the token result, plus what --discovery found and the resource check.
QJsonObject runJson(const Invocation& inv, const TokenResult& token, const std::optional<ResourceResult>& resource)
{
    TokenResult run = token;
    run.exchanges = inv.discoveryExchanges + token.exchanges;
    QJsonObject o = ResultJson::tokenResult(run, inv.reveal);
    if (!inv.discovery.isEmpty())
        o.insert(QStringLiteral("discovery"), inv.discovery);
    if (resource)
        o.insert(QStringLiteral("resource"), resourceJson(*resource, inv.reveal));
    // Every non-zero exit has an `error`: a token that came but whose resource check failed too (exit 3 or 4).
    if (token.ok() && o.value(QStringLiteral("error")).isNull() && resource && resource->attempted && !resource->ok()) {
        const bool unreachable = resource->final.failure != Exchange::Failure::None;
        QJsonObject error;
        error.insert(QStringLiteral("kind"), unreachable ? QStringLiteral("resource_unreachable")
                                                         : QStringLiteral("resource_refused"));
        error.insert(QStringLiteral("exit_code"), unreachable ? Transport : Refused);
        const QString message = QStringLiteral("resource check: %1")
                                    .arg(resource->errorText.isEmpty() ? resource->final.failureText : resource->errorText);
        error.insert(QStringLiteral("message"), inv.reveal ? message : Redactor::redactText(message));
        if (!unreachable)
            error.insert(QStringLiteral("status"), resource->final.status);
        o.insert(QStringLiteral("error"), error);
    }
    return o;
}

// A token whose ID token failed verification is not printed as a usable token (exit 6).
bool idTokenInvalid(const TokenResult& token)
{
    return token.ok() && token.idTokenReport.checked && !token.idTokenReport.valid;
}

// A resource check that did not end on 2xx: the reason on stderr, exit 3 (unreachable) or 4 (answered).
int resourceFailure(const ResourceResult& r)
{
    printError(QStringLiteral("resource check: %1").arg(r.errorText.isEmpty() ? r.final.failureText : r.errorText));
    return r.final.failure != Exchange::Failure::None ? Transport : Refused;
}

// One run (or --repeat runs) of the plan through the pipeline's engine, then one printer for every kind.
int runPlan(const Invocation& inv, NetworkAccessManager* nam)
{
    // Every CLI run asks for a fresh token: no cache to look up or fill.
    RunSession session(nam, nullptr);
    connectInteraction(*session.flowClient(), inv.noBrowser);
    session.flowClient()->setInteractionTimeoutMs(inv.browserTimeoutMs);
    RunResult last;
    int remaining = inv.repeat;
    QObject::connect(&session, &RunSession::finished, &session, [&](const RunResult& r) {
        last = r;
        --remaining;
        if (r.token.ok() && remaining > 0)
            session.start(inv.plan, true);
        else
            QCoreApplication::exit(0);
    });
    session.start(inv.plan, true);
    QCoreApplication::exec();

    TokenResult token = last.token;
    token.exchanges = last.exchanges; // every exchange, in order: token requests and resource calls
    const bool harFailed = !writeHar(inv, token.exchanges);
    if (inv.json)
        out() << QJsonDocument(runJson(inv, token, last.resource)).toJson(QJsonDocument::Indented);
    else if (token.ok() && !idTokenInvalid(token))
        out() << token.response.accessToken << Qt::endl;
    out().flush();
    if (!token.ok()) {
        printError(token.errorText);
        return exitCodeFor(token.status);
    }
    printIdTokenReport(token.idTokenReport);
    // An ID token that fails verification (signature, nonce, aud, iss, ...) is an invalid JWT: exit 6.
    if (idTokenInvalid(token))
        return 6;
    if (harFailed)
        return Usage;
    if (!last.resource)
        return Ok;
    const ResourceResult& r = *last.resource;
    if (!r.note.isEmpty())
        printWarning(r.note);
    if (!r.attempted) {
        printError(QStringLiteral("resource check: %1").arg(r.errorText));
        return Usage;
    }
    if (!r.ok())
        return resourceFailure(r);
    err() << "tokenbench-cli: resource " << r.final.status << " after " << r.resourceRequests << " call(s), "
          << r.tokenRequests << " token request(s)" << Qt::endl;
    return Ok;
}

} // namespace

QString tokenHelp()
{
    QCommandLineParser parser;
    addOptions(parser);
    return parser.helpText();
}

int runToken(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Request a token as Couper's oauth2 block does and print it.\n\n"
                       "Exit codes: 0 token obtained, 2 usage or configuration error, 3 transport failure "
                       "(refused, DNS, TLS, timeout), 4 the server refused, 5 no token in the response, 6 an ID token "
                       "failed verification."));
    addOptions(parser);
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    Invocation inv;
    if (const int rc = buildInvocation(parser, arguments, &inv); rc != Ok)
        return rc;

    NetworkAccessManager nam;
    inv.harPath = parser.value(QStringLiteral("har"));
    return runPlan(inv, &nam);
}

} // namespace Tokenbench::Cli
