#include "export/curlimport.h"

#include "export/shellwords.h"
#include "hcl/document.h"
#include "model/schema.h"
#include "model/secretliterals.h"
#include "model/valueresolver.h"
#include "net/formencoding.h"
#include "trace/redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace Tokenbench::Core::Export {

namespace {

// Options that take a value and do not change the request Tokenbench imports.
const QStringList& ignoredWithValue()
{
    static const QStringList o = {
        QStringLiteral("-A"), QStringLiteral("--user-agent"), QStringLiteral("-e"), QStringLiteral("--referer"),
        QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("--connect-timeout"), QStringLiteral("-m"),
        QStringLiteral("--max-time"), QStringLiteral("--retry"), QStringLiteral("-w"), QStringLiteral("--write-out"),
        QStringLiteral("--cacert"), QStringLiteral("--capath"), QStringLiteral("-E"), QStringLiteral("--cert"),
        QStringLiteral("--key"), QStringLiteral("--proxy"), QStringLiteral("-x"), QStringLiteral("-c"),
        QStringLiteral("--cookie-jar"), QStringLiteral("--resolve"), QStringLiteral("--max-redirs"),
        QStringLiteral("--retry-delay"), QStringLiteral("--retry-max-time"), QStringLiteral("-D"),
        QStringLiteral("--dump-header"), QStringLiteral("--limit-rate"), QStringLiteral("--interface"),
        // Further options with a value (the value must never be taken for the URL or echoed).
        QStringLiteral("--cert-type"), QStringLiteral("--key-type"), QStringLiteral("--ciphers"),
        QStringLiteral("--tls13-ciphers"), QStringLiteral("--curves"), QStringLiteral("--pinnedpubkey"),
        QStringLiteral("--proxy-cacert"), QStringLiteral("--proxy-capath"), QStringLiteral("--proxy-cert"),
        QStringLiteral("--proxy-cert-type"), QStringLiteral("--proxy-key"), QStringLiteral("--proxy-key-type"),
        QStringLiteral("--proxy-ciphers"), QStringLiteral("--preproxy"), QStringLiteral("--noproxy"),
        QStringLiteral("--socks4"), QStringLiteral("--socks4a"), QStringLiteral("--socks5"),
        QStringLiteral("--socks5-hostname"), QStringLiteral("--connect-to"), QStringLiteral("--dns-servers"),
        QStringLiteral("--doh-url"), QStringLiteral("--unix-socket"), QStringLiteral("--abstract-unix-socket"),
        QStringLiteral("--local-port"), QStringLiteral("--keepalive-time"), QStringLiteral("--expect100-timeout"),
        QStringLiteral("--happy-eyeballs-timeout-ms"), QStringLiteral("--max-filesize"), QStringLiteral("--trace"),
        QStringLiteral("--trace-ascii"), QStringLiteral("--stderr"), QStringLiteral("--output-dir"),
        QStringLiteral("--proto"), QStringLiteral("--proto-redir"), QStringLiteral("--proto-default"),
        QStringLiteral("--service-name"), QStringLiteral("--delegation"), QStringLiteral("--krb"),
        QStringLiteral("--sasl-authzid"), QStringLiteral("--login-options"), QStringLiteral("--netrc-file"),
        QStringLiteral("--alt-svc"), QStringLiteral("--hsts"), QStringLiteral("--etag-save"),
        QStringLiteral("--etag-compare"), QStringLiteral("-r"), QStringLiteral("--range"), QStringLiteral("-z"),
        QStringLiteral("--time-cond"), QStringLiteral("-Y"), QStringLiteral("--speed-limit"), QStringLiteral("-y"),
        QStringLiteral("--speed-time"), QStringLiteral("--create-file-mode"), QStringLiteral("-T"),
        QStringLiteral("--upload-file"), QStringLiteral("-K"), QStringLiteral("--config"),
        QStringLiteral("--parallel-max"), QStringLiteral("--aws-sigv4"), QStringLiteral("--request-target"),
        QStringLiteral("--hostpubmd5"), QStringLiteral("--hostpubsha256"), QStringLiteral("--pubkey"),
        QStringLiteral("--mail-from"), QStringLiteral("--mail-rcpt"), QStringLiteral("--mail-auth"),
        QStringLiteral("--ftp-account"), QStringLiteral("--ftp-alternative-to-user"), QStringLiteral("--ftp-method"),
        QStringLiteral("--ftp-port"), QStringLiteral("-P"), QStringLiteral("--ftp-ssl-ccc-mode"),
        QStringLiteral("-Q"), QStringLiteral("--quote"), QStringLiteral("--telnet-option"), QStringLiteral("-t"),
        QStringLiteral("--tftp-blksize"), QStringLiteral("--variable"),
    };
    return o;
}

// Options whose value is a credential Tokenbench does not import: the value is skipped, never shown.
const QStringList& secretIgnoredWithValue()
{
    static const QStringList o = {
        QStringLiteral("--pass"),         QStringLiteral("--proxy-pass"),     QStringLiteral("--tlsuser"),
        QStringLiteral("--tlspassword"),  QStringLiteral("--proxy-tlsuser"), QStringLiteral("--proxy-tlspassword"),
        QStringLiteral("-U"),             QStringLiteral("--proxy-user"),     QStringLiteral("--proxy-header"),
    };
    return o;
}

// The URL of a message: without user:password@ and with the values of credential query parameters left out.
QString displayUrl(const QString& text)
{
    QUrl url(text);
    if (!url.isValid())
        return QStringLiteral("(%1 characters)").arg(text.size());
    url.setPassword({});
    if (url.hasQuery()) {
        QUrlQuery query(url);
        QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
        for (auto& [name, value] : items) {
            if (SecretLiterals::isCredentialName(name) || SecretLiterals::looksLikeCredential(value))
                value = QStringLiteral("\u2026");
        }
        query.setQueryItems(items);
        url.setQuery(query);
    }
    return url.toString();
}

// user:password@ in the URL: Basic credentials (as curl sends them when no -u is given), never kept in the URL.
void takeUserInfo(ImportedRequest& r)
{
    QUrl url(r.url);
    if (url.userInfo().isEmpty())
        return;
    if (!r.hasUser) {
        r.hasUser = true;
        r.user = url.userName(QUrl::FullyDecoded);
        r.password = url.password(QUrl::FullyDecoded);
    } else {
        r.warnings << QStringLiteral("the URL's user:password@ was left out: -u gives the credentials");
    }
    url.setUserInfo({});
    r.url = url.toString(QUrl::FullyEncoded);
}

// A word of the command shown in a message: only when it cannot be a credential.
QString displayWord(const QString& word)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z][A-Za-z0-9_.-]{0,39}$"));
    if (word.contains(QStringLiteral("://")))
        return displayUrl(word);
    if (plain.match(word).hasMatch() && !SecretLiterals::looksLikeCredential(word))
        return QStringLiteral("\"%1\"").arg(word);
    return QStringLiteral("(%1 characters, not shown)").arg(word.size());
}

