using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using GoldBot.GatewaySimulator.Hosting;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GoldBot.GatewaySimulator.Tests;

/// <summary>The simulator's hubs through the .NET SignalR client (Client.Core), as GoldBot's gateway client uses them.</summary>
public sealed class SignalRClientTests
{
    private static HubConnection Connect(TestGateway gw, string hub)
    {
        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton<IConnectionFactory, WebSocketConnectionFactory>();
        var uri = new UriBuilder(new Uri(gw.Handle.BaseUrl, "hubs/" + hub)) { Scheme = "ws", Query = "access_token=" + Uri.EscapeDataString(gw.Token) }.Uri;
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(uri));
        return builder.Build();
    }

    [Fact]
    public async Task Net_client_receives_market_events_with_two_arguments_and_user_events_with_one()
    {
        await using var gw = await TestGateway.StartAsync(o => o.PayloadShape = PayloadShape.Observed);
        await using var market = Connect(gw, "market");
        await using var user = Connect(gw, "user");
        var trades = Channel.CreateUnbounded<(string, JsonElement)>();
        var orders = Channel.CreateUnbounded<JsonElement>();
        market.On<string, JsonElement>("GatewayTrade", (id, data) => trades.Writer.TryWrite((id, data)));
        user.On<JsonElement>("GatewayUserOrder", data => orders.Writer.TryWrite(data));
        await market.StartAsync();
        await user.StartAsync();
        await market.InvokeAsync("SubscribeContractTrades", TestGateway.Mgc);
        await user.InvokeAsync("SubscribeOrders", TestGateway.AccountId);

        await gw.AdvanceAsync(1);
        await gw.PlaceAsync(new { accountId = 1001, contractId = TestGateway.Mgc, type = 1, side = 0, size = 1, limitPrice = 1000.0m });

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var (contract, trade) = await trades.Reader.ReadAsync(patience.Token);
        Assert.Equal((TestGateway.Mgc, JsonValueKind.Array), (contract, trade.ValueKind));
        var order = await orders.Reader.ReadAsync(patience.Token);
        Assert.Equal((0, 1), (order.GetProperty("action").GetInt32(), order.GetProperty("data").GetProperty("status").GetInt32()));
    }
}
