#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace Tokenbench::Core {

// The version of Tokenbench and of the libraries it runs with, for --version and the About dialog.
QString applicationVersion();
QList<QPair<QString, QString>> libraryVersions(); // ("Qt", "6.4.2"), ("OpenSSL", ...), ("QtKeychain", ...)

} // namespace Tokenbench::Core
