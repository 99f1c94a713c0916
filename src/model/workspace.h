#pragma once

#include "model/block.h"
#include "util/diagnostic.h"

#include <QObject>

namespace Tokenbench::Core {

class ValueResolver;

// The single source of truth: the backends being designed. Editors, the engine, the CLI and exporters
// read it; every change goes through its mutators, which emit paired about-to/done signals so item
// models can follow.
class Workspace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    explicit Workspace(QObject* parent = nullptr);
    ~Workspace() override;

    const QList<Block>& backends() const { return m_backends; }
    int backendCount() const { return int(m_backends.size()); }
    const Block& backend(int row) const { return m_backends.at(row); }
    int indexOfBackend(const QString& label) const;
    QString uniqueBackendName(const QString& base) const;

    void insertBackend(int row, const Block& backend);
    Block takeBackend(int row);
    void replaceBackend(int row, const Block& backend);
    // `block` is "" for the backend's own attributes or a child block type ("oauth2").
    void setAttribute(int row, const QString& block, const QString& name, const QString& value);
    // The attribute as an expression: its source and the value it evaluates to (Block::setExpression).
    void setExpression(int row, const QString& block, const QString& name, const QString& source,
                       const QString& value);
    void renameBackend(int row, const QString& label);
    void resetBackends(const QList<Block>& backends);

    // The workspace's identity: the namespace of its secrets in the keychain.
    QString id() const { return m_id; }
    void setId(const QString& id) { m_id = id; }

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString& path);
    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    quint64 revision() const { return m_revision; }

    // Validation of the whole workspace, cached until the next change.
    const Diagnostics& diagnostics() const;
    void setResolver(const ValueResolver* resolver);
    // Problems found while loading (kept until the next load or reset).
    void setLoadDiagnostics(const Diagnostics& diagnostics);
    // The blocks come from a Couper configuration (whose directory is `baseDirectory`): the Validator runs
    // as for the file (inline backends keep Couper's anonymous_L_C names, relative key files are read
    // from there), so the window shows what `check` says. Off for a workspace.
    void setCouperContext(bool couperFile, const QString& baseDirectory = {});
    // Problems found by something else than the validator (e.g. discovery: "discovery"), per source.
    void setExtraDiagnostics(const QString& source, const Diagnostics& diagnostics);

Q_SIGNALS:
    void backendAboutToBeInserted(int row);
    void backendInserted(int row);
    void backendAboutToBeRemoved(int row);
    void backendRemoved(int row);
    void backendAboutToChange(int row); // its child blocks may change
    void backendChanged(int row);
    void attributeChanged(int row, const QString& block, const QString& name);
    void aboutToReset();
    void reset();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);
    void diagnosticsChanged();

private:
    void touch();

    QList<Block> m_backends;
    QString m_filePath;
    QString m_id;
    bool m_modified = false;
    quint64 m_revision = 0;
    const ValueResolver* m_resolver = nullptr;
    Diagnostics m_loadDiagnostics;
    bool m_couperFile = false;
    QString m_baseDirectory;
    QMap<QString, Diagnostics> m_extraDiagnostics;
    mutable Diagnostics m_diagnostics;
    mutable bool m_diagnosticsValid = false;
};

} // namespace Tokenbench::Core
