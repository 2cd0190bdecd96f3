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
/// An order to place. Prices are in points and must be on the tick grid.
/// </summary>
/// <param name="Tag">Client tag, unique per account (ProjectX <c>customTag</c>): lets an order whose answer was lost be found again.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Market, limit or stop.</param>
/// <param name="Quantity">Contracts, &gt; 0.</param>
/// <param name="LimitPrice">Limit price for <see cref="OrderType.Limit"/>.</param>
/// <param name="StopPrice">Trigger price for <see cref="OrderType.Stop"/>.</param>
/// <param name="ReduceOnly">
/// An exit order: it may only reduce the open position. The simulated broker honours it (an exit
/// never fills beyond the position, and exits are cancelled when the position goes flat), which
/// models at bar resolution what the order executor does within milliseconds on a real account.
/// ProjectX has no reduce-only flag, so the gateway adapter never sends it; there the executor's
/// protection checks keep exits no larger than the position.
/// </param>
public sealed record OrderRequest(
    string Tag,
    OrderSide Side,
    OrderType Type,
    int Quantity,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    bool ReduceOnly = false);

/// <summary>
/// New values for a working order (ProjectX <c>Order/modify</c>). Every value is the full intended
/// one, never "unchanged": what the gateway does with an omitted field is undocumented
/// (<c>research/topstepx-api.md</c> §7.2).
/// </summary>
/// <param name="OrderId">Broker id of the order.</param>
/// <param name="Quantity">Contracts still to fill, &gt; 0.</param>
/// <param name="StopPrice">Stop price, points, for a stop order (null for a limit).</param>
/// <param name="LimitPrice">Limit price, points, for a limit order (null for a stop).</param>
public sealed record OrderChange(long OrderId, int Quantity, decimal? StopPrice, decimal? LimitPrice);

/// <summary>What a broker request is known to have done.</summary>
public enum AckOutcome
{
    /// <summary>The broker did it.</summary>
    Accepted,

    /// <summary>The broker refused; nothing changed (a ProjectX rejection may still create a rejected order).</summary>
    Rejected,

    /// <summary>
    /// Unknown: the request may or may not have been carried out (a timeout, a lost answer, a 5xx after
    /// sending). Never the same as rejected: the order is looked up by its tag before anything else is decided.
    /// </summary>
    Uncertain,
}

/// <summary>The broker's answer to a place, modify, cancel or close request.</summary>
/// <param name="Outcome">Done, refused, or unknown.</param>
/// <param name="OrderId">Broker order id (0 when unknown; also set on some rejections: ProjectX creates the rejected order).</param>
/// <param name="Error">Why it was refused or is unknown, or null.</param>
public sealed record OrderAck(AckOutcome Outcome, long OrderId, string? Error)
{
    /// <summary>True when the broker accepted the request.</summary>
    public bool Success => Outcome == AckOutcome.Accepted;

    /// <summary>An accepted request.</summary>
    public static OrderAck Accepted(long orderId) => new(AckOutcome.Accepted, orderId, null);

    /// <summary>A rejected request with its reason.</summary>
    public static OrderAck Rejected(long orderId, string error) => new(AckOutcome.Rejected, orderId, error);

    /// <summary>A request whose outcome is unknown, with why.</summary>
    public static OrderAck Uncertain(long orderId, string error) => new(AckOutcome.Uncertain, orderId, error);
}

/// <summary>A working order as the broker reports it.</summary>
/// <param name="OrderId">Broker id.</param>
/// <param name="Tag">Client tag ("" when the order has none, e.g. one placed on the platform by hand).</param>
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
/// <param name="Fills">
/// The account's fills of the traded contract over a recent window (ProjectX <c>Trade/search</c>), so fills
/// whose events were missed can be applied; null when the broker never loses an event (the simulated broker).
/// </param>
public sealed record AccountSnapshot(decimal Balance, int Position, decimal AveragePrice, IReadOnlyList<WorkingOrder> WorkingOrders,
    IReadOnlyList<BrokerFill>? Fills = null);
