// Fuzzes snapshot restore (market::Engine::restore) with the snapshot's bytes, below the
// journal's snapshot digest: whatever the bytes, restore either refuses them (leaving an
// empty engine) or yields a state whose own snapshot restores to the same state, and that
// the engine can run from: a clock tick past every delivery (every order expires or leaves
// its closing book, its owner's exposure released; every contract runs out) leaves a state
// that snapshots and restores again.
#include "fuzz.h"

#include "market/engine.h"

#include <cstdint>
#include <limits>
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

    again.clockTick(ClockTick{std::numeric_limits<Secs>::max()});
    const std::string closed = again.snapshot();
    Engine after;
    FUZZ_CHECK(after.restore(closed));
    FUZZ_CHECK(after.snapshot() == closed);
    return 0;
}
