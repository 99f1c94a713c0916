#pragma once

#include "net/tlsconfig.h"
#include "net/exchange.h"

namespace Tokenbench::Core {

// A request ready to send: the headers listed here are all the headers that go on the wire.
struct PreparedRequest
{
    QByteArray method;
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    QString purpose;
    TransportSettings transport; // TLS and proxy of the backend the request goes through
};

struct Timeouts
{
    qint64 totalMs = 300'000;  // Couper backend defaults
    qint64 connectMs = 10'000;
    qint64 ttfbMs = 60'000;
};

} // namespace Tokenbench::Core
