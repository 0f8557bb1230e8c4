// Fuzzes the decoding of journal record payloads (market::decode), below the journal's
// checksum and hash chain: the input is a run of record payloads back to back, as recovery
// hands them to the decoder one by one. Invariants: a decoded command encodes to bytes that
// decode to the same command again, and the engine that replays the decoded commands
// snapshots and restores to the same state.
//
// The engine trusts the exchange adapter to number participants, instruments and products
// densely from 1 (it never journals anything else); commands with ids past kMaxId are
// decoded and checked but not applied, so that the harness does not merely measure memory.
#include "fuzz.h"

#include "market/engine.h"

#include <cstdint>
#include <string_view>

using namespace cloudex::market;

namespace {
constexpr std::uint64_t kMaxId = 4096;
constexpr int kMaxCommands = 64;

bool dense(const Command &command)
{
    if (const auto *c = std::get_if<AddParticipant>(&command))
        return c->participant <= kMaxId;
    if (const auto *c = std::get_if<ListInstrument>(&command))
        return c->instrument <= kMaxId && c->terms.productIndex <= kMaxId;
    return true;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    Reader in(input);
    Engine engine;
    for (int n = 0; n < kMaxCommands && !in.atEnd(); ++n) {
        Command command;
        if (!decode(in, command))
            break;
        Writer once;
        encode(command, once);
        Reader again(once.data());
        Command decoded;
        FUZZ_CHECK(decode(again, decoded) && again.atEnd());
        Writer twice;
        encode(decoded, twice);
        FUZZ_CHECK(once.data() == twice.data());
        if (dense(command))
            engine.apply(command);
    }
    const std::string state = engine.snapshot();
    Engine restored;
    FUZZ_CHECK(restored.restore(state));
    FUZZ_CHECK(restored.snapshot() == state);
    FUZZ_CHECK(restored.stateHash() == engine.stateHash());
    return 0;
}