const QStringList& ignoredFlags()
{
    static const QStringList o = {
        QStringLiteral("--compressed"), QStringLiteral("-s"), QStringLiteral("--silent"), QStringLiteral("-S"),
        QStringLiteral("--show-error"), QStringLiteral("-k"), QStringLiteral("--insecure"), QStringLiteral("-L"),
        QStringLiteral("--location"), QStringLiteral("-i"), QStringLiteral("--include"), QStringLiteral("-v"),
        QStringLiteral("--verbose"), QStringLiteral("--http1.1"), QStringLiteral("--http2"),
        QStringLiteral("--http1.0"), QStringLiteral("-f"), QStringLiteral("--fail"), QStringLiteral("--fail-with-body"),
        QStringLiteral("-#"), QStringLiteral("--progress-bar"), QStringLiteral("-N"), QStringLiteral("--no-buffer"),
        QStringLiteral("--globoff"), QStringLiteral("-g"), QStringLiteral("--tr-encoding"),
        QStringLiteral("--http2-prior-knowledge"), QStringLiteral("-4"), QStringLiteral("-6"),
        QStringLiteral("--ipv4"), QStringLiteral("--ipv6"), QStringLiteral("-n"), QStringLiteral("--netrc"),
        QStringLiteral("--basic"), QStringLiteral("--no-progress-meter"), QStringLiteral("-0"),
    };
    return o;
}

// Short options that may be combined ("-sSL").
bool isCombinableShort(QChar c)
{
    return QStringLiteral("sSkLivfgnN46#0G").contains(c);
}

Error usage(const QString& message)
{
    return Error{Error::Code::Usage, message, QStringLiteral("curl command")};
}

} // namespace

