// Fuzzes snapshot restore (market::Engine::restore) with the snapshot's bytes, below the
// journal's snapshot digest: whatever the bytes, restore either refuses them (leaving an
// empty engine) or yields a state whose own snapshot restores to the same state.
#include "fuzz.h"

#include "market/engine.h"

#include <cstdint>
#include <string_view>

using namespace cloudex::market;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    static const std::string empty = Engine().snapshot();
    Engine engine;
    if (!engine.restore(input)) {
        FUZZ_CHECK(engine.snapshot() == empty);
        return 0;
    }
    const std::string state = engine.snapshot();
    Engine again;
    FUZZ_CHECK(again.restore(state));
    FUZZ_CHECK(again.snapshot() == state);
    FUZZ_CHECK(again.stateHash() == engine.stateHash());
    return 0;
}
