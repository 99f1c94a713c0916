#include "settings.h"

#include <QFileInfo>
#include <QSettings>

namespace Tokenbench::Ui::Settings {

namespace {
const QString KeyGeometry = QStringLiteral("window/geometry");
const QString KeyState = QStringLiteral("window/state");
const QString KeySplitterPrefix = QStringLiteral("window/splitter/");
const QString KeyRecent = QStringLiteral("files/recent");
const QString KeyLastDir = QStringLiteral("files/lastDirectory");
} // namespace

QByteArray windowGeometry() { return QSettings().value(KeyGeometry).toByteArray(); }
void setWindowGeometry(const QByteArray& value) { QSettings().setValue(KeyGeometry, value); }
QByteArray windowState() { return QSettings().value(KeyState).toByteArray(); }
void setWindowState(const QByteArray& value) { QSettings().setValue(KeyState, value); }

QByteArray splitterState(const QString& name)
{
    return QSettings().value(KeySplitterPrefix + name).toByteArray();
}

void setSplitterState(const QString& name, const QByteArray& value)
{
    QSettings().setValue(KeySplitterPrefix + name, value);
}

QStringList recentFiles()
{
    return QSettings().value(KeyRecent).toStringList();
}

void setRecentFiles(const QStringList& files)
{
    QSettings().setValue(KeyRecent, files.mid(0, MaxRecentFiles));
}

void addRecentFile(const QString& file)
{
    const QString path = QFileInfo(file).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    setRecentFiles(files);
}

QString lastDirectory()
{
    return QSettings().value(KeyLastDir).toString();
}

void setLastDirectory(const QString& dir)
{
    QSettings().setValue(KeyLastDir, dir);
}

} // namespace Tokenbench::Ui::Settings
