#include "model/workspacefile.h"

#include <cmath>

#include "model/schema.h"
#include "model/secretliterals.h"
#include "model/valueresolver.h"
#include "util/boundedread.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUuid>

namespace Tokenbench::Core::WorkspaceFile {

namespace {

// Namespace of derivedId()'s name-based UUIDs (a fixed random UUID; never change it: it would move
// every id-less workspace to a new keychain namespace).
const QUuid DerivedIdNamespace(QStringLiteral("{5b0d3c8e-2f4a-4e67-9a51-7c3e1d2b9f40}"));

void lineColumn(const QByteArray& bytes, qsizetype offset, int* line, int* column)
{
    *line = 1;
    *column = 1;
    offset = qBound<qsizetype>(0, offset, bytes.size());
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes.at(i) == '\n') {
            ++*line;
            *column = 1;
        } else if ((static_cast<unsigned char>(bytes.at(i)) & 0xC0) != 0x80) {
            ++*column;
        }
    }
}

Error formatError(const QString& fileName, const QString& message, int line = 0, int column = 0)
{
    QString where = fileName;
    if (line > 0)
        where += u':' + QString::number(line) + u':' + QString::number(column);
    return Error{Error::Code::Format, message, where};
}

Result<Block> readBlock(const QJsonValue& value, const QString& fileName, const QString& context,
                        Diagnostics& diagnostics, const QString& backendLabel)
{
    if (!value.isObject())
        return formatError(fileName, QStringLiteral("%1 must be a JSON object").arg(context));
    const QJsonObject o = value.toObject();
    Block b;
    b.type = o.value(QStringLiteral("type")).toString();
    b.label = o.value(QStringLiteral("label")).toString();
    if (b.type.isEmpty())
        return formatError(fileName, QStringLiteral("%1 has no \"type\"").arg(context));
    const QJsonValue attrs = o.value(QStringLiteral("attributes"));
    if (!attrs.isUndefined() && !attrs.isObject())
        return formatError(fileName, QStringLiteral("%1.attributes must be an object").arg(context));
    const QJsonObject attributes = attrs.toObject();
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        QString text;
        if (it->isString())
            text = it->toString();
        else if (it->isDouble())
            text = QString::number(it->toDouble(), 'g', 17);
        else if (it->isBool())
            text = it->toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else
            return formatError(fileName,
                               QStringLiteral("%1.attributes.%2 must be a string, number or boolean")
                                   .arg(context, it.key()));
        if (Schema::isSecret(b.type, it.key()) && !text.isEmpty() && !ValueResolver::isReference(text)) {
            const QString block = b.type == BlockType::Backend ? QString() : b.type;
            diagnostics.append(Diagnostic{
                Diagnostic::Severity::Warning, backendLabel.isEmpty() ? b.label : backendLabel, block, it.key(),
                QStringLiteral("the workspace file holds this secret in clear text; it is used for this "
                               "session and will be saved as a reference (env.NAME) instead"),
                fileName, 0, 0});
        }
        b.attributes.insert(it.key(), text);
    }
    // The sources of attributes whose value was evaluated from an expression (Block::expressions).
    const QJsonValue exprs = o.value(QStringLiteral("expressions"));
    if (!exprs.isUndefined() && !exprs.isObject())
        return formatError(fileName, QStringLiteral("%1.expressions must be an object").arg(context));
    const QJsonObject expressions = exprs.toObject();
    for (auto it = expressions.begin(); it != expressions.end(); ++it) {
        if (!it->isString() || !b.attributes.contains(it.key()))
            return formatError(fileName, QStringLiteral("%1.expressions.%2 must be the source text of an attribute")
                                             .arg(context, it.key()));
        b.expressions.insert(it.key(), it->toString());
    }
    const QJsonValue children = o.value(QStringLiteral("blocks"));
    if (!children.isUndefined() && !children.isArray())
        return formatError(fileName, QStringLiteral("%1.blocks must be an array").arg(context));
    const QJsonArray childArray = children.toArray();
    for (qsizetype i = 0; i < childArray.size(); ++i) {
        auto child = readBlock(childArray.at(i), fileName, context + QStringLiteral(".blocks[%1]").arg(i),
                               diagnostics, backendLabel.isEmpty() ? b.label : backendLabel);
        if (!child)
            return child.error();
        b.blocks.append(std::move(child.value()));
    }
    return b;
}

