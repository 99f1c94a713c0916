#include "secrets/secretstore.h"

#include "util/logging.h"

#include <openssl/crypto.h>
#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QDir>
#include <QMetaEnum>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

namespace Tokenbench::Core {

namespace {

// Settings keys of the index, defined once.
const QString IndexGroup = QStringLiteral("workspaces");
const QString ProbeKey = QStringLiteral("tokenbench:-:availability-probe");

// Wipes the bytes of `data` in place, including any copy that shares its buffer (QtKeychain's job
// holds one). Deliberately bypasses implicit sharing: every holder of the buffer is about to drop it.
void wipeShared(const QByteArray& data)
{
    if (!data.isEmpty())
        OPENSSL_cleanse(const_cast<char*>(data.constData()), static_cast<size_t>(data.size()));
}

bool messageHas(const QString& message, std::initializer_list<const char*> parts)
{
    for (const char* part : parts) {
        if (message.contains(QLatin1String(part), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// QtKeychain's error plus the service's words -> our status. libsecret reports most D-Bus trouble as
// OtherError with GLib's message, so the message decides between "no service" and the rest.
SecretStore::Status classify(QKeychain::Error error, const QString& message)
{
    using S = SecretStore::Status;
    switch (error) {
    case QKeychain::NoError:
        return S::Ok;
    case QKeychain::EntryNotFound:
        return S::NotFound;
    case QKeychain::AccessDeniedByUser:
        return S::Refused;
    case QKeychain::AccessDenied: // libsecret: SECRET_ERROR_IS_LOCKED
        return messageHas(message, {"denied", "refused", "not allowed"}) ? S::Refused : S::Locked;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return S::NoSecretService;
    case QKeychain::CouldNotDeleteEntry:
        return S::Failed;
    case QKeychain::OtherError:
        break;
    }
    if (messageHas(message, {"locked"}))
        return S::Locked;
    if (messageHas(message, {"dismissed", "cancel", "denied"}))
        return S::Refused;
    if (messageHas(message, {"org.freedesktop.secrets", "ServiceUnknown", "not provided by any .service",
                             "Could not connect", "autolaunch", "D-Bus", "DBus", "session bus", "No such file",
                             "Connection refused", "Connection reset", "disconnected", "No keychain",
                             "No keyring"}))
        return S::NoSecretService;
    return S::Failed;
}

SecretStore::Availability availabilityFor(SecretStore::Status status, bool* known)
{
    using S = SecretStore::Status;
    using A = SecretStore::Availability;
    *known = true;
    switch (status) {
    case S::Ok:
    case S::NotFound:
        return A::Available;
    case S::NoSecretService:
        return A::NoSecretService;
    case S::Locked:
        return A::Locked;
    case S::Refused:
        return A::Refused;
    case S::TimedOut:
        return A::NotResponding;
    case S::InvalidArgument:
    case S::Failed:
        break;
    }
    *known = false;
    return A::Unknown;
}

QString describe(SecretStore::Status status, const QString& detail, std::chrono::milliseconds timeout)
{
    using S = SecretStore::Status;
    QString text;
    switch (status) {
    case S::Ok:
        return {};
    case S::NotFound:
        text = QStringLiteral("no such entry in the keychain");
        break;
    case S::NoSecretService:
        text = QStringLiteral("no keychain service (Secret Service) is reachable in this session");
        break;
    case S::Locked:
        text = QStringLiteral("the keyring is locked");
        break;
    case S::Refused:
        text = QStringLiteral("access to the keychain was refused");
        break;
    case S::TimedOut:
        text = QStringLiteral("the keychain did not answer within %1 s (is it waiting for an unlock prompt?)")
                   .arg(double(timeout.count()) / 1000.0);
        break;
    case S::InvalidArgument:
    case S::Failed:
        text = QStringLiteral("the keychain reported an error");
        break;
    }
    if (!detail.isEmpty())
        text += QStringLiteral(" (%1)").arg(detail);
    return text;
}

// Delivers `result` to `done` later, on `context`'s thread, unless `context` is gone by then.
template<typename R, typename F>
void deliver(QObject* context, F done, R result)
{
    if (!context || !done)
        return;
    auto shared = std::make_shared<R>(std::move(result));
    QMetaObject::invokeMethod(
        context, [done = std::move(done), shared] { done(*shared); }, Qt::QueuedConnection);
}

} // namespace

struct SecretStore::Request
{
    Operation operation = Operation::Read;
    QString workspaceId;
    QString name;
    QString key;
    QByteArray payload; // write: the value, wiped once the job that used it has finished
    bool indexed = true; // false for the availability probe
    QPointer<QObject> context;
    Callback done;
    bool retried = false;
    bool completed = false;
    int attempt = 0;
    QPointer<QKeychain::Job> job; // the job of the current attempt
};

struct SecretStore::BatchState
{
    QString workspaceId;
    QStringList names;
    qsizetype next = 0;
    BatchResult result;
    std::optional<Result> unavailable; // once the keychain is known to be unavailable
    QPointer<QObject> context;
    BatchCallback done;
};

SecretStore::SecretStore(QObject* parent) : SecretStore(defaultIndexPath(), parent) {}

SecretStore::SecretStore(const QString& indexPath, QObject* parent) : QObject(parent), m_indexPath(indexPath) {}

SecretStore::~SecretStore() = default;

QString SecretStore::serviceName()
{
    return QStringLiteral("Tokenbench");
}

QString SecretStore::defaultWorkspace()
{
    return QStringLiteral("default");
}

QString SecretStore::defaultIndexPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/Tokenbench/secrets-index.ini");
}

QString SecretStore::keyFor(const QString& workspaceId, const QString& name)
{
    return QStringLiteral("tokenbench:") + workspaceId + u':' + name;
}

bool SecretStore::isValidName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,127}$"));
    return re.match(name).hasMatch();
}

bool SecretStore::isValidWorkspaceId(const QString& workspaceId)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return re.match(workspaceId).hasMatch();
}

bool SecretStore::isUnavailable(Status status)
{
    return status == Status::NoSecretService || status == Status::Locked || status == Status::Refused ||
           status == Status::TimedOut;
}

QString SecretStore::statusName(Status status)
{
    return QString::fromLatin1(QMetaEnum::fromType<Status>().valueToKey(int(status)));
}

QString SecretStore::adviceFor(Availability availability)
{
    switch (availability) {
    case Availability::Available:
        return {};
    case Availability::Unknown:
        return QStringLiteral("The keychain has not been asked yet.");
    case Availability::NoSecretService:
        return QStringLiteral(
            "No keychain service is running. Start a Secret Service in your desktop session (for example "
            "gnome-keyring-daemon, or KeePassXC with Secret Service integration), then try again. In scripts "
            "and CI, pass secrets through the environment (or tokenbench-cli --env NAME=VALUE) instead.");
    case Availability::Locked:
        return QStringLiteral("The keyring is locked. Unlock it (for example by logging in again, or with your "
                              "keyring manager), then try again.");
    case Availability::Refused:
        return QStringLiteral("Access to the keychain was refused. Allow Tokenbench to use the keychain, then "
                              "try again.");
    case Availability::NotResponding:
        return QStringLiteral("The keychain does not answer; it may be waiting for you to unlock it in a prompt. "
                              "Unlock it, or start a Secret Service, then try again.");
    }
    return {};
}

void SecretStore::write(const QString& workspaceId, const QString& name, const SecureBytes& value,
                        QObject* context, Callback done)
{
    auto r = std::make_shared<Request>();
    r->operation = Operation::Write;
    r->workspaceId = workspaceId;
    r->name = name;
    r->payload = value.view().toByteArray();
    r->context = context;
    r->done = std::move(done);
    start(r);
}

void SecretStore::read(const QString& workspaceId, const QString& name, QObject* context, Callback done)
{
    auto r = std::make_shared<Request>();
    r->operation = Operation::Read;
    r->workspaceId = workspaceId;
    r->name = name;
    r->context = context;
    r->done = std::move(done);
    start(r);
}

void SecretStore::remove(const QString& workspaceId, const QString& name, QObject* context, Callback done)
{
    auto r = std::make_shared<Request>();
    r->operation = Operation::Remove;
    r->workspaceId = workspaceId;
    r->name = name;
    r->context = context;
    r->done = std::move(done);
    start(r);
}

void SecretStore::readMany(const QString& workspaceId, const QStringList& names, QObject* context,
                           BatchCallback done)
{
    auto state = std::make_shared<BatchState>();
    state->workspaceId = workspaceId;
    state->names = names;
    state->names.removeDuplicates();
    state->context = context;
    state->done = std::move(done);
    batchNext(state, BatchKind::Read);
}

void SecretStore::forgetAll(const QString& workspaceId, QObject* context, BatchCallback done)
{
    auto state = std::make_shared<BatchState>();
    state->workspaceId = workspaceId;
    state->names = list(workspaceId);
    state->context = context;
    state->done = std::move(done);
    batchNext(state, BatchKind::Remove);
}

// One entry of a batch after the other. Once the keychain reports itself unavailable, the remaining
// names get that same answer without asking again.
void SecretStore::batchNext(const std::shared_ptr<BatchState>& state, BatchKind kind)
{
    if (state->next >= state->names.size()) {
        deliver(state->context.data(), state->done, std::move(state->result));
        return;
    }
    const QString name = state->names.at(state->next++);
    if (state->unavailable) {
        Result r = *state->unavailable;
        r.name = name;
        state->result.errors.append(std::move(r));
        batchNext(state, kind);
        return;
    }
    auto onResult = [this, state, kind](const Result& r) {
        if (kind == BatchKind::Read && r.ok())
            state->result.values.insert(r.name, r.value);
        else if (r.status == Status::NotFound && kind == BatchKind::Read)
            state->result.notFound.append(r.name);
        else if (!r.ok() && r.status != Status::NotFound)
            state->result.errors.append(r);
        if (isUnavailable(r.status))
            state->unavailable = r;
        batchNext(state, kind);
    };
    if (kind == BatchKind::Read)
        read(state->workspaceId, name, this, onResult);
    else
        remove(state->workspaceId, name, this, onResult);
}

void SecretStore::probeAvailability()
{
    auto r = std::make_shared<Request>();
    r->operation = Operation::Write;
    r->key = ProbeKey;
    r->indexed = false;
    r->payload = QByteArray("probe"); // heap, not a literal: it is wiped like any payload
    r->context = this;
    r->done = [this](const Result& written) {
        Q_EMIT availabilityChecked(m_availability); // noteOutcome() has set it
        if (!written.ok())
            return;
        auto removal = std::make_shared<Request>();
        removal->operation = Operation::Remove;
        removal->key = ProbeKey;
        removal->indexed = false;
        removal->context = this;
        removal->done = [](const Result&) {};
        start(removal);
    };
    start(r);
}

void SecretStore::start(const std::shared_ptr<Request>& request)
{
    if (request->indexed) {
        QString problem;
        if (!isValidWorkspaceId(request->workspaceId))
            problem = QStringLiteral("\"%1\" is not a valid workspace id").arg(request->workspaceId);
        else if (!isValidName(request->name))
            problem = QStringLiteral("\"%1\" is not a valid secret name: use letters, digits and '_', not "
                                     "starting with a digit (it is the NAME of env.NAME)")
                          .arg(request->name);
        else if (request->operation == Operation::Write && request->payload.isEmpty())
            problem = QStringLiteral("refusing to store an empty value for %1").arg(request->name);
        if (!problem.isEmpty()) {
            complete(request, Result{Status::InvalidArgument, request->workspaceId, request->name, problem, {}});
            return;
        }
        request->key = keyFor(request->workspaceId, request->name);
    }
    startJob(request);
}

void SecretStore::startJob(const std::shared_ptr<Request>& request)
{
    QKeychain::Job* job = nullptr;
    switch (request->operation) {
    case Operation::Write: {
        auto* w = new QKeychain::WritePasswordJob(serviceName());
        w->setBinaryData(request->payload);
        job = w;
        break;
    }
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(serviceName());
        break;
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(serviceName());
        break;
    }
    // No parent: QtKeychain's backends keep raw pointers to a running job, so a job is deleted only
    // after it has finished, even if we stopped waiting for it (timeout) or were destroyed meanwhile.
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(request->key);
    request->job = job;
    const int attempt = ++request->attempt;
    qCDebug(lcSecrets) << "keychain" << int(request->operation) << "of" << request->key << "attempt" << attempt;

    connect(job, &QKeychain::Job::finished, job, &QObject::deleteLater);
    connect(job, &QKeychain::Job::finished, this, [this, request, job] {
        const Status status = classify(job->error(), job->errorString());
        const QString detail = job->errorString();
        const bool late = request->completed || request->job != job;
        const bool retry = !late && status == Status::NoSecretService && !request->retried;
        if (request->operation == Operation::Write && !retry)
            wipeShared(request->payload); // the job shares this buffer and is done with it
        if (late) {
            // A late answer (we reported a timeout): keep the index and availability truthful.
            qCDebug(lcSecrets) << "late keychain answer for" << request->key << statusName(status);
            noteOutcome(status, detail);
            if (request->indexed && status == Status::Ok && request->operation == Operation::Write)
                addToIndex(request->workspaceId, request->name);
            if (request->indexed && status == Status::Ok && request->operation == Operation::Remove)
                removeFromIndex(request->workspaceId, request->name);
            return;
        }
        if (retry) {
            // The service may just be starting (session login): ask once more after a pause.
            request->retried = true;
            request->job = nullptr;
            ++request->attempt; // the pending timeout belongs to the finished attempt
            qCDebug(lcSecrets) << "keychain not reachable, retrying once:" << detail;
            QTimer::singleShot(m_retryDelay, this, [this, request] { startJob(request); });
            return;
        }
        Result result{status, request->workspaceId, request->name, describe(status, detail, m_timeout), {}};
        if (status == Status::Ok && request->operation == Operation::Read) {
            const QByteArray data = static_cast<QKeychain::ReadPasswordJob*>(job)->binaryData();
            result.value = SecureBytes(QByteArrayView(data));
            wipeShared(data);
        }
        complete(request, std::move(result));
    });
    QTimer::singleShot(m_timeout, this, [this, request, attempt] {
        if (request->completed || request->attempt != attempt)
            return;
        qCDebug(lcSecrets) << "keychain request for" << request->key << "timed out";
        complete(request, Result{Status::TimedOut, request->workspaceId, request->name,
                                 describe(Status::TimedOut, {}, m_timeout), {}});
    });
    job->start();
}

void SecretStore::complete(const std::shared_ptr<Request>& request, Result result)
{
    request->completed = true;
    if (result.status != Status::InvalidArgument)
        noteOutcome(result.status, result.status == Status::Ok ? QString() : result.errorText);
    if (request->indexed && request->operation == Operation::Write && result.ok())
        addToIndex(request->workspaceId, request->name);
    if (request->indexed && request->operation == Operation::Remove &&
        (result.ok() || result.status == Status::NotFound))
        removeFromIndex(request->workspaceId, request->name);
    if (!result.ok() && result.status != Status::NotFound)
        qCDebug(lcSecrets) << "keychain" << request->key << statusName(result.status) << result.errorText;
    deliver(request->context.data(), std::move(request->done), std::move(result));
}

void SecretStore::noteOutcome(Status status, const QString& detail)
{
    bool known = false;
    const Availability a = availabilityFor(status, &known);
    if (known)
        setAvailability(a, a == Availability::Available ? QString() : detail);
}

void SecretStore::setAvailability(Availability availability, const QString& detail)
{
    if (availability == m_availability && detail == m_availabilityDetail)
        return;
    m_availability = availability;
    m_availabilityDetail = detail;
    Q_EMIT availabilityChanged(availability, detail);
}

QStringList SecretStore::list(const QString& workspaceId) const
{
    if (!isValidWorkspaceId(workspaceId))
        return {};
    QSettings settings(m_indexPath, QSettings::IniFormat);
    settings.beginGroup(IndexGroup);
    QStringList names = settings.value(workspaceId).toStringList();
    names.removeAll(QString());
    names.sort();
    return names;
}

QStringList SecretStore::workspaces() const
{
    QSettings settings(m_indexPath, QSettings::IniFormat);
    settings.beginGroup(IndexGroup);
    QStringList ids = settings.childKeys();
    ids.sort();
    return ids;
}

void SecretStore::addToIndex(const QString& workspaceId, const QString& name)
{
    QSettings settings(m_indexPath, QSettings::IniFormat);
    settings.beginGroup(IndexGroup);
    QStringList names = settings.value(workspaceId).toStringList();
    if (names.contains(name))
        return;
    names.append(name);
    names.sort();
    settings.setValue(workspaceId, names);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        qCWarning(lcSecrets) << "could not update the secrets index" << m_indexPath;
    Q_EMIT indexChanged(workspaceId);
}

void SecretStore::removeFromIndex(const QString& workspaceId, const QString& name)
{
    QSettings settings(m_indexPath, QSettings::IniFormat);
    settings.beginGroup(IndexGroup);
    QStringList names = settings.value(workspaceId).toStringList();
    if (!names.removeAll(name))
        return;
    if (names.isEmpty())
        settings.remove(workspaceId);
    else
        settings.setValue(workspaceId, names);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        qCWarning(lcSecrets) << "could not update the secrets index" << m_indexPath;
    Q_EMIT indexChanged(workspaceId);
}

} // namespace Tokenbench::Core
