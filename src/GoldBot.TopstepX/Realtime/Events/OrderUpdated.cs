using GoldBot.TopstepX.Contracts;

namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>User hub <c>GatewayUserOrder</c>. Events duplicate and reorder: apply idempotently by order id.</summary>
/// <param name="Action">Wrapper <c>action</c>, null when the entity came bare.</param>
/// <param name="Order">The order as sent (ids may have arrived as strings).</param>
public sealed record OrderUpdated(DateTimeOffset ReceivedAt, int? Action, GatewayOrder Order) : GatewayHubEvent(ReceivedAt);
