#include "saveback/unifieddiff.h"

#include <algorithm>
#include <vector>

namespace Tokenbench::Core {

namespace {

// Lines with their line break, so "a\n" and "a" differ (a changed last line is a real change).
QList<QByteArray> splitLines(const QByteArray& text)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype nl = text.indexOf('\n', start);
        if (nl < 0)
            nl = text.size() - 1;
        lines.append(text.mid(start, nl - start + 1));
        start = nl + 1;
    }
    return lines;
}

enum class Op
{
    Equal,
    Delete,
    Insert
};

struct Edit
{
    Op op;
    int a; // index in before (Equal, Delete)
    int b; // index in after (Equal, Insert)
};

// Myers' greedy shortest edit script, with the common prefix and suffix taken off first.
std::vector<Edit> editScript(const QList<QByteArray>& A, const QList<QByteArray>& B)
{
    const int n = int(A.size());
    const int m = int(B.size());
    int prefix = 0;
    while (prefix < n && prefix < m && A[prefix] == B[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && A[n - 1 - suffix] == B[m - 1 - suffix])
        ++suffix;
    std::vector<Edit> out;
    for (int i = 0; i < prefix; ++i)
        out.push_back({Op::Equal, i, i});

    const int N = n - prefix - suffix;
    const int M = m - prefix - suffix;
    const auto a = [&](int i) -> const QByteArray& { return A[prefix + i]; };
    const auto b = [&](int j) -> const QByteArray& { return B[prefix + j]; };
    const int max = N + M;
    std::vector<Edit> middle;
    // The trace keeps one V array per edit step: beyond 4 M entries (16 MB; files rewritten wholesale) the
    // middle is shown as removed and added instead.
    constexpr size_t MaxTraceEntries = size_t(4) * 1024 * 1024;
    bool tooBig = false;
    if (N == 0 || M == 0) {
        for (int i = 0; i < N; ++i)
            middle.push_back({Op::Delete, prefix + i, -1});
        for (int j = 0; j < M; ++j)
            middle.push_back({Op::Insert, -1, prefix + j});
    } else {
        std::vector<int> v(size_t(2 * max + 2), 0);
        std::vector<std::vector<int>> trace;
        const int offset = max + 1;
        int found = -1;
        for (int d = 0; d <= max && found < 0; ++d) {
            if ((size_t(d) + 1) * v.size() > MaxTraceEntries) {
                tooBig = true;
                break;
            }
            trace.push_back(v);
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                    x = v[size_t(offset + k + 1)];
                else
                    x = v[size_t(offset + k - 1)] + 1;
                int y = x - k;
                while (x < N && y < M && a(x) == b(y)) {
                    ++x;
                    ++y;
                }
                v[size_t(offset + k)] = x;
                if (x >= N && y >= M) {
                    found = d;
                    break;
                }
            }
        }
        if (tooBig) {
            for (int i = 0; i < N; ++i)
                middle.push_back({Op::Delete, prefix + i, -1});
            for (int j = 0; j < M; ++j)
                middle.push_back({Op::Insert, -1, prefix + j});
            out.insert(out.end(), middle.begin(), middle.end());
            for (int i = 0; i < suffix; ++i)
                out.push_back({Op::Equal, n - suffix + i, m - suffix + i});
            return out;
        }
        // Backtrack.
        int x = N;
        int y = M;
        std::vector<Edit> rev;
        for (int d = found; d > 0; --d) {
            const std::vector<int>& pv = trace[size_t(d)];
            const int k = x - y;
            int prevK;
            if (k == -d || (k != d && pv[size_t(offset + k - 1)] < pv[size_t(offset + k + 1)]))
                prevK = k + 1;
            else
                prevK = k - 1;
            const int prevX = pv[size_t(offset + prevK)];
            const int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                --x;
                --y;
                rev.push_back({Op::Equal, prefix + x, prefix + y});
            }
            if (x == prevX)
                rev.push_back({Op::Insert, -1, prefix + (--y)});
            else
                rev.push_back({Op::Delete, prefix + (--x), -1});
        }
        while (x > 0 && y > 0) {
            --x;
            --y;
            rev.push_back({Op::Equal, prefix + x, prefix + y});
        }
        middle.assign(rev.rbegin(), rev.rend());
    }
    out.insert(out.end(), middle.begin(), middle.end());
    for (int i = 0; i < suffix; ++i)
        out.push_back({Op::Equal, n - suffix + i, m - suffix + i});
    return out;
}

QString lineText(const QByteArray& line)
{
    if (line.endsWith('\n')) {
        QByteArray l = line.chopped(1);
        if (l.endsWith('\r'))
            l.chop(1);
        return QString::fromUtf8(l) + u'\n';
    }
    return QString::fromUtf8(line) + QStringLiteral("\n\\ No newline at end of file\n");
}

QString range(int start, int count)
{
    // Unified format: an empty range names the line before it.
    if (count == 0)
        return QStringLiteral("%1,0").arg(start);
    if (count == 1)
        return QString::number(start + 1);
    return QStringLiteral("%1,%2").arg(start + 1).arg(count);
}

} // namespace

QString unifiedDiff(const QByteArray& before, const QByteArray& after, const QString& beforeName,
                    const QString& afterName, int context)
{
    const QList<QByteArray> A = splitLines(before);
    const QList<QByteArray> B = splitLines(after);
    const std::vector<Edit> script = editScript(A, B);
    QString out;
    const int total = int(script.size());
    int i = 0;
    while (i < total) {
        // The next change.
        while (i < total && script[size_t(i)].op == Op::Equal)
            ++i;
        if (i >= total)
            break;
        int start = std::max(0, i - context);
        // Extend the hunk while changes are within 2*context of each other.
        int end = i;
        int lastChange = i;
        while (end < total) {
            if (script[size_t(end)].op != Op::Equal)
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = std::min(total, lastChange + context + 1);
        // Hunk header: where it starts in each file and how many lines.
        int aStart = -1, bStart = -1, aCount = 0, bCount = 0;
        int aBefore = 0, bBefore = 0; // lines of each file before the hunk
        for (int j = 0; j < start; ++j) {
            if (script[size_t(j)].op != Op::Insert)
                ++aBefore;
            if (script[size_t(j)].op != Op::Delete)
                ++bBefore;
        }
        QString body;
        for (int j = start; j < end; ++j) {
            const Edit& e = script[size_t(j)];
            switch (e.op) {
            case Op::Equal:
                body += u' ' + lineText(A[e.a]);
                ++aCount;
                ++bCount;
                break;
            case Op::Delete:
                body += u'-' + lineText(A[e.a]);
                ++aCount;
                break;
            case Op::Insert:
                body += u'+' + lineText(B[e.b]);
                ++bCount;
                break;
            }
        }
        aStart = aBefore;
        bStart = bBefore;
        if (out.isEmpty())
            out += QStringLiteral("--- %1\n+++ %2\n").arg(beforeName, afterName);
        out += QStringLiteral("@@ -%1 +%2 @@\n").arg(range(aStart, aCount), range(bStart, bCount));
        out += body;
        i = end;
    }
    return out;
}

DiffStats diffStats(const QByteArray& before, const QByteArray& after)
{
    DiffStats s;
    for (const Edit& e : editScript(splitLines(before), splitLines(after))) {
        if (e.op == Op::Delete)
            ++s.removed;
        else if (e.op == Op::Insert)
            ++s.added;
    }
    return s;
}

} // namespace Tokenbench::Core
