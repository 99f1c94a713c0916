#include "mainwindow.h"

#include "aboutdialog.h"
#include "backendeditor.h"
#include "flowcontroller.h"
#include "interactiveflowpanel.h"
#include "discoverydialog.h"
#include "signingprofileeditor.h"
#include "betatokenrequesteditor.h"
#include "documentcontroller.h"
#include "tokenrequestspanel.h"
#include "secretlineedit.h"
#include "secretsdialog.h"
#include "jwtpanel.h"
#include "oauth2editor.h"
#include "settings.h"
#include "tokenpanel.h"
#include "tracepane.h"
#include "undocommands.h"
#include "welcomepage.h"
#include "workspacetreedelegate.h"

#include "net/issuerverifier.h"
#include "net/jwkscache.h"
#include "jwt/jwtpeek.h"
#include "model/blocktemplates.h"
#include "model/couperconfig.h"
#include "model/diagnosticsmodel.h"
#include "model/recovery.h"
#include "model/schema.h"
#include "model/workspace.h"
#include "model/workspacefile.h"
#include "model/workspacetreemodel.h"
#include "net/networkaccessmanager.h"
#include "net/betaresource.h"
#include "net/betatokenrequest.h"
#include "run/runner.h"
#include "run/runplan.h"
#include "net/tokencache.h"
#include "secrets/secretresolution.h"
#include "secrets/secretstore.h"
#include "trace/redactor.h"
#include "util/displaytext.h"
#include "trace/tracemodel.h"
#include "util/boundedread.h"
#include "export/curlimport.h"
#include "export/traceexport.h"
#include "exportdialog.h"
#include "importcurldialog.h"
#include "shortcutpriority.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHash>
#include <QPushButton>
#include <QScrollArea>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

// Resources live in the static ui library: register them explicitly.
static void initUiResources()
{
    Q_INIT_RESOURCE(tokenbench);
}

namespace Tokenbench::Ui {

using Core::Block;
using Core::TokenResult;
using Core::WorkspaceTreeModel;
namespace BlockType = Core::BlockType;

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    initUiResources();
    m_workspace = new Core::Workspace(this);
    m_undo = new QUndoStack(this);
    m_treeModel = new WorkspaceTreeModel(m_workspace, this);
    m_diagnosticsModel = new Core::DiagnosticsModel(m_workspace, this);
    m_traceModel = new Core::TraceModel(this);
    m_documents = new DocumentController(m_workspace, m_undo, &m_resolver, this);

    createActions();
    createWidgets();
    createMenus();
    restoreLayout();

    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { m_workspace->setModified(!clean); });
    connect(m_workspace, &Core::Workspace::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_workspace, &Core::Workspace::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_workspace, &Core::Workspace::backendInserted, this, &MainWindow::updateActions);
    connect(m_workspace, &Core::Workspace::backendRemoved, this, [this] {
        updateActions();
        if (m_workspace->backendCount() == 0)
            showWelcome();
    });
    connect(m_workspace, &Core::Workspace::backendChanged, this, [this] {
        updateActions();
        // The signing-profile form is not a tree node: structural edits keep it open.
        if (m_editorStack->currentWidget() != m_signingProfileEditor)
            showEditorFor(m_tree->currentIndex());
        updateDiscoveryDiagnostics();
    });
    connect(m_workspace, &Core::Workspace::attributeChanged, this, &MainWindow::updateDiscoveryDiagnostics);
    connect(m_workspace, &Core::Workspace::reset, this, &MainWindow::updateActions);
    m_workspace->setResolver(&m_resolver);
    SecretLineEdit::setSharedResolver(&m_resolver);
    updateTitle();
    updateActions();
    // The keychain is asked only once the window is on screen and painted (or at the first Run).
    QTimer::singleShot(400, this, &MainWindow::startKeychain);

    connectDocument();
}

void MainWindow::connectDocument()
{
    connect(m_documents, &DocumentController::adopted, this, &MainWindow::adoptDocument);
    connect(m_documents, &DocumentController::documentChanged, this, &MainWindow::updateTitle);
    connect(m_documents, &DocumentController::recentFilesChanged, this, &MainWindow::updateRecentMenu);
    connect(m_documents, &DocumentController::message, this,
            [this](const QString& text, int ms) { statusBar()->showMessage(text, ms); });
    connect(m_documents, &DocumentController::typedSecrets, this, &MainWindow::storeTypedSecrets);
    connect(m_documents, &DocumentController::importRequested, this, &MainWindow::importHttpFile);
    connect(m_documents, &DocumentController::recoverySaved, this, &MainWindow::recoverySaved);
}

MainWindow::~MainWindow()
{
    // The undo stack announces its own destruction; nothing here should listen any more.
    m_undo->disconnect(this);
    m_undo->disconnect(m_documents);
    if (m_runner)
        m_runner->disconnect(this);
    SecretLineEdit::setSharedResolver(nullptr);
    m_workspace->setResolver(nullptr);
    // Users of the network go before the network access manager.
    delete m_issuerVerifier;
    delete m_jwksCache;
    delete m_jwtDock;
    delete m_runner;
}

QAction* MainWindow::action(const QString& name) const
{
    return m_actions.value(name);
}

