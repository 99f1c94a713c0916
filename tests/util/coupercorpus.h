#pragma once

// The Couper-style HCL files the tests run on.
//
// tests/data/couper/ is the project's own corpus (written for Tokenbench, always present). A second,
// optional corpus may lie beside the checkout (TOKENBENCH_COUPER_CORPUS_DIR, ../shared/...); tests use
// it in addition when it exists and skip that part silently when it does not, so the suite passes
// from a plain clone.

#include <QDir>
#include <QFile>
#include <QStringList>

#include "testconfig.h"

namespace Tokenbench::Test {

inline QString ownCouperCorpusDir()
{
    return QStringLiteral(TOKENBENCH_TEST_DATA_DIR "/couper");
}

// Empty when the optional corpus is absent.
inline QString sharedCouperCorpusDir()
{
    const QDir dir(QStringLiteral(TOKENBENCH_COUPER_CORPUS_DIR));
    return dir.exists() ? dir.absolutePath() : QString();
}

inline QStringList hclFilesIn(const QString& dir)
{
    QStringList out;
    if (dir.isEmpty())
        return out;
    const QDir d(dir);
    for (const QString& name : d.entryList({QStringLiteral("*.hcl")}, QDir::Files, QDir::Name))
        out << d.filePath(name);
    return out;
}

// Absolute paths: the own corpus first, then the optional one.
inline QStringList couperCorpusFiles()
{
    return hclFilesIn(ownCouperCorpusDir()) + hclFilesIn(sharedCouperCorpusDir());
}

// A short row name for data-driven tests: "own/x.hcl" or "shared/x.hcl".
inline QString corpusRowName(const QString& path)
{
    const QString prefix = path.startsWith(ownCouperCorpusDir()) ? QStringLiteral("own/") : QStringLiteral("shared/");
    return prefix + QFileInfo(path).fileName();
}

inline QByteArray readOwnCorpus(const QString& name)
{
    QFile f(ownCouperCorpusDir() + u'/' + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace Tokenbench::Test
