using System.Text.Json;

namespace GoldBot.IntegrationTests;

/// <summary>
/// The dollar filter in sim mode (issue 12 §3): the simulator lists a Euro FX contract priced from the gold trades
/// (<c>GatewaySimulator:ProxyContractId</c>, <see cref="GoldBot.GatewaySimulator.Market.SyntheticProxy"/>), the daemon resolves
/// <c>Strategy:DollarFilter:ProxySymbol</c> 6E to it, warms the filter from both contracts' History, subscribes to its trades on the
/// market hub, and the proxy's bars reach the filter between the gold bars, over the real SignalR protocol on loopback, on one
/// virtual clock.
/// </summary>
public sealed class DollarFilterSimTests
{
    private const string Proxy = "CON.F.US.EU6.H26";

    private static Dictionary<string, string?> FilterOn(string mode = "Block") => new()
    {
        ["Strategy:DollarFilter:Mode"] = mode,
        ["Strategy:DollarFilter:ProxySymbol"] = "6E",
        ["Strategy:DollarFilter:Invert"] = "true",
        // The history before the market start is about 70 hours of gold: a window and an EMA it can fill.
        ["Strategy:DollarFilter:CorrelationWindowHours"] = "20",
        ["Strategy:DollarFilter:TrendEmaHours"] = "6",
    };

    [Fact]
    public async Task Proxy_bars_from_the_market_hub_reach_the_filter_and_status_json_shows_it_ready()
    {
        await using var rig = await SimRig.StartAsync(SimModeTradeTests.MarketStart, FilterOn(), simulator: o => o.ProxyContractId = Proxy);

        var end = new DateTimeOffset(2025, 11, 26, 19, 15, 0, TimeSpan.Zero);
        await rig.PlayAsync(end);
        Assert.Empty(rig.Violations);

        Assert.Equal(0, await rig.StopAsync());
        using var status = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(rig.Logs, "status.json")));
        var filter = status.RootElement.GetProperty("dollar_filter");
        Assert.Equal("block", filter.GetProperty("mode").GetString());
        Assert.Equal("6E " + Proxy, filter.GetProperty("proxy_symbol").GetString());
        Assert.True(filter.GetProperty("inverted").GetBoolean());
        Assert.Equal("ready", filter.GetProperty("status").GetString());
        Assert.False(filter.GetProperty("stale").GetBoolean());
        // 3 h 15 min of 3-minute proxy bars from the hub (the partial first one dropped, the one in progress not yet closed).
        Assert.InRange(filter.GetProperty("proxy_bars").GetInt64(), 60, 65);
        Assert.Equal(end.AddMinutes(-3), filter.GetProperty("last_proxy_bar_close").GetDateTimeOffset());
        // The synthetic euro rises with gold: read inverted, the dollar moves against gold.
        Assert.True(filter.GetProperty("correlation").GetDouble() < -0.9, filter.ToString());
        Assert.Contains("Dollar filter: first bar of proxy 6E " + Proxy, rig.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_against_the_dollar_is_refused_with_the_filters_reason_in_signals_log()
    {
        // The default window (120 h) and EMA (24 h), warmed from History: on 3 December 2025 the 17:00 UTC order-block long that the
        // default replay trades comes while gold sits below its level of the last day, so the synthetic dollar is up.
        await using var rig = await SimRig.StartAsync(new DateTimeOffset(2025, 12, 3, 16, 0, 0, TimeSpan.Zero), new Dictionary<string, string?>
        {
            ["Strategy:DollarFilter:Mode"] = "Block",
            ["Strategy:DollarFilter:ProxySymbol"] = "6E",
            ["Strategy:DollarFilter:Invert"] = "true",
        }, simulator: o => o.ProxyContractId = Proxy);

        await rig.PlayAsync(new DateTimeOffset(2025, 12, 3, 17, 30, 0, TimeSpan.Zero));

        var signals = await File.ReadAllLinesAsync(Path.Combine(rig.Logs, "signals.log"));
        // Both longs of that bar (scores 9 and 8; the replay with the filter off trades the second).
        var refused = signals.Where(l => l.StartsWith("2025-12-03T17:00:00Z | order_block long | score=", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, l => Assert.Contains("executed=false | reason=dollar filter: dollar up +", l, StringComparison.Ordinal));
        Assert.DoesNotContain(signals, l => l.Contains("executed=true", StringComparison.Ordinal));
        Assert.Empty(rig.ClosedTrades);
        Assert.Equal(0, rig.Position.Position);
        Assert.Empty(rig.Violations);
    }

    [Fact]
    public async Task A_proxy_the_gateway_does_not_list_stops_the_start_with_exit_code_2()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => SimRig.StartAsync(SimModeTradeTests.MarketStart, FilterOn()));

        Assert.Contains("exit 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("F.US.EU6", e.Message, StringComparison.Ordinal);
    }
}
