#pragma once

#include "util/securebytes.h"

#include <chrono>
#include <functional>
#include <memory>

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Tokenbench::Core {

// The one place that talks to QtKeychain (and so to the Secret Service / Keychain / Credential Manager).
//
// Keys:   service "Tokenbench", key "tokenbench:<workspace-id>:<NAME>"; NAME is the variable of an
//         env.NAME reference ([A-Za-z_][A-Za-z0-9_]*), the workspace id comes from WorkspaceFile
//         (Loaded::id) or is DefaultWorkspace for values not tied to a workspace file.
// Index:  the NAMES stored per workspace (never a value) in a QSettings file of their own
//         (defaultIndexPath(), shared by the GUI and tokenbench-cli), so list() needs no keychain
//         round-trip and forgetAll() can remove every entry of a workspace.
// Values: bytes, stored as binary (QtKeychain base64-encodes them for libsecret), returned in a
//         SecureBytes buffer that is wiped when released. The insecure plain-text fallback of
//         QtKeychain is always off.
//
// Every operation is asynchronous and answers exactly once through its callback, queued (never
// from inside the call), unless `context` was destroyed first:
//
//   write/read/remove ──> QKeychain job ──finished──> classify ──ok──────────────────> callback(result)
//                             │                          │
//                             │                          └─ NoSecretService and no retry yet:
//                             │                               wait retryDelay, start a new job (once)
//                             └─ no answer within timeout() ──> callback(TimedOut)
//                                (the job is left to finish on its own and then deleted: QtKeychain
//                                 keeps raw pointers to a running job, deleting it would crash)
//
//   readMany(names) = read(name) for each name in turn; after the first "keychain unavailable" the
//   remaining names get the same status without asking again.
//
// Every job's outcome also updates availability(): the GUI shows availabilityChanged() as its
// banner and badge. probeAvailability() asks explicitly (writes and deletes a probe entry).
//
// QtKeychain runs one job at a time per process, so a job that hangs (a locked keyring waiting for
// an unlock prompt) makes the ones queued after it time out too; each reports TimedOut.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Status {
        Ok,
        NotFound,         // no entry of that name
        NoSecretService,  // no keychain service in this session (or D-Bus unreachable)
        Locked,           // the keyring is locked and was not unlocked
        Refused,          // the user (or the service) denied access
        TimedOut,         // no answer within timeout()
        InvalidArgument,  // bad name or workspace id (nothing was asked)
        Failed,           // anything else; errorText carries the service's words
    };
    Q_ENUM(Status)

    enum class Availability {
        Unknown,         // nothing asked yet
        Available,
        NoSecretService,
        Locked,
        Refused,
        NotResponding,   // the last request timed out
    };
    Q_ENUM(Availability)

    struct Result
    {
        Status status = Status::Ok;
        QString workspaceId;
        QString name;
        QString errorText; // for people; never contains a value
        SecureBytes value; // read() only
        bool ok() const { return status == Status::Ok; }
    };

    struct BatchResult
    {
        QHash<QString, SecureBytes> values; // the names found
        QStringList notFound;               // names with no entry
        QList<Result> errors;               // other failures, one per name
        bool ok() const { return errors.isEmpty(); }
    };

    using Callback = std::function<void(const Result&)>;
    using BatchCallback = std::function<void(const BatchResult&)>;

    static constexpr std::chrono::milliseconds DefaultTimeout{10000};
    static constexpr std::chrono::milliseconds DefaultRetryDelay{1000};

    // Uses defaultIndexPath() for the index.
    explicit SecretStore(QObject* parent = nullptr);
    // Uses `indexPath` (an INI file) for the index.
    explicit SecretStore(const QString& indexPath, QObject* parent = nullptr);
    ~SecretStore() override;

    static QString serviceName();      // "Tokenbench"
    static QString defaultWorkspace(); // "default": the namespace of values not tied to a workspace file
    // $XDG_CONFIG_HOME/Tokenbench/secrets-index.ini (independent of the application name, so the GUI
    // and the CLI see the same index).
    static QString defaultIndexPath();
    static QString keyFor(const QString& workspaceId, const QString& name);
    static bool isValidName(const QString& name);
    static bool isValidWorkspaceId(const QString& workspaceId);
    static bool isUnavailable(Status status); // NoSecretService, Locked, Refused, TimedOut
    static QString statusName(Status status);
    // What to tell a user for an unavailable keychain: what happened and what to do.
    static QString adviceFor(Availability availability);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }
    QString indexPath() const { return m_indexPath; }

    void write(const QString& workspaceId, const QString& name, const SecureBytes& value, QObject* context,
               Callback done);
    void read(const QString& workspaceId, const QString& name, QObject* context, Callback done);
    void readMany(const QString& workspaceId, const QStringList& names, QObject* context, BatchCallback done);
    // Removing a name that is not stored succeeds.
    void remove(const QString& workspaceId, const QString& name, QObject* context, Callback done);
    // Removes every name of the index; names that could not be removed stay in the index.
    void forgetAll(const QString& workspaceId, QObject* context, BatchCallback done);

    // The names stored for a workspace (from the index; no keychain access), sorted.
    QStringList list(const QString& workspaceId) const;
    // The workspaces that have names in the index.
    QStringList workspaces() const;

    Availability availability() const { return m_availability; }
    QString availabilityDetail() const { return m_availabilityDetail; } // the service's words, if any
    // Asks the keychain (write + delete of a probe entry, never a secret) and emits availabilityChanged.
    void probeAvailability();

Q_SIGNALS:
    // Emitted when availability() changes, after any operation or probe.
    void availabilityChanged(Tokenbench::Core::SecretStore::Availability availability, const QString& detail);
    // Each probeAvailability() ends with this, changed or not (a Retry that finds the same state).
    void availabilityChecked(Tokenbench::Core::SecretStore::Availability availability);
    // The index of a workspace changed (a name was written or removed): refresh a Secrets view.
    void indexChanged(const QString& workspaceId);

private:
    enum class Operation { Write, Read, Remove };
    struct Request;
    struct BatchState;

    void start(const std::shared_ptr<Request>& request);
    void startJob(const std::shared_ptr<Request>& request);
    void complete(const std::shared_ptr<Request>& request, Result result);
    enum class BatchKind { Read, Remove };
    void batchNext(const std::shared_ptr<BatchState>& state, BatchKind kind);
    void noteOutcome(Status status, const QString& detail);
    void setAvailability(Availability availability, const QString& detail);
    void addToIndex(const QString& workspaceId, const QString& name);
    void removeFromIndex(const QString& workspaceId, const QString& name);

    QString m_indexPath;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    std::chrono::milliseconds m_retryDelay = DefaultRetryDelay;
    Availability m_availability = Availability::Unknown;
    QString m_availabilityDetail;
};

} // namespace Tokenbench::Core
