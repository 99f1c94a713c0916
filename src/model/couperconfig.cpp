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

#include <algorithm>
#include <memory>

#include <QDir>
#include <QHash>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

namespace Tokenbench::Core::Hcl {

namespace {

using Sev = Diagnostic::Severity;

QMap<QString, QString> processEnvironment()
{
    QMap<QString, QString> vars;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& key : env.keys())
        vars.insert(key, env.value(key));
    return vars;
}

// Couper's env at start-up (eval.NewContext): the defaults' environment_variables, overridden by the process
// environment, and "" for a variable some file references but nothing sets. References stay as references
// in the model so the resolver can add --env values and keychain entries.
QMap<QString, QString> startupEnvironment(const QList<const Document*>& documents, const QMap<QString, QString>& defaults)
{
    QMap<QString, QString> vars = defaults;
    const QMap<QString, QString> process = processEnvironment();
    for (auto it = process.cbegin(); it != process.cend(); ++it)
        vars.insert(it.key(), it.value());
    for (const Document* doc : documents) {
        for (const QString& name : envReferences(*doc)) {
            if (!vars.contains(name))
                vars.insert(name, QString());
        }
    }
    return vars;
}

// "Call to unknown function: there is no function named "jwt_sign"." for one of Couper's context functions.
bool callsContextFunction(const QString& message)
{
    if (!message.startsWith(QStringLiteral("Call to unknown function")))
        return false;
    for (const QString& name : contextFunctions()) {
        if (message.contains(u'"' + name + u'"'))
            return true;
    }
    return false;
}

QString timeName(EvaluationTime time)
{
    switch (time) {
    case EvaluationTime::Startup:
        return QStringLiteral("once at start-up, where only env, couper and functions exist");
    case EvaluationTime::PerRequest:
        return QStringLiteral("for every request");
    case EvaluationTime::TokenResponse:
        return QStringLiteral("after the token response");
    }
    return {};
}

struct Contexts
{
    EvalContext startup;
    EvalContext perRequest;
    EvalContext tokenResponse;
    const EvalContext& at(EvaluationTime time) const
    {
        return time == EvaluationTime::Startup ? startup
                                               : (time == EvaluationTime::PerRequest ? perRequest : tokenResponse);
    }
};

class Loader
{
public:
    Loader(const Document& doc, const Contexts& contexts, Diagnostics& diagnostics, QMap<QString, Diagnostic>& reads)
        : m_doc(doc), m_contexts(contexts), m_diagnostics(diagnostics), m_reads(reads)
    {
    }

