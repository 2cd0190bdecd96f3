using System.Net;
using System.Net.WebSockets;
using GoldBot.TopstepX.Auth;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.Extensions.Logging;

namespace GoldBot.TopstepX.Realtime;

/// <summary>
/// The <see cref="HttpConnectionOptions.WebSocketFactory"/> of a ProjectX hub connection: opens the WebSocket
/// at the address the SignalR client resolved (ws/wss, no negotiation) with the token of
/// <see cref="HttpConnectionOptions.AccessTokenProvider"/>, asked at every connect, as the
/// <c>access_token</c> query value. The live hubs read only that value (research/topstepx-api.md §1, §9.3);
/// the package's own factory would send the token as an <c>Authorization</c> header outside a browser
/// (aspnetcore <c>WebSocketsTransport.DefaultWebSocketFactory</c>), so no header is sent. When the upgrade is
/// refused with HTTP 401 the token is renewed once (<see cref="ITokenSource.RenewAfterRejectionAsync"/>) and
/// the socket opened again.
/// </summary>
internal sealed class HubWebSocketFactory
{
    private readonly string _hub;
    private readonly ITokenSource _tokens;
    private readonly ILogger _logger;

    /// <param name="hub">Hub name for log lines ("market" or "user").</param>
    /// <param name="tokens">Renews a token the hub refused.</param>
    /// <param name="logger">Logger (never receives a token or a tokenised address).</param>
    public HubWebSocketFactory(string hub, ITokenSource tokens, ILogger logger)
    {
        _hub = hub;
        _tokens = tokens;
        _logger = logger;
    }

    /// <summary>Opens the socket (the delegate assigned to <see cref="HttpConnectionOptions.WebSocketFactory"/>).</summary>
    /// <exception cref="WebSocketException">The hub could not be reached, or refused the upgrade (message names the HTTP status).</exception>
    /// <exception cref="InvalidOperationException">No access-token provider is configured, or it returned no token.</exception>
    public async ValueTask<WebSocket> ConnectAsync(WebSocketConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var provider = context.Options.AccessTokenProvider ?? throw new InvalidOperationException("the hub connection has no access-token provider");
        var token = await provider().ConfigureAwait(false);
        if (string.IsNullOrEmpty(token))
            throw new InvalidOperationException("the access-token provider returned no token");

        var (socket, status) = await TryOpenAsync(context, token, cancellationToken).ConfigureAwait(false);
        if (socket is not null)
            return socket;
        if (status != HttpStatusCode.Unauthorized)
            throw Refused(context.Uri, status);

        _logger.LogWarning("Hub {Hub} refused the session token (HTTP 401); renewing it", _hub);
        token = await _tokens.RenewAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
        (socket, status) = await TryOpenAsync(context, token, cancellationToken).ConfigureAwait(false);
        return socket ?? throw Refused(context.Uri, status);
    }

    /// <summary>
    /// The socket address: ws/wss scheme (https → wss, http → ws), default port dropped, other query values kept,
    /// any <c>access_token</c> replaced by <paramref name="token"/> (URL-encoded, RFC 3986 §2.1).
    /// </summary>
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
            .Where(p => !p.StartsWith("access_token=", StringComparison.OrdinalIgnoreCase) && !p.Equals("access_token", StringComparison.OrdinalIgnoreCase));
        builder.Query = string.Join('&', kept.Append("access_token=" + Uri.EscapeDataString(token)));
        return builder.Uri;
    }

    private static WebSocketException Refused(Uri address, HttpStatusCode status) =>
        new($"hub {address.GetLeftPart(UriPartial.Path)} refused the WebSocket upgrade (HTTP {(int)status})");

    private async Task<(WebSocket? Socket, HttpStatusCode Status)> TryOpenAsync(WebSocketConnectionContext context, string token, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var header in context.Options.Headers)
            socket.Options.SetRequestHeader(header.Key, header.Value);
        context.Options.WebSocketConfiguration?.Invoke(socket.Options);
        try
        {
            await socket.ConnectAsync(AddressWithToken(context.Uri, token), cancellationToken).ConfigureAwait(false);
            return (socket, HttpStatusCode.SwitchingProtocols);
        }
        catch (WebSocketException ex) when (socket.HttpStatusCode != 0)
        {
            var status = socket.HttpStatusCode;
            _logger.LogDebug("Hub {Hub} refused the WebSocket upgrade: HTTP {Status} ({Reason})", _hub, (int)status, ex.Message);
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
