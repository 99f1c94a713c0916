#include "net/exchange.h"

#include <atomic>

namespace Tokenbench::Core {

QByteArray headerValue(const HttpHeaders& headers, QByteArrayView name)
{
    for (const HttpHeader& h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

QString failureName(Exchange::Failure failure)
{
    switch (failure) {
    case Exchange::Failure::None:
        return QStringLiteral("none");
    case Exchange::Failure::ConnectionRefused:
        return QStringLiteral("connection_refused");
    case Exchange::Failure::HostNotFound:
        return QStringLiteral("host_not_found");
    case Exchange::Failure::Tls:
        return QStringLiteral("tls");
    case Exchange::Failure::ConnectTimeout:
        return QStringLiteral("connect_timeout");
    case Exchange::Failure::TtfbTimeout:
        return QStringLiteral("ttfb_timeout");
    case Exchange::Failure::TotalTimeout:
        return QStringLiteral("timeout");
    case Exchange::Failure::ClosedEarly:
        return QStringLiteral("closed_early");
    case Exchange::Failure::TooLarge:
        return QStringLiteral("too_large");
    case Exchange::Failure::Protocol:
        return QStringLiteral("protocol");
    case Exchange::Failure::Canceled:
        return QStringLiteral("canceled");
    case Exchange::Failure::Other:
        return QStringLiteral("other");
    }
    return {};
}

namespace {
std::atomic<ExchangeObserver> g_observer{nullptr};
} // namespace

void setExchangeObserver(ExchangeObserver observer)
{
    g_observer.store(observer);
}

void observeExchange(const Exchange& exchange)
{
    if (const ExchangeObserver observer = g_observer.load())
        observer(exchange);
}

} // namespace Tokenbench::Core