void MainWindow::createActions()
{
    auto make = [this](const QString& name, const QString& text, const QKeySequence& shortcut,
                       void (MainWindow::*slot)()) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        // Some platform themes bind no key to a standard action (no Save As or Quit without a desktop
        // environment): every action still gets one.
        static const QHash<QString, QKeySequence> fallbacks = {
            {QStringLiteral("saveAs"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
            {QStringLiteral("quit"), QKeySequence(Qt::CTRL | Qt::Key_Q)},
        };
        if (a->shortcut().isEmpty() && fallbacks.contains(name))
            a->setShortcut(fallbacks.value(name));
        if (slot)
            connect(a, &QAction::triggered, this, slot);
        m_actions.insert(name, a);
        return a;
    };
    // The document's actions go straight to the document controller.
    auto* newDocument = make(QStringLiteral("new"), tr("&New Workspace"), QKeySequence::New, nullptr);
    connect(newDocument, &QAction::triggered, m_documents, &DocumentController::newDocument);
    auto* open = make(QStringLiteral("open"), tr("&Open\u2026"), QKeySequence::Open, nullptr);
    connect(open, &QAction::triggered, m_documents, &DocumentController::open);
    auto* openDemo = make(QStringLiteral("openDemo"), tr("Open &Demo"), {}, nullptr);
    connect(openDemo, &QAction::triggered, m_documents, &DocumentController::openDemo);
    auto* revert = make(QStringLiteral("revert"), tr("Re&vert to Saved"), {}, nullptr);
    revert->setToolTip(tr("Drop the unsaved changes and read the file again"));
    connect(revert, &QAction::triggered, m_documents, &DocumentController::revert);
    auto* openCouperDirectory = make(QStringLiteral("openCouperDirectory"), tr("Open Couper &Directory\u2026"), {}, nullptr);
    openCouperDirectory->setToolTip(tr("A directory of Couper files (couper run -d), merged as Couper merges them"));
    connect(openCouperDirectory, &QAction::triggered, m_documents, &DocumentController::openCouperDirectory);
    auto* save = make(QStringLiteral("save"), tr("&Save"), QKeySequence::Save, nullptr);
    connect(save, &QAction::triggered, m_documents, [this] { m_documents->save(); });
    auto* saveAs = make(QStringLiteral("saveAs"), tr("Save &As\u2026"), QKeySequence::SaveAs, nullptr);
    connect(saveAs, &QAction::triggered, m_documents, [this] { m_documents->saveAs(); });
    auto* quit = make(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit, nullptr);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undo"));
    m_actions.insert(QStringLiteral("undo"), undo);
    auto* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("redo"));
    m_actions.insert(QStringLiteral("redo"), redo);

    make(QStringLiteral("addBackend"), tr("Add &Backend"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
         &MainWindow::addBackend);
    auto* addOAuth2 = make(QStringLiteral("addOAuth2"), tr("Add &oauth2 Block"), {}, nullptr);
    connect(addOAuth2, &QAction::triggered, this, [this] { this->addOAuth2(currentBackendRow()); });
    make(QStringLiteral("removeOAuth2"), tr("Remove oauth2 Block"), {}, &MainWindow::removeOAuth2);
    auto* showTokenRequests = make(QStringLiteral("showTokenRequests"), tr("&Token Requests"), {}, nullptr);
    connect(showTokenRequests, &QAction::triggered, this, [this] {
        tokenRequestsPanel();
        m_tokenRequestsDock->show();
        m_tokenRequestsDock->raise();
    });
    auto* addTokenRequest = make(QStringLiteral("addTokenRequest"), tr("Add &Token Request"), {}, nullptr);
    addTokenRequest->setToolTip(tr("Add a beta_token_request block to the selected backend"));
    connect(addTokenRequest, &QAction::triggered, this, [this] { this->addTokenRequest(currentBackendRow()); });
    make(QStringLiteral("duplicate"), tr("D&uplicate Backend"), QKeySequence(Qt::CTRL | Qt::Key_D),
         &MainWindow::duplicateBackend);
    make(QStringLiteral("rename"), tr("Re&name Backend"), QKeySequence(Qt::Key_F2), &MainWindow::renameBackend);
    make(QStringLiteral("delete"), tr("&Delete"), QKeySequence::Delete, &MainWindow::deleteSelection);

    auto* run = make(QStringLiteral("run"), tr("&Run"), QKeySequence(Qt::CTRL | Qt::Key_Return), &MainWindow::run);
    run->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    run->setShortcutContext(Qt::WindowShortcut);
    run->setIcon(QIcon(QStringLiteral(":/icons/run.svg")));
    auto* cancel = make(QStringLiteral("cancel"), tr("&Cancel Run"), QKeySequence(Qt::Key_Escape), &MainWindow::cancelRun);
    cancel->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    auto* clearTrace = make(QStringLiteral("clearTrace"), tr("C&lear Trace"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), nullptr);
    connect(clearTrace, &QAction::triggered, this, [this] { m_traceModel->clear(); });
    auto* discover = make(QStringLiteral("discover"), tr("&Discover Authorization Server\u2026"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), nullptr);
    connect(discover, &QAction::triggered, this, [this] { openDiscovery(currentBackendRow()); });
    auto* profile = make(QStringLiteral("signingProfile"), tr("Edit Si&gning Profile"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G), nullptr);
    connect(profile, &QAction::triggered, this, [this] { showSigningProfile(currentBackendRow()); });
    auto* runFresh = make(QStringLiteral("runFresh"), tr("Run with &Fresh Token"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), &MainWindow::runFresh);
    runFresh->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)});
    make(QStringLiteral("forgetToken"), tr("F&orget Cached Token"), {}, &MainWindow::forgetCachedToken);
    auto* filter = make(QStringLiteral("filter"), tr("&Filter Workspace"), QKeySequence::Find, nullptr);
    connect(filter, &QAction::triggered, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    make(QStringLiteral("export"), tr("&Export\u2026"), QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::showExportDialog);
    new ShortcutPriority(QKeySequence(Qt::CTRL | Qt::Key_E), this); // over "end of line" in form fields
    make(QStringLiteral("importCurl"), tr("&Import curl\u2026"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
         &MainWindow::importCurl);
    make(QStringLiteral("saveTrace"), tr("Save &Trace as HAR/Markdown\u2026"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S),
         &MainWindow::saveTrace);
    make(QStringLiteral("secrets"), tr("&Secrets in Keychain\u2026"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
         &MainWindow::showSecrets);
    auto* inspect = make(QStringLiteral("inspectJwt"), tr("&JWT Inspector"), QKeySequence(Qt::CTRL | Qt::Key_J), nullptr);
    connect(inspect, &QAction::triggered, this, [this] {
        if (m_jwtPanel && m_jwtDock->isVisible() && !m_tokenPanel->hasToken()) {
            m_jwtDock->hide();
            return;
        }
        inspectJwt(m_tokenPanel->hasToken() && (!m_jwtPanel || m_jwtPanel->token().isEmpty()) ? m_tokenPanel->token()
                                                                                                : QString());
    });
    auto* about = make(QStringLiteral("about"), tr("&About Tokenbench"), {}, nullptr);
    connect(about, &QAction::triggered, this, [this] {
        auto* dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    auto* aboutQt = make(QStringLiteral("aboutQt"), tr("About &Qt"), {}, nullptr);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("new")));
    file->addAction(action(QStringLiteral("open")));
    file->addAction(action(QStringLiteral("openCouperDirectory")));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(action(QStringLiteral("openDemo")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("save")));
    file->addAction(action(QStringLiteral("saveAs")));
    file->addAction(action(QStringLiteral("revert")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("importCurl")));
    file->addAction(action(QStringLiteral("export")));
    file->addAction(action(QStringLiteral("saveTrace")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quit")));
    updateRecentMenu();

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(QStringLiteral("undo")));
    edit->addAction(action(QStringLiteral("redo")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("addBackend")));
    edit->addAction(action(QStringLiteral("addOAuth2")));
    edit->addAction(action(QStringLiteral("removeOAuth2")));
    edit->addAction(action(QStringLiteral("addTokenRequest")));
    edit->addAction(action(QStringLiteral("duplicate")));
    edit->addAction(action(QStringLiteral("rename")));
    edit->addAction(action(QStringLiteral("delete")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("discover")));
    edit->addAction(action(QStringLiteral("signingProfile")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("secrets")));
    edit->addAction(action(QStringLiteral("filter")));

    QMenu* runMenu = menuBar()->addMenu(tr("&Run"));
    runMenu->addAction(action(QStringLiteral("run")));
    runMenu->addAction(action(QStringLiteral("runFresh")));
    runMenu->addAction(action(QStringLiteral("cancel")));
    runMenu->addAction(action(QStringLiteral("forgetToken")));
    runMenu->addAction(action(QStringLiteral("clearTrace")));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_problemsDock->toggleViewAction());
    view->addAction(action(QStringLiteral("showTokenRequests")));
    view->addAction(action(QStringLiteral("inspectJwt")));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("about")));
    help->addAction(action(QStringLiteral("aboutQt")));
}

