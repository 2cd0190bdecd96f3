using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace GoldBot.GatewaySimulator.Tests;

/// <summary>One server-to-client invocation: the event name and its arguments.</summary>
internal sealed record HubEvent(string Target, JsonElement[] Arguments);

/// <summary>
/// A minimal SignalR JSON-protocol client over a raw WebSocket, skipping negotiation as TopstepX clients do:
/// handshake <c>{"protocol":"json","version":1}\u001e</c>, invocation frames (type 1), completions (type 3),
/// pings (6) and close (7). Independent of GoldBot's gateway client on purpose.
/// </summary>
internal sealed class RawHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan Patience = Eventually.Patience;
    private readonly ClientWebSocket _socket;
    private readonly Channel<HubEvent> _events = Channel.CreateUnbounded<HubEvent>();
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _pending = [];
    private readonly Lock _lock = new();
    private readonly Task _reader;
    private int _nextId;

    private RawHubClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Completes when the server closes the connection.</summary>
    public Task Closed => _reader;

    /// <summary>Opens <c>ws://…/hubs/{name}?access_token=…</c> and performs the handshake.</summary>
    /// <exception cref="WebSocketException">The server refused the upgrade (see <see cref="ConnectStatusAsync"/>).</exception>
    public static async Task<RawHubClient> ConnectAsync(Uri baseUrl, string path, string? token)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(Address(baseUrl, path, token), CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[4096];
        var received = await socket.ReceiveAsync(buffer, new CancellationTokenSource(Patience).Token);
        var handshake = Encoding.UTF8.GetString(buffer, 0, received.Count).TrimEnd(RecordSeparator);
        if (handshake != "{}")
            throw new InvalidOperationException("handshake failed: " + handshake);
        return new RawHubClient(socket);
    }

    /// <summary>The HTTP status the server answers a connection attempt with (101 when it upgrades).</summary>
    public static async Task<int> ConnectStatusAsync(Uri baseUrl, string path, string? token)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(Address(baseUrl, path, token), CancellationToken.None);
            return (int)socket.HttpStatusCode;
        }
        catch (WebSocketException)
        {
            return (int)socket.HttpStatusCode;
        }
    }

    /// <summary>Invokes a hub method and waits for its completion.</summary>
    /// <exception cref="InvalidOperationException">The server completed the invocation with an error.</exception>
    public async Task InvokeAsync(string target, params object[] arguments)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock) _pending[id] = done;
        var frame = JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }) + RecordSeparator;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
        var completion = await done.Task.WaitAsync(Patience);
        if (completion.TryGetProperty("error", out var error))
            throw new InvalidOperationException(error.GetString());
    }

    /// <summary>The next event (bounded wait: fails the test rather than hanging).</summary>
    public async Task<HubEvent> NextAsync() => await _events.Reader.ReadAsync(new CancellationTokenSource(Patience).Token);

    /// <summary>The next <paramref name="count"/> events.</summary>
    public async Task<List<HubEvent>> NextAsync(int count)
    {
        var list = new List<HubEvent>();
        while (list.Count < count)
            list.Add(await NextAsync());
        return list;
    }

    /// <summary>Events up to and including the first that matches, in arrival order.</summary>
    public async Task<List<HubEvent>> UntilAsync(Func<HubEvent, bool> last)
    {
        var list = new List<HubEvent>();
        while (true)
        {
            var e = await NextAsync();
            list.Add(e);
            if (last(e))
                return list;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, new CancellationTokenSource(Patience).Token);
        }
        catch (WebSocketException)
        {
        }
        catch (OperationCanceledException)
        {
        }
        _socket.Dispose();
    }

    private static Uri Address(Uri baseUrl, string path, string? token)
    {
        var b = new UriBuilder(new Uri(baseUrl, path)) { Scheme = "ws" };
        if (token is not null)
            b.Query = "access_token=" + Uri.EscapeDataString(token);
        return b.Uri;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var r = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (r.MessageType == WebSocketMessageType.Close)
                    break;
                text.Append(Encoding.UTF8.GetString(buffer, 0, r.Count));
                if (!r.EndOfMessage)
                    continue;
                var frames = text.ToString().Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries);
                text.Clear();
                foreach (var frame in frames)
                    Dispatch(JsonDocument.Parse(frame).RootElement.Clone());
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    private void Dispatch(JsonElement message)
    {
        switch (message.GetProperty("type").GetInt32())
        {
            case 1:
                _events.Writer.TryWrite(new HubEvent(message.GetProperty("target").GetString()!, [.. message.GetProperty("arguments").EnumerateArray()]));
                break;
            case 3:
                TaskCompletionSource<JsonElement>? done;
                lock (_lock) _pending.Remove(message.GetProperty("invocationId").GetString()!, out done);
                done?.TrySetResult(message);
                break;
            case 7:
                _events.Writer.TryComplete();
                break;
        }
    }
}
