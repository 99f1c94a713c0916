#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcModel)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)

// Loud in debug builds, a logged warning in release builds.
#define TB_ASSERT(cond)                                                                                      \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            qCritical("Assertion failed: %s (%s:%d)", #cond, __FILE__, __LINE__);                           \
            Q_ASSERT(cond);                                                                                  \
        }                                                                                                    \
    } while (false)
