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

    private static async Task<(TradeSummary Trade, AccountState Start, AccountState End)> TradeWithAsync(Func<SimulatedMarket, DaemonUnderTest, DateTimeOffset, Task<bool>> fault,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        await using var market = await SimulatedMarket.StartAsync(SimModeTradeTests.MarketStart);
        var start = await market.AccountAsync();
        await using var daemon = await DaemonUnderTest.StartAsync(market, overrides: settings);
        await SimModeTradeTests.PlayAsync(market, daemon, End, time => fault(market, daemon, time));
        var end = await market.AccountAsync();
        var trade = Assert.Single(daemon.ClosedTrades);
        Assert.Equal(0, await daemon.StopAsync());
        Assert.Equal(0, await market.RateLimitRejectionsAsync()); // the client kept to the gateway's limits throughout
        return (new TradeSummary(trade.EntryTime, trade.Side, trade.Size, [.. trade.Exits.Select(e => e.Reason)], trade.PnL!.Value, daemon.Errors), start, end);
    }

    private sealed record TradeSummary(DateTimeOffset EntryTime, string Side, int Size, IReadOnlyList<string> Exits, decimal PnL, string Errors);

    /// <summary>The trade of the fault-free run (short 3 at 16:45, first target, breakeven stop), booked as the simulator's account says, no order placed twice.</summary>
    private static void Undisturbed(TradeSummary trade, AccountState start, AccountState end)
    {
        Assert.Equal((Entry, "short", 3), (trade.EntryTime, trade.Side, trade.Size));
        Assert.Equal(["tp1", "breakeven_stop"], trade.Exits);
        Assert.Equal(end.Balance - start.Balance, trade.PnL);
        NoDuplicateOrders(end);
    }

    /// <summary>Every order tag is used once: no order was placed twice.</summary>
    private static void NoDuplicateOrders(AccountState account) =>
        Assert.Equal(account.AllOrders.Count, account.AllOrders.Select(o => o.CustomTag).Distinct().Count());

    [Fact]
    public async Task A_hub_drop_mid_trade_reconnects_resubscribes_reconciles_and_keeps_the_position_protected()
    {
        var dropped = false;
        var protectedAfterReconnect = false;
        var (trade, start, end) = await TradeWithAsync(async (market, daemon, time) =>
        {
            if (time == new DateTimeOffset(2025, 11, 26, 18, 30, 0, TimeSpan.Zero))
            {
                // Both hubs drop and stay down for 2 s of wall time: the first target's fill happens unseen.
                await market.FaultAsync(new FaultRequest { DropHubConnections = true, RefuseHubConnectionsSeconds = 2 });
                dropped = true;
                return false;
            }
            if (dropped && !protectedAfterReconnect && daemon.Position.Position != 0)
            {
                var account = await market.AccountAsync();
                var stop = Assert.Single(account.WorkingOrders, o => o.Type == OrderType.Stop);
                Assert.Equal(Math.Abs(account.Position), stop.Size);
                protectedAfterReconnect = true;
            }
            return !dropped || time >= new DateTimeOffset(2025, 11, 26, 18, 45, 0, TimeSpan.Zero);
        });

        Assert.True(dropped);
        Assert.Equal((Entry, "short"), (trade.EntryTime, trade.Side));
        Assert.Equal("tp1", trade.Exits[0]);
        Assert.Equal(end.Balance - start.Balance, trade.PnL);
        Assert.Equal(0, end.Position);
        Assert.Empty(end.WorkingOrders);
        NoDuplicateOrders(end);
    }

    [Fact]
    public async Task Bursts_of_429_and_500_are_absorbed_and_the_trade_is_the_undisturbed_one()
    {
        var (trade, start, end) = await TradeWithAsync(async (market, _, time) =>
        {
            // Before the entry order and before the first target (whose fill moves the stop by Order/modify).
            if (time == Entry)
                await market.FaultAsync(new FaultRequest { FailNextResponses = new FailResponses(3, 429) });
            if (time == new DateTimeOffset(2025, 11, 26, 18, 33, 0, TimeSpan.Zero))
                await market.FaultAsync(new FaultRequest { FailNextResponses = new FailResponses(2, 500) });
            return true;
        });

        Undisturbed(trade, start, end);
    }

    [Fact]
    public async Task A_token_expiring_mid_run_is_renewed_and_trading_continues()
    {
        var (trade, start, end) = await TradeWithAsync(async (market, _, time) =>
        {
            if (time == new DateTimeOffset(2025, 11, 26, 16, 30, 0, TimeSpan.Zero) || time == new DateTimeOffset(2025, 11, 26, 17, 30, 0, TimeSpan.Zero))
                await market.FaultAsync(new FaultRequest { ExpireTokens = true });
            return true;
        });

        Assert.Equal((Entry, "short"), (trade.EntryTime, trade.Side));
        Assert.Equal(["tp1", "breakeven_stop"], trade.Exits);
        Assert.Equal(end.Balance - start.Balance, trade.PnL);
    }

    [Fact]
    public async Task Duplicate_and_out_of_order_user_events_change_nothing()
    {
        var (trade, start, end) = await TradeWithAsync(async (market, _, time) =>
        {
            if (time == SimModeTradeTests.MarketStart)
                await market.FaultAsync(new FaultRequest { DuplicateUserEvents = true, OutOfOrderUserEvents = true });
            return true;
        });

        Undisturbed(trade, start, end);
    }

    [Fact]
    public async Task A_partially_filled_entry_gets_its_bracket_once_it_is_complete()
    {
        var (trade, start, end) = await TradeWithAsync(async (market, _, time) =>
        {
            if (time == Entry)
                await market.FaultAsync(new FaultRequest { PartialFills = new PartialFills(3) });
            return true;
        });

        Undisturbed(trade, start, end);
    }

    [Fact]
    public async Task An_entry_order_whose_answer_times_out_is_looked_up_by_its_tag_and_never_doubled()
    {
        var (trade, start, end) = await TradeWithAsync(async (market, _, time) =>
        {
            // The Order/place of the entry answers after 2.5 s; the client gives up after 1 s.
            if (time == Entry)
                await market.FaultAsync(new FaultRequest { DelayMilliseconds = 2500, DelayCount = 1 });
            return true;
        }, new Dictionary<string, string?> { ["TopstepX:RequestTimeoutSeconds"] = "1" });

        Undisturbed(trade, start, end);
    }
}
