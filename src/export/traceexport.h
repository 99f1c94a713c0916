#pragma once

#include "net/exchange.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Tokenbench::Core::Export {

// A run's exchanges as HAR 1.2 (opens in browser devtools): request and response with every header as
// sent and received, postData, content and the timings Tokenbench measured. Redacted through
// Core::Redactor unless `reveal`.
QByteArray toHar(const QList<Exchange>& exchanges, bool reveal = false);

// The same run as a Markdown report: one section per exchange with status, timings, headers and bodies.
QString toMarkdown(const QList<Exchange>& exchanges, bool reveal = false, const QString& title = {});

} // namespace Tokenbench::Core::Export
