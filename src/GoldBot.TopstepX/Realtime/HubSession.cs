using System.Text.Json;
using System.Threading.Channels;
using GoldBot.TopstepX.Auth;
using GoldBot.TopstepX.Realtime.Events;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace GoldBot.TopstepX.Realtime;

/// <summary>
/// One SignalR connection to a ProjectX hub, shared by <see cref="MarketHub"/> and <see cref="UserHub"/>. Each
/// connect builds a <see cref="HubConnection"/> (<c>Microsoft.AspNetCore.SignalR.Client</c>: WebSockets only, no
/// negotiation, the socket opened by <see cref="HubWebSocketFactory"/> with the current token in the URL) and invokes
/// every subscription on it. The package's automatic reconnect is not used: this session owns one connect loop, for
/// start-up and for every loss alike, that waits the <see cref="TopstepXOptions.ReconnectDelays"/> (last one
/// repeating) on the injected <see cref="TimeProvider"/> and never gives up until stopped (§9.3 option a, §12.5).
/// A loss (socket dropped, server close with or without <c>allowReconnect</c>, server timeout) writes
/// <see cref="HubConnectionLost"/>; the connect that ends it writes <see cref="HubReconnected"/> after resubscribing.
/// </summary>
internal sealed class HubSession : IAsyncDisposable
{
    private readonly string _name;
    private readonly Uri _hubUrl;
    private readonly TopstepXOptions _options;
    private readonly ChannelWriter<GatewayHubEvent> _events;
    private readonly Func<HubConnection, CancellationToken, Task> _subscribeAll;
    private readonly ITokenSource _tokens;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RepeatingRetryPolicy _retryPolicy;
    private readonly HubWebSocketFactory _sockets;
    private readonly List<Action<HubConnection>> _handlers = [];
    private readonly Lock _gate = new();
    private CancellationTokenSource _lifetime = new();
    private HubConnection? _connection;
    private HubConnection? _established;
    private Task _connecting = Task.CompletedTask;
    private int _attemptsInProgress;
    private bool _stopping;
    private HubConnection? _restarting;
    private string? _restartReason;
    private bool _disposed;

    public HubSession(
        string name,
        Uri hubUrl,
        ITokenSource tokens,
        TopstepXOptions options,
        TimeProvider time,
        ILogger logger,
        ChannelWriter<GatewayHubEvent> events,
        Func<HubConnection, CancellationToken, Task> subscribeAll)
    {
        _name = name;
        _hubUrl = hubUrl ?? throw new ArgumentNullException(nameof(hubUrl));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _options = options;
        _events = events;
        _subscribeAll = subscribeAll;
        _time = time;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _retryPolicy = new RepeatingRetryPolicy(options.ReconnectDelays);
        _sockets = new HubWebSocketFactory(name, tokens, logger);
        _handlers.Add(connection => connection.On<long>("SimulatorSync", sequence => _events.TryWrite(new HubSync(_time.GetUtcNow(), _name, sequence))));
    }

    public HubConnectionState State
    {
        get
        {
            lock (_gate)
                return _connection?.State ?? HubConnectionState.Disconnected;
        }
    }

    /// <summary>Connect or reconnect attempts executing now (not counting backoff waits); see <see cref="MarketHub.ConnectAttemptsInProgress"/>.</summary>
    public int ConnectAttemptsInProgress => Volatile.Read(ref _attemptsInProgress);

    /// <summary>Registers a handler for a market-hub event with arguments (contractId, payload). Call before starting.</summary>
    public void On(string method, Func<string, JsonElement, GatewayHubEvent> parse) =>
        _handlers.Add(connection => connection.On<string, JsonElement>(method, (contractId, payload) => Publish(method, () => parse(contractId, payload))));

    /// <summary>Registers a handler for a user-hub event with one payload argument. Call before starting.</summary>
    public void On(string method, Func<JsonElement, GatewayHubEvent> parse) =>
        _handlers.Add(connection => connection.On<JsonElement>(method, payload => Publish(method, () => parse(payload))));

