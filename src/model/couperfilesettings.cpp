#include "model/couperfilesettings.h"

#include "model/schema.h"
#include "model/valueresolver.h"
#include "util/boundedread.h"
#include "util/secretvalues.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>
#include <QUrlQuery>

namespace Tokenbench::Core::CouperFileSettings {

namespace {

const QString Format = QStringLiteral("tokenbench-couper-settings");
constexpr int Version = 1;
constexpr qint64 MaxSidecarBytes = 1024 * 1024;
constexpr qsizetype MaxValueLength = 8 * 1024;

QString joinPath(const QString& path, const QString& name)
{
    return path.isEmpty() ? name : path + u'.' + name;
}

// Why a value must not be written into the sidecar (empty: it may).
QString secretReason(const QString& blockType, const QString& name, const QString& value)
{
    if (Schema::isSecret(blockType, name) && !ValueResolver::isReference(value.trimmed()))
        return QStringLiteral("it is a secret (give it as env.NAME to keep it)");
    for (const QByteArray& secret : SecretValues::values()) {
        if (secret.size() >= SecretValues::MinLength && value.toUtf8().contains(secret))
            return QStringLiteral("it contains a secret value");
    }
    const QUrl url(value, QUrl::StrictMode);
    if (url.isValid() && !url.scheme().isEmpty()) {
        if (!url.password().isEmpty())
            return QStringLiteral("the URL carries a password");
        const auto items = QUrlQuery(url).queryItems();
        for (const auto& [key, v] : items) {
            if (SecretValues::looksLikeSecretName(key) && !v.isEmpty())
                return QStringLiteral("the URL's query parameter %1 looks like a secret").arg(key);
        }
    }
    return {};
}

void collect(const Block& block, const QString& path, QJsonObject& out, const QString& backend, QStringList& notes)
{
    for (auto it = block.attributes.cbegin(); it != block.attributes.cend(); ++it) {
        if (!Schema::isTokenbenchOnly(block.type, it.key()) || it.value().isEmpty())
            continue;
        const QString key = joinPath(path, it.key());
        if (const QString why = secretReason(block.type, it.key(), it.value()); !why.isEmpty()) {
            notes << QStringLiteral("%1.%2 is not kept in the settings file: %3").arg(backend, key, why);
            continue;
        }
        out.insert(key, it.value());
    }
    for (const Block& child : block.blocks)
        collect(child, joinPath(path, child.selector()), out, backend, notes);
}

void strip(Block& block)
{
    for (auto it = block.attributes.begin(); it != block.attributes.end();) {
        if (Schema::isTokenbenchOnly(block.type, it.key())) {
            block.expressions.remove(it.key());
            it = block.attributes.erase(it);
        } else {
            ++it;
        }
    }
    for (Block& child : block.blocks)
        strip(child);
}

Diagnostic warning(const QString& file, const QString& message)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Warning;
    d.file = file;
    d.message = message;
    return d;
}

} // namespace

QString sidecarPath(const QString& couperFile)
{
    return couperFile + QStringLiteral(".tokenbench.json");
}

QList<Block> withoutTokenbenchOnly(QList<Block> backends)
{
    for (Block& b : backends)
        strip(b);
    return backends;
}

Result<Saved> save(const QString& couperFile, const QList<Block>& backends)
{
    Saved result;
    QJsonObject perBackend;
    for (const Block& b : backends) {
        QJsonObject settings;
        collect(b, QString(), settings, b.label, result.notes);
        if (!settings.isEmpty())
            perBackend.insert(b.label, settings);
    }
    const QString path = sidecarPath(couperFile);
    QByteArray before;
    if (QFileInfo::exists(path)) {
        auto read = readFileLimited(path, MaxSidecarBytes, QStringLiteral("Tokenbench settings file"));
        if (read)
            before = *read;
    }
    if (perBackend.isEmpty()) {
        if (before.isEmpty() && !QFileInfo::exists(path))
            return result;
        // Remove only a file that is ours (or empty): never someone else's file of that name.
        const QJsonObject old = QJsonDocument::fromJson(before).object();
        if (!before.trimmed().isEmpty() && old.value(QStringLiteral("format")).toString() != Format)
            return result;
        if (!QFile::remove(path))
            return Error{Error::Code::Io, QStringLiteral("cannot remove the Tokenbench settings file"), path};
        result.changed = true;
        return result;
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), Format);
    root.insert(QStringLiteral("version"), Version);
    root.insert(QStringLiteral("about"),
                QStringLiteral("Tokenbench settings for %1 that Couper does not know; no secrets.")
                    .arg(QFileInfo(couperFile).fileName()));
    root.insert(QStringLiteral("backends"), perBackend);
    const QByteArray text = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (text == before)
        return result;
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit())
        return Error{Error::Code::Io, QStringLiteral("cannot write the Tokenbench settings file: %1").arg(out.errorString()),
                     path};
    result.changed = true;
    return result;
}

void restore(const QString& couperFile, QList<Block>& backends, Diagnostics& diagnostics)
{
    const QString path = sidecarPath(couperFile);
    if (!QFileInfo::exists(path))
        return;
    auto read = readFileLimited(path, MaxSidecarBytes, QStringLiteral("Tokenbench settings file"));
    if (!read) {
        diagnostics.append(warning(path, QStringLiteral("ignored: %1").arg(read.error().message)));
        return;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(*read, &error);
    const QJsonObject root = doc.object();
    if (error.error != QJsonParseError::NoError || !doc.isObject() ||
        root.value(QStringLiteral("format")).toString() != Format) {
        diagnostics.append(warning(
            path, error.error != QJsonParseError::NoError
                      ? QStringLiteral("ignored: not valid JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset)
                      : QStringLiteral("ignored: not a Tokenbench settings file (no \"format\": \"%1\")").arg(Format)));
        return;
    }
    if (root.value(QStringLiteral("version")).toInt() > Version)
        diagnostics.append(warning(path, QStringLiteral("written by a newer Tokenbench (version %1); read as version %2")
                                             .arg(root.value(QStringLiteral("version")).toInt())
                                             .arg(Version)));
    const QJsonObject perBackend = root.value(QStringLiteral("backends")).toObject();
    for (Block& backend : backends) {
        const QJsonObject settings = perBackend.value(backend.label).toObject();
        for (auto it = settings.constBegin(); it != settings.constEnd(); ++it) {
            const QString key = it.key();
            const qsizetype dot = key.lastIndexOf(u'.');
            const QString blockPath = dot < 0 ? QString() : key.left(dot);
            const QString name = dot < 0 ? key : key.mid(dot + 1);
            Block* target = blockPath.isEmpty() ? &backend : backend.child(blockPath);
            const QString value = it.value().toString();
            if (!target || !it.value().isString() || value.isEmpty() || value.size() > MaxValueLength ||
                !Schema::isTokenbenchOnly(target->type, name)) {
                diagnostics.append(warning(path, QStringLiteral("ignored %1.%2: not a Tokenbench setting of a block "
                                                                "this file has")
                                                     .arg(backend.label, key)));
                continue;
            }
            if (!target->hasAttribute(name))
                target->setAttribute(name, value);
        }
    }
}

} // namespace Tokenbench::Core::CouperFileSettings
