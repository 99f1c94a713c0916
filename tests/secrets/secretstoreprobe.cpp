// Test helper for tst_secretstore (not a test itself): runs SecretStore in a process of its own, so the
// test can give it a session bus that is dead or never answers. Prints one "key value" line per step:
//
//   secretstore_probe INDEX_FILE TIMEOUT_MS RETRY_DELAY_MS
//   availability <Availability>      after probeAvailability()
//   write <Status>                   write of a throw-away value
//   read <Status>
//   readmany <errors> <Status of the first error>
//   detail <the availability detail>
#include "secrets/secretstore.h"

#include <chrono>
#include <optional>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMetaEnum>
#include <QTextStream>

using Tokenbench::Core::SecretStore;
using Tokenbench::Core::SecureBytes;

namespace {

template<typename E>
QString name(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value)));
}

// Processes events until `done` or a generous deadline (the store's own timeout fires first).
template<typename F>
void waitFor(F done)
{
    const QDeadlineTimer deadline(60000);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        QTextStream(stderr) << "usage: secretstore_probe INDEX_FILE TIMEOUT_MS RETRY_DELAY_MS\n";
        return 2;
    }
    QTextStream out(stdout);
    SecretStore store(args.at(1));
    store.setTimeout(std::chrono::milliseconds(args.at(2).toInt()));
    store.setRetryDelay(std::chrono::milliseconds(args.at(3).toInt()));

    bool probed = false;
    QObject::connect(&store, &SecretStore::availabilityChanged, &store, [&] { probed = true; });
    store.probeAvailability();
    waitFor([&] { return probed; });
    out << "availability " << name(store.availability()) << Qt::endl;

    const QString ws = QStringLiteral("probe-workspace");
    std::optional<SecretStore::Result> written;
    store.write(ws, QStringLiteral("PROBE_NAME"), SecureBytes(QByteArrayView("throw-away")), &store,
                [&](const SecretStore::Result& r) { written = r; });
    waitFor([&] { return written.has_value(); });
    out << "write " << (written ? name(written->status) : QStringLiteral("none")) << Qt::endl;

    std::optional<SecretStore::Result> read;
    store.read(ws, QStringLiteral("PROBE_NAME"), &store, [&](const SecretStore::Result& r) { read = r; });
    waitFor([&] { return read.has_value(); });
    out << "read " << (read ? name(read->status) : QStringLiteral("none")) << Qt::endl;

    std::optional<SecretStore::BatchResult> many;
    store.readMany(ws, {QStringLiteral("A"), QStringLiteral("B")}, &store,
                   [&](const SecretStore::BatchResult& r) { many = r; });
    waitFor([&] { return many.has_value(); });
    if (many && !many->errors.isEmpty())
        out << "readmany " << many->errors.size() << ' ' << name(many->errors.constFirst().status) << Qt::endl;
    else
        out << "readmany 0 Ok" << Qt::endl;
    out << "detail " << store.availabilityDetail() << Qt::endl;
    out << "index " << store.list(ws).join(u',') << Qt::endl;
    return 0;
}
