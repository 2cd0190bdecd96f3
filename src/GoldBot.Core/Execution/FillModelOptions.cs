namespace GoldBot.Execution;

/// <summary>
/// Costs, slippage and the limit-fill rule of the simulated broker. MGC defaults: $0.62 per
/// contract per side all-in (TopstepX's published $1.24 round trip for MGC,
/// <c>research/topstepx-api.md</c> §10), one tick of slippage on market and stop orders, and
/// limit orders filled at their price once a bar trades one tick through it.
/// </summary>
public record FillModelOptions
{
    /// <summary>Commission plus exchange and platform fees, USD per contract per side.</summary>
    public decimal CommissionPerSide { get; init; } = 0.62m;

    /// <summary>Adverse slippage on market orders, ticks.</summary>
    public int MarketSlippageTicks { get; init; } = 1;

    /// <summary>Adverse slippage on triggered stop orders, ticks.</summary>
    public int StopSlippageTicks { get; init; } = 1;

    /// <summary>
    /// How far a bar must trade beyond a resting limit order before the order counts as filled,
    /// ticks (≥ 0): a sell limit fills when the bar's high ≥ limit + this many ticks, a buy limit
    /// when its low ≤ limit − this many ticks, always at the limit price. Default 1; 0 fills on a
    /// touch.
    /// </summary>
    /// <remarks>
    /// A bar that only touches the limit shows that some volume traded at that price, not that
    /// this order was reached: the orders resting at one price fill in queue order (by time of
    /// entry under a FIFO matching algorithm such as CME Globex's), and a new order joins the back
    /// of that queue. Only a trade at the next price beyond proves the whole queue at the limit
    /// was taken. Bar-based backtesters use this "trade-through" convention: QuantConnect Lean's
    /// base fill model fills a buy limit only when the bar's low is strictly below the limit (a
    /// sell limit only when the high is strictly above it), which on a tick grid means at least
    /// one tick through; NautilusTrader's fill model fills a limit that the market only touches
    /// with the probability <c>prob_fill_on_limit</c> (its queue-position assumption, 1 by
    /// default), while a price that trades through fills it. 1 here is the trade-through
    /// convention with no fill on the touch; 0 is the optimistic fill-on-touch. Unlike Lean's,
    /// a bar that gaps through the limit still fills it at the limit, never at a better price.
    /// </remarks>
    public int LimitTradeThroughTicks { get; init; } = 1;
}
