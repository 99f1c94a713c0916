#pragma once

#include "util/result.h"

#include <QByteArray>

namespace Tokenbench::Test {

// The error message of a Result for QVERIFY2 descriptions, which Qt 6.4 evaluates even when the
// check passes: empty for a successful result instead of touching the absent error.
template<typename T>
QByteArray why(const Tokenbench::Core::Result<T>& result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

} // namespace Tokenbench::Test
