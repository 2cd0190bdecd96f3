namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>The hub connection dropped and automatic reconnection started; events are being missed.</summary>
/// <param name="Hub">"market" or "user".</param>
/// <param name="Reason">Why it dropped, when known.</param>
public sealed record HubConnectionLost(DateTimeOffset ReceivedAt, string Hub, string? Reason) : GatewayHubEvent(ReceivedAt);
