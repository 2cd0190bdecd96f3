using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using GoldBot.TopstepX.Auth;
using GoldBot.TopstepX.Realtime.Events;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoldBot.TopstepX.Realtime;

/// <summary>
/// One SignalR connection to a ProjectX hub, shared by <see cref="MarketHub"/> and <see cref="UserHub"/>:
/// built with <see cref="HubConnectionBuilder"/> over <see cref="WebSocketConnectionFactory"/>, reconnecting
/// automatically with <see cref="RepeatingRetryPolicy"/>; after each reconnect it invokes every
/// subscription again and then writes <see cref="HubReconnected"/> to the event channel. When the server
/// closes the connection in a way the client does not reconnect from (a close message without
/// <c>allowReconnect</c>, or reconnects exhausted), the session starts the connection again itself with the
/// same delays (a new socket, so the current token), until stopped (§9.3 option a, §12.5).
/// </summary>
internal sealed class HubSession : IAsyncDisposable
{
    private readonly string _name;
    private readonly HubConnection _connection;
    private readonly ChannelWriter<GatewayHubEvent> _events;
    private readonly Func<HubConnection, CancellationToken, Task> _subscribeAll;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RepeatingRetryPolicy _retryPolicy;
    private CancellationTokenSource _lifetime = new();
    private volatile bool _stopping;

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
        _events = events;
        _subscribeAll = subscribeAll;
        _time = time;
        _logger = logger;

        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton<IConnectionFactory>(new WebSocketConnectionFactory(hubUrl, tokens, logger));
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(hubUrl));
        _retryPolicy = new RepeatingRetryPolicy(options.ReconnectDelays);
        builder.WithAutomaticReconnect(_retryPolicy);
        builder.WithKeepAliveInterval(options.HubKeepAliveInterval);
        builder.WithServerTimeout(options.HubServerTimeout);
        _connection = builder.Build();
        _connection.Reconnecting += OnReconnectingAsync;
        _connection.Reconnected += OnReconnectedAsync;
        _connection.Closed += OnClosedAsync;
    }

    public HubConnectionState State => _connection.State;

    /// <summary>Registers a handler for a market-hub event with arguments (contractId, payload).</summary>
    public void On(string method, Func<string, JsonElement, GatewayHubEvent> parse) =>
        _connection.On<string, JsonElement>(method, (contractId, payload) => Publish(method, () => parse(contractId, payload)));

    /// <summary>Registers a handler for a user-hub event with one payload argument.</summary>
    public void On(string method, Func<JsonElement, GatewayHubEvent> parse) =>
        _connection.On<JsonElement>(method, payload => Publish(method, () => parse(payload)));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = false;
        if (_lifetime.IsCancellationRequested)
        {
            _lifetime.Dispose();
            _lifetime = new CancellationTokenSource();
        }
        await _connection.StartAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Hub {Hub} connected", _name);
        await _subscribeAll(_connection, cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        await _lifetime.CancelAsync().ConfigureAwait(false);
        await _connection.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Invokes a subscription now when connected; otherwise the next (re)connect will.</summary>
    public async Task InvokeIfConnectedAsync(string method, object?[] args, CancellationToken cancellationToken)
    {
        if (_connection.State == HubConnectionState.Connected)
            await _connection.InvokeCoreAsync(method, args, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        await _lifetime.CancelAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _lifetime.Dispose();
        _events.TryComplete();
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

    private Task OnReconnectingAsync(Exception? error)
    {
        _logger.LogWarning("Hub {Hub} connection lost ({Reason}); reconnecting", _name, error?.Message);
        _events.TryWrite(new HubConnectionLost(_time.GetUtcNow(), _name, error?.Message));
        return Task.CompletedTask;
    }

    private async Task OnReconnectedAsync(string? connectionId)
    {
        try
        {
            await _subscribeAll(_connection, CancellationToken.None).ConfigureAwait(false);
            _logger.LogInformation("Hub {Hub} reconnected and resubscribed", _name);
            _events.TryWrite(new HubReconnected(_time.GetUtcNow(), _name));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The connection dropped again mid-resubscribe; the next Reconnected repeats it.
            _logger.LogWarning("Hub {Hub} resubscribe failed: {Error}", _name, ex.Message);
        }
    }

    private Task OnClosedAsync(Exception? error)
    {
        if (_stopping)
            return Task.CompletedTask;
        _logger.LogWarning("Hub {Hub} closed by the server ({Reason}); starting it again", _name, error?.Message ?? "no error");
        _events.TryWrite(new HubConnectionLost(_time.GetUtcNow(), _name, error?.Message ?? "closed by the server"));
        _ = RestartAsync(_lifetime.Token);
        return Task.CompletedTask;
    }

    private async Task RestartAsync(CancellationToken lifetime)
    {
        var started = _time.GetTimestamp();
        for (var attempt = 0L; !_stopping; attempt++)
        {
            try
            {
                var delay = _retryPolicy.NextRetryDelay(new RetryContext { PreviousRetryCount = attempt, ElapsedTime = _time.GetElapsedTime(started) }) ?? TimeSpan.Zero;
                if (delay > TimeSpan.Zero)
                    await Task.Delay(delay, _time, lifetime).ConfigureAwait(false);
                await _connection.StartAsync(lifetime).ConfigureAwait(false);
                await _subscribeAll(_connection, lifetime).ConfigureAwait(false);
                _logger.LogInformation("Hub {Hub} started again and resubscribed", _name);
                _events.TryWrite(new HubReconnected(_time.GetUtcNow(), _name));
                return;
            }
            catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.LogWarning("Hub {Hub} restart attempt {Attempt} failed: {Error}", _name, attempt + 1, ex.Message);
            }
        }
    }
}
