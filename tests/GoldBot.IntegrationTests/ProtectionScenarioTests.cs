using System.Globalization;
using System.Text.Json;
using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.GatewaySimulator.Market;
using GoldBot.Market;
using GoldBot.Monitoring;
using GoldBot.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GoldBot.IntegrationTests;

/// <summary>
/// The scenarios of issue 9 ("Positions that are always protected"), one test each, on the real daemon against the
/// gateway simulator (<see cref="SimRig"/>: real HTTP and SignalR on loopback, one virtual clock). The market is
/// 26 November 2025: short 3 at 16:45:00 UTC at 4202.00 (stop 4209.20, tp1 2 at 4194.80 filled 18:34:30, then the
/// stop of 1 at breakeven, filled 19:03:45), and short 3 at 19:15:00 at 4200.80 held to the 15:05 CT (21:05 UTC)
/// end-of-day flatten. Besides what each test asserts, the chaos campaign's invariants (<see cref="Chaos.AccountInvariants"/>:
/// no flip, no contract without a stop of its size for more than 2 s, no exit order on a flat account, flat by 15:10 CT…)
/// are judged from the simulator's account at every step and must hold throughout.
/// </summary>
public sealed class ProtectionScenarioTests
{
    private static readonly DateTimeOffset Entry = At(16, 45);
    private static readonly DateTimeOffset AfterFirstTrade = At(19, 10);

    /// <summary>The last price point before the entry's signal bar closes: faults for the entry's requests start here.</summary>
    private static readonly DateTimeOffset BeforeEntry = Entry.AddSeconds(-45);

    private static DateTimeOffset At(int hour, int minute, int second = 0) => new(2025, 11, 26, hour, minute, second, TimeSpan.Zero);

    private static Task<SimRig> StartAsync(IReadOnlyDictionary<string, string?>? settings = null,
        Action<GoldBot.GatewaySimulator.Hosting.GatewaySimulatorOptions>? simulator = null) =>
        SimRig.StartAsync(SimModeTradeTests.MarketStart, settings, simulator);

    /// <summary>Plays to <paramref name="until"/>, switching <paramref name="faults"/> on at their times.</summary>
    private static Task PlayAsync(SimRig rig, DateTimeOffset until, params (DateTimeOffset At, FaultRequest Fault)[] faults) =>
        rig.PlayAsync(until, async now =>
        {
            foreach (var (at, fault) in faults)
            {
                if (at == now)
                    await rig.FaultAsync(fault);
            }
        });

    /// <summary>The first trade as it goes without faults: short 3 at 16:45, tp1, breakeven stop, booked as the simulator's balance says.</summary>
    private static async Task AssertFirstTradeUndisturbedAsync(SimRig rig, AccountState start)
    {
        var trade = rig.ClosedTrades[0];
        Assert.Equal((Entry, "short", 3, 4202.00m, 4209.20m), (trade.EntryTime, trade.Side, trade.Size, trade.Entry, trade.Stop));
        Assert.Equal(["tp1", "breakeven_stop"], trade.Exits.Select(e => e.Reason));
        var end = await rig.AccountAsync();
        Assert.Equal(end.Balance - start.Balance, rig.ClosedTrades.Sum(t => t.PnL));
        Assert.True(end.EveryTagUsedOnce);
    }

    private static void AssertNoViolation(SimRig rig) =>
        Assert.True(rig.Violations.Count == 0, string.Join("\n", rig.Violations.Select(v => $"{v.Time:HH:mm:ss} {v.Kind}: {v.Detail}")));

    private static SimOrder WorkingStop(AccountState account) => Assert.Single(account.WorkingOrders, o => o.Type == OrderType.Stop);

    /// <summary>The status.json document as the status writer would write it now (it writes every 30 s of market time).</summary>
    private static StatusDocument Status(SimRig rig) =>
        rig.Services.GetServices<IHostedService>().OfType<StatusWriterService>().Single().Build(alive: true);

