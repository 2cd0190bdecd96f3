namespace GoldBot.TopstepX.Contracts;

/// <summary>
/// An order to place through Order/place (§7.1). Prices are points and must sit on the contract's
/// tick grid. <see cref="CustomTag"/> must be unique across the account: the client uses it to learn,
/// after a timeout, whether the order exists, and the gateway rejects a second order with the same tag.
/// </summary>
public sealed record PlaceOrderRequest
{
    /// <summary>Account id.</summary>
    public long AccountId { get; init; }

    /// <summary>Contract id, e.g. <c>CON.F.US.MGC.Z26</c>.</summary>
    public string ContractId { get; init; } = "";

    /// <summary>Order type (Limit, Market, Stop, TrailingStop, JoinBid, JoinAsk).</summary>
    public OrderType Type { get; init; }

    /// <summary>Side: Bid = buy, Ask = sell.</summary>
    public OrderSide Side { get; init; }

    /// <summary>Quantity, contracts (&gt; 0).</summary>
    public int Size { get; init; }

    /// <summary>Limit price, points (Limit orders).</summary>
    public decimal? LimitPrice { get; init; }

    /// <summary>Stop price, points (Stop orders).</summary>
    public decimal? StopPrice { get; init; }

    /// <summary>Trailing stop level, points: an absolute price, not a distance (§7.1).</summary>
    public decimal? TrailPrice { get; init; }

    /// <summary>Unique tag; the client generates one when null.</summary>
    public string? CustomTag { get; init; }

    /// <summary>Stop-loss bracket in ticks from the fill (needs Auto OCO Brackets mode on the account).</summary>
    public BracketLeg? StopLossBracket { get; init; }

    /// <summary>Take-profit bracket in ticks from the fill (needs Auto OCO Brackets mode on the account).</summary>
    public BracketLeg? TakeProfitBracket { get; init; }
}
