#pragma once

#include <QByteArray>
#include <QStringList>
#include <QVariant>

namespace Tokenbench::Ui {

// Typed settings, each key defined once. Never holds a secret.
namespace Settings {
QByteArray windowGeometry();
void setWindowGeometry(const QByteArray& value);
QByteArray windowState();
void setWindowState(const QByteArray& value);
QByteArray splitterState(const QString& name);
void setSplitterState(const QString& name, const QByteArray& value);
QStringList recentFiles();
void setRecentFiles(const QStringList& files);
void addRecentFile(const QString& file);
QString lastDirectory();
void setLastDirectory(const QString& dir);
constexpr int MaxRecentFiles = 8;
} // namespace Settings

} // namespace Tokenbench::Ui
