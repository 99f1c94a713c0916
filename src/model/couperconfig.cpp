#include "model/couperconfig.h"

#include "model/couperfile.h"
#include "hcl/couperscope.h"
#include "hcl/evaluator.h"
#include "model/schema.h"
#include "model/valueresolver.h"
#include "model/validator.h"
#include "util/boundedread.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcessEnvironment>

#include <algorithm>

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
                // Where in the expression (line:col relative to it); placed in the file by the caller.
                d.block = where;
                d.attribute = it.key();
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

// An evaluation problem of attribute `d.attribute` in block path `d.block` ("label.oauth2..."), with its
// line:col relative to the expression: placed at the same spot in the file.
void placeEvaluationDiagnostic(const Document& doc, const CouperBackend& b, Diagnostic& d)
{
    const QString label = b.block.label;
    const QString blockPath = d.block.size() > label.size() ? d.block.mid(label.size() + 1) : QString();
    d.backend = label;
    d.block = blockPath;
    const Block* block = &b.block;
    const SyntaxLink* link = &b.link;
    for (const QString& part : blockPath.split(u'.', Qt::SkipEmptyParts)) {
        qsizetype index = -1;
        for (qsizetype i = 0; i < block->blocks.size() && index < 0; ++i)
            if (block->blocks[i].type == part)
                index = i;
        if (index < 0 || index >= link->blocks.size())
            break;
        block = &block->blocks[index];
        link = &link->blocks[index];
    }
    const AttributeNode* a = doc.attributeAt(link->attributes.value(d.attribute));
    if (!a || !a->expr) {
        d.line = 0;
        return;
    }
    const SourcePos start = doc.position(a->expr->range.begin);
    const int relLine = std::max(d.line, 1);
    const int relColumn = std::max(d.column, 1);
    d.line = start.line + relLine - 1;
    d.column = relLine == 1 ? start.column + relColumn - 1 : relColumn;
    d.endLine = 0;
    d.endColumn = 0;
}

// The model path of a validator diagnostic (backend, block path of selectors, attribute) → the syntax it
// names: the attribute, else (an absent attribute) its block's opening brace, else the backend's label.
void placeRuleDiagnostic(const Document& doc, const QHash<QString, const CouperBackend*>& byLabel, Diagnostic& d)
{
    const CouperBackend* b = byLabel.value(d.backend);
    if (!b)
        return;
    const Block* block = &b->block;
    const SyntaxLink* link = &b->link;
    bool found = true;
    for (const QString& part : d.block.split(u'.', Qt::SkipEmptyParts)) {
        qsizetype index = -1;
        for (qsizetype i = 0; i < block->blocks.size() && index < 0; ++i)
            if (block->blocks[i].matches(part))
                index = i;
        if (index < 0 || index >= link->blocks.size()) {
            found = false;
            break;
        }
        block = &block->blocks[index];
        link = &link->blocks[index];
    }
    Range where;
    if (const AttributeNode* a = found && !d.attribute.isEmpty() ? doc.attributeAt(link->attributes.value(d.attribute))
                                                                 : nullptr) {
        where = a->name;
    } else if (const BlockNode* node = doc.blockAt(found ? link->block : b->link.block)) {
        if (found && !d.attribute.isEmpty())
            where = node->openBrace; // HCL puts a missing argument there
        else if (!node->labels.empty() && !b->anonymous)
            where = node->labels[0];
        else
            where = node->type;
    } else {
        return;
    }
    const Diagnostic placed = doc.diagnostic(d.severity, where, d.message);
    d.line = placed.line;
    d.column = placed.column;
    d.endLine = placed.endLine;
    d.endColumn = placed.endColumn;
}

