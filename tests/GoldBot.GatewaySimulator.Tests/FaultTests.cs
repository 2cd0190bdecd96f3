using System.Net;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.GatewaySimulator.Hosting;

namespace GoldBot.GatewaySimulator.Tests;

public sealed class FaultTests
{
    private static readonly object Accounts = new { onlyActiveAccounts = true };
    private static object MarketBuy(int size = 1) => new { accountId = 1001, contractId = TestGateway.Mgc, type = 2, side = 0, size };

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    public async Task Next_n_responses_fail_with_the_given_status_then_service_resumes(int status)
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.FaultAsync(new { failNextResponses = new { count = 2, status } });

        using var first = await gw.PostRawAsync("api/Account/search", Accounts);
        using var second = await gw.PostRawAsync("api/Order/searchOpen", new { accountId = 1001 });
        using var third = await gw.PostRawAsync("api/Account/search", Accounts);

        Assert.Equal([status, status, 200], new[] { (int)first.StatusCode, (int)second.StatusCode, (int)third.StatusCode });
    }

    [Fact]
    public async Task Slow_responses_run_past_a_client_timeout()
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.FaultAsync(new { delayMilliseconds = 30_000, delayCount = 1 });
        using var impatient = new HttpClient { BaseAddress = gw.Handle.BaseUrl, Timeout = TimeSpan.FromMilliseconds(300) };
        impatient.DefaultRequestHeaders.Authorization = gw.Http.DefaultRequestHeaders.Authorization;

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync("api/Account/search", System.Net.Http.Json.JsonContent.Create(Accounts)));
        using var after = await gw.PostRawAsync("api/Account/search", Accounts);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Expired_tokens_get_401_until_the_client_logs_in_again()
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.FaultAsync(new { expireTokens = true });

        using var refused = await gw.PostRawAsync("api/Account/search", Accounts);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(401, await RawHubClient.ConnectStatusAsync(gw.Handle.BaseUrl, "hubs/user", gw.Token));
        await gw.LoginAsync();
        using var accepted = await gw.PostRawAsync("api/Account/search", Accounts);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Next_order_is_rejected_with_the_given_code()
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.FaultAsync(new { rejectNextOrder = new { errorCode = 5, errorMessage = "Outside trading hours" } });

        var rejected = await gw.PlaceAsync(MarketBuy());
        var accepted = await gw.PlaceAsync(MarketBuy());

        Assert.Equal((false, 5, "Outside trading hours"), (rejected.GetProperty("success").GetBoolean(), rejected.GetProperty("errorCode").GetInt32(), rejected.GetProperty("errorMessage").GetString()));
        Assert.True(accepted.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Partial_fills_split_the_next_order_into_k_trades()
    {
        await using var gw = await TestGateway.StartAsync();
        await gw.FaultAsync(new { partialFills = new { pieces = 3, orders = 1 } });

        var id = (await gw.PlaceAsync(MarketBuy(4))).GetProperty("orderId").GetInt64();

        var trades = (await gw.StateAsync()).GetProperty("trades").EnumerateArray().Where(t => t.GetProperty("orderId").GetInt64() == id).ToList();
        Assert.Equal([2, 1, 1], trades.Select(t => t.GetProperty("size").GetInt32()).ToArray());
    }

    [Fact]
    public async Task Dropping_hub_connections_closes_them_and_refused_reconnects_get_503_until_the_window_ends()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var market = await gw.HubAsync("market");
        await using var user = await gw.HubAsync("user");
        await market.InvokeAsync("SubscribeContractTrades", TestGateway.Mgc);

        var dropped = await gw.FaultAsync(new { dropHubConnections = true, refuseHubConnectionsSeconds = 30 });

        Assert.Equal(2, dropped.GetProperty("dropped").GetInt32());
        await market.Closed.WaitAsync(Eventually.Patience);
        await user.Closed.WaitAsync(Eventually.Patience);
        Assert.Equal(503, await RawHubClient.ConnectStatusAsync(gw.Handle.BaseUrl, "hubs/market", gw.Token));
        gw.Wall.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(101, await RawHubClient.ConnectStatusAsync(gw.Handle.BaseUrl, "hubs/market", gw.Token));
    }

    [Fact]
    public async Task Duplicate_user_events_arrive_twice()
    {
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Documented);
        await using var hub = await gw.HubAsync("user");
        await hub.InvokeAsync("SubscribeOrders", 1001);
        await gw.FaultAsync(new { duplicateUserEvents = true });

        await gw.PlaceAsync(new { accountId = 1001, contractId = TestGateway.Mgc, type = 1, side = 0, size = 1, limitPrice = 1000.0m });
        var events = await hub.NextAsync(2);

        Assert.Equal(events[0].Arguments[0].GetRawText(), events[1].Arguments[0].GetRawText());
    }

    [Fact]
    public async Task Out_of_order_user_events_announce_the_fill_before_the_creation()
    {
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Documented);
        await using var hub = await gw.HubAsync("user");
        await hub.InvokeAsync("SubscribeOrders", 1001);
        await gw.FaultAsync(new { outOfOrderUserEvents = true });

        await gw.PlaceAsync(MarketBuy());
        var events = await hub.NextAsync(2);

        Assert.Equal([2, 1], events.Select(e => e.Arguments[0].GetProperty("status").GetInt32()).ToArray());
    }

    [Fact]
    public async Task Faults_can_be_configured_at_start_and_cleared()
    {
        await using var gw = await TestGateway.StartAsync(o => o.Faults = new FaultRequest { FailNextResponses = new FailResponses(5, 500) }, login: false);

        using var failed = await gw.PostRawAsync("api/Auth/loginKey", new { userName = "goldbot", apiKey = "sim-api-key" });
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        using var cleared = await gw.Http.DeleteAsync("admin/faults");
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        await gw.LoginAsync();
    }

    [Fact]
    public async Task A_missing_bars_file_and_other_problems_are_reported_together()
    {
        var options = new GatewaySimulatorOptions { BarsFile = "/nowhere/bars.csv", Port = 0 };
        var e = await Assert.ThrowsAsync<GatewaySimulatorConfigException>(() => GatewaySimulatorHost.StartAsync(options, CancellationToken.None));
        Assert.Contains("bars file not found: /nowhere/bars.csv", e.Message, StringComparison.Ordinal);

        var bad = new GatewaySimulatorOptions { Port = -1, Speed = -2, BarsContractId = "MGC" };
        var all = await Assert.ThrowsAsync<GatewaySimulatorConfigException>(() => GatewaySimulatorHost.StartAsync(bad, CancellationToken.None));
        Assert.Equal(3, all.Problems.Count);
    }
}