QJsonObject writeBlock(const Block& b, const QString& backendLabel, const QString& blockPath,
                       QList<Substitution>& substitutions, QList<QPair<QString, QString>>& taken)
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), b.type);
    if (!b.label.isEmpty())
        o.insert(QStringLiteral("label"), b.label);
    QJsonObject attributes;
    for (auto it = b.attributes.cbegin(); it != b.attributes.cend(); ++it) {
        QString value = it.value();
        if (Schema::isSecret(b.type, it.key()) && !value.isEmpty() && !ValueResolver::isReference(value)) {
            const QString block = b.type == BlockType::Backend ? QString() : b.type;
            const QString variable = ValueResolver::suggestName(backendLabel, it.key());
            substitutions.append(Substitution{backendLabel, block, it.key(), variable, value, {}});
            value = ValueResolver::makeReference(variable);
        } else if (SecretLiterals::isCredentialMap(b.type, it.key())) {
            // Credentials typed into a header / query / form map: env.NAME in the file, the value for the keychain.
            QString prefix = backendLabel;
            if (b.type == u"beta_token_request" && !b.label.isEmpty() && b.label != u"default")
                prefix += u'_' + b.label;
            const SecretLiterals::Rewritten r =
                SecretLiterals::moveToReferences(b.type, it.key(), value, prefix, &taken);
            for (const SecretLiterals::Moved& m : r.moved)
                substitutions.append(Substitution{backendLabel, blockPath, it.key(), m.variable, m.value, m.key});
            value = r.text;
        }
        attributes.insert(it.key(), value);
    }
    o.insert(QStringLiteral("attributes"), attributes);
    if (!b.expressions.isEmpty()) {
        QJsonObject expressions;
        for (auto it = b.expressions.cbegin(); it != b.expressions.cend(); ++it) {
            // Not for secrets: their value is saved as env.NAME, and the source may hold the literal.
            if (b.attributes.contains(it.key()) && !Schema::isSecret(b.type, it.key()))
                expressions.insert(it.key(), it.value());
        }
        if (!expressions.isEmpty())
            o.insert(QStringLiteral("expressions"), expressions);
    }
    if (!b.blocks.isEmpty()) {
        QJsonArray children;
        for (const Block& c : b.blocks)
            children.append(writeBlock(c, backendLabel, blockPath.isEmpty() ? c.selector() : blockPath + u'.' + c.selector(),
                                       substitutions, taken));
        o.insert(QStringLiteral("blocks"), children);
    }
    return o;
}

} // namespace

Result<Loaded> parse(const QByteArray& bytes, const QString& fileName)
{
    const QString name = fileName.isEmpty() ? QStringLiteral("<workspace>") : fileName;
    if (bytes.trimmed().isEmpty())
        return formatError(name, QStringLiteral("the file is empty; it is not a Tokenbench workspace"));
    if (bytes.contains('\0'))
        return formatError(name, QStringLiteral("the file contains binary data; it is not a Tokenbench workspace"));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        int line = 0, column = 0;
        // Qt reports the offset just past the offending character.
        lineColumn(bytes, qMax(0, error.offset - 1), &line, &column);
        return formatError(name,
                           QStringLiteral("not valid JSON: %1 (a workspace is a JSON file; check for a missing "
                                          "comma or quote near this position)")
                               .arg(error.errorString()),
                           line, column);
    }
    if (!doc.isObject())
        return formatError(name, QStringLiteral("the top level must be a JSON object"), 1, 1);
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(FormatName))
        return formatError(name, QStringLiteral("not a Tokenbench workspace (\"format\" is not \"%1\")")
                                     .arg(QLatin1String(FormatName)));
    const QJsonValue versionValue = root.value(QStringLiteral("version"));
    if (!versionValue.isDouble())
        return formatError(name, QStringLiteral("\"version\" is missing or not a number"));
    // A version is a small whole number: 99999, -1, 1.5 or 1e308 are not a format any Tokenbench writes.
    const double rawVersion = versionValue.toDouble();
    if (!(rawVersion >= 1 && rawVersion <= 1000) || rawVersion != std::floor(rawVersion))
        return formatError(name, QStringLiteral("\"version\" is %1, which is no workspace format version (a whole "
                                                "number from 1; this Tokenbench writes %2): the file is damaged or "
                                                "not a Tokenbench workspace")
                                     .arg(rawVersion)
                                     .arg(CurrentVersion));
    const int version = int(rawVersion);
    if (version > CurrentVersion)
        return formatError(name, QStringLiteral("the workspace was written by a newer Tokenbench (format version %1); "
                                                "this version reads up to %2. Update Tokenbench to open it.")
                                     .arg(version)
                                     .arg(CurrentVersion));
    if (version < 1)
        return formatError(name, QStringLiteral("unknown workspace format version %1").arg(version));

    Loaded loaded;
    const QJsonValue idValue = root.value(QStringLiteral("id"));
    if (idValue.isUndefined() || idValue.isNull()) {
        loaded.id = derivedId(fileName);
        loaded.idDerived = true;
    } else if (!idValue.isString() || !isValidId(idValue.toString())) {
        return formatError(name, QStringLiteral("\"id\" must be a workspace id: a UUID, or 1-64 letters, digits, "
                                                "'.', '_' or '-' (remove it to have Tokenbench write a new one)"));
    } else {
        loaded.id = idValue.toString();
    }
    const QJsonValue backends = root.value(QStringLiteral("backends"));
    if (!backends.isUndefined() && !backends.isArray())
        return formatError(name, QStringLiteral("\"backends\" must be an array"));
    const QJsonArray array = backends.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto block = readBlock(array.at(i), name, QStringLiteral("backends[%1]").arg(i), loaded.diagnostics, {});
        if (!block)
            return block.error();
        if (block->type != BlockType::Backend)
            return formatError(name, QStringLiteral("backends[%1] has type \"%2\"; expected \"backend\"")
                                         .arg(i)
                                         .arg(block->type));
        loaded.backends.append(std::move(block.value()));
    }
    return loaded;
}

