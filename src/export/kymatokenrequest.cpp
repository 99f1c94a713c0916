#include "export/kymatokenrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Tokenbench::Core::Export {

Result<void> validate(const KymaTokenRequest& request)
{
    static const QRegularExpression name(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    if (request.application.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("the Application name is required (metadata.name)"),
                     QStringLiteral("application")};
    if (request.application.size() > 253 || !name.match(request.application).hasMatch())
        return Error{Error::Code::Usage,
                     QStringLiteral("\"%1\" is not a Kubernetes object name: use lower-case letters, digits, '-' and "
                                    "'.', starting and ending with a letter or digit")
                         .arg(request.application),
                     QStringLiteral("application")};
    return {};
}

QString yamlScalar(const QString& value)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$"));
    static const QRegularExpression special(QStringLiteral(
        "^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|"
        "[-+]?(?:\\.[0-9]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|"
        "[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)|[0-9]+(?::[0-9]+)+)$"));
    if (!value.isEmpty() && plain.match(value).hasMatch() && !special.match(value).hasMatch() && !value.endsWith(u' '))
        return value;
    QString s = QStringLiteral("\"");
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '"': s += QStringLiteral("\\\""); break;
        case '\\': s += QStringLiteral("\\\\"); break;
        case '\n': s += QStringLiteral("\\n"); break;
        case '\t': s += QStringLiteral("\\t"); break;
        case '\r': s += QStringLiteral("\\r"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                s += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                s += c;
        }
    }
    return s + u'"';
}

Result<QString> toYaml(const KymaTokenRequest& request)
{
    if (auto r = validate(request); !r)
        return r.error();
    QString s = QStringLiteral("apiVersion: applicationconnector.kyma-project.io/v1alpha1\n"
                               "kind: TokenRequest\n"
                               "metadata:\n"
                               "  name: %1\n")
                    .arg(yamlScalar(request.application));
    if (!request.tenant.isEmpty() || !request.group.isEmpty()) {
        s += QStringLiteral("context:\n");
        if (!request.tenant.isEmpty())
            s += QStringLiteral("  tenant: %1\n").arg(yamlScalar(request.tenant));
        if (!request.group.isEmpty())
            s += QStringLiteral("  group: %1\n").arg(yamlScalar(request.group));
    }
    return s;
}

std::optional<qint64> KymaTokenStatus::secondsLeft(const QDateTime& now) const
{
    if (!expireAfter.isValid())
        return std::nullopt;
    return now.secsTo(expireAfter);
}

namespace {

struct Line
{
    int number = 0;
    int indent = 0;
    QString text; // without indentation and comment
};

QString stripComment(const QString& s)
{
    bool single = false, dbl = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == u'\'' && !dbl)
            single = !single;
        else if (c == u'"' && !single && (i == 0 || s.at(i - 1) != u'\\'))
            dbl = !dbl;
        else if (c == u'#' && !single && !dbl && (i == 0 || s.at(i - 1) == u' ' || s.at(i - 1) == u'\t'))
            return s.left(i);
    }
    return s;
}

class YamlParser
{
public:
    explicit YamlParser(const QByteArray& text)
    {
        const QStringList raw = QString::fromUtf8(text).split(u'\n');
        for (int i = 0; i < raw.size(); ++i) {
            QString l = raw.at(i);
            if (l.endsWith(u'\r'))
                l.chop(1);
            m_raw << l;
        }
    }

    Result<QJsonValue> parse()
    {
        m_pos = 0;
        skipBlank();
        if (m_pos < m_raw.size() && m_raw.at(m_pos).startsWith(QStringLiteral("---")))
            ++m_pos;
        skipBlank();
        if (m_pos >= m_raw.size())
            return QJsonValue(QJsonObject());
        auto v = parseNode(indentOf(m_raw.at(m_pos)));
        if (!v)
            return v;
        skipBlank();
        if (m_pos < m_raw.size() && !m_raw.at(m_pos).startsWith(QStringLiteral("---")) &&
            !m_raw.at(m_pos).startsWith(QStringLiteral("...")))
            return error(QStringLiteral("unexpected indentation"));
        return v;
    }

private:
    static int indentOf(const QString& l)
    {
        int i = 0;
        while (i < l.size() && l.at(i) == u' ')
            ++i;
        return i;
    }

