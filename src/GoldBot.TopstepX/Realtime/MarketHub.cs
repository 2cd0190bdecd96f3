using System.Threading.Channels;
using GoldBot.TopstepX.Auth;
using GoldBot.TopstepX.Realtime.Events;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace GoldBot.TopstepX.Realtime;

/// <summary>
/// The ProjectX market hub (§9): quotes, market trades and depth per contract, delivered on
/// <see cref="Events"/> as <see cref="QuoteReceived"/> (merged in <see cref="Quotes"/>),
/// <see cref="MarketTradesReceived"/>, <see cref="DepthReceived"/>, plus <see cref="HubConnectionLost"/>,
/// <see cref="HubReconnected"/>, <see cref="PayloadRejected"/> and <see cref="HubSync"/> (the simulator's
/// <c>SimulatorSync</c>). Subscriptions survive reconnects (they are invoked again). Connects over WebSockets
/// without negotiation, the current session token in the URL's <c>access_token</c> at every connect.
/// </summary>
public sealed class MarketHub : IAsyncDisposable
{
    private const string HubName = "market";
    private readonly Channel<GatewayHubEvent> _events = Channel.CreateUnbounded<GatewayHubEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, MarketSubscriptions> _subscriptions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();
    private readonly HubSession _session;
    private readonly TimeProvider _time;

    /// <summary>Creates the hub client (not connected until <see cref="StartAsync"/>).</summary>
    /// <param name="options">Hub URL, reconnect delays, keep-alive.</param>
    /// <param name="tokens">Current session token (usually <c>ProjectXClient.Tokens</c>), asked at every connect.</param>
    /// <param name="time">Clock for event timestamps and the connect backoff delays.</param>
    /// <param name="logger">Logger.</param>
    public MarketHub(TopstepXOptions options, ITokenSource tokens, TimeProvider time, ILogger<MarketHub> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _session = new HubSession(HubName, options.MarketHubUrl, tokens, options, time, logger, _events.Writer, SubscribeAllAsync);
        _session.On("GatewayQuote", (contractId, payload) =>
        {
            var quotes = GatewayPayloadParser.ParseQuotes(payload);
            var merged = quotes[0];
            foreach (var quote in quotes)
                merged = Quotes.Merge(contractId, quote);
            return new QuoteReceived(_time.GetUtcNow(), contractId, merged, quotes[^1]);
        });
        _session.On("GatewayTrade", (contractId, payload) => new MarketTradesReceived(_time.GetUtcNow(), contractId, GatewayPayloadParser.ParseMarketTrades(payload)));
        _session.On("GatewayDepth", (contractId, payload) => new DepthReceived(_time.GetUtcNow(), contractId, GatewayPayloadParser.ParseDepth(payload)));
    }

    /// <summary>Everything the hub reported, in order. Completes when the hub is disposed.</summary>
    public ChannelReader<GatewayHubEvent> Events => _events.Reader;

    /// <summary>Last known quote per contract.</summary>
    public QuoteBook Quotes { get; } = new();

    /// <summary>
    /// Drops the connection and connects again, subscribing anew (<see cref="HubConnectionLost"/> then
    /// <see cref="HubReconnected"/>): for a connection that is up while no quote or trade arrives. Does nothing while
    /// the hub is not connected.
    /// </summary>
    /// <param name="reason">Why, for the loss event and the log.</param>
    public Task RebuildAsync(string reason, CancellationToken cancellationToken = default) => _session.RestartAsync(reason, cancellationToken);

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

    /// <summary>Subscribes <paramref name="contractId"/> to <paramref name="streams"/>: now if connected, and after every reconnect.</summary>
    public async Task SubscribeAsync(string contractId, MarketSubscriptions streams = MarketSubscriptions.All, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        lock (_lock)
            _subscriptions[contractId] = _subscriptions.GetValueOrDefault(contractId) | streams;
        foreach (var method in Methods(streams))
            await _session.InvokeIfConnectedAsync(method, [contractId], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _session.DisposeAsync();

    private async Task SubscribeAllAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        KeyValuePair<string, MarketSubscriptions>[] all;
        lock (_lock)
            all = [.. _subscriptions];
        foreach (var (contractId, streams) in all)
        {
            foreach (var method in Methods(streams))
                await connection.InvokeCoreAsync(method, [contractId], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The subscriptions, trades first: the quote the gateway sends as quotes are subscribed then also tells that the trade stream is live.</summary>
    private static IEnumerable<string> Methods(MarketSubscriptions streams)
    {
        if (streams.HasFlag(MarketSubscriptions.Trades))
            yield return "SubscribeContractTrades";
        if (streams.HasFlag(MarketSubscriptions.Quotes))
            yield return "SubscribeContractQuotes";
        if (streams.HasFlag(MarketSubscriptions.Depth))
            yield return "SubscribeContractMarketDepth";
    }
}
