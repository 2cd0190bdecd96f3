using System.Buffers;
using System.IO.Pipelines;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace GoldBot.TopstepX.Realtime;

/// <summary>
/// A SignalR transport over one open <see cref="ClientWebSocket"/>: the hub connection reads and writes
/// <see cref="Transport"/> (two <see cref="Pipe"/>s) while two loops pump bytes to and from the socket
/// (the "skip negotiation, WebSockets only" mode, <c>NUGET.md</c>; aspnetcore <c>WebSocketsTransport.cs</c>).
/// Outgoing hub messages are sent as text frames (JSON hub protocol).
/// </summary>
internal sealed class WebSocketConnection : ConnectionContext
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly ClientWebSocket _socket;
    private readonly Pipe _fromSocket = new(new PipeOptions(useSynchronizationContext: false));
    private readonly Pipe _toSocket = new(new PipeOptions(useSynchronizationContext: false));
    private readonly CancellationTokenSource _aborted = new();
    private readonly Task _receiving;
    private readonly Task _sending;

    public WebSocketConnection(ClientWebSocket socket)
    {
        _socket = socket;
        Transport = new DuplexPipe(_fromSocket.Reader, _toSocket.Writer);
        _receiving = Task.Run(ReceiveLoopAsync);
        _sending = Task.Run(SendLoopAsync);
    }

    public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");

    public override IFeatureCollection Features { get; } = new FeatureCollection();

    public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();

    public override IDuplexPipe Transport { get; set; }

    public override void Abort(ConnectionAbortedException abortReason)
    {
        _socket.Abort();
        _aborted.Cancel();
    }

    public override async ValueTask DisposeAsync()
    {
        await _toSocket.Writer.CompleteAsync().ConfigureAwait(false);
        await _sending.ConfigureAwait(false);
        _aborted.Cancel();
        await _receiving.ConfigureAwait(false);
        _socket.Dispose();
        _aborted.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        Exception? error = null;
        try
        {
            while (true)
            {
                var memory = _fromSocket.Writer.GetMemory(4096);
                var received = await _socket.ReceiveAsync(memory, _aborted.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    // A close the server started is a lost connection to the hub client, not a goodbye:
                    // completing without an error would make HubConnection close for good instead of reconnecting.
                    error = new WebSocketException(WebSocketError.ConnectionClosedPrematurely, $"the server closed the connection ({_socket.CloseStatus} {_socket.CloseStatusDescription})");
                    break;
                }
                _fromSocket.Writer.Advance(received.Count);
                var flushed = await _fromSocket.Writer.FlushAsync(_aborted.Token).ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled)
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed or aborted: the hub connection is going away.
        }
        catch (WebSocketException ex)
        {
            error = ex;
        }
        finally
        {
            await _fromSocket.Writer.CompleteAsync(error).ConfigureAwait(false);
            _toSocket.Reader.CancelPendingRead();
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            while (true)
            {
                var read = await _toSocket.Reader.ReadAsync().ConfigureAwait(false);
                if (read.IsCanceled)
                    break;
                var buffer = read.Buffer;
                if (!buffer.IsEmpty && _socket.State == WebSocketState.Open)
                    await SendAsync(buffer).ConfigureAwait(false);
                _toSocket.Reader.AdvanceTo(buffer.End);
                if (read.IsCompleted)
                    break;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket broke; the receive loop reports the end of the connection.
        }
        finally
        {
            await _toSocket.Reader.CompleteAsync().ConfigureAwait(false);
            await CloseOutputAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask SendAsync(ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment)
        {
            await _socket.SendAsync(buffer.First, WebSocketMessageType.Text, true, _aborted.Token).ConfigureAwait(false);
            return;
        }
        var position = buffer.Start;
        buffer.TryGet(ref position, out var segment);
        while (buffer.TryGet(ref position, out var next))
        {
            await _socket.SendAsync(segment, WebSocketMessageType.Text, false, _aborted.Token).ConfigureAwait(false);
            segment = next;
        }
        await _socket.SendAsync(segment, WebSocketMessageType.Text, true, _aborted.Token).ConfigureAwait(false);
    }

    private async Task CloseOutputAsync()
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_aborted.Token);
        timeout.CancelAfter(CloseTimeout);
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
