<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>Chargeback</name>
    <message numerus="yes">
        <source>Customer %1 is assigned %n contract(s) or VM(s); assign them elsewhere first.</source>
        <translation>
            <numerusform>Customer %1 is assigned %n contract or VM; assign it elsewhere first.</numerusform>
            <numerusform>Customer %1 is assigned %n contracts or VMs; assign them elsewhere first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Manage</name>
    <message numerus="yes">
        <source>%n instance-hour(s) of demand stay uncovered: the budget, the price limits or the book allow no more.</source>
        <translation>
            <numerusform>%n instance-hour of demand stays uncovered: the budget, the price limits or the book allow no more.</numerusform>
            <numerusform>%n instance-hours of demand stay uncovered: the budget, the price limits or the book allow no more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n minute(s)</source>
        <translation>
            <numerusform>within %n minute</numerusform>
            <numerusform>within %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message numerus="yes">
        <source>The contract admits %n more VM(s); each gets the contract&apos;s instance size.</source>
        <translation>
            <numerusform>The contract admits %n more VM; it gets the contract&apos;s instance size.</numerusform>
            <numerusform>The contract admits %n more VMs; each gets the contract&apos;s instance size.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::connect::ConnectAgent</name>
    <message numerus="yes">
        <source>Tenant %1 still owns %n VM(s) (%2); delete them first.</source>
        <translation>
            <numerusform>Tenant %1 still owns %n VM (%2); delete it first.</numerusform>
            <numerusform>Tenant %1 still owns %n VMs (%2); delete them first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::models::OrderBookModel</name>
    <message numerus="yes">
        <source>%n order(s), %1 instances at %2 EUR</source>
        <translation>
            <numerusform>%n order, %1 instances at %2 EUR</numerusform>
            <numerusform>%n orders, %1 instances at %2 EUR</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::models::PaneModel</name>
    <message numerus="yes">
        <source>%1 (%n VM(s))</source>
        <translation>
            <numerusform>%1 (%n VM)</numerusform>
            <numerusform>%1 (%n VMs)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::BuyWorkspace</name>
    <message numerus="yes">
        <source>%n VM(s)</source>
        <translation>
            <numerusform>%n VM</numerusform>
            <numerusform>%n VMs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n VM(s)</source>
        <translation>
            <numerusform>%1 of %n VM</numerusform>
            <numerusform>%1 of %n VMs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 from %2 · %n instance(s) at EUR %3 per instance-hour</source>
        <translation>
            <numerusform>%1 from %2 · %n instance at EUR %3 per instance-hour</numerusform>
            <numerusform>%1 from %2 · %n instances at EUR %3 per instance-hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deploying %n VM(s) on %1 at its site…</source>
        <translation>
            <numerusform>Deploying %n VM on %1 at its site…</numerusform>
            <numerusform>Deploying %n VMs on %1 at its site…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deployed %n VM(s) on %1.</source>
        <translation>
            <numerusform>Deployed %n VM on %1.</numerusform>
            <numerusform>Deployed %n VMs on %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n term(s) differ from the profile.</source>
        <translation>
            <numerusform>%n term differs from the profile.</numerusform>
            <numerusform>%n terms differ from the profile.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::CandleChart</name>
    <message numerus="yes">
        <source>%n candle(s) from %1 to %2; last: open %3, high %4, low %5, close %6 EUR</source>
        <translation>
            <numerusform>%n candle from %1 to %2; last: open %3, high %4, low %5, close %6 EUR</numerusform>
            <numerusform>%n candles from %1 to %2; last: open %3, high %4, low %5, close %6 EUR</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::ChargebackPage</name>
    <message numerus="yes">
        <source>%n VM(s), %1 instance-hours: %2 EUR charged, %3 EUR contract cost, margin %4 EUR.</source>
        <translation>
            <numerusform>%n VM, %1 instance-hours: %2 EUR charged, %3 EUR contract cost, margin %4 EUR.</numerusform>
            <numerusform>%n VMs, %1 instance-hours: %2 EUR charged, %3 EUR contract cost, margin %4 EUR.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s) with usage have no customer.</source>
        <translation>
            <numerusform>%n VM with usage has no customer.</numerusform>
            <numerusform>%n VMs with usage have no customer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Collecting usage from %n site(s)…</source>
        <translation>
            <numerusform>Collecting usage from %n site…</numerusform>
            <numerusform>Collecting usage from %n sites…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Usage collected; %n request(s) failed, their earlier data is used.</source>
        <translation>
            <numerusform>Usage collected; %n request failed, its earlier data is used.</numerusform>
            <numerusform>Usage collected; %n requests failed, their earlier data is used.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other customer(s)</source>
        <translation>
            <numerusform>%n other customer</numerusform>
            <numerusform>%n other customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::DemandChart</name>
    <message numerus="yes">
        <source>Demand: %1 instance-hours over %n hour(s).</source>
        <translation>
            <numerusform>Demand: %1 instance-hours over %n hour.</numerusform>
            <numerusform>Demand: %1 instance-hours over %n hours.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::ForwardCurveChart</name>
    <message numerus="yes">
        <source>Forward curve of %1: %n period(s) with prices between %2 and %3 EUR</source>
        <translation>
            <numerusform>Forward curve of %1: %n period with prices between %2 and %3 EUR</numerusform>
            <numerusform>Forward curve of %1: %n periods with prices between %2 and %3 EUR</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::MarketWorkspace</name>
    <message numerus="yes">
        <source>Order %1 accepted, %n trade(s).</source>
        <translation>
            <numerusform>Order %1 accepted, %n trade.</numerusform>
            <numerusform>Order %1 accepted, %n trades.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open period(s) without a bid, ask or last price hidden</source>
        <translation>
            <numerusform>%n open period without a bid, ask or last price hidden</numerusform>
            <numerusform>%n open periods without a bid, ask or last price hidden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel all %n open order(s)?</source>
        <translation>
            <numerusform>Cancel the %n open order?</numerusform>
            <numerusform>Cancel all %n open orders?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) cancelled.</source>
        <translation>
            <numerusform>%n order cancelled.</numerusform>
            <numerusform>%n orders cancelled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::OrderTicket</name>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n instance</numerusform>
            <numerusform>%n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delivery: %1 to %2 (%n hour(s))</source>
        <translation>
            <numerusform>Delivery: %1 to %2 (%n hour)</numerusform>
            <numerusform>Delivery: %1 to %2 (%n hours)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total at most %1 EUR (%2 × %n hour(s) × %3 EUR)</source>
        <translation>
            <numerusform>Total at most %1 EUR (%2 × %n hour × %3 EUR)</numerusform>
            <numerusform>Total at most %1 EUR (%2 × %n hours × %3 EUR)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total at least %1 EUR (%2 × %n hour(s) × %3 EUR)</source>
        <translation>
            <numerusform>Total at least %1 EUR (%2 × %n hour × %3 EUR)</numerusform>
            <numerusform>Total at least %1 EUR (%2 × %n hours × %3 EUR)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> instance(s)</source>
        <translation>
            <numerusform> instance</numerusform>
            <numerusform> instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requirements (%n)</source>
        <translation>
            <numerusform>Requirements (%n)</numerusform>
            <numerusform>Requirements (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing of %n instance(s) would fill now.</source>
        <translation>
            <numerusform>Nothing of %n instance would fill now.</numerusform>
            <numerusform>Nothing of %n instances would fill now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fills %1 of %n instance(s) now at %2 EUR average, %3 EUR worst.</source>
        <translation>
            <numerusform>Fills %1 of %n instance now at %2 EUR average, %3 EUR worst.</numerusform>
            <numerusform>Fills %1 of %n instances now at %2 EUR average, %3 EUR worst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outside the required jurisdictions</source>
        <translation>
            <numerusform>%n outside the required jurisdictions</numerusform>
            <numerusform>%n outside the required jurisdictions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing a required certification</source>
        <translation>
            <numerusform>%n missing a required certification</numerusform>
            <numerusform>%n missing a required certification</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n under another metadata policy</source>
        <translation>
            <numerusform>%n under another metadata policy</numerusform>
            <numerusform>%n under another metadata policy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n excluded by a seller&apos;s allow-list</source>
        <translation>
            <numerusform>%n excluded by a seller&apos;s allow-list</numerusform>
            <numerusform>%n excluded by a seller&apos;s allow-list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n your own, which would be cancelled</source>
        <translation>
            <numerusform>%n your own, which would be cancelled</numerusform>
            <numerusform>%n your own, which would be cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n beyond your limit price</source>
        <translation>
            <numerusform>%n beyond your limit price</numerusform>
            <numerusform>%n beyond your limit price</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::SellWorkspace</name>
    <message numerus="yes">
        <source>Remove the hypervisor connection %1? Its %n host(s) (%2) leave the site&apos;s inventory and take no new VMs.</source>
        <translation>
            <numerusform>Remove the hypervisor connection %1? Its %n host (%2) leaves the site&apos;s inventory and takes no new VMs.</numerusform>
            <numerusform>Remove the hypervisor connection %1? Its %n hosts (%2) leave the site&apos;s inventory and take no new VMs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> instance(s)</source>
        <translation>
            <numerusform> instance</numerusform>
            <numerusform> instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trading as %1: %n ask(s) on the exchange, checked %2 UTC.</source>
        <translation>
            <numerusform>Trading as %1: %n ask on the exchange, checked %2 UTC.</numerusform>
            <numerusform>Trading as %1: %n asks on the exchange, checked %2 UTC.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::SlaComposer</name>
    <message numerus="yes">
        <source>within %n hour(s)</source>
        <translation>
            <numerusform>within %n hour</numerusform>
            <numerusform>within %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n minute(s)</source>
        <translation>
            <numerusform>within %n minute</numerusform>
            <numerusform>within %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) match</source>
        <translation>
            <numerusform>%n product matches</numerusform>
            <numerusform>%n products match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::StrategyPage</name>
    <message numerus="yes">
        <source>Planning: reading %n forward curve(s)…</source>
        <translation>
            <numerusform>Planning: reading %n forward curve…</numerusform>
            <numerusform>Planning: reading %n forward curves…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Planning: previewing %n instrument(s)…</source>
        <translation>
            <numerusform>Planning: previewing %n instrument…</numerusform>
            <numerusform>Planning: previewing %n instruments…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) to place</source>
        <translation>
            <numerusform>%n order to place</numerusform>
            <numerusform>%n orders to place</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n projected line(s)</source>
        <translation>
            <numerusform>%n projected line</numerusform>
            <numerusform>%n projected lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Place these %n order(s), for about %1 EUR in all?</source>
        <translation>
            <numerusform>Place this order, for about %1 EUR?</numerusform>
            <numerusform>Place these %n orders, for about %1 EUR in all?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n order(s) placed.</source>
        <translation>
            <numerusform>%1 of %n order placed.</numerusform>
            <numerusform>%1 of %n orders placed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cloudex::ui::UsersWorkspace</name>
    <message numerus="yes">
        <source>%1 revoked, with %n contract certificate(s).</source>
        <translation>
            <numerusform>%1 revoked, with %n contract certificate.</numerusform>
            <numerusform>%1 revoked, with %n contract certificates.</numerusform>
        </translation>
    </message>
</context>
</TS>
