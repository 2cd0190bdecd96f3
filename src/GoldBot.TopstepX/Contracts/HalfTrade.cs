namespace GoldBot.TopstepX.Contracts;

/// <summary>
/// One half-turn fill (swagger <c>HalfTradeModel</c>; Trade/search and user hub <c>GatewayUserTrade</c>; §8.2).
/// </summary>
public sealed record HalfTrade
{
    /// <summary>Trade id.</summary>
    public long Id { get; init; }

    /// <summary>Account id.</summary>
    public long AccountId { get; init; }

    /// <summary>Contract id.</summary>
    public string ContractId { get; init; } = "";

    /// <summary>Fill time, UTC.</summary>
    public DateTimeOffset CreationTimestamp { get; init; }

    /// <summary>Fill price, points.</summary>
    public decimal Price { get; init; }

    /// <summary>Realised P&amp;L of a closing fill, USD; null on an opening fill.</summary>
    public decimal? ProfitAndLoss { get; init; }

    /// <summary>Fees, USD.</summary>
    public decimal Fees { get; init; }

    /// <summary>Commissions, USD (seen live beside <see cref="Fees"/>; whether fees include it is UNCONFIRMED).</summary>
    public decimal? Commissions { get; init; }

    /// <summary>Side of this fill.</summary>
    public OrderSide Side { get; init; }

    /// <summary>Quantity, contracts.</summary>
    public int Size { get; init; }

    /// <summary>Whether the trade was voided.</summary>
    public bool Voided { get; init; }

    /// <summary>Order that produced the fill.</summary>
    public long OrderId { get; init; }
}
