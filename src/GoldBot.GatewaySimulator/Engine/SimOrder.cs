namespace GoldBot.GatewaySimulator.Engine;

/// <summary>
/// An order held by the simulated gateway (<c>OrderModel</c> plus the swagger extras, research/topstepx-api.md §7.4).
/// Immutable: every change stores a new snapshot, which is also what the user hub publishes.
/// </summary>
/// <param name="Id">Order id; ids increase.</param>
/// <param name="AccountId">Owning account.</param>
/// <param name="ContractId">ProjectX contract id.</param>
/// <param name="SymbolId">ProjectX symbol id.</param>
/// <param name="CreationTimestamp">Market time (UTC) of placement.</param>
/// <param name="UpdateTimestamp">Market time (UTC) of the last change.</param>
/// <param name="Status">Current status.</param>
/// <param name="Type">Order type.</param>
/// <param name="Side">Buy (Bid) or sell (Ask).</param>
/// <param name="Size">Contracts.</param>
/// <param name="LimitPrice">Limit price (points), Limit orders.</param>
/// <param name="StopPrice">Stop price (points); for a trailing stop, its current trigger level.</param>
/// <param name="TrailPrice">Trailing stops: the trail distance in price (ticks × tick size), as the gateway reads it back.</param>
/// <param name="TrailDistance">Trailing stops: the trail distance in ticks.</param>
/// <param name="FillVolume">Contracts filled so far.</param>
/// <param name="FilledPrice">Volume-weighted fill price (points), null before the first fill.</param>
/// <param name="CustomTag">Client tag, unique per account.</param>
/// <param name="ParentOrderId">Bracket legs: the entry order.</param>
/// <param name="LinkedOrderId">Bracket legs: the other leg (one cancels the other).</param>
public sealed record SimOrder(
    long Id,
    int AccountId,
    string ContractId,
    string SymbolId,
    DateTimeOffset CreationTimestamp,
    DateTimeOffset UpdateTimestamp,
    OrderStatus Status,
    OrderType Type,
    OrderSide Side,
    int Size,
    decimal? LimitPrice,
    decimal? StopPrice,
    decimal? TrailPrice,
    int? TrailDistance,
    int FillVolume,
    decimal? FilledPrice,
    string? CustomTag,
    long? ParentOrderId,
    long? LinkedOrderId)
{
    /// <summary>Stop-loss leg to create when this entry fills (Auto OCO).</summary>
    public BracketLeg? StopLossBracket { get; init; }

    /// <summary>Take-profit leg to create when this entry fills (Auto OCO).</summary>
    public BracketLeg? TakeProfitBracket { get; init; }

    /// <summary>Trailing stops: best price seen since placement (highest for a sell, lowest for a buy), in points.</summary>
    public decimal? TrailExtreme { get; init; }

    /// <summary>How many pieces the next fill is split into (the partial-fill fault); 1 normally.</summary>
    public int FillPieces { get; init; } = 1;

    /// <summary>Ticks between the prices of those pieces, each worse than the one before (the partial-fill fault); 0 normally.</summary>
    public int FillPieceTicksApart { get; init; }

    /// <summary>True while the order can still fill.</summary>
    public bool IsWorking => Status == OrderStatus.Open;

    /// <summary>+1 for a buy, −1 for a sell.</summary>
    public int Direction => Side == OrderSide.Bid ? 1 : -1;
}
