#include "model/couperconfig.h"

#include "model/couperfile.h"
#include "model/couperfilesettings.h"
#include "model/expressionfield.h"
#include "hcl/couperscope.h"
#include "hcl/evaluator.h"
#include "model/schema.h"
#include "model/valueresolver.h"
#include "model/validator.h"
#include "util/boundedread.h"

#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace Tokenbench::Core::Hcl {

namespace {

// Couper resolves env at startup: the process environment, and "" for a referenced but unset variable.
// References stay as references here so the resolver can add --env values and keychain entries.
QMap<QString, QString> startupEnvironment(const Document& document)
{
    QMap<QString, QString> vars;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& key : env.keys())
        vars.insert(key, env.value(key));
    for (const QString& name : envReferences(document)) {
        if (!vars.contains(name))
            vars.insert(name, QString());
    }
    return vars;
}

void evaluateBlock(Block& block, const EvalContext& ctx, const QString& where, const QString& file,
                   Diagnostics& diagnostics)
{
    for (auto it = block.attributes.begin(); it != block.attributes.end(); ++it) {
        const QString text = it.value().trimmed();
        if (ValueResolver::isReference(text) || !evaluatedAtStartup(block.type, it.key()))
            continue;
        const EvalResult r = evaluateExpression(text, ctx);
        if (!r.ok()) {
            for (Diagnostic d : r.diagnostics) {
                d.message = QStringLiteral("%1.%2: %3").arg(where, it.key(), d.message);
                d.file = file;
                d.line = 0;
                diagnostics.append(d);
            }
            continue;
        }
        const Schema::Attribute* schema = Schema::find(block.type, it.key());
        if (r.value.isObject() || r.value.isCollection())
            it.value() = r.value.toJson();
        else if (r.value.isBool() && schema && schema->kind == Schema::Kind::Choice
                 && schema->choices.contains(QStringLiteral("true")) && schema->choices.contains(QStringLiteral("false")))
            // A boolean attribute written as Couper configs write it (`= true`), not only as a string.
            it.value() = r.value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else
            it.value() = scalarString(r.value);
    }
    for (Block& child : block.blocks)
        evaluateBlock(child, ctx, where + u'.' + child.type, file, diagnostics);
}

// disable_certificate_validation as a bool (`= true`) or a string (`= "true"`): the loud warning, at the
// attribute, in `check` as in `token`; any other value is refused as Couper refuses it.
void checkInsecure(const Document& doc, const CouperBackend& mapped, const Block& evaluated, Diagnostics& diagnostics)
{
    static const QString name = QStringLiteral("disable_certificate_validation");
    if (!evaluated.hasAttribute(name))
        return;
    const QString value = evaluated.attribute(name).trimmed();
    if (ValueResolver::isReference(value) || value == u"false")
        return; // a reference is resolved when the backend is used
    const bool insecure = value == u"true";
    Diagnostic d;
    d.severity = insecure ? Diagnostic::Severity::Warning : Diagnostic::Severity::Error;
    d.backend = evaluated.label;
    d.attribute = name;
    d.file = doc.fileName();
    d.message = insecure ? insecureWarning(evaluated.label)
                         : QStringLiteral("disable_certificate_validation must be true or false");
    if (const AttributeNode* a = doc.attributeAt(mapped.link.attributes.value(name))) {
        const SourcePos p = doc.position(a->expr ? a->expr->range.begin : a->name.begin);
        d.line = p.line;
        d.column = p.column;
    }
    diagnostics.append(d);
}

} // namespace

// Only what Couper evaluates at startup and Tokenbench models; request-time expressions (assertion,
// set_request_headers, beta_token_request token/ttl, ...) are kept as written.
bool evaluatedAtStartup(const QString& blockType, const QString& attribute)
{
    if (blockType == BlockType::OAuth2 && attribute == u"assertion")
        return false;
    // Header, query and form modifiers are evaluated per request (they may use request.*, backends.*).
    if (Schema::isRequestModifier(attribute))
        return false;
    return Schema::find(blockType, attribute) != nullptr;
}

bool isHclFile(const QString& path)
{
    return path.endsWith(QStringLiteral(".hcl"), Qt::CaseInsensitive);
}

Result<CouperConfig> loadCouperConfig(const QString& path)
{
    auto bytes = readFileLimited(path, FileLimits::ConfigFile, QStringLiteral("configuration file"));
    if (!bytes)
        return bytes.error();
    CouperConfig config = parseCouperConfig(*bytes, path);
    CouperFileSettings::restore(path, config.backends, config.diagnostics); // the sidecar's Tokenbench settings
    return config;
}

CouperConfig parseCouperConfig(const QByteArray& source, const QString& path)
{
    CouperConfig config;
    config.fileName = path;
    config.source = source;
    const Document doc = Document::parse(config.source, path);
    const CouperFile mapped = mapCouperFile(doc);
    config.diagnostics = mapped.diagnostics;
    for (Diagnostic& d : config.diagnostics) {
        if (d.file.isEmpty())
            d.file = path;
    }
    const EvalContext ctx = couperContext(EvaluationTime::Startup, startupEnvironment(doc));
    for (const CouperBackend& b : mapped.backends) {
        Block block = b.block;
        keepExpressionSources(block); // forms and save-back keep expressions, not their values
        evaluateBlock(block, ctx, block.label, path, config.diagnostics);
        checkInsecure(doc, b, block, config.diagnostics);
        config.backends.append(block);
    }
    return config;
}

} // namespace Tokenbench::Core::Hcl
