using System.Threading.Channels;
using GoldBot.TopstepX.Auth;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Realtime.Events;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace GoldBot.TopstepX.Realtime;

/// <summary>
/// The ProjectX user hub (§9): account, order, position and trade updates of the subscribed accounts,
/// delivered on <see cref="Events"/> as <see cref="AccountUpdated"/>, <see cref="OrderUpdated"/>,
/// <see cref="PositionUpdated"/>, <see cref="UserTradeReceived"/>, plus <see cref="HubConnectionLost"/> and
/// <see cref="HubReconnected"/> (after which the owner reconciles through REST). Payloads may be wrapped as
/// <c>{action, data}</c> or bare.
/// </summary>
public sealed class UserHub : IAsyncDisposable
{
    private const string HubName = "user";
    private static readonly string[] AccountMethods = ["SubscribeOrders", "SubscribePositions", "SubscribeTrades"];
    private readonly Channel<GatewayHubEvent> _events = Channel.CreateUnbounded<GatewayHubEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<long> _accounts = [];
    private readonly Lock _lock = new();
    private readonly HubSession _session;
    private readonly TimeProvider _time;

    /// <summary>Creates the hub client (not connected until <see cref="StartAsync"/>).</summary>
    /// <param name="options">Hub URL, reconnect delays, keep-alive.</param>
    /// <param name="tokens">Current session token (usually <c>ProjectXClient.Tokens</c>).</param>
    /// <param name="time">Clock for event timestamps.</param>
    /// <param name="logger">Logger.</param>
    public UserHub(TopstepXOptions options, ITokenSource tokens, TimeProvider time, ILogger<UserHub> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _session = new HubSession(HubName, options.UserHubUrl, tokens, options, time, logger, _events.Writer, SubscribeAllAsync);
        _session.On("GatewayUserAccount", payload =>
        {
            var message = GatewayPayloadParser.ParseUserEvent<TradingAccount>(payload);
            return new AccountUpdated(_time.GetUtcNow(), message.Action, message.Data);
        });
        _session.On("GatewayUserOrder", payload =>
        {
            var message = GatewayPayloadParser.ParseUserEvent<GatewayOrder>(payload);
            return new OrderUpdated(_time.GetUtcNow(), message.Action, message.Data);
        });
        _session.On("GatewayUserPosition", payload =>
        {
            var message = GatewayPayloadParser.ParseUserEvent<GatewayPosition>(payload);
            return new PositionUpdated(_time.GetUtcNow(), message.Action, message.Data);
        });
        _session.On("GatewayUserTrade", payload =>
        {
            var message = GatewayPayloadParser.ParseUserEvent<HalfTrade>(payload);
            return new UserTradeReceived(_time.GetUtcNow(), message.Action, message.Data);
        });
    }

    /// <summary>Everything the hub reported, in order. Completes when the hub is disposed.</summary>
    public ChannelReader<GatewayHubEvent> Events => _events.Reader;

    /// <summary>Connection state.</summary>
    public HubConnectionState State => _session.State;

    /// <summary>Connects and invokes every subscription made so far.</summary>
    /// <exception cref="Exception">The first connect failed (no automatic retry before the first connection).</exception>
    public Task StartAsync(CancellationToken cancellationToken = default) => _session.StartAsync(cancellationToken);

    /// <summary>Disconnects (no reconnect follows).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _session.StopAsync(cancellationToken);

    /// <summary>
    /// Subscribes to accounts, and to the orders, positions and trades of <paramref name="accountId"/>:
    /// now if connected, and after every reconnect.
    /// </summary>
    public async Task SubscribeAccountAsync(long accountId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accountId, 1);
        lock (_lock)
            _accounts.Add(accountId);
        await _session.InvokeIfConnectedAsync("SubscribeAccounts", [], cancellationToken).ConfigureAwait(false);
        foreach (var method in AccountMethods)
            await _session.InvokeIfConnectedAsync(method, [accountId], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _session.DisposeAsync();

    private async Task SubscribeAllAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        long[] accounts;
        lock (_lock)
            accounts = [.. _accounts];
        if (accounts.Length == 0)
            return;
        await connection.InvokeCoreAsync("SubscribeAccounts", [], cancellationToken).ConfigureAwait(false);
        foreach (var accountId in accounts)
        {
            foreach (var method in AccountMethods)
                await connection.InvokeCoreAsync(method, [accountId], cancellationToken).ConfigureAwait(false);
        }
    }
}
