using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.GatewaySimulator.Market;
using GoldBot.MarketData;
using GoldBot.Tests;
using GoldBot.Time;

namespace GoldBot.GatewaySimulator.Tests;

/// <summary>Step, paced and driven clocks: who moves market time, and what runs on which clock.</summary>
public sealed class ClockModeTests
{
    private static readonly IReadOnlyList<GoldBot.Market.Bar> File = BarCsvReader.Read(SharedData.MgcBars).Bars;
    private static readonly DateTimeOffset Start = File[500].OpenTime;
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Step_mode_moves_the_clock_to_each_point_and_to_the_bar_end_after_its_close()
    {
        await using var gw = await TestGateway.StartAsync();
        Assert.Equal((Start, 0.0), ((await gw.MarketTimeAsync()), (await gw.ClockAsync()).GetProperty("speed").GetDouble()));

        await gw.PostAsync("admin/advance?points=2", new { });
        Assert.Equal(Start + TimeSpan.FromSeconds(45), await gw.MarketTimeAsync());
        Assert.Equal(Start + TimeSpan.FromSeconds(90), gw.Handle.Gateway.NextPointTime);

        var after = await gw.PostAsync("admin/advance?points=2", new { });
        Assert.Equal(Start + Period, after.GetProperty("marketTime").GetDateTimeOffset());
        Assert.Equal(Start + Period, await gw.MarketTimeAsync());
    }

