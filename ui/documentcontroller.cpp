#include "documentcontroller.h"

#include "couperfilesession.h"
#include "settings.h"

#include "model/couperconfig.h"
#include "model/recovery.h"
#include "model/valueresolver.h"
#include "model/workspace.h"
#include "model/workspacefile.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QUndoStack>

namespace Tokenbench::Ui {

using Core::Block;
namespace BlockType = Core::BlockType;

namespace {

const QString DemoPath = QStringLiteral(":/samples/demo.tbw");

QString fileFilter()
{
    return QObject::tr("Tokenbench workspaces (*.tbw);;All files (*)");
}

QString openFilter()
{
    return QObject::tr("Workspaces and Couper files (*.tbw *.hcl);;Tokenbench workspaces (*.tbw);;Couper configuration "
                       "(*.hcl);;HTTP request files, imported (*.http *.rest);;All files (*)");
}

bool isRequestFile(const QString& path)
{
    return path.endsWith(QStringLiteral(".http"), Qt::CaseInsensitive) ||
           path.endsWith(QStringLiteral(".rest"), Qt::CaseInsensitive);
}

} // namespace

DocumentController::DocumentController(Core::Workspace* workspace, QUndoStack* undo, Core::ValueResolver* resolver,
                                       QWidget* dialogParent)
    : QObject(dialogParent), m_workspace(workspace), m_undo(undo), m_resolver(resolver), m_dialogParent(dialogParent),
      m_couperFile(std::make_unique<CouperFileSession>())
{
    m_workspace->setId(Core::WorkspaceFile::newId());
    // Unsaved edits reach a recovery file at most a few seconds after they were made.
    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setSingleShot(true);
    m_autosaveTimer->setInterval(2000);
    connect(m_autosaveTimer, &QTimer::timeout, this, &DocumentController::autosave);
    connect(m_undo, &QUndoStack::indexChanged, this, &DocumentController::scheduleAutosave);
}

DocumentController::~DocumentController() = default;

QString DocumentController::couperPath() const
{
    return m_kind == Kind::CouperFile ? m_couperFile->path() : QString();
}

QString DocumentController::displayName() const
{
    switch (m_kind) {
    case Kind::Demo:
        return tr("Demo");
    case Kind::CouperFile:
        return tr("%1 (Couper file)").arg(QFileInfo(m_couperFile->path()).fileName());
    case Kind::Workspace:
        break;
    }
    return m_workspace->filePath().isEmpty() ? tr("Untitled") : QFileInfo(m_workspace->filePath()).fileName();
}

QString DocumentController::locationText() const
{
    if (m_kind == Kind::CouperFile)
        return m_couperFile->path();
    return m_workspace->filePath().isEmpty() ? tr("not saved yet") : m_workspace->filePath();
}

bool DocumentController::canRevert() const
{
    return m_kind == Kind::Demo || m_kind == Kind::CouperFile || !m_workspace->filePath().isEmpty();
}

// --- The one way in ---

void DocumentController::adopt(const LoadedDocument& document)
{
    // Whatever was pending for the document that goes: its recovery file (it was saved or discarded) and a
    // scheduled autosave.
    m_autosaveTimer->stop();
    if (m_workspace->id() != document.id)
        Core::Recovery::discard(m_workspace->id());
    m_kind = document.kind;
    if (document.kind == Kind::CouperFile)
        m_couperFile->open(document.couperPath, document.couperSource, document.backends);
    else
        m_couperFile->clear();
    m_workspace->resetBackends(document.backends);
    m_workspace->setLoadDiagnostics(document.diagnostics);
    m_workspace->setCouperContext(!document.couperDirectory.isEmpty(), document.couperDirectory);
    m_workspace->setFilePath(document.filePath);
    m_workspace->setId(document.id);
    // Keychain values read for the previous document are that document's (its id names them); so are a
    // Couper configuration's defaults.
    m_resolver->clearKeychainValues();
    m_resolver->setDefaultValues(document.defaultEnvironment);
    m_undo->clear();
    m_workspace->setModified(document.modified);
    if (!document.recentPath.isEmpty())
        remember(document.recentPath);
    Q_EMIT adopted(document.firstRow, document.firstBlock);
    Q_EMIT documentChanged();
}

void DocumentController::remember(const QString& path)
{
    Settings::addRecentFile(path);
    Settings::setLastDirectory(QFileInfo(path).absolutePath());
    Q_EMIT recentFilesChanged();
}

// --- Opening ---

bool DocumentController::maybeSave()
{
    if (!m_workspace->isModified())
        return true;
    const auto answer = QMessageBox::warning(m_dialogParent, tr("Unsaved changes"),
                                             tr("The workspace has unsaved changes. Save them first?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                             QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void DocumentController::newDocument()
{
    if (!maybeSave())
        return;
    LoadedDocument document;
    document.id = Core::WorkspaceFile::newId();
    adopt(document);
}

void DocumentController::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Open Workspace or Couper File"),
                                                      Settings::lastDirectory(), openFilter());
    if (!path.isEmpty())
        openFile(path);
}

bool DocumentController::openFile(const QString& path)
{
    if (QFileInfo(path).isDir())
        return openCouperFiles({path});
    if (Core::Hcl::isHclFile(path))
        return openCouperFile(path);
    if (isRequestFile(path)) {
        Q_EMIT importRequested(path);
        return true;
    }
    return openWorkspaceFile(path);
}

void DocumentController::openDemo()
{
    if (maybeSave())
        openWorkspaceFile(DemoPath);
}

bool DocumentController::openCouperFile(const QString& path)
{
    auto config = Core::Hcl::loadCouperConfig(path);
    if (!config) {
        QMessageBox::warning(m_dialogParent, tr("Cannot open the Couper file"),
                             tr("%1\n\n%2").arg(config.error().where, config.error().message));
        return false;
    }
    LoadedDocument document;
    document.kind = Kind::CouperFile;
    document.backends = config->backends;
    document.diagnostics = config->loadDiagnostics; // the workspace runs the Validator itself
    document.defaultEnvironment = config->defaultEnvironment;
    document.couperDirectory = QFileInfo(path).absolutePath();
    document.couperPath = QFileInfo(path).absoluteFilePath();
    document.couperSource = config->source;
    document.id = Core::WorkspaceFile::idForPath(path);
    document.recentPath = path;
    // The first backend with an oauth2 block, else the first backend.
    for (qsizetype i = 0; i < document.backends.size() && document.firstRow < 0; ++i) {
        if (document.backends.at(i).child(BlockType::OAuth2)) {
            document.firstRow = int(i);
            document.firstBlock = BlockType::OAuth2;
        }
    }
    if (document.firstRow < 0 && !document.backends.isEmpty())
        document.firstRow = 0;
    adopt(document);
    Q_EMIT message(tr("Opened %1; Save writes your edits back into it").arg(path), 8000);
    return true;
}

void DocumentController::openCouperDirectory()
{
    if (!maybeSave())
        return;
    const QString dir =
        QFileDialog::getExistingDirectory(m_dialogParent, tr("Open Couper Directory"), Settings::lastDirectory());
    if (!dir.isEmpty())
        openCouperFiles({dir});
}

bool DocumentController::openCouperFiles(const QStringList& paths)
{
    auto config = Core::Hcl::loadCouperFiles(paths);
    if (!config) {
        QMessageBox::warning(m_dialogParent, tr("Cannot open the Couper configuration"),
                             tr("%1\n\n%2").arg(config.error().where, config.error().message));
        return false;
    }
    if (!config->multiFile())
        return openCouperFile(config->fileName); // one file: opened as that file (Save writes back into it)
    LoadedDocument document;
    document.kind = Kind::Workspace; // several files: no save-back, Save asks where to write a workspace
    document.backends = config->backends;
    document.diagnostics = config->loadDiagnostics;
    document.defaultEnvironment = config->defaultEnvironment;
    document.couperDirectory = QFileInfo(config->fileName).absolutePath();
    document.id = Core::WorkspaceFile::idForPath(paths.constFirst());
    document.recentPath = paths.size() == 1 ? paths.constFirst() : QString();
    if (!document.backends.isEmpty())
        document.firstRow = 0;
    adopt(document);
    Q_EMIT message(tr("Opened %n Couper file(s) of %1, merged as Couper merges them; Save writes a Tokenbench "
                      "workspace (writing back into several Couper files is not supported)",
                      nullptr, int(config->files.size()))
                       .arg(paths.join(QStringLiteral(", "))),
                   10000);
    return true;
}

bool DocumentController::openWorkspaceFile(const QString& path)
{
    auto loaded = Core::WorkspaceFile::load(path);
    if (!loaded) {
        QMessageBox::warning(m_dialogParent, tr("Cannot open workspace"),
                             tr("%1\n\n%2").arg(loaded.error().where, loaded.error().message));
        return false;
    }
    const bool isResource = path.startsWith(u':');
    LoadedDocument document;
    document.kind = isResource ? Kind::Demo : Kind::Workspace;
    document.backends = loaded->backends;
    document.diagnostics = loaded->diagnostics;
    document.filePath = isResource ? QString() : QFileInfo(path).absoluteFilePath();
    document.id = loaded->id;
    document.recentPath = isResource ? QString() : path;
    if (!document.backends.isEmpty()) {
        document.firstRow = 0;
        document.firstBlock = document.backends.constFirst().child(BlockType::OAuth2) ? BlockType::OAuth2 : QString();
    }
    adopt(document);
    Q_EMIT message(tr("Opened %1").arg(isResource ? tr("the demo workspace") : path), 5000);
    return true;
}

void DocumentController::revert()
{
    if (!canRevert())
        return;
    if (m_workspace->isModified()) {
        const auto answer = QMessageBox::question(
            m_dialogParent, tr("Revert to the saved file?"),
            tr("Drop the unsaved changes to %1 and read it again from disk?").arg(displayName()),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    switch (m_kind) {
    case Kind::CouperFile:
        openCouperFile(m_couperFile->path());
        return;
    case Kind::Demo:
        openWorkspaceFile(DemoPath);
        return;
    case Kind::Workspace:
        openWorkspaceFile(m_workspace->filePath());
        return;
    }
}

// --- Recovery ---

void DocumentController::scheduleAutosave()
{
    if (m_workspace->isModified())
        m_autosaveTimer->start();
}

void DocumentController::autosave()
{
    if (!m_workspace->isModified())
        return;
    const auto written = Core::Recovery::write(m_workspace->id(), m_workspace->filePath(), m_workspace->backends());
    if (!written) {
        Q_EMIT message(tr("Could not write the recovery file: %1").arg(written.error().message), 8000);
        return;
    }
    Q_EMIT recoverySaved();
}

bool DocumentController::offerRecovery(const QString& preferredPath)
{
    const QList<Core::Recovery::Entry> entries = Core::Recovery::pending();
    if (entries.isEmpty())
        return false;
    qsizetype pick = 0;
    if (!preferredPath.isEmpty()) {
        const QString wanted = QFileInfo(preferredPath).canonicalFilePath();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (!entries.at(i).originalPath.isEmpty() &&
                QFileInfo(entries.at(i).originalPath).canonicalFilePath() == wanted) {
                pick = i;
                break;
            }
        }
    }
    const Core::Recovery::Entry& e = entries.at(pick);
    const QString what = e.originalPath.isEmpty() ? tr("an unsaved workspace") : QFileInfo(e.originalPath).fileName();
    const auto answer = QMessageBox::question(
        m_dialogParent, tr("Restore unsaved changes?"),
        tr("Tokenbench did not close properly. Restore the unsaved changes to %1 from %2?\n\nSecrets typed in that "
           "session are not restored: they are never written to disk.")
            .arg(what, QLocale().toString(e.savedAt.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        return restoreRecovery(e.workspaceId);
    Core::Recovery::discard(e.workspaceId);
    return false;
}

bool DocumentController::restoreRecovery(const QString& workspaceId)
{
    for (const Core::Recovery::Entry& e : Core::Recovery::pending()) {
        if (e.workspaceId != workspaceId)
            continue;
        auto loaded = Core::Recovery::read(e);
        if (!loaded) {
            QMessageBox::warning(m_dialogParent, tr("Cannot restore"),
                                 tr("%1\n\n%2").arg(loaded.error().where, loaded.error().message));
            return false;
        }
        LoadedDocument document;
        document.backends = loaded->backends;
        document.diagnostics = loaded->diagnostics;
        // Edits of a Couper file are saved as a workspace; those of a workspace go back to it.
        document.filePath = e.originalPath.endsWith(QStringLiteral(".tbw")) ? e.originalPath : QString();
        document.id = workspaceId;
        document.modified = true; // restored edits are unsaved edits
        if (!document.backends.isEmpty())
            document.firstRow = 0;
        adopt(document);
        Q_EMIT message(tr("Restored unsaved changes from %1").arg(QLocale().toString(e.savedAt.toLocalTime())), 8000);
        return true;
    }
    return false;
}

void DocumentController::close()
{
    m_autosaveTimer->stop();
    Core::Recovery::discard(m_workspace->id());
}

// --- Saving ---

bool DocumentController::save()
{
    if (m_kind == Kind::CouperFile && m_couperFile->isOpen())
        return saveCouperFile();
    if (m_workspace->filePath().isEmpty())
        return saveAs();
    return saveTo(m_workspace->filePath());
}

bool DocumentController::saveCouperFile()
{
    const CouperFileSession::SaveResult r = m_couperFile->save(m_dialogParent, m_workspace->backends());
    using O = CouperFileSession::Outcome;
    if (r.outcome == O::Reload) {
        const QString path = m_couperFile->path(); // openCouperFile() replaces the session
        m_undo->clear();
        m_workspace->setModified(false);
        openCouperFile(path);
        return false;
    }
    if (r.outcome != O::Saved && r.outcome != O::Unchanged)
        return false;
    Core::Recovery::discard(m_workspace->id());
    m_undo->setClean();
    m_workspace->setModified(false);
    Q_EMIT documentChanged();
    if (!r.secrets.isEmpty())
        Q_EMIT typedSecrets(r.secrets);
    Q_EMIT message(r.outcome == O::Saved ? tr("Saved your edits into %1").arg(m_couperFile->path())
                                         : tr("Nothing to save: %1 already has these settings").arg(m_couperFile->path()),
                   5000);
    return true;
}

bool DocumentController::saveAs()
{
    QString dir = Settings::lastDirectory();
    const QString suggested = QDir(dir.isEmpty() ? QDir::homePath() : dir).filePath(QStringLiteral("workspace.tbw"));
    QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Save Workspace"),
                                                m_workspace->filePath().isEmpty() ? suggested : m_workspace->filePath(),
                                                fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".tbw");
    return saveTo(path);
}

bool DocumentController::saveTo(const QString& path)
{
    auto saved = Core::WorkspaceFile::save(path, m_workspace->backends(), m_workspace->id());
    if (!saved) {
        QMessageBox::warning(m_dialogParent, tr("Cannot save workspace"),
                             tr("%1\n\n%2\n\nYour changes are still open here; try another folder with Save As.")
                                 .arg(saved.error().where, saved.error().message));
        return false;
    }
    m_kind = Kind::Workspace;
    m_couperFile->clear();
    Core::Recovery::discard(m_workspace->id());
    m_workspace->setFilePath(QFileInfo(path).absoluteFilePath());
    m_undo->setClean();
    m_workspace->setModified(false);
    remember(path);
    Q_EMIT documentChanged();
    if (!saved->isEmpty()) {
        // Secrets typed this session: the file refers to them; their values go to the keychain.
        QList<QPair<QString, QString>> typed;
        for (const auto& sub : std::as_const(saved.value())) {
            if (!sub.value.isEmpty()) {
                // The value as written into the reference (also for entries of header / query / form maps).
                if (!typed.contains(QPair<QString, QString>{sub.variable, sub.value}))
                    typed.append({sub.variable, sub.value});
                continue;
            }
            const int row = m_workspace->indexOfBackend(sub.backend);
            if (row < 0)
                continue;
            const Block& b = m_workspace->backend(row);
            const Block* target = sub.block.isEmpty() ? &b : b.child(sub.block);
            if (target)
                typed.append({sub.variable, target->attribute(sub.attribute)});
        }
        Q_EMIT typedSecrets(typed);
    }
    Q_EMIT message(tr("Saved %1").arg(path), 5000);
    return true;
}

} // namespace Tokenbench::Ui
