namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>
/// The hub server's <c>SimulatorSync</c> message (one <c>long</c> argument), written in order with the hub's other
/// events. TopstepX never sends it; an in-process driver of the gateway simulator sends it after its other messages
/// and, on reading this event back, knows the client has consumed everything the server sent before it.
/// </summary>
/// <param name="Time">When the client received it, UTC (client clock; same as <see cref="GatewayHubEvent.ReceivedAt"/>).</param>
/// <param name="Hub">"market" or "user".</param>
/// <param name="Sequence">The number the server sent, unchanged.</param>
public sealed record HubSync(DateTimeOffset Time, string Hub, long Sequence) : GatewayHubEvent(Time);