    [Fact]
    public async Task Step_mode_stamps_a_fill_by_the_close_with_the_bar_end()
    {
        await using var gw = await TestGateway.StartAsync();
        var k = Enumerable.Range(500, 100).First(i => PricePath.Of(File[i]).Second != File[i].Close);
        var bar = File[k];
        await gw.PostAsync($"admin/advance?points={(k - 500) * 4 + 3}", new { });
        var side = bar.Close > PricePath.Of(bar).Second ? 1 : 0; // a limit on the far side of the market that only the close reaches

        var id = (await gw.PlaceAsync(new { accountId = TestGateway.AccountId, contractId = TestGateway.Mgc, type = 1, side, size = 1, limitPrice = bar.Close })).GetProperty("orderId").GetInt64();
        Assert.Equal(1, (await gw.OrderAsync(id)).GetProperty("status").GetInt32());
        await gw.PostAsync("admin/advance?points=1", new { });

        var trade = (await gw.StateAsync()).GetProperty("trades").EnumerateArray().Single(t => t.GetProperty("orderId").GetInt64() == id);
        Assert.Equal((bar.Close, bar.OpenTime + Period), (trade.GetProperty("price").GetDecimal(), trade.GetProperty("creationTimestamp").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Paced_mode_moves_market_time_continuously_at_speed_times_wall_time_and_plays_points_as_it_reaches_them()
    {
        var wall = new ReplayClock(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
        await using var gw = await TestGateway.StartAsync(o => (o.WallClock, o.Speed) = (wall, 60));
        var path = PricePath.Of(File[500]);
        Assert.Equal(60.0, (await gw.ClockAsync()).GetProperty("speed").GetDouble());

        wall.AdvanceTo(wall.GetUtcNow() + TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () => await gw.MarketTimeAsync() == Start + TimeSpan.FromSeconds(60), "market time start + 60 s");
        var state = await gw.StateAsync();
        Assert.Equal(path.First, state.GetProperty("lastPrice").GetDecimal()); // points at 0 s and 45 s played, 90 s not yet
        Assert.Equal(Start + TimeSpan.FromSeconds(90), gw.Handle.Gateway.NextPointTime);

        // One pacing step later market time has moved by 15 ms × 60 = 0.9 s: smoothly, not in 45-second jumps.
        wall.AdvanceTo(wall.GetUtcNow() + ReplayPump.Step);
        await Eventually.TrueAsync(async () => await gw.MarketTimeAsync() == Start + TimeSpan.FromSeconds(60.9), "market time start + 60.9 s");
        Assert.Equal(path.First, (await gw.StateAsync()).GetProperty("lastPrice").GetDecimal());

        wall.AdvanceTo(wall.GetUtcNow() + TimeSpan.FromSeconds(2.1));
        await Eventually.TrueAsync(async () => await gw.MarketTimeAsync() == Start + TimeSpan.FromSeconds(186.9), "market time start + 186.9 s");
        Assert.Equal(File[501].Open, (await gw.StateAsync()).GetProperty("lastPrice").GetDecimal());
    }

    [Fact]
    public void Paced_market_time_is_start_plus_wall_elapsed_times_speed()
    {
        Assert.Equal(Start + TimeSpan.FromMinutes(3), ReplayPump.MarketTimeAt(Start, TimeSpan.FromSeconds(3), 60));
        Assert.Equal(Start + TimeSpan.FromSeconds(0.75), ReplayPump.MarketTimeAt(Start, TimeSpan.FromSeconds(1.5), 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReplayPump.MarketTimeAt(Start, TimeSpan.FromSeconds(1), 0));
    }

    [Fact]
    public async Task Driven_mode_plays_points_up_to_the_given_time_without_moving_the_drivers_clock()
    {
        var clock = new ReplayClock(Start);
        await using var gw = await TestGateway.StartAsync(o => o.DrivenClock = clock);
        var sim = gw.Handle.Gateway;
        await using var hub = await gw.HubAsync("market");
        await hub.InvokeAsync("SubscribeContractTrades", TestGateway.Mgc);
        Assert.Equal(Start, sim.NextPointTime);

        Assert.Equal(1, await sim.PlayUntilAsync(Start, CancellationToken.None));
        Assert.Equal(File[500].Open, (await hub.NextAsync()).Arguments[1][0].GetProperty("price").GetDecimal());
        Assert.Equal(Start + TimeSpan.FromSeconds(45), sim.NextPointTime);
        Assert.Equal(0, await sim.PlayUntilAsync(Start + TimeSpan.FromSeconds(44), CancellationToken.None));

        clock.AdvanceTo(Start + TimeSpan.FromSeconds(30));
        Assert.Equal(4, await sim.PlayUntilAsync(Start + Period, CancellationToken.None)); // 45, 90, 135 s and the next bar's open
        Assert.Equal(Start + TimeSpan.FromSeconds(30), clock.GetUtcNow());
        var clockJson = await gw.ClockAsync();
        Assert.Equal((Start + TimeSpan.FromSeconds(30), 0.0), (clockJson.GetProperty("marketTime").GetDateTimeOffset(), clockJson.GetProperty("speed").GetDouble()));
        Assert.Equal(Start + Period + TimeSpan.FromSeconds(45), sim.NextPointTime);
        var prices = (await hub.NextAsync(4)).Select(e => e.Arguments[1][0].GetProperty("price").GetDecimal()).ToArray();
        Assert.Equal([PricePath.Of(File[500]).First, PricePath.Of(File[500]).Second, File[500].Close, File[501].Open], prices);
    }

    [Fact]
    public async Task Driven_mode_refuses_admin_advance_and_step_calls()
    {
        await using var gw = await TestGateway.StartAsync(o => o.DrivenClock = new ReplayClock(Start));
        using var refused = await gw.Http.PostAsync("admin/advance?bars=1", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => gw.Handle.Gateway.AdvancePointsAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Play_until_is_refused_outside_driven_mode()
    {
        await using var gw = await TestGateway.StartAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => gw.Handle.Gateway.PlayUntilAsync(Start, CancellationToken.None));
    }

    [Fact]
    public async Task A_driven_clock_with_a_speed_is_a_configuration_problem()
    {
        var e = await Assert.ThrowsAsync<GatewaySimulatorConfigException>(() => TestGateway.StartAsync(o => (o.DrivenClock, o.Speed) = (new ReplayClock(Start), 10)));
        Assert.Contains(e.Problems, p => p.StartsWith("Speed:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_driven_mode_tokens_expire_on_the_driven_clock()
    {
        var clock = new ReplayClock(Start);
        await using var gw = await TestGateway.StartAsync(o => o.DrivenClock = clock);
        using (var ok = await gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true }))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        clock.AdvanceTo(Start + TimeSpan.FromHours(24));

        using var expired = await gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true });
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task In_driven_mode_rate_limit_windows_slide_on_the_driven_clock()
    {
        var clock = new ReplayClock(Start);
        await using var gw = await TestGateway.StartAsync(o => (o.DrivenClock, o.RateLimitPermits, o.RateLimitWindow) = (clock, 3, TimeSpan.FromSeconds(60)));
        clock.AdvanceTo(Start + TimeSpan.FromSeconds(30)); // the login counted at Start
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var r = await gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true });
            statuses.Add(r.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        clock.AdvanceTo(Start + TimeSpan.FromSeconds(60)); // the login leaves the window
        using var again = await gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true });
        using var still = await gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true });
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (again.StatusCode, still.StatusCode));
        Assert.Equal(2, (await gw.StateAsync()).GetProperty("rateLimitRejections").GetInt64());
    }