Result<ImportedRequest> parseCurlCommand(const QString& command)
{
    // Windows cmd copies ("Copy as cURL (cmd)") use ^ continuations: tell rather than misread.
    if (command.contains(QStringLiteral("^\n")) || command.contains(QStringLiteral("^\r\n")))
        return usage(QStringLiteral("this looks like a Windows cmd command (^ line continuations): copy it as "
                                    "\"cURL (bash)\" instead"));
    auto split = Shell::split(command);
    if (!split)
        return split.error();
    QStringList words = split.value();
    // Drop a leading "$ " prompt.
    if (!words.isEmpty() && words.constFirst() == u"$")
        words.removeFirst();
    if (words.isEmpty())
        return usage(QStringLiteral("the command is empty: paste a curl command that calls the token endpoint"));
    const QString program = words.constFirst();
    if (program != u"curl" && !program.endsWith(QStringLiteral("/curl")) && program != u"curl.exe")
        return usage(QStringLiteral("not a curl command (it starts with \"%1\"): paste a command beginning with curl")
                         .arg(program.left(40)));

    ImportedRequest r;
    bool get = false;
    QList<QByteArray> data;
    QList<QByteArray> json;     // --json parts (concatenated, as curl does)
    QList<QByteArray> urlQuery; // --url-query parts
    QStringList urls;
    for (qsizetype i = 1; i < words.size(); ++i) {
        QString w = words.at(i);
        QString attached; // --opt=value
        if (w.startsWith(QStringLiteral("--")) && w.contains(u'=')) {
            attached = w.mid(w.indexOf(u'=') + 1);
            w = w.left(w.indexOf(u'='));
            // Only for options that take values; "--data=..." is not curl syntax but harmless.
        }
        // Short option with its value attached: -HAccept:..., -XPOST, -dfoo
        if (w.size() > 2 && w.startsWith(u'-') && !w.startsWith(QStringLiteral("--")) && attached.isEmpty()) {
            const QChar opt = w.at(1);
            if (QStringLiteral("XHduFbAeomxEUrzYyQPtTK").contains(opt)) {
                attached = w.mid(2);
                w = w.left(2);
            } else {
                bool all = true;
                for (qsizetype k = 1; k < w.size(); ++k)
                    all = all && isCombinableShort(w.at(k));
                if (all) {
                    for (qsizetype k = 1; k < w.size(); ++k) {
                        if (w.at(k) == u'G')
                            get = true;
                    }
                    continue;
                }
            }
        }
        auto next = [&](QString* value) -> bool {
            if (!attached.isNull() && !attached.isEmpty()) {
                *value = attached;
                return true;
            }
            if (i + 1 >= words.size())
                return false;
            *value = words.at(++i);
            return true;
        };
        auto missing = [&] { return usage(QStringLiteral("option %1 needs a value").arg(w)); };
        QString v;
        if (w == u"-X" || w == u"--request") {
            if (!next(&v))
                return missing();
            r.method = v.toUpper().toLatin1();
        } else if (w == u"-H" || w == u"--header") {
            if (!next(&v))
                return missing();
            if (v.startsWith(u'@')) {
                r.warnings << QStringLiteral("%1 %2: headers from a file are not read; paste them as -H options").arg(w, v);
                continue;
            }
            const qsizetype colon = v.indexOf(u':');
            if (colon <= 0) {
                if (v.endsWith(u';'))
                    r.headers.append({v.chopped(1).trimmed().toLatin1(), {}});
                else
                    r.warnings << QStringLiteral("a %1 value is not \"Name: value\" and was skipped: %2").arg(w, displayWord(v));
                continue;
            }
            r.headers.append({v.left(colon).trimmed().toLatin1(), v.mid(colon + 1).trimmed().toUtf8()});
        } else if (w == u"-d" || w == u"--data" || w == u"--data-ascii" || w == u"--data-binary" ||
                   w == u"--data-raw") {
            if (!next(&v))
                return missing();
            if (v.startsWith(u'@') && w != u"--data-raw") {
                r.warnings << QStringLiteral("%1 %2: data from a file is not read; paste the data itself").arg(w, v);
                continue;
            }
            QByteArray bytes = v.toUtf8();
            if (w != u"--data-binary" && w != u"--data-raw") {
                bytes.replace('\r', QByteArray());
                bytes.replace('\n', QByteArray());
            }
            data << bytes;
            r.bodyIsForm = true;
        } else if (w == u"--data-urlencode") {
            if (!next(&v))
                return missing();
            const qsizetype eq = v.indexOf(u'=');
            const qsizetype at = v.indexOf(u'@');
            if (at >= 0 && (eq < 0 || at < eq)) {
                r.warnings << QStringLiteral("--data-urlencode NAME@FILE: data from a file is not read: %1").arg(displayWord(v));
                continue;
            }
            if (eq < 0)
                data << Form::escape(v);
            else if (eq == 0)
                data << Form::escape(v.mid(1));
            else
                data << v.left(eq).toUtf8() + '=' + Form::escape(v.mid(eq + 1));
            r.bodyIsForm = true;
        } else if (w == u"-F" || w == u"--form" || w == u"--form-string") {
            if (!next(&v))
                return missing();
            const qsizetype eq = v.indexOf(u'=');
            if (eq <= 0) {
                r.warnings << QStringLiteral("a %1 value is not name=value and was skipped: %2").arg(w, displayWord(v));
                continue;
            }
            QString value = v.mid(eq + 1);
            if (w != u"--form-string" && (value.startsWith(u'@') || value.startsWith(u'<'))) {
                r.warnings << QStringLiteral("%1 %2=%3: file parts are not read").arg(w, v.left(eq), value.left(1));
                continue;
            }
            r.multipart.append({v.left(eq), value});
        } else if (w == u"-u" || w == u"--user") {
            if (!next(&v))
                return missing();
            const qsizetype colon = v.indexOf(u':');
            r.hasUser = true;
            r.user = colon < 0 ? v : v.left(colon);
            r.password = colon < 0 ? QString() : v.mid(colon + 1);
            if (colon < 0)
                r.warnings << QStringLiteral("-u without a password: curl would prompt for it; set the client_secret afterwards");
        } else if (w == u"--url") {
            if (!next(&v))
                return missing();
            urls << v;
        } else if (w == u"-G" || w == u"--get") {
            get = true;
        } else if (w == u"-b" || w == u"--cookie") {
            if (!next(&v))
                return missing();
            if (!v.contains(u'=')) {
                r.warnings << QStringLiteral("%1 FILE: cookies from a file are not read; paste them as -b 'name=value'").arg(w);
                continue;
            }
            r.headers.append({QByteArrayLiteral("Cookie"), v.toUtf8()});
        } else if (w == u"--oauth2-bearer") {
            if (!next(&v))
                return missing();
            r.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + v.toUtf8()});
        } else if (w == u"--json") {
            if (!next(&v))
                return missing();
            if (v.startsWith(u'@')) {
                r.warnings << QStringLiteral("--json @FILE: data from a file is not read; paste the JSON itself");
                continue;
            }
            json << v.toUtf8();
        } else if (w == u"--url-query") {
            if (!next(&v))
                return missing();
            // curl's syntax: name=content, =content, content (URL-encoded), +name=value (as is), name@file.
            if (v.startsWith(u'+')) {
                urlQuery << v.mid(1).toUtf8();
                continue;
            }
            const qsizetype eq = v.indexOf(u'=');
            const qsizetype at = v.indexOf(u'@');
            if (at >= 0 && (eq < 0 || at < eq)) {
                r.warnings << QStringLiteral("--url-query NAME@FILE: data from a file is not read");
                continue;
            }
            if (eq < 0)
                urlQuery << Form::escape(v);
            else if (eq == 0)
                urlQuery << Form::escape(v.mid(1));
            else
                urlQuery << v.left(eq).toUtf8() + '=' + Form::escape(v.mid(eq + 1));
        } else if (secretIgnoredWithValue().contains(w)) {
            if (!next(&v))
                return missing();
            r.warnings << QStringLiteral("%1 was not imported (its value is a credential for the client key, the proxy "
                                         "or TLS-SRP, which a Couper backend sets elsewhere); the value is not shown")
                              .arg(w);
        } else if (ignoredWithValue().contains(w)) {
            if (!next(&v))
                return missing();
        } else if (ignoredFlags().contains(w)) {
            // No effect on the request.
        } else if (w.startsWith(u'-') && w.size() > 1) {
            // A short option with something attached shows only the option letter.
            const QString shown = w.startsWith(QStringLiteral("--")) ? w.left(60) : w.left(2);
            r.warnings << QStringLiteral("unknown curl option %1 was ignored").arg(shown);
        } else {
            urls << w;
        }
    }
    // The URL: the first argument with a scheme, else the first argument (curl would try each).
    for (const QString& u : std::as_const(urls)) {
        if (u.contains(QStringLiteral("://"))) {
            r.url = u;
            break;
        }
    }
    if (r.url.isEmpty() && !urls.isEmpty())
        r.url = urls.constFirst();
    if (urls.size() > 1)
        r.warnings << QStringLiteral("%1 extra argument(s) ignored: only one URL is imported (they are not shown)")
                          .arg(urls.size() - 1);
    if (r.url.isEmpty())
        return usage(QStringLiteral("the curl command has no URL"));
    if (!r.url.contains(QStringLiteral("://")))
        r.url.prepend(QStringLiteral("http://"));
    QUrl url(r.url);
    if (!url.isValid() || url.host().isEmpty())
        return usage(QStringLiteral("%1 is not a valid URL").arg(displayWord(r.url)));
    if (!urlQuery.isEmpty()) {
        const QByteArray extra = urlQuery.join('&');
        url.setQuery(url.hasQuery() ? url.query(QUrl::FullyEncoded) + u'&' + QString::fromUtf8(extra)
                                    : QString::fromUtf8(extra),
                     QUrl::TolerantMode);
        r.url = url.toString(QUrl::FullyEncoded);
    }
    takeUserInfo(r);
    if (!json.isEmpty()) {
        // --json: the data as the body, with JSON content type and accept unless given.
        if (!data.isEmpty())
            r.warnings << QStringLiteral("--json and -d were both given: the -d data was appended to the JSON as curl does");
        data.prepend(json.join(QByteArray()));
        if (headerValue(r.headers, "Content-Type").isEmpty())
            r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        if (headerValue(r.headers, "Accept").isEmpty())
            r.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    }
    r.body = json.isEmpty() ? data.join('&') : data.join(QByteArray());
    if (!json.isEmpty())
        r.bodyIsForm = false;
    if (get && !r.body.isEmpty()) {
        r.url += (r.url.contains(u'?') ? QStringLiteral("&") : QStringLiteral("?")) + QString::fromUtf8(r.body);
        r.body.clear();
        r.bodyIsForm = false;
    }
    if (r.method.isEmpty())
        r.method = (!r.body.isEmpty() || !r.multipart.isEmpty()) ? QByteArrayLiteral("POST") : QByteArrayLiteral("GET");
    if (!r.multipart.isEmpty())
        r.warnings << QStringLiteral("-F sends multipart/form-data; token endpoints expect a form body, so the parts "
                                     "are imported as form fields");
    return r;
}