    // ---------------------------------------------------------------- "hold a live position it thinks was rejected"

    [Fact]
    public async Task An_entry_carried_out_but_answered_with_a_500_is_found_by_its_tag_protected_at_once_and_shown_in_status()
    {
        await using var rig = await StartAsync();
        var start = await rig.AccountAsync();
        StatusDocument? status = null;
        await rig.PlayAsync(At(19, 10), async now =>
        {
            if (now == BeforeEntry)
                await rig.FaultAsync(new FaultRequest { FailEndpoint = new FailEndpoint("/api/Order/place", 500, Count: 1, Execute: true) });
            if (now == Entry.AddSeconds(2))
            {
                Assert.Equal(3, WorkingStop(await rig.AccountAsync()).Size);
                status = Status(rig);
            }
        });

        await AssertFirstTradeUndisturbedAsync(rig, start);
        var position = Assert.Single(status!.ActivePositions);
        Assert.Equal(("short", 3, 4209.20m), (position.Side, position.Quantity, position.Stop));
        Assert.Contains("outcome unknown", rig.Log, StringComparison.Ordinal);
        AssertNoViolation(rig);
    }

    // ---------------------------------------------------------------- "leave contracts naked"

    [Fact]
    public async Task A_refused_stop_is_placed_again_within_the_grace_and_the_trade_goes_on()
    {
        await using var rig = await StartAsync();
        var start = await rig.AccountAsync();
        await PlayAsync(rig, AfterFirstTrade, (BeforeEntry, new FaultRequest { RefuseNextStops = 1 }));

        await AssertFirstTradeUndisturbedAsync(rig, start);
        // The refused stop never became an order; the one placed again a second later did, and was the trade's stop to the end.
        var stop = Assert.Single((await rig.AccountAsync()).AllOrders, o => o.Type == OrderType.Stop);
        Assert.EndsWith("-stop2", stop.CustomTag, StringComparison.Ordinal);
        Assert.Equal((Entry.AddSeconds(1), OrderStatus.Filled), (stop.CreationTimestamp, stop.Status));
        Assert.Contains("-stop rejected", rig.Log, StringComparison.Ordinal);
        AssertNoViolation(rig);
    }

