namespace GoldBot.IntegrationTests;

/// <summary>
/// Paper mode takes its market data from the gateway (here the simulator standing in for TopstepX)
/// and fills locally: it trades the same setup and places nothing at the gateway.
/// </summary>
public sealed class PaperModeTests
{
    [Fact]
    public async Task Paper_mode_trades_on_gateway_data_and_places_no_order()
    {
        await using var rig = await SimRig.StartAsync(SimModeTradeTests.MarketStart, new Dictionary<string, string?> { ["Mode"] = "Paper" });

        await rig.PlayAsync(new DateTimeOffset(2025, 11, 26, 19, 15, 0, TimeSpan.Zero));

        var trade = Assert.Single(rig.ClosedTrades);
        Assert.Equal((new DateTimeOffset(2025, 11, 26, 16, 45, 0, TimeSpan.Zero), "short"), (trade.EntryTime, trade.Side));
        var account = await rig.AccountAsync();
        Assert.Empty(account.AllOrders);
        Assert.Equal(50_000m, account.Balance);
        Assert.Equal(0, await rig.StopAsync());
    }
}