Result<ImportedRequest> parseHttpFile(const QString& text)
{
    ImportedRequest r;
    const QStringList lines = QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).split(u'\n');
    qsizetype i = 0;
    QHash<QString, QString> fileVariables;
    static const QRegularExpression requestLine(
        QStringLiteral("^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(\\S+)(?:\\s+HTTP/[0-9.]+)?\\s*$"));
    static const QRegularExpression variable(QStringLiteral("^@([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(.*)$"));
    // Skip comments, separators and file variables up to the first request line.
    for (; i < lines.size(); ++i) {
        const QString l = lines.at(i).trimmed();
        if (l.isEmpty() || l.startsWith(u'#') || l.startsWith(QStringLiteral("//")))
            continue;
        const auto v = variable.match(l);
        if (v.hasMatch()) {
            fileVariables.insert(v.captured(1), v.captured(2).trimmed());
            continue;
        }
        break;
    }
    if (i >= lines.size())
        return usage(QStringLiteral("no request in the file: expected a line such as POST https://host/token"));
    auto substitute = [&](QString s) {
        for (auto it = fileVariables.cbegin(); it != fileVariables.cend(); ++it)
            s.replace(QStringLiteral("{{") + it.key() + QStringLiteral("}}"), it.value());
        return s;
    };
    QString first = lines.at(i).trimmed();
    if (!first.contains(u' '))
        first.prepend(QStringLiteral("GET "));
    const auto m = requestLine.match(substitute(first));
    if (!m.hasMatch())
        return Error{Error::Code::Format,
                     QStringLiteral("line %1: %2 is not a request line (METHOD URL)")
                         .arg(i + 1)
                         .arg(displayWord(first.section(u' ', 0, 0))),
                     QStringLiteral("line %1").arg(i + 1)};
    r.method = m.captured(1).toLatin1();
    r.url = m.captured(2);
    takeUserInfo(r);
    ++i;
    for (; i < lines.size(); ++i) {
        const QString l = lines.at(i);
        if (l.trimmed().isEmpty()) {
            ++i;
            break;
        }
        if (l.trimmed().startsWith(u'#') || l.trimmed().startsWith(QStringLiteral("//")))
            continue;
        const qsizetype colon = l.indexOf(u':');
        if (colon <= 0)
            return Error{Error::Code::Format, QStringLiteral("line %1: expected a header \"Name: value\"").arg(i + 1),
                         QStringLiteral("line %1").arg(i + 1)};
        r.headers.append({l.left(colon).trimmed().toLatin1(), substitute(l.mid(colon + 1).trimmed()).toUtf8()});
    }
    QStringList body;
    for (; i < lines.size(); ++i) {
        const QString l = lines.at(i);
        if (l.startsWith(QStringLiteral("###")) || l.startsWith(QStringLiteral("> {%")))
            break;
        body << l;
    }
    while (!body.isEmpty() && body.constLast().trimmed().isEmpty())
        body.removeLast();
    r.body = substitute(body.join(u'\n')).toUtf8();
    r.bodyIsForm = headerValue(r.headers, "Content-Type").startsWith("application/x-www-form-urlencoded");
    // "Authorization: Basic user password" as both HTTP clients write it.
    const QByteArray auth = headerValue(r.headers, "Authorization");
    const QList<QByteArray> authParts = auth.split(' ');
    if (authParts.size() == 3 && authParts.at(0).compare("Basic", Qt::CaseInsensitive) == 0) {
        r.hasUser = true;
        r.user = Form::unescape(authParts.at(1));
        r.password = Form::unescape(authParts.at(2));
        r.headers.removeIf([](const HttpHeader& h) { return h.name.compare("Authorization", Qt::CaseInsensitive) == 0; });
    }
    return r;
}

