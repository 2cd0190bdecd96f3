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
/// <see cref="HubReconnected"/> (after which the owner reconciles through REST), <see cref="PayloadRejected"/> and
/// <see cref="HubSync"/> (the simulator's <c>SimulatorSync</c>). Payloads may be wrapped as <c>{action, data}</c> or
/// bare. Connects over WebSockets without negotiation, the current session token in the URL's <c>access_token</c>
/// at every connect.
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
    /// <param name="tokens">Current session token (usually <c>ProjectXClient.Tokens</c>), asked at every connect.</param>
    /// <param name="time">Clock for event timestamps and the connect backoff delays.</param>
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

    /// <summary>
    /// Connect or reconnect attempts executing right now: opening the socket (with a token renewal after HTTP 401),
    /// the SignalR handshake and invoking the subscriptions again. 0 while connected, stopped, or waiting out a
    /// backoff delay; the backoff timer counts the next attempt when it fires, before its callback returns, so a
    /// driver that has just advanced a manual clock past the delay already sees it. For in-process test drivers.
    /// </summary>
    public int ConnectAttemptsInProgress => _session.ConnectAttemptsInProgress;

    /// <summary>
    /// Connects and invokes every subscription made so far; returns at once when already connected. A refused or
    /// failed attempt (HTTP 503 at the upgrade, network error, handshake failure) is logged and retried after
    /// <see cref="TopstepXOptions.ReconnectDelays"/> (first retry after the first delay, the last one repeating;
    /// waited on the injected clock) until connected. When the first attempt fails, <see cref="HubConnectionLost"/>
    /// is written, and <see cref="HubReconnected"/> once connected; a first attempt that succeeds writes neither.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled, or the hub was stopped, before it connected.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default) => _session.StartAsync(cancellationToken);

    /// <summary>Disconnects, ending any connect loop (no reconnect follows).</summary>
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