void MainWindow::createWidgets()
{
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));

    // Workspace tree with its filter.
    auto* left = new QWidget(m_mainSplitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(4, 4, 0, 4);
    m_filter = new QLineEdit(left);
    m_filter->setObjectName(QStringLiteral("filterLineEdit"));
    m_filter->setPlaceholderText(tr("Filter\u2026"));
    m_filter->setClearButtonEnabled(true);
    m_treeProxy = new QSortFilterProxyModel(this);
    m_treeProxy->setSourceModel(m_treeModel);
    m_treeProxy->setRecursiveFilteringEnabled(true);
    m_treeProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_treeProxy, &QSortFilterProxyModel::setFilterFixedString);
    m_tree = new QTreeView(left);
    m_tree->setObjectName(QStringLiteral("workspaceTreeView"));
    m_tree->setModel(m_treeProxy);
    m_tree->setHeaderHidden(true);
    m_tree->setItemDelegate(new WorkspaceTreeDelegate(m_tree));
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setExpandsOnDoubleClick(true);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                showEditorFor(current);
                updateActions();
            });
    connect(m_treeModel, &WorkspaceTreeModel::renameRequested, this, [this](int row, const QString& label) {
        Block renamed = m_workspace->backend(row);
        const QString old = renamed.label;
        renamed.label = label;
        m_undo->push(new ReplaceBackendCommand(m_workspace, row, renamed, tr("Rename backend %1 to %2").arg(old, label)));
    });
    connect(m_treeModel, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& parent) {
        m_tree->expand(m_treeProxy->mapFromSource(parent));
    });
    connect(m_treeModel, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        menu.addAction(action(QStringLiteral("addBackend")));
        menu.addAction(action(QStringLiteral("addOAuth2")));
        menu.addAction(action(QStringLiteral("removeOAuth2")));
        menu.addAction(action(QStringLiteral("addTokenRequest")));
        menu.addSeparator();
        menu.addAction(action(QStringLiteral("duplicate")));
        menu.addAction(action(QStringLiteral("rename")));
        menu.addAction(action(QStringLiteral("delete")));
        menu.addSeparator();
        menu.addAction(action(QStringLiteral("run")));
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tree);

    // Editor stack.
    m_editorStack = new QStackedWidget(m_mainSplitter);
    m_editorStack->setObjectName(QStringLiteral("editorStack"));
    // The pages (welcome, editors) are created when first shown: a hidden page of a stacked widget still
    // costs its construction and the stack's size-hint passes at start-up.
    m_otherBlockLabel = new QLabel(m_editorStack);
    m_otherBlockLabel->setAlignment(Qt::AlignCenter);
    m_otherBlockLabel->setWordWrap(true);
    m_editorStack->addWidget(m_otherBlockLabel);

    // Run pane.
    auto* runPane = new QWidget(m_mainSplitter);
    auto* runLayout = new QVBoxLayout(runPane);
    runLayout->setContentsMargins(0, 4, 4, 4);
    auto* runBar = new QHBoxLayout;
    m_runButton = new QPushButton(action(QStringLiteral("run"))->icon(), tr("Run"), runPane);
    m_runButton->setObjectName(QStringLiteral("runPushButton"));
    m_runButton->setToolTip(tr("Request a token for the selected backend (Ctrl+Return)"));
    connect(m_runButton, &QPushButton::clicked, this, &MainWindow::run);
    m_cancelButton = new QPushButton(action(QStringLiteral("cancel"))->icon(), tr("Cancel"), runPane);
    m_cancelButton->setObjectName(QStringLiteral("cancelPushButton"));
    m_cancelButton->setToolTip(tr("Cancel the running request (Esc)"));
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelRun);
    m_outcome = new QLabel(runPane);
    m_outcome->setObjectName(QStringLiteral("outcomeLabel"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    runBar->addWidget(m_runButton);
    runBar->addWidget(m_cancelButton);
    runBar->addWidget(m_outcome, 1);
    // When a run reused the cached token, a fresh one is one click away.
    m_freshButton = new QPushButton(tr("Get &fresh token"), runPane);
    m_freshButton->setObjectName(QStringLiteral("freshTokenPushButton"));
    m_freshButton->setToolTip(tr("Run again with a new token request instead of the cached token (Ctrl+Shift+Return)"));
    m_freshButton->setVisible(false);
    connect(m_freshButton, &QPushButton::clicked, this, &MainWindow::runFresh);
    runBar->addWidget(m_freshButton);
    runLayout->addLayout(runBar);
    m_flowPanel = new InteractiveFlowPanel(runPane);
    runLayout->addWidget(m_flowPanel);
    m_runSplitter = new QSplitter(Qt::Vertical, runPane);
    m_runSplitter->setObjectName(QStringLiteral("runSplitter"));
    m_runSplitter->setChildrenCollapsible(false); // the trace never disappears behind the card
    // The token card grows with what a run brings (ID token, cache, resource): it scrolls rather than
    // squeezing its rows when the splitter gives it less room than it needs.
    auto* tokenScroll = new QScrollArea(m_runSplitter);
    tokenScroll->setObjectName(QStringLiteral("tokenPanelScrollArea"));
    tokenScroll->setWidgetResizable(true);
    tokenScroll->setFrameShape(QFrame::NoFrame);
    m_tokenPanel = new TokenPanel(tokenScroll);
    tokenScroll->setWidget(m_tokenPanel);
    m_tokenPanel->setObjectName(QStringLiteral("tokenPanel"));
    m_tracePane = new TracePane(m_traceModel, m_runSplitter);
    m_tracePane->setObjectName(QStringLiteral("tracePane"));
    connect(m_tokenPanel, &TokenPanel::inspectRequested, this, &MainWindow::inspectJwt);
    connect(m_tokenPanel, &TokenPanel::forgetCacheRequested, this, &MainWindow::forgetCachedToken);
    connect(m_tracePane, &TracePane::inspectRequested, this, &MainWindow::inspectJwt);
    m_runSplitter->addWidget(tokenScroll);
    m_runSplitter->addWidget(m_tracePane);
    runLayout->addWidget(m_runSplitter);

    m_mainSplitter->addWidget(left);
    m_mainSplitter->addWidget(m_editorStack);
    m_mainSplitter->addWidget(runPane);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setStretchFactor(2, 3);
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    // No keychain: what that means, and Retry once the user has started or unlocked one.
    m_bannerFrame = new QFrame(central);
    m_bannerFrame->setObjectName(QStringLiteral("keychainBanner"));
    m_bannerFrame->setStyleSheet(QStringLiteral("#keychainBanner { background: #fff3cd; border-bottom: 1px solid #e0c060; }"
                                                "#keychainBanner QLabel { color: #664d03; }"));
    auto* bannerLayout = new QHBoxLayout(m_bannerFrame);
    bannerLayout->setContentsMargins(6, 4, 6, 4);
    m_banner = new QLabel(m_bannerFrame);
    m_banner->setObjectName(QStringLiteral("keychainBannerLabel"));
    m_banner->setWordWrap(true);
    m_bannerRetry = new QPushButton(tr("&Retry"), m_bannerFrame);
    m_bannerRetry->setObjectName(QStringLiteral("keychainRetryPushButton"));
    m_bannerRetry->setToolTip(tr("Ask the keychain again (after starting or unlocking it)"));
    connect(m_bannerRetry, &QPushButton::clicked, this, [this] {
        if (!m_secrets)
            return;
        m_bannerRetry->setEnabled(false);
        m_secretsStatus->setText(tr("Keychain: checking\u2026"));
        m_secrets->probeAvailability();
    });
    bannerLayout->addWidget(m_banner, 1);
    bannerLayout->addWidget(m_bannerRetry, 0, Qt::AlignVCenter);
    m_bannerFrame->setVisible(false);
    centralLayout->addWidget(m_bannerFrame);
    m_mainSplitter->setParent(central);
    centralLayout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);

    // Problems dock.
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsView = new QTreeView(m_problemsDock);
    m_problemsView->setObjectName(QStringLiteral("problemsTreeView"));
    m_problemsView->setModel(m_diagnosticsModel);
    m_problemsView->setRootIsDecorated(false);
    m_problemsView->setAlternatingRowColors(true);
    m_problemsView->header()->setSectionResizeMode(Core::DiagnosticsModel::MessageColumn, QHeaderView::Stretch);
    m_problemsView->header()->setStretchLastSection(false);
    connect(m_problemsView, &QTreeView::activated, this, &MainWindow::showProblem);
    m_problemsDock->setWidget(m_problemsView);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    // The status bar counts what the Problems view lists, from the same model.
    m_problemCount = new QLabel(this);
    m_problemCount->setObjectName(QStringLiteral("problemCountLabel"));
    auto updateProblemsTitle = [this] {
        const int errors = m_diagnosticsModel->errorCount();
        const int warnings = m_diagnosticsModel->warningCount();
        const int rows = m_diagnosticsModel->rowCount();
        m_problemsDock->setWindowTitle(errors + warnings == 0 ? tr("Problems")
                                                              : tr("Problems (%1 errors, %2 warnings)").arg(errors).arg(warnings));
        m_problemCount->setText(rows == 0 ? tr("No problems") : tr("%n problem(s)", nullptr, rows));
        m_problemCount->setToolTip(tr("%1 errors, %2 warnings").arg(errors).arg(warnings));
    };
    connect(m_diagnosticsModel, &QAbstractItemModel::modelReset, this, updateProblemsTitle);
    updateProblemsTitle();

    // Status bar.
    m_secretsStatus = new QLabel(this);
    m_secretsStatus->setObjectName(QStringLiteral("keychainStatusLabel"));
    m_secretsStatus->setText(tr("Keychain: checking\u2026"));
    m_fileStatus = new QLabel(this);
    statusBar()->addWidget(m_secretsStatus);
    statusBar()->addPermanentWidget(m_problemCount);
    statusBar()->addPermanentWidget(m_fileStatus);

}

void MainWindow::restoreLayout()
{
    resize(1280, 800);
    resizeDocks({m_problemsDock}, {110}, Qt::Vertical);
    m_mainSplitter->setSizes({220, 480, 580});
    m_runSplitter->setSizes({320, 480});
    const QByteArray geometry = Settings::windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = Settings::windowState();
    if (!state.isEmpty())
        restoreState(state);
    for (QSplitter* s : {m_mainSplitter, m_runSplitter}) {
        const QByteArray st = Settings::splitterState(s->objectName());
        if (!st.isEmpty())
            s->restoreState(st);
    }
}

void MainWindow::saveLayout()
{
    Settings::setWindowGeometry(saveGeometry());
    Settings::setWindowState(saveState());
    for (QSplitter* s : {m_mainSplitter, m_runSplitter})
        Settings::setSplitterState(s->objectName(), s->saveState());
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_documents->displayName() + QStringLiteral("[*] \u2014 Tokenbench"));
    setWindowModified(m_workspace->isModified());
    m_fileStatus->setText(m_documents->locationText());
    action(QStringLiteral("revert"))->setEnabled(m_documents->canRevert());
}

