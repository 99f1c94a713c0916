#include "couperfilesession.h"

#include "diffpreviewdialog.h"

#include "model/couperconfig.h"
#include "model/couperfilesettings.h"
#include "saveback/couperwriter.h"
#include "util/boundedread.h"

#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>

namespace Tokenbench::Ui {

void CouperFileSession::open(const QString& path, const QByteArray& source,
                             const QList<Core::Block>& backends)
{
    m_path = path;
    m_source = source;
    m_baseline = backends;
}

void CouperFileSession::clear()
{
    m_path.clear();
    m_source.clear();
    m_baseline.clear();
}

CouperFileSession::SaveResult CouperFileSession::save(QWidget* parent, const QList<Core::Block>& backends)
{
    SaveResult result;
    auto written = Core::Hcl::writeBack(m_source, m_path, m_baseline, backends);
    if (!written) {
        QMessageBox::warning(
            parent, QObject::tr("Cannot save into the Couper file"),
            QObject::tr("%1\n\n%2\n\nYour changes are still open here; Save As writes them as a "
                        "Tokenbench workspace.")
                .arg(m_path, written.error().message));
        return result;
    }
    result.notes = written->notes;

    // Changed on disk since it was opened (or last saved)?
    const auto diskBytes = Core::readFileLimited(m_path, Core::FileLimits::ConfigFile, QStringLiteral("configuration file"));
    const bool readable = diskBytes.ok();
    const QByteArray onDisk = readable ? *diskBytes : QByteArray();
    if (!readable || onDisk != m_source) {
        QMessageBox box(
            QMessageBox::Warning, QObject::tr("The file changed on disk"),
            readable ? QObject::tr("%1 was changed by another program since Tokenbench opened it.\n\nReload "
                                   "it (your unsaved edits here are discarded) or overwrite it with your "
                                   "version (the other changes are lost)?")
                           .arg(m_path)
                     : QObject::tr("%1 can no longer be read (moved or deleted?).\n\nWrite your version "
                                   "there again?")
                           .arg(m_path),
            QMessageBox::Cancel, parent);
        box.setObjectName(QStringLiteral("fileChangedMessageBox"));
        QPushButton* reload =
            readable ? box.addButton(QObject::tr("&Reload"), QMessageBox::DestructiveRole) : nullptr;
        if (reload)
            reload->setObjectName(QStringLiteral("reloadPushButton"));
        QPushButton* overwrite = box.addButton(QObject::tr("&Overwrite"), QMessageBox::AcceptRole);
        overwrite->setObjectName(QStringLiteral("overwritePushButton"));
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (reload && box.clickedButton() == reload) {
            result.outcome = Outcome::Reload;
            return result;
        }
        if (box.clickedButton() != overwrite) {
            result.outcome = Outcome::Canceled;
            return result;
        }
    } else if (written->text == m_source) {
        // The file has these settings; Tokenbench's own ones may have changed (they go to the sidecar).
        if (!saveSettings(parent, backends, &result))
            return result;
        result.outcome = result.outcome == Outcome::Saved ? Outcome::Saved : Outcome::Unchanged;
        return result;
    }

    DiffPreviewDialog preview(m_path, readable ? onDisk : QByteArray(), written->text, written->notes,
                              parent);
    if (preview.exec() != QDialog::Accepted) {
        result.outcome = Outcome::Canceled;
        return result;
    }
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly) || out.write(written->text) != written->text.size() ||
        !out.commit()) {
        QMessageBox::warning(
            parent, QObject::tr("Cannot save into the Couper file"),
            QObject::tr("%1\n\n%2\n\nThe file on disk is unchanged; your edits are still open here.")
                .arg(m_path, out.errorString()));
        return result;
    }
    m_source = written->text;
    m_baseline = Core::Hcl::parseCouperConfig(m_source, m_path).backends;
    result.secrets = written->secrets;
    saveSettings(parent, backends, &result);
    result.outcome = Outcome::Saved;
    return result;
}

bool CouperFileSession::saveSettings(QWidget* parent, const QList<Core::Block>& backends, SaveResult* result)
{
    const auto saved = Core::CouperFileSettings::save(m_path, backends);
    if (!saved) {
        QMessageBox::warning(parent, QObject::tr("Cannot save Tokenbench's settings for the Couper file"),
                             QObject::tr("%1\n\n%2").arg(saved.error().where, saved.error().message));
        return false;
    }
    result->notes += saved->notes;
    if (saved->changed)
        result->outcome = Outcome::Saved;
    return true;
}

} // namespace Tokenbench::Ui
