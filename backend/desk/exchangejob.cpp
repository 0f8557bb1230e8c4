#include "desk/exchangejob.h"

#include "net/apiclient.h"

#include <QCoreApplication>

namespace cloudex::desk {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Desk)
};
} // namespace

ExchangeJob::ExchangeJob(net::ApiCall *call, QObject *parent)
    : Job(call->title(), parent)
    , m_call(call)
{
    // The call is the job's: it goes with it.
    m_call->setParent(this);
    connect(m_call, &net::ApiCall::finished, this, &ExchangeJob::complete);
}

ExchangeJob::~ExchangeJob() = default;

void ExchangeJob::complete()
{
    m_status = m_call->status();
    if (const auto &problem = m_call->problem()) {
        finish(Error{problem->code, problem->detail,
                     problem->extensions.value(QLatin1StringView("field")).toString()});
    } else if (auto read = this->read(m_call->body()); !read) {
        // The server answered 2xx with something that is not the API's type.
        const QString detail =
            m_peer == Peer::Site
                ? Tr::tr("The site sent an answer this desk cannot read (%1).").arg(read.error().message)
                : Tr::tr("The exchange sent an answer this desk cannot read (%1).").arg(read.error().message);
        finish(Error{QStringLiteral("response.invalid"), detail, read.error().field});
    } else {
        finish({});
    }
}

void ExchangeJob::onCancel()
{
    m_call->cancel();
}

} // namespace cloudex::desk
