using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.GatewaySimulator.Market;
using GoldBot.Market;

namespace GoldBot.GatewaySimulator.Tests;

/// <summary>The synthetic dollar proxy (<see cref="SyntheticProxy"/>, <c>ProxyContractId</c>): listed with CME's Euro FX tick, priced from gold.</summary>
public sealed class SyntheticProxyTests
{
    [Fact]
    public void The_proxy_contract_is_listed_only_when_configured_with_the_euro_fx_tick()
    {
        Assert.DoesNotContain(new GatewaySimulatorOptions().BuildContracts(), c => c.Id.Contains("EU6", StringComparison.Ordinal));

        var proxy = new GatewaySimulatorOptions { ProxyContractId = "CON.F.US.EU6.H26" }.BuildContracts()[^1];

        Assert.Equal(("CON.F.US.EU6.H26", "F.US.EU6", "Euro FX: March 2026", 0.00005m, 6.25m, true),
            (proxy.Id, proxy.SymbolId, proxy.Description, proxy.Spec.TickSize, proxy.Spec.TickValue, proxy.Active));
        Assert.Contains("contract 'CON.F.US.XX6.H26'", Assert.Single(new GatewaySimulatorOptions { ProxyContractId = "CON.F.US.XX6.H26" }.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Prices_follow_gold_to_the_quarter_power_on_the_proxy_tick_grid()
    {
        var proxy = new SyntheticProxy(SimContract.FromId("CON.F.US.EU6.H26"), 4000m);

        Assert.Equal(1.1000m, proxy.PriceAt(4000m));
        Assert.Equal(1.10275m, proxy.PriceAt(4040m)); // 1.1 × 1.01^0.25 = 1.102741… → 1.10275
        Assert.Equal(0m, proxy.PriceAt(3960m) % 0.00005m);
        Assert.True(proxy.PriceAt(3960m) < 1.1m);

        var tick = proxy.TickFor(new MarketTick("CON.F.US.MGC.G26", new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero), 4040m, 7, Gap: true, Aggressor: 0));
        Assert.Equal(("CON.F.US.EU6.H26", 1.10275m, 7L, true), (tick.ContractId, tick.Price, tick.Volume, tick.Gap));

        var bar = proxy.BarFor(new Bar(tick.Time, 4000m, 4040m, 3960m, 4040m, 12));
        Assert.Equal((1.1000m, 1.10275m, 1.10275m, 12L), (bar.Open, bar.High, bar.Close, bar.Volume));
        Assert.True(bar.Low < bar.Open);
    }
}
