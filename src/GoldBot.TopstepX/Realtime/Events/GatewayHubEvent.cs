namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>
/// Something a gateway hub reported, in arrival order, written to the hub's channel without blocking the
/// SignalR receive loop. Owners feed these into one single-writer state machine (§12.4).
/// </summary>
/// <param name="ReceivedAt">When the client received it, UTC (client clock).</param>
public abstract record GatewayHubEvent(DateTimeOffset ReceivedAt);
