#include "enginescript.h"

#include <sstream>
#include <vector>

namespace cloudex::market::testing {
namespace {
std::vector<std::string> split(const std::string &s, char sep)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, sep);) {
        const auto b = part.find_first_not_of(' ');
        if (b == std::string::npos)
            continue;
        out.push_back(part.substr(b, part.find_last_not_of(' ') - b + 1));
    }
    return out;
}

std::uint32_t participantOf(const std::string &t)
{
    return std::uint32_t(std::stoul(t.substr(1)));
}
} // namespace

bool runScript(Engine &engine, const std::string &script, std::string *error)
{
    for (const std::string &line : split(script, ';')) {
        const std::vector<std::string> t = split(line, ' ');
        const std::string &op = t.at(0);
        if (op == "B" || op == "S") {
            NewOrder o;
            o.participant = participantOf(t.at(1));
            o.instrument = 1;
            o.side = op == "B" ? Side::Buy : Side::Sell;
            const std::string &qp = t.at(2);
            const auto at = qp.find('@');
            o.quantity = std::stoll(qp.substr(0, at));
            if (at != std::string::npos)
                o.price = std::stoll(qp.substr(at + 1));
            for (std::size_t i = 3; i < t.size(); ++i) {
                const std::string &f = t[i];
                if (f == "ioc")
                    o.tif = TimeInForce::ImmediateOrCancel;
                else if (f == "fok")
                    o.tif = TimeInForce::FillOrKill;
                else if (f == "post")
                    o.postOnly = true;
                else if (f == "mkt")
                    o.type = OrderType::Market;
                else if (f.rfind("gtd=", 0) == 0) {
                    o.tif = TimeInForce::GoodTillDate;
                    o.expiry = std::stoll(f.substr(4));
                } else if (f.rfind("j=", 0) == 0)
                    o.counterparty.jurisdictions = std::stoull(f.substr(2));
                else if (f.rfind("c=", 0) == 0)
                    o.counterparty.certifications = std::uint32_t(std::stoul(f.substr(2)));
                else if (f.rfind("m=", 0) == 0)
                    o.counterparty.metadataPolicies = std::uint32_t(std::stoul(f.substr(2)));
                else if (f.rfind("id=", 0) == 0)
                    o.clientId = ClientOrderId::from(f.substr(3));
                else if (f.rfind("i=", 0) == 0)
                    o.instrument = InstrumentId(std::stoul(f.substr(2)));
                else {
                    *error = "bad flag " + f;
                    return false;
                }
            }
            engine.newOrder(o);
        } else if (op == "X") {
            engine.cancelOrder({participantOf(t.at(1)), std::stoull(t.at(2).substr(1))});
        } else if (op == "R") {
            const std::string &qp = t.at(3);
            const auto at = qp.find('@');
            engine.replaceOrder({participantOf(t.at(1)), std::stoull(t.at(2).substr(1)),
                                 std::stoll(qp.substr(at + 1)), std::stoll(qp.substr(0, at))});
        } else if (op == "T") {
            engine.clockTick({std::stoll(t.at(1))});
        } else if (op == "K" || op == "U") {
            engine.setKillSwitch({participantOf(t.at(1)), op == "K"});
        } else if (op == "Z") {
            engine.terminateContract({std::stoull(t.at(1).substr(1))});
        } else {
            *error = "bad command " + line;
            return false;
        }
    }
    return true;
}

std::string bookText(const Engine &engine, InstrumentId instrument)
{
    std::string out = "B";
    for (const DepthLevel &l : engine.depth(instrument, Side::Buy, 100))
        out += " " + std::to_string(l.price) + "x" + std::to_string(l.quantity);
    out += " | A";
    for (const DepthLevel &l : engine.depth(instrument, Side::Sell, 100))
        out += " " + std::to_string(l.price) + "x" + std::to_string(l.quantity);
    return out;
}

} // namespace cloudex::market::testing
