#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace cloudex {

/// A failure a caller can act on: a stable machine-readable code (for logs, protocols and
/// tests) and a translated message for the person who reads it. Errors about one field of
/// a request also name it (`price`, `requirements.jurisdictions`), so programs need not
/// parse the message.
struct Error
{
    QString code;
    QString message;
    QString field = {};

    bool operator==(const Error &) const = default;
};

/// Value or Error, for synchronous calls. Asynchronous work reports through job objects.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace cloudex
