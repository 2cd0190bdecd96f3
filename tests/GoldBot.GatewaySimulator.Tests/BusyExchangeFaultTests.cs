using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.GatewaySimulator.Market;
using GoldBot.MarketData;
using GoldBot.Tests;
using GoldBot.Time;
using Microsoft.Extensions.Configuration;

namespace GoldBot.GatewaySimulator.Tests;

/// <summary>The faults that make the simulator behave like a busy exchange: each one on its own, on clocks the test moves.</summary>
public sealed class BusyExchangeFaultTests
{
    private static readonly IReadOnlyList<GoldBot.Market.Bar> File = BarCsvReader.Read(SharedData.MgcBars).Bars;
    private static readonly DateTimeOffset Start = File[500].OpenTime;
    private static readonly DateTimeOffset WallStart = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    private static readonly decimal Last = File[499].Close;
    private const int Account = TestGateway.AccountId;

    private static object Market(int side, int size = 1) => new { accountId = Account, contractId = TestGateway.Mgc, type = 2, side, size };

    private static object Limit(int side, decimal price, int size = 1) => new { accountId = Account, contractId = TestGateway.Mgc, type = 1, side, size, limitPrice = price };

    private static object Stop(int side, decimal price, int size = 1) => new { accountId = Account, contractId = TestGateway.Mgc, type = 4, side, size, stopPrice = price };

    private static object Close => new { accountId = Account, contractId = TestGateway.Mgc };

    private static long Id(JsonElement placed) => placed.GetProperty("orderId").GetInt64();

    private static (bool Success, int Code, string? Message) Envelope(JsonElement r) =>
        (r.GetProperty("success").GetBoolean(), r.GetProperty("errorCode").GetInt32(), r.GetProperty("errorMessage").GetString());

    private static (bool Success, int Code) Outcome(JsonElement r) => (r.GetProperty("success").GetBoolean(), r.GetProperty("errorCode").GetInt32());

    private static async Task<int> PositionAsync(TestGateway gw) =>
        (await gw.StateAsync()).GetProperty("positions").EnumerateArray().Sum(p => p.GetProperty("size").GetInt32() * (p.GetProperty("type").GetInt32() == 1 ? 1 : -1));

    private static async Task<RawHubClient> UserHubAsync(TestGateway gw)
    {
        var hub = await gw.HubAsync("user");
        await hub.InvokeAsync("SubscribeOrders", Account);
        await hub.InvokeAsync("SubscribeTrades", Account);
        return hub;
    }

    // (a)
    [Fact]
    public async Task Delayed_user_events_arrive_after_their_own_delay_on_the_clock_and_may_overtake_each_other()
    {
        static (int First, int Second) Delays(int seed)
        {
            var random = new Random(seed);
            return (random.Next(0, 1001), random.Next(0, 1001));
        }
        var seed = Enumerable.Range(0, 1000).First(s => Delays(s) is var d && d.Second > 0 && d.First > d.Second);
        var (first, second) = Delays(seed);
        var wall = new ReplayClock(WallStart);
        await using var gw = await TestGateway.StartAsync(o => (o.WallClock, o.PayloadShape) = (wall, PayloadShape.Documented));
        var sim = gw.Handle.Gateway;
        await using var hub = await UserHubAsync(gw);
        await gw.FaultAsync(new { seed, userEventDelay = new { minMilliseconds = 0, maxMilliseconds = 1000 } });

        var a = Id(await gw.PlaceAsync(Limit(0, Last - 1.0m)));
        var b = Id(await gw.PlaceAsync(Limit(0, Last - 2.0m)));
        Assert.Equal(1, (await gw.OrderAsync(a)).GetProperty("status").GetInt32()); // REST shows the order at once
        Assert.Equal(2, sim.Activity.DelayedUserEventBatches);
        await sim.BroadcastSyncAsync(1, CancellationToken.None);
        Assert.Equal("SimulatorSync", (await hub.NextAsync()).Target); // nothing delivered yet

        wall.AdvanceTo(WallStart + TimeSpan.FromMilliseconds(second));
        Assert.Equal(b, (await hub.NextAsync()).Arguments[0].GetProperty("id").GetInt64()); // the later change arrives first
        await Eventually.TrueAsync(() => sim.Activity.DelayedUserEventBatches == 1, "one batch left");
        await sim.BroadcastSyncAsync(2, CancellationToken.None);
        Assert.Equal("SimulatorSync", (await hub.NextAsync()).Target);

        wall.AdvanceTo(WallStart + TimeSpan.FromMilliseconds(first));
        Assert.Equal(a, (await hub.NextAsync()).Arguments[0].GetProperty("id").GetInt64());
        await Eventually.TrueAsync(() => sim.Activity.DelayedUserEventBatches == 0, "no batch left");
    }