void MainWindow::updateActions()
{
    const int row = currentBackendRow();
    const bool hasBackend = row >= 0;
    const bool hasOAuth2 = hasBackend && m_workspace->backend(row).child(BlockType::OAuth2);
    action(QStringLiteral("addOAuth2"))->setEnabled(hasBackend && !hasOAuth2);
    action(QStringLiteral("removeOAuth2"))->setEnabled(hasOAuth2);
    action(QStringLiteral("addTokenRequest"))->setEnabled(hasBackend);
    action(QStringLiteral("duplicate"))->setEnabled(hasBackend);
    action(QStringLiteral("rename"))->setEnabled(hasBackend);
    action(QStringLiteral("delete"))->setEnabled(hasBackend);
    const bool running = isRunning();
    action(QStringLiteral("run"))->setEnabled(!running && m_workspace->backendCount() > 0);
    action(QStringLiteral("cancel"))->setEnabled(running);
    action(QStringLiteral("runFresh"))->setEnabled(!running && hasOAuth2);
    action(QStringLiteral("discover"))->setEnabled(hasOAuth2);
    action(QStringLiteral("signingProfile"))->setEnabled(hasOAuth2);
    action(QStringLiteral("forgetToken"))->setEnabled(
        hasBackend && m_runner && m_runner->cache()->lookup(m_workspace->backend(row).label).has_value());
    m_runButton->setEnabled(action(QStringLiteral("run"))->isEnabled());
    m_cancelButton->setEnabled(running);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = Settings::recentFiles();
    for (const QString& f : files) {
        QAction* a = m_recentMenu->addAction(QFileInfo(f).fileName());
        a->setToolTip(f);
        a->setStatusTip(f);
        connect(a, &QAction::triggered, this, [this, f] {
            if (m_documents->maybeSave())
                m_documents->openFile(f);
        });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("Clear List")), &QAction::triggered, this, [this] {
            Settings::setRecentFiles({});
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
    if (m_welcome)
        m_welcome->setRecentFiles(files);
}

int MainWindow::currentBackendRow() const
{
    const QModelIndex source = m_treeProxy->mapToSource(m_tree->currentIndex());
    if (source.isValid())
        return source.data(WorkspaceTreeModel::BackendRowRole).toInt();
    return m_workspace->backendCount() == 1 ? 0 : -1;
}

QString MainWindow::currentBlockType() const
{
    const QModelIndex source = m_treeProxy->mapToSource(m_tree->currentIndex());
    return source.isValid() ? source.data(WorkspaceTreeModel::BlockTypeRole).toString() : QString();
}

void MainWindow::showEvent(QShowEvent* event)
{
    // An empty workspace opens on the welcome page (built only now, when it is certain to be seen).
    if (m_workspace->backendCount() == 0 && m_editorStack->currentWidget() == m_otherBlockLabel)
        showWelcome();
    QMainWindow::showEvent(event);
}

QWidget* MainWindow::currentEditor() const
{
    return m_editorStack->currentWidget();
}

QString MainWindow::outcomeText() const
{
    return m_outcome->text();
}

WelcomePage* MainWindow::welcomePage()
{
    if (!m_welcome) {
        m_welcome = new WelcomePage(m_editorStack);
        m_welcome->setObjectName(QStringLiteral("welcomePage"));
        m_welcome->setRecentFiles(Settings::recentFiles());
        m_welcome->setDemoAvailable(QFile::exists(QStringLiteral(":/samples/demo.tbw")));
        connect(m_welcome, &WelcomePage::templateRequested, this, &MainWindow::addFromTemplate);
        connect(m_welcome, &WelcomePage::openRequested, m_documents, &DocumentController::open);
        connect(m_welcome, &WelcomePage::importCurlRequested, this, &MainWindow::importCurl);
        connect(m_welcome, &WelcomePage::demoRequested, m_documents, &DocumentController::openDemo);
        connect(m_welcome, &WelcomePage::recentRequested, m_documents, [this](const QString& path) {
            if (m_documents->maybeSave())
                m_documents->openFile(path);
        });
        m_editorStack->addWidget(m_welcome);
    }
    return m_welcome;
}

void MainWindow::showWelcome()
{
    m_editorStack->setCurrentWidget(welcomePage());
}

BackendEditor* MainWindow::backendEditor()
{
    if (!m_backendEditor) {
        m_backendEditor = new BackendEditor(m_editorStack);
        m_backendEditor->setObjectName(QStringLiteral("backendEditor"));
        connect(m_backendEditor, &BackendEditor::openBlockRequested, this, &MainWindow::selectBlock);
        connect(m_backendEditor, &BackendEditor::addOAuth2Requested, this, &MainWindow::addOAuth2);
        connect(m_backendEditor, &BackendEditor::discoverRequested, this, &MainWindow::openDiscovery);
        connect(m_backendEditor, &BackendEditor::signingProfileRequested, this, &MainWindow::showSigningProfile);
        connect(m_backendEditor, &BlockEditor::runRequested, this, &MainWindow::run);
        m_editorStack->addWidget(m_backendEditor);
    }
    return m_backendEditor;
}

SigningProfileEditor* MainWindow::signingProfileEditor()
{
    if (!m_signingProfileEditor) {
        m_signingProfileEditor = new SigningProfileEditor(m_editorStack);
        m_signingProfileEditor->setObjectName(QStringLiteral("signingProfileEditor"));
        connect(m_signingProfileEditor, &SigningProfileEditor::openBlockRequested, this, &MainWindow::selectBlock);
        connect(m_signingProfileEditor, &BlockEditor::runRequested, this, &MainWindow::run);
        m_editorStack->addWidget(m_signingProfileEditor);
    }
    return m_signingProfileEditor;
}

OAuth2Editor* MainWindow::oauth2Editor()
{
    if (!m_oauth2Editor) {
        m_oauth2Editor = new OAuth2Editor(m_editorStack);
        m_oauth2Editor->setObjectName(QStringLiteral("oauth2Editor"));
        connect(m_oauth2Editor, &BlockEditor::runRequested, this, &MainWindow::run);
        connect(m_oauth2Editor, &OAuth2Editor::signingProfileRequested, this, &MainWindow::showSigningProfile);
        m_editorStack->addWidget(m_oauth2Editor);
    }
    return m_oauth2Editor;
}

void MainWindow::showEditorFor(const QModelIndex& proxyIndex)
{
    const QModelIndex source = m_treeProxy->mapToSource(proxyIndex);
    if (!source.isValid() || m_workspace->backendCount() == 0) {
        if (m_workspace->backendCount() == 0) {
            showWelcome();
            return;
        }
        m_otherBlockLabel->setText(tr("Select a backend or block on the left."));
        m_editorStack->setCurrentWidget(m_otherBlockLabel);
        return;
    }
    const int row = source.data(WorkspaceTreeModel::BackendRowRole).toInt();
    const QString blockType = source.data(WorkspaceTreeModel::BlockTypeRole).toString();
    tokenRequestsPanel()->setBackend(row, row < m_workspace->backendCount() ? &m_workspace->backend(row) : nullptr);
    if (blockType.isEmpty() || blockType == u"tls") { // the tls block's fields are on the backend's form
        BackendEditor* editor = backendEditor();
        if (editor->backendRow() != row || m_editorStack->currentWidget() != editor)
            editor->setTarget(m_workspace, row, m_undo);
        m_editorStack->setCurrentWidget(editor);
    } else if (blockType == BlockType::OAuth2) {
        OAuth2Editor* editor = oauth2Editor();
        if (editor->backendRow() != row || m_editorStack->currentWidget() != editor)
            editor->setTarget(m_workspace, row, m_undo);
        m_editorStack->setCurrentWidget(editor);
    } else if (blockType == SigningProfileEditor::BlockPath) {
        SigningProfileEditor* editor = signingProfileEditor();
        if (editor->backendRow() != row || m_editorStack->currentWidget() != editor)
            editor->setTarget(m_workspace, row, m_undo);
        m_editorStack->setCurrentWidget(editor);
    } else if (blockType == QStringLiteral("beta_token_request")) {
        const QString selector = source.data(WorkspaceTreeModel::BlockSelectorRole).toString();
        BetaTokenRequestEditor* editor = betaEditor();
        if (editor->backendRow() != row || editor->blockType() != selector || m_editorStack->currentWidget() != editor)
            editor->setTokenRequest(m_workspace, row, selector, m_undo);
        m_editorStack->setCurrentWidget(editor);
    } else {
        m_otherBlockLabel->setText(tr("The %1 block is kept exactly as it is; Tokenbench has no form for it yet.")
                                       .arg(blockType));
        m_editorStack->setCurrentWidget(m_otherBlockLabel);
    }
}

void MainWindow::selectBlock(int backendRow, const QString& blockType)
{
    const QModelIndex source = blockType.isEmpty() ? m_treeModel->backendIndex(backendRow)
                                                   : m_treeModel->blockIndex(backendRow, blockType);
    if (!source.isValid())
        return;
    if (!m_filter->text().isEmpty())
        m_filter->clear();
    const QModelIndex proxy = m_treeProxy->mapFromSource(source);
    m_tree->expand(proxy.parent());
    m_tree->setCurrentIndex(proxy);
    showEditorFor(proxy);
}

// --- The document (DocumentController) ---

bool MainWindow::openFile(const QString& path)
{
    // A request file is imported into the document (and the answer is whether that worked).
    if (path.endsWith(QStringLiteral(".http"), Qt::CaseInsensitive) ||
        path.endsWith(QStringLiteral(".rest"), Qt::CaseInsensitive))
        return importHttpFile(path);
    return m_documents->openFile(path);
}

bool MainWindow::saveTo(const QString& path)
{
    return m_documents->saveTo(path);
}

bool MainWindow::offerRecovery(const QString& preferredPath)
{
    return m_documents->offerRecovery(preferredPath);
}

bool MainWindow::restoreRecovery(const QString& workspaceId)
{
    return m_documents->restoreRecovery(workspaceId);
}

bool MainWindow::isReadOnlySource() const
{
    return m_documents->kind() == DocumentController::Kind::CouperFile;
}

void MainWindow::adoptDocument(int backendRow, const QString& block)
{
    // Nothing of the previous document stays: a run still going is canceled and what it still reports is
    // dropped; its tokens, trace, outcome and the forms that showed its blocks start over.
    ++m_documentGeneration;
    if (m_runner) {
        m_runner->cancel();
        m_runner->cache()->clear();
    }
    if (m_flowController)
        m_flowController->reset();
    m_discovered.clear();
    m_tokenPanel->clear();
    m_tokenPanel->setResource(std::nullopt);
    m_traceModel->clear();
    m_outcome->clear();
    m_outcome->setToolTip(QString());
    m_freshButton->setVisible(false);
    // The editors still point at rows of the previous document: detached, they load when next shown.
    for (BlockEditor* editor : std::initializer_list<BlockEditor*>{m_backendEditor, m_oauth2Editor,
                                                                  m_signingProfileEditor, m_betaEditor}) {
        if (editor)
            editor->setTarget(nullptr, -1, nullptr);
    }
    if (m_betaEditor)
        m_betaEditor->clearRunResults();
    if (m_tokenRequestsPanel)
        m_tokenRequestsPanel->setBackend(-1, nullptr);
    m_tree->expandAll();
    if (backendRow >= 0 && backendRow < m_workspace->backendCount())
        selectBlock(backendRow, block);
    else
        showWelcome();
    if (m_documents->kind() == DocumentController::Kind::CouperFile)
        m_problemsDock->show();
    updateTitle();
    updateActions();
    prefetchSecrets();
}

void MainWindow::addFromTemplate(const QString& templateId)
{
    const std::optional<Core::Templates::Kind> kind = Core::Templates::fromId(templateId);
    if (!kind)
        return;
    const QString name = m_workspace->uniqueBackendName(QStringLiteral("backend"));
    const int row = m_workspace->backendCount();
    m_undo->push(new InsertBackendCommand(m_workspace, row, Core::Templates::backend(*kind, name),
                                          tr("Add backend %1").arg(name)));
    selectBlock(row, Core::Templates::firstBlock(*kind));
    if (*kind != Core::Templates::Kind::CustomTokenService)
        oauth2Editor()->focusAttribute(Core::Templates::firstAttribute(*kind));
}

void MainWindow::addBackend()
{
    const QString name = m_workspace->uniqueBackendName(QStringLiteral("backend"));
    const int row = m_workspace->backendCount();
    m_undo->push(new InsertBackendCommand(m_workspace, row, Block{BlockType::Backend, name, {}, {}},
                                          tr("Add backend %1").arg(name)));
    selectBlock(row, {});
}

void MainWindow::addOAuth2(int row)
{
    if (row < 0 || row >= m_workspace->backendCount() || m_workspace->backend(row).child(BlockType::OAuth2))
        return;
    Block b = m_workspace->backend(row);
    Block o{BlockType::OAuth2, {}, {}, {}};
    o.setAttribute(QStringLiteral("grant_type"), Core::Schema::Grant::ClientCredentials);
    b.blocks.append(o);
    m_undo->push(new ReplaceBackendCommand(m_workspace, row, b, tr("Add oauth2 block to %1").arg(b.label)));
    selectBlock(row, BlockType::OAuth2);
}

void MainWindow::removeOAuth2()
{
    const int row = currentBackendRow();
    if (row < 0 || !m_workspace->backend(row).child(BlockType::OAuth2))
        return;
    Block b = m_workspace->backend(row);
    b.removeChild(BlockType::OAuth2);
    m_undo->push(new ReplaceBackendCommand(m_workspace, row, b, tr("Remove oauth2 block from %1").arg(b.label)));
    selectBlock(row, {});
}

BetaTokenRequestEditor* MainWindow::betaEditor()
{
    if (!m_betaEditor) {
        m_betaEditor = new BetaTokenRequestEditor(m_editorStack);
        m_betaEditor->setObjectName(QStringLiteral("betaTokenRequestEditor"));
        m_betaEditor->setResolver(&m_resolver);
        connect(m_betaEditor, &BlockEditor::runRequested, this, &MainWindow::run);
        m_editorStack->addWidget(m_betaEditor);
    }
    return m_betaEditor;
}

// Token requests of the selected backend and how to reference them (created when first needed).
TokenRequestsPanel* MainWindow::tokenRequestsPanel()
{
    if (!m_tokenRequestsPanel) {
        m_tokenRequestsDock = new QDockWidget(tr("Token Requests"), this);
        m_tokenRequestsDock->setObjectName(QStringLiteral("tokenRequestsDock"));
        m_tokenRequestsPanel = new TokenRequestsPanel(m_tokenRequestsDock);
        m_tokenRequestsPanel->setObjectName(QStringLiteral("tokenRequestsPanel"));
        m_tokenRequestsDock->setWidget(m_tokenRequestsPanel);
        addDockWidget(Qt::BottomDockWidgetArea, m_tokenRequestsDock);
        tabifyDockWidget(m_problemsDock, m_tokenRequestsDock);
        m_problemsDock->raise();
        connect(m_tokenRequestsPanel, &TokenRequestsPanel::openRequested, this, &MainWindow::selectBlock);
        connect(m_tokenRequestsPanel, &TokenRequestsPanel::addRequested, this, &MainWindow::addTokenRequest);
        connect(m_tokenRequestsPanel, &TokenRequestsPanel::useForResourceRequested, this,
                &MainWindow::useTokenForResource);
        connect(m_workspace, &Core::Workspace::attributeChanged, m_tokenRequestsPanel,
                [this](int row, const QString& block, const QString& name) {
                    if (block.isEmpty() && Core::Schema::requestModifierMaps().contains(name) &&
                        row == m_tokenRequestsPanel->backendRow() && row < m_workspace->backendCount())
                        m_tokenRequestsPanel->setBackend(row, &m_workspace->backend(row));
                });
        connect(m_tokenRequestsPanel, &TokenRequestsPanel::copied, this,
                [this](const QString& reference) { statusBar()->showMessage(tr("Copied %1").arg(reference), 3000); });
    }
    return m_tokenRequestsPanel;
}

void MainWindow::addTokenRequest(int row)
{
    if (row < 0 || row >= m_workspace->backendCount())
        return;
    Block b = m_workspace->backend(row);
    // The first one is the backend's default request; others get a label.
    QString label;
    if (b.child(QStringLiteral("beta_token_request:default"))) {
        label = QStringLiteral("token");
        for (int n = 2; b.child(QStringLiteral("beta_token_request:") + label); ++n)
            label = QStringLiteral("token_%1").arg(n);
    }
    const Block request = Core::Templates::tokenRequest(label);
    b.blocks.append(request);
    m_undo->push(new ReplaceBackendCommand(m_workspace, row, b,
                                           tr("Add token request %1 to %2")
                                               .arg(label.isEmpty() ? QStringLiteral("default") : label, b.label)));
    selectBlock(row, request.selector());
}

// The token of request `label` into the backend's set_request_headers (merged into the map as written),
// as one undo step; the request is then selected so Run fetches it and calls the resource with it.
void MainWindow::useTokenForResource(int row, const QString& label, const QString& selector)
{
    if (row < 0 || row >= m_workspace->backendCount())
        return;
    Block b = m_workspace->backend(row);
    static const QString name = QStringLiteral("set_request_headers");
    const QString reference = Core::betaTokenSelfReference(label);
    auto merged = Core::withBearerAuthorization(b.attribute(name), reference);
    QString text;
    if (merged) {
        text = merged.value();
    } else {
        text = Core::withBearerAuthorization(QString(), reference).value();
        const auto answer = QMessageBox::question(
            this, tr("Replace set_request_headers?"),
            tr("Backend %1's set_request_headers cannot be merged (%2).\n\nReplace it with %3? Other headers in it are "
               "removed (Undo brings them back).")
                .arg(b.label, merged.error().message, text),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    if (text != b.attribute(name)) {
        b.setAttribute(name, text);
        m_undo->push(new ReplaceBackendCommand(m_workspace, row, b,
                                               tr("Use token request %1 for the resource check of %2").arg(label, b.label)));
    }
    selectBlock(row, selector);
    statusBar()->showMessage(
        b.attribute(Core::ResourceUrlAttribute).trimmed().isEmpty()
            ? tr("%1 is applied to set_request_headers; give %2 a resource URL for Run to call it").arg(reference, b.label)
            : tr("%1 is applied to set_request_headers; Run fetches it and calls the resource").arg(reference),
        5000);
}

void MainWindow::removeTokenRequest()
{
    const int row = currentBackendRow();
    const QModelIndex current = m_treeProxy->mapToSource(m_tree->currentIndex());
    const QString selector = current.data(WorkspaceTreeModel::BlockSelectorRole).toString();
    if (row < 0 || !selector.startsWith(QStringLiteral("beta_token_request:")))
        return;
    Block b = m_workspace->backend(row);
    for (qsizetype i = 0; i < b.blocks.size(); ++i) {
        if (b.blocks.at(i).matches(selector)) {
            b.blocks.removeAt(i);
            break;
        }
    }
    m_undo->push(new ReplaceBackendCommand(m_workspace, row, b, tr("Remove token request from %1").arg(b.label)));
    selectBlock(row, {});
}

void MainWindow::duplicateBackend()
{
    const int row = currentBackendRow();
    if (row < 0)
        return;
    Block copy = m_workspace->backend(row);
    copy.label = m_workspace->uniqueBackendName(copy.label + QStringLiteral("_copy"));
    m_undo->push(new InsertBackendCommand(m_workspace, row + 1, copy, tr("Duplicate backend %1").arg(copy.label)));
    selectBlock(row + 1, {});
}

void MainWindow::renameBackend()
{
    const int row = currentBackendRow();
    if (row < 0)
        return;
    selectBlock(row, {});
    m_tree->edit(m_tree->currentIndex());
}

void MainWindow::deleteSelection()
{
    // Delete in a text field deletes text, not the backend.
    if (qobject_cast<QLineEdit*>(QApplication::focusWidget()) && QApplication::focusWidget() != m_tree)
        return;
    const int row = currentBackendRow();
    if (row < 0)
        return;
    const QString blockType = currentBlockType();
    if (blockType == BlockType::OAuth2) {
        removeOAuth2();
        return;
    }
    if (blockType == QStringLiteral("beta_token_request")) {
        removeTokenRequest();
        return;
    }
    if (!blockType.isEmpty())
        return;
    m_undo->push(new RemoveBackendCommand(m_workspace, row));
    if (m_workspace->backendCount() > 0)
        selectBlock(qMin(row, m_workspace->backendCount() - 1), {});
}

void MainWindow::ensureRunner()
{
    if (m_runner)
        return;
    ensureNetwork();
    m_runner = new Core::Runner(m_workspace, m_nam, this);
    connect(m_runner, &Core::Runner::exchangeStarted, this, &MainWindow::traceExchange);
    connect(m_runner, &Core::Runner::exchangeFinished, this, &MainWindow::traceExchange);
    connect(m_runner, &Core::Runner::finished, this, &MainWindow::onRunFinished);
    connect(m_runner, &Core::Runner::started, this, [this] { updateActions(); });
    // One JWKS cache for the ID tokens of flows and the access-token badge.
    m_runner->flowClient()->setJwksCache(jwksCache());
    m_flowController = new FlowController(m_runner, m_flowPanel, m_tokenPanel, this);
    if (m_urlOpener)
        m_flowController->setUrlOpener(m_urlOpener);
    connect(m_runner->cache(), &Core::TokenCache::changed, this, &MainWindow::updateActions);
}

void MainWindow::traceExchange(const Core::Exchange& exchange)
{
    // The trace is the shown document's: a late exchange of a run of the previous one stays out.
    if (m_runGeneration != m_documentGeneration)
        return;
    if (!exchange.backend.isEmpty() || m_runBackend.isEmpty()) {
        m_traceModel->upsert(exchange);
        return;
    }
    // Verifying the run's token (issuer metadata, keys) is part of that backend's run.
    Core::Exchange stamped = exchange;
    stamped.backend = m_runBackend;
    m_traceModel->upsert(stamped);
}

void MainWindow::ensureNetwork()
{
    // Created on first use: nothing touches the network before the user asks.
    if (!m_nam)
        m_nam = new Core::NetworkAccessManager(this);
}

JwtPanel* MainWindow::jwtPanel()
{
    if (!m_jwtPanel) {
        ensureNetwork();
        m_jwtDock = new QDockWidget(tr("JWT Inspector"), this);
        m_jwtDock->setObjectName(QStringLiteral("jwtDock"));
        m_jwtPanel = new JwtPanel(m_nam, m_jwtDock);
        m_jwtPanel->setObjectName(QStringLiteral("jwtPanel"));
        m_jwtDock->setWidget(m_jwtPanel);
        addDockWidget(Qt::RightDockWidgetArea, m_jwtDock);
    }
    return m_jwtPanel;
}

void MainWindow::inspectJwt(const QString& token)
{
    JwtPanel* panel = jwtPanel();
    if (!token.isEmpty())
        panel->setToken(token);
    m_jwtDock->show();
    m_jwtDock->raise();
    panel->setFocus();
}

Core::Jwt::JwksCache* MainWindow::jwksCache()
{
    if (!m_jwksCache) {
        ensureNetwork();
        m_jwksCache = new Core::Jwt::JwksCache(m_nam, this);
        // Its requests are in the trace (the verifications report them too, as long as they wait for them; this
        // also shows the end of one that outlives a verification replaced meanwhile).
        connect(m_jwksCache, &Core::Jwt::JwksCache::exchangeStarted, this, &MainWindow::traceExchange);
        connect(m_jwksCache, &Core::Jwt::JwksCache::exchangeFinished, this, &MainWindow::traceExchange);
    }
    return m_jwksCache;
}

void MainWindow::verifyIssuedToken(const QString& token, const Core::TransportSettings& transport)
{
    if (!Core::JwtPeek::payload(token))
        return;
    ensureNetwork();
    if (!m_issuerVerifier) {
        m_issuerVerifier = new Core::Jwt::IssuerVerifier(m_nam, jwksCache(), this);
        // The issued token's verification sends requests of its own (issuer metadata, keys): in the trace too.
        connect(m_issuerVerifier, &Core::Jwt::IssuerVerifier::exchangeStarted, this, &MainWindow::traceExchange);
        connect(m_issuerVerifier, &Core::Jwt::IssuerVerifier::exchangeFinished, this, &MainWindow::traceExchange);
        connect(m_issuerVerifier, &Core::Jwt::IssuerVerifier::finished, this,
                [this](const Core::Jwt::IssuerVerifier::Result& r) {
                    if (m_runGeneration != m_documentGeneration)
                        return; // the token of a document no longer shown
                    if (!r.attempted) {
                        m_tokenPanel->setVerification(tr("\u2718 unverified: %1").arg(r.error), false);
                        return;
                    }
                    QString text;
                    if (r.valid()) {
                        text = tr("\u2714 verified: %1 (keys from %2)").arg(r.signature.message, r.keySource);
                    } else {
                        QStringList problems;
                        if (!r.signature.isValid())
                            problems << r.signature.message;
                        for (const Core::Jwt::ClaimCheck& c : r.checks) {
                            if (!c.passed)
                                problems << c.name + QStringLiteral(": ") + c.reason;
                        }
                        text = tr("\u2718 not valid: %1").arg(problems.join(QStringLiteral("; ")));
                    }
                    m_tokenPanel->setVerification(text, r.valid());
                });
    }
    m_issuerVerifier->setTransport(transport);
    m_jwksCache->setTransport(transport);
    m_issuerVerifier->verify(token.toUtf8());
}

void MainWindow::setUrlOpener(std::function<bool(const QUrl&)> opener)
{
    m_urlOpener = std::move(opener);
    if (m_flowController)
        m_flowController->setUrlOpener(m_urlOpener);
}

bool MainWindow::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

void MainWindow::run()
{
    if (isRunning())
        return;
    // The selected backend and token source (a selected beta_token_request), else the one rule of the
    // pipeline: the only backend with a token source; its oauth2 block, else its only or "default" request.
    const int selected = currentBackendRow();
    QString backend, request;
    if (selected >= 0) {
        backend = m_workspace->backend(selected).label;
        const QModelIndex current = m_treeProxy->mapToSource(m_tree->currentIndex());
        const QString selector = current.isValid() ? current.data(WorkspaceTreeModel::BlockSelectorRole).toString()
                                                   : QString();
        static const QString betaPrefix = QStringLiteral("beta_token_request:");
        if (selector.startsWith(betaPrefix))
            request = selector.mid(betaPrefix.size());
    }
    const auto target = Core::chooseTarget(m_workspace->backends(), backend, request);
    if (!target) {
        m_outcome->setText(selected < 0 ? tr("Select the backend to run in the tree.")
                                        : QStringLiteral("\u2716 ") + target.error().message);
        return;
    }
    int row = -1;
    for (int i = 0; i < m_workspace->backendCount() && row < 0; ++i) {
        if (m_workspace->backend(i).label == target->backend)
            row = i;
    }
    ensureRunner();
    m_outcome->setText(tr("Running %1\u2026").arg(target->backend));
    m_freshButton->setVisible(false);
    const Block& block = m_workspace->backend(row);
    const bool resourceStep = !block.attribute(Core::ResourceUrlAttribute).trimmed().isEmpty();
    const QList<Core::SecretReference> refs = Core::neededSecrets(block, *target, resourceStep);
    if (!Core::unresolvedReferences(refs, m_resolver).isEmpty())
        startKeychain(); // a Run right after start: ask the keychain now rather than later
    const Core::RunTarget chosen = *target;
    if (!m_secrets || Core::unresolvedReferences(refs, m_resolver).isEmpty()) {
        startRun(row, chosen.request);
        return;
    }
    // env.NAME references not in the environment: read them from the keychain first.
    action(QStringLiteral("run"))->setEnabled(false);
    m_runButton->setEnabled(false);
    Core::resolveFromKeychain(m_secrets, m_workspace->id(), refs, &m_resolver, this,
                              [this, row, chosen](const Core::KeychainResolution& r) {
                                  m_workspace->setResolver(&m_resolver);
                                  if (!r.ok()) {
                                      m_outcome->setText(QStringLiteral("\u2716 ") + r.messages().join(u'\n'));
                                      updateActions();
                                      Core::TokenResult failed;
                                      failed.status = Core::TokenResult::Status::ConfigError;
                                      failed.errorText = r.messages().join(u'\n');
                                      Q_EMIT runFinished(failed);
                                      return;
                                  }
                                  startRun(row, chosen.request);
                              });
}

void MainWindow::startRun(int row, const QString& request)
{
    if (row < 0 || row >= m_workspace->backendCount())
        return;
    m_runner->setResolver(&m_resolver);
    m_runGeneration = m_documentGeneration;
    m_runBackend = m_workspace->backend(row).label;
    m_tokenPanel->setResource(std::nullopt);
    if (!request.isEmpty())
        m_runner->runTokenRequest(row, request);
    else
        m_runner->run(row, std::exchange(m_forceFresh, false));
    updateActions();
}

void MainWindow::startKeychain()
{
    if (m_secrets)
        return;
    m_secrets = new Core::SecretStore(this);
    connect(m_secrets, &Core::SecretStore::availabilityChanged, this, &MainWindow::updateKeychainState);
    connect(m_secrets, &Core::SecretStore::availabilityChecked, this, &MainWindow::updateKeychainState);
    m_secrets->probeAvailability();
    prefetchSecrets();
}

QString MainWindow::keychainBannerText() const
{
    return m_bannerFrame->isVisible() ? m_banner->text() : QString();
}

void MainWindow::updateKeychainState()
{
    using A = Core::SecretStore::Availability;
    const A a = m_secrets ? m_secrets->availability() : A::Unknown;
    if (a == A::Available) {
        m_secretsStatus->setText(tr("Keychain: ready"));
        m_bannerFrame->setVisible(false);
    } else if (a == A::Unknown) {
        m_secretsStatus->setText(tr("Keychain: checking\u2026"));
    } else {
        m_secretsStatus->setText(tr("Keychain unavailable: secrets in memory only"));
        m_banner->setText(tr("No keychain: %1 Secrets you type are kept in memory for this session only and "
                             "are never written to disk; the workspace file refers to them as env.NAME.")
                              .arg(Core::SecretStore::adviceFor(a)));
        m_bannerFrame->setVisible(true);
        m_bannerRetry->setEnabled(true);
    }
}

void MainWindow::prefetchSecrets()
{
    if (!m_secrets)
        return;
    QList<Core::SecretReference> refs;
    for (const Block& b : m_workspace->backends())
        refs += Core::secretReferences(b);
    if (Core::unresolvedReferences(refs, m_resolver).isEmpty())
        return;
    Core::resolveFromKeychain(m_secrets, m_workspace->id(), refs, &m_resolver, this,
                              [this](const Core::KeychainResolution&) {
                                  m_workspace->setResolver(&m_resolver);
                                  for (SecretLineEdit* e : findChildren<SecretLineEdit*>())
                                      e->refreshBadge();
                                  Q_EMIT secretsResolved();
                              });
}

void MainWindow::storeTypedSecrets(const QList<QPair<QString, QString>>& variablesAndValues)
{
    auto stored = std::make_shared<QStringList>();
    auto failed = std::make_shared<QStringList>();
    auto remaining = std::make_shared<int>(int(variablesAndValues.size()));
    auto report = [this, stored, failed] {
        QString text;
        if (!stored->isEmpty())
            text += tr("Stored in the keychain, referenced from the file as env.NAME:\n%1\n").arg(stored->join(u'\n'));
        if (!failed->isEmpty())
            text += tr("\nNot stored (the keychain is unavailable) \u2014 kept in memory for this session only; set "
                       "these environment variables before the next session:\n%1").arg(failed->join(u'\n'));
        auto* box = new QMessageBox(QMessageBox::Information, tr("Secrets kept out of the file"), text, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("secretsSavedMessageBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        Q_EMIT secretsStored(*stored, *failed);
    };
    using A = Core::SecretStore::Availability;
    startKeychain();
    if (variablesAndValues.isEmpty())
        return;
    if (m_secrets->availability() != A::Available && m_secrets->availability() != A::Unknown) {
        for (const auto& [variable, value] : variablesAndValues)
            failed->append(variable);
        report();
        return;
    }
    for (const auto& [variable, value] : variablesAndValues) {
        const Core::SecureBytes bytes = Core::SecureBytes::fromUtf8(value);
        m_secrets->write(m_workspace->id(), variable, bytes, this,
                         [this, variable, bytes, stored, failed, remaining, report](const Core::SecretStore::Result& r) {
                             if (r.ok()) {
                                 stored->append(variable);
                                 m_resolver.setKeychainValue(variable, bytes);
                             } else {
                                 failed->append(variable);
                             }
                             if (--*remaining == 0)
                                 report();
                         });
    }
}

void MainWindow::showSecrets()
{
    startKeychain();
    auto* dialog = new SecretsDialog(m_secrets, m_workspace->id(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::cancelRun()
{
    if (m_runner)
        m_runner->cancel();
}

void MainWindow::onRunFinished(int backendRow, const Core::RunResult& run)
{
    const TokenResult& result = run.token;
    if (m_runGeneration != m_documentGeneration) {
        // A run of a document no longer shown (canceled when the new one arrived): nothing of it is shown.
        m_flowController->runFinished(-1, Core::TokenResult{});
        updateActions();
        Q_EMIT runFinished(result);
        return;
    }
    QString scope;
    if (backendRow >= 0 && backendRow < m_workspace->backendCount()) {
        if (const Block* o = m_workspace->backend(backendRow).child(BlockType::OAuth2))
            scope = o->attribute(QStringLiteral("scope"));
    }
    // The token request's time: the last exchange before the ID token's verification (issuer metadata, keys).
    const auto isVerification = [](const Core::Exchange& e) {
        return e.purpose == Core::Jwt::IssuerMetadataPurpose || e.purpose == Core::Jwt::JwksPurpose;
    };
    qint64 ms = -1;
    for (auto it = result.exchanges.crbegin(); it != result.exchanges.crend(); ++it) {
        if (!isVerification(*it)) {
            ms = it->durationMs;
            break;
        }
    }
    QString text;
    if (result.ok()) {
        text = run.tokenFromCache
                   ? tr("\u2714 Cached token reused: no token request was sent (Couper reuses it too)")
                   : tr("\u2714 %1 \u00b7 %2 ms \u00b7 token issued").arg(result.response.status).arg(ms);
        if (result.response.expiresIn)
            text += tr(", expires in %1").arg(formatRemaining(qint64(*result.response.expiresIn)));
    } else if (result.status == TokenResult::Status::Canceled) {
        text = tr("Canceled.");
    } else {
        const QString where = result.errorWhere.isEmpty() ? QString() : result.errorWhere + QStringLiteral(": ");
        text = QStringLiteral("\u2716 ") + where + Core::Redactor::redactText(result.errorText);
        if (result.status == TokenResult::Status::ConfigError && !result.errorWhere.isEmpty()) {
            // Take the user to the field.
            const QStringList parts = result.errorWhere.split(u'.');
            if (parts.size() == 3 && parts.at(1) == BlockType::OAuth2) {
                selectBlock(backendRow, BlockType::OAuth2);
                oauth2Editor()->focusAttribute(parts.at(2));
            }
        }
    }
    if (result.ok() && run.resource && run.resource->attempted)
        text += QStringLiteral(" \u00b7 ") + (run.resource->final.hasResponse()
                                                  ? tr("resource %1").arg(run.resource->final.status)
                                                  : tr("resource unreachable"));
    // Server text (error_description, ...) is data: control characters are shown escaped, never as rich text.
    text = Core::DisplayText::escapeControl(text, Core::DisplayText::Newlines::Keep);
    m_outcome->setTextFormat(Qt::PlainText);
    m_outcome->setText(text);
    m_freshButton->setVisible(result.ok() && run.tokenFromCache);
    m_outcome->setToolTip(text.toHtmlEscaped());
    if (m_runner && !m_runner->tokenRequestLabel().isEmpty())
        betaEditor()->setRunResult(backendRow, m_runner->tokenRequestLabel(), result);
    m_tokenPanel->setResult(result, scope);
    if (result.ok() && backendRow >= 0 && backendRow < m_workspace->backendCount()) {
        // Where the token came from: the cache (with its expiry) or a request; a beta_token_request run is not
        // cached by Tokenbench, so the oauth2 entry is not its source.
        const auto entry = m_runner && m_runner->tokenRequestLabel().isEmpty()
                               ? m_runner->cache()->peek(m_workspace->backend(backendRow).label)
                               : std::nullopt;
        m_tokenPanel->setResource(run.resource);
        m_tokenPanel->setSource(run.tokenFromCache, entry ? entry->expiresAt() : 0);
    }
    m_flowController->runFinished(backendRow, result);
    if (result.ok())
        verifyIssuedToken(result.response.accessToken, m_runner ? m_runner->issuerTransport() : Core::TransportSettings{});
    // The trace shows the run's answer: its last token or resource exchange, not the verification fetches
    // that follow it.
    const Core::Exchange* shown = nullptr;
    for (const Core::Exchange& e : run.exchanges) {
        if (!isVerification(e))
            shown = &e;
    }
    if (!shown || !m_tracePane->selectExchange(shown->id))
        m_tracePane->selectLast();
    updateActions();
    Q_EMIT runFinished(result);
}

void MainWindow::runFresh()
{
    if (isRunning())
        return;
    m_forceFresh = true;
    run();
    if (!isRunning())
        m_forceFresh = false;
}

void MainWindow::forgetCachedToken()
{
    const int row = currentBackendRow();
    if (!m_runner || row < 0)
        return;
    m_runner->cache()->forget(m_workspace->backend(row).label);
    m_tokenPanel->setSource(false, 0);
    statusBar()->showMessage(tr("Forgot the cached token of %1; the next Run requests a new one")
                                 .arg(m_workspace->backend(row).label), 5000);
}

void MainWindow::showSigningProfile(int backendRow)
{
    if (backendRow < 0 || backendRow >= m_workspace->backendCount() ||
        !m_workspace->backend(backendRow).child(BlockType::OAuth2))
        return;
    if (m_workspace->backend(backendRow).child(SigningProfileEditor::BlockPath)) {
        selectBlock(backendRow, SigningProfileEditor::BlockPath); // its node in the tree
        return;
    }
    selectBlock(backendRow, BlockType::OAuth2);
    SigningProfileEditor* editor = signingProfileEditor();
    editor->setTarget(m_workspace, backendRow, m_undo);
    m_editorStack->setCurrentWidget(editor);
}

DiscoveryDialog* MainWindow::openDiscovery(int backendRow)
{
    if (backendRow < 0 || backendRow >= m_workspace->backendCount())
        return nullptr;
    ensureNetwork();
    auto* dialog = new DiscoveryDialog(m_nam, m_workspace, backendRow, m_undo, &m_resolver, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DiscoveryDialog::applied, this,
            [this](int row, const Core::DiscoveryDocument& document) {
                if (row < 0 || row >= m_workspace->backendCount())
                    return;
                m_discovered.insert(m_workspace->backend(row).label, document);
                updateDiscoveryDiagnostics();
                statusBar()->showMessage(tr("Discovery applied to %1").arg(m_workspace->backend(row).label), 5000);
            });
    dialog->open();
    return dialog;
}

void MainWindow::updateDiscoveryDiagnostics()
{
    // Mismatches with the discovered metadata follow the configuration as it is edited.
    Core::Diagnostics all;
    for (const Block& b : m_workspace->backends()) {
        const auto it = m_discovered.constFind(b.label);
        const Block* o = b.child(BlockType::OAuth2);
        if (it == m_discovered.cend() || !o)
            continue;
        for (Core::Diagnostic d : Core::checkDiscovery(*it, Core::discoveryCheckFor(*o), b.label)) {
            d.message = tr("discovery: %1").arg(d.message);
            all.append(d);
        }
    }
    m_workspace->setExtraDiagnostics(QStringLiteral("discovery"), all);
}

void MainWindow::showProblem(const QModelIndex& index)
{
    const QString backend = index.data(Core::DiagnosticsModel::BackendRole).toString();
    const QString block = index.data(Core::DiagnosticsModel::BlockRole).toString();
    const QString attribute = index.data(Core::DiagnosticsModel::AttributeRole).toString();
    const int row = m_workspace->indexOfBackend(backend);
    if (row < 0)
        return;
    if (block == SigningProfileEditor::BlockPath) {
        showSigningProfile(row);
        if (!attribute.isEmpty())
            signingProfileEditor()->focusAttribute(attribute);
        return;
    }
    if (block == u"tls") {
        selectBlock(row, {});
        backendEditor()->focusTlsAttribute(attribute);
        return;
    }
    selectBlock(row, block);
    if (auto* editor = qobject_cast<BlockEditor*>(m_editorStack->currentWidget()); editor && !attribute.isEmpty())
        editor->focusAttribute(attribute);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_documents->maybeSave()) {
        event->ignore();
        return;
    }
    if (m_runner)
        m_runner->cancel();
    m_documents->close();
    saveLayout();
    event->accept();
}

// --- Export, import, trace export (issue #5) ---

void MainWindow::showExportDialog()
{
    auto* dialog = new ExportDialog(m_workspace->backends(), currentBackendRow(), m_resolver, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// A .http / .rest file's first request joins the workspace as a backend (oauth2 when it is a token
// request, else a beta_token_request), like an imported curl command; its literal secrets go to the
// keychain and the block refers to them.
bool MainWindow::importHttpFile(const QString& path)
{
    const auto bytes = Core::readFileLimited(path, Core::FileLimits::ConfigFile, QStringLiteral("request file"));
    if (!bytes) {
        QMessageBox::warning(this, tr("Cannot open request file"), tr("%1\n\n%2").arg(path, bytes.error().message));
        return false;
    }
    auto parsed = Core::Export::parseHttpFile(QString::fromUtf8(*bytes));
    // The backend is named after the file, in the characters Couper allows in labels.
    QString label = QFileInfo(path).completeBaseName();
    for (QChar& c : label) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_')
            c = u'_';
    }
    if (label.isEmpty())
        label = QStringLiteral("imported");
    auto imported = parsed ? Core::Export::importRequest(parsed.value(), m_workspace->uniqueBackendName(label))
                           : Core::Result<Core::Export::ImportResult>(parsed.error());
    if (!imported) {
        QMessageBox::warning(this, tr("Cannot import request file"),
                             tr("%1: %2").arg(QFileInfo(path).fileName(), imported.error().message));
        return false;
    }
    Block backend = imported->backend;
    backend.label = m_workspace->uniqueBackendName(backend.label);
    const int row = m_workspace->backendCount();
    m_undo->push(new InsertBackendCommand(m_workspace, row, backend, tr("Import backend %1").arg(backend.label)));
    selectBlock(row, backend.child(BlockType::OAuth2) ? BlockType::OAuth2 : QString());
    for (const auto& [name, value] : imported->secrets)
        m_resolver.setKeychainValue(name, Core::SecureBytes::fromUtf8(value));
    storeTypedSecrets(imported->secrets);
    QString message = tr("Imported the request of %1 as backend %2").arg(QFileInfo(path).fileName(), backend.label);
    if (!imported->warnings.isEmpty())
        message += QStringLiteral(" (") + imported->warnings.join(QStringLiteral("; ")) + u')';
    statusBar()->showMessage(message, 8000);
    return true;
}

void MainWindow::importCurl()
{
    auto* dialog = new ImportCurlDialog(m_workspace->uniqueBackendName(QStringLiteral("imported")), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        Block backend = dialog->result().backend;
        backend.label = m_workspace->uniqueBackendName(backend.label);
        const int row = m_workspace->backendCount();
        m_undo->push(new InsertBackendCommand(m_workspace, row, backend, tr("Import backend %1").arg(backend.label)));
        selectBlock(row, backend.child(BlockType::OAuth2) ? BlockType::OAuth2 : QString());
        // The command's secrets go to the keychain; the block references them as env.NAME.
        for (const auto& [name, value] : dialog->result().secrets)
            m_resolver.setKeychainValue(name, Core::SecureBytes::fromUtf8(value));
        storeTypedSecrets(dialog->result().secrets);
    });
    dialog->open();
}

bool MainWindow::saveTraceTo(const QString& path)
{
    QList<Core::Exchange> exchanges;
    for (int i = 0; i < m_traceModel->rowCount(); ++i)
        exchanges.append(m_traceModel->exchange(i));
    const QByteArray bytes = path.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive)
                                 ? Core::Export::toMarkdown(exchanges, false, tr("Tokenbench trace")).toUtf8()
                                 : Core::Export::toHar(exchanges, false);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(QFile::ReadOwner | QFile::WriteOwner) || f.write(bytes) < 0 ||
        !f.commit()) {
        QMessageBox::warning(this, tr("Save Trace"), tr("Cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    statusBar()->showMessage(tr("Trace saved to %1 (secrets redacted)").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

void MainWindow::saveTrace()
{
    if (m_traceModel->rowCount() == 0) {
        statusBar()->showMessage(tr("The trace is empty: run a token request first."), 5000);
        return;
    }
    auto* dialog = new QFileDialog(this, tr("Save Trace"), QStringLiteral("trace.har"),
                                   tr("HAR 1.2 (*.har);;Markdown report (*.md)"));
    dialog->setObjectName(QStringLiteral("saveTraceDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { saveTraceTo(path); });
    dialog->open();
}

} // namespace Tokenbench::Ui
