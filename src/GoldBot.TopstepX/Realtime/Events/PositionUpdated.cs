using GoldBot.TopstepX.Contracts;

namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>User hub <c>GatewayUserPosition</c>; a closed position arrives with size 0 (action 2 live). Not guaranteed to fire: poll positions too.</summary>
/// <param name="Action">Wrapper <c>action</c>, null when the entity came bare.</param>
/// <param name="Position">The position as sent.</param>
public sealed record PositionUpdated(DateTimeOffset ReceivedAt, int? Action, GatewayPosition Position) : GatewayHubEvent(ReceivedAt);
