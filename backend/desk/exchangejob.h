#pragma once

#include "core/job.h"
#include "core/result.h"

#include <QJsonValue>
#include <QObject>

#include <functional>
#include <optional>

namespace cloudex::net {
class ApiCall;
}

namespace cloudex::desk {

/// One exchange request in flight, as a typed cloudex::Job: `finished` once, then either
/// ok() with the parsed value (ExchangeCall::value()) or error() with the server's problem
/// code (`order.bad-lot`, `request.wrong-type`, …), a transport failure, or
/// `response.invalid` when the answer is not the API's type; result().error().field names
/// the field a problem is about. cancel() aborts the request. The caller owns the job
/// (deleteLater() once finished).
class ExchangeJob : public Job
{
    Q_OBJECT

public:
    ~ExchangeJob() override;

    /// Who answers: the exchange, or a seller's site (SiteClient); the errors name it.
    enum class Peer { Exchange, Site };
    void setPeer(Peer peer) { m_peer = peer; }

    bool ok() const { return isFinished() && result().ok(); }
    /// The HTTP status; 0 when the server was not reached.
    int status() const { return m_status; }

protected:
    ExchangeJob(net::ApiCall *call, QObject *parent);
    /// Reads the answer's body into the job's value.
    virtual Result<void> read(const QJsonValue &body) = 0;

private:
    void complete();
    void onCancel() override;

    net::ApiCall *m_call;
    int m_status = 0;
    Peer m_peer = Peer::Exchange;
};

/// An ExchangeJob whose answer is a `T` (an api:: type or a list of them).
template<typename T> class ExchangeCall final : public ExchangeJob
{
public:
    using Reader = std::function<Result<T>(const QJsonValue &body)>;

    ExchangeCall(net::ApiCall *call, Reader reader, QObject *parent)
        : ExchangeJob(call, parent)
        , m_reader(std::move(reader))
    {}

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
