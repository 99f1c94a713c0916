#include "export/curlexporter.h"

#include "export/betaplan.h"

#include "export/shellwords.h"
#include "export/tokenplan.h"
#include "jwt/clientassertion.h"
#include "jwt/gojson.h"
#include "model/schema.h"
#include "net/formencoding.h"

namespace Tokenbench::Core::Export {

namespace {

using Shell::quote;

// A shell word for a value: '...' for a literal, "$NAME" for a variable.
QString word(const ExportValue& v)
{
    return v.isVariable() ? QStringLiteral("\"$%1\"").arg(v.variable) : quote(v.literal);
}

// The form-encoded value as a shell word: encoded now for literals, by form_escape when it runs for
// variables.
QString encodedWord(const ExportValue& v)
{
    return v.isVariable() ? QStringLiteral("\"$(form_escape \"$%1\")\"").arg(v.variable)
                          : quote(QString::fromLatin1(Form::escape(v.literal)));
}

// Go JSON text with placeholders replaced by shell expansions, as one shell word.
QString jsonWord(const QByteArray& json, const QList<QPair<QByteArray, QString>>& placeholders)
{
    QString s;
    QByteArray rest = json;
    while (!rest.isEmpty()) {
        qsizetype best = -1;
        int which = -1;
        for (int i = 0; i < placeholders.size(); ++i) {
            const qsizetype at = rest.indexOf(placeholders.at(i).first);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
                which = i;
            }
        }
        if (best < 0) {
            s += quote(QString::fromUtf8(rest));
            break;
        }
        if (best > 0)
            s += quote(QString::fromUtf8(rest.left(best)));
        s += placeholders.at(which).second;
        rest = rest.mid(best + placeholders.at(which).first.size());
    }
    return s;
}

const char* const Helpers =
    "# Go's url.QueryEscape, as Couper (and Tokenbench) encode form values and Basic credentials.\n"
    "form_escape() {\n"
    "  printf '%s' \"$1\" | od -An -v -tx1 | tr -s ' \\n' '\\n\\n' | while read -r h; do\n"
    "    case $h in\n"
    "      '') ;;\n"
    "      3[0-9]|4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]|2d|2e|5f|7e) printf \"\\\\$(printf '%03o' \"0x$h\")\" ;;\n"
    "      20) printf '+' ;;\n"
    "      *) printf '%%%s' \"$(printf '%s' \"$h\" | tr 'a-f' 'A-F')\" ;;\n"
    "    esac\n"
    "  done\n"
    "}\n"
    "b64() {\n"
    "  if command -v openssl >/dev/null 2>&1; then openssl base64 -A; else base64 | tr -d '\\n'; fi\n"
    "}\n";

const char* const JwtHelpers =
    "b64url() { b64 | tr '+/' '-_' | tr -d '='; }\n"
    "json_escape() { printf '%s' \"$1\" | sed 's/\\\\/\\\\\\\\/g; s/\"/\\\\\"/g'; }\n"
    "hex_to_bin() {\n"
    "  h=$1\n"
    "  while [ -n \"$h\" ]; do\n"
    "    b=${h%\"${h#??}\"}; h=${h#??}\n"
    "    printf \"\\\\$(printf '%03o' \"0x$b\")\"\n"
    "  done\n"
    "}\n"
    "# ECDSA: openssl writes a DER sequence of r and s; JWS wants r || s, each of fixed size.\n"
    "der_to_jose() {\n"
    "  openssl asn1parse -inform DER | sed -n 's/.*INTEGER *:\\([0-9A-Fa-f]*\\).*/\\1/p' | while read -r int; do\n"
    "    while [ ${#int} -gt $(($1 * 2)) ]; do int=${int#??}; done\n"
    "    while [ ${#int} -lt $(($1 * 2)) ]; do int=0$int; done\n"
    "    hex_to_bin \"$int\"\n"
    "  done\n"
    "}\n";

// RESOURCE_URL as a double-quoted default ("${RESOURCE_URL-...}").
QString resourceDefault(const QString& url)
{
    return QString(url)
        .replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'$', QStringLiteral("\\$"))
        .replace(u'`', QStringLiteral("\\`"));
}

