#pragma once

#include <functional>

#include "model/valueresolver.h"
#include "net/discovery.h"
#include "net/resourcecheck.h"
#include "net/tokenclient.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QFrame;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTreeView;
class QUndoStack;
class QDockWidget;
class QTimer;

namespace Tokenbench::Core::Jwt {
class IssuerVerifier;
class JwksCache;
} // namespace Tokenbench::Core::Jwt

namespace Tokenbench::Core {
class DiagnosticsModel;
class NetworkAccessManager;
struct Exchange;
struct RunResult;
class Runner;
class SecretStore;
class TraceModel;
struct TransportSettings;
class Workspace;
class WorkspaceTreeModel;
} // namespace Tokenbench::Core

namespace Tokenbench::Ui {

class BackendEditor;
class FlowController;
class InteractiveFlowPanel;
class DiscoveryDialog;
class BetaTokenRequestEditor;
class DocumentController;
class TokenRequestsPanel;
class OAuth2Editor;
class SigningProfileEditor;
class JwtPanel;
class TokenPanel;
class TracePane;
class WelcomePage;

// One main window: workspace tree (left), the selected block's form (centre), Run pane with the token
// card and the trace (right), problems (bottom). Edit -> Run -> read the trace -> fix.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Core::Workspace* workspace() const { return m_workspace; }
    QUndoStack* undoStack() const { return m_undo; }
    Core::TraceModel* traceModel() const { return m_traceModel; }
    TokenPanel* tokenPanel() const { return m_tokenPanel; }
    TracePane* tracePane() const { return m_tracePane; }
    JwtPanel* jwtPanel();
    void inspectJwt(const QString& token);
    QTreeView* tree() const { return m_tree; }
    QWidget* currentEditor() const;
    QString outcomeText() const;
    QAction* action(const QString& name) const;

    // Opens a workspace file; shows the problem and keeps the current workspace when it cannot be read.
    bool openFile(const QString& path);
    bool saveTo(const QString& path);
    // Adds a backend with an oauth2 block for `grantType` and opens its form.
    void addFromTemplate(const QString& templateId);
    void selectBlock(int backendRow, const QString& blockType);
    // The nested jwt_signing_profile of a backend's oauth2 block, in its own form.
    void showSigningProfile(int backendRow);
    // "Discover…": the discovery dialog for a backend (opened, not executed; returned for tests).
    DiscoveryDialog* openDiscovery(int backendRow);
    bool isRunning() const;
    Core::SecretStore* secretStore() const { return m_secrets; }
    const Core::ValueResolver& resolver() const { return m_resolver; }
    QString keychainBannerText() const;
    void showSecrets();
    // Crash recovery: offers a recovery file, if any (a question to the user): the one of `preferredPath` (the
    // file the window was started with) when there is one, else the newest. True when the user restored it.
    bool offerRecovery(const QString& preferredPath = {});
    bool restoreRecovery(const QString& workspaceId);
    bool isReadOnlySource() const;
    // Interactive flows: the panel shown while waiting, and who opens URLs (the system browser unless
    // replaced, e.g. by a test that plays the browser). The controller exists after the first run.
    InteractiveFlowPanel* interactiveFlowPanel() const { return m_flowPanel; }
    FlowController* flowController() const { return m_flowController; }
    void setUrlOpener(std::function<bool(const QUrl&)> opener);
    // The session's trace as HAR 1.2 (.har) or a Markdown report (.md), redacted.
    bool saveTraceTo(const QString& path);

Q_SIGNALS:
    void runFinished(const Tokenbench::Core::TokenResult& result);
    // Emitted once typed secrets of a save were stored in the keychain (or could not be).
    void secretsStored(const QStringList& stored, const QStringList& failed);
    void secretsResolved();
    void recoverySaved();

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createWidgets();
    void restoreLayout();
    void saveLayout();
    void updateTitle();
    void updateActions();
    void updateRecentMenu();
    void showEditorFor(const QModelIndex& proxyIndex);
    // Editor-stack pages, created on first use.
    WelcomePage* welcomePage();
    void showWelcome();
    BackendEditor* backendEditor();
    OAuth2Editor* oauth2Editor();
    SigningProfileEditor* signingProfileEditor();
    int currentBackendRow() const;
    QString currentBlockType() const;
    void connectDocument();
    // A new document replaced the workspace: every per-document view starts over, then shows its block.
    void adoptDocument(int backendRow, const QString& block);
    void addBackend();
    void addOAuth2(int row);
    void removeOAuth2();
    void duplicateBackend();
    void renameBackend();
    void deleteSelection();
    void run();
    void cancelRun();
    void onRunFinished(int backendRow, const Core::RunResult& run);
    void showProblem(const QModelIndex& index);
    void ensureRunner();
    void ensureNetwork();
    void traceExchange(const Core::Exchange& exchange);
    void startKeychain();
    void updateKeychainState();
    void prefetchSecrets();
    void storeTypedSecrets(const QList<QPair<QString, QString>>& variablesAndValues);
    void startRun(int row, const QString& request);
    void runFresh();
    void forgetCachedToken();
    void updateDiscoveryDiagnostics();
    void addTokenRequest(int row);
    BetaTokenRequestEditor* betaEditor();
    TokenRequestsPanel* tokenRequestsPanel();
    void useTokenForResource(int row, const QString& label, const QString& selector);
    void removeTokenRequest();
    void verifyIssuedToken(const QString& token, const Core::TransportSettings& transport);
    Core::Jwt::JwksCache* jwksCache();
    void showExportDialog();
    void importCurl();
    bool importHttpFile(const QString& path);
    void saveTrace();

