#pragma once

#include <memory>

#include <QByteArrayView>

class QString;

namespace Tokenbench::Core {

// Bytes of a secret (HMAC key, passphrase, client secret) in a buffer of its own that is wiped with
// OPENSSL_cleanse when it is freed or overwritten. It never grows (no reallocation leaves copies
// behind) and keeps a terminating NUL after the data, so it can be handed to C APIs as a C string.
// Copying makes a second wiped buffer. Get at the bytes through view(); converting them into a
// QByteArray or QString makes an unwiped copy, so do that only where an API insists.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(QByteArrayView data);
    SecureBytes(const SecureBytes& other);
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(const SecureBytes& other);
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    ~SecureBytes();

    // The UTF-8 bytes of `text` (the QString itself is not wiped: it is the caller's).
    [[nodiscard]] static SecureBytes fromUtf8(const QString& text);

    [[nodiscard]] QByteArrayView view() const;
    [[nodiscard]] const char* constData() const; // NUL-terminated; "" when empty
    [[nodiscard]] const unsigned char* bytes() const;
    [[nodiscard]] qsizetype size() const { return m_size; }
    [[nodiscard]] bool isEmpty() const { return m_size == 0; }
    void clear();

    // Constant-time comparison of the contents (the sizes are not secret).
    [[nodiscard]] bool equals(QByteArrayView other) const;
    friend bool operator==(const SecureBytes& a, const SecureBytes& b) { return a.equals(b.view()); }

private:
    void wipe();

    std::unique_ptr<char[]> m_data;
    qsizetype m_size = 0;
};

} // namespace Tokenbench::Core
