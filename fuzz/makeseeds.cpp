// Writes the first seeds of the journal_record and snapshot corpora: the journal payloads of
// a small but complete market day (participants, limits, instruments, orders that trade,
// cancels, replaces, sites, usage, settlement, termination) and the engine's snapshots along
// the way. Run once by hand (see fuzz/README.md); the corpora in the repository are these
// seeds after fuzzing and merging.
//   cloudex-fuzz-seeds <journal_record dir> <snapshot dir>
#include "market/engine.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace cloudex::market;

namespace {
void write(const std::string &path, const std::string &bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}
} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s JOURNAL_DIR SNAPSHOT_DIR\n", argv[0]);
        return 2;
    }
    const std::string journalDir = argv[1];
    const std::string snapshotDir = argv[2];

    std::vector<Command> day;
    day.push_back(ClockTick{1000});
    day.push_back(AddParticipant{1, "p-one", Role::Both, 1, 0, 1});
    day.push_back(AddParticipant{2, "p-two", Role::Seller, 2, 1, 2, 100, 1'000'000, 500'000});
    day.push_back(AddParticipant{3, "p-three", Role::Buyer, 1, 3, 1});
    day.push_back(SetLimits{3, 50, 40'000, 30'000, {}});
    day.push_back(SetLimits{2, 100, 1'000'000, 500'000, {1, 3}});
    day.push_back(ListInstrument{1, "ONE", Terms{0, 1, 9950, 1440, false, {{{9900, 10}, {9500, 25}}}, 1}, 0,
                                 7200, 10800, 1, 1, 50, 200});
    day.push_back(
        ListInstrument{2, "TWO", Terms{1, 0, 9990, 60, true, {}, 2}, 1, 7200, 93600, 5, 10, 50, 500});
    NewOrder buy;
    buy.participant = 1;
    buy.instrument = 1;
    buy.price = 100;
    buy.quantity = 5;
    buy.clientId = ClientOrderId::from("b-1");
    day.push_back(buy);
    NewOrder sell = buy;
    sell.participant = 2;
    sell.side = Side::Sell;
    sell.price = 99;
    sell.quantity = 3;
    sell.clientId = ClientOrderId::from("s-1");
    day.push_back(sell);
    NewOrder rest = sell;
    rest.price = 120;
    rest.tif = TimeInForce::GoodTillDate;
    rest.expiry = 5000;
    rest.counterparty.jurisdictions = 1;
    rest.clientId = ClientOrderId::from("s-2");
    day.push_back(rest);
    NewOrder market = buy;
    market.participant = 3;
    market.type = OrderType::Market;
    market.tif = TimeInForce::ImmediateOrCancel;
    market.quantity = 1;
    market.clientId = ClientOrderId::from("\xe2\x98\x83-7");
    day.push_back(market);
    NewOrder post = buy;
    post.instrument = 2;
    post.price = 105;
    post.quantity = 20;
    post.postOnly = true;
    post.clientId = {};
    day.push_back(post);
    day.push_back(ReplaceOrder{1, 1, 101, 4});
    day.push_back(CancelOrder{2, 3});
    day.push_back(SetKillSwitch{3, true});
    day.push_back(SetKillSwitch{3, false});
    day.push_back(
        RegisterSite{2, "s-fra1", "Frankfurt 1", "https://fra1.example:8443", {"c5.large", "m5.xl"}});
    day.push_back(AssignSite{1, "s-fra1"});
    day.push_back(ClockTick{7300});
    day.push_back(ReportUsage{1, false, {{7200, "vm-1", 100, 3600, 3500}}});
    day.push_back(ClockTick{11000});
    day.push_back(ReportUsage{1, true, {{10800, "vm-1", 3600, 3600, 3600}}});
    day.push_back(SettleContract{1, false, 3600, 297, 9722, 10, 30, 267});
    day.push_back(TerminateContract{2});

    Engine engine;
    std::string all;
    int snapshots = 0;
    for (std::size_t i = 0; i < day.size(); ++i) {
        Writer out;
        encode(day[i], out);
        write(journalDir + "/seed-" + std::to_string(i), out.data());
        all += out.data();
        engine.apply(day[i]);
        if (i % 4 == 3 || i + 1 == day.size())
            write(snapshotDir + "/seed-" + std::to_string(snapshots++), engine.snapshot());
    }
    write(journalDir + "/seed-day", all);
    write(snapshotDir + "/seed-empty", Engine().snapshot());
    std::printf("%zu records, %d snapshots\n", day.size() + 1, snapshots + 1);
    return 0;
}
