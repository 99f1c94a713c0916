#include "secretcommand.h"

#include "clicommon.h"

#include "model/valueresolver.h"
#include "model/couperconfig.h"
#include "model/workspacefile.h"
#include "secrets/secretresolution.h"
#include "secrets/secretstore.h"
#include "util/boundedread.h"
#include "util/securebytes.h"

#include <cstdio>

#include <openssl/crypto.h>
#include <termios.h>
#include <unistd.h>

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace Tokenbench::Cli {

using namespace Tokenbench::Core;

namespace {

enum SecretExit {
    KeychainUnavailable = 3,
};

constexpr std::chrono::milliseconds CliRetryDelay{500};

void addOptions(QCommandLineParser& parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("set, list or forget."));
    parser.addPositionalArgument(QStringLiteral("NAME"),
                                 QStringLiteral("The secret's name: the NAME of env.NAME references (letters, digits, "
                                                "'_'; not starting with a digit)."),
                                 QStringLiteral("[NAME]"));
    parser.addOption({QStringLiteral("workspace"),
                      QStringLiteral("The workspace whose keychain entries are meant: a workspace file (.tbw; its "
                                     "\"id\", or an id derived from its path when it has none), a Couper file "
                                     "(.hcl; an id derived from its path, as `token FILE.hcl` and the GUI use) or a "
                                     "workspace id. "
                                     "Without it: the \"default\" namespace, which `token` uses for --FLAG env:NAME "
                                     "values when no WORKSPACE is given."),
                      QStringLiteral("W")});
    parser.addOption({QStringLiteral("all"), QStringLiteral("forget: remove every secret of --workspace.")});
}

QString description()
{
    return QStringLiteral(
        "Keep secrets in the operating system's keychain (Secret Service), never in files.\n"
        "\n"
        "  secret set NAME [--workspace W]       store the value read from standard input (one trailing\n"
        "                                        newline is removed; typed at a terminal, it is not echoed)\n"
        "  secret list [--workspace W]           print the stored names (never values)\n"
        "  secret forget NAME [--workspace W]    remove one secret\n"
        "  secret forget --all --workspace W     remove every secret of a workspace\n"
        "\n"
        "`token` resolves env.NAME (and --FLAG env:NAME) from --env NAME=VALUE, then the environment, then\n"
        "the keychain entry NAME of the workspace (of the \"default\" namespace without a WORKSPACE).\n"
        "\n"
        "Exit codes: 0 success, 2 usage error, 3 the keychain is unavailable (start a Secret Service such as\n"
        "gnome-keyring-daemon, or unlock the keyring) or failed.");
}

bool isTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

// The value from standard input, with one trailing newline (\n or \r\n) removed. At a terminal it is
// read as one line with echo off. Piped input is read up to FileLimits::SecretValue bytes; false (and
// an error printed) beyond that.
bool readValue(const QString& name, SecureBytes* value)
{
    QByteArray bytes;
    if (isTerminal()) {
        err() << "Value for " << name << " (not shown): " << Qt::flush;
        termios old{};
        const bool haveTerm = ::tcgetattr(STDIN_FILENO, &old) == 0;
        if (haveTerm) {
            termios quiet = old;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly | QIODevice::Unbuffered))
            bytes = in.readLine();
        if (haveTerm)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        err() << Qt::endl;
    } else {
        auto read = readStdinLimited(FileLimits::SecretValue, QStringLiteral("secret value"));
        if (!read) {
            printError(QStringLiteral("%1: %2").arg(read.error().where, read.error().message));
            return false;
        }
        bytes = std::move(read).value();
    }
    qsizetype size = bytes.size();
    if (size > 0 && bytes.at(size - 1) == '\n') {
        --size;
        if (size > 0 && bytes.at(size - 1) == '\r')
            --size;
    }
    *value = SecureBytes{QByteArrayView(bytes.constData(), size)};
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
    return true;
}

int exitFor(const SecretStore::Result& r)
{
    if (r.ok() || r.status == SecretStore::Status::NotFound)
        return Ok;
    if (r.status == SecretStore::Status::InvalidArgument)
        return Usage;
    return KeychainUnavailable;
}

