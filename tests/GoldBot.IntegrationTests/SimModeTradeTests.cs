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

    [Fact]
    public async Task A_full_trade_entry_bracket_partial_exit_and_flat_matches_the_simulators_account()
    {
        await using var rig = await SimRig.StartAsync(MarketStart);
        var start = await rig.AccountAsync();

        await rig.PlayAsync(new DateTimeOffset(2025, 11, 26, 19, 15, 0, TimeSpan.Zero));

        var trade = Assert.Single(rig.ClosedTrades);
        Assert.Equal(("order_block", "short", 9, new DateTimeOffset(2025, 11, 26, 16, 45, 0, TimeSpan.Zero)),
            (trade.Pattern, trade.Side, trade.PatternScore, trade.EntryTime));
        Assert.Equal(["tp1", "breakeven_stop"], trade.Exits.Select(e => e.Reason));
        Assert.Equal(trade.Size, trade.Exits.Sum(e => e.Quantity));

        var end = await rig.AccountAsync();
        Assert.Equal(0, end.Position);
        Assert.Empty(end.WorkingOrders);
        Assert.Equal(end.Balance - start.Balance, trade.PnL);
        Assert.Equal(end.Trades.Sum(t => t.Fees + t.Commissions), trade.Commission);
        Assert.Equal(end.Trades.Count, 1 + trade.Exits.Count);
        Assert.True(rig.Executor.Protection.Violations == 0, rig.Executor.Protection.LastViolation); // nothing unexpected on the way

        // The monitoring files agree with the simulator's account (status.json as written at shutdown).
        Assert.Equal(0, await rig.StopAsync());
        using var status = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(rig.Logs, "status.json")));
        var journal = JsonDocument.Parse((await File.ReadAllLinesAsync(Path.Combine(rig.Logs, "all_trades.jsonl"))).Single());
        Assert.Equal(trade.PnL, journal.RootElement.GetProperty("pnl").GetDecimal());
        Assert.Equal(end.Balance, journal.RootElement.GetProperty("balance_after").GetDecimal());
        Assert.Equal(0, status.RootElement.GetProperty("account").GetProperty("open_positions").GetInt32());

        // The state store holds every fill of the account, each attributed to the trade and to what its order was for.
        using var store = GoldBot.State.StateStore.Open(Assert.Single(Directory.GetFiles(Path.Combine(rig.Run.Folder, "state"), "account-*.db")), TimeProvider.System);
        var fills = store.FillsOf(SimRig.AccountId, trade.Id);
        Assert.Equal(end.Trades.Select(t => t.Id).Order(), fills.Select(f => f.Fill.FillId).Order());
        Assert.Equal(["entry", "target", "stop"], fills.Select(f => f.Role).Distinct());
        Assert.All(fills, f => Assert.StartsWith(trade.Id, f.Fill.Tag, StringComparison.Ordinal));
    }
}
