#include "util/logging.h"

Q_LOGGING_CATEGORY(lcNet, "tokenbench.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "tokenbench.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "tokenbench.secrets", QtInfoMsg)