namespace {

// {{name}} (an .http variable) as an env reference, else nullopt.
std::optional<QString> variableReference(const QString& value)
{
    static const QRegularExpression placeholder(QStringLiteral("^\\{\\{\\s*\\$?(?:processEnv\\s+|env\\.)?([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}$"));
    const auto m = placeholder.match(value.trimmed());
    if (m.hasMatch())
        return m.captured(1);
    return std::nullopt;
}

class Builder
{
public:
    Builder(const QString& label, ImportResult* result) : m_label(label), m_result(result) {}

    // A secret value: an env reference (the value is kept for the keychain, never written).
    QString secret(const QString& attribute, const QString& value)
    {
        if (const auto ref = variableReference(value))
            return ValueResolver::makeReference(*ref);
        if (ValueResolver::isReference(value))
            return value;
        QString name = ValueResolver::suggestName(m_label, attribute);
        for (const auto& [existing, v] : std::as_const(m_result->secrets)) {
            if (existing == name && v == value)
                return ValueResolver::makeReference(name);
        }
        QString unique = name;
        for (int n = 2; std::any_of(m_result->secrets.cbegin(), m_result->secrets.cend(),
                                    [&](const auto& p) { return p.first == unique; });
             ++n)
            unique = name + u'_' + QString::number(n);
        m_result->secrets.append({unique, value});
        return ValueResolver::makeReference(unique);
    }

    QString plain(const QString& value) const
    {
        if (const auto ref = variableReference(value))
            return ValueResolver::makeReference(*ref);
        return value;
    }

private:
    QString m_label;
    ImportResult* m_result;
};

bool isNoiseHeader(const QByteArray& name)
{
    static const QList<QByteArray> noise = {"accept",  "content-type", "user-agent", "content-length", "origin",
                                            "referer", "connection",   "host",       "accept-encoding", "accept-language",
                                            "cache-control", "pragma", "dnt", "priority"};
    const QByteArray lower = name.toLower();
    return noise.contains(lower) || lower.startsWith("sec-");
}

QString hclExpressionFor(const QString& value, Builder& b, const QString& attribute, bool sensitive)
{
    if (sensitive) {
        const QString ref = b.secret(attribute, value);
        return ref;
    }
    if (const auto ref = variableReference(value))
        return ValueResolver::makeReference(*ref);
    return Hcl::quoteString(value);
}

// Whether a form field, JSON member or query parameter holds a credential (by its name or its value).
bool sensitiveField(const QString& name, const QString& value)
{
    return Redactor::isSensitiveField(name) || SecretLiterals::isCredentialName(name) ||
           SecretLiterals::looksLikeCredential(value);
}

bool sensitiveHeader(const QByteArray& name, const QString& value)
{
    const QString lower = QString::fromLatin1(name).toLower();
    return Redactor::isSensitiveHeader(name) || lower.contains(QStringLiteral("key")) ||
           lower.contains(QStringLiteral("token")) || lower.contains(QStringLiteral("secret")) ||
           SecretLiterals::isCredentialName(lower) || SecretLiterals::looksLikeCredential(value);
}

QString objectExpression(const QList<QPair<QString, QString>>& entries);

// A JSON value as an HCL expression; strings that are credentials become env.NAME references (at any depth).
QString jsonExpression(const QJsonValue& v, const QString& key, const QString& path, Builder& b)
{
    if (v.isObject()) {
        QList<QPair<QString, QString>> entries;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            entries.append({it.key(), jsonExpression(it.value(), it.key(),
                                                     path.isEmpty() ? it.key() : path + u'_' + it.key(), b)});
        return entries.isEmpty() ? QStringLiteral("{}") : objectExpression(entries);
    }
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue& item : v.toArray())
            items << jsonExpression(item, key, path, b);
        return u'[' + items.join(QStringLiteral(", ")) + u']';
    }
    if (v.isString()) {
        const QString name = path.isEmpty() ? QStringLiteral("body") : path;
        return hclExpressionFor(v.toString(), b, name, sensitiveField(key, v.toString()));
    }
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString hclKey(const QString& key)
{
    static const QRegularExpression ident(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    return ident.match(key).hasMatch() ? key : Hcl::quoteString(key);
}

QString objectExpression(const QList<QPair<QString, QString>>& entries)
{
    QString s = QStringLiteral("{\n");
    for (const auto& [k, v] : entries)
        s += QStringLiteral("  ") + hclKey(k) + QStringLiteral(" = ") + v + u'\n';
    return s + u'}';
}

QString labelFromUrl(const QUrl& url)
{
    QString host = url.host();
    for (QChar& c : host) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128))
            c = u'_';
    }
    return host.isEmpty() ? QStringLiteral("imported") : host;
}

