using System.Text.Json;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.GatewaySimulator.Market;
using GoldBot.MarketData;
using GoldBot.Tests;

namespace GoldBot.GatewaySimulator.Tests;

public sealed class HubTests
{
    private static readonly IReadOnlyList<GoldBot.Market.Bar> File = BarCsvReader.Read(SharedData.MgcBars).Bars;

    private static object MarketBuy(int size = 1) => new { accountId = 1001, contractId = TestGateway.Mgc, type = 2, side = 0, size };

    private static async Task<RawHubClient> UserHubAsync(TestGateway gw)
    {
        var hub = await gw.HubAsync("user");
        await hub.InvokeAsync("SubscribeAccounts");
        await hub.InvokeAsync("SubscribeOrders", 1001);
        await hub.InvokeAsync("SubscribePositions", 1001);
        await hub.InvokeAsync("SubscribeTrades", 1001);
        return hub;
    }

    [Fact]
    public async Task Market_trades_follow_the_bar_path_and_quotes_arrive_with_the_contract_id()
    {
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Documented);
        await using var hub = await gw.HubAsync("market");
        await hub.InvokeAsync("SubscribeContractTrades", TestGateway.Mgc);

        await gw.AdvanceAsync(1);

        var trades = await hub.NextAsync(4);
        Assert.All(trades, t => Assert.Equal(("GatewayTrade", TestGateway.Mgc), (t.Target, t.Arguments[0].GetString())));
        var bar = File[500];
        var path = PricePath.Of(bar);
        Assert.Equal([path.Open, path.First, path.Second, path.Close], trades.Select(t => t.Arguments[1].GetProperty("price").GetDecimal()).ToArray());
        Assert.Equal(bar.OpenTime, trades[0].Arguments[1].GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Object, trades[0].Arguments[1].ValueKind);
    }

    [Fact]
    public async Task Documented_quotes_are_full_and_sent_on_subscribe()
    {
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Documented);
        await using var hub = await gw.HubAsync("market");
        await hub.InvokeAsync("SubscribeContractQuotes", TestGateway.Mgc);

        var snapshot = await hub.NextAsync();
        Assert.Equal("GatewayQuote", snapshot.Target);
        var q = snapshot.Arguments[1];
        Assert.Equal(("F.US.MGC", File[499].Close, File[499].Close + 0.1m), (q.GetProperty("symbol").GetString(), q.GetProperty("lastPrice").GetDecimal(), q.GetProperty("bestAsk").GetDecimal()));

        await gw.AdvanceAsync(1);
        var quotes = await hub.NextAsync(4);
        Assert.All(quotes, e => Assert.True(e.Arguments[1].TryGetProperty("lastPrice", out _)));
        Assert.All(quotes, e => Assert.False(e.Arguments[1].TryGetProperty("contract", out _)));
        Assert.Equal(File[500].Close, quotes[3].Arguments[1].GetProperty("lastPrice").GetDecimal());
    }

    [Fact]
    public async Task Observed_market_shapes_partial_quotes_trade_arrays_and_depth_with_contract_id()
    {
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Observed);
        await using var hub = await gw.HubAsync("market");
        await hub.InvokeAsync("SubscribeContractQuotes", TestGateway.Mgc);
        await hub.NextAsync(); // snapshot
        await hub.InvokeAsync("SubscribeContractTrades", TestGateway.Mgc);
        await hub.InvokeAsync("SubscribeContractMarketDepth", TestGateway.Mgc);

        await gw.AdvanceAsync(1);
        var events = await hub.NextAsync(16);

        var trades = events.Where(e => e.Target == "GatewayTrade").Select(e => e.Arguments[1]).ToList();
        Assert.Equal(4, trades.Count);
        Assert.All(trades, t => Assert.Equal((JsonValueKind.Array, TestGateway.Mgc), (t.ValueKind, t[0].GetProperty("contractId").GetString())));
        var quotes = events.Where(e => e.Target == "GatewayQuote").Select(e => e.Arguments[1]).ToList();
        Assert.True(quotes[0].TryGetProperty("lastPrice", out _));
        Assert.All(quotes.Skip(1), q => Assert.Equal(["symbol", "bestBid", "bestAsk", "lastUpdated", "timestamp", "contract"], q.EnumerateObject().Select(p => p.Name).ToArray()));
        var depth = events.Where(e => e.Target == "GatewayDepth").Select(e => e.Arguments[1]).ToList();
        Assert.Equal(8, depth.Count);
        Assert.Equal([4, 3], depth.Take(2).Select(d => d.GetProperty("type").GetInt32()).ToArray());
        Assert.All(depth, d => Assert.Equal(TestGateway.Mgc, d.GetProperty("contractId").GetString()));
    }

    [Fact]
    public async Task Observed_user_events_are_wrapped_with_string_order_ids_and_a_close_is_size_0()
    {
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Observed);
        await using var hub = await UserHubAsync(gw);

        var placed = (await gw.PlaceAsync(MarketBuy())).GetProperty("orderId").GetInt64();
        var opened = await hub.UntilAsync(e => e.Target == "GatewayUserAccount");
        Assert.Equal(["GatewayUserOrder", "GatewayUserOrder", "GatewayUserTrade", "GatewayUserPosition", "GatewayUserAccount"], opened.Select(e => e.Target).ToArray());
        Assert.False(opened[0].Arguments[0].GetProperty("data").TryGetProperty("limitPrice", out _));
        var order = opened[1].Arguments[0];
        Assert.Equal(1, order.GetProperty("action").GetInt32());
        Assert.Equal((JsonValueKind.String, placed.ToString(System.Globalization.CultureInfo.InvariantCulture), 2),
            (order.GetProperty("data").GetProperty("id").ValueKind, order.GetProperty("data").GetProperty("id").GetString(), order.GetProperty("data").GetProperty("status").GetInt32()));
        var trade = opened[2].Arguments[0];
        Assert.Equal(0, trade.GetProperty("action").GetInt32());
        Assert.Equal((0.62m, 0m), (trade.GetProperty("data").GetProperty("fees").GetDecimal(), trade.GetProperty("data").GetProperty("commissions").GetDecimal()));
        Assert.Equal("MGCG6", opened[3].Arguments[0].GetProperty("data").GetProperty("contractDisplayName").GetString());

        await gw.PostAsync("api/Position/closeContract", new { accountId = 1001, contractId = TestGateway.Mgc });
        var closed = (await hub.UntilAsync(e => e.Target == "GatewayUserAccount")).Single(e => e.Target == "GatewayUserPosition").Arguments[0];
        Assert.Equal((2, 0, 0), (closed.GetProperty("action").GetInt32(), closed.GetProperty("data").GetProperty("type").GetInt32(), closed.GetProperty("data").GetProperty("size").GetInt32()));
    }

    [Fact]
    public async Task Documented_user_events_are_bare_entities_with_numeric_ids()
    {
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Documented);
        await using var hub = await UserHubAsync(gw);

        await gw.PlaceAsync(MarketBuy());
        var events = await hub.UntilAsync(e => e.Target == "GatewayUserAccount");

        var order = events[0].Arguments[0];
        Assert.False(order.TryGetProperty("action", out _));
        Assert.Equal(JsonValueKind.Number, order.GetProperty("id").ValueKind);
        Assert.False(events[2].Arguments[0].TryGetProperty("commissions", out _));
        Assert.Equal(50_000m - 0.62m, events[4].Arguments[0].GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task A_stop_filled_by_the_replay_is_announced_on_the_user_hub()
    {
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Documented);
        await using var hub = await UserHubAsync(gw);
        var stop = File[499].Close + 0.1m;
        var next = File.Skip(500).First(b => b.High >= stop);
        var bars = File.Skip(500).TakeWhile(b => b != next).Count() + 1;

        var id = (await gw.PlaceAsync(new { accountId = 1001, contractId = TestGateway.Mgc, type = 4, side = 0, size = 1, stopPrice = stop })).GetProperty("orderId").GetInt64();
        Assert.Equal(1, (await hub.NextAsync()).Arguments[0].GetProperty("status").GetInt32());
        await gw.AdvanceAsync(bars);

        var filled = (await hub.UntilAsync(e => e.Target == "GatewayUserAccount"))[0].Arguments[0];
        Assert.Equal((id, 2), (filled.GetProperty("id").GetInt64(), filled.GetProperty("status").GetInt32()));
        Assert.True(filled.GetProperty("filledPrice").GetDecimal() >= stop);
    }

    [Fact]
    public async Task Unsubscribing_stops_that_event_only()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var hub = await gw.HubAsync("market");
        await hub.InvokeAsync("SubscribeContractTrades", TestGateway.Mgc);
        await hub.InvokeAsync("SubscribeContractQuotes", TestGateway.Mgc);
        Assert.Equal("GatewayQuote", (await hub.NextAsync()).Target); // snapshot
        await gw.AdvanceAsync(1);
        Assert.Equal(["GatewayTrade", "GatewayQuote"], (await hub.NextAsync(2)).Select(e => e.Target).ToArray());
        await hub.NextAsync(6);

        await hub.InvokeAsync("UnsubscribeContractTrades", TestGateway.Mgc);
        await gw.AdvanceAsync(1);

        Assert.All(await hub.NextAsync(4), e => Assert.Equal("GatewayQuote", e.Target));
    }

    [Fact]
    public async Task Hubs_refuse_connections_without_a_valid_access_token()
    {
        await using var gw = await TestGateway.StartAsync();
        Assert.Equal(401, await RawHubClient.ConnectStatusAsync(gw.Handle.BaseUrl, "hubs/market", null));
        Assert.Equal(401, await RawHubClient.ConnectStatusAsync(gw.Handle.BaseUrl, "hubs/user", "not-a-token"));
        Assert.Equal(101, await RawHubClient.ConnectStatusAsync(gw.Handle.BaseUrl, "hubs/user", gw.Token));
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_contract_fails_the_invocation()
    {
        await using var gw = await TestGateway.StartAsync();
        await using var hub = await gw.HubAsync("market");
        await Assert.ThrowsAsync<InvalidOperationException>(() => hub.InvokeAsync("SubscribeContractQuotes", "CON.F.US.NOPE.Z25"));
    }
}
