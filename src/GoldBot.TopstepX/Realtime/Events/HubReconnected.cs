namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>
/// The hub connected again (with the current token) after a <see cref="HubConnectionLost"/>, and every subscription
/// was invoked again. Missed events are not replayed (§9.3): reconcile orders, positions and trades through REST
/// before trusting local state. Not written when the first attempt of <c>StartAsync</c> succeeds.
/// </summary>
/// <param name="Hub">"market" or "user".</param>
public sealed record HubReconnected(DateTimeOffset ReceivedAt, string Hub) : GatewayHubEvent(ReceivedAt);