// A value moved out as a secret must not stay anywhere else either (the same secret sent twice, or
// inside a longer value): expressions get ${env.NAME} in its place, plain values the reference.
void replaceSecretEverywhere(Block& block, const QString& name, const QString& value, QStringList* warnings)
{
    const bool expressions = Schema::attributes(block.type).isEmpty() || block.type == u"beta_token_request";
    QString escaped = Hcl::quoteString(value);
    escaped = escaped.mid(1, escaped.size() - 2);
    const QString reference = ValueResolver::makeReference(name);
    for (auto it = block.attributes.begin(); it != block.attributes.end(); ++it) {
        QString& text = it.value();
        if (text == reference)
            continue;
        const bool plain = !expressions && Schema::find(block.type, it.key());
        if (plain && text.contains(value)) {
            text = reference;
            *warnings << QStringLiteral("%1 held the value of %2; it now references it").arg(it.key(), name);
        } else if (!plain && !escaped.isEmpty() && text.contains(escaped)) {
            // Only inside string literals: keys and identifiers stay as they are.
            QString out;
            bool inString = false;
            bool changed = false;
            for (qsizetype i = 0; i < text.size();) {
                const QChar c = text.at(i);
                if (inString && text.mid(i).startsWith(escaped)) {
                    out += QStringLiteral("${") + reference + u'}';
                    i += escaped.size();
                    changed = true;
                    continue;
                }
                if (inString && c == u'\\' && i + 1 < text.size()) {
                    out += c;
                    out += text.at(i + 1);
                    i += 2;
                    continue;
                }
                if (c == u'"')
                    inString = !inString;
                out += c;
                ++i;
            }
            if (changed) {
                text = out;
                *warnings << QStringLiteral("%1 held the value of %2; it now references it").arg(it.key(), name);
            }
        }
    }
    for (Block& child : block.blocks)
        replaceSecretEverywhere(child, name, value, warnings);
}

} // namespace

