using System.IO.Pipelines;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace GoldBot.GatewaySimulator.Tests;

/// <summary>
/// Opens SignalR connections as a raw WebSocket without negotiation (TopstepX hubs require that; the
/// Http.Connections.Client package is not available here, see shared/NUGET.md). For HubConnectionBuilder tests only.
/// </summary>
internal sealed class WebSocketConnectionFactory : IConnectionFactory
{
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var uri = ((UriEndPoint)endpoint).Uri;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, cancellationToken);
        return new WebSocketConnection(socket);
    }

    private sealed class WebSocketConnection : ConnectionContext
    {
        private readonly ClientWebSocket _socket;
        private readonly Pipe _incoming = new();
        private readonly Pipe _outgoing = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _receive;
        private readonly Task _send;

        public WebSocketConnection(ClientWebSocket socket)
        {
            _socket = socket;
            Transport = new Duplex(_incoming.Reader, _outgoing.Writer);
            _receive = Task.Run(ReceiveAsync);
            _send = Task.Run(SendAsync);
        }

        public override IDuplexPipe Transport { get; set; }
        public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();

        public override async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                if (_socket.State == WebSocketState.Open)
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
            await Task.WhenAll(_receive, _send).ConfigureAwait(false);
            _socket.Dispose();
            _stop.Dispose();
        }

        private async Task ReceiveAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var memory = _incoming.Writer.GetMemory(4096);
                    var r = await _socket.ReceiveAsync(memory, _stop.Token);
                    if (r.MessageType == WebSocketMessageType.Close)
                        break;
                    _incoming.Writer.Advance(r.Count);
                    if ((await _incoming.Writer.FlushAsync()).IsCompleted)
                        break;
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
            await _incoming.Writer.CompleteAsync();
        }

        private async Task SendAsync()
        {
            try
            {
                while (true)
                {
                    var result = await _outgoing.Reader.ReadAsync(_stop.Token);
                    foreach (var segment in result.Buffer)
                        await _socket.SendAsync(segment, WebSocketMessageType.Text, true, _stop.Token);
                    _outgoing.Reader.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                        break;
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
            await _outgoing.Reader.CompleteAsync();
        }
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }
}
