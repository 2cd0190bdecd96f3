using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Faults;

namespace GoldBot.IntegrationTests;

/// <summary>
/// The faults that break other TopstepX bots, injected by the simulator while the daemon trades
/// the 26 November 2025 short of <see cref="SimModeTradeTests"/> (entry 16:45 UTC, first target
/// 18:33–18:36, breakeven stop 19:03–19:06).
/// </summary>
public sealed class SimModeFaultTests
{
    private static readonly DateTimeOffset Entry = new(2025, 11, 26, 16, 45, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2025, 11, 26, 19, 15, 0, TimeSpan.Zero);

    /// <summary>The last price point before the entry's signal bar closes: faults for the entry's requests are switched on here.</summary>
    private static readonly DateTimeOffset BeforeEntry = Entry.AddSeconds(-45);

    private static async Task<(TradeSummary Trade, AccountState Start, AccountState End)> TradeWithAsync(Func<SimRig, DateTimeOffset, Task> fault,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        await using var rig = await SimRig.StartAsync(SimModeTradeTests.MarketStart, settings);
        var start = await rig.AccountAsync();
        await rig.PlayAsync(End, time => fault(rig, time));
        var end = await rig.AccountAsync();
        var trade = Assert.Single(rig.ClosedTrades);
        Assert.Equal(0, await rig.StopAsync());
        Assert.Equal(0, rig.RateLimitRejections); // the client kept to the gateway's limits throughout
        return (new TradeSummary(trade.EntryTime, trade.Side, trade.Size, [.. trade.Exits.Select(e => e.Reason)], trade.PnL!.Value, rig.Log), start, end);
    }

    private sealed record TradeSummary(DateTimeOffset EntryTime, string Side, int Size, IReadOnlyList<string> Exits, decimal PnL, string Log);

    /// <summary>The trade of the fault-free run (short 3 at 16:45, first target, breakeven stop), booked as the simulator's account says, no order placed twice.</summary>
    private static void Undisturbed(TradeSummary trade, AccountState start, AccountState end)
    {
        Assert.Equal((Entry, "short", 3), (trade.EntryTime, trade.Side, trade.Size));
        Assert.Equal(["tp1", "breakeven_stop"], trade.Exits);
        Assert.Equal(end.Balance - start.Balance, trade.PnL);
        Assert.True(end.EveryTagUsedOnce);
    }

    [Fact]
    public async Task A_hub_drop_mid_trade_reconnects_resubscribes_reconciles_and_keeps_the_position_protected()
    {
        var dropped = false;
        var protectedAfterReconnect = false;
        var (trade, start, end) = await TradeWithAsync(async (rig, time) =>
        {
            if (time == new DateTimeOffset(2025, 11, 26, 18, 30, 0, TimeSpan.Zero))
            {
                // Both hubs drop and stay down for 5 minutes of market time: the first target's fill (18:33–18:36) happens unseen.
                await rig.FaultAsync(new FaultRequest { DropHubConnections = true, RefuseHubConnectionsSeconds = 300 });
                dropped = true;
                return;
            }
            if (dropped && !protectedAfterReconnect && time >= new DateTimeOffset(2025, 11, 26, 18, 36, 0, TimeSpan.Zero) && rig.Position.Position != 0)
            {
                var account = await rig.AccountAsync();
                var stop = Assert.Single(account.WorkingOrders, o => o.Type == OrderType.Stop);
                Assert.Equal(Math.Abs(account.Position), stop.Size);
                Assert.Equal(account.Position, rig.Position.Position); // the periodic reconciliation learned the unseen fill while the hubs were down
                protectedAfterReconnect = true;
            }
        });

        Assert.True(dropped);
        Assert.True(protectedAfterReconnect);
        Assert.Equal((Entry, "short"), (trade.EntryTime, trade.Side));
        Assert.Equal("tp1", trade.Exits[0]);
        Assert.Equal(end.Balance - start.Balance, trade.PnL);
        Assert.Equal(0, end.Position);
        Assert.Empty(end.WorkingOrders);
        Assert.True(end.EveryTagUsedOnce);
    }

