using GoldBot.Market;

namespace GoldBot.Tests.Market;

/// <summary>Tick arithmetic and P&amp;L of the built-in contracts (CME specifications).</summary>
public sealed class ContractSpecTests
{
    private static readonly ContractSpec Mgc = ContractSpec.BuiltIn["MGC"];
    private static readonly ContractSpec Mes = ContractSpec.BuiltIn["mes"];

    [Fact]
    public void Built_in_specs_have_CME_tick_sizes_and_values()
    {
        Assert.Equal((0.10m, 1.00m, 10m, 1), (Mgc.TickSize, Mgc.TickValue, Mgc.PointValue, Mgc.MicroEquivalent));
        Assert.Equal((0.25m, 1.25m, 5m, 1), (Mes.TickSize, Mes.TickValue, Mes.PointValue, Mes.MicroEquivalent));
        Assert.Equal((0.10m, 10.00m, 100m, 10), (ContractSpec.BuiltIn["GC"].TickSize, ContractSpec.BuiltIn["GC"].TickValue, ContractSpec.BuiltIn["GC"].PointValue, ContractSpec.BuiltIn["GC"].MicroEquivalent));
        Assert.Equal((0.25m, 12.50m, 10), (ContractSpec.BuiltIn["ES"].TickSize, ContractSpec.BuiltIn["ES"].TickValue, ContractSpec.BuiltIn["ES"].MicroEquivalent));
    }

    [Fact]
    public void Ticks_and_prices_convert_both_ways()
    {
        Assert.Equal(25, Mgc.ToTicks(2.5m));
        Assert.Equal(-3, Mgc.ToTicks(-0.3m));
        Assert.Equal(1, Mgc.ToTicks(0.05m)); // half a tick rounds away from zero
        Assert.Equal(2.5m, Mgc.ToPrice(25));
        Assert.Equal(4, Mes.ToTicks(1.0m));
        Assert.Equal(1.25m, Mes.ToPrice(5));
        Assert.Equal(2000.1m, Mgc.RoundToTick(2000.05m));
        Assert.Equal(5000.25m, Mes.RoundToTick(5000.3m));
    }

    [Fact]
    public void PnL_is_points_times_point_value_times_contracts_signed_by_direction()
    {
        // MGC long 3 from 2000.0 to 2002.5: 2.5 points × $10 × 3 = $75.
        Assert.Equal(75.00m, Mgc.PnL(+1, 2000.0m, 2002.5m, 3));
        // MGC short 2 from 2000.0 to 2000.7: −0.7 × $10 × 2 = −$14.
        Assert.Equal(-14.00m, Mgc.PnL(-1, 2000.0m, 2000.7m, 2));
        // MES long 1 from 5000.00 to 5001.25: 5 ticks × $1.25 = $6.25.
        Assert.Equal(6.25m, Mes.PnL(+1, 5000.00m, 5001.25m, 1));
    }
}