    // (a) on the driven clock: a delayed batch is a timer the driver sees.
    [Fact]
    public async Task On_a_driven_clock_a_delayed_batch_is_due_at_its_delay()
    {
        var clock = new ReplayClock(Start);
        await using var gw = await TestGateway.StartAsync(o => o.DrivenClock = clock);
        await using var hub = await UserHubAsync(gw);
        await gw.FaultAsync(new { userEventDelay = new { minMilliseconds = 700, maxMilliseconds = 700 } });

        await gw.PlaceAsync(Limit(0, Last - 1.0m));

        Assert.Equal(Start + TimeSpan.FromMilliseconds(700), clock.NextDue);
        clock.AdvanceTo(Start + TimeSpan.FromMilliseconds(700));
        Assert.Equal("GatewayUserOrder", (await hub.NextAsync()).Target);
        Assert.Null(clock.NextDue);
    }

    // (b)
    [Fact]
    public async Task Order_and_trade_events_of_each_fill_come_in_the_order_the_seeded_coin_says()
    {
        static int[] Coins(int seed)
        {
            var random = new Random(seed);
            return [.. Enumerable.Range(0, 4).Select(_ => random.Next(2))];
        }
        var seed = Enumerable.Range(0, 1000).First(s => Coins(s).Distinct().Count() == 2);
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Documented);
        await using var hub = await UserHubAsync(gw);
        await gw.FaultAsync(new { seed, shuffleOrderAndTradeEvents = true });

