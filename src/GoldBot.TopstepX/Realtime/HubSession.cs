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
/// subscription again and then writes <see cref="HubReconnected"/> to the event channel.
/// </summary>
internal sealed class HubSession : IAsyncDisposable
{
    private readonly string _name;
    private readonly HubConnection _connection;
    private readonly ChannelWriter<GatewayHubEvent> _events;
    private readonly Func<HubConnection, CancellationToken, Task> _subscribeAll;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

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
        builder.WithAutomaticReconnect(new RepeatingRetryPolicy(options.ReconnectDelays));
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
        await _connection.StartAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Hub {Hub} connected", _name);
        await _subscribeAll(_connection, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _connection.StopAsync(cancellationToken);

    /// <summary>Invokes a subscription now when connected; otherwise the next (re)connect will.</summary>
    public async Task InvokeIfConnectedAsync(string method, object?[] args, CancellationToken cancellationToken)
    {
        if (_connection.State == HubConnectionState.Connected)
            await _connection.InvokeCoreAsync(method, args, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _events.TryComplete();
    }

    private void Publish(string method, Func<GatewayHubEvent> parse)
    {
        GatewayHubEvent hubEvent;
        try
        {
            hubEvent = parse();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
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
        if (error is not null)
        {
            _logger.LogError("Hub {Hub} closed: {Error}", _name, error.Message);
            _events.TryWrite(new HubConnectionLost(_time.GetUtcNow(), _name, error.Message));
        }
        return Task.CompletedTask;
    }
}
