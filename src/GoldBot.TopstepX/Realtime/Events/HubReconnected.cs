namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>
/// The hub reconnected (with a fresh token) and every subscription was invoked again. Missed events are
/// not replayed (§9.3): reconcile orders, positions and trades through REST before trusting local state.
/// </summary>
/// <param name="Hub">"market" or "user".</param>
public sealed record HubReconnected(DateTimeOffset ReceivedAt, string Hub) : GatewayHubEvent(ReceivedAt);
