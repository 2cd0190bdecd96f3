using System.Net;
using System.Net.WebSockets;
using GoldBot.TopstepX.Auth;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace GoldBot.TopstepX.Realtime;

/// <summary>
/// Opens SignalR connections to a ProjectX hub over a raw WebSocket, skipping negotiation (the only mode
/// the TopstepX hubs accept; §1, §9.3). The address is built at every connect from the hub URL and the
/// CURRENT session token as <c>?access_token=</c> (the header form is UNCONFIRMED for ProjectX, §14.1), so
/// automatic reconnects never carry an expired token. When the upgrade is refused with HTTP 401 the token
/// is renewed once and the connect retried. The <see cref="EndPoint"/> passed by the hub connection is ignored.
/// </summary>
public sealed class WebSocketConnectionFactory : IConnectionFactory
{
    private readonly Uri _hubUrl;
    private readonly ITokenSource _tokens;
    private readonly ILogger _logger;
    private readonly Action<ClientWebSocketOptions>? _configure;

    /// <summary>Creates the factory for one hub.</summary>
    /// <param name="hubUrl">Hub address (https/http or wss/ws), without a token.</param>
    /// <param name="tokens">Source of the current session token.</param>
    /// <param name="logger">Logger (never receives the token or the tokenised URL).</param>
    /// <param name="configure">Optional socket settings (proxy, certificates).</param>
    public WebSocketConnectionFactory(Uri hubUrl, ITokenSource tokens, ILogger logger, Action<ClientWebSocketOptions>? configure = null)
    {
        _hubUrl = hubUrl ?? throw new ArgumentNullException(nameof(hubUrl));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _configure = configure;
    }

    /// <inheritdoc />
    /// <exception cref="WebSocketException">The hub could not be reached or refused the upgrade.</exception>
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var (connection, status) = await TryOpenAsync(token, cancellationToken).ConfigureAwait(false);
        if (connection is not null)
            return connection;
        if (status != HttpStatusCode.Unauthorized)
            throw new WebSocketException($"hub {_hubUrl} refused the WebSocket upgrade (HTTP {(int)status})");

        _logger.LogWarning("Hub {Hub} refused the session token (HTTP 401); renewing it", _hubUrl);
        token = await _tokens.RenewAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
        (connection, status) = await TryOpenAsync(token, cancellationToken).ConfigureAwait(false);
        return connection ?? throw new WebSocketException($"hub {_hubUrl} refused the WebSocket upgrade (HTTP {(int)status})");
    }

    /// <summary>The socket address: ws/wss scheme, existing query kept, <c>access_token</c> replaced by <paramref name="token"/>.</summary>
    public static Uri AddressWithToken(Uri hubUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(hubUrl);
        ArgumentNullException.ThrowIfNull(token);
        var builder = new UriBuilder(hubUrl)
        {
            Scheme = hubUrl.Scheme switch { "https" => "wss", "http" => "ws", _ => hubUrl.Scheme },
        };
        if (builder.Uri.IsDefaultPort)
            builder.Port = -1;
        var kept = builder.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("access_token=", StringComparison.OrdinalIgnoreCase));
        builder.Query = string.Join('&', kept.Append("access_token=" + Uri.EscapeDataString(token)));
        return builder.Uri;
    }

    private async Task<(WebSocketConnection? Connection, HttpStatusCode Status)> TryOpenAsync(string token, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        _configure?.Invoke(socket.Options);
        try
        {
            await socket.ConnectAsync(AddressWithToken(_hubUrl, token), cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Connected WebSocket to hub {Hub}", _hubUrl);
            return (new WebSocketConnection(socket), HttpStatusCode.SwitchingProtocols);
        }
        catch (WebSocketException ex) when (socket.HttpStatusCode != 0)
        {
            _logger.LogWarning("Hub {Hub} refused the WebSocket upgrade: HTTP {Status} ({Reason})", _hubUrl, (int)socket.HttpStatusCode, ex.Message);
            var status = socket.HttpStatusCode;
            socket.Dispose();
            return (null, status);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
