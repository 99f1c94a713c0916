#include "export/exporter.h"

#include "export/betaplan.h"
#include "export/couperexporter.h"
#include "export/curlexporter.h"
#include "export/httpfileexporter.h"
#include "export/oauth2cexporter.h"
#include "model/couperconfig.h"
#include "model/schema.h"
#include "model/secretliterals.h"
#include "model/valueresolver.h"
#include "hcl/couperscope.h"
#include "hcl/document.h"

#include <QHash>
#include <QUrl>
#include <QUrlQuery>
#include "net/betatokenrequest.h"

#include <algorithm>
#include <optional>

namespace Tokenbench::Core::Export {

Exporter::~Exporter() = default;

void ExportOutput::addVariable(const Variable& v)
{
    for (Variable& existing : variables) {
        if (existing.name == v.name) {
            existing.secret = existing.secret || v.secret;
            return;
        }
    }
    variables.append(v);
}

QStringList ExportOutput::variableNames() const
{
    QStringList names;
    for (const Variable& v : variables)
        names << v.name;
    return names;
}

const QList<std::shared_ptr<const Exporter>>& exporters()
{
    static const QList<std::shared_ptr<const Exporter>> all = {
        std::make_shared<CouperExporter>(),
        std::make_shared<CurlExporter>(),
        std::make_shared<OAuth2cExporter>(),
        std::make_shared<HttpFileExporter>(),
    };
    return all;
}

std::shared_ptr<const Exporter> exporterFor(const QString& id)
{
    for (const auto& e : exporters()) {
        if (e->id() == id)
            return e;
    }
    return nullptr;
}

ExportValue exportValue(const Block& backend, const Block& block, const QString& blockPath, const QString& name,
                        ExportOutput* out)
{
    ExportValue v;
    const QString text = block.attribute(name);
    v.secret = Schema::isSecret(block.type, name);
    if (const auto ref = ValueResolver::referenceName(text.trimmed())) {
        v.variable = *ref;
    } else if (Hcl::readsClientRequest(block.type, name, text)) {
        // Its value comes with each client request (assertion = request.headers.x-assertion): an export
        // has none, so the user gives it.
        v.variable = ValueResolver::suggestName(backend.label, name);
        if (out) {
            out->notes << QStringLiteral("%1.%2 reads the client request (%3) and Couper evaluates it per request; "
                                         "the export reads it from %4 instead (set it before running)")
                              .arg(blockPath, name, Hcl::clientRequestReads(text).join(QStringLiteral(", ")),
                                   v.variable);
        }
    } else if (v.secret && !text.isEmpty()) {
        // A literal secret is never written: it becomes a variable the user sets.
        v.variable = ValueResolver::suggestName(backend.label, name);
        if (out) {
            out->notes << QStringLiteral("%1.%2 was a literal value; it is read from %3 instead (set it before "
                                         "running)")
                              .arg(blockPath, name, v.variable);
        }
    } else {
        v.literal = text;
    }
    if (out && v.isVariable())
        out->addVariable({v.variable, blockPath + u'.' + name, v.secret});
    return v;
}

QString grantOf(const Block& oauth2)
{
    return oauth2.attribute(QStringLiteral("grant_type")).trimmed();
}

QString authMethodOf(const Block& oauth2)
{
    const QString m = oauth2.attribute(QStringLiteral("token_endpoint_auth_method")).trimmed();
    return m.isEmpty() ? Schema::AuthMethod::Basic : m;
}

namespace {

// The value an attribute's text stands for, when it is a value: the resolved reference, the model's
// value of an attribute Couper evaluates at start-up, or a plain string literal. Expressions
// (request.headers.x-assertion, jwt_sign(...), "${env.X}") are not values: nullopt.
std::optional<QString> valueOf(const Block& block, const QString& name, const QString& text,
                               const ValueResolver& resolver)
{
    if (ValueResolver::isReference(text.trimmed())) {
        const auto resolved = resolver.resolve(text.trimmed());
        return resolved.value.isEmpty() ? std::nullopt : std::optional<QString>(resolved.value);
    }
    if (Hcl::holdsValue(block.type, name, text))
        return text;
    return SecretLiterals::plainStringLiteral(text);
}

void collectSecrets(const Block& block, const QString& path, const ValueResolver& resolver,
                    QList<QPair<QString, QString>>* out)
{
    const QString prefix = path.isEmpty() ? QString() : path + u'.';
    for (auto it = block.attributes.cbegin(); it != block.attributes.cend(); ++it) {
        if (Schema::isSecret(block.type, it.key())) {
            const auto value = valueOf(block, it.key(), it.value(), resolver);
            if (value && !value->isEmpty())
                out->append({prefix + it.key(), *value});
        } else if (SecretLiterals::isCredentialMap(block.type, it.key())) {
            for (const SecretLiterals::Literal& l : SecretLiterals::find(block.type, it.key(), it.value()))
                out->append({prefix + it.key() + u'.' + l.key, l.value});
        } else if (it.key() == u"token_endpoint" || it.key() == u"url") {
            // Credentials in a URL's query or userinfo.
            const auto url = valueOf(block, it.key(), it.value(), resolver);
            if (!url)
                continue;
            for (const auto& [param, value] : SecretLiterals::urlSecrets(*url))
                out->append({prefix + it.key() + u'.' + param, value});
        }
    }
    for (const Block& child : block.blocks)
        collectSecrets(child, prefix + child.type, resolver, out);
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// `value` as a whole token of `text`: "pass" is not found inside "password", but in "pass", =pass& or
// "Bearer pass".
bool containsToken(const QString& text, const QString& value)
{
    if (value.isEmpty())
        return false;
    const bool wordStart = isWordChar(value.front());
    const bool wordEnd = isWordChar(value.back());
    for (qsizetype i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
        const qsizetype end = i + value.size();
        const bool startOk = !wordStart || i == 0 || !isWordChar(text.at(i - 1));
        const bool endOk = !wordEnd || end == text.size() || !isWordChar(text.at(end));
        if (startOk && endOk)
            return true;
    }
    return false;
}

qsizetype countTokens(const QString& text, const QString& value)
{
    if (value.isEmpty())
        return 0;
    const bool wordStart = isWordChar(value.front());
    const bool wordEnd = isWordChar(value.back());
    qsizetype n = 0;
    for (qsizetype i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
        const qsizetype end = i + value.size();
        const bool startOk = !wordStart || i == 0 || !isWordChar(text.at(i - 1));
        const bool endOk = !wordEnd || end == text.size() || !isWordChar(text.at(end));
        if (startOk && endOk)
            ++n;
    }
    return n;
}

// `text` with every whole-token occurrence of `value` replaced by `replacement`.
QString replaceTokens(const QString& text, const QString& value, const QString& replacement)
{
    if (value.isEmpty())
        return text;
    const bool wordStart = isWordChar(value.front());
    const bool wordEnd = isWordChar(value.back());
    QString out;
    qsizetype from = 0;
    for (qsizetype i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
        const qsizetype end = i + value.size();
        const bool startOk = !wordStart || i == 0 || !isWordChar(text.at(i - 1));
        const bool endOk = !wordEnd || end == text.size() || !isWordChar(text.at(end));
        if (!startOk || !endOk || i < from)
            continue;
        out += text.mid(from, i - from) + replacement;
        from = end;
    }
    return out + text.mid(from);
}

// A copy of `block` with every secret value the scan knows replaced by its canary (equal values, equal
// canaries, so the export's structure stays the same): the secret attributes and map literals, and the same
// values typed into other attributes that hold values (a secret pasted into scope by mistake).
Block withCanaries(const Block& block, QHash<QString, QString>* canaryFor)
{
    auto canary = [&](const QString& value) {
        auto it = canaryFor->constFind(value);
        if (it != canaryFor->cend())
            return it.value();
        const QString c = QStringLiteral("TbCanary%1x").arg(canaryFor->size() + 1, 4, 10, QLatin1Char('0'));
        canaryFor->insert(value, c);
        return c;
    };
    Block copy = block;
    for (auto it = copy.attributes.begin(); it != copy.attributes.end(); ++it) {
        QString& text = it.value();
        if (Schema::isSecret(block.type, it.key())) {
            if (ValueResolver::isReference(text.trimmed()) || text.isEmpty())
                continue;
            if (Hcl::evaluatedAtStartup(block.type, it.key()))
                text = canary(text);
            else if (const auto literal = SecretLiterals::plainStringLiteral(text))
                text = Hcl::quoteString(canary(*literal));
        } else if (SecretLiterals::isCredentialMap(block.type, it.key())) {
            QByteArray bytes = text.toUtf8();
            const QList<SecretLiterals::Literal> found = SecretLiterals::find(block.type, it.key(), text);
            for (qsizetype i = found.size() - 1; i >= 0; --i) {
                const SecretLiterals::Literal& l = found.at(i);
                if (l.begin >= 0 && l.end <= bytes.size() && l.end > l.begin)
                    bytes.replace(l.begin, l.end - l.begin, Hcl::quoteString(canary(l.value)).toUtf8());
            }
            text = QString::fromUtf8(bytes);
        } else if (it.key() == u"token_endpoint" || it.key() == u"url") {
            const bool literal = !Hcl::evaluatedAtStartup(block.type, it.key());
            const auto url = literal ? SecretLiterals::plainStringLiteral(text) : std::optional<QString>(text);
            if (!url || SecretLiterals::urlSecrets(*url).isEmpty())
                continue;
            QUrl u(url->trimmed());
            if (!u.password().isEmpty())
                u.setPassword(canary(u.password(QUrl::FullyDecoded)));
            QUrlQuery query(u);
            QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
            for (auto& [name, value] : items) {
                if (!value.isEmpty() && (SecretLiterals::isCredentialName(name) || SecretLiterals::looksLikeCredential(value)))
                    value = canary(value);
            }
            query.setQueryItems(items);
            u.setQuery(query);
            text = literal ? Hcl::quoteString(u.toString(QUrl::FullyEncoded)) : u.toString(QUrl::FullyEncoded);
        } else if (const Schema::Attribute* spec = Schema::find(block.type, it.key());
                   spec && (spec->kind == Schema::Kind::String || spec->kind == Schema::Kind::Url) &&
                   Hcl::evaluatedAtStartup(block.type, it.key()) && !ValueResolver::isReference(text.trimmed())) {
            // Free text only: a choice (grant_type = "password") is the export's own word.
            QStringList known = canaryFor->keys();
            std::sort(known.begin(), known.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
            for (const QString& value : std::as_const(known))
                text = replaceTokens(text, value, canaryFor->value(value));
        }
    }
    for (Block& child : copy.blocks)
        child = withCanaries(child, canaryFor);
    return copy;
}

} // namespace

SecretScan scanExport(const Exporter& exporter, const ExportInput& input, const QString& text,
                      const ValueResolver& resolver)
{
    SecretScan scan;
    const QList<Block> scanned = exportedBlocks(input, exporter.id());
    QList<QPair<QString, QString>> values;
    for (const Block& b : scanned) {
        QList<QPair<QString, QString>> own;
        collectSecrets(b, QString(), resolver, &own);
        for (const auto& [place, value] : std::as_const(own))
            values.append({QStringLiteral("backend \"%1\" %2").arg(b.label, place), value});
    }
    QHash<QString, QString> canaryFor;
    for (const auto& [place, value] : std::as_const(values)) {
        if (!canaryFor.contains(value))
            canaryFor.insert(value, QStringLiteral("TbCanary%1x").arg(canaryFor.size() + 1, 4, 10, QLatin1Char('0')));
    }
    ExportInput again = input;
    again.backend = withCanaries(input.backend, &canaryFor);
    for (Block& b : again.backends)
        b = withCanaries(b, &canaryFor);
    const auto second = exporter.exportBackend(again);
    if (!second) {
        // Cannot tell the export's own words from the values: every whole-token occurrence counts.
        SecretScan plain = scanForSecrets(text, scanned, resolver);
        return plain;
    }
    const QString& reference = second->text;
    for (const auto& [place, value] : std::as_const(values)) {
        if (scan.leaks.contains(place))
            continue;
        const QString c = canaryFor.value(value);
        if ((!c.isEmpty() && reference.contains(c)) || countTokens(text, value) > countTokens(reference, value))
            scan.leaks << place;
    }
    return scan;
}

QStringList findValues(const QString& text, const QList<QPair<QString, QString>>& placeAndValue)
{
    QStringList found;
    for (const auto& [place, value] : placeAndValue) {
        if (value.size() >= 4 && !found.contains(place) && containsToken(text, value))
            found << place;
    }
    return found;
}

QList<Block> exportedBlocks(const ExportInput& input, const QString& formatId)
{
    if (formatId == u"couper")
        return {input.backend};
    Block part{input.backend.type, input.backend.label, {}, {}};
    for (const char* name : {"origin", "path", "tokenbench_resource_url"}) {
        const QString key = QString::fromLatin1(name);
        if (input.backend.hasAttribute(key))
            part.attributes.insert(key, input.backend.attribute(key));
    }
    QList<Block> out;
    if (!exportsBetaTokenRequest(input)) {
        if (const Block* o = input.backend.child(BlockType::OAuth2))
            part.blocks.append(*o);
        return {part};
    }
    QString label = input.requestLabel;
    const QList<const Block*> requests = betaTokenRequests(input.backend);
    if (label.isEmpty() && requests.size() == 1)
        label = betaLabel(*requests.constFirst());
    else if (label.isEmpty())
        label = QStringLiteral("default");
    for (const Block* r : requests) {
        if (betaLabel(*r) != label)
            continue;
        part.blocks.append(*r);
        // A token backend referenced by name is written too (its origin).
        if (const auto name = SecretLiterals::plainStringLiteral(r->attribute(QStringLiteral("backend")))) {
            for (const Block& b : input.backends) {
                if (b.label == *name)
                    out.append(b);
            }
        }
    }
    out.prepend(part);
    return out;
}

SecretScan scanForSecrets(const QString& text, const QList<Block>& backends, const ValueResolver& resolver)
{
    SecretScan scan;
    QList<QPair<QString, QString>> values;
    for (const Block& b : backends) {
        QList<QPair<QString, QString>> own;
        collectSecrets(b, QString(), resolver, &own);
        for (auto& [place, value] : own) {
            const QString where = QStringLiteral("backend \"%1\" %2").arg(b.label, place.startsWith(u'.') ? place.mid(1) : place);
            if (value.size() < 4)
                scan.tooShort << where;
            values.append({where, value});
        }
    }
    scan.leaks = findValues(text, values);
    return scan;
}

} // namespace Tokenbench::Core::Export
