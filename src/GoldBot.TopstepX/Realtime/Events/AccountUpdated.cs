using GoldBot.TopstepX.Contracts;

namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>User hub <c>GatewayUserAccount</c>: balance or trading permission changed.</summary>
/// <param name="Action">Wrapper <c>action</c> (seen: 1 on updates), null when the entity came bare.</param>
/// <param name="Account">The account as sent.</param>
public sealed record AccountUpdated(DateTimeOffset ReceivedAt, int? Action, TradingAccount Account) : GatewayHubEvent(ReceivedAt);
