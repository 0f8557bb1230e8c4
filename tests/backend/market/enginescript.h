#pragma once

// A small script language for engine tests, so each matching rule is one readable table
// row. Commands, separated by ';':
//   B p1 10@100 [ioc|fok|post|gtd=T|mkt] [j=MASK] [c=MASK] [m=MASK] [id=CLIENT] [i=INSTR]
//   S ...             sell, same options
//   X p1 #3           cancel order 3
//   R p1 #3 5@100     replace order 3
//   T 5000            clock tick
//   K p1 / U p1       kill switch on / off
//   Z #1              terminate contract 1
// The log renders events compactly: +3 accept, !code reject, =3 duplicate, T3/4:2@100 trade
// (buy order/sell order:quantity@price), x3:why cancel, r3:keep|lose replace, c1:state.
#include "market/engine.h"

#include <string>

namespace cloudex::market::testing {

class ScriptLog final : public EngineListener
{
public:
    std::string text;
    void onAccept(std::uint64_t, const OrderView &o) override { add("+" + std::to_string(o.id)); }
    void onReject(std::uint64_t, Reason r, OrderId) override { add(std::string("!") + reasonCode(r)); }
    void onDuplicate(std::uint64_t, OrderId o, Reason r) override
    {
        add("=" + std::to_string(o) + (r == Reason::None ? "" : std::string(":") + reasonCode(r)));
    }
    void onTrade(std::uint64_t, const Trade &t) override
    {
        add("T" + std::to_string(t.buyOrder) + "/" + std::to_string(t.sellOrder) + ":" +
            std::to_string(t.quantity) + "@" + std::to_string(t.price));
    }
    void onCancel(std::uint64_t, const OrderView &o, CancelReason why) override
    {
        static const char *names[] = {"user", "ioc", "stp", "expired", "closed", "kill"};
        add("x" + std::to_string(o.id) + ":" + names[int(why)]);
    }
    void onReplace(std::uint64_t, const OrderView &o, bool kept) override
    {
        add("r" + std::to_string(o.id) + (kept ? ":keep" : ":lose"));
    }
    void onContract(std::uint64_t, const Contract &k) override
    {
        static const char *names[] = {"scheduled", "active", "expired", "terminated"};
        if (k.state != ContractState::Scheduled)
            add("c" + std::to_string(k.id) + ":" + names[int(k.state)]);
    }

private:
    void add(const std::string &s)
    {
        if (!text.empty())
            text += ' ';
        text += s;
    }
};

/// Runs `script` on `engine`; false (with `error`) on a malformed script.
bool runScript(Engine &engine, const std::string &script, std::string *error);
/// "B 100x3 99x5 | A 101x2" for instrument `instrument`.
std::string bookText(const Engine &engine, InstrumentId instrument);

} // namespace cloudex::market::testing
