#include "model/workspace.h"

#include "model/validator.h"
#include "model/valueresolver.h"

namespace Tokenbench::Core {

Workspace::Workspace(QObject* parent) : QObject(parent) {}

Workspace::~Workspace() = default;

int Workspace::indexOfBackend(const QString& label) const
{
    for (int i = 0; i < backendCount(); ++i) {
        if (m_backends.at(i).label == label)
            return i;
    }
    return -1;
}

QString Workspace::uniqueBackendName(const QString& base) const
{
    if (indexOfBackend(base) < 0)
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + u'_' + QString::number(n);
        if (indexOfBackend(candidate) < 0)
            return candidate;
    }
}

void Workspace::insertBackend(int row, const Block& backend)
{
    row = qBound(0, row, backendCount());
    Q_EMIT backendAboutToBeInserted(row);
    m_backends.insert(row, backend);
    Q_EMIT backendInserted(row);
    touch();
}

Block Workspace::takeBackend(int row)
{
    Q_ASSERT(row >= 0 && row < backendCount());
    Q_EMIT backendAboutToBeRemoved(row);
    Block b = m_backends.takeAt(row);
    Q_EMIT backendRemoved(row);
    touch();
    return b;
}

void Workspace::replaceBackend(int row, const Block& backend)
{
    Q_ASSERT(row >= 0 && row < backendCount());
    if (m_backends.at(row) == backend)
        return;
    Q_EMIT backendAboutToChange(row);
    m_backends[row] = backend;
    Q_EMIT backendChanged(row);
    touch();
}

void Workspace::setAttribute(int row, const QString& block, const QString& name, const QString& value)
{
    Q_ASSERT(row >= 0 && row < backendCount());
    Block& b = m_backends[row];
    Block* target = block.isEmpty() ? &b : b.child(block);
    if (!target || (target->attribute(name) == value && !target->hasExpression(name)))
        return;
    target->setAttribute(name, value);
    Q_EMIT attributeChanged(row, block, name);
    touch();
}

void Workspace::setExpression(int row, const QString& block, const QString& name, const QString& source,
                              const QString& value)
{
    Q_ASSERT(row >= 0 && row < backendCount());
    Block& b = m_backends[row];
    Block* target = block.isEmpty() ? &b : b.child(block);
    if (!target || (target->hasExpression(name) && target->expression(name) == source &&
                    target->attribute(name) == value))
        return;
    target->setExpression(name, source, value);
    Q_EMIT attributeChanged(row, block, name);
    touch();
}

void Workspace::renameBackend(int row, const QString& label)
{
    Q_ASSERT(row >= 0 && row < backendCount());
    if (m_backends.at(row).label == label)
        return;
    Q_EMIT backendAboutToChange(row);
    m_backends[row].label = label;
    Q_EMIT backendChanged(row);
    touch();
}

void Workspace::resetBackends(const QList<Block>& backends)
{
    Q_EMIT aboutToReset();
    m_backends = backends;
    m_loadDiagnostics.clear();
    m_extraDiagnostics.clear();
    Q_EMIT reset();
    touch();
}

void Workspace::setFilePath(const QString& path)
{
    if (m_filePath == path)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

void Workspace::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

const Diagnostics& Workspace::diagnostics() const
{
    if (!m_diagnosticsValid) {
        Validator::Context context;
        context.couperFile = m_couperFile;
        context.baseDirectory = m_baseDirectory;
        m_diagnostics = m_loadDiagnostics + Validator::validateBackends(m_backends, m_resolver, context);
        for (const Diagnostics& extra : std::as_const(m_extraDiagnostics))
            m_diagnostics += extra;
        m_diagnosticsValid = true;
    }
    return m_diagnostics;
}

void Workspace::setResolver(const ValueResolver* resolver)
{
    m_resolver = resolver;
    m_diagnosticsValid = false;
    Q_EMIT diagnosticsChanged();
}

void Workspace::setLoadDiagnostics(const Diagnostics& diagnostics)
{
    m_loadDiagnostics = diagnostics;
    m_diagnosticsValid = false;
    Q_EMIT diagnosticsChanged();
}

void Workspace::setCouperContext(bool couperFile, const QString& baseDirectory)
{
    if (m_couperFile == couperFile && m_baseDirectory == baseDirectory)
        return;
    m_couperFile = couperFile;
    m_baseDirectory = baseDirectory;
    m_diagnosticsValid = false;
    Q_EMIT diagnosticsChanged();
}

void Workspace::setExtraDiagnostics(const QString& source, const Diagnostics& diagnostics)
{
    if (m_extraDiagnostics.value(source) == diagnostics)
        return;
    if (diagnostics.isEmpty())
        m_extraDiagnostics.remove(source);
    else
        m_extraDiagnostics.insert(source, diagnostics);
    m_diagnosticsValid = false;
    Q_EMIT diagnosticsChanged();
}

void Workspace::touch()
{
    ++m_revision;
    m_diagnosticsValid = false;
    setModified(true);
    Q_EMIT diagnosticsChanged();
}

} // namespace Tokenbench::Core
