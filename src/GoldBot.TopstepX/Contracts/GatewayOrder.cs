namespace GoldBot.TopstepX.Contracts;

/// <summary>
/// An order as Order/search, Order/searchOpen and the user hub's <c>GatewayUserOrder</c> report it
/// (swagger <c>OrderModel</c>, §7.4). Ids may arrive as JSON strings (fixtures README item 2).
/// </summary>
public sealed record GatewayOrder
{
    /// <summary>Order id.</summary>
    public long Id { get; init; }

    /// <summary>Account id.</summary>
    public long AccountId { get; init; }

    /// <summary>Contract id.</summary>
    public string ContractId { get; init; } = "";

    /// <summary>Product id, e.g. <c>F.US.MGC</c>.</summary>
    public string? SymbolId { get; init; }

    /// <summary>Creation time, UTC.</summary>
    public DateTimeOffset CreationTimestamp { get; init; }

    /// <summary>Last update time, UTC.</summary>
    public DateTimeOffset? UpdateTimestamp { get; init; }

    /// <summary>Status; undefined values are kept as their integer.</summary>
    public OrderStatus Status { get; init; }

    /// <summary>Order type.</summary>
    public OrderType Type { get; init; }

    /// <summary>Side (0 buy, 1 sell).</summary>
    public OrderSide Side { get; init; }

    /// <summary>Quantity, contracts.</summary>
    public int Size { get; init; }

    /// <summary>Limit price, points (Limit orders).</summary>
    public decimal? LimitPrice { get; init; }

    /// <summary>Stop price, points (Stop orders).</summary>
    public decimal? StopPrice { get; init; }

    /// <summary>Trailing distance in price when read back (ticks × tickSize, §7.1).</summary>
    public decimal? TrailPrice { get; init; }

    /// <summary>Trailing distance, ticks (swagger extra).</summary>
    public int? TrailDistance { get; init; }

    /// <summary>Filled quantity, contracts.</summary>
    public int FillVolume { get; init; }

    /// <summary>Average fill price, points; null until filled.</summary>
    public decimal? FilledPrice { get; init; }

    /// <summary>Client tag given on place (unique per account); bracket legs get <c>-SL</c>/<c>-TP</c> suffixes.</summary>
    public string? CustomTag { get; init; }

    /// <summary>Entry order of a bracket leg (semantics UNCONFIRMED, §7.4).</summary>
    public long? ParentOrderId { get; init; }

    /// <summary>OCO sibling of a bracket leg (semantics UNCONFIRMED, §7.4).</summary>
    public long? LinkedOrderId { get; init; }

    /// <summary>Whether the order is still working (Open, Pending, Suspended or PendingCancellation).</summary>
    public bool IsWorking => Status is OrderStatus.Open or OrderStatus.Pending or OrderStatus.Suspended or OrderStatus.PendingCancellation;
}