Result<ImportResult> importRequest(const ImportedRequest& request, const QString& wantedLabel)
{
    ImportResult result;
    result.warnings = request.warnings;
    const QUrl url(request.url);
    const QString label = wantedLabel.isEmpty() ? labelFromUrl(url) : wantedLabel;
    Builder b(label, &result);
    Block backend{BlockType::Backend, label, {}, {}};

    QList<Form::Field> fields;
    const QByteArray contentType = headerValue(request.headers, "Content-Type");
    // curl -d sends a form unless a Content-Type header says otherwise.
    const bool form = contentType.isEmpty() ? request.bodyIsForm
                                            : contentType.startsWith("application/x-www-form-urlencoded");
    if (form && !request.body.isEmpty())
        fields = Form::decode(request.body);
    for (const auto& [k, v] : request.multipart)
        fields.append({k, v});
    auto field = [&](const char* name) {
        for (const auto& f : std::as_const(fields)) {
            if (f.first == QLatin1String(name))
                return f.second;
        }
        return QString();
    };
    auto hasField = [&](const char* name) {
        return std::any_of(fields.cbegin(), fields.cend(), [&](const Form::Field& f) { return f.first == QLatin1String(name); });
    };

    // Basic credentials: -u, or an Authorization: Basic header.
    QString basicUser, basicPassword;
    bool basic = false;
    if (request.hasUser) {
        basic = true;
        basicUser = request.user;
        basicPassword = request.password;
    }
    QByteArray authorization = headerValue(request.headers, "Authorization");
    if (!basic && authorization.toLower().startsWith("basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon > 0) {
            basic = true;
            // Couper form-encodes both parts (RFC 6749 §2.3.1); read them back the same way.
            basicUser = Form::unescape(decoded.left(colon));
            basicPassword = Form::unescape(decoded.mid(colon + 1));
            if (Form::escape(basicUser) != decoded.left(colon) || Form::escape(basicPassword) != decoded.mid(colon + 1))
                result.warnings << QStringLiteral("the Basic credentials were not form-encoded as RFC 6749 §2.3.1 (and "
                                                  "Couper) encode them; check the imported client_id/client_secret");
        }
    }

    // Credentials in the URL's query (?client_secret=, ?api_key=) never stay in the URL.
    QList<QPair<QString, QString>> querySecrets;
    QUrl cleanUrl = url;
    {
        QUrlQuery query(url);
        QList<QPair<QString, QString>> kept;
        for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (!value.isEmpty() && sensitiveField(name, value))
                querySecrets.append({name, value});
            else
                kept.append({name, value});
        }
        if (!querySecrets.isEmpty()) {
            QUrlQuery rest;
            rest.setQueryItems(kept);
            cleanUrl.setQuery(kept.isEmpty() ? QString() : rest.query(QUrl::FullyEncoded));
            if (kept.isEmpty())
                cleanUrl.setQuery(QString());
        }
    }
    bool oauth2 = hasField("grant_type") && request.method == "POST";
    if (oauth2 && !querySecrets.isEmpty()) {
        // client_secret in the query: sent in the body instead (client_secret_post), as RFC 6749 §2.3.1 asks.
        // Anything else: an oauth2 block's token_endpoint cannot read it from a variable, a beta_token_request can.
        const bool onlyClientSecret = querySecrets.size() == 1 && querySecrets.constFirst().first == u"client_secret" &&
                                      !basic && !hasField("client_secret");
        if (onlyClientSecret) {
            fields.append(querySecrets.constFirst());
            querySecrets.clear();
            result.warnings << QStringLiteral("the token endpoint's query carried client_secret: it is sent in the form "
                                              "body instead (client_secret_post, RFC 6749 §2.3.1); check that the "
                                              "server accepts it there");
        } else {
            oauth2 = false;
            QStringList names;
            for (const auto& q : std::as_const(querySecrets))
                names << q.first;
            result.warnings << QStringLiteral("the token endpoint's query carries credentials (%1): imported as a "
                                              "beta_token_request, whose query_params can read them from env.NAME "
                                              "(an oauth2 token_endpoint cannot)")
                                   .arg(names.join(QStringLiteral(", ")));
        }
    }

    if (oauth2) {
        result.oauth2 = true;
        Block o{BlockType::OAuth2, {}, {}, {}};
        QUrl endpoint = cleanUrl;
        o.setAttribute(QStringLiteral("token_endpoint"), b.plain(endpoint.toString()));
        const QString grant = field("grant_type");
        o.setAttribute(QStringLiteral("grant_type"), grant);
        if (hasField("scope"))
            o.setAttribute(QStringLiteral("scope"), b.plain(field("scope")));
        if (grant == Schema::Grant::Password) {
            o.setAttribute(QStringLiteral("username"), b.plain(field("username")));
            o.setAttribute(QStringLiteral("password"), b.secret(QStringLiteral("password"), field("password")));
        }
        if (grant == Schema::Grant::JwtBearer && hasField("assertion"))
            o.setAttribute(QStringLiteral("assertion"), b.secret(QStringLiteral("assertion"), field("assertion")));
        QString method;
        if (hasField("client_assertion")) {
            // A signed, one-time JWT: keep its algorithm; the key has to be added.
            const QString assertion = field("client_assertion");
            const QByteArray header = QByteArray::fromBase64(assertion.section(u'.', 0, 0).toLatin1(),
                                                             QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
            const QJsonObject h = QJsonDocument::fromJson(header).object();
            const QString alg = h.value(QStringLiteral("alg")).toString();
            method = alg.startsWith(QStringLiteral("HS")) ? Schema::AuthMethod::SecretJwt : Schema::AuthMethod::PrivateKeyJwt;
            o.setAttribute(QStringLiteral("client_id"), b.plain(field("client_id")));
            Block profile{QStringLiteral("jwt_signing_profile"), {}, {}, {}};
            profile.setAttribute(QStringLiteral("signature_algorithm"), alg.isEmpty() ? QStringLiteral("RS256") : alg);
            const QByteArray payload = QByteArray::fromBase64(assertion.section(u'.', 1, 1).toLatin1(),
                                                              QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
            const QJsonObject claims = QJsonDocument::fromJson(payload).object();
            const qint64 ttl = claims.value(QStringLiteral("exp")).toInteger() - claims.value(QStringLiteral("iat")).toInteger();
            profile.setAttribute(QStringLiteral("ttl"), QStringLiteral("%1s").arg(ttl > 0 ? ttl : 60));
            if (h.contains(QStringLiteral("kid")))
                profile.setAttribute(QStringLiteral("headers"),
                                     QStringLiteral("{ kid = %1 }").arg(Hcl::quoteString(h.value(QStringLiteral("kid")).toString())));
            if (method == Schema::AuthMethod::SecretJwt) {
                o.setAttribute(QStringLiteral("client_secret"),
                               ValueResolver::makeReference(ValueResolver::suggestName(label, QStringLiteral("client_secret"))));
                result.warnings << QStringLiteral("client_secret_jwt: the command carries a signed assertion, not the "
                                                  "secret; set %1 to the client secret")
                                       .arg(ValueResolver::suggestName(label, QStringLiteral("client_secret")));
            } else {
                profile.setAttribute(QStringLiteral("key"),
                                     ValueResolver::makeReference(ValueResolver::suggestName(label, QStringLiteral("key"))));
                result.warnings << QStringLiteral("private_key_jwt: the command carries a signed assertion, not the key; "
                                                  "set %1 to the private key (PEM) or use key_file")
                                       .arg(ValueResolver::suggestName(label, QStringLiteral("key")));
            }
            o.blocks.append(profile);
        } else if (basic) {
            method = Schema::AuthMethod::Basic;
            o.setAttribute(QStringLiteral("client_id"), b.plain(basicUser));
            o.setAttribute(QStringLiteral("client_secret"), b.secret(QStringLiteral("client_secret"), basicPassword));
        } else if (hasField("client_secret")) {
            method = Schema::AuthMethod::Post;
            o.setAttribute(QStringLiteral("client_id"), b.plain(field("client_id")));
            o.setAttribute(QStringLiteral("client_secret"), b.secret(QStringLiteral("client_secret"), field("client_secret")));
        } else if (hasField("client_id")) {
            method = Schema::AuthMethod::None;
            o.setAttribute(QStringLiteral("client_id"), b.plain(field("client_id")));
        }
        if (!method.isEmpty() && method != Schema::AuthMethod::Basic && grant != Schema::Grant::JwtBearer)
            o.setAttribute(QStringLiteral("token_endpoint_auth_method"), method);
        static const QStringList known = {
            QStringLiteral("grant_type"), QStringLiteral("scope"), QStringLiteral("username"), QStringLiteral("password"),
            QStringLiteral("assertion"), QStringLiteral("client_id"), QStringLiteral("client_secret"),
            QStringLiteral("client_assertion"), QStringLiteral("client_assertion_type"),
        };
        for (const auto& f : std::as_const(fields)) {
            if (!known.contains(f.first))
                // Attributes Tokenbench does not model hold HCL expressions (as read from a .hcl file).
                o.setAttribute(f.first, hclExpressionFor(f.second, b, f.first, sensitiveField(f.first, f.second)));
        }
        for (const HttpHeader& h : request.headers) {
            if (h.name.compare("Authorization", Qt::CaseInsensitive) == 0 && !basic) {
                result.warnings << QStringLiteral("the Authorization header was left out (its value is not shown): "
                                                  "Couper's oauth2 block authenticates the client itself");
                continue;
            }
            if (isNoiseHeader(h.name) || h.name.compare("Authorization", Qt::CaseInsensitive) == 0)
                continue;
            result.warnings << QStringLiteral("header %1 was left out: Couper's oauth2 block cannot send extra headers "
                                              "(use a beta_token_request if the server needs it)")
                                   .arg(QString::fromLatin1(h.name));
        }
        if (cleanUrl.hasQuery())
            result.warnings << QStringLiteral("the token endpoint has a query string; Couper sends it as written");
        backend.blocks.append(o);
    } else {
        // Not OAuth (no grant_type): a beta_token_request that sends the same request.
        Block t{QStringLiteral("beta_token_request"), {}, {}, {}};
        t.attributes.insert(QStringLiteral("url"), Hcl::quoteString(querySecrets.isEmpty() ? request.url : cleanUrl.toString()));
        if (!querySecrets.isEmpty()) {
            QList<QPair<QString, QString>> params;
            for (const auto& [name, value] : std::as_const(querySecrets))
                params.append({name, b.secret(name, value)});
            t.attributes.insert(QStringLiteral("query_params"), objectExpression(params));
        }
        if (!request.method.isEmpty() && request.method != "GET" &&
            !(request.method == "POST" && !request.body.isEmpty()))
            t.attributes.insert(QStringLiteral("method"), Hcl::quoteString(QString::fromLatin1(request.method)));
        if (request.method == "POST" && request.body.isEmpty())
            t.attributes.insert(QStringLiteral("method"), QStringLiteral("\"POST\""));
        QList<QPair<QString, QString>> headers;
        for (const HttpHeader& h : request.headers) {
            if (isNoiseHeader(h.name) && h.name.compare("Accept", Qt::CaseInsensitive) != 0)
                continue;
            const QString name = QString::fromLatin1(h.name).toLower();
            if (basic && name == u"authorization")
                continue; // written below, from the Basic credentials
            const bool sensitive = sensitiveHeader(h.name, QString::fromUtf8(h.value));
            headers.append({name, hclExpressionFor(QString::fromUtf8(h.value), b,
                                                   QString(name).replace(u'-', u'_'), sensitive)});
        }
        if (basic) {
            // The whole header value as a reference: always valid, never a literal secret.
            headers.append({QStringLiteral("authorization"),
                            b.secret(QStringLiteral("authorization"),
                                     QStringLiteral("Basic ") + QString::fromLatin1((basicUser + u':' + basicPassword).toUtf8().toBase64()))});
        }
        if (!headers.isEmpty())
            t.attributes.insert(QStringLiteral("headers"), objectExpression(headers));
        if (!fields.isEmpty()) {
            QList<QPair<QString, QString>> entries;
            for (const auto& [k, v] : std::as_const(fields))
                entries.append({k, hclExpressionFor(v, b, k, sensitiveField(k, v))});
            t.attributes.insert(QStringLiteral("form_body"), objectExpression(entries));
        } else if (!request.body.isEmpty()) {
            const QJsonDocument json = QJsonDocument::fromJson(request.body);
            if ((json.isObject() || json.isArray()) && contentType.contains("json")) {
                // Every string that is a credential (by its member name or its shape), at any depth, becomes env.NAME.
                t.attributes.insert(QStringLiteral("json_body"),
                                    jsonExpression(json.isObject() ? QJsonValue(json.object()) : QJsonValue(json.array()),
                                                   {}, {}, b));
            } else {
                const QString body = QString::fromUtf8(request.body);
                if (SecretLiterals::looksLikeCredential(body)) {
                    t.attributes.insert(QStringLiteral("body"), b.secret(QStringLiteral("body"), body));
                } else {
                    t.attributes.insert(QStringLiteral("body"), Hcl::quoteString(body));
                    result.warnings << QStringLiteral("the body is kept as written; check it for secrets");
                }
            }
        }
        t.attributes.insert(QStringLiteral("token"), QStringLiteral("beta_token_response.json_body.access_token"));
        t.attributes.insert(QStringLiteral("ttl"), QStringLiteral("\"${default(beta_token_response.json_body.expires_in, 60)}s\""));
        if (!hasField("grant_type") || request.method != "POST")
            result.warnings << QStringLiteral("no grant_type in the body: imported as a beta_token_request; check its "
                                              "token and ttl expressions against the response");
        backend.blocks.append(t);
    }
    for (const auto& [name, value] : std::as_const(result.secrets)) {
        if (value.size() >= 4)
            replaceSecretEverywhere(backend, name, value, &result.warnings);
    }
    result.backend = backend;
    return result;
}

} // namespace Tokenbench::Core::Export