    void skipBlank()
    {
        while (m_pos < m_raw.size() && stripComment(m_raw.at(m_pos)).trimmed().isEmpty())
            ++m_pos;
    }

    Error error(const QString& what) const
    {
        return Error{Error::Code::Format, QStringLiteral("line %1: %2").arg(m_pos + 1).arg(what),
                     QStringLiteral("line %1").arg(m_pos + 1)};
    }

    Result<QJsonValue> parseNode(int indent)
    {
        skipBlank();
        if (m_pos >= m_raw.size())
            return QJsonValue(QJsonValue::Null);
        const QString line = stripComment(m_raw.at(m_pos));
        const QString content = line.mid(indentOf(line));
        if (content.startsWith(QStringLiteral("- ")) || content == u"-")
            return parseSequence(indent);
        return parseMapping(indent);
    }

    Result<QJsonValue> parseSequence(int indent)
    {
        QJsonArray array;
        while (true) {
            skipBlank();
            if (m_pos >= m_raw.size())
                break;
            const QString line = stripComment(m_raw.at(m_pos));
            const int ind = indentOf(line);
            const QString content = line.mid(ind).trimmed();
            if (ind != indent || !(content.startsWith(QStringLiteral("- ")) || content == u"-"))
                break;
            const QString rest = content.mid(1).trimmed();
            if (rest.isEmpty()) {
                ++m_pos;
                skipBlank();
                if (m_pos >= m_raw.size() || indentOf(m_raw.at(m_pos)) <= indent) {
                    array.append(QJsonValue::Null);
                    continue;
                }
                auto v = parseNode(indentOf(m_raw.at(m_pos)));
                if (!v)
                    return v;
                array.append(v.value());
            } else if (keyOf(rest) >= 0) {
                // "- key: value" starts a mapping indented at the item's content.
                const int itemIndent = ind + int(content.indexOf(rest));
                m_raw[m_pos] = QString(itemIndent, u' ') + rest;
                auto v = parseMapping(itemIndent);
                if (!v)
                    return v;
                array.append(v.value());
            } else {
                auto v = scalar(rest);
                if (!v)
                    return v;
                array.append(v.value());
                ++m_pos;
            }
        }
        return QJsonValue(array);
    }

    // Index of the ':' that ends a mapping key, or -1.
    static qsizetype keyOf(const QString& content)
    {
        if (content.startsWith(u'"') || content.startsWith(u'\'')) {
            const QChar q = content.front();
            for (qsizetype i = 1; i < content.size(); ++i) {
                if (content.at(i) == u'\\' && q == u'"') {
                    ++i;
                    continue;
                }
                if (content.at(i) == q) {
                    if (q == u'\'' && i + 1 < content.size() && content.at(i + 1) == u'\'') {
                        ++i;
                        continue;
                    }
                    if (i + 1 < content.size() && content.at(i + 1) == u':' &&
                        (i + 2 == content.size() || content.at(i + 2) == u' '))
                        return i + 1;
                    return -1;
                }
            }
            return -1;
        }
        for (qsizetype i = 0; i < content.size(); ++i) {
            if (content.at(i) == u':' && (i + 1 == content.size() || content.at(i + 1) == u' '))
                return i;
        }
        return -1;
    }

