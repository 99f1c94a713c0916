#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Tokenbench::Core {

// A line diff (Myers' O(ND) algorithm) rendered in the unified format of `diff -u`: `--- a`, `+++ b`,
// `@@ -l,n +l,n @@` hunks with `context` unchanged lines around each change. Lines keep their bytes
// (a "\ No newline at end of file" marker follows a last line without a line break).
QString unifiedDiff(const QByteArray& before, const QByteArray& after, const QString& beforeName,
                    const QString& afterName, int context = 3);

struct DiffStats
{
    int added = 0;
    int removed = 0;
};
DiffStats diffStats(const QByteArray& before, const QByteArray& after);

} // namespace Tokenbench::Core
