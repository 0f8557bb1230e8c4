// Fuzzes the typed JSON request layer: the strict scanner (JsonScanner::scan and ::read) and
// api::parseRequest<T> for every request type the servers read. The first byte picks the
// type, the rest is the body. Invariants: a body the scanner accepts is JSON to Qt too, and
// a request that parses writes (toJson) a body that parses again to the same request.
#include "fuzz.h"

#include "api/identityrequest.h"
#include "api/orderchange.h"
#include "api/orderrequest.h"
#include "api/parse.h"
#include "api/participantrequest.h"
#include "api/revocation.h"
#include "api/site.h"
#include "api/usage.h"

#include <QJsonDocument>

#include <cstdint>

using namespace cloudex;
using namespace cloudex::api;

namespace {
template<typename T> void parse(QByteArrayView body)
{
    const Result<T> parsed = parseRequest<T>(body);
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().code.isEmpty());
        return;
    }
    const QByteArray written = QJsonDocument(parsed->toJson()).toJson(QJsonDocument::Compact);
    const Result<T> again = parseRequest<T>(written);
    if (!again) {
        std::fprintf(stderr, "toJson wrote %s; parsing it again: %s %s\n", written.constData(),
                     qPrintable(again.error().code), qPrintable(again.error().message));
    }
    FUZZ_CHECK(again);
    FUZZ_CHECK(QJsonDocument(again->toJson()).toJson(QJsonDocument::Compact) == written);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t selector = data[0];
    const QByteArrayView body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const Result<JsonScan> scan = JsonScanner::scan(body);
    const Result<JsonTape> tape = JsonScanner::read(body);
    FUZZ_CHECK(bool(scan) == bool(tape));
    if (tape) {
        FUZZ_CHECK(!tape->nodes.empty());
        for (const JsonTape::Node &node : tape->nodes) {
            FUZZ_CHECK(node.next < qsizetype(tape->nodes.size()));
            FUZZ_CHECK(node.first < qsizetype(tape->nodes.size()));
        }
        // Whatever the strict scanner accepts, Qt's own parser reads too, except numbers
        // beyond a double's range (`1e400`): valid JSON syntax that Qt refuses, and that the
        // typed reader refuses as a wrong type or out of range.
        const JsonTape::Kind top = tape->nodes.front().kind;
        if (top == JsonTape::Kind::Object || top == JsonTape::Kind::Array) {
            QJsonParseError error;
            QJsonDocument::fromJson(body.toByteArray(), &error);
            FUZZ_CHECK(error.error == QJsonParseError::NoError ||
                       error.error == QJsonParseError::IllegalNumber);
        }
        for (const JsonTape::Node &node : tape->nodes)
            if (node.kind == JsonTape::Kind::String)
                (void)JsonTape::text(node);
    }

    switch (selector % 10) {
    case 0:
        parse<OrderRequest>(body);
        break;
    case 1:
        parse<OrderChange>(body);
        break;
    case 2:
        parse<IdentityRequest>(body);
        break;
    case 3:
        parse<ParticipantRequest>(body);
        break;
    case 4:
        parse<LimitsRequest>(body);
        break;
    case 5:
        parse<KillSwitchRequest>(body);
        break;
    case 6:
        parse<RevokeIdentityRequest>(body);
        break;
    case 7:
        parse<TerminateContractRequest>(body);
        break;
    case 8:
        parse<SiteRegistration>(body);
        break;
    case 9:
        parse<UsageReport>(body);
        break;
    }
    return 0;
}
