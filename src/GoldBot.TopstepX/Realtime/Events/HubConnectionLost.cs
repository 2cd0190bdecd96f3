namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>
/// The hub is not connected and the client is trying to (re)connect: written once when an established connection
/// drops or is closed by the server, and once when the first attempt of <c>StartAsync</c> fails (an outage at
/// start-up). Events are being missed until the <see cref="HubReconnected"/> that always follows (unless the hub
/// is stopped or disposed first); failed attempts in between are only logged.
/// </summary>
/// <param name="Hub">"market" or "user".</param>
/// <param name="Reason">Why it dropped or why the first attempt failed, when known (never contains a token).</param>
public sealed record HubConnectionLost(DateTimeOffset ReceivedAt, string Hub, string? Reason) : GatewayHubEvent(ReceivedAt);