    Core::Workspace* m_workspace = nullptr;
    QUndoStack* m_undo = nullptr;
    Core::WorkspaceTreeModel* m_treeModel = nullptr;
    QSortFilterProxyModel* m_treeProxy = nullptr;
    Core::DiagnosticsModel* m_diagnosticsModel = nullptr;
    Core::TraceModel* m_traceModel = nullptr;
    Core::NetworkAccessManager* m_nam = nullptr;
    Core::Runner* m_runner = nullptr;

    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_runSplitter = nullptr;
    QLineEdit* m_filter = nullptr;
    QTreeView* m_tree = nullptr;
    QStackedWidget* m_editorStack = nullptr;
    WelcomePage* m_welcome = nullptr;
    BackendEditor* m_backendEditor = nullptr;
    OAuth2Editor* m_oauth2Editor = nullptr;
    SigningProfileEditor* m_signingProfileEditor = nullptr;
    QHash<QString, Core::DiscoveryDocument> m_discovered; // per backend label, for live mismatch warnings
    bool m_forceFresh = false;
    QLabel* m_otherBlockLabel = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QLabel* m_outcome = nullptr;
    QPushButton* m_freshButton = nullptr;
    TokenPanel* m_tokenPanel = nullptr;
    InteractiveFlowPanel* m_flowPanel = nullptr;
    FlowController* m_flowController = nullptr;
    std::function<bool(const QUrl&)> m_urlOpener;
    TracePane* m_tracePane = nullptr;
    QDockWidget* m_problemsDock = nullptr;
    QDockWidget* m_jwtDock = nullptr;
    JwtPanel* m_jwtPanel = nullptr;
    Core::Jwt::JwksCache* m_jwksCache = nullptr;
    Core::Jwt::IssuerVerifier* m_issuerVerifier = nullptr;
    QTreeView* m_problemsView = nullptr;
    QLabel* m_fileStatus = nullptr;
    QFrame* m_bannerFrame = nullptr;
    QLabel* m_problemCount = nullptr;
    QLabel* m_banner = nullptr;
    QPushButton* m_bannerRetry = nullptr;
    Core::SecretStore* m_secrets = nullptr;
    Core::ValueResolver m_resolver;
    DocumentController* m_documents = nullptr;
    // Counts adopted documents; a run reports into the views only while its document is shown.
    int m_documentGeneration = 0;
    int m_runGeneration = 0;
    QString m_runBackend; // the backend of the last run, named in its trace rows
    BetaTokenRequestEditor* m_betaEditor = nullptr;
    TokenRequestsPanel* m_tokenRequestsPanel = nullptr;
    QDockWidget* m_tokenRequestsDock = nullptr;
    QLabel* m_secretsStatus = nullptr;
    QMenu* m_recentMenu = nullptr;
    QHash<QString, QAction*> m_actions;
};

} // namespace Tokenbench::Ui
