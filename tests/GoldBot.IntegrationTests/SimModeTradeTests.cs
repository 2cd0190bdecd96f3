using System.Text.Json;
using GoldBot.Execution;

namespace GoldBot.IntegrationTests;

/// <summary>
/// The daemon in Sim mode trades against the gateway simulator over real HTTP and SignalR on
/// loopback. The market starts on 26 November 2025 at 16:00 UTC; the history before it warms
/// the detector, and at the 16:45 close the strategy shorts the order block it also trades in
/// the default replay (score 9, stop 72 ticks), which reaches its first target and is stopped
/// out at breakeven.
/// </summary>
public sealed class SimModeTradeTests
{
    internal static readonly DateTimeOffset MarketStart = new(2025, 11, 26, 16, 0, 0, TimeSpan.Zero);

    /// <summary>Plays the market point by point until <paramref name="until"/>, letting the daemon handle each point.</summary>
    /// <param name="beforePoint">Called with each point's market time before it is played; returns false when the daemon cannot see that point's bar (a market-hub outage).</param>
    /// <param name="from">Open time of the next bar the market will play (default: the market's start).</param>
    internal static async Task PlayAsync(SimulatedMarket market, DaemonUnderTest daemon, DateTimeOffset until, Func<DateTimeOffset, Task<bool>>? beforePoint = null,
        DateTimeOffset? from = null, bool localFills = false)
    {
        var period = TimeSpan.FromMinutes(3);
        var bars = SimulatedMarket.Bars;
        var first = bars.ToList().FindIndex(b => b.OpenTime == (from ?? MarketStart));
        for (var point = 0; first + point / 4 < bars.Count; point++)
        {
            var bar = bars[first + point / 4];
            if (bar.OpenTime >= until)
                return;
            var visible = beforePoint is null || await beforePoint(bar.OpenTime + period * (point % 4) / 4);
            await market.AdvanceAsync();
            // The open print of a bar closes the previous bar in the daemon.
            var closes = visible && point % 4 == 0 && point > 0 ? bars[first + point / 4 - 1].OpenTime + period : (DateTimeOffset?)null;
            await daemon.SettleAsync(market, closes, localFills);
        }
    }

    [Fact]
    public async Task A_full_trade_entry_bracket_partial_exit_and_flat_matches_the_simulators_account()
    {
        await using var market = await SimulatedMarket.StartAsync(MarketStart);
        var start = await market.AccountAsync();
        await using var daemon = await DaemonUnderTest.StartAsync(market);

        await PlayAsync(market, daemon, new DateTimeOffset(2025, 11, 26, 19, 15, 0, TimeSpan.Zero));

        var trade = Assert.Single(daemon.ClosedTrades);
        Assert.Equal(("order_block", "short", 9, new DateTimeOffset(2025, 11, 26, 16, 45, 0, TimeSpan.Zero)),
            (trade.Pattern, trade.Side, trade.PatternScore, trade.EntryTime));
        Assert.Equal(["tp1", "breakeven_stop"], trade.Exits.Select(e => e.Reason));
        Assert.Equal(trade.Size, trade.Exits.Sum(e => e.Quantity));

        var end = await market.AccountAsync();
        Assert.Equal(0, end.Position);
        Assert.Empty(end.WorkingOrders);
        Assert.Equal(end.Balance - start.Balance, trade.PnL);
        Assert.Equal(end.Trades.Sum(t => t.Fees + t.Commissions), trade.Commission);
        Assert.Equal(end.Trades.Count, 1 + trade.Exits.Count);

        // The monitoring files agree with the simulator's account.
        using var status = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(daemon.Logs, "status.json")));
        var journal = JsonDocument.Parse((await File.ReadAllLinesAsync(Path.Combine(daemon.Logs, "all_trades.jsonl"))).Single());
        Assert.Equal(trade.PnL, journal.RootElement.GetProperty("pnl").GetDecimal());
        Assert.Equal(end.Balance, journal.RootElement.GetProperty("balance_after").GetDecimal());
        Assert.Equal(0, status.RootElement.GetProperty("account").GetProperty("open_positions").GetInt32());
        Assert.Equal(0, await daemon.StopAsync());
    }
}
