namespace GoldBot.Execution;

/// <summary>
/// Costs and slippage of the simulated broker. MGC defaults: $0.62 per contract per side
/// all-in (TopstepX's published $1.24 round trip for MGC, <c>research/topstepx-api.md</c> §10)
/// and one tick of slippage on market and stop orders; limit orders fill at their price.
/// </summary>
public sealed record FillModelOptions
{
    /// <summary>Commission plus exchange and platform fees, USD per contract per side.</summary>
    public decimal CommissionPerSide { get; init; } = 0.62m;

    /// <summary>Adverse slippage on market orders, ticks.</summary>
    public int MarketSlippageTicks { get; init; } = 1;

    /// <summary>Adverse slippage on triggered stop orders, ticks.</summary>
    public int StopSlippageTicks { get; init; } = 1;
}
