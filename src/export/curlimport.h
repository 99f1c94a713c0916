#pragma once

#include "model/block.h"
#include "net/exchange.h"
#include "util/result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core::Export {

// A request read from a curl command line or a .http file, before it becomes a block.
struct ImportedRequest
{
    QByteArray method; // empty: GET, or POST with a body
    QString url;
    HttpHeaders headers;
    QByteArray body;
    bool bodyIsForm = false;         // -d/--data-urlencode/...: application/x-www-form-urlencoded
    QList<QPair<QString, QString>> multipart; // -F name=value
    QString user;                    // -u user:password
    QString password;
    bool hasUser = false;
    QStringList warnings;            // unknown or unsupported options, what was left out
};

// Reads a curl command as copied from browser devtools ("Copy as cURL (bash)") or documentation:
// quoting, $'...', backslash-newline continuations; -X -H -d --data --data-raw --data-binary
// --data-ascii --data-urlencode -u -F --url -G and the usual harmless flags. Unknown options give a
// warning and are skipped; a command that is not curl, or has no URL, is an error.
Result<ImportedRequest> parseCurlCommand(const QString& command);

// Reads the first request of an HTTP request file (.http / .rest): request line, headers, body.
// {{name}} variables stay as written (they become env.name references).
Result<ImportedRequest> parseHttpFile(const QString& text);

struct ImportResult
{
    Block backend;                              // one backend with an oauth2 or a beta_token_request block
    QList<QPair<QString, QString>> secrets;     // (variable name, value) moved out of the command
    QStringList warnings;
    bool oauth2 = false;
};

// Turns the request into a backend named `label`: an oauth2 block when the body carries grant_type
// (grant, client authentication from -u / Authorization: Basic / body credentials, scope), else a
// beta_token_request. Literal secrets become env.NAME references (their values in `secrets`).
Result<ImportResult> importRequest(const ImportedRequest& request, const QString& label = QStringLiteral("imported"));

} // namespace Tokenbench::Core::Export
