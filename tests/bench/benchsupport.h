#pragma once

#include <QByteArray>
#include <QList>

namespace Tokenbench::Bench {

// A field of /proc/self/status in kB ("VmRSS", "VmHWM"); -1 when it cannot be read.
qint64 statusKb(const QByteArray& name);

// The median of `values` (the mean of the two middle ones for an even count); 0 for none.
double median(QList<double> values);

} // namespace Tokenbench::Bench
