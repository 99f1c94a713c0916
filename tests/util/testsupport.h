#pragma once

#include <QString>

namespace Tokenbench::Test {

// Called from every test's initTestCase (or main): QStandardPaths test mode, settings and data in a
// temporary folder, never the user's.
void initTestEnvironment();

// tests/data/<relative>
QString dataPath(const QString& relative);
QByteArray readData(const QString& relative);

} // namespace Tokenbench::Test
