#include "util/boundedread.h"

#include <cstdio>

#include <QFile>
#include <QFileInfo>

namespace Tokenbench::Core {

namespace {

constexpr qint64 Chunk = 64 * 1024;

Error tooLarge(const QString& what, qint64 limit, const QString& where, qint64 knownSize)
{
    if (knownSize > limit)
        return Error{Error::Code::Io,
                     QStringLiteral("the %1 is %2, larger than %3, the limit for a %1; is it the right file?")
                         .arg(what, byteSizeText(knownSize), byteSizeText(limit)),
                     where};
    return Error{Error::Code::Io,
                 QStringLiteral("the %1 is larger than %2, the limit for a %1").arg(what, byteSizeText(limit)), where};
}

} // namespace

QString byteSizeText(qint64 bytes)
{
    using namespace FileLimits;
    if (bytes >= MiB && bytes % MiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / MiB);
    if (bytes >= 10 * MiB)
        return QStringLiteral("%1 MiB").arg(bytes / MiB);
    if (bytes >= KiB && bytes % KiB == 0)
        return QStringLiteral("%1 KiB").arg(bytes / KiB);
    if (bytes >= 10 * KiB)
        return QStringLiteral("%1 KiB").arg(bytes / KiB);
    return bytes == 1 ? QStringLiteral("1 byte") : QStringLiteral("%1 bytes").arg(bytes);
}

Result<QByteArray> readDeviceLimited(QIODevice& device, qint64 limit, const QString& what, const QString& name)
{
    QByteArray data;
    // Chunked, so that a small file costs a small buffer; limit + 1 bytes tell "too large" apart
    // from "exactly at the limit".
    while (data.size() <= limit) {
        const qint64 want = qMin(Chunk, limit + 1 - data.size());
        const qsizetype before = data.size();
        data.resize(before + static_cast<qsizetype>(want));
        const qint64 got = device.read(data.data() + before, want);
        if (got < 0) {
            return Error{Error::Code::Io, QStringLiteral("cannot read the %1: %2").arg(what, device.errorString()),
                         name};
        }
        data.resize(before + static_cast<qsizetype>(got));
        if (got == 0) // a (blocking) file or pipe: its end
            break;
    }
    if (data.size() > limit)
        return tooLarge(what, limit, name, -1);
    return data;
}

Result<QByteArray> readFileLimited(const QString& path, qint64 limit, const QString& what)
{
    const QFileInfo info(path);
    if (info.isDir())
        return Error{Error::Code::Io, QStringLiteral("the %1 is a folder, not a file").arg(what), path};
    // A regular file that is already too large fails before anything is read.
    if (info.isFile() && info.size() > limit)
        return tooLarge(what, limit, path, info.size());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error{Error::Code::Io, QStringLiteral("cannot read the %1: %2").arg(what, file.errorString()), path};
    return readDeviceLimited(file, limit, what, path);
}

Result<QByteArray> readStdinLimited(qint64 limit, const QString& what)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error{Error::Code::Io, QStringLiteral("cannot read the %1 from standard input").arg(what),
                     QStringLiteral("standard input")};
    return readDeviceLimited(in, limit, what, QStringLiteral("standard input"));
}

} // namespace Tokenbench::Core
