#pragma once

#include "core/result.h"

#include <QJsonValue>
#include <QObject>

#include <functional>
#include <optional>

namespace cloudex::net {
class ApiCall;
}

namespace cloudex::desk {

/// One exchange request in flight, as a job: `finished` once, then either ok() or error()
/// with the server's problem code (`order.bad-lot`, `request.wrong-type`, …) and the field
/// it names, a transport failure, or `response.invalid` when the answer is not the API's
/// type. The caller owns the job (deleteLater() once finished).
class ExchangeJob : public QObject
{
    Q_OBJECT

public:
    ~ExchangeJob() override;

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error; }
    /// The HTTP status; 0 when the server was not reached.
    int status() const { return m_status; }
    /// Empty while running and after success.
    Error error() const { return m_error.value_or(Error{}); }
    QString errorString() const { return m_error ? m_error->message : QString(); }

Q_SIGNALS:
    void finished();

protected:
    ExchangeJob(net::ApiCall *call, QObject *parent);
    /// Reads the answer's body into the job's value.
    virtual Result<void> read(const QJsonValue &body) = 0;

private:
    void complete();

    net::ApiCall *m_call;
    bool m_finished = false;
    int m_status = 0;
    std::optional<Error> m_error;
};

/// An ExchangeJob whose answer is a `T` (an api:: type or a list of them).
template<typename T>
class ExchangeCall final : public ExchangeJob
{
public:
    using Reader = std::function<Result<T>(const QJsonValue &body)>;

    ExchangeCall(net::ApiCall *call, Reader reader, QObject *parent)
        : ExchangeJob(call, parent)
        , m_reader(std::move(reader))
    {
    }

    /// The parsed answer; valid once finished with ok().
    const T &value() const { return m_value; }

private:
    Result<void> read(const QJsonValue &body) override
    {
        Result<T> parsed = m_reader(body);
        if (!parsed)
            return parsed.error();
        m_value = std::move(parsed).value();
        return {};
    }

    Reader m_reader;
    T m_value{};
};

} // namespace cloudex::desk
