// Fuzzes the certificate authority's reading of a PKCS#10 request (DER, hostile: it comes
// from any participant) and its signature check: pki::RequestVerifier, which reads the DER
// by hand. Invariants: what a verified request reports lies inside the input.
#include "fuzz.h"

#include "pki/requestverifier_p.h"

#include <cstdint>

using namespace cloudex::pki;

namespace {
bool inside(QByteArrayView part, QByteArrayView whole)
{
    return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static RequestVerifier verifier;
    const QByteArrayView der(reinterpret_cast<const char *>(data), qsizetype(size));
    const cloudex::Result<ParsedRequest> parsed = verifier.verify(der);
    if (!parsed) {
        FUZZ_CHECK(parsed.error().code.startsWith(QLatin1String("pki.")));
        return 0;
    }
    FUZZ_CHECK(inside(parsed->subjectPublicKeyInfo, der));
    FUZZ_CHECK(inside(parsed->publicKey, parsed->subjectPublicKeyInfo));
    FUZZ_CHECK(parsed->publicKey.size() == 65 || parsed->publicKey.size() == 33);
    return 0;
}