// The end of every script: with RESOURCE_URL set, call it with the token, print its reply and fail unless it
// answered 2xx; else print the token.
const char* const ResourceStep =
    "if [ -n \"$RESOURCE_URL\" ]; then\n"
    "  printf 'Authorization: Bearer %s\\n' \"$token\" > \"$tmp/resource-headers\"\n"
    "  resource_status=$(curl -sS -H @\"$tmp/resource-headers\" -o \"$tmp/resource\" -w '%{http_code}' \"$RESOURCE_URL\") || exit 3\n"
    "  cat \"$tmp/resource\"\n"
    "  case $resource_status in\n"
    "    2[0-9][0-9]) ;;\n"
    "    *) echo \"resource $RESOURCE_URL answered HTTP $resource_status\" >&2; exit 4 ;;\n"
    "  esac\n"
    "else\n"
    "  printf '%s\\n' \"$token\"\n"
    "fi\n";

const char* const UrlHelper =
    "# Percent-encoding of a query parameter value (%20 for spaces), as Couper re-encodes query_params.\n"
    "url_escape() { form_escape \"$1\" | sed 's/+/%20/g'; }\n";

// A script string as one shell word: literal parts single-quoted, variables expanded.
QString word(const ScriptString& s)
{
    if (s.parts.isEmpty())
        return QStringLiteral("''");
    QString w;
    for (const ScriptPart& p : s.parts) {
        if (p.variable.isEmpty())
            w += quote(p.text);
        else if (p.urlEncoded)
            w += QStringLiteral("\"$(url_escape \"$%1\")\"").arg(p.variable);
        else
            w += QStringLiteral("\"$%1\"").arg(p.variable);
    }
    return w;
}