// The labelled jwt_signing_profile blocks of definitions, checked at start-up by Couper (configload
// configureJWTSigningConfig) with the rules of a nested profile. Literal values only: a computed one
// (env.NAME, a function) is left alone, and claims are never evaluated (jwt_sign() does that per call).
Diagnostics validateDefinedProfiles(const Document& doc, const QString& path)
{
    Diagnostics out;
    Validator::Context context;
    context.couperFile = true;
    context.baseDirectory = QFileInfo(path).absolutePath();
    for (const BodyItem& item : doc.body().items) {
        if (!item.block || doc.blockType(*item.block) != u"definitions")
            continue;
        for (const BodyItem& child : item.block->body.items) {
            if (!child.block || doc.blockType(*child.block) != u"jwt_signing_profile" || child.block->labels.empty())
                continue;
            const BlockNode& node = *child.block;
            Block profile{QStringLiteral("jwt_signing_profile"), doc.labelValue(node.labels[0]), {}, {}};
            for (const char* name : {"signature_algorithm", "ttl", "key", "key_file", "headers"}) {
                const AttributeNode* a = node.body.attribute(QByteArrayView(name), doc.source());
                if (!a)
                    continue;
                QString value;
                if (qstrcmp(name, "headers") == 0)
                    value = doc.expressionText(*a);
                else if (!literalString(doc, a, value))
                    value = QStringLiteral("env.TOKENBENCH_COMPUTED"); // known only when Couper evaluates it
                profile.attributes.insert(QString::fromLatin1(name), value);
            }
            for (Diagnostic d : Validator::validateSigningProfile(profile, context)) {
                d.file = path;
                d.block = QStringLiteral("jwt_signing_profile \"%1\"").arg(profile.label);
                const AttributeNode* a = d.attribute.isEmpty()
                                             ? nullptr
                                             : node.body.attribute(QByteArrayView(d.attribute.toUtf8()), doc.source());
                const Diagnostic placed = doc.diagnostic(d.severity, a ? a->name : node.openBrace, d.message);
                d.line = placed.line;
                d.column = placed.column;
                d.endLine = placed.endLine;
                d.endColumn = placed.endColumn;
                out.append(d);
            }
        }
    }
    return out;
}

// The Validator's rules (the same as for a workspace) on a Couper file's backends, each placed in the file.
// A Tokenbench extension that Couper refuses is an error here: Couper does not start with it.
Diagnostics validateCouperBackends(const Document& doc, const CouperFile& mapped, const QList<Block>& backends,
                                   const QString& path, const ValueResolver* resolver = nullptr,
                                   const QSet<QString>* keychainNames = nullptr)
{
    Validator::Context context;
    context.couperFile = true;
    context.baseDirectory = QFileInfo(path).absolutePath();
    context.keychainNotAsked = keychainNames == nullptr;
    if (keychainNames)
        context.keychainNames = *keychainNames;
    Diagnostics all = Validator::validateBackends(backends, resolver, context);
    QHash<QString, const CouperBackend*> byLabel;
    for (const CouperBackend& b : mapped.backends)
        if (!byLabel.contains(b.block.label))
            byLabel.insert(b.block.label, &b);
    // Like the parser and the file rules: a file that breaks rules thousands of times gets the first 100.
    constexpr qsizetype MaxReported = 100;
    Diagnostics out;
    for (Diagnostic& d : all) {
        if (out.size() == MaxReported) {
            Diagnostic note = out.constLast();
            note.severity = hasErrors(all) ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
            note.message = QStringLiteral("Too many problems: only the first %1 are reported; fix these and check the "
                                          "file again.")
                               .arg(MaxReported);
            out.append(note);
            break;
        }
        d.file = path;
        if (d.couperCompatibility && d.severity == Diagnostic::Severity::Warning)
            d.severity = Diagnostic::Severity::Error;
        placeRuleDiagnostic(doc, byLabel, d);
        out.append(d);
    }
    return out;
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
    return parseCouperConfig(*bytes, path);
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
        const qsizetype first = config.diagnostics.size();
        evaluateBlock(block, ctx, block.label, path, config.diagnostics);
        for (qsizetype i = first; i < config.diagnostics.size(); ++i)
            placeEvaluationDiagnostic(doc, b, config.diagnostics[i]);
        config.backends.append(block);
    }
    config.loadDiagnostics = config.diagnostics;
    config.diagnostics += validateCouperBackends(doc, mapped, config.backends, path);
    config.diagnostics += validateDefinedProfiles(doc, path);
    return config;
}

Diagnostics CouperConfig::ruleDiagnostics(const ValueResolver* resolver, const QSet<QString>* keychainNames) const
{
    const Document doc = Document::parse(source, fileName);
    const CouperFile mapped = mapCouperFile(doc);
    return validateCouperBackends(doc, mapped, backends, fileName, resolver, keychainNames) +
           validateDefinedProfiles(doc, fileName);
}

} // namespace Tokenbench::Core::Hcl
