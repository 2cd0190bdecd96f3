using System.Text.Json.Nodes;
using System.Threading.Channels;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Realtime;
using GoldBot.TopstepX.Realtime.Events;
using GoldBot.TopstepX.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldBot.TopstepX.Tests;

/// <summary>
/// The hubs against a real Kestrel SignalR server on 127.0.0.1: the WebSocket connection factory connects
/// without negotiation, events arrive in both shapes, and after the server drops the connection the hub
/// reconnects with the current token, resubscribes, then reports <see cref="HubReconnected"/>.
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
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            if (await events.ReadAsync(safety.Token) is T wanted)
                return wanted;
        }
    }

    [Fact]
    public void The_socket_address_carries_the_token_and_a_websocket_scheme()
    {
        var address = WebSocketConnectionFactory.AddressWithToken(new Uri("https://rtc.topstepx.com/hubs/market?access_token=old&x=1"), "a b+c");

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
        Assert.Equal(["SubscribeContractQuotes", "SubscribeContractTrades", "SubscribeContractMarketDepth"], first.Select(s => s.Method));
        Assert.All(first, s => Assert.Equal((Mgc, "token-1"), (s.Argument, s.Token)));

        await server.Market.Clients.All.SendAsync("GatewayQuote", Mgc, JsonNode.Parse("""{"symbol":"F.US.MGC","lastPrice":2650.1,"bestBid":2650.0,"bestAsk":2650.2,"volume":1500}"""));
        await server.Market.Clients.All.SendAsync("GatewayQuote", Mgc, JsonNode.Parse("""{"symbol":"F.US.MGC","bestBid":2650.1,"contract":"CON.F.US.MGC.Z26"}"""));
        await server.Market.Clients.All.SendAsync("GatewayTrade", Mgc, JsonNode.Parse("""[{"symbolId":"F.US.MGC","price":2650.1,"timestamp":"2026-08-19T20:51:30Z","type":0,"volume":2},{"symbolId":"F.US.MGC","price":2650.2,"timestamp":"2026-08-19T20:51:30Z","type":1,"volume":1}]"""));
        await server.Market.Clients.All.SendAsync("GatewayDepth", Mgc, JsonNode.Parse("""{"timestamp":"2026-08-19T20:51:31Z","type":4,"price":2650.0,"volume":7,"currentVolume":7}"""));

        await NextAsync<QuoteReceived>(hub.Events);
        var merged = await NextAsync<QuoteReceived>(hub.Events);
        Assert.Equal((Mgc, 2650.1m, 2650.1m, 2650.2m, 1500L), (merged.ContractId, merged.Quote.LastPrice!.Value, merged.Quote.BestBid!.Value, merged.Quote.BestAsk!.Value, merged.Quote.Volume!.Value));
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
        await using var hub = new UserHub(Options(server), tokens, TimeProvider.System, NullLogger<UserHub>.Instance);
        await hub.SubscribeAccountAsync(7);

        await hub.StartAsync();
        var subscriptions = await server.Recorder.NextAsync(4);

        Assert.Equal(1, tokens.Renewals);
        Assert.All(subscriptions, s => Assert.Equal("renewed", s.Token));
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
