namespace GoldBot.Execution;

/// <summary>Buy or sell (ProjectX <c>side</c>: 0 = bid/buy, 1 = ask/sell).</summary>
public enum OrderSide
{
    /// <summary>Buy (bid).</summary>
    Buy,

    /// <summary>Sell (ask).</summary>
    Sell,
}

/// <summary>Order types GoldBot uses (a subset of ProjectX's OrderType: 1 Limit, 2 Market, 4 Stop).</summary>
public enum OrderType
{
    /// <summary>Fill at the market.</summary>
    Market,

    /// <summary>Fill at the limit price or better.</summary>
    Limit,

    /// <summary>Becomes a market order when the stop price trades.</summary>
    Stop,
}

/// <summary>
/// An exit leg attached to an entry order (one-triggers-other): it is created when the entry
/// fills, priced by a tick offset from the entry fill price, like ProjectX's
/// <c>stopLossBracket</c>/<c>takeProfitBracket</c> (<c>research/topstepx-api.md</c> §7.1).
/// </summary>
/// <param name="Tag">Client tag of the leg, unique per account.</param>
/// <param name="Type"><see cref="OrderType.Stop"/> for the stop loss, <see cref="OrderType.Limit"/> for a take profit.</param>
/// <param name="Quantity">Contracts.</param>
/// <param name="OffsetTicks">Distance from the entry fill price in ticks: against the position for a stop, in its favour for a limit.</param>
public sealed record AttachedOrder(string Tag, OrderType Type, int Quantity, int OffsetTicks);

/// <summary>
/// An order to place. Prices are in points and must be on the tick grid.
/// </summary>
/// <param name="Tag">Client tag, unique per account (ProjectX <c>customTag</c>): lets a retry be matched to an order that did reach the broker.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Market, limit or stop.</param>
/// <param name="Quantity">Contracts, &gt; 0.</param>
/// <param name="LimitPrice">Limit price for <see cref="OrderType.Limit"/>.</param>
/// <param name="StopPrice">Trigger price for <see cref="OrderType.Stop"/>.</param>
/// <param name="ReduceOnly">Only ever reduces the open position; cancelled when the position is flat.</param>
/// <param name="Attached">Exit legs created when this order fills (one OCO group).</param>
public sealed record OrderRequest(
    string Tag,
    OrderSide Side,
    OrderType Type,
    int Quantity,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    bool ReduceOnly = false,
    IReadOnlyList<AttachedOrder>? Attached = null);

/// <summary>The broker's answer to a place, modify or cancel request.</summary>
/// <param name="Success">True when the broker accepted the request.</param>
/// <param name="OrderId">Broker order id (also set on some rejections: ProjectX creates the rejected order).</param>
/// <param name="Error">Why it was rejected, or null.</param>
public sealed record OrderAck(bool Success, long OrderId, string? Error)
{
    /// <summary>An accepted request.</summary>
    public static OrderAck Accepted(long orderId) => new(true, orderId, null);

    /// <summary>A rejected request with its reason.</summary>
    public static OrderAck Rejected(long orderId, string error) => new(false, orderId, error);
}

/// <summary>A working order as the broker reports it.</summary>
/// <param name="OrderId">Broker id.</param>
/// <param name="Tag">Client tag.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Order type.</param>
/// <param name="Quantity">Contracts still to fill.</param>
/// <param name="LimitPrice">Limit price, points.</param>
/// <param name="StopPrice">Stop price, points.</param>
public sealed record WorkingOrder(long OrderId, string Tag, OrderSide Side, OrderType Type, int Quantity, decimal? LimitPrice, decimal? StopPrice);

/// <summary>The account as the broker reports it.</summary>
/// <param name="Balance">Cash balance in USD after realised P&amp;L, commissions and fees.</param>
/// <param name="Position">Net position in contracts: &gt; 0 long, &lt; 0 short.</param>
/// <param name="AveragePrice">Average entry price of the position, points (0 when flat).</param>
/// <param name="WorkingOrders">Orders not yet filled or cancelled.</param>
public sealed record AccountSnapshot(decimal Balance, int Position, decimal AveragePrice, IReadOnlyList<WorkingOrder> WorkingOrders);
