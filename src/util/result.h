#pragma once

#include <utility>
#include <variant>

#include <QString>

namespace Tokenbench::Core {

// An error value: what failed, in words a user understands, plus where (a field path or file:line:col).
struct Error
{
    enum class Code {
        Usage,         // bad input or configuration
        Io,            // a file could not be read or written
        Format,        // a file or payload is malformed
        Transport,     // connection refused, DNS, TLS, timeout
        ServerRefused, // the server answered with an error
        NoToken,       // the answer carried no usable token
        Canceled,
    };
    Code code = Code::Usage;
    QString message;
    QString where;
};

// A small expected<T, Error>: std::expected needs C++23.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace Tokenbench::Core