    // `blockPath` names the block by types ("oauth2.jwt_signing_profile"), `named` with token request labels
    // (`beta_token_request "tr"`), as a run names it.
    void evaluateBlock(Block& block, const SyntaxLink& link, const QString& backend, const QString& blockPath,
                       const QString& named)
    {
        const QString where = named.isEmpty() ? backend : backend + u'.' + named;
        for (auto it = block.attributes.begin(); it != block.attributes.end(); ++it) {
            const AttributeNode* node = m_doc.attributeAt(link.attributes.value(it.key()));
            const auto time = Schema::couperEvaluationTime(block.type, it.key());
            if (!node || !node->expr || !time)
                continue; // not in the table: kept as written
            const bool clientRequest = checkVariables(*node, *time, backend, blockPath, where, it.key());
            if (clientRequest) {
                Diagnostic at = m_doc.diagnostic(Sev::Info, node->expr->range, QString());
                at.backend = backend;
                at.block = blockPath;
                at.attribute = it.key();
                m_reads.insert(where + u'.' + it.key(), at);
            }
            const EvalResult r = evaluate(m_doc, node->expr, m_contexts.at(*time));
            // With variables whose values only a request brings (null here), a failing evaluation says
            // nothing; an unknown function fails whatever the values are.
            const bool valuesKnown = readsOnlyStartup(*node);
            for (Diagnostic d : r.diagnostics) {
                if (d.message.startsWith(QStringLiteral("Unknown variable:")))
                    continue; // said above, with what the evaluation time offers
                if (callsContextFunction(d.message))
                    continue; // a Couper function Tokenbench does not evaluate (jwt_sign, ...): not an error
                if (!valuesKnown && !d.message.startsWith(QStringLiteral("Call to unknown function")))
                    continue;
                d.message = QStringLiteral("%1.%2: %3").arg(where, it.key(), d.message);
                d.backend = backend;
                d.block = blockPath;
                d.attribute = it.key();
                if (d.file.isEmpty())
                    d.file = m_doc.fileName();
                report(d);
            }
            const QString text = it.value().trimmed();
            if (!r.ok() || clientRequest || ValueResolver::isReference(text) || !evaluatedAtStartup(block.type, it.key()))
                continue; // kept as written
            const Schema::Attribute* schema = Schema::find(block.type, it.key());
            if (r.value.isObject() || r.value.isCollection())
                it.value() = r.value.toJson();
            else if (r.value.isBool() && schema && schema->kind == Schema::Kind::Choice &&
                     schema->choices.contains(QStringLiteral("true")) && schema->choices.contains(QStringLiteral("false")))
                // A boolean attribute written as Couper configs write it (`= true`), not only as a string.
                it.value() = r.value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            else
                it.value() = scalarString(r.value);
        }
        for (qsizetype i = 0; i < block.blocks.size() && i < link.blocks.size(); ++i) {
            Block& child = block.blocks[i];
            const QString childPath = blockPath.isEmpty() ? child.type : blockPath + u'.' + child.type;
            const QString childName =
                child.type == u"beta_token_request"
                    ? QStringLiteral("beta_token_request \"%1\"").arg(child.label.isEmpty() ? QStringLiteral("default") : child.label)
                    : child.type;
            const QString childNamed = named.isEmpty() ? childName : named + u'.' + childName;
            // An inline `backend { }` is also mapped as a backend of its own (anonymous_L_C) and reported
            // there; here only its values are needed.
            const bool quiet = m_quiet;
            m_quiet = m_quiet || (child.type == BlockType::Backend && child.label.isEmpty());
            evaluateBlock(child, link.blocks[i], backend, childPath, childNamed);
            m_quiet = quiet;
        }
    }

private:
    bool readsOnlyStartup(const AttributeNode& node) const
    {
        for (const VariableUse& use : variableUses(node.expr, m_doc.source())) {
            if (!couperVariables(EvaluationTime::Startup).contains(use.name))
                return false;
        }
        return true;
    }

    // Root variables the attribute's time does not offer: an error at start-up (Couper refuses to start),
    // a warning per request (Couper reads an unknown variable as null there). Returns whether the
    // expression reads a client request.
    bool checkVariables(const AttributeNode& node, EvaluationTime time, const QString& backend,
                        const QString& blockPath, const QString& where, const QString& attribute)
    {
        bool clientRequest = false;
        QStringList reported;
        for (const VariableUse& use : variableUses(node.expr, m_doc.source())) {
            clientRequest = clientRequest || clientRequestVariables().contains(use.name);
            if (couperVariables(time).contains(use.name) || reported.contains(use.name))
                continue;
            reported << use.name;
            QString message;
            Sev severity = Sev::Error;
            if (time == EvaluationTime::Startup) {
                message = QStringLiteral("%1.%2: Unknown variable: there is no variable named \"%3\". Couper evaluates "
                                         "%2 %4")
                              .arg(where, attribute, use.name, timeName(time));
                if (couperVariables(EvaluationTime::TokenResponse).contains(use.name))
                    message += QStringLiteral("; %1.* is a request variable and cannot be used here").arg(use.name);
                message += u'.';
            } else {
                severity = Sev::Warning;
                message = QStringLiteral("%1.%2: Unknown variable: there is no variable named \"%3\"; Couper reads it "
                                         "as null %4 (the variables there: %5).")
                              .arg(where, attribute, use.name, timeName(time),
                                   couperVariables(time).join(QStringLiteral(", ")));
            }
            Diagnostic d = m_doc.diagnostic(severity, use.range, message);
            d.backend = backend;
            d.block = blockPath;
            d.attribute = attribute;
            report(d);
        }
        return clientRequest;
    }

    void report(const Diagnostic& d)
    {
        if (!m_quiet)
            m_diagnostics.append(d);
    }