    Result<QJsonValue> parseMapping(int indent)
    {
        QJsonObject object;
        while (true) {
            skipBlank();
            if (m_pos >= m_raw.size())
                break;
            const QString line = stripComment(m_raw.at(m_pos));
            const int ind = indentOf(line);
            if (ind < indent)
                break;
            if (ind > indent)
                return error(QStringLiteral("unexpected indentation"));
            const QString content = line.mid(ind).trimmed();
            if (content.startsWith(QStringLiteral("---")) || content.startsWith(QStringLiteral("...")))
                break;
            const qsizetype colon = keyOf(content);
            if (colon < 0)
                return error(QStringLiteral("expected \"key: value\""));
            auto key = scalar(content.left(colon).trimmed());
            if (!key)
                return key;
            const QString k = key->toVariant().toString();
            const QString rest = content.mid(colon + 1).trimmed();
            if (rest.isEmpty()) {
                ++m_pos;
                skipBlank();
                if (m_pos < m_raw.size()) {
                    const int next = indentOf(m_raw.at(m_pos));
                    const QString nextContent = stripComment(m_raw.at(m_pos)).trimmed();
                    // A sequence may sit at the key's own indentation.
                    if (next > indent || (next == indent && nextContent.startsWith(u'-'))) {
                        auto v = parseNode(next);
                        if (!v)
                            return v;
                        object.insert(k, v.value());
                        continue;
                    }
                }
                object.insert(k, QJsonValue::Null);
            } else if (rest == u"|" || rest == u"|-" || rest == u"|+" || rest == u">" || rest == u">-") {
                ++m_pos;
                object.insert(k, blockScalar(indent, rest));
            } else {
                auto v = scalar(rest);
                if (!v)
                    return v;
                object.insert(k, v.value());
                ++m_pos;
            }
        }
        return QJsonValue(object);
    }

    QJsonValue blockScalar(int indent, const QString& style)
    {
        QStringList lines;
        int blockIndent = -1;
        while (m_pos < m_raw.size()) {
            const QString l = m_raw.at(m_pos);
            if (l.trimmed().isEmpty()) {
                lines << QString();
                ++m_pos;
                continue;
            }
            const int ind = indentOf(l);
            if (ind <= indent)
                break;
            if (blockIndent < 0)
                blockIndent = ind;
            lines << l.mid(qMin(ind, blockIndent));
            ++m_pos;
        }
        while (!lines.isEmpty() && lines.constLast().isEmpty())
            lines.removeLast();
        QString text = style.startsWith(u'>') ? lines.join(u' ') : lines.join(u'\n');
        if (!style.endsWith(u'-'))
            text += u'\n';
        return text;
    }

    Result<QJsonValue> scalar(const QString& text) const
    {
        if (text.startsWith(u'"')) {
            // YAML double-quoted escapes are a superset of JSON's; read the common ones.
            QString s;
            qsizetype i = 1;
            for (; i < text.size() && text.at(i) != u'"'; ++i) {
                QChar c = text.at(i);
                if (c != u'\\') {
                    s += c;
                    continue;
                }
                if (++i >= text.size())
                    break;
                c = text.at(i);
                switch (c.unicode()) {
                case 'n': s += u'\n'; break;
                case 't': s += u'\t'; break;
                case 'r': s += u'\r'; break;
                case '0': s += QChar(0); break;
                case '/': s += u'/'; break;
                case ' ': s += u' '; break;
                case 'x': case 'u': case 'U': {
                    const int digits = c == u'x' ? 2 : (c == u'u' ? 4 : 8);
                    bool ok = false;
                    const uint v = text.mid(i + 1, digits).toUInt(&ok, 16);
                    if (!ok)
                        return error(QStringLiteral("bad \\%1 escape").arg(c));
                    const char32_t cp = char32_t(v);
                    s += QString::fromUcs4(&cp, 1);
                    i += digits;
                    break;
                }
                default: s += c;
                }
            }
            if (i >= text.size())
                return error(QStringLiteral("unterminated double-quoted string"));
            if (!text.mid(i + 1).trimmed().isEmpty())
                return error(QStringLiteral("unexpected text after a quoted string"));
            return QJsonValue(s);
        }
        if (text.startsWith(u'\'')) {
            QString s;
            qsizetype i = 1;
            for (; i < text.size(); ++i) {
                if (text.at(i) == u'\'') {
                    if (i + 1 < text.size() && text.at(i + 1) == u'\'') {
                        s += u'\'';
                        ++i;
                        continue;
                    }
                    break;
                }
                s += text.at(i);
            }
            if (i >= text.size())
                return error(QStringLiteral("unterminated single-quoted string"));
            return QJsonValue(s);
        }
        if (text == u"{}")
            return QJsonValue(QJsonObject());
        if (text == u"[]")
            return QJsonValue(QJsonArray());
        if (text == u"~" || text == u"null" || text == u"Null" || text == u"NULL")
            return QJsonValue(QJsonValue::Null);
        if (text == u"true" || text == u"false")
            return QJsonValue(text == u"true");
        // Numbers stay strings: none of the fields read here is numeric.
        return QJsonValue(text);
    }

