#include "exportdialog.h"
#include "ui_exportdialog.h"

#include "clipboard.h"
#include "codehighlighter.h"

#include "export/couperexporter.h"
#include "export/exporter.h"
#include "export/kymatokenrequest.h"
#include "model/valueresolver.h"

#include <QFileDialog>
#include <QFontDatabase>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTimer>

namespace Tokenbench::Ui {

using namespace Tokenbench::Core;

ExportDialog::ExportDialog(const QList<Block>& backends, int currentBackend, const ValueResolver& resolver,
                           QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<::Ui::ExportDialog>()), m_backends(backends), m_resolver(resolver)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("exportDialog"));
    for (const auto& e : Export::exporters())
        m_ui->format->addItem(e->displayName(), e->id());
    m_ui->format->addItem(tr("Kyma TokenRequest"), QStringLiteral("kyma"));
    for (const Block& b : std::as_const(m_backends))
        m_ui->backend->addItem(b.label);
    if (currentBackend >= 0 && currentBackend < m_backends.size())
        m_ui->backend->setCurrentIndex(currentBackend);
    m_ui->couperVersion->addItems(Export::CouperExporter::versions());
    m_ui->couperVersion->setCurrentText(QStringLiteral("1.14"));
    m_ui->preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->preview->setObjectName(QStringLiteral("exportPreview"));
    m_ui->close->setAutoDefault(false);
    m_ui->copy->setAutoDefault(false);
    m_ui->save->setAutoDefault(false);

    connect(m_ui->format, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(m_ui->backend, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(m_ui->couperVersion, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(m_ui->anonymous, &QCheckBox::toggled, this, &ExportDialog::refresh);
    m_ui->backendName->setObjectName(QStringLiteral("exportBackendName"));
    for (QLineEdit* e : {m_ui->resourceUrl, m_ui->backendName, m_ui->application, m_ui->tenant, m_ui->group})
        connect(e, &QLineEdit::textChanged, this, &ExportDialog::refresh);
    connect(m_ui->statusInput, &QPlainTextEdit::textChanged, this, &ExportDialog::refreshKymaStatus);
    connect(m_ui->copy, &QPushButton::clicked, this, &ExportDialog::copy);
    connect(m_ui->save, &QPushButton::clicked, this, &ExportDialog::save);
    connect(m_ui->close, &QPushButton::clicked, this, &QDialog::reject);
    m_countdown = new QTimer(this);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &ExportDialog::refreshKymaStatus);
    refresh();
}

ExportDialog::~ExportDialog() = default;

QString ExportDialog::formatId() const
{
    return m_ui->format->currentData().toString();
}

void ExportDialog::setFormat(const QString& id)
{
    const int i = m_ui->format->findData(id);
    if (i >= 0)
        m_ui->format->setCurrentIndex(i);
}

QString ExportDialog::text() const
{
    return m_ui->preview->toPlainText();
}

bool ExportDialog::isBlocked() const
{
    return m_blocked;
}

QString ExportDialog::scanText() const
{
    return m_ui->scan->text();
}

QStringList ExportDialog::variableNames() const
{
    return m_variables;
}

void ExportDialog::refresh()
{
    const QString id = formatId();
    const bool kyma = id == u"kyma";
    m_ui->options->setCurrentWidget(kyma ? m_ui->kymaPage : id == u"couper" ? m_ui->couperPage : m_ui->scriptPage);
    m_ui->backend->setEnabled(!kyma);
    m_ui->backendLabel->setEnabled(!kyma);
    QString text, language, error;
    QStringList notes;
    Export::ExportInput scanInput;
    m_variables.clear();
    if (kyma) {
        m_extension = QStringLiteral("yaml");
        language = QStringLiteral("yaml");
        m_mayHoldSecrets = false;
        auto yaml = Export::toYaml({m_ui->application->text().trimmed(), m_ui->tenant->text(), m_ui->group->text()});
        if (yaml)
            text = yaml.value();
        else
            error = m_ui->application->text().isEmpty() ? tr("Enter the Application's name to write its TokenRequest.")
                                                        : yaml.error().message;
    } else if (m_backends.isEmpty()) {
        error = tr("The workspace has no backend to export: add one first.");
    } else {
        const auto exporter = Export::exporterFor(id);
        Export::ExportInput input;
        input.backend = m_backends.value(m_ui->backend->currentIndex());
        input.couperVersion = m_ui->couperVersion->currentText();
        input.anonymousBackend = m_ui->anonymous->isChecked();
        input.resourceUrl = m_ui->resourceUrl->text().trimmed();
        input.name = m_ui->backendName->text().trimmed();
        input.backends = m_backends;
        m_ui->backendName->setPlaceholderText(Export::isInlineBackendLabel(input.backend.label)
                                                  ? tr("required for this inline backend (or Anonymous backend)")
                                                  : input.backend.label);
        scanInput = input;
        m_extension = exporter->fileExtension();
        language = exporter->language();
        m_mayHoldSecrets = true;
        auto out = exporter->exportBackend(input);
        if (out) {
            text = out->text;
            notes = out->notes;
            for (const Export::Variable& v : std::as_const(out->variables))
                m_variables << v.name;
        } else {
            error = out.error().message;
        }
    }
    if (!m_highlighter || m_highlighter->language() != language) {
        delete m_highlighter;
        m_highlighter = new CodeHighlighter(m_ui->preview->document(), language);
    }
    m_ui->preview->setPlainText(error.isEmpty() ? text : QString());
    m_ui->preview->setPlaceholderText(error);
    m_ui->variables->setText(m_variables.isEmpty() ? tr("No environment variables needed.")
                                                   : tr("Environment variables needed: %1").arg(m_variables.join(QStringLiteral(", "))));
    m_ui->variables->setVisible(!kyma);
    m_ui->notes->setText(notes.isEmpty() ? QString() : QStringLiteral("\u2022 ") + notes.join(QStringLiteral("\n\u2022 ")));
    m_ui->notes->setVisible(!notes.isEmpty());

    // A Kyma TokenRequest holds no backend: every secret is searched. An export: the exported part's.
    const Export::SecretScan scan = kyma || m_backends.isEmpty() || !error.isEmpty()
                                        ? Export::scanForSecrets(text, m_backends, m_resolver)
                                        : Export::scanExport(*Export::exporterFor(id), scanInput, text, m_resolver);
    m_blocked = !error.isEmpty() || !scan.clean();
    if (!scan.clean()) {
        m_ui->scan->setText(tr("Blocked: the text would contain the secret value of %1. Use an env.NAME reference "
                               "there instead.")
                                .arg(scan.leaks.join(QStringLiteral(", "))));
        m_ui->scan->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold"));
    } else if (!error.isEmpty()) {
        m_ui->scan->setText(error);
        m_ui->scan->setStyleSheet(QStringLiteral("color: #c62828"));
    } else {
        m_ui->scan->setText(tr("Secret scan: no secret value in the text."));
        m_ui->scan->setStyleSheet(QString());
    }
    m_ui->copy->setEnabled(!m_blocked);
    m_ui->save->setEnabled(!m_blocked);
    refreshKymaStatus();
}

void ExportDialog::refreshKymaStatus()
{
    const QString input = m_ui->statusInput->toPlainText().trimmed();
    if (input.isEmpty()) {
        m_ui->kymaStatus->setText(tr("No status read yet."));
        m_countdown->stop();
        return;
    }
    auto status = Export::readTokenRequest(input.toUtf8());
    if (!status) {
        m_ui->kymaStatus->setText(tr("Cannot read it: %1").arg(status.error().message));
        m_countdown->stop();
        return;
    }
    QStringList lines;
    lines << tr("Application %1: state %2").arg(status->application, status->state.isEmpty() ? tr("not processed yet") : status->state);
    if (const auto left = status->secondsLeft(QDateTime::currentDateTimeUtc())) {
        if (*left > 0)
            lines << tr("Token expires in %1:%2").arg(*left / 60).arg(*left % 60, 2, 10, QLatin1Char('0'));
        else
            lines << tr("Token expired at %1").arg(status->expireAfter.toLocalTime().toString(Qt::ISODate));
        m_countdown->start();
    }
    if (!status->url.isEmpty())
        lines << tr("Connector URL: %1").arg(status->url);
    m_ui->kymaStatus->setText(lines.join(u'\n'));
}

void ExportDialog::copy()
{
    if (m_blocked)
        return;
    // A script may still carry a token endpoint with credentials in it: treat it as sensitive.
    if (m_mayHoldSecrets)
        Clipboard::copySecret(text());
    else
        Clipboard::copyText(text());
}

bool ExportDialog::saveTo(const QString& path)
{
    if (m_blocked)
        return false;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text().toUtf8()) < 0 || !f.commit()) {
        QMessageBox::warning(this, tr("Export"), tr("Cannot write %1: %2").arg(path, f.errorString()));
        return false;
    }
    if (m_extension == u"sh")
        QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner);
    Q_EMIT saved(path);
    return true;
}

void ExportDialog::save()
{
    if (m_blocked)
        return;
    const QString suggested = (formatId() == u"kyma" ? m_ui->application->text() : m_ui->backend->currentText()) +
                              u'.' + m_extension;
    auto* dialog = new QFileDialog(this, tr("Save Export"), suggested,
                                   tr("%1 files (*.%2);;All files (*)").arg(m_ui->format->currentText(), m_extension));
    dialog->setObjectName(QStringLiteral("exportSaveDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { saveTo(path); });
    dialog->open();
}

} // namespace Tokenbench::Ui
