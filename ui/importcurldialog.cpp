#include "importcurldialog.h"

#include "codehighlighter.h"

#include "export/couperexporter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Tokenbench::Ui {

using namespace Tokenbench::Core;

ImportCurlDialog::ImportCurlDialog(const QString& suggestedName, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("importCurlDialog"));
    setWindowTitle(tr("Import Token Request"));
    resize(760, 560);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("curl command"), QStringLiteral("curl"));
    m_kind->addItem(tr("HTTP request file (.http)"), QStringLiteral("http"));
    form->addRow(tr("&Paste:"), m_kind);
    m_name = new QLineEdit(suggestedName, this);
    m_name->setObjectName(QStringLiteral("importName"));
    form->addRow(tr("Backend &name:"), m_name);
    layout->addLayout(form);
    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("importInput"));
    m_input->setPlaceholderText(tr("Paste a curl command that calls the token endpoint, e.g. from the browser's "
                                   "developer tools: Copy as cURL (bash)"));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_input, 2);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_preview = new QPlainTextEdit(this);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new CodeHighlighter(m_preview->document(), QStringLiteral("hcl"));
    layout->addWidget(m_preview, 3);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add to Workspace"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_input, &QPlainTextEdit::textChanged, this, &ImportCurlDialog::refresh);
    connect(m_name, &QLineEdit::textChanged, this, &ImportCurlDialog::refresh);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportCurlDialog::refresh);
    refresh();
}

ImportCurlDialog::~ImportCurlDialog() = default;

void ImportCurlDialog::setCommand(const QString& text)
{
    m_input->setPlainText(text);
}

QString ImportCurlDialog::message() const
{
    return m_message->text();
}

void ImportCurlDialog::refresh()
{
    m_valid = false;
    m_preview->clear();
    const QString input = m_input->toPlainText();
    static const QRegularExpression label(QStringLiteral("^[a-zA-Z0-9_]+$"));
    if (input.trimmed().isEmpty()) {
        m_message->setText(tr("Paste a command to see the backend it becomes."));
    } else if (!label.match(m_name->text()).hasMatch()) {
        m_message->setText(tr("The backend name may use letters, digits and _ only (as Couper requires)."));
    } else {
        auto request = m_kind->currentData().toString() == u"curl" ? Export::parseCurlCommand(input)
                                                                     : Export::parseHttpFile(input);
        if (!request) {
            m_message->setText(tr("Cannot import it: %1").arg(request.error().message));
        } else if (auto imported = Export::importRequest(request.value(), m_name->text())) {
            m_result = imported.value();
            m_valid = true;
            QStringList lines;
            for (const QString& w : std::as_const(m_result.warnings))
                lines << QStringLiteral("\u2022 ") + w;
            if (!m_result.secrets.isEmpty()) {
                QStringList names;
                for (const auto& s : std::as_const(m_result.secrets))
                    names << s.first;
                lines << tr("Secrets go to the keychain, referenced as env.NAME: %1").arg(names.join(QStringLiteral(", ")));
            }
            m_message->setText(lines.join(u'\n'));
            Export::ExportInput in;
            in.backend = m_result.backend;
            if (auto hcl = Export::CouperExporter().exportBackend(in))
                m_preview->setPlainText(hcl->text);
        } else {
            m_message->setText(imported.error().message);
        }
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
}

} // namespace Tokenbench::Ui
