using System.Text.Json;
using System.Text.Json.Nodes;
using GoldBot.Controls;
using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.MarketData;
using GoldBot.Tests;

namespace GoldBot.IntegrationTests;

/// <summary>
/// kill -9 (issue 10): the real daemon, a child process in sim mode against the gateway simulator in this process, is
/// killed with SIGKILL while it holds a position, and started again on the same folder. The kill falls at an exact step,
/// chosen by the simulator as a request arrives (dropped unexecuted, or executed with its answer lost), or once the
/// position is protected. The restart takes the folder's lock and the state store (both die with the process), resumes the
/// risk state the store committed, and leaves the account right: the position with exactly one working stop of its size,
/// or flat with no order working; nothing duplicated, nothing lost. The market stays still (step mode) unless the test
/// moves it, so what the daemons see does not depend on the machine's speed.
/// </summary>
public sealed class KillRestartTests
{
    private static readonly Lazy<BarFile> Bars = new(() => BarCsvReader.Read(SharedData.MgcBars));

    /// <summary>Where the first daemon dies.</summary>
    public enum KillPoint
    {
        /// <summary>The adopted position protected, nothing in flight.</summary>
        Protected,

        /// <summary>Sending the adopted position's stop, which never reaches the market.</summary>
        StopSentNotExecuted,

        /// <summary>Sending the stop, which the gateway places; the answer dies with the process.</summary>
        StopSentExecuted,

        /// <summary>FLATTEN_ALL.txt's close, which the gateway executes; the stop stays working on the flat account.</summary>
        CloseSentExecuted,

        /// <summary>FLATTEN_ALL.txt's close, which never reaches the market: the restart must finish the flatten.</summary>
        CloseSentNotExecuted,
    }