    [Fact]
    public async Task A_stop_refused_for_longer_than_the_grace_flattens_the_position_after_2_s()
    {
        await using var rig = await StartAsync();
        await PlayAsync(rig, AfterFirstTrade, (BeforeEntry, new FaultRequest { RefuseNextStops = 10 }));

        var trade = rig.ClosedTrades[0];
        Assert.Equal((Entry, 3), (trade.EntryTime, trade.Size));
        Assert.Equal("protection_failure", Assert.Single(trade.Exits).Reason);
        Assert.Equal(Entry.AddSeconds(2), trade.ExitTime);
        Assert.Equal(1, rig.Executor.Protection.Violations);
        Assert.Contains("no full working stop for 2 s", rig.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_filled_1_of_3_with_the_rest_cancelled_is_protected_for_the_filled_contract()
    {
        await using var rig = await StartAsync();
        var start = await rig.AccountAsync();
        var checkedAtEntry = false;
        await rig.PlayAsync(AfterFirstTrade, async now =>
        {
            if (now == BeforeEntry)
                await rig.FaultAsync(new FaultRequest { PartialFillThenCancel = new PartialFillThenCancel(1, 1) });
            if (now == Entry)
            {
                checkedAtEntry = true;
                var account = await rig.AccountAsync();
                Assert.Equal(-1, account.Position);
                Assert.Equal(1, WorkingStop(account).Size);
                Assert.True(account.WorkingOrders.Where(o => o.Type == OrderType.Limit).Sum(o => o.Size) <= 1);
            }
        });

        Assert.True(checkedAtEntry);
        var trade = rig.ClosedTrades[0];
        Assert.Equal((Entry, 1), (trade.EntryTime, trade.Size));
        Assert.Equal((await rig.AccountAsync()).Balance - start.Balance, trade.PnL);
        AssertNoViolation(rig);
    }

    [Fact]
    public async Task An_entry_whose_answer_is_held_14_s_gets_its_stop_from_the_fill_event_at_once()
    {
        await using var rig = await StartAsync();
        var start = await rig.AccountAsync();
        var checkedStop = false;
        await rig.PlayAsync(AfterFirstTrade, async now =>
        {
            if (now == BeforeEntry)
                await rig.FaultAsync(new FaultRequest { HoldResponses = new HoldResponses(1, "/api/Order/place", 14_000) });
            if (now == Entry)
            {
                // The entry's answer is still held by the gateway; its fill event has arrived, and the stop with it.
                Assert.Equal(3, WorkingStop(await rig.AccountAsync()).Size);
                checkedStop = true;
            }
        });

        Assert.True(checkedStop);
        await AssertFirstTradeUndisturbedAsync(rig, start);
        AssertNoViolation(rig);
    }

    [Fact]
    public async Task Flatten_all_whose_closes_are_refused_keeps_the_stop_and_goes_out_with_a_market_order_of_the_position()
    {
        await using var rig = await StartAsync();
        var flattenAt = At(17, 0);
        DateTimeOffset? flatAt = null, startedAt = null;
        await rig.PlayAsync(At(17, 10), async now =>
        {
            if (now == flattenAt)
            {
                await rig.FaultAsync(new FaultRequest { RefuseNextCloses = 2 });
                rig.Control("FLATTEN_ALL.txt");
            }
            var account = await rig.AccountAsync();
            // The flatten has begun once the take-profits are gone (it cancels them as it sends the first close). When the
            // watcher sees the file depends on which of its scans (market clock, wall clock) comes first; this test is about
            // what follows.
            if (now >= flattenAt && !account.WorkingOrders.Any(o => o.Type == OrderType.Limit))
                startedAt ??= now;
            if (now > flattenAt && account.Position != 0)
                Assert.Equal(3, WorkingStop(account).Size); // the stop stays while the exit is refused
            if (now > flattenAt && account.Position == 0)
                flatAt ??= now;
        });

        var trade = Assert.Single(rig.ClosedTrades);
        Assert.Equal("flatten_all", Assert.Single(trade.Exits).Reason);
        // The first close is refused; the read begun after it still shows short 3, so a market order of 3 goes at once.
        Assert.InRange(flatAt!.Value - startedAt!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange(startedAt.Value - flattenAt, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(1, rig.Log.Split("(flatten_all) was refused").Length - 1);
        Assert.Contains("with a market order of 3: the close was refused", rig.Log, StringComparison.Ordinal);
        var end = await rig.AccountAsync();
        Assert.Empty(end.WorkingOrders);
        AssertNoViolation(rig);
    }

    [Fact]
    public async Task An_emergency_stop_whose_close_drops_the_hubs_is_verified_flat_through_rest_and_the_daemon_stops()
    {
        await using var rig = await StartAsync();
        await rig.PlayAsync(At(17, 5), async now =>
        {
            if (now == At(17, 0))
            {
                await rig.FaultAsync(new FaultRequest { DropHubsOnClose = new HubDropOnClose(1, 60) });
                rig.Control("EMERGENCY_STOP.txt");
            }
        });

        var end = await rig.AccountAsync();
        Assert.True(end.Position == 0, rig.Log);
        Assert.Empty(end.WorkingOrders);
        Assert.Equal(3, await rig.Run.DaemonEndedAsync()); // stopped by EMERGENCY_STOP.txt once flat
        Assert.Contains("Flatten (emergency_stop) complete: the broker shows no position and no working order", rig.Log, StringComparison.Ordinal);
        // The hubs drop right after the close's events are sent: the fill reaches the daemon by its event or, when the drop wins
        // the race, through REST; either way the flatten is declared complete only by a REST read showing the account flat.
        using var journal = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(Path.Combine(rig.Logs, "all_trades.jsonl"))));
        Assert.Equal("emergency_stop", journal.RootElement.GetProperty("exit_reason").GetString());
        AssertNoViolation(rig);
    }

    // ---------------------------------------------------------------- "lose a fill for good"

    [Fact]
    public async Task A_fill_whose_events_do_not_come_and_whose_first_read_fails_is_learned_within_seconds()
    {
        await using var rig = await StartAsync();
        var start = await rig.AccountAsync();
        DateTimeOffset? learnedAt = null;
        await rig.PlayAsync(AfterFirstTrade, async now =>
        {
            if (now == BeforeEntry)
            {
                // The user hub says nothing for a minute, and the first account read after the entry fails.
                await rig.FaultAsync(new FaultRequest
                {
                    UserEventDelay = new UserEventDelay(60_000, 60_000),
                    FailEndpoint = new FailEndpoint("/api/Position/searchOpen", 500, Count: 1),
                });
            }
            if (now == Entry.AddSeconds(5))
                await rig.FaultAsync(new FaultRequest { UserEventDelay = new UserEventDelay(0, 0) });
            if (learnedAt is null && rig.Position.Position == -3)
            {
                learnedAt = now;
                Assert.Equal(3, WorkingStop(await rig.AccountAsync()).Size);
                Assert.Equal(3, Assert.Single(Status(rig).ActivePositions).Quantity);
            }
        });

        Assert.InRange(learnedAt!.Value - Entry, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        await AssertFirstTradeUndisturbedAsync(rig, start); // the events arriving a minute later change nothing
        AssertNoViolation(rig);
    }

    // ---------------------------------------------------------------- "flip a position"

    [Fact]
    public async Task A_flatten_while_the_stop_fill_is_reported_late_closes_nothing_more()
    {
        await using var rig = await StartAsync();
        var start = await rig.AccountAsync();
        var flattened = false;
        await rig.PlayAsync(AfterFirstTrade, async now =>
        {
            if (now == At(19, 0))
                await rig.FaultAsync(new FaultRequest { UserEventDelay = new UserEventDelay(3_000, 3_000) });
            if (!flattened && now >= At(19, 3) && (await rig.AccountAsync()).Position == 0)
            {
                // The breakeven stop has just filled; the daemon has not heard of it when the operator flattens.
                Assert.Equal(-1, rig.Position.Position);
                rig.Control("FLATTEN_ALL.txt");
                flattened = true;
            }
        });

        Assert.True(flattened);
        await AssertFirstTradeUndisturbedAsync(rig, start);
        var end = await rig.AccountAsync();
        Assert.Equal(0, end.Position);
        Assert.Single(end.AllOrders, o => o.Type == OrderType.Market); // the entry: no order closed the position twice
        AssertNoViolation(rig);
    }

    [Fact]
    public async Task A_stop_resize_refused_after_tp1_is_repaired_by_cancel_and_replace()
    {
        await using var rig = await StartAsync();
        var start = await rig.AccountAsync();
        await PlayAsync(rig, AfterFirstTrade, (At(18, 34), new FaultRequest { RefuseNextModifies = 2 }));

        await AssertFirstTradeUndisturbedAsync(rig, start);
        var stops = (await rig.AccountAsync()).AllOrders.Where(o => o.Type == OrderType.Stop).ToList();
        Assert.Equal([(OrderStatus.Cancelled, 3), (OrderStatus.Filled, 1)], stops.Select(o => (o.Status, o.Size)));
        Assert.Equal(4202.00m, stops[1].StopPrice); // the replacement sits at breakeven
        Assert.Contains("cancelling and replacing it", rig.Log, StringComparison.Ordinal);
        AssertNoViolation(rig);
    }

    [Fact]
    public async Task A_target_whose_one_cancels_other_fails_once_is_cancelled_on_the_retry()
    {
        await using var rig = await StartAsync();
        var start = await rig.AccountAsync();
        await PlayAsync(rig, At(19, 14), (At(19, 3), new FaultRequest { FailEndpoint = new FailEndpoint("/api/Order/cancel", 500, Count: 1) }));

        await AssertFirstTradeUndisturbedAsync(rig, start);
        var end = await rig.AccountAsync();
        Assert.Equal(0, end.Position);
        Assert.Empty(end.WorkingOrders);
        Assert.Equal(OrderStatus.Cancelled, Assert.Single(end.AllOrders, o => o.CustomTag!.EndsWith("-tp2", StringComparison.Ordinal)).Status);
        AssertNoViolation(rig);
    }

    [Fact]
    public async Task A_restart_finding_a_3_lot_stop_on_a_1_lot_position_resizes_the_stop()
    {
        await using var rig = await StartAsync();
        await rig.PlayAsync(At(17, 0));
        await rig.StopAsync();
        // By hand on the platform while GoldBot is down: buy 2 of the short 3 back.
        await SimRig.PlaceAsync(rig.Run.Gateway, OrderSide.Bid, OrderType.Market, 2);
        var before = await rig.AccountAsync();
        Assert.Equal((-1, 3), (before.Position, WorkingStop(before).Size));

        await rig.RestartAsync();
        await rig.PlayAsync(At(17, 1));

        var after = await rig.AccountAsync();
        var stop = WorkingStop(after);
        Assert.Equal((-1, 1, 4209.20m), (after.Position, stop.Size, stop.StopPrice));
        Assert.Single(after.WorkingOrders); // the orphaned targets are cancelled
        Assert.Equal(-1, rig.Position.Position);
        AssertNoViolation(rig);
    }

    // ---------------------------------------------------------------- "miss the 15:10 CT deadline"

    [Fact]
    public async Task The_end_of_day_flatten_runs_on_the_clock_through_a_market_hub_outage_from_15_02_CT()
    {
        await using var rig = await StartAsync();
        await PlayAsync(rig, At(21, 12), (At(21, 2), new FaultRequest { DropHubConnections = true, RefuseHubConnectionsSeconds = 1_800 }));

        var trade = rig.ClosedTrades[1];
        Assert.Equal((At(19, 15), "eod_flatten"), (trade.EntryTime, trade.ExitReason));
        Assert.Equal(At(21, 5), trade.ExitTime); // 15:05 CT, with no print since 15:02 CT
        Assert.Equal(0, (await rig.AccountAsync()).Position);
        AssertNoViolation(rig);
    }

    [Fact]
    public async Task The_end_of_day_flatten_runs_on_the_clock_in_a_market_without_prints_and_retries_a_refused_close()
    {
        await using var rig = await StartAsync();
        await PlayAsync(rig, At(21, 12),
            (At(20, 55), new FaultRequest { QuietMarket = new QuietMarket(At(20, 55), At(21, 20)), RefuseNextCloses = 1 }));

        var trade = rig.ClosedTrades[1];
        Assert.Equal("eod_flatten", trade.ExitReason);
        Assert.Equal(At(21, 5), trade.ExitTime); // the close refused at 15:05:00 CT, a market order of the position at once
        Assert.Equal(0, (await rig.AccountAsync()).Position);
        AssertNoViolation(rig);
    }

    // ---------------------------------------------------------------- "die or mis-build on start and in the feed"

    [Fact]
    public async Task Hubs_refusing_connections_for_8_s_at_start_up_are_retried_and_the_day_trades_as_usual()
    {
        await using var rig = await StartAsync(simulator: o => o.Faults = new FaultRequest { RefuseHubConnectionsSeconds = 8 });
        var start = await rig.AccountAsync();
        await rig.PlayAsync(AfterFirstTrade);

        Assert.Null(rig.Run.ExitCode);
        await AssertFirstTradeUndisturbedAsync(rig, start);
        Assert.Contains("503", rig.Log, StringComparison.Ordinal);
        AssertNoViolation(rig);
    }

    private static List<Bar> FileBars(DateTimeOffset from, DateTimeOffset to) => [.. SimRig.Bars.Where(b => b.OpenTime >= from && b.OpenTime < to)];

    [Theory]
    [InlineData(3_000)]
    [InlineData(-3_000)]
    public async Task Prints_stamped_3_s_off_the_receivers_clock_build_exactly_the_exchanges_bars(int offsetMilliseconds)
    {
        await using var rig = await StartAsync(simulator: o => o.Faults = new FaultRequest { MarketTimestampOffsetMilliseconds = offsetMilliseconds });

        await rig.PlayAsync(At(17, 1));
        var seen = rig.BarsSeen;

        // Bars are cut by the prints' own time stamps: 20 bars, one per 3 minutes, none split or doubled. Stamped 3 s late,
        // every print stays in its bar; stamped 3 s early, each bar's opening print belongs to the bar before.
        var file = FileBars(At(16, 0), At(17, 3));
        var expected = offsetMilliseconds > 0 ? file[..^1] : [.. file.Zip(file.Skip(1), StampedEarly)];
        Assert.Equal(expected, seen);
    }

    /// <summary>
    /// The bar the simulator's prints of <paramref name="bar"/> (its four path points, <see cref="PricePath"/>) and of the
    /// next bar's opening print make when every print is stamped a few seconds early: points 1–3 of the bar, then the next open.
    /// </summary>
    private static Bar StampedEarly(Bar bar, Bar next)
    {
        decimal[] prices = [PricePath.At(bar, 1), PricePath.At(bar, 2), PricePath.At(bar, 3), PricePath.At(next, 0)];
        var quarter = bar.Volume / PricePath.PointsPerBar;
        var volume = bar.Volume - quarter + next.Volume / PricePath.PointsPerBar;
        return new Bar(bar.OpenTime, prices[0], prices.Max(), prices.Min(), prices[^1], volume);
    }

    [Fact]
    public async Task Bars_missed_in_a_ten_minute_market_hub_outage_are_backfilled_before_the_strategy_sees_the_next()
    {
        await using var rig = await StartAsync();
        var start = await rig.AccountAsync();

        await PlayAsync(rig, AfterFirstTrade, (At(16, 21), new FaultRequest { DropHubConnections = true, RefuseHubConnectionsSeconds = 600 }));

        Assert.Equal(FileBars(At(16, 0), AfterFirstTrade.AddMinutes(-3)), rig.BarsSeen);
        Assert.True(rig.BarSource.BarsBackfilled >= 3, rig.Log);
        await AssertFirstTradeUndisturbedAsync(rig, start);
    }

    [Fact]
    public async Task A_market_hub_that_goes_silent_while_connected_is_rebuilt_after_the_stale_threshold_and_its_bars_backfilled()
    {
        await using var rig = await StartAsync();
        var start = await rig.AccountAsync();
        await PlayAsync(rig, AfterFirstTrade, (At(16, 21), new FaultRequest { SilenceMarketHub = true }));

        // The last print reached the daemon at 16:21:00; more than 60 s later (TopstepX:StaleFeedSeconds) the hub is rebuilt,
        // once: at the first step of the rig past 16:22:00 (with nothing at stake it steps at the 45-second price points).
        var rebuilt = Assert.Single(rig.Log.Split('\n'), l => l.Contains("rebuilding the connection", StringComparison.Ordinal));
        Assert.InRange(DateTimeOffset.Parse(rebuilt[..20], CultureInfo.InvariantCulture), At(16, 22, 1), At(16, 22, 30));
        Assert.Equal(1, rig.Services.GetServices<IHostedService>().OfType<GoldBot.Gateway.MarketHubWatchdog>().Single().Rebuilds);
        using var status = JsonDocument.Parse(JsonSerializer.Serialize(Status(rig), MonitoringJson.Indented));
        var feed = status.RootElement.GetProperty("feed");
        Assert.Equal(("ok", true, 1), (feed.GetProperty("state").GetString(), feed.GetProperty("connected").GetBoolean(), feed.GetProperty("reconnects").GetInt32()));
        Assert.Equal(FileBars(At(16, 0), AfterFirstTrade.AddMinutes(-3)), rig.BarsSeen);
        await AssertFirstTradeUndisturbedAsync(rig, start);
        AssertNoViolation(rig);
    }

    [Fact]
    public async Task A_daemon_started_mid_bar_builds_the_bar_in_progress_from_history_and_prints()
    {
        await using var rig = await StartAsync();
        await rig.PlayAsync(At(16, 10));
        await rig.StopAsync();
        await rig.PlayAsync(At(16, 13, 50)); // the 16:12 bar has printed twice while the daemon is down
        await rig.RestartAsync();
        var before = rig.BarsSeen.Count;
        await rig.PlayAsync(At(16, 30, 1));

        var seen = rig.BarsSeen.Skip(before).ToList();

        // The 16:12 bar, in progress at the restart, is whole: its first two prints came from History, the rest from the hub.
        Assert.Contains(FileBars(At(16, 12), At(16, 15))[0], seen);
        Assert.Equal(FileBars(seen[0].OpenTime, At(16, 30)), seen);
    }

    // ---------------------------------------------------------------- "mis-price"

    [Fact]
    public async Task An_adopted_position_with_an_average_between_ticks_gets_its_stop_on_the_tick_grid_away_from_the_market()
    {
        await using var rig = await SimRig.StartAsync(SimModeTradeTests.MarketStart, prepare: async gateway =>
        {
            // Sold 2 by hand before GoldBot starts, filled a tick apart: the average is half a tick off the grid.
            await gateway.ExecuteAsync((engine, _) => (engine.PartialFillPieces, engine.PartialFillOrders, engine.PartialFillTicksApart) = (2, 1, 1), CancellationToken.None);
            await SimRig.PlaceAsync(gateway, OrderSide.Ask, OrderType.Market, 2);
        });
        await rig.PlayAsync(At(16, 0, 1));

        var account = await rig.AccountAsync();
        var average = account.Trades.Average(t => t.Price);
        Assert.NotEqual(0m, average % 0.1m);
        var stop = WorkingStop(account);
        Assert.Equal(0m, stop.StopPrice!.Value % 0.1m);
        Assert.Equal(Math.Ceiling((average + 100 * 0.1m) * 10) / 10, stop.StopPrice); // 100 ticks (Execution:AdoptStopTicks) above, rounded up
    }

    [Fact]
    public async Task An_entry_filled_in_pieces_at_three_prices_is_booked_and_bracketed_at_the_size_weighted_average()
    {
        await using var rig = await StartAsync();
        var start = await rig.AccountAsync();
        await PlayAsync(rig, AfterFirstTrade, (BeforeEntry, new FaultRequest { PartialFills = new PartialFills(3, 1, TicksApart: 1) }));

        var trade = rig.ClosedTrades[0];
        var fills = (await rig.AccountAsync()).Trades.Take(3).Select(t => t.Price).ToList();
        Assert.Equal([4202.00m, 4201.90m, 4201.80m], fills);
        Assert.Equal(4201.90m, trade.Entry);
        Assert.Equal(4209.10m, trade.Stop); // 72 ticks above the average
        Assert.Equal((await rig.AccountAsync()).Balance - start.Balance, trade.PnL);
        AssertNoViolation(rig);
    }
}