Result<ExportOutput> exportBeta(const ExportInput& input, ExportOutput out)
{
    auto planned = planBetaTokenRequest(input, QStringLiteral("curl"), &out);
    if (!planned)
        return planned.error();
    const BetaPlan& plan = planned.value();
    const bool jq = plan.token.kind == TokenExtraction::Kind::JsonPath;

    QString s = QStringLiteral("#!/bin/sh\n");
    s += QStringLiteral("# Generated by Tokenbench: beta_token_request \"%1\" of backend \"%2\" as Couper sends it, and "
                        "its token\n# (%3).\n")
             .arg(plan.label, plan.backend, plan.tokenExpression);
    s += QStringLiteral("# Needs: curl, od, sed, tr%1.\n").arg(jq ? QStringLiteral(", jq") : QStringLiteral(", awk"));
    s += QStringLiteral("# Prints the token, or with RESOURCE_URL set calls it with the token (Authorization: Bearer) and "
                        "prints the response.\n");
    s += QStringLiteral("# Exit codes: 2 a variable is not set or a tool is missing, 3 transport failure, 4 the server "
                        "refused (token request or resource), 5 no token.\n");
    s += QStringLiteral("set -eu\n\n");
    for (const Variable& v : std::as_const(out.variables))
        s += QStringLiteral("if [ -z \"${%1+set}\" ]; then echo \"set %1 (%2)\" >&2; exit 2; fi\n").arg(v.name, v.usedFor);
    if (jq) {
        s += QStringLiteral("if ! command -v jq >/dev/null 2>&1; then\n"
                            "  echo \"this script needs jq to read the token (%1) from the JSON response: install jq "
                            "(https://jqlang.github.io/jq/) and run it again\" >&2\n"
                            "  exit 2\n"
                            "fi\n")
                 .arg(QString(plan.tokenExpression).replace(u'\n', u' ').replace(u'"', u'\'').replace(u'$', QStringLiteral("\\$")).replace(u'`', u'\''));
    }
    s += QStringLiteral("\nTOKEN_URL=%1\n").arg(word(plan.url));
    s += QStringLiteral("RESOURCE_URL=\"${RESOURCE_URL-%1}\"\n\n").arg(resourceDefault(plan.resourceUrl));
    s += QString::fromLatin1(Helpers);
    s += QString::fromLatin1(UrlHelper);
    if (plan.body == BetaPlan::Body::Json)
        s += QStringLiteral("json_escape() { printf '%s' \"$1\" | sed 's/\\\\/\\\\\\\\/g; s/\"/\\\\\"/g'; }\n");
    s += QStringLiteral("\numask 077\ntmp=$(mktemp -d)\ntrap 'rm -rf \"$tmp\"' EXIT\n\n");

    s += QStringLiteral("# Headers go through a private file, so no secret shows in the process list.\n{\n");
    for (const ScriptField& h : plan.headers) {
        if (h.value.isLiteral())
            s += QStringLiteral("  printf '%s\\n' %1\n").arg(quote(h.key + QStringLiteral(": ") + h.value.literal()));
        else
            s += QStringLiteral("  printf '%s: %s\\n' %1 \"$(printf '%s' %2 | tr -d '\\r\\n')\"\n").arg(quote(h.key), word(h.value));
    }
    s += QStringLiteral("} > \"$tmp/headers\"\n\n");

    QString data;
    switch (plan.body) {
    case BetaPlan::Body::None:
        break;
    case BetaPlan::Body::Form: {
        s += QStringLiteral("# form_body: fields sorted by name, values form-encoded.\n");
        QStringList parts;
        for (const ScriptField& f : plan.form) {
            const QString key = QString::fromLatin1(Form::escape(f.key));
            parts << quote(key + u'=') + (f.value.isLiteral() ? quote(QString::fromLatin1(Form::escape(f.value.literal())))
                                                              : QStringLiteral("\"$(form_escape %1)\"").arg(word(f.value)));
        }
        s += QStringLiteral("printf '%s' ") + (parts.isEmpty() ? QStringLiteral("''") : parts.join(QStringLiteral("'&'"))) +
             QStringLiteral(" > \"$tmp/body\"\n");
        data = QStringLiteral(" --data-binary @\"$tmp/body\"");
        break;
    }
    case BetaPlan::Body::Json: {
        s += QStringLiteral("# json_body as Couper encodes it (keys sorted).\n");
        QList<QPair<QByteArray, QString>> placeholders;
        for (const auto& [placeholder, value] : plan.jsonPlaceholders)
            placeholders.append({placeholder.toUtf8(),
                                 quote(QStringLiteral("\"")) + QStringLiteral("\"$(json_escape %1)\"").arg(word(value)) +
                                     quote(QStringLiteral("\""))});
        s += QStringLiteral("printf '%s' %1 > \"$tmp/body\"\n").arg(jsonWord(plan.jsonText.toUtf8(), placeholders));
        data = QStringLiteral(" --data-binary @\"$tmp/body\"");
        break;
    }
    case BetaPlan::Body::Text:
        s += QStringLiteral("printf '%s' %1 > \"$tmp/body\"\n").arg(word(plan.text));
        data = QStringLiteral(" --data-binary @\"$tmp/body\"");
        break;
    }
    s += QStringLiteral("\nstatus=$(curl -sS -X %1 -H @\"$tmp/headers\"%2 -D \"$tmp/response-headers\" \\\n"
                        "  -o \"$tmp/response\" -w '%{http_code}' \"$TOKEN_URL\") || exit 3\n")
             .arg(plan.method, data);
    if (!plan.expectedStatus.isEmpty()) {
        QStringList codes;
        for (int c : plan.expectedStatus)
            codes << QString::number(c);
        s += QStringLiteral("case \" %1 \" in\n"
                            "  *\" $status \"*) ;;\n"
                            "  *) echo \"token request answered HTTP $status (expected_status: %2)\" >&2\n"
                            "     cat \"$tmp/response\" >&2; echo >&2; exit 4 ;;\n"
                            "esac\n")
                 .arg(codes.join(u' '), codes.join(QStringLiteral(", ")));
    }
    s += QStringLiteral("# token = %1\n").arg(QString(plan.tokenExpression).replace(u'\n', u' '));
    switch (plan.token.kind) {
    case TokenExtraction::Kind::JsonPath:
        s += QStringLiteral("token=$(jq -r %1 < \"$tmp/response\" 2>/dev/null) || token=\n")
                 .arg(quote(plan.token.jqPath + QStringLiteral(" | if type == \"string\" then . else empty end")));
        break;
    case TokenExtraction::Kind::Body:
        s += QStringLiteral("token=$(cat \"$tmp/response\")\n");
        break;
    case TokenExtraction::Kind::TrimmedBody:
        s += QStringLiteral("token=$(cat \"$tmp/response\")\n"
                            "token=${token#\"${token%%[![:space:]]*}\"}\n"
                            "token=${token%\"${token##*[![:space:]]}\"}\n");
        break;
    case TokenExtraction::Kind::Header:
        s += QStringLiteral("token=$(tr -d '\\r' < \"$tmp/response-headers\" |\n"
                            "  awk -F: -v n=%1 'tolower($1) == n { sub(/^[^:]*:[ \\t]*/, \"\"); print; exit }')\n")
                 .arg(quote(plan.token.name));
        break;
    case TokenExtraction::Kind::Cookie:
        s += QStringLiteral("token=$(tr -d '\\r' < \"$tmp/response-headers\" |\n"
                            "  awk -F: -v n=%1 'tolower($1) == \"set-cookie\" { sub(/^[^:]*:[ \\t]*/, \"\"); split($0, kv, \";\");\n"
                            "    eq = index(kv[1], \"=\"); if (eq > 0 && substr(kv[1], 1, eq - 1) == n) v = substr(kv[1], eq + 1) }\n"
                            "    END { if (v != \"\") print v }')\n")
                 .arg(quote(plan.token.name));
        break;
    }
    s += QStringLiteral("if [ -z \"$token\" ]; then\n"
                        "  echo \"no token: %1 found nothing in the response (HTTP $status)\" >&2\n"
                        "  exit 5\n"
                        "fi\n\n")
             .arg(QString(plan.tokenExpression).replace(u'\n', u' ').replace(u'"', u'\'').replace(u'$', QStringLiteral("\\$")).replace(u'`', u'\''));
    s += QString::fromLatin1(ResourceStep);
    out.text = s;
    return out;
}

} // namespace