Result<Loaded> load(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error{Error::Code::Io, QStringLiteral("the file does not exist"), path};
    if (info.isDir())
        return Error{Error::Code::Io, QStringLiteral("this is a folder, not a workspace file"), path};
    auto bytes = readFileLimited(path, FileLimits::WorkspaceFile, QStringLiteral("workspace file"));
    if (!bytes)
        return bytes.error();
    return parse(*bytes, path);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString derivedId(const QString& path)
{
    const QString absolute = path.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return QUuid::createUuidV5(DerivedIdNamespace, absolute).toString(QUuid::WithoutBraces);
}

QString idForPath(const QString& path)
{
    if (QFileInfo(path).isFile()) {
        const auto existing = load(path);
        if (existing.ok())
            return existing->id; // derivedId(path) when the file has none
    }
    return derivedId(path);
}

bool isValidId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return re.match(id).hasMatch();
}

Serialized serialize(const QList<Block>& backends, const QString& id)
{
    Serialized out;
    QJsonObject root;
    root.insert(QStringLiteral("format"), QLatin1String(FormatName));
    root.insert(QStringLiteral("version"), CurrentVersion);
    if (!id.isEmpty())
        root.insert(QStringLiteral("id"), id);
    QJsonArray array;
    for (const Block& b : backends) {
        QList<QPair<QString, QString>> taken; // variable names given out in this backend, with their values
        SecretLiterals::reserveNames(b, &taken);
        array.append(writeBlock(b, b.label, {}, out.substitutions, taken));
    }
    root.insert(QStringLiteral("backends"), array);
    out.bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    // Qt's JSON reader drops a U+FEFF that starts a string (its UTF-8 decoder takes it for a byte order
    // mark), so a value beginning with one would not survive a save and a load: written as the escape
    // \ufeff instead (in JSON those bytes only occur inside strings).
    out.bytes.replace("\xEF\xBB\xBF", "\\ufeff");
    return out;
}

Result<QList<Substitution>> save(const QString& path, const QList<Block>& backends, const QString& id)
{
    // Without an id, keep the identity the file already has; an id-less or new file keeps its derived id.
    const QString effectiveId = id.isEmpty() ? idForPath(path) : id;
    if (!isValidId(effectiveId)) {
        return Error{Error::Code::Usage, QStringLiteral("\"%1\" is not a valid workspace id").arg(effectiveId), path};
    }
    const Serialized s = serialize(backends, effectiveId);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{Error::Code::Io, QStringLiteral("cannot write the file: %1").arg(file.errorString()), path};
    if (file.write(s.bytes) != s.bytes.size()) {
        file.cancelWriting();
        return Error{Error::Code::Io, QStringLiteral("writing failed: %1").arg(file.errorString()), path};
    }
    if (!file.commit())
        return Error{Error::Code::Io, QStringLiteral("could not replace the file: %1").arg(file.errorString()), path};
    return s.substitutions;
}

} // namespace Tokenbench::Core::WorkspaceFile
