using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace GoldBot.TopstepX.Tests.Support;

/// <summary>A subscription a fake hub received, with the token the connection was opened with.</summary>
public sealed record HubSubscription(string Hub, string Method, string? Argument, string? Token);

/// <summary>Records hub subscriptions and keeps the live connections so a test can drop them.</summary>
public sealed class HubRecorder
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();

    public Channel<HubSubscription> Subscriptions { get; } = Channel.CreateUnbounded<HubSubscription>();

    internal void Connected(HubCallerContext context) => _connections[context.ConnectionId] = context;

    internal void Disconnected(HubCallerContext context) => _connections.TryRemove(context.ConnectionId, out _);

    internal void Record(string hub, HubCallerContext context, string method, object? argument) =>
        Subscriptions.Writer.TryWrite(new HubSubscription(hub, method, argument?.ToString(), context.GetHttpContext()?.Request.Query["access_token"].ToString()));

    /// <summary>Cuts every connection's socket from the server side without a close message (network drop, gateway crash).</summary>
    public void DropAll()
    {
        foreach (var context in _connections.Values)
            context.GetHttpContext()!.Abort();
    }

    /// <summary>Closes every connection from the server side with a SignalR close message that does not allow reconnecting.</summary>
    public void CloseAll()
    {
        foreach (var context in _connections.Values)
            context.Abort();
    }

    public async Task<List<HubSubscription>> NextAsync(int count)
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var list = new List<HubSubscription>();
        while (list.Count < count)
            list.Add(await Subscriptions.Reader.ReadAsync(safety.Token));
        return list;
    }
}

/// <summary>The market hub's subscription surface (§9.1).</summary>
public sealed class FakeMarketHub(HubRecorder recorder) : Hub
{
    public override Task OnConnectedAsync()
    {
        recorder.Connected(Context);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        recorder.Disconnected(Context);
        return Task.CompletedTask;
    }

    public void SubscribeContractQuotes(string contractId) => recorder.Record("market", Context, nameof(SubscribeContractQuotes), contractId);

    public void SubscribeContractTrades(string contractId) => recorder.Record("market", Context, nameof(SubscribeContractTrades), contractId);

    public void SubscribeContractMarketDepth(string contractId) => recorder.Record("market", Context, nameof(SubscribeContractMarketDepth), contractId);
}

/// <summary>The user hub's subscription surface (§9.1).</summary>
public sealed class FakeUserHub(HubRecorder recorder) : Hub
{
    public override Task OnConnectedAsync()
    {
        recorder.Connected(Context);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        recorder.Disconnected(Context);
        return Task.CompletedTask;
    }

    public void SubscribeAccounts() => recorder.Record("user", Context, nameof(SubscribeAccounts), null);

    public void SubscribeOrders(long accountId) => recorder.Record("user", Context, nameof(SubscribeOrders), accountId);

    public void SubscribePositions(long accountId) => recorder.Record("user", Context, nameof(SubscribePositions), accountId);

    public void SubscribeTrades(long accountId) => recorder.Record("user", Context, nameof(SubscribeTrades), accountId);
}