Result<ExportOutput> CurlExporter::exportBackend(const ExportInput& input) const
{
    ExportOutput out;
    out.language = language();
    if (exportsBetaTokenRequest(input))
        return exportBeta(input, out);
    auto planned = planTokenRequest(input, QStringLiteral("curl"), &out);
    if (!planned)
        return planned.error();
    const TokenPlan& plan = planned.value();

    QString s = QStringLiteral("#!/bin/sh\n");
    s += QStringLiteral("# Generated by Tokenbench: the token request of backend \"%1\" (%2, %3) exactly as Tokenbench "
                        "sends it.\n")
             .arg(plan.backend, plan.grant, plan.grant == Schema::Grant::JwtBearer ? QStringLiteral("no client authentication") : plan.method);
    s += QStringLiteral("# Needs: curl, od, sed, tr%1.\n").arg(plan.signs ? QStringLiteral(", openssl") : QString());
    s += QStringLiteral("# Prints the access token, or with RESOURCE_URL set calls it with the token and prints the "
                        "response (exit 4 unless it answers 2xx).\n");
    s += QStringLiteral("# Exit codes: 2 a variable is not set, 3 transport failure, 4 the server refused, 5 no token.\n");
    s += QStringLiteral("set -eu\n\n");

    // Every variable must be set (empty is allowed; unset is a mistake worth a clear message).
    for (const Variable& v : std::as_const(out.variables)) {
        s += QStringLiteral("if [ -z \"${%1+set}\" ]; then echo \"set %1 (%2)\" >&2; exit 2; fi\n").arg(v.name, v.usedFor);
    }
    if (!out.variables.isEmpty())
        s += u'\n';
    s += QStringLiteral("TOKEN_ENDPOINT=%1\n").arg(word(plan.endpoint));
    s += QStringLiteral("RESOURCE_URL=\"${RESOURCE_URL-%1}\"\n\n").arg(resourceDefault(plan.resourceUrl));
    s += QString::fromLatin1(Helpers);
    if (plan.signs)
        s += QString::fromLatin1(JwtHelpers);
    s += QStringLiteral("\numask 077\ntmp=$(mktemp -d)\ntrap 'rm -rf \"$tmp\"' EXIT\n\n");

    if (plan.signs) {
        const QString alg = plan.algorithm;
        const QString bits = alg.mid(2);
        QString sign;
        const bool hmac = alg.startsWith(QStringLiteral("HS"));
        if (hmac) {
            sign = QStringLiteral("openssl dgst -sha%1 -mac HMAC -macopt key:%2 -binary \"$tmp/signing-input\"").arg(bits, word(plan.key));
        } else {
            if (plan.keyFile.isEmpty() && plan.key.isEmpty())
                return Error{Error::Code::Usage, QStringLiteral("jwt_signing_profile needs key or key_file"),
                             plan.backend + QStringLiteral(".oauth2.jwt_signing_profile")};
            if (!plan.keyFile.isEmpty()) {
                s += QStringLiteral("KEY_FILE=%1\n").arg(word(plan.keyFile));
            } else {
                s += QStringLiteral("KEY_FILE=\"$tmp/key.pem\"\nprintf '%s\\n' %1 > \"$KEY_FILE\"\n").arg(word(plan.key));
            }
            if (alg.startsWith(QStringLiteral("RS")))
                sign = QStringLiteral("openssl dgst -sha%1 -sign \"$KEY_FILE\" -binary \"$tmp/signing-input\"").arg(bits);
            else if (alg.startsWith(QStringLiteral("PS")))
                sign = QStringLiteral("openssl dgst -sha%1 -sign \"$KEY_FILE\" -sigopt rsa_padding_mode:pss -sigopt "
                                      "rsa_pss_saltlen:digest -binary \"$tmp/signing-input\"")
                           .arg(bits);
            else if (alg.startsWith(QStringLiteral("ES")))
                sign = QStringLiteral("openssl dgst -sha%1 -sign \"$KEY_FILE\" -binary \"$tmp/signing-input\" | der_to_jose %2")
                           .arg(bits, bits == u"512" ? QStringLiteral("66") : QString::number(bits.toInt() / 8));
            else if (alg == u"EdDSA")
                sign = QStringLiteral("openssl pkeyutl -sign -inkey \"$KEY_FILE\" -rawin -in \"$tmp/signing-input\"");
            else
                return Error{Error::Code::Usage,
                             QStringLiteral("signature_algorithm \"%1\" is not supported by the curl export").arg(alg),
                             plan.backend + QStringLiteral(".oauth2.jwt_signing_profile.signature_algorithm")};
        }
        QJsonObject header = plan.headers;
        if (!header.contains(QLatin1String("typ")))
            header.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
        header.insert(QStringLiteral("alg"), alg);
        // The claim set of jwt/clientassertion (or of the jwt-bearer grant) with placeholders for what the script
        // knows only when it runs.
        QList<QPair<QByteArray, QString>> placeholders;
        placeholders.append({QByteArrayLiteral("\"@@TB_EXP@@\""), QStringLiteral("\"$exp\"")});
        const QString exp = QStringLiteral("@@TB_EXP@@");
        QJsonObject claims = Jwt::SigningProfile::jwtBearerClaimsTemplate(plan.claims, exp);
        if (plan.clientAssertion) {
            const QString id = plan.clientId.isVariable() ? QStringLiteral("@@TB_CLIENT_ID@@") : plan.clientId.literal;
            const QString aud = plan.endpoint.isVariable() ? QStringLiteral("@@TB_AUD@@") : plan.endpoint.literal;
            claims = Jwt::ClientAssertion::claimsTemplate(plan.claims, id, aud, QStringLiteral("@@TB_IAT@@"), exp,
                                                          QStringLiteral("@@TB_JTI@@"));
            placeholders.append({QByteArrayLiteral("\"@@TB_IAT@@\""), QStringLiteral("\"$now\"")});
            placeholders.append({QByteArrayLiteral("@@TB_JTI@@"), QStringLiteral("\"$jti\"")});
            if (plan.clientId.isVariable())
                placeholders.append({QByteArrayLiteral("@@TB_CLIENT_ID@@"),
                                     QStringLiteral("\"$(json_escape \"$%1\")\"").arg(plan.clientId.variable)});
            if (plan.endpoint.isVariable())
                placeholders.append({QByteArrayLiteral("@@TB_AUD@@"), QStringLiteral("\"$(json_escape \"$TOKEN_ENDPOINT\")\"")});
        }
        s += QStringLiteral("# The %1 (%2), signed as Tokenbench and Couper sign it.\n")
                 .arg(plan.clientAssertion ? QStringLiteral("client assertion") : QStringLiteral("jwt-bearer assertion"), alg);
        if (hmac)
            s += QStringLiteral("# Note: openssl receives the HMAC key as an argument.\n");
        s += QStringLiteral("now=$(date +%s)\nexp=$((now + %1))\n").arg(plan.ttlSeconds);
        if (plan.clientAssertion)
            s += QStringLiteral("jti=client_assertion-$(openssl rand -hex 10)\n");
        s += QStringLiteral("header=%1\n").arg(quote(QString::fromUtf8(Jwt::encodeGoJson(header))));
        s += QStringLiteral("claims=%1\n").arg(jsonWord(Jwt::encodeGoJson(claims), placeholders));
        s += QStringLiteral("signing_input=\"$(printf '%s' \"$header\" | b64url).$(printf '%s' \"$claims\" | b64url)\"\n");
        s += QStringLiteral("printf '%s' \"$signing_input\" > \"$tmp/signing-input\"\n");
        s += QStringLiteral("signature=$(%1 | b64url)\n").arg(sign);
        s += QStringLiteral("assertion=\"$signing_input.$signature\"\n\n");
    }

    s += QStringLiteral("# Headers go through a private file, so no secret shows in the process list.\n{\n");
    s += QStringLiteral("  printf 'Accept: application/json\\n'\n");
    s += QStringLiteral("  printf 'Content-Type: application/x-www-form-urlencoded\\n'\n");
    if (plan.basic && plan.rawBasic) {
        s += QStringLiteral("  # client_secret_basic, raw_basic_credentials: base64 of client_id \":\" client_secret as they are\n");
        s += QStringLiteral("  printf 'Authorization: Basic %s\\n' \"$(printf '%s:%s' %1 %2 | b64)\"\n")
                 .arg(word(plan.clientId), word(plan.clientSecret));
    } else if (plan.basic) {
        s += QStringLiteral("  # client_secret_basic: base64 of form-encoded client_id \":\" form-encoded client_secret\n");
        s += QStringLiteral("  printf 'Authorization: Basic %s\\n' \"$(printf '%s:%s' %1 %2 | b64)\"\n")
                 .arg(encodedWord(plan.clientId), encodedWord(plan.clientSecret));
    }
    s += QStringLiteral("} > \"$tmp/headers\"\n\n");

    s += QStringLiteral("# The form body: fields sorted by name, values form-encoded.\nbody=");
    QStringList parts;
    for (const FormPart& f : plan.fields) {
        const QString key = QString::fromLatin1(Form::escape(f.key));
        if (f.computed)
            parts << quote(key + u'=') + QStringLiteral("\"$(form_escape \"$assertion\")\"");
        else
            parts << quote(key + u'=') + encodedWord(f.value);
    }
    s += parts.join(QStringLiteral("'&'")) + u'\n';
    s += QStringLiteral("\n"
                        "status=$(printf '%s' \"$body\" | curl -sS -X POST -H @\"$tmp/headers\" --data-binary @- \\\n"
                        "  -o \"$tmp/response\" -w '%{http_code}' \"$TOKEN_ENDPOINT\") || exit 3\n"
                        "if [ \"$status\" != 200 ]; then\n"
                        "  echo \"token request refused: HTTP $status\" >&2\n"
                        "  cat \"$tmp/response\" >&2; echo >&2\n"
                        "  exit 4\n"
                        "fi\n"
                        "token=$(tr -d '\\r\\n' < \"$tmp/response\" |\n"
                        "  sed -n 's/.*\"access_token\"[[:space:]]*:[[:space:]]*\"\\([^\"\\\\]*\\)\".*/\\1/p')\n"
                        "if [ -z \"$token\" ]; then echo \"no access_token in the response\" >&2; exit 5; fi\n"
                        "\n");
    s += QString::fromLatin1(ResourceStep);
    out.text = s;
    return out;
}

} // namespace Tokenbench::Core::Export
