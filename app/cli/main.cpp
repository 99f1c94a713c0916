// tokenbench-cli: the headless twin of Tokenbench, for scripts and CI.
#include "checkcommand.h"
#include "clicommon.h"
#include "exportcommand.h"
#include "fmtcommand.h"
#include "importcommand.h"
#include "jwtcommand.h"
#include "secretcommand.h"
#include "tokencommand.h"

#include <sys/resource.h>

#include <QCoreApplication>
#include <QTextStream>

using namespace Tokenbench::Cli;

namespace {

QString usage()
{
    return QStringLiteral(
        "Usage: tokenbench-cli <command> [options]\n"
        "\n"
        "Commands:\n"
        "  token [WORKSPACE --backend NAME] [flags]   request a token and print it (--json for everything)\n"
        "  check CONFIG                               every problem of a .hcl or .tbw file; exit 2 on errors\n"
        "                                             (Couper's -f FILE / -d DIR, repeatable, for several files;\n"
        "                                             also for token and export)\n"
        "  fmt FILE [-w] [--check]                    print FILE in canonical HCL layout (hclwrite's)\n"
        "  jwt decode|verify|sign ...                 inspect, verify (exit 6 when invalid) and sign JWTs\n"
        "  secret set|list|forget [NAME] [--workspace W]\n"
        "                                             keep secrets in the keychain (value of set on stdin)\n"
        "  export CONFIG --format couper|curl|oauth2c|http [--backend NAME] [--request LABEL] [-o FILE]\n"
        "  export --format kyma --application NAME [--tenant T] [--group G]\n"
        "                                             ready-made config, script or resource; secrets as references\n"
        "  import curl|http [FILE]                    a curl command (stdin) or .http request as a Couper backend\n"
        "\n"
        "Options:\n"
        "  -h, --help      show this help (tokenbench-cli <command> --help for a command's flags)\n"
        "  -v, --version   show the version\n"
        "\n"
        "Exit codes: 0 success, 2 usage or configuration error, 3 transport failure\n"
        "(secret: the keychain is unavailable), 4 the server refused, 5 no token in the response.\n");
}

} // namespace

int main(int argc, char** argv)
{
    // No core dumps: they would hold secrets.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tokenbench-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tokenbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENBENCH_VERSION));

    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        err() << usage();
        return Usage;
    }
    const QString command = args.at(1);
    if (command == u"--version" || command == u"-v" || command == u"version") {
        out() << versionText() << Qt::endl;
        return Ok;
    }
    if (command == u"--help" || command == u"-h" || command == u"help") {
        out() << usage();
        return Ok;
    }
    // Hand the command's own arguments (with a program name first) to the command.
    args.removeAt(1);
    args[0] = QStringLiteral("tokenbench-cli ") + command;
    if (command == u"token")
        return runToken(args);
    if (command == u"check")
        return runCheck(args);
    if (command == u"fmt")
        return runFmt(args);
    if (command == u"jwt")
        return runJwt(args);
    if (command == u"secret")
        return runSecret(args);
    if (command == u"export")
        return runExport(args);
    if (command == u"import")
        return runImport(args);
    printError(QStringLiteral("unknown command \"%1\"\n").arg(command) + usage());
    return Usage;
}
