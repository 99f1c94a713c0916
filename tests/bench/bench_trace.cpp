// Big-response benchmark (issue 8, benchmark 5): a completed exchange whose response body is --bytes long
// (default 50 MB of JSON) goes into a Core::TraceModel shown by a Ui::TracePane, offscreen. A 1 ms timer
// on the main thread measures the longest gap between its ticks (the longest stall) while the exchange
// loads into the view (the pane selects it and fills its text views) and while the response view is
// scrolled to its end; memory is VmRSS / VmHWM growth over the process after the body was built.
// scripts/bench.sh runs it with 50 MB and with the 1 KB baseline and prints the ratios.
//
//   bench_trace [--bytes N]
//
// Prints one line: RESULT bytes=N load_stall_ms=.. scroll_stall_ms=.. raw_stall_ms=.. idle_stall_ms=.. rss_growth_kb=..
//                  hwm_growth_kb=.. shown_chars=..
#include "benchsupport.h"

#include <chrono>
#include <cstdio>

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTimer>

#include "net/exchange.h"
#include "trace/tracemodel.h"
#include "tracepane.h"

using namespace Tokenbench;

namespace {

constexpr int SettleMs = 300;   // time left for paints and deferred work after each phase
constexpr int ScrollSteps = 20; // the scroll to the end goes in this many steps, 10 ms apart

// A token response padded with realistic records up to `bytes` (compact JSON on one line, as servers send).
QByteArray makeBody(qsizetype bytes)
{
    QByteArray body = QByteArrayLiteral("{\"access_token\":\"2YotnFZFEjr1zCsicMWpAA\",\"token_type\":\"Bearer\","
                                        "\"expires_in\":3600,\"scope\":\"read write\",\"grants\":[");
    const QByteArray close = QByteArrayLiteral("]}");
    body.reserve(bytes + 256);
    for (int i = 0; body.size() + close.size() < bytes; ++i) {
        if (i > 0)
            body += ',';
        body += QByteArrayLiteral("{\"id\":") + QByteArray::number(i) +
                QByteArrayLiteral(",\"client\":\"client-") + QByteArray::number(i % 977) +
                QByteArrayLiteral("\",\"resource\":\"https://api.example.com/v1/items/") + QByteArray::number(i * 7) +
                QByteArrayLiteral("\",\"scope\":\"read write\",\"granted\":true}");
    }
    body += close;
    return body;
}

Core::Exchange makeExchange(const QByteArray& body)
{
    Core::Exchange e;
    e.id = 1;
    e.purpose = QStringLiteral("token request");
    e.method = QByteArrayLiteral("POST");
    e.url = QUrl(QStringLiteral("http://127.0.0.1:8080/token"));
    e.requestHeaders = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
                        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")},
                        {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic YTpzZWNyZXQ=")}};
    e.requestBody = QByteArrayLiteral("grant_type=client_credentials");
    e.status = 200;
    e.reason = QByteArrayLiteral("OK");
    e.httpVersion = QByteArrayLiteral("HTTP/1.1");
    e.responseHeaders = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                         {QByteArrayLiteral("Content-Length"), QByteArray::number(body.size())}};
    e.responseBody = body;
    e.responseBytes = body.size();
    e.startedAt = QDateTime::currentDateTimeUtc();
    e.requestSentMs = 1;
    e.firstByteMs = 20;
    e.durationMs = 450;
    return e;
}

// The longest gap between ticks of a 1 ms timer since the last reset.
class StallMeter final : public QObject
{
public:
    explicit StallMeter(QObject* parent) : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_longest = qMax(m_longest, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void reset()
    {
        m_last = m_clock.nsecsElapsed();
        m_longest = 0;
    }
    // Includes a stall still in progress (the caller's own work since the last tick).
    double longestMs() const { return double(qMax(m_longest, m_clock.nsecsElapsed() - m_last)) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    qsizetype bytes = 50 * 1000 * 1000;
    const QStringList args = QCoreApplication::arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--bytes")); i >= 0 && i + 1 < args.size())
        bytes = args.at(i + 1).toLongLong();

    const QByteArray body = makeBody(bytes);
    Core::TraceModel model;
    Ui::TracePane pane(&model);
    pane.resize(1000, 700);
    pane.show();
    auto* response = pane.findChild<QPlainTextEdit*>(QStringLiteral("responsePlainTextEdit"));
    if (response == nullptr) {
        std::fprintf(stderr, "bench_trace: no response view\n");
        return 1;
    }

    StallMeter meter(&app);
    double idleStall = 0, loadStall = 0, scrollStall = 0, rawStall = 0;
    qint64 rssBefore = 0, hwmBefore = 0;

    // Idle (the meter's own noise) → load → settle → scroll to the end in steps → settle → report.
    QTimer::singleShot(SettleMs, &pane, [&] {
        idleStall = meter.longestMs();
        rssBefore = Bench::statusKb(QByteArrayLiteral("VmRSS"));
        hwmBefore = Bench::statusKb(QByteArrayLiteral("VmHWM"));
        meter.reset();
        model.upsert(makeExchange(body)); // the pane selects the new row and fills its views
        pane.tabs()->setCurrentWidget(response);
        QTimer::singleShot(SettleMs, &pane, [&] {
            loadStall = meter.longestMs();
            meter.reset();
            for (int step = 1; step <= ScrollSteps; ++step) {
                QTimer::singleShot(step * 10, &pane, [response, step] {
                    QScrollBar* bar = response->verticalScrollBar();
                    bar->setValue(step == ScrollSteps ? bar->maximum()
                                                      : int(qint64(bar->maximum()) * step / ScrollSteps));
                });
            }
            QTimer::singleShot(ScrollSteps * 10 + SettleMs, &pane, [&] {
                scrollStall = meter.longestMs();
                meter.reset();
                // The user opens the Raw tab: its view is laid out then.
                pane.tabs()->setCurrentWidget(pane.findChild<QPlainTextEdit*>(QStringLiteral("rawPlainTextEdit")));
            });
            QTimer::singleShot(ScrollSteps * 10 + 2 * SettleMs, &pane, [&] {
                rawStall = meter.longestMs();
                const qint64 rss = Bench::statusKb(QByteArrayLiteral("VmRSS"));
                const qint64 hwm = Bench::statusKb(QByteArrayLiteral("VmHWM"));
                const QScrollBar* bar = response->verticalScrollBar();
                std::printf("RESULT bytes=%lld load_stall_ms=%.1f scroll_stall_ms=%.1f raw_stall_ms=%.1f idle_stall_ms=%.1f "
                            "rss_growth_kb=%lld hwm_growth_kb=%lld shown_chars=%lld at_end=%d\n",
                            static_cast<long long>(body.size()), loadStall, scrollStall, rawStall, idleStall,
                            static_cast<long long>(rss - rssBefore), static_cast<long long>(hwm - hwmBefore),
                            static_cast<long long>(response->document()->characterCount()),
                            int(bar->value() == bar->maximum()));
                QCoreApplication::quit();
            });
        });
    });
    return QApplication::exec();
}