    [Theory]
    [InlineData(KillPoint.Protected)]
    [InlineData(KillPoint.StopSentNotExecuted)]
    [InlineData(KillPoint.StopSentExecuted)]
    [InlineData(KillPoint.CloseSentExecuted)]
    [InlineData(KillPoint.CloseSentNotExecuted)]
    public async Task A_daemon_killed_at_any_step_restarts_to_a_right_account_with_its_risk_state(KillPoint point)
    {
        DaemonProcess? first = null;
        var armed = point != KillPoint.Protected;
        var flattening = point is KillPoint.CloseSentExecuted or KillPoint.CloseSentNotExecuted;
        var index = Bars.Value.Bars.ToList().FindIndex(b => b.OpenTime == SimModeTradeTests.MarketStart);
        await using var simulator = await GatewaySimulatorHost.StartAsync(new GatewaySimulatorOptions
        {
            BarsFile = SharedData.MgcBars, Port = 0, Speed = 0, WarmupBars = index,
            RequestHook = (path, body) =>
            {
                var hit = point switch
                {
                    KillPoint.StopSentNotExecuted or KillPoint.StopSentExecuted => path == "/api/Order/place" && JsonNode.Parse(body)?["type"]?.GetValue<int>() == 4,
                    KillPoint.CloseSentExecuted or KillPoint.CloseSentNotExecuted => path == "/api/Position/closeContract",
                    _ => false,
                };
                if (!hit || !armed)
                    return false;
                armed = false;
                first!.KillNow();
                return point is KillPoint.StopSentNotExecuted or KillPoint.CloseSentNotExecuted;
            },
        }, CancellationToken.None);
        await SimRig.PlaceAsync(simulator.Gateway, OrderSide.Ask, OrderType.Market, 2); // short 2, sold by hand before GoldBot starts
        var folder = Directory.CreateTempSubdirectory("goldbot-kill-").FullName;
        var settings = new Dictionary<string, string> { ["TopstepX:SimulatorUrl"] = simulator.BaseUrl.ToString().TrimEnd('/') };

        using var http = new HttpClient { BaseAddress = simulator.BaseUrl };
        using (first = DaemonProcess.Start(folder, ["--mode", "sim"], settings))
        {
            if (point is KillPoint.Protected || flattening)
                await first.WaitUntilAsync("the position is protected", async () => Stops(await AccountAsync(simulator)) is [{ Size: 2 }]);
            if (point == KillPoint.Protected)
                first.KillNow();
            if (flattening)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, ControlFiles.FlattenAll), "");
                await MarketMovesUntilAsync(http, first, "FLATTEN_ALL.txt is acted on", () => Task.FromResult(!armed));
            }
            await first.WaitUntilAsync("the daemon is killed", () => Task.FromResult(!armed), exitIsFine: true);
            await first.WaitForExitAsync();
            Assert.Equal(137, first.ExitCode);
        }
        var held = await AccountAsync(simulator);
        File.Delete(Path.Combine(folder, "logs", "status.json")); // the killed daemon's last word: alive

        using var second = DaemonProcess.Start(folder, ["--mode", "sim"], settings);
        var flat = flattening; // FLATTEN_ALL.txt outlives the first daemon: the second finishes the flatten
        async Task<bool> Settled() => Status(second) is { } status && status.GetProperty("is_alive").GetBoolean()
            && status.GetProperty("protection") is { ValueKind: JsonValueKind.Object } protection
            && protection.GetProperty("state").GetString() == (flat ? "flat" : "protected")
            && (await AccountAsync(simulator)).WorkingOrders.Count == (flat ? 0 : 1)
            && (!flat || !File.Exists(Path.Combine(folder, ControlFiles.FlattenAll)));
        if (flattening)
            await MarketMovesUntilAsync(http, second, "the restart finishes the flatten", Settled);
        else
            await second.WaitUntilAsync("the restart protects the position", Settled);

        var after = await AccountAsync(simulator);
        Assert.Equal(flat ? 0 : -2, after.Position);
        if (!flat)
        {
            var stop = Assert.Single(after.WorkingOrders);
            Assert.Equal((OrderType.Stop, 2), (stop.Type, stop.Size));
            if (Stops(held) is [var kept])
                Assert.Equal(kept.Id, stop.Id); // the stop the first daemon placed is kept, not doubled
        }
        // Nothing duplicated: the one sale by hand, and one close at most (a close executed before the kill is not sent again).
        Assert.Single(after.AllOrders, o => o.Type == OrderType.Market && o.Side == OrderSide.Ask);
        Assert.Equal(flattening ? 1 : 0, after.AllOrders.Count(o => o.Type == OrderType.Market && o.Side == OrderSide.Bid));
        Assert.Contains("Risk state resumed", second.Log, StringComparison.Ordinal);
    }

    /// <summary>
    /// The outbox (issue 10 §1): the strategy's entry (the 16:45 short of <see cref="SimModeTradeTests"/>) was committed to the
    /// state store before it was sent, and the daemon dies as its <c>Order/place</c> arrives. The restart looks the entry up
    /// by its tag: executed, the position is the trade it was opening (its pattern and tag, its stop and targets); never
    /// executed, there is no trade and nothing is sent. The market is moved a bar at a time, each once the daemon has closed
    /// the bar before it (status.json's <c>last_bar_time</c>), so the daemon sees every bar however slow the machine.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_daemon_killed_as_its_entry_is_sent_restarts_with_the_trade_it_was_opening(bool executed)
    {
        DaemonProcess? first = null;
        string? entryTag = null;
        var index = Bars.Value.Bars.ToList().FindIndex(b => b.OpenTime == SimModeTradeTests.MarketStart);
        await using var simulator = await GatewaySimulatorHost.StartAsync(new GatewaySimulatorOptions
        {
            BarsFile = SharedData.MgcBars, Port = 0, Speed = 0, WarmupBars = index,
            RequestHook = (path, body) =>
            {
                if (entryTag is not null || path != "/api/Order/place" || JsonNode.Parse(body) is not { } order || order["type"]?.GetValue<int>() != 2)
                    return false;
                entryTag = order["customTag"]?.GetValue<string>() ?? "";
                first!.KillNow();
                return !executed;
            },
        }, CancellationToken.None);
        var folder = Directory.CreateTempSubdirectory("goldbot-kill-entry-").FullName;
        // A bar's four prints come at once in step mode: the market clock can be read before they arrive, and a bar can be closed
        // when the clock is already at the next one's end. Neither the feed nor the signal is ever "stale" here.
        var settings = new Dictionary<string, string>
        {
            ["TopstepX:SimulatorUrl"] = simulator.BaseUrl.ToString().TrimEnd('/'), ["TopstepX:StaleFeedSeconds"] = "3600", ["Risk:MaxSignalAgeSeconds"] = "3600",
        };

        using var http = new HttpClient { BaseAddress = simulator.BaseUrl };
        using (first = DaemonProcess.Start(folder, ["--mode", "sim"], settings))
        {
            // The first quote comes as the daemon subscribes to quotes, after trades: from then on no print is missed.
            await first.WaitUntilAsync("the daemon receives the market", () => Task.FromResult(Status(first) is { } s && s.GetProperty("is_alive").GetBoolean()
                && s.TryGetProperty("feed", out var feed) && feed.GetProperty("quote_age_ms").ValueKind == JsonValueKind.Number));
            for (var bar = index; entryTag is null; bar++)
            {
                Assert.True(bar < index + 30, "no entry by 17:30");
                (await http.PostAsync("/admin/advance?bars=1", null)).EnsureSuccessStatusCode();
                var closed = Bars.Value.Bars[bar].OpenTime; // the bar before it closes once the clock passes this one's open
                if (bar > index) // (the bar before the first is history)
                    await first.WaitUntilAsync($"the bar before {closed:HH:mm} is closed", () => Task.FromResult(entryTag is not null
                        || Status(first) is { } s && s.GetProperty("last_bar_time") is { ValueKind: JsonValueKind.String } t && t.GetDateTimeOffset() >= closed), exitIsFine: true);
            }
            await first.WaitForExitAsync();
            Assert.Equal(137, first.ExitCode);
        }
        Assert.StartsWith("gb", entryTag, StringComparison.Ordinal);
        if (executed)
        {
            // The simulator runs the request on its own thread after the hook: the entry must be at the exchange before the print
            // that fills it (on a loaded machine the test's next request could otherwise overtake it).
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (!(await AccountAsync(simulator)).AllOrders.Any(o => o.CustomTag == entryTag))
            {
                Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), "the entry the daemon sent never reached the simulator's book");
                await Task.Delay(50);
            }
        }
        (await http.PostAsync("/admin/advance?points=1", null)).EnsureSuccessStatusCode(); // the entry, if placed, fills at the next print
        Assert.Equal(executed ? -1 : 0, Math.Sign((await AccountAsync(simulator)).Position));
        File.Delete(Path.Combine(folder, "logs", "status.json"));

        using var second = DaemonProcess.Start(folder, ["--mode", "sim"], settings);
        await second.WaitUntilAsync("the restart settles", async () => second.Log.Contains(executed ? "resumed trade" : "never reached the broker", StringComparison.Ordinal)
            && Status(second) is { } status && status.GetProperty("is_alive").GetBoolean()
            && status.GetProperty("protection") is { ValueKind: JsonValueKind.Object } protection
            && protection.GetProperty("state").GetString() == (executed ? "protected" : "flat")
            && await AccountAsync(simulator) is var account && account.WorkingOrders.Where(o => o.Type == OrderType.Limit).Sum(o => o.Size) == -account.Position);

        var after = await AccountAsync(simulator);
        if (executed)
        {
            var size = -after.Position;
            Assert.True(size > 0);
            var stop = Assert.Single(after.WorkingOrders, o => o.Type == OrderType.Stop);
            Assert.Equal(size, stop.Size);
            Assert.Equal(size, after.WorkingOrders.Where(o => o.Type == OrderType.Limit).Sum(o => o.Size)); // the plan's targets, placed by the restart
            Assert.Contains($"resumed trade {entryTag}: short {size} order_block score 9", second.Log, StringComparison.Ordinal);
            Assert.DoesNotContain("adopted", second.Log, StringComparison.Ordinal);
            // The store attributes the entry's fill to the trade: signal → trade → order → fill.
            await second.SignalAndWaitAsync("TERM");
            using var store = GoldBot.State.StateStore.Open(Assert.Single(Directory.GetFiles(Path.Combine(folder, "state"), "account-*.db")), TimeProvider.System);
            var fill = Assert.Single(store.FillsOf(SimRig.AccountId, entryTag!));
            Assert.Equal(("entry", entryTag, GoldBot.Execution.OrderSide.Sell, size), (fill.Role, fill.Fill.Tag, fill.Fill.Side, fill.Fill.Quantity));
            Assert.Equal(after.Trades.Single().Id, fill.Fill.FillId);
        }
        else
        {
            Assert.Equal(0, after.Position);
            Assert.Empty(after.WorkingOrders);
            Assert.Contains($"the entry {entryTag} (short", second.Log, StringComparison.Ordinal);
            Assert.Contains("never reached the broker: no trade", second.Log, StringComparison.Ordinal);
        }
        Assert.Equal(executed ? 1 : 0, after.AllOrders.Count(o => o.Type == OrderType.Market)); // the entry once, never again
    }

    /// <summary>
    /// Moves the market a price point at a time (the daemon's timers run on its market clock, which it reads from the simulator
    /// every half second) until <paramref name="condition"/> holds.
    /// </summary>
    private static Task MarketMovesUntilAsync(HttpClient http, DaemonProcess daemon, string what, Func<Task<bool>> condition) =>
        daemon.WaitUntilAsync(what, async () =>
        {
            if (await condition())
                return true;
            (await http.PostAsync("/admin/advance?points=1", null)).EnsureSuccessStatusCode();
            await Task.Delay(600);
            return await condition();
        }, exitIsFine: true);

    /// <summary>status.json as the daemon last wrote it, or null while there is none (or it is being replaced).</summary>
    private static JsonElement? Status(DaemonProcess daemon)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(Path.Combine(daemon.Logs, "status.json"))).RootElement.Clone();
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    private static List<SimOrder> Stops(AccountState account) => [.. account.WorkingOrders.Where(o => o.Type == OrderType.Stop)];

    private static Task<AccountState> AccountAsync(GatewaySimulatorHandle simulator) => SimRig.AccountOf(simulator.Gateway);
}
