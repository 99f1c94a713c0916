#pragma once

#include "net/tokenclient.h"

#include <functional>
#include <optional>

#include <QHash>
#include <QObject>

namespace Tokenbench::Core {

// Tokens kept in memory per backend with Couper's rule (reference sections 2.3 and 2.4): an entry stored
// at Unix second t with TTL n = floor(expires_in * 0.9) (capped at 86400 s) is valid while now < t + n;
// without a numeric expires_in the TTL is 0 and the token is never reused. An entry also remembers a
// fingerprint of the configuration that obtained it, so an edited backend does not reuse a token issued
// for its old settings. Never written anywhere.
class TokenCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenCache)

public:
    struct Entry
    {
        TokenResult result;
        qint64 storedAt = 0; // Unix seconds
        qint64 ttlSeconds = 0;
        QString fingerprint;
        QString requestedScope;

        qint64 expiresAt() const { return storedAt + ttlSeconds; }
        bool validAt(qint64 now) const { return ttlSeconds > 0 && now < expiresAt() && !result.response.accessToken.isEmpty(); }
    };

    explicit TokenCache(QObject* parent = nullptr);
    ~TokenCache() override;

    // A clock for tests (Unix seconds); the system clock by default.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    qint64 now() const;

    // The valid entry for `key` obtained with `fingerprint` (any fingerprint when empty), or nullopt.
    std::optional<Entry> lookup(const QString& key, const QString& fingerprint = {}) const;
    // The entry even when expired (for display), or nullopt.
    std::optional<Entry> peek(const QString& key) const;
    // Stores a successful result; a result with TTL 0 is not kept (Couper uses it for one request only).
    void store(const QString& key, const TokenResult& result, const QString& fingerprint = {},
               const QString& requestedScope = {});
    void forget(const QString& key);
    void clear();

    // What identifies the configuration behind a token request (endpoint, client, grant, scope, method).
    static QString fingerprintOf(const TokenRequestSpec& spec);

Q_SIGNALS:
    void changed(const QString& key);

private:
    QHash<QString, Entry> m_entries;
    std::function<qint64()> m_clock;
};

} // namespace Tokenbench::Core