    QStringList m_raw;
    int m_pos = 0;
};

} // namespace

Result<QJsonValue> parseSimpleYaml(const QByteArray& text)
{
    YamlParser p(text);
    return p.parse();
}

Result<KymaTokenStatus> readTokenRequest(const QByteArray& yamlOrJson)
{
    QJsonObject root;
    const QByteArray trimmed = yamlOrJson.trimmed();
    if (trimmed.startsWith('{')) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            return Error{Error::Code::Format,
                         QStringLiteral("not valid JSON at offset %1: %2").arg(err.offset).arg(err.errorString()), {}};
        root = doc.object();
    } else {
        auto parsed = parseSimpleYaml(yamlOrJson);
        if (!parsed)
            return parsed.error();
        if (!parsed->isObject())
            return Error{Error::Code::Format, QStringLiteral("expected a TokenRequest object"), {}};
        root = parsed->toObject();
    }
    const QString kind = root.value(QStringLiteral("kind")).toString();
    const QString apiVersion = root.value(QStringLiteral("apiVersion")).toString();
    if (kind != u"TokenRequest" || !apiVersion.startsWith(QStringLiteral("applicationconnector.kyma-project.io/")))
        return Error{Error::Code::Format,
                     QStringLiteral("not a Kyma TokenRequest (kind \"%1\", apiVersion \"%2\"): fetch it with kubectl "
                                    "get tokenrequest NAME -o yaml")
                         .arg(kind, apiVersion),
                     QStringLiteral("kind")};
    KymaTokenStatus s;
    s.application = root.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
    const QJsonObject context = root.value(QStringLiteral("context")).toObject();
    s.tenant = context.value(QStringLiteral("tenant")).toString();
    s.group = context.value(QStringLiteral("group")).toString();
    const QJsonObject status = root.value(QStringLiteral("status")).toObject();
    s.state = status.value(QStringLiteral("state")).toString();
    s.token = status.value(QStringLiteral("token")).toString();
    s.url = status.value(QStringLiteral("url")).toString();
    const QString expire = status.value(QStringLiteral("expireAfter")).toString();
    if (!expire.isEmpty()) {
        s.expireAfter = QDateTime::fromString(expire, Qt::ISODateWithMs);
        if (!s.expireAfter.isValid())
            return Error{Error::Code::Format,
                         QStringLiteral("status.expireAfter \"%1\" is not an RFC 3339 time").arg(expire),
                         QStringLiteral("status.expireAfter")};
    }
    if (!s.state.isEmpty() && s.state != u"OK" && s.state != u"ERR")
        return Error{Error::Code::Format, QStringLiteral("status.state \"%1\" is neither OK nor ERR").arg(s.state),
                     QStringLiteral("status.state")};
    return s;
}

} // namespace Tokenbench::Core::Export
