using GoldBot.TopstepX.Contracts;

namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>User hub <c>GatewayUserTrade</c>: one half-turn fill of the account.</summary>
/// <param name="Action">Wrapper <c>action</c> (seen: 0 on a new trade), null when the entity came bare.</param>
/// <param name="Trade">The fill as sent.</param>
public sealed record UserTradeReceived(DateTimeOffset ReceivedAt, int? Action, HalfTrade Trade) : GatewayHubEvent(ReceivedAt);
