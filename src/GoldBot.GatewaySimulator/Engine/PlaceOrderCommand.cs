namespace GoldBot.GatewaySimulator.Engine;

/// <summary>The fields of an <c>Order/place</c> request (research/topstepx-api.md §7.1).</summary>
/// <param name="AccountId">Account.</param>
/// <param name="ContractId">ProjectX contract id.</param>
/// <param name="Type">Order type (raw value; unknown values are rejected).</param>
/// <param name="Side">0 buy, 1 sell (raw value).</param>
/// <param name="Size">Contracts, must be &gt; 0.</param>
/// <param name="LimitPrice">Limit price in points (Limit).</param>
/// <param name="StopPrice">Stop price in points (Stop).</param>
/// <param name="TrailPrice">TrailingStop: an absolute price level; the distance to the last price fixes the trail in ticks.</param>
/// <param name="CustomTag">Optional tag, unique per account.</param>
/// <param name="StopLossBracket">Optional stop-loss leg.</param>
/// <param name="TakeProfitBracket">Optional take-profit leg.</param>
public sealed record PlaceOrderCommand(
    int AccountId,
    string ContractId,
    int Type,
    int Side,
    int Size,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    decimal? TrailPrice = null,
    string? CustomTag = null,
    BracketLeg? StopLossBracket = null,
    BracketLeg? TakeProfitBracket = null);
