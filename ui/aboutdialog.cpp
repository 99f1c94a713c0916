#include "aboutdialog.h"

#include "util/versions.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Tokenbench::Ui {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About Tokenbench"));
    QString libraries;
    for (const auto& [name, version] : Core::libraryVersions())
        libraries += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(name.toHtmlEscaped(), version.toHtmlEscaped());
    m_text = tr("<h2>Tokenbench %1</h2>"
                "<p>Design, run and debug OAuth2 token requests and Couper token blocks.</p>"
                "<p>Licensed under the MIT licence.</p>"
                "<table>%2</table>")
                 .arg(Core::applicationVersion(), libraries);
    auto* label = new QLabel(m_text, this);
    label->setObjectName(QStringLiteral("aboutLabel"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(buttons);
}

AboutDialog::~AboutDialog() = default;

} // namespace Tokenbench::Ui