void printKeychainError(const SecretStore& store, const QString& what, const SecretStore::Result& r)
{
    printError(QStringLiteral("%1: %2").arg(what, r.errorText));
    const QString advice = SecretStore::adviceFor(store.availability());
    if (!advice.isEmpty() && store.availability() != SecretStore::Availability::Unknown)
        err() << advice << Qt::endl;
}

// Runs one store operation to completion in a local event loop.
template<typename Start>
SecretStore::Result wait(Start start)
{
    QEventLoop loop;
    SecretStore::Result result;
    start(&loop, [&](const SecretStore::Result& r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

SecretStore::BatchResult waitBatch(SecretStore& store, const QString& workspaceId)
{
    QEventLoop loop;
    SecretStore::BatchResult result;
    store.forgetAll(workspaceId, &loop, [&](const SecretStore::BatchResult& r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace

bool workspaceIdFor(const QString& workspace, QString* id)
{
    if (workspace.isEmpty()) {
        *id = SecretStore::defaultWorkspace();
        return true;
    }
    const QFileInfo info(workspace);
    if (info.exists() && Hcl::isHclFile(workspace)) {
        // A Couper file's secrets live in the namespace derived from its path, the one `token couper.hcl`
        // and the GUI use (a Couper file has no id of its own).
        *id = WorkspaceFile::idForPath(workspace);
        return true;
    }
    if (info.exists()) {
        auto loaded = WorkspaceFile::load(workspace);
        if (!loaded) {
            printError(QStringLiteral("%1: %2").arg(loaded.error().where, loaded.error().message));
            return false;
        }
        *id = loaded->id;
        return true;
    }
    if (workspace.contains(u'/') || workspace.endsWith(QStringLiteral(".tbw")) || Hcl::isHclFile(workspace)) {
        printError(QStringLiteral("%1: the workspace file does not exist").arg(workspace));
        return false;
    }
    if (!SecretStore::isValidWorkspaceId(workspace)) {
        printError(QStringLiteral("--workspace \"%1\" is neither a workspace file nor a workspace id").arg(workspace));
        return false;
    }
    *id = workspace;
    return true;
}

QString secretHelp()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    addOptions(parser);
    return parser.helpText();
}

int runSecret(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    addOptions(parser);
    if (const auto done = parseCommandLine(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        printError(QStringLiteral("secret needs an action: set, list or forget\n") + parser.helpText());
        return Usage;
    }
    const QString action = positional.constFirst();
    const QString name = positional.value(1);
    const bool all = parser.isSet(QStringLiteral("all"));
    if (positional.size() > 2) {
        printError(QStringLiteral("secret %1 takes at most one NAME; the value is read from standard input, never "
                                  "from the command line")
                       .arg(action));
        return Usage;
    }
    const bool needsName = action == u"set" || (action == u"forget" && !all);
    if (action != u"set" && action != u"list" && action != u"forget") {
        printError(QStringLiteral("unknown secret action \"%1\" (set, list or forget)").arg(action));
        return Usage;
    }
    if (needsName && name.isEmpty()) {
        printError(QStringLiteral("secret %1 needs a NAME").arg(action));
        return Usage;
    }
    if (!needsName && !name.isEmpty()) {
        printError(action == u"list" ? QStringLiteral("secret list takes no NAME")
                                     : QStringLiteral("secret forget --all takes no NAME"));
        return Usage;
    }
    if (all && action != u"forget") {
        printError(QStringLiteral("--all is for secret forget"));
        return Usage;
    }
    if (all && !parser.isSet(QStringLiteral("workspace"))) {
        printError(QStringLiteral("secret forget --all needs --workspace W (which workspace's secrets to remove)"));
        return Usage;
    }
    if (needsName && !SecretStore::isValidName(name)) {
        printError(QStringLiteral("\"%1\" is not a valid secret name: use letters, digits and '_', not starting "
                                  "with a digit (it is the NAME of env.NAME)")
                       .arg(name));
        return Usage;
    }
    QString workspaceId;
    if (!workspaceIdFor(parser.value(QStringLiteral("workspace")), &workspaceId))
        return Usage;

    SecretStore store;
    store.setRetryDelay(CliRetryDelay);

    if (action == u"list") {
        const QStringList names = store.list(workspaceId);
        for (const QString& n : names)
            out() << n << Qt::endl;
        if (names.isEmpty())
            err() << "tokenbench-cli: no secrets stored for workspace " << workspaceId << Qt::endl;
        return Ok;
    }

    if (action == u"set") {
        SecureBytes value;
        if (!readValue(name, &value))
            return Usage;
        if (value.isEmpty()) {
            printError(QStringLiteral("refusing to store an empty value for %1 (the value is read from standard "
                                      "input, e.g. printf %s \"$VALUE\" | tokenbench-cli secret set %1)")
                           .arg(name));
            return Usage;
        }
        const auto r = wait([&](QObject* ctx, SecretStore::Callback done) {
            store.write(workspaceId, name, value, ctx, std::move(done));
        });
        if (!r.ok()) {
            printKeychainError(store, QStringLiteral("could not store %1").arg(name), r);
            return exitFor(r);
        }
        err() << "tokenbench-cli: stored " << name << " in the keychain (workspace " << workspaceId << ")"
              << Qt::endl;
        return Ok;
    }

    // forget
    if (all) {
        const QStringList names = store.list(workspaceId);
        const auto batch = waitBatch(store, workspaceId);
        if (!batch.ok()) {
            for (const SecretStore::Result& r : batch.errors)
                printError(QStringLiteral("could not remove %1: %2").arg(r.name, r.errorText));
            const QString advice = SecretStore::adviceFor(store.availability());
            if (!advice.isEmpty() && store.availability() != SecretStore::Availability::Unknown)
                err() << advice << Qt::endl;
            return exitFor(batch.errors.constFirst());
        }
        err() << "tokenbench-cli: removed " << names.size() << " secret(s) of workspace " << workspaceId << Qt::endl;
        return Ok;
    }
    const bool known = store.list(workspaceId).contains(name);
    const auto r = wait([&](QObject* ctx, SecretStore::Callback done) {
        store.remove(workspaceId, name, ctx, std::move(done));
    });
    if (!r.ok() && r.status != SecretStore::Status::NotFound) {
        printKeychainError(store, QStringLiteral("could not remove %1").arg(name), r);
        return exitFor(r);
    }
    if (!known)
        err() << "tokenbench-cli: " << name << " was not in the index of workspace " << workspaceId
              << " (removed from the keychain if it was there)" << Qt::endl;
    return Ok;
}

int resolveFromKeychainOrExplain(const QString& workspaceId, const QString& workspaceHint,
                                 const QList<SecretReference>& references, ValueResolver* resolver)
{
    if (unresolvedReferences(references, *resolver).isEmpty())
        return Ok; // everything comes from --env or the environment: the keychain is not asked
    SecretStore store;
    store.setRetryDelay(CliRetryDelay);
    QEventLoop loop;
    KeychainResolution resolution;
    resolveFromKeychain(&store, workspaceId, references, resolver, &loop, [&](const KeychainResolution& r) {
        resolution = r;
        loop.quit();
    });
    loop.exec();
    if (resolution.ok())
        return Ok;
    for (const QString& line : resolution.messages())
        printError(line);
    if (SecretStore::isUnavailable(resolution.keychainStatus)) {
        err() << SecretStore::adviceFor(store.availability()) << Qt::endl;
    } else {
        QStringList names;
        for (const SecretReference& r : resolution.missing)
            names << r.variable;
        names.removeDuplicates();
        const QString where = workspaceHint.isEmpty() ? QString() : QStringLiteral(" --workspace ") + workspaceHint;
        err() << "Pass it with --env NAME=VALUE or the environment, or store it in the keychain: "
              << "tokenbench-cli secret set " << names.constFirst() << where << " (value on standard input)"
              << Qt::endl;
    }
    return Usage;
}

} // namespace Tokenbench::Cli
