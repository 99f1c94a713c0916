#pragma once

#include "model/block.h"
#include "util/diagnostic.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

class QTimer;
class QUndoStack;
class QWidget;

namespace Tokenbench::Core {
class ValueResolver;
class Workspace;
} // namespace Tokenbench::Core

namespace Tokenbench::Ui {

class CouperFileSession;

// The document shown in the window: what it is (a workspace file, a Couper file, the demo), where it lives,
// saving it (into the .tbw, or back into the Couper file), the unsaved-changes question, recent files,
// autosave and crash recovery. Every way a document arrives — New, Open, Open Recent, the demo, Revert, a
// recovery file — goes through one adopt(), which replaces the workspace and then announces adopted():
// whoever shows per-document state (editors, token card, trace, outcome, panels) resets it there.
class DocumentController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentController)

public:
    enum class Kind { Workspace, CouperFile, Demo };

    // `dialogParent` parents the questions and warnings this controller asks and shows.
    DocumentController(Core::Workspace* workspace, QUndoStack* undo, Core::ValueResolver* resolver,
                       QWidget* dialogParent);
    ~DocumentController() override;

    Kind kind() const { return m_kind; }
    // The Couper file edits are saved back into (empty unless kind() is CouperFile).
    QString couperPath() const;
    // "Untitled", "ws.tbw", "Demo", "couper.hcl (Couper file)".
    QString displayName() const;
    // The path shown in the status bar ("not saved yet" when there is none).
    QString locationText() const;
    // Whether Revert can re-read the document from disk.
    bool canRevert() const;

    // The unsaved-changes question; true when the caller may go on (saved, discarded or nothing to save).
    bool maybeSave();
    void newDocument();
    void open();
    bool openFile(const QString& path);
    void openDemo();
    // A Couper configuration of several files (couper run -d DIR, or -f FILE…), merged as Couper merges
    // them: for designing and running; Save writes a workspace (writing back into several files is not
    // supported). One file opens as that file.
    void openCouperDirectory();
    bool openCouperFiles(const QStringList& paths);
    // Re-reads the document from its file, dropping the edits (after asking when there are any).
    void revert();
    bool save();
    bool saveAs();
    bool saveTo(const QString& path);
    bool offerRecovery(const QString& preferredPath);
    bool restoreRecovery(const QString& workspaceId);
    // The window closes: no more autosaves, and the recovery file of a saved or discarded state goes.
    void close();

Q_SIGNALS:
    // A new document replaced the workspace: reset every per-document view, then show `backendRow`'s
    // `block` ("" for the backend's own form; a row < 0 when the document has no backend).
    void adopted(int backendRow, const QString& block);
    // Name, kind or location changed (the window title and the status bar follow).
    void documentChanged();
    void recentFilesChanged();
    // A transient message for the status bar.
    void message(const QString& text, int timeoutMs);
    // Secrets typed into the workspace that a save replaced by env.NAME references: for the keychain.
    void typedSecrets(const QList<QPair<QString, QString>>& variablesAndValues);
    // A .http / .rest file was chosen in Open: it is imported into the current document, not opened.
    void importRequested(const QString& path);
    void recoverySaved();

private:
    struct LoadedDocument
    {
        Kind kind = Kind::Workspace;
        QList<Core::Block> backends;
        Core::Diagnostics diagnostics;
        QString filePath;   // the .tbw edits are saved to (empty: Save asks)
        QString couperPath; // the Couper file edits are saved back into
        QByteArray couperSource;
        QString id;
        QString recentPath; // added to the recent files when not empty
        bool modified = false;
        int firstRow = -1;
        QString firstBlock;
        // The directory of a Couper configuration (empty for a workspace): its rules apply in the window.
        QString couperDirectory;
        // defaults { environment_variables } of a Couper configuration: the lowest tier of env.NAME.
        QMap<QString, QString> defaultEnvironment;
    };
    void adopt(const LoadedDocument& document);
    bool openCouperFile(const QString& path);
    bool openWorkspaceFile(const QString& path);
    bool saveCouperFile();
    void scheduleAutosave();
    void autosave();
    void remember(const QString& path);

    Core::Workspace* m_workspace;
    QUndoStack* m_undo;
    Core::ValueResolver* m_resolver;
    QWidget* m_dialogParent;
    std::unique_ptr<CouperFileSession> m_couperFile;
    QTimer* m_autosaveTimer = nullptr;
    Kind m_kind = Kind::Workspace;
};

} // namespace Tokenbench::Ui