    const Document& m_doc;
    const Contexts& m_contexts;
    Diagnostics& m_diagnostics;
    QMap<QString, Diagnostic>& m_reads;
    bool m_quiet = false;
};


// defaults { environment_variables = { NAME = "value" } } of one file, as Couper's mergeDefaults reads it:
// an object whose keys are identifiers or plain strings, values evaluated with env and functions.
void readDefaults(const Document& doc, const EvalContext& ctx, QMap<QString, QString>& out, Diagnostics& diagnostics)
{
    for (const BodyItem& item : doc.body().items) {
        if (!item.block || doc.blockType(*item.block) != u"defaults")
            continue;
        for (const BodyItem& inner : item.block->body.items) {
            if (inner.block && doc.blockType(*inner.block) == u"environment_variables") {
                diagnostics.append(doc.diagnostic(
                    Sev::Warning, inner.block->type,
                    QStringLiteral("Couper ignores an environment_variables block: write the attribute "
                                   "environment_variables = { NAME = \"value\" } to set defaults for env.NAME")));
                continue;
            }
            if (!inner.attribute || doc.attributeName(*inner.attribute) != u"environment_variables")
                continue;
            const Expr* object = inner.attribute->expr;
            if (!object || object->kind != ExprKind::Object) {
                diagnostics.append(doc.diagnostic(Sev::Error, object ? object->range : inner.attribute->name,
                                                  QStringLiteral("environment_variables must be object type")));
                continue;
            }
            for (size_t i = 0; i + 1 < object->children.size(); i += 2) {
                const Expr* key = object->children[i];
                const Expr* value = object->children[i + 1];
                QString name;
                if (key && key->kind == ExprKind::ObjectKeyIdent) {
                    name = doc.text(key->name);
                } else if (key && key->kind == ExprKind::Template && !(key->op & TemplateFlags::Heredoc) &&
                           std::all_of(key->children.cbegin(), key->children.cend(),
                                       [](const Expr* p) { return p && p->kind == ExprKind::TemplateText; })) {
                    for (const Expr* p : key->children)
                        name += p->text;
                } else {
                    const bool traversal = key && (key->kind == ExprKind::GetAttr || key->kind == ExprKind::Index);
                    const bool keyTemplate = key && key->kind == ExprKind::Template;
                    diagnostics.append(doc.diagnostic(
                        Sev::Error, key ? key->range : object->range,
                        traversal      ? QStringLiteral("unsupported key scope traversal expression")
                        : keyTemplate ? QStringLiteral("unsupported key template expression")
                                       : QStringLiteral("unsupported key expression")));
                    continue;
                }
                const EvalResult r = evaluate(doc, value, ctx);
                if (!r.ok()) {
                    for (Diagnostic d : r.diagnostics) {
                        d.message = QStringLiteral("defaults.environment_variables.%1: %2").arg(name, d.message);
                        diagnostics.append(d);
                    }
                    continue;
                }
                if (r.value.isObject() || r.value.isCollection()) {
                    diagnostics.append(doc.diagnostic(
                        Sev::Error, value->range,
                        QStringLiteral("defaults.environment_variables.%1: the value must be a string").arg(name)));
                    continue;
                }
                out.insert(name, scalarString(r.value));
            }
        }
    }
}


// A model path (backend, block path of selectors, attribute) → the syntax it names in `doc`: the attribute,
// else (an absent attribute) its block's opening brace, else the backend's label.
void placeRuleDiagnostic(const Document& doc, const CouperBackend& b, Diagnostic& d)
{
    const Block* block = &b.block;
    const SyntaxLink* link = &b.link;
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
    } else if (const BlockNode* node = doc.blockAt(found ? link->block : b.link.block)) {
        if (found && !d.attribute.isEmpty())
            where = node->openBrace; // HCL puts a missing argument there
        else if (!node->labels.empty() && !b.anonymous)
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
Diagnostics validateDefinedProfiles(const Document& doc, const QString& baseDirectory)
{
    Diagnostics out;
    Validator::Context context;
    context.couperFile = true;
    context.baseDirectory = baseDirectory;
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
                d.file = doc.fileName();
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

// One file of a configuration with its mapping: where a rule diagnostic of its backends is placed.
struct MappedSource
{
    const Document* doc = nullptr;
    const CouperFile* mapped = nullptr;
};

// The Validator's rules (the same as for a workspace) on a configuration's merged backends, each placed in
// the file its backend came from (a later file's definition wins, as in the merge). A Tokenbench extension
// that Couper refuses is an error here: Couper does not start with it.
// `loaded`: what loading reported; an attribute whose expression already failed there (kept as written)
// is not judged again as a value.
Diagnostics validateCouperBackends(const QList<MappedSource>& sources, const QList<Block>& backends,
                                   const QString& baseDirectory, const Diagnostics& loaded,
                                   const ValueResolver* resolver = nullptr, const QSet<QString>* keychainNames = nullptr)
{
    QSet<QString> failed;
    for (const Diagnostic& d : loaded) {
        if (d.severity == Diagnostic::Severity::Error && !d.attribute.isEmpty())
            failed.insert(d.backend + u'\x1f' + d.block + u'\x1f' + d.attribute);
    }
    Validator::Context context;
    context.couperFile = true;
    context.baseDirectory = baseDirectory;
    context.keychainNotAsked = keychainNames == nullptr;
    if (keychainNames)
        context.keychainNames = *keychainNames;
    Diagnostics all = Validator::validateBackends(backends, resolver, context);
    QHash<QString, std::pair<const Document*, const CouperBackend*>> byLabel;
    for (const MappedSource& s : sources) {
        for (const CouperBackend& b : s.mapped->backends)
            byLabel.insert(b.block.label, {s.doc, &b});
    }
    // Like the parser and the file rules: a file that breaks rules thousands of times gets the first 100.
    constexpr qsizetype MaxReported = 100;
    Diagnostics out;
    for (Diagnostic& d : all) {
        if (!d.attribute.isEmpty() && failed.contains(d.backend + u'\x1f' + d.block + u'\x1f' + d.attribute))
            continue;
        if (out.size() == MaxReported) {
            Diagnostic note = out.constLast();
            note.severity = hasErrors(all) ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
            note.message = QStringLiteral("Too many problems: only the first %1 are reported; fix these and check the "
                                          "file again.")
                               .arg(MaxReported);
            out.append(note);
            break;
        }
        if (d.couperCompatibility && d.severity == Diagnostic::Severity::Warning)
            d.severity = Diagnostic::Severity::Error;
        const auto it = byLabel.constFind(d.backend);
        if (it != byLabel.constEnd()) {
            d.file = it->first->fileName();
            placeRuleDiagnostic(*it->first, *it->second, d);
        } else if (!sources.isEmpty()) {
            d.file = sources.constFirst().doc->fileName();
        }
        out.append(d);
    }
    return out;
}

} // namespace

QByteArray CouperConfig::sourceOf(const QString& file) const
{
    for (const CouperSource& f : files) {
        if (f.fileName == file)
            return f.source;
    }
    return {};
}

// Loading evaluates the attributes Tokenbench models as values; the modifier maps, an oauth2 assertion and
// the token request's attributes (expressions Couper evaluates per request, often with request.*) are
// kept as written.
bool evaluatedAtStartup(const QString& blockType, const QString& attribute)
{
    const auto time = Schema::couperEvaluationTime(blockType, attribute);
    if (!time || *time == EvaluationTime::TokenResponse || Schema::isRequestModifier(attribute))
        return false;
    // assertion = jwt_sign(...) or request.headers.x: an expression the run evaluates.
    if (blockType.section(u'.', -1) == BlockType::OAuth2 && attribute == u"assertion")
        return false;
    return Schema::find(blockType, attribute) != nullptr;
}

QStringList clientRequestReads(const QString& text)
{
    QStringList out;
    for (const QString& name : variableReferences(text)) {
        if (clientRequestVariables().contains(name))
            out << name;
    }
    return out;
}

bool readsClientRequest(const QString& blockType, const QString& attribute, const QString& text)
{
    const auto time = Schema::couperEvaluationTime(blockType, attribute);
    if (!time || *time == EvaluationTime::Startup || text.trimmed().isEmpty() ||
        ValueResolver::isReference(text.trimmed()))
        return false;
    // A value evaluated at load is no expression; only a text that parses as one and reads a request is.
    QByteArray bytes = text.toUtf8();
    if (!bytes.endsWith('\n'))
        bytes += '\n';
    const ExpressionSource parsed = ExpressionSource::parse(bytes);
    if (!parsed.expr() || hasErrors(parsed.diagnostics()))
        return false;
    return !clientRequestReads(text).isEmpty();
}

bool holdsValue(const QString& blockType, const QString& attribute, const QString& text)
{
    return evaluatedAtStartup(blockType, attribute) && !readsClientRequest(blockType, attribute, text);
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
    return parseCouperFiles({CouperSource{path, source}});
}

Result<QStringList> couperFileList(const QStringList& paths)
{
    QStringList files;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            return Error{Error::Code::Io, QStringLiteral("cannot read the configuration: no such file or directory"), path};
        if (!info.isDir()) {
            files << path;
            continue;
        }
        // Couper's -d: the directory's *.hcl files in name order (Go's os.ReadDir sorts by bytes).
        QStringList names;
        const QFileInfoList entries = QDir(path).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
        for (const QFileInfo& e : entries) {
            if (e.fileName().endsWith(QStringLiteral(".hcl")))
                names << e.fileName();
        }
        std::sort(names.begin(), names.end(),
                  [](const QString& a, const QString& b) { return a.toUtf8() < b.toUtf8(); });
        if (names.isEmpty())
            return Error{Error::Code::Usage, QStringLiteral("the directory has no .hcl file"), path};
        for (const QString& name : names)
            files << QDir(path).filePath(name);
    }
    if (files.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("missing configuration files"), QString()};
    return files;
}

Result<CouperConfig> loadCouperFiles(const QStringList& paths)
{
    auto list = couperFileList(paths);
    if (!list)
        return list.error();
    QList<CouperSource> sources;
    for (const QString& file : *list) {
        auto bytes = readFileLimited(file, FileLimits::ConfigFile, QStringLiteral("configuration file"));
        if (!bytes)
            return bytes.error();
        sources.append(CouperSource{file, *bytes});
    }
    CouperConfig config = parseCouperFiles(sources);
    for (const CouperSource& f : std::as_const(sources)) // each file's sidecar (Tokenbench settings)
        CouperFileSettings::restore(f.fileName, config.backends, config.diagnostics);
    return config;
}

CouperConfig parseCouperFiles(const QList<CouperSource>& files)
{
    CouperConfig config;
    config.files = files;
    if (!files.isEmpty()) {
        config.fileName = files.constFirst().fileName;
        config.source = files.constFirst().source;
    }
    std::vector<std::unique_ptr<Document>> documents;
    QList<const Document*> docs;
    for (const CouperSource& f : files) {
        documents.push_back(std::make_unique<Document>(Document::parse(f.source, f.fileName)));
        docs << documents.back().get();
    }
    // defaults: Couper evaluates them with the process environment (and functions) only.
    const EvalContext defaultsContext = couperContext(EvaluationTime::Startup, startupEnvironment(docs, {}));
    Diagnostics defaultsDiagnostics;
    for (const Document* doc : docs)
        readDefaults(*doc, defaultsContext, config.defaultEnvironment, defaultsDiagnostics);

    const QMap<QString, QString> environment = startupEnvironment(docs, config.defaultEnvironment);
    const Contexts contexts{couperContext(EvaluationTime::Startup, environment),
                            couperContext(EvaluationTime::PerRequest, environment),
                            couperContext(EvaluationTime::TokenResponse, environment)};

    // Backends defined in each file, so references across files are not errors.
    QList<QSet<QString>> definedIn;
    for (const Document* doc : docs) {
        QSet<QString> names;
        for (const BodyItem& item : doc->body().items) {
            if (!item.block || doc->blockType(*item.block) != u"definitions")
                continue;
            for (const BodyItem& child : item.block->body.items) {
                if (child.block && doc->blockType(*child.block) == u"backend" && !child.block->labels.empty())
                    names.insert(doc->labelValue(child.block->labels[0]));
            }
        }
        definedIn << names;
    }

    struct Placed
    {
        Block block;
        QString file;
        int line = 0;
        int column = 0;
    };
    QList<Placed> merged;
    std::vector<std::unique_ptr<CouperFile>> mappedFiles;
    for (qsizetype i = 0; i < qsizetype(docs.size()); ++i) {
        const Document& doc = *docs[i];
        QSet<QString> elsewhere;
        for (qsizetype j = 0; j < definedIn.size(); ++j) {
            if (j != i)
                elsewhere.unite(definedIn[j]);
        }
        mappedFiles.push_back(std::make_unique<CouperFile>(mapCouperFile(doc, elsewhere)));
        const CouperFile& mapped = *mappedFiles.back();
        Diagnostics fileDiagnostics = mapped.diagnostics;
        for (const Diagnostic& d : std::as_const(defaultsDiagnostics)) {
            if (d.file == doc.fileName())
                fileDiagnostics.append(d);
        }
        Loader loader(doc, contexts, fileDiagnostics, config.requestReads);
        for (const CouperBackend& b : mapped.backends) {
            Block block = b.block;
            keepExpressionSources(block); // forms and save-back keep expressions, not their values
            loader.evaluateBlock(block, b.link, block.label, QString(), QString());
            Placed placed{block, doc.fileName(), 0, 0};
            if (const BlockNode* node = doc.blockAt(b.link.block)) {
                const SourcePos p = doc.position(node->type.begin);
                placed.line = p.line;
                placed.column = p.column;
            }
            // Couper's merge: a definitions block replaces the one of the same type and label from an
            // earlier file.
            bool replaced = false;
            if (!b.anonymous) {
                for (Placed& earlier : merged) {
                    if (earlier.block.label != block.label || earlier.file == placed.file)
                        continue;
                    Diagnostic note;
                    note.severity = Sev::Info;
                    note.backend = block.label;
                    note.file = placed.file;
                    note.line = placed.line;
                    note.column = placed.column;
                    note.message = QStringLiteral("backend \"%1\" replaces the one in %2:%3:%4 (Couper merges the "
                                                  "files in order; a later definition wins)")
                                       .arg(block.label, earlier.file)
                                       .arg(earlier.line)
                                       .arg(earlier.column);
                    fileDiagnostics.append(note);
                    earlier = placed;
                    replaced = true;
                    break;
                }
            }
            if (!replaced)
                merged.append(placed);
        }
        for (Diagnostic& d : fileDiagnostics) {
            if (d.file.isEmpty())
                d.file = doc.fileName();
        }
        config.diagnostics += fileDiagnostics;
    }
    for (const Placed& p : std::as_const(merged))
        config.backends.append(p.block);
    // What loading found; then the Validator's rules on the merged backends (the same as for a workspace).
    config.loadDiagnostics = config.diagnostics;
    QList<MappedSource> sources;
    for (qsizetype i = 0; i < docs.size() && i < qsizetype(mappedFiles.size()); ++i)
        sources.append({docs[i], mappedFiles[size_t(i)].get()});
    const QString baseDirectory = QFileInfo(config.fileName).absolutePath();
    config.diagnostics += validateCouperBackends(sources, config.backends, baseDirectory, config.loadDiagnostics);
    for (const Document* doc : docs)
        config.diagnostics += validateDefinedProfiles(*doc, QFileInfo(doc->fileName()).absolutePath());
    return config;
}

Diagnostics CouperConfig::ruleDiagnostics(const ValueResolver* resolver, const QSet<QString>* keychainNames) const
{
    QList<CouperSource> sources = files;
    if (sources.isEmpty())
        sources.append({fileName, source});
    std::vector<std::unique_ptr<Document>> documents;
    std::vector<std::unique_ptr<CouperFile>> mapped;
    QList<MappedSource> placed;
    for (const CouperSource& f : std::as_const(sources)) {
        documents.push_back(std::make_unique<Document>(Document::parse(f.source, f.fileName)));
        mapped.push_back(std::make_unique<CouperFile>(mapCouperFile(*documents.back())));
        placed.append({documents.back().get(), mapped.back().get()});
    }
    Diagnostics out =
        validateCouperBackends(placed, backends, QFileInfo(fileName).absolutePath(), loadDiagnostics, resolver, keychainNames);
    for (const auto& doc : documents)
        out += validateDefinedProfiles(*doc, QFileInfo(doc->fileName()).absolutePath());
    return out;
}

} // namespace Tokenbench::Core::Hcl