    [Fact]
    public async Task In_driven_mode_hub_refusals_and_delays_run_on_the_driven_clock()
    {
        var clock = new ReplayClock(Start);
        await using var gw = await TestGateway.StartAsync(o => o.DrivenClock = clock);
        await gw.FaultAsync(new { refuseHubConnectionsSeconds = 120, delayMilliseconds = 2000, delayCount = 1 });
        Assert.Equal(503, await RawHubClient.ConnectStatusAsync(gw.Handle.BaseUrl, "hubs/user", gw.Token));

        var slow = gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true });
        await Eventually.TrueAsync(() => gw.Handle.Gateway.Activity.HeldRequests == 1, "the request to be held");
        Assert.Equal(Start + TimeSpan.FromSeconds(2), clock.NextDue);
        Assert.False(slow.IsCompleted);
        clock.AdvanceTo(Start + TimeSpan.FromSeconds(2));
        using (var answered = await slow)
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await Eventually.TrueAsync(() => gw.Handle.Gateway.Activity.HeldRequests == 0, "the hold to end");

        clock.AdvanceTo(Start + TimeSpan.FromSeconds(119));
        Assert.Equal(503, await RawHubClient.ConnectStatusAsync(gw.Handle.BaseUrl, "hubs/user", gw.Token));
        clock.AdvanceTo(Start + TimeSpan.FromSeconds(120));
        Assert.Equal(101, await RawHubClient.ConnectStatusAsync(gw.Handle.BaseUrl, "hubs/user", gw.Token));
    }

    [Fact]
    public async Task Broadcast_sync_reaches_both_hubs_after_everything_sent_before_and_every_send_is_counted()
    {
        var clock = new ReplayClock(Start);
        await using var gw = await TestGateway.StartAsync(o => (o.DrivenClock, o.PayloadShape) = (clock, PayloadShape.Documented));
        var sim = gw.Handle.Gateway;
        await using var market = await gw.HubAsync("market");
        await market.InvokeAsync("SubscribeContractTrades", TestGateway.Mgc);
        await using var user = await gw.HubAsync("user");
        await user.InvokeAsync("SubscribeOrders", TestGateway.AccountId);

        var before = sim.Activity.HubMessagesSent;
        await sim.PlayUntilAsync(Start, CancellationToken.None);
        Assert.Equal(before + 4, sim.Activity.HubMessagesSent); // trade, quote, two depth levels
        await gw.PlaceAsync(new { accountId = TestGateway.AccountId, contractId = TestGateway.Mgc, type = 1, side = 0, size = 1, limitPrice = 1000.0m });
        Assert.Equal(before + 5, sim.Activity.HubMessagesSent);
        await sim.BroadcastSyncAsync(42, CancellationToken.None);
        Assert.Equal(before + 7, sim.Activity.HubMessagesSent);

        Assert.Equal(["GatewayTrade", "SimulatorSync"], (await market.NextAsync(2)).Select(e => e.Target).ToArray());
        var userEvents = await user.NextAsync(2);
        Assert.Equal(["GatewayUserOrder", "SimulatorSync"], userEvents.Select(e => e.Target).ToArray());
        Assert.Equal(42, userEvents[1].Arguments[0].GetInt64());
        Assert.Equal(JsonValueKind.Number, userEvents[1].Arguments[0].ValueKind);
    }

    [Fact]
    public async Task Admin_state_reports_the_clock_mode_activity_and_seed()
    {
        await using var gw = await TestGateway.StartAsync(o => o.DrivenClock = new ReplayClock(Start));
        await gw.FaultAsync(new { seed = 1234 });

        var state = await gw.StateAsync();

        Assert.True(state.GetProperty("driven").GetBoolean());
        Assert.Equal(Start, state.GetProperty("nextPointTime").GetDateTimeOffset());
        Assert.Equal(0, state.GetProperty("activity").GetProperty("heldRequests").GetInt32());
        Assert.Equal(0, state.GetProperty("activity").GetProperty("delayedUserEventBatches").GetInt32());
        Assert.Equal(1234, state.GetProperty("faults").GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task Admin_clock_answers_iso_utc_market_time()
    {
        await using var gw = await TestGateway.StartAsync();
        var text = await gw.Http.GetStringAsync("admin/clock");
        Assert.Contains(Start.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "+00:00", text, StringComparison.Ordinal);
    }
}
