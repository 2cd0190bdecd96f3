using GoldBot.Execution;
using GoldBot.Hosting;
using GoldBot.Market;

namespace GoldBot.Tests.Hosting;

public class OpenPositionWarningTests
{
    [Fact]
    public void A_short_covered_by_its_stop_is_named_as_protected()
    {
        var account = new AccountSnapshot(50_100m, -3, 4321.5m,
            [new WorkingOrder(1, "gb-stop", OrderSide.Buy, OrderType.Stop, 3, null, 4330m), new WorkingOrder(2, "gb-tp1", OrderSide.Buy, OrderType.Limit, 2, 4300m, null)], null);

        var line = DaemonRunner.OpenPositionWarning(account, ContractSpec.BuiltIn["MGC"]);

        Assert.Equal("OPEN POSITION left at the gateway: short 3 MGC at 4321.50, protected by working stops for 3 contracts. It stays open until its stop or target fills or you close it.", line);
    }

    [Fact]
    public void A_long_whose_stop_covers_part_of_it_is_a_call_to_act()
    {
        var account = new AccountSnapshot(50_100m, 2, 4321.55m, [new WorkingOrder(1, "gb-stop", OrderSide.Sell, OrderType.Stop, 1, null, 4310m)], null);

        var line = DaemonRunner.OpenPositionWarning(account, ContractSpec.BuiltIn["MGC"]);

        Assert.EndsWith("long 2 MGC at 4321.55, stops working for only 1 of 2 contracts: CLOSE IT OR PROTECT IT NOW on the platform.", line, StringComparison.Ordinal);
    }
}
