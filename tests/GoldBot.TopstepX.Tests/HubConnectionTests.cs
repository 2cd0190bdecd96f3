using System.Text.Json.Nodes;
using System.Threading.Channels;
using GoldBot.TopstepX.Auth;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Realtime;
using GoldBot.TopstepX.Realtime.Events;
using GoldBot.TopstepX.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldBot.TopstepX.Tests;

/// <summary>
/// The hubs against a real Kestrel SignalR server on 127.0.0.1: the SignalR client connects over WebSockets
/// without negotiation with the current token in the query (never a header), events arrive in both shapes,
/// and after the server drops the connection the hub reconnects with the current token, resubscribes, then
/// reports <see cref="HubReconnected"/>.
/// </summary>
public sealed class HubConnectionTests
{
    private const string Mgc = "CON.F.US.MGC.Z26";

    private static TopstepXOptions Options(HubServer server) => ClientFixture.TestOptions() with
    {
        MarketHubUrl = server.MarketHub,
        UserHubUrl = server.UserHub,
        ReconnectDelays = [TimeSpan.Zero],
    };

    private static async Task<T> NextAsync<T>(ChannelReader<GatewayHubEvent> events)
        where T : GatewayHubEvent
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await events.ReadAsync(safety.Token) is T wanted)
                return wanted;
        }
    }

    [Fact]
    public void The_socket_address_carries_the_token_and_a_websocket_scheme()
    {
        var address = HubWebSocketFactory.AddressWithToken(new Uri("https://rtc.topstepx.com/hubs/market?access_token=old&x=1"), "a b+c");

        Assert.Equal("wss://rtc.topstepx.com/hubs/market?x=1&access_token=a%20b%2Bc", address.AbsoluteUri);
    }

    [Fact]
    public async Task Market_hub_receives_both_shapes_and_resubscribes_with_a_fresh_token_after_a_drop()
    {
        await using var server = await HubServer.StartAsync();
        var tokens = new SwitchableTokenSource("token-1");
        await using var hub = new MarketHub(Options(server), tokens, TimeProvider.System, NullLogger<MarketHub>.Instance);
        await hub.SubscribeAsync(Mgc);

        await hub.StartAsync();
        var first = await server.Recorder.NextAsync(3);

        Assert.Equal(HubConnectionState.Connected, hub.State);
        Assert.Equal(["SubscribeContractTrades", "SubscribeContractQuotes", "SubscribeContractMarketDepth"], first.Select(s => s.Method));
        Assert.All(first, s => Assert.Equal((Mgc, "token-1"), (s.Argument, s.Token)));

        await server.Market.Clients.All.SendAsync("GatewayQuote", Mgc, JsonNode.Parse("""{"symbol":"F.US.MGC","lastPrice":2650.1,"bestBid":2650.0,"bestAsk":2650.2,"volume":1500}"""));
        await server.Market.Clients.All.SendAsync("GatewayQuote", Mgc, JsonNode.Parse("""{"symbol":"F.US.MGC","bestBid":2650.1,"contract":"CON.F.US.MGC.Z26"}"""));
        await server.Market.Clients.All.SendAsync("GatewayTrade", Mgc, JsonNode.Parse("""[{"symbolId":"F.US.MGC","price":2650.1,"timestamp":"2026-08-19T20:51:30Z","type":0,"volume":2},{"symbolId":"F.US.MGC","price":2650.2,"timestamp":"2026-08-19T20:51:30Z","type":1,"volume":1}]"""));
        await server.Market.Clients.All.SendAsync("GatewayDepth", Mgc, JsonNode.Parse("""{"timestamp":"2026-08-19T20:51:31Z","type":4,"price":2650.0,"volume":7,"currentVolume":7}"""));

        await NextAsync<QuoteReceived>(hub.Events);
        var merged = await NextAsync<QuoteReceived>(hub.Events);
        Assert.Equal((Mgc, 2650.1m, 2650.1m, 2650.2m, 1500L), (merged.ContractId, merged.Quote.LastPrice!.Value, merged.Quote.BestBid!.Value, merged.Quote.BestAsk!.Value, merged.Quote.Volume!.Value));
        Assert.Equal((null, 2650.1m), (merged.Update.LastPrice, merged.Update.BestBid)); // the update as sent: no lastPrice in it
        var trades = await NextAsync<MarketTradesReceived>(hub.Events);
        Assert.Equal([TradeLogType.Buy, TradeLogType.Sell], trades.Trades.Select(t => t.Type));
        var depth = await NextAsync<DepthReceived>(hub.Events);
        Assert.Equal((DomType.BestBid, 7L), (Assert.Single(depth.Entries).Type, depth.Entries[0].Volume));

        tokens.Current = "token-2";
        server.Recorder.DropAll();

        var lost = await NextAsync<HubConnectionLost>(hub.Events);
        Assert.Equal("market", lost.Hub);
        await NextAsync<HubReconnected>(hub.Events);
        var again = await server.Recorder.NextAsync(3);
        Assert.All(again, s => Assert.Equal((Mgc, "token-2"), (s.Argument, s.Token)));

        await server.Market.Clients.All.SendAsync("GatewayQuote", Mgc, JsonNode.Parse("""{"symbol":"F.US.MGC","bestAsk":2650.3}"""));
        var after = await NextAsync<QuoteReceived>(hub.Events);
        Assert.Equal((2650.1m, 2650.3m), (after.Quote.BestBid!.Value, after.Quote.BestAsk!.Value));
    }

    [Fact]
    public async Task User_hub_unwraps_action_data_and_bare_events_and_survives_a_drop()
    {
        await using var server = await HubServer.StartAsync();
        var tokens = new SwitchableTokenSource("token-1");
        await using var hub = new UserHub(Options(server), tokens, TimeProvider.System, NullLogger<UserHub>.Instance);

        await hub.StartAsync();
        await hub.SubscribeAccountAsync(26282486);
        var first = await server.Recorder.NextAsync(4);

        Assert.Equal(["SubscribeAccounts", "SubscribeOrders", "SubscribePositions", "SubscribeTrades"], first.Select(s => s.Method));
        Assert.Equal("26282486", first[1].Argument);

        await server.User.Clients.All.SendAsync("GatewayUserOrder", JsonNode.Parse("""{"action":1,"data":{"id":"3425270858","accountId":26282486,"contractId":"CON.F.US.MGC.Z26","creationTimestamp":"2026-08-19T20:49:25Z","status":5,"type":2,"side":1,"size":1,"fillVolume":0,"customTag":"gb-1"}}"""));
        await server.User.Clients.All.SendAsync("GatewayUserPosition", JsonNode.Parse("""{"id":456,"accountId":26282486,"contractId":"CON.F.US.MGC.Z26","creationTimestamp":"2026-08-19T20:49:25Z","type":1,"size":2,"averagePrice":2650.1}"""));
        await server.User.Clients.All.SendAsync("GatewayUserTrade", JsonNode.Parse("""{"action":0,"data":{"id":3004518356,"accountId":26282486,"contractId":"CON.F.US.MGC.Z26","creationTimestamp":"2026-08-19T14:16:01Z","price":2650.1,"profitAndLoss":null,"fees":0.36,"commissions":0.25,"side":0,"size":2,"voided":false,"orderId":3423462488}}"""));
        await server.User.Clients.All.SendAsync("GatewayUserOrder", JsonNode.Parse("""{"action":1,"data":"garbage"}"""));
        await server.User.Clients.All.SendAsync("GatewayUserAccount", JsonNode.Parse("""{"action":1,"data":{"id":26282486,"name":"PRAC","balance":149848.64,"canTrade":true,"isVisible":true,"simulated":true}}"""));

        var order = await NextAsync<OrderUpdated>(hub.Events);
        Assert.Equal((1, 3425270858L, OrderStatus.Rejected), (order.Action!.Value, order.Order.Id, order.Order.Status));
        var position = await NextAsync<PositionUpdated>(hub.Events);
        Assert.Equal((null, PositionType.Long, 2), (position.Action, position.Position.Type, position.Position.Size));
        var trade = await NextAsync<UserTradeReceived>(hub.Events);
        Assert.Equal((3423462488L, 0.25m), (trade.Trade.OrderId, trade.Trade.Commissions!.Value));
        var rejected = await NextAsync<PayloadRejected>(hub.Events);
        Assert.Equal("GatewayUserOrder", rejected.Method);
        var account = await NextAsync<AccountUpdated>(hub.Events);
        Assert.Equal(149848.64m, account.Account.Balance);

        tokens.Current = "token-2";
        server.Recorder.DropAll();
        await NextAsync<HubReconnected>(hub.Events);
        var again = await server.Recorder.NextAsync(4);

        Assert.Equal(first.Select(s => (s.Method, s.Argument)), again.Select(s => (s.Method, s.Argument)));
        Assert.All(again, s => Assert.Equal("token-2", s.Token));
    }

    [Fact]
    public async Task A_refused_token_is_renewed_once_at_connect()
    {
        await using var server = await HubServer.StartAsync();
        var tokens = new SwitchableTokenSource("expired");
        var logger = new CapturingLogger<UserHub>();
        await using var hub = new UserHub(Options(server), tokens, TimeProvider.System, logger);
        await hub.SubscribeAccountAsync(7);

        await hub.StartAsync();
        var subscriptions = await server.Recorder.NextAsync(4);

        Assert.Equal(1, tokens.Renewals);
        Assert.All(subscriptions, s => Assert.Equal("renewed", s.Token));
        var attempts = await server.Gate.NextAsync(2);
        Assert.Equal([("expired", (int?)401), ("renewed", null)], attempts.Select(a => (a.Token, a.RefusedWith)));
        Assert.False(hub.Events.TryRead(out var unexpected), unexpected?.ToString());
        Assert.Contains(logger.Lines, l => l.Contains("HTTP 401", StringComparison.Ordinal));
        Assert.All(logger.Lines, l => Assert.False(l.Contains("expired", StringComparison.Ordinal) || l.Contains("renewed", StringComparison.Ordinal), l));
    }

    [Fact]
    public async Task The_token_travels_url_encoded_in_the_query_and_not_as_a_header()
    {
        await using var server = await HubServer.StartAsync();
        const string token = "eyJ a+b/c=&x=1";
        await using var hub = new MarketHub(Options(server), new SwitchableTokenSource(token), TimeProvider.System, NullLogger<MarketHub>.Instance);

        await hub.StartAsync();
        var attempt = Assert.Single(await server.Gate.NextAsync(1));

        Assert.Equal(("/hubs/market", token, (string?)null, (int?)null), (attempt.Path, attempt.Token, attempt.Authorization, attempt.RefusedWith));
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task A_reconnect_carries_the_token_the_provider_refreshed_since_the_last_connect()
    {
        await using var server = await HubServer.StartAsync();
        var time = new ManualTimeProvider();
        var validates = 0;
        using var tokens = new TokenProvider(
            _ => Task.FromResult(FakeJwt.Create(time.GetUtcNow().AddHours(2), "login")),
            (_, _) => Task.FromResult<string?>(FakeJwt.Create(time.GetUtcNow().AddHours(2), "validated-" + Interlocked.Increment(ref validates))),
            time,
            TimeSpan.FromMinutes(60),
            NullLogger.Instance);
        var loginToken = await tokens.GetTokenAsync(CancellationToken.None);
        await using var hub = new MarketHub(Options(server), tokens, time, NullLogger<MarketHub>.Instance);
        await hub.SubscribeAsync(Mgc, MarketSubscriptions.Quotes);
        await hub.StartAsync();
        Assert.Equal(loginToken, Assert.Single(await server.Gate.NextAsync(1)).Token);
        Assert.Equal(loginToken, Assert.Single(await server.Recorder.NextAsync(1)).Token);

        time.Advance(TimeSpan.FromMinutes(90));
        server.Recorder.DropAll();
        await NextAsync<HubReconnected>(hub.Events);

        var refreshed = await tokens.GetTokenAsync(CancellationToken.None);
        Assert.Equal(1, validates);
        Assert.Equal("validated-1", FakeJwt.Subject(refreshed));
        Assert.Equal(refreshed, Assert.Single(await server.Gate.NextAsync(1)).Token);
        var again = Assert.Single(await server.Recorder.NextAsync(1));
        Assert.Equal(("SubscribeContractQuotes", refreshed), (again.Method, again.Token));
    }

    [Fact]
    public async Task SimulatorSync_is_written_as_HubSync_in_order_with_the_other_events()
    {
        await using var server = await HubServer.StartAsync();
        var time = new ManualTimeProvider();
        await using var market = new MarketHub(Options(server), new SwitchableTokenSource("t"), time, NullLogger<MarketHub>.Instance);
        await using var user = new UserHub(Options(server), new SwitchableTokenSource("t"), time, NullLogger<UserHub>.Instance);
        await market.StartAsync();
        await user.StartAsync();

        await server.Market.Clients.All.SendAsync("GatewayQuote", Mgc, JsonNode.Parse("""{"symbol":"F.US.MGC","lastPrice":2650.1}"""));
        await server.Market.Clients.All.SendAsync("SimulatorSync", 41L);
        await server.Market.Clients.All.SendAsync("GatewayTrade", Mgc, JsonNode.Parse("""[{"symbolId":"F.US.MGC","price":2650.1,"timestamp":"2026-08-19T20:51:30Z","type":0,"volume":2}]"""));
        await server.Market.Clients.All.SendAsync("SimulatorSync", 42L);
        await server.User.Clients.All.SendAsync("GatewayUserAccount", JsonNode.Parse("""{"id":7,"name":"PRAC","balance":150000,"canTrade":true,"isVisible":true,"simulated":true}"""));
        await server.User.Clients.All.SendAsync("SimulatorSync", long.MaxValue);

        var marketEvents = new List<GatewayHubEvent>();
        for (var i = 0; i < 4; i++)
            marketEvents.Add(await NextAsync<GatewayHubEvent>(market.Events));
        Assert.Equal([typeof(QuoteReceived), typeof(HubSync), typeof(MarketTradesReceived), typeof(HubSync)], marketEvents.Select(e => e.GetType()));
        Assert.Equal([(41L, "market"), (42L, "market")], marketEvents.OfType<HubSync>().Select(s => (s.Sequence, s.Hub)));
        Assert.All(marketEvents.OfType<HubSync>(), s => Assert.Equal((time.GetUtcNow(), time.GetUtcNow()), (s.Time, s.ReceivedAt)));
        Assert.IsType<AccountUpdated>(await NextAsync<GatewayHubEvent>(user.Events));
        var userSync = Assert.IsType<HubSync>(await NextAsync<GatewayHubEvent>(user.Events));
        Assert.Equal((long.MaxValue, "user"), (userSync.Sequence, userSync.Hub));
    }

    [Fact]
    public async Task A_server_close_without_reconnect_is_restarted_with_a_fresh_token()
    {
        await using var server = await HubServer.StartAsync();
        var tokens = new SwitchableTokenSource("token-1");
        await using var hub = new MarketHub(Options(server), tokens, TimeProvider.System, NullLogger<MarketHub>.Instance);
        await hub.SubscribeAsync(Mgc, MarketSubscriptions.Quotes);
        await hub.StartAsync();
        Assert.Equal("token-1", Assert.Single(await server.Recorder.NextAsync(1)).Token);

        tokens.Current = "token-2";
        server.Recorder.CloseAll();

        Assert.Equal("market", (await NextAsync<HubConnectionLost>(hub.Events)).Hub);
        await NextAsync<HubReconnected>(hub.Events);
        var again = Assert.Single(await server.Recorder.NextAsync(1));
        Assert.Equal(("SubscribeContractQuotes", "token-2"), (again.Method, again.Token));
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task Stopping_the_hub_does_not_restart_it()
    {
        await using var server = await HubServer.StartAsync();
        await using var hub = new UserHub(Options(server), new SwitchableTokenSource("t"), TimeProvider.System, NullLogger<UserHub>.Instance);
        await hub.StartAsync();

        await hub.StopAsync();

        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        Assert.False(hub.Events.TryRead(out var unexpected), unexpected?.ToString());
    }

    [Fact]
    public async Task A_message_larger_than_one_socket_read_arrives_whole()
    {
        await using var server = await HubServer.StartAsync();
        await using var hub = new MarketHub(Options(server), new SwitchableTokenSource("t"), TimeProvider.System, NullLogger<MarketHub>.Instance);
        await hub.StartAsync();
        var trades = new JsonArray();
        for (var i = 0; i < 500; i++)
            trades.Add(JsonNode.Parse($$"""{"symbolId":"F.US.MGC","price":{{2650 + i / 10m}},"timestamp":"2026-08-19T20:51:30Z","type":0,"volume":{{i + 1}}}"""));

        await server.Market.Clients.All.SendAsync("GatewayTrade", Mgc, trades);
        var received = await NextAsync<MarketTradesReceived>(hub.Events);

        Assert.Equal(500, received.Trades.Count);
        Assert.Equal(500L, received.Trades[^1].Volume);
        Assert.Equal(2699.9m, received.Trades[^1].Price);
    }
}
