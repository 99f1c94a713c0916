#include "util/securebytes.h"

#include <cstring>
#include <utility>

#include <openssl/crypto.h>

#include <QString>

namespace Tokenbench::Core {

SecureBytes::SecureBytes(QByteArrayView data)
{
    if (data.isEmpty())
        return;
    m_data = std::make_unique<char[]>(static_cast<size_t>(data.size()) + 1);
    std::memcpy(m_data.get(), data.data(), static_cast<size_t>(data.size()));
    m_data[static_cast<size_t>(data.size())] = '\0';
    m_size = data.size();
}

SecureBytes::SecureBytes(const SecureBytes& other) : SecureBytes(other.view()) {}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(std::move(other.m_data)), m_size(std::exchange(other.m_size, 0))
{
}

SecureBytes& SecureBytes::operator=(const SecureBytes& other)
{
    if (this != &other) {
        SecureBytes copy(other);
        *this = std::move(copy);
    }
    return *this;
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_data = std::move(other.m_data);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecureBytes::~SecureBytes()
{
    wipe();
}

SecureBytes SecureBytes::fromUtf8(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    SecureBytes result{QByteArrayView(utf8)};
    OPENSSL_cleanse(utf8.data(), static_cast<size_t>(utf8.size()));
    return result;
}

QByteArrayView SecureBytes::view() const
{
    return m_data ? QByteArrayView(m_data.get(), m_size) : QByteArrayView();
}

const char* SecureBytes::constData() const
{
    return m_data ? m_data.get() : "";
}

const unsigned char* SecureBytes::bytes() const
{
    return reinterpret_cast<const unsigned char*>(constData());
}

void SecureBytes::clear()
{
    wipe();
}

bool SecureBytes::equals(QByteArrayView other) const
{
    if (other.size() != m_size)
        return false;
    if (m_size == 0)
        return true;
    return CRYPTO_memcmp(m_data.get(), other.data(), static_cast<size_t>(m_size)) == 0;
}

void SecureBytes::wipe()
{
    if (m_data)
        OPENSSL_cleanse(m_data.get(), static_cast<size_t>(m_size) + 1);
    m_data.reset();
    m_size = 0;
}

} // namespace Tokenbench::Core
