#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

class QIODevice;

namespace Tokenbench::Core {

// Size limits for files and inputs Tokenbench reads whole. A file is read with a bounded read of at
// most limit + 1 bytes, never readAll(): /dev/zero, an endless pipe or a huge file fails at once
// with an error that names the limit, instead of filling the memory.
namespace FileLimits {
inline constexpr qint64 KiB = 1024;
inline constexpr qint64 MiB = 1024 * KiB;
// PEM keys, certificates, JWK / JWKS files, HMAC secret files, JSON given as @FILE.
inline constexpr qint64 KeyFile = 1 * MiB;
// A token given to `jwt decode` / `jwt verify` (argument, stdin).
inline constexpr qint64 Token = 16 * MiB;
// Workspace (.tbw) and crash-recovery files.
inline constexpr qint64 WorkspaceFile = 16 * MiB;
// Couper configurations (.hcl) and other text files Tokenbench parses (.http).
inline constexpr qint64 ConfigFile = 16 * MiB;
// A secret value typed or piped into `secret set`.
inline constexpr qint64 SecretValue = 1 * MiB;
} // namespace FileLimits

// "1 MiB", "16 MiB", "512 KiB", "100 bytes".
[[nodiscard]] QString byteSizeText(qint64 bytes);

// Reads the whole file at `path`, at most `limit` bytes. `what` names the file for people ("key
// file", "JWKS file"). Errors (Error::Code::Io, `where` = the path) say what was read, and for an
// oversized file the limit: "the key file is larger than 1 MiB, the limit for a key file".
// Works on regular files, pipes and character devices (a FIFO is read until its writer closes it or
// the limit is passed).
[[nodiscard]] Result<QByteArray> readFileLimited(const QString& path, qint64 limit, const QString& what);

// The same for an open device (standard input): reads until end of input or limit + 1 bytes.
// `name` is where the bytes come from ("standard input"), used as the error's `where`.
[[nodiscard]] Result<QByteArray> readDeviceLimited(QIODevice& device, qint64 limit, const QString& what,
                                                   const QString& name);

// Standard input, bounded: readDeviceLimited on stdin.
[[nodiscard]] Result<QByteArray> readStdinLimited(qint64 limit, const QString& what);

} // namespace Tokenbench::Core