    [Fact]
    public async Task Bursts_of_429_and_500_are_absorbed_and_the_trade_is_the_undisturbed_one()
    {
        var (trade, start, end) = await TradeWithAsync(async (rig, time) =>
        {
            // The entry's Order/place meets three 429s; the stop's move after the first target (18:34:30) meets two 500s.
            if (time == BeforeEntry)
                await rig.FaultAsync(new FaultRequest { FailEndpoint = new FailEndpoint("/api/Order/place", 429, Count: 3) });
            if (time == new DateTimeOffset(2025, 11, 26, 18, 34, 0, TimeSpan.Zero))
                await rig.FaultAsync(new FaultRequest { FailEndpoint = new FailEndpoint("/api/Order/modify", 500, Count: 2) });
        });

        Undisturbed(trade, start, end);
        Assert.Contains("HTTP 429", trade.Log, StringComparison.Ordinal);
        Assert.Contains("/api/Order/modify outcome unknown", trade.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_expiring_mid_run_is_renewed_and_trading_continues()
    {
        var (trade, start, end) = await TradeWithAsync(async (rig, time) =>
        {
            if (time == new DateTimeOffset(2025, 11, 26, 16, 30, 0, TimeSpan.Zero) || time == new DateTimeOffset(2025, 11, 26, 17, 30, 0, TimeSpan.Zero))
                await rig.FaultAsync(new FaultRequest { ExpireTokens = true });
        });

        Assert.Equal((Entry, "short"), (trade.EntryTime, trade.Side));
        Assert.Equal(["tp1", "breakeven_stop"], trade.Exits);
        Assert.Equal(end.Balance - start.Balance, trade.PnL);
    }

    [Fact]
    public async Task Duplicate_and_out_of_order_user_events_change_nothing()
    {
        var (trade, start, end) = await TradeWithAsync(async (rig, time) =>
        {
            if (time == SimModeTradeTests.MarketStart)
                await rig.FaultAsync(new FaultRequest { DuplicateUserEvents = true, OutOfOrderUserEvents = true });
        });

        Undisturbed(trade, start, end);
    }

    [Fact]
    public async Task A_partially_filled_entry_gets_its_bracket_once_it_is_complete()
    {
        var (trade, start, end) = await TradeWithAsync(async (rig, time) =>
        {
            if (time == BeforeEntry)
                await rig.FaultAsync(new FaultRequest { PartialFills = new PartialFills(3) });
        });

        Undisturbed(trade, start, end);
        Assert.Equal([1, 1, 1], end.Trades.Take(3).Select(t => t.Size)); // the entry filled in three pieces
    }

    [Fact]
    public async Task An_entry_executed_but_answered_after_the_timeout_is_found_by_its_tag_and_traded_never_doubled()
    {
        var (trade, start, end) = await TradeWithAsync(async (rig, time) =>
        {
            // The gateway places the entry but answers after 20 s; the client gives up after 1 s: the outcome is unknown.
            if (time == BeforeEntry)
                await rig.FaultAsync(new FaultRequest { HoldResponses = new HoldResponses(1, "/api/Order/place", 20_000) });
        }, new Dictionary<string, string?> { ["TopstepX:RequestTimeoutSeconds"] = "1" });

        Undisturbed(trade, start, end);
        Assert.Contains("outcome unknown", trade.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_that_never_reached_the_gateway_is_given_up_after_its_lookups_and_never_sent_again()
    {
        await using var rig = await SimRig.StartAsync(SimModeTradeTests.MarketStart, new Dictionary<string, string?> { ["TopstepX:RequestTimeoutSeconds"] = "1" });
        await rig.PlayAsync(End, async time =>
        {
            // The entry's Order/place gets HTTP 500 without being carried out: the client cannot know whether it was.
            if (time == BeforeEntry)
                await rig.FaultAsync(new FaultRequest { FailEndpoint = new FailEndpoint("/api/Order/place", 500, Count: 1) });
        });

        var end = await rig.AccountAsync();
        Assert.Empty(end.AllOrders);
        Assert.Empty(rig.ClosedTrades);
        Assert.Equal(0, rig.Position.Position);
        Assert.Contains("outcome unknown", rig.Log, StringComparison.Ordinal);
        Assert.Contains("was never placed", rig.Log, StringComparison.Ordinal);
        Assert.Equal(0, await rig.StopAsync());
    }
}
