namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Calmar ratio: CAGR ÷ |maximum drawdown %| (Young, "Calmar Ratio: A Smoother Tool", Futures
/// magazine 1991; NautilusTrader <c>CalmarRatio</c>), both as fractions, over the whole run rather
/// than Young's trailing 36 months.
/// </summary>
public static class CalmarRatio
{
    /// <summary>The Calmar ratio; null when CAGR is unknown or there was no drawdown.</summary>
    /// <param name="cagr">Compound annual growth rate, fraction.</param>
    /// <param name="maxDrawdownFraction">Maximum drawdown relative to the running peak, fraction (sign ignored).</param>
    public static double? Of(double? cagr, double maxDrawdownFraction) =>
        cagr is { } c && maxDrawdownFraction != 0 ? c / Math.Abs(maxDrawdownFraction) : null;
}
