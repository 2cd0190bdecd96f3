namespace GoldBot.Execution;

/// <summary>
/// One fill (ProjectX half-turn trade, <c>research/topstepx-api.md</c> §8.2): the unit the order
/// executor books, identified by the broker's fill id so that a fill seen twice (a hub event and
/// again in a REST reconciliation) is booked once.
/// </summary>
/// <param name="FillId">Broker id of the fill, unique per account.</param>
/// <param name="OrderId">Order that filled.</param>
/// <param name="Tag">Client tag of that order, or "" when not known.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Contracts, &gt; 0.</param>
/// <param name="Price">Fill price, points.</param>
/// <param name="Commission">Commission and fees of this fill, USD.</param>
/// <param name="Time">Fill time, UTC.</param>
public sealed record BrokerFill(long FillId, long OrderId, string Tag, OrderSide Side, int Quantity, decimal Price, decimal Commission, DateTimeOffset Time);