        var tradeFirst = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            await gw.PlaceAsync(Market(i % 2));
            var events = await hub.NextAsync(3); // created, then the fill's order update and trade in either order
            Assert.Equal(("GatewayUserOrder", 1), (events[0].Target, events[0].Arguments[0].GetProperty("status").GetInt32()));
            tradeFirst.Add(events[1].Target == "GatewayUserTrade" ? 1 : 0);
        }

        Assert.Equal(Coins(seed), tradeFirst.ToArray());
    }

    // (c)
    [Fact]
    public async Task A_cancel_refused_as_filled_fills_the_order_first_and_answers_error_3()
    {
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Documented);
        await using var hub = await UserHubAsync(gw);
        var far = Id(await gw.PlaceAsync(Limit(0, Last - 1.0m)));
        var limit = Id(await gw.PlaceAsync(Limit(0, Last - 0.2m)));
        var stop = Id(await gw.PlaceAsync(Stop(1, Last - 0.1m)));
        await hub.NextAsync(3);
        await gw.FaultAsync(new { refuseNextCancelsAsFilled = 2 });

        // Ten ticks from the market the race cannot be lost: the cancel goes through and the fault stays armed.
        Assert.True(Envelope(await gw.CancelAsync(far)).Success);
        Assert.Equal(2, (await gw.StateAsync()).GetProperty("faults").GetProperty("refuseNextCancelsAsFilled").GetInt32());
        await hub.NextAsync(1);

        var refused = Envelope(await gw.CancelAsync(limit));
        Assert.Equal((false, 3), (refused.Success, refused.Code));
        Assert.Contains("filled", refused.Message, StringComparison.Ordinal);
        var order = await gw.OrderAsync(limit);
        Assert.Equal((2, 1, Last - 0.2m), (order.GetProperty("status").GetInt32(), order.GetProperty("fillVolume").GetInt32(), order.GetProperty("filledPrice").GetDecimal()));
        Assert.Equal(1, await PositionAsync(gw));
        Assert.Equal(["GatewayUserOrder", "GatewayUserTrade"], (await hub.NextAsync(2)).Select(e => e.Target).ToArray());

        // A cancel of an order that is not working answers as usual and leaves the count alone.
        Assert.Equal((false, 3), Outcome(await gw.CancelAsync(limit)));
        Assert.Equal(1, (await gw.StateAsync()).GetProperty("faults").GetProperty("refuseNextCancelsAsFilled").GetInt32());

        Assert.Equal((false, 3), Outcome(await gw.CancelAsync(stop)));
        Assert.Equal(Last - 0.1m, (await gw.OrderAsync(stop)).GetProperty("filledPrice").GetDecimal());
        Assert.Equal(0, await PositionAsync(gw));

        var later = Id(await gw.PlaceAsync(Limit(0, Last - 0.1m)));
        Assert.True(Envelope(await gw.CancelAsync(later)).Success);
        Assert.Equal(3, (await gw.OrderAsync(later)).GetProperty("status").GetInt32());
    }

    // (d)
    [Fact]
    public async Task Refused_modifies_answer_error_3_and_leave_the_order_unchanged()
    {
        await using var gw = await TestGateway.StartAsync();
        var id = Id(await gw.PlaceAsync(Limit(0, Last - 1.0m)));
        await gw.FaultAsync(new { refuseNextModifies = 1 });
        object Modify(decimal price) => new { accountId = Account, orderId = id, limitPrice = price };

        Assert.Equal((false, 3), Outcome(await gw.PostAsync("api/Order/modify", Modify(Last - 1.5m))));
        Assert.Equal(Last - 1.0m, (await gw.OrderAsync(id)).GetProperty("limitPrice").GetDecimal());
        Assert.True(Envelope(await gw.PostAsync("api/Order/modify", Modify(Last - 1.5m))).Success);
        Assert.Equal(Last - 1.5m, (await gw.OrderAsync(id)).GetProperty("limitPrice").GetDecimal());
    }

    // (d)
    [Fact]
    public async Task Refused_stop_placements_answer_error_2_without_an_order_and_other_types_pass()
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.FaultAsync(new { refuseNextStops = 1 });

        Assert.True(Envelope(await gw.PlaceAsync(Limit(0, Last - 1.0m))).Success);
        var refused = await gw.PlaceAsync(Stop(1, Last - 2.0m));
        Assert.Equal((false, 2), Outcome(refused));
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("orderId").ValueKind);
        Assert.Single((await gw.StateAsync()).GetProperty("orders").EnumerateArray());
        Assert.True(Envelope(await gw.PlaceAsync(Stop(1, Last - 2.0m))).Success);
    }

    // (d)
    [Fact]
    public async Task Refused_closes_answer_order_rejected_and_leave_the_position_open()
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.PlaceAsync(Market(0, 2));
        await gw.FaultAsync(new { refuseNextCloses = 1 });

        Assert.Equal((false, 5), Outcome(await gw.PostAsync("api/Position/closeContract", Close)));
        Assert.Equal(2, await PositionAsync(gw));
        Assert.True(Envelope(await gw.PostAsync("api/Position/closeContract", Close)).Success);
        Assert.Equal(0, await PositionAsync(gw));
    }

    // (e)
    [Fact]
    public async Task A_partial_fill_whose_remainder_is_cancelled_ends_cancelled_with_fill_volume_below_size()
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.FaultAsync(new { partialFillThenCancel = new { orders = 1, contracts = 2 } });

        var single = Id(await gw.PlaceAsync(Market(0, 1))); // one contract cannot be split: not counted
        var split = Id(await gw.PlaceAsync(Market(0, 3)));
        var whole = Id(await gw.PlaceAsync(Market(0, 3)));

        var s = await gw.OrderAsync(split);
        Assert.Equal((3, 2, 3), (s.GetProperty("status").GetInt32(), s.GetProperty("fillVolume").GetInt32(), s.GetProperty("size").GetInt32()));
        Assert.Equal(2, (await gw.OrderAsync(single)).GetProperty("status").GetInt32());
        Assert.Equal((2, 3), ((await gw.OrderAsync(whole)).GetProperty("status").GetInt32(), (await gw.OrderAsync(whole)).GetProperty("fillVolume").GetInt32()));
        Assert.Equal(1 + 2 + 3, await PositionAsync(gw));
        var trades = (await gw.StateAsync()).GetProperty("trades").EnumerateArray().Where(t => t.GetProperty("orderId").GetInt64() == split).ToList();
        Assert.Equal(2, Assert.Single(trades).GetProperty("size").GetInt32());
    }

    // (f)
    [Fact]
    public async Task A_held_answer_is_executed_at_once_and_answered_after_its_hold_on_the_driven_clock()
    {
        var clock = new ReplayClock(Start);
        await using var gw = await TestGateway.StartAsync(o => o.DrivenClock = clock);
        var sim = gw.Handle.Gateway;
        await gw.FaultAsync(new { holdResponses = new { count = 1, path = "/api/Order/place", milliseconds = 5000 } });

        using (var other = await gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true }))
            Assert.Equal(HttpStatusCode.OK, other.StatusCode); // another path is not held
        var pending = gw.PostRawAsync("api/Order/place", Market(0));
        await Eventually.TrueAsync(() => sim.Activity.HeldRequests == 1, "the answer to be held");

        Assert.Equal(1, await PositionAsync(gw)); // executed already
        Assert.Equal(Start + TimeSpan.FromSeconds(5), clock.NextDue);
        Assert.False(pending.IsCompleted);
        clock.AdvanceTo(Start + TimeSpan.FromSeconds(5));
        using var answer = await pending;
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(Envelope(body).Success);
        Assert.Equal((await gw.StateAsync()).GetProperty("orders")[0].GetProperty("id").GetInt64(), Id(body));
        await Eventually.TrueAsync(() => sim.Activity.HeldRequests == 0, "the hold to end");
    }

    // (f)
    [Fact]
    public async Task A_never_answered_request_is_executed_and_held_until_the_client_gives_up()
    {
        var clock = new ReplayClock(Start);
        await using var gw = await TestGateway.StartAsync(o => o.DrivenClock = clock);
        var sim = gw.Handle.Gateway;
        await gw.FaultAsync(new { holdResponses = new { count = 1 } });
        using var giveUp = new CancellationTokenSource();

        var pending = gw.Http.PostAsJsonAsync("api/Order/place", Market(0), giveUp.Token);
        await Eventually.TrueAsync(() => sim.Activity.HeldRequests == 1, "the answer to be held");
        Assert.Null(clock.NextDue); // no time ends it
        Assert.Equal(1, await PositionAsync(gw));
        giveUp.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await Eventually.TrueAsync(() => sim.Activity.HeldRequests == 0, "the server to notice the abort");
        using var next = await gw.PostRawAsync("api/Order/place", Market(1));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    // (g)
    [Fact]
    public async Task An_endpoint_burst_fails_that_path_for_n_requests()
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.FaultAsync(new { failEndpoint = new { path = "/api/Order/place", status = 503, count = 2 } });

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "api/Order/place", "api/Account/search", "api/Order/place", "api/Order/place" })
        {
            using var r = await gw.PostRawAsync(path, path.Contains("Order", StringComparison.Ordinal) ? Market(0) : new { onlyActiveAccounts = true });
            statuses.Add(r.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(1, await PositionAsync(gw)); // the failed requests were not executed
    }

    // (g)
    [Fact]
    public async Task An_executing_burst_runs_the_request_and_still_answers_500()
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.PlaceAsync(Market(0, 2));
        await gw.FaultAsync(new { failEndpoint = new { path = "/api/Position/closeContract", count = 1, execute = true } });

        using var failed = await gw.PostRawAsync("api/Position/closeContract", Close);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(await failed.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, await PositionAsync(gw));
    }

    // (g)
    [Fact]
    public async Task A_timed_burst_lasts_its_seconds_on_the_clock()
    {
        var wall = new ReplayClock(WallStart);
        await using var gw = await TestGateway.StartAsync(o => o.WallClock = wall);
        await gw.FaultAsync(new { failEndpoint = new { path = "/api/Order/searchOpen", seconds = 30 } });

        for (var i = 0; i < 3; i++)
        {
            using var failed = await gw.PostRawAsync("api/Order/searchOpen", new { accountId = Account });
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }
        wall.AdvanceTo(WallStart + TimeSpan.FromSeconds(30));
        using var served = await gw.PostRawAsync("api/Order/searchOpen", new { accountId = Account });
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    // (h)
    [Fact]
    public async Task A_quiet_market_consumes_its_points_silently_and_resumes_with_a_gap()
    {
        // A bar whose path visits its low first, below the previous close: a buy limit at the low is reached only inside the window.
        var k = Enumerable.Range(501, 2000).First(i => PricePath.Of(File[i]).First == File[i].Low && File[i].Low < File[i - 1].Close && File[i].Low < File[i].Open);
        var bar = File[k];
        var path = PricePath.Of(bar);
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Observed);
        await gw.AdvanceAsync(k - 500);
        await using var hub = await gw.HubAsync("market");
        await hub.InvokeAsync("SubscribeContractQuotes", TestGateway.Mgc);
        await hub.NextAsync(); // snapshot
        await hub.InvokeAsync("SubscribeContractTrades", TestGateway.Mgc);
        var limit = Id(await gw.PlaceAsync(Limit(0, bar.Low)));
        await gw.FaultAsync(new { quietMarket = new { from = bar.OpenTime, until = bar.OpenTime + TimeSpan.FromSeconds(90) } });

        await gw.PostAsync("admin/advance?points=3", new { });
        await gw.Handle.Gateway.BroadcastSyncAsync(7, CancellationToken.None);

        var events = await hub.UntilAsync(e => e.Target == "SimulatorSync");
        Assert.Equal(["GatewayTrade", "GatewayQuote", "SimulatorSync"], events.Select(e => e.Target).ToArray());
        Assert.Equal(path.Second, events[0].Arguments[1][0].GetProperty("price").GetDecimal());
        Assert.True(events[1].Arguments[1].TryGetProperty("lastPrice", out _)); // a gap: full quote
        Assert.Equal(1, (await gw.OrderAsync(limit)).GetProperty("status").GetInt32());
        Assert.Equal(bar.OpenTime + TimeSpan.FromSeconds(90), await gw.MarketTimeAsync());
    }

    // (h)
    [Fact]
    public async Task A_quiet_window_in_seconds_starts_at_the_market_clocks_time()
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.AdvanceAsync(1);
        var now = await gw.MarketTimeAsync();

        var quiet = (await gw.FaultAsync(new { quietMarket = new { seconds = 600 } })).GetProperty("faults").GetProperty("quietMarket");

        Assert.Equal((now, now + TimeSpan.FromMinutes(10)), (quiet.GetProperty("from").GetDateTimeOffset(), quiet.GetProperty("until").GetDateTimeOffset()));
        await using var hub = await gw.HubAsync("market");
        await hub.InvokeAsync("SubscribeContractTrades", TestGateway.Mgc);
        await gw.AdvanceAsync(4);
        await gw.Handle.Gateway.BroadcastSyncAsync(1, CancellationToken.None);
        var trades = (await hub.UntilAsync(e => e.Target == "SimulatorSync")).Where(e => e.Target == "GatewayTrade").ToList();

        var pointTimes = Enumerable.Range(0, 16).Select(i => File[501 + i / 4].OpenTime + Period * (i % 4) / 4).ToList();
        var audible = pointTimes.Where(t => t >= now + TimeSpan.FromMinutes(10)).ToList();
        Assert.InRange(audible.Count, 1, 15); // the window ends inside the four bars
        Assert.Equal(audible, trades.Select(e => e.Arguments[1][0].GetProperty("timestamp").GetDateTimeOffset()));
    }

    // (i)
    [Fact]
    public async Task A_close_drops_every_hub_connection_and_reconnects_are_refused_for_the_gap()
    {
        var wall = new ReplayClock(WallStart);
        await using var gw = await TestGateway.StartAsync(o => o.WallClock = wall);
        await gw.PlaceAsync(Market(0));
        await using var market = await gw.HubAsync("market");
        await using var user = await gw.HubAsync("user");
        await gw.FaultAsync(new { dropHubsOnClose = new { count = 1, refuseSeconds = 120 } });

        Assert.True(Envelope(await gw.PostAsync("api/Position/closeContract", Close)).Success);

        await market.Closed.WaitAsync(Eventually.Patience);
        await user.Closed.WaitAsync(Eventually.Patience);
        Assert.Equal(0, await PositionAsync(gw));
        Assert.Equal(503, await RawHubClient.ConnectStatusAsync(gw.Handle.BaseUrl, "hubs/user", gw.Token));
        wall.AdvanceTo(WallStart + TimeSpan.FromSeconds(119));
        Assert.Equal(503, await RawHubClient.ConnectStatusAsync(gw.Handle.BaseUrl, "hubs/user", gw.Token));
        wall.AdvanceTo(WallStart + TimeSpan.FromSeconds(120));
        await using var again = await gw.HubAsync("user");

        // Used up: the next close leaves the connection alone.
        await gw.PlaceAsync(Market(0));
        Assert.True(Envelope(await gw.PostAsync("api/Position/closeContract", Close)).Success);
        await again.InvokeAsync("SubscribeAccounts");
    }

    // (j)
    [Fact]
    public async Task Market_event_timestamps_are_shifted_by_the_offset()
    {
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Documented);
        await using var hub = await gw.HubAsync("market");
        await hub.InvokeAsync("SubscribeContractTrades", TestGateway.Mgc);
        await hub.InvokeAsync("SubscribeContractMarketDepth", TestGateway.Mgc);
        await gw.FaultAsync(new { marketTimestampOffsetMilliseconds = -1500 });
        await hub.InvokeAsync("SubscribeContractQuotes", TestGateway.Mgc);
        var snapshot = await hub.NextAsync();

        await gw.PostAsync("admin/advance?points=1", new { });
        var events = await hub.NextAsync(4);

        var shifted = Start - TimeSpan.FromMilliseconds(1500);
        Assert.Equal(shifted, snapshot.Arguments[1].GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(["GatewayTrade", "GatewayQuote", "GatewayDepth", "GatewayDepth"], events.Select(e => e.Target).ToArray());
        Assert.All(events, e => Assert.Equal(shifted, e.Arguments[1].GetProperty("timestamp").GetDateTimeOffset()));
        Assert.Equal(shifted, events[1].Arguments[1].GetProperty("lastUpdated").GetDateTimeOffset());
    }

    [Fact]
    public async Task Invalid_fault_requests_are_refused_with_every_problem()
    {
        await using var gw = await TestGateway.StartAsync();

        using var refused = await gw.Http.PostAsJsonAsync("admin/faults", new
        {
            userEventDelay = new { minMilliseconds = 50, maxMilliseconds = 10 },
            failEndpoint = new { path = "api/Order/place", status = 200 },
            refuseNextModifies = -1,
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(5, problems.Count); // delay range; path, status and count/seconds of the burst; the negative count
    }

    [Fact]
    public async Task Clearing_switches_the_new_faults_off()
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.FaultAsync(new
        {
            userEventDelay = new { minMilliseconds = 1, maxMilliseconds = 2 }, shuffleOrderAndTradeEvents = true, refuseNextCancelsAsFilled = 1,
            refuseNextModifies = 1, refuseNextStops = 1, refuseNextCloses = 1, partialFillThenCancel = new { orders = 1, contracts = 1 },
            holdResponses = new { count = 1, path = "/api/Trade/search" }, failEndpoint = new { path = "/api/Trade/search", count = 1 },
            quietMarket = new { seconds = 60 }, dropHubsOnClose = new { count = 1 }, marketTimestampOffsetMilliseconds = 10,
        });

        using var cleared = await gw.Http.DeleteAsync("admin/faults");
        var faults = (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("faults");

        foreach (var name in new[] { "userEventDelay", "partialFillThenCancel", "holdResponses", "failEndpoint", "quietMarket", "dropHubsOnClose" })
            Assert.Equal(JsonValueKind.Null, faults.GetProperty(name).ValueKind);
        foreach (var name in new[] { "refuseNextCancelsAsFilled", "refuseNextModifies", "refuseNextStops", "refuseNextCloses", "marketTimestampOffsetMilliseconds" })
            Assert.Equal(0, faults.GetProperty(name).GetInt32());
        Assert.False(faults.GetProperty("shuffleOrderAndTradeEvents").GetBoolean());
    }

    [Fact]
    public async Task The_new_faults_bind_from_configuration_and_apply_from_the_start()
    {
        const string Json = """
        { "GatewaySimulator": { "Faults": {
            "Seed": 7, "UserEventDelay": { "MinMilliseconds": 10, "MaxMilliseconds": 20 }, "ShuffleOrderAndTradeEvents": true,
            "RefuseNextCancelsAsFilled": 1, "RefuseNextModifies": 2, "RefuseNextStops": 1, "RefuseNextCloses": 4,
            "PartialFillThenCancel": { "Orders": 2, "Contracts": 3 },
            "HoldResponses": { "Count": 1, "Path": "/api/Order/place", "Milliseconds": 2500 },
            "FailEndpoint": { "Path": "/api/Order/cancel", "Status": 502, "Seconds": 30, "Execute": true },
            "QuietMarket": { "From": "2025-12-01T15:00:00Z", "Until": "2025-12-01T15:30:00Z" },
            "DropHubsOnClose": { "Count": 1, "RefuseSeconds": 120 }, "MarketTimestampOffsetMilliseconds": -250 } } }
        """;
        var options = new GatewaySimulatorOptions();
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build().GetSection(GatewaySimulatorOptions.Section).Bind(options);
        var f = options.Faults!;

        Assert.Equal((7, 10, 20, true), (f.Seed, f.UserEventDelay!.MinMilliseconds, f.UserEventDelay.MaxMilliseconds, f.ShuffleOrderAndTradeEvents));
        Assert.Equal((1, 2, 1, 4), (f.RefuseNextCancelsAsFilled, f.RefuseNextModifies, f.RefuseNextStops, f.RefuseNextCloses));
        Assert.Equal(new PartialFillThenCancel(2, 3), f.PartialFillThenCancel);
        Assert.Equal(new HoldResponses(1, "/api/Order/place", 2500), f.HoldResponses);
        Assert.Equal(new FailEndpoint("/api/Order/cancel", 502, null, 30, true), f.FailEndpoint);
        Assert.Equal(new QuietMarket(new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 12, 1, 15, 30, 0, TimeSpan.Zero)), f.QuietMarket);
        Assert.Equal((new HubDropOnClose(1, 120), -250), (f.DropHubsOnClose, f.MarketTimestampOffsetMilliseconds));
        Assert.DoesNotContain(options.Validate(), p => p.StartsWith("Faults", StringComparison.Ordinal));

        await using var gw = await TestGateway.StartAsync(o => o.Faults = new FaultRequest { RefuseNextStops = 1 });
        Assert.Equal((false, 2), Outcome(await gw.PlaceAsync(Stop(1, Last - 2.0m))));
    }

    private static readonly TimeSpan Period = TimeSpan.FromMinutes(3);
}