    /// <summary>
    /// Connects, retrying with backoff until connected; returns at once when already connected, and joins a connect
    /// loop already under way (a reconnect after a loss, another start).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled, or the session stopped, first.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task connecting;
            var joined = false;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (!_connecting.IsCompleted)
                {
                    connecting = _connecting;
                    joined = true;
                }
                else
                {
                    if (_established is not null)
                        return;
                    _stopping = false;
                    if (_lifetime.IsCancellationRequested)
                    {
                        _lifetime.Dispose();
                        _lifetime = new CancellationTokenSource();
                    }
                    var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
                    Interlocked.Increment(ref _attemptsInProgress);
                    connecting = _connecting = Task.Run(async () =>
                    {
                        using (linked)
                            await ConnectAsync(afterLoss: false, linked.Token).ConfigureAwait(false);
                    }, CancellationToken.None);
                }
            }
            try
            {
                await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (joined && !cancellationToken.IsCancellationRequested)
            {
                // The joined loop was cancelled (an earlier start's token, or a stop before this start): start anew.
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await EndAsync().ConfigureAwait(false);
        HubConnection? connection;
        lock (_gate)
            connection = _connection;
        if (connection is not null)
            await connection.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops the established connection as a loss (<see cref="HubConnectionLost"/> with <paramref name="reason"/>), so the
    /// connect loop builds a new one and subscribes again: for a connection that is up but says nothing. Does nothing while
    /// not connected (a connect loop is then already under way) or already restarting. Counted in
    /// <see cref="ConnectAttemptsInProgress"/> from the call (before it first waits) until the connect loop takes over.
    /// </summary>
    public async Task RestartAsync(string reason, CancellationToken cancellationToken)
    {
        HubConnection? connection;
        lock (_gate)
        {
            connection = _established;
            if (connection is null || _restarting is not null)
                return;
            (_restarting, _restartReason) = (connection, reason);
            Interlocked.Increment(ref _attemptsInProgress);
        }
        try
        {
            await connection.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                if (ReferenceEquals(_restarting, connection))
                {
                    (_restarting, _restartReason) = (null, null);
                    Interlocked.Decrement(ref _attemptsInProgress);
                }
            }
            throw;
        }
    }

    /// <summary>Invokes a subscription now when connected; otherwise the next (re)connect will.</summary>
    public async Task InvokeIfConnectedAsync(string method, object?[] args, CancellationToken cancellationToken)
    {
        HubConnection? connection;
        lock (_gate)
            connection = _connection;
        if (connection?.State == HubConnectionState.Connected)
            await connection.InvokeCoreAsync(method, args, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
        }
        await EndAsync().ConfigureAwait(false);
        HubConnection? connection;
        lock (_gate)
        {
            connection = _connection;
            _connection = null;
        }
        if (connection is not null)
            await connection.DisposeAsync().ConfigureAwait(false);
        _lifetime.Dispose();
        _events.TryComplete();
    }

    /// <summary>Stops reconnecting: cancels the connect loop and waits for it to end.</summary>
    private async Task EndAsync()
    {
        Task connecting;
        lock (_gate)
        {
            _stopping = true;
            _established = null;
            connecting = _connecting;
        }
        await _lifetime.CancelAsync().ConfigureAwait(false);
        try
        {
            await connecting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loop ended because the session stopped.
        }
    }

    /// <summary>
    /// The connect loop. The caller has counted it in <see cref="ConnectAttemptsInProgress"/>; the count drops while
    /// a backoff delay is waited out and again when the loop ends. Attempt k (0-based) of a start is preceded by
    /// delay k-1, attempt k after a loss by delay k (RepeatingRetryPolicy).
    /// </summary>
    private async Task ConnectAsync(bool afterLoss, CancellationToken cancellationToken)
    {
        var counted = true;
        try
        {
            var started = _time.GetTimestamp();
            for (var failures = 0; ; failures++)
            {
                var retry = afterLoss ? failures : failures - 1;
                if (retry >= 0)
                {
                    var delay = _retryPolicy.NextRetryDelay(new RetryContext { PreviousRetryCount = retry, ElapsedTime = _time.GetElapsedTime(started) }) ?? TimeSpan.Zero;
                    if (delay > TimeSpan.Zero)
                    {
                        counted = false;
                        Interlocked.Decrement(ref _attemptsInProgress);
                        await WaitAsync(delay, cancellationToken).ConfigureAwait(false);
                        counted = true;
                    }
                }
                cancellationToken.ThrowIfCancellationRequested();
                var announce = afterLoss || failures > 0;
                try
                {
                    await ConnectOnceAsync(announce, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    // An outage fails every few seconds: the first failure and every tenth are warnings, the rest debug lines.
                    var level = failures % 10 == 0 ? LogLevel.Warning : LogLevel.Debug;
                    _logger.Log(level, "Hub {Hub} connect attempt {Attempt} failed: {Error}; retrying", _name, failures + 1, ex.Message);
                    if (!announce)
                        _events.TryWrite(new HubConnectionLost(_time.GetUtcNow(), _name, ex.Message));
                    continue;
                }
                if (announce)
                    _logger.LogInformation("Hub {Hub} connected after {Attempts} attempts and resubscribed", _name, failures + 1);
                else
                    _logger.LogInformation("Hub {Hub} connected", _name);
                return;
            }
        }
        finally
        {
            if (counted)
                Interlocked.Decrement(ref _attemptsInProgress);
        }
    }

    /// <summary>One attempt: a new connection, started and subscribed; it becomes the established one only if still connected.</summary>
    private async Task ConnectOnceAsync(bool announce, CancellationToken cancellationToken)
    {
        var connection = Build(cancellationToken);
        HubConnection? previous;
        lock (_gate)
        {
            previous = _connection;
            _connection = connection;
        }
        if (previous is not null)
            await previous.DisposeAsync().ConfigureAwait(false);
        try
        {
            await connection.StartAsync(cancellationToken).ConfigureAwait(false);
            await _subscribeAll(connection, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (connection.State != HubConnectionState.Connected)
                    throw new InvalidOperationException("the connection closed while subscribing");
                _established = connection;
                // Under the lock, so a loss of this connection is reported after it.
                if (announce)
                    _events.TryWrite(new HubReconnected(_time.GetUtcNow(), _name));
            }
        }
        catch
        {
            lock (_gate)
            {
                if (ReferenceEquals(_connection, connection))
                    _connection = null;
            }
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private HubConnection Build(CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(_hubUrl, http =>
            {
                http.SkipNegotiation = true;
                http.Transports = HttpTransportType.WebSockets;
                // Asked at every connect (HubWebSocketFactory reads it from the connection's options).
                http.AccessTokenProvider = async () => await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                http.WebSocketFactory = _sockets.ConnectAsync;
            })
            .WithKeepAliveInterval(_options.HubKeepAliveInterval)
            .WithServerTimeout(_options.HubServerTimeout)
            .Build();
        foreach (var register in _handlers)
            register(connection);
        connection.Closed += error => OnClosedAsync(connection, error);
        return connection;
    }

    /// <summary>Waits <paramref name="delay"/> on the injected clock; the timer counts the next attempt before the waiter resumes.</summary>
    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var elapsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Counted inside the timer callback, so a driver that has just advanced the clock sees the attempt as under way.
        using var timer = _time.CreateTimer(_ =>
        {
            Interlocked.Increment(ref _attemptsInProgress);
            if (!elapsed.TrySetResult())
                Interlocked.Decrement(ref _attemptsInProgress);
        }, null, delay, Timeout.InfiniteTimeSpan);
        await using var registration = cancellationToken.Register(() => elapsed.TrySetCanceled(cancellationToken));
        await elapsed.Task.ConfigureAwait(false);
    }

    private void Publish(string method, Func<GatewayHubEvent> parse)
    {
        GatewayHubEvent hubEvent;
        try
        {
            hubEvent = parse();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            _logger.LogWarning("Hub {Hub} message {Method} skipped: {Error}", _name, method, ex.Message);
            hubEvent = new PayloadRejected(_time.GetUtcNow(), _name, method, ex.Message);
        }
        _events.TryWrite(hubEvent);
    }

    private Task OnClosedAsync(HubConnection connection, Exception? error)
    {
        lock (_gate)
        {
            var restart = ReferenceEquals(connection, _restarting) ? _restartReason : null;
            if (!_stopping && ReferenceEquals(connection, _established))
            {
                _established = null;
                var reason = restart ?? error?.Message ?? "closed by the server";
                _logger.LogInformation("Hub {Hub} connection lost ({Reason}); reconnecting", _name, reason);
                _events.TryWrite(new HubConnectionLost(_time.GetUtcNow(), _name, reason));
                Interlocked.Increment(ref _attemptsInProgress);
                var lifetime = _lifetime.Token;
                _connecting = Task.Run(() => ReconnectAsync(lifetime), CancellationToken.None);
            }
            if (restart is not null)
            {
                // The restart's count ends here: the connect loop (counted above) has taken over.
                (_restarting, _restartReason) = (null, null);
                Interlocked.Decrement(ref _attemptsInProgress);
            }
        }
        return Task.CompletedTask;
    }

    private async Task ReconnectAsync(CancellationToken lifetime)
    {
        try
        {
            await ConnectAsync(afterLoss: true, lifetime).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // Stopped while reconnecting.
        }
    }
}
