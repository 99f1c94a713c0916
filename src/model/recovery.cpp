#include "model/recovery.h"

#include "util/boundedread.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Tokenbench::Core::Recovery {

namespace {

QString metaPath(const QString& workspaceId)
{
    return directory() + u'/' + workspaceId + QStringLiteral(".json");
}

QString dataPath(const QString& workspaceId)
{
    return directory() + u'/' + workspaceId + QStringLiteral(".tbw");
}

} // namespace

QString directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

Result<void> write(const QString& workspaceId, const QString& originalPath, const QList<Block>& backends)
{
    if (!WorkspaceFile::isValidId(workspaceId))
        return Error{Error::Code::Usage, QStringLiteral("invalid workspace id"), workspaceId};
    if (!QDir().mkpath(directory()))
        return Error{Error::Code::Io, QStringLiteral("cannot create the recovery folder"), directory()};
    // The data first, then the note that points at it: a crash in between leaves the old pair usable.
    QSaveFile data(dataPath(workspaceId));
    const QByteArray bytes = WorkspaceFile::serialize(backends, workspaceId).bytes;
    if (!data.open(QIODevice::WriteOnly) || data.write(bytes) != bytes.size() || !data.commit())
        return Error{Error::Code::Io, QStringLiteral("cannot write the recovery file: %1").arg(data.errorString()),
                     dataPath(workspaceId)};
    QJsonObject meta;
    meta.insert(QStringLiteral("original_path"), originalPath);
    meta.insert(QStringLiteral("saved_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QSaveFile note(metaPath(workspaceId));
    const QByteArray metaBytes = QJsonDocument(meta).toJson();
    if (!note.open(QIODevice::WriteOnly) || note.write(metaBytes) != metaBytes.size() || !note.commit())
        return Error{Error::Code::Io, QStringLiteral("cannot write the recovery note: %1").arg(note.errorString()),
                     metaPath(workspaceId)};
    return {};
}

QList<Entry> pending()
{
    QList<Entry> out;
    const QDir dir(directory());
    for (const QFileInfo& info : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        const auto bytes = readFileLimited(info.absoluteFilePath(), FileLimits::KeyFile,
                                           QStringLiteral("recovery description"));
        if (!bytes)
            continue;
        const QJsonObject meta = QJsonDocument::fromJson(*bytes).object();
        Entry e;
        e.workspaceId = info.completeBaseName();
        e.recoveryFile = dataPath(e.workspaceId);
        e.originalPath = meta.value(QStringLiteral("original_path")).toString();
        e.savedAt = QDateTime::fromString(meta.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
        if (QFile::exists(e.recoveryFile))
            out.append(e);
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.savedAt > b.savedAt; });
    return out;
}

Result<WorkspaceFile::Loaded> read(const Entry& entry)
{
    return WorkspaceFile::load(entry.recoveryFile);
}

void discard(const QString& workspaceId)
{
    if (workspaceId.isEmpty())
        return;
    QFile::remove(metaPath(workspaceId));
    QFile::remove(dataPath(workspaceId));
}

} // namespace Tokenbench::Core::Recovery
