namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Annualised Sortino ratio of daily returns (Sortino &amp; Price, "Performance Measurement in a
/// Downside Risk Framework", J. Investing 1994): mean(r) ÷ DD × √252, with the target return 0 and
/// the downside deviation DD = √( Σ min(r, 0)² ÷ N ) taken over all N returns (returns above the
/// target count as zero deviation). This is the variant of empyrical <c>sortino_ratio</c> and
/// QuantStats <c>sortino</c> with rf = 0.
/// </summary>
public static class SortinoRatio
{
    /// <summary>The annualised Sortino ratio; null with fewer than two returns or no negative return.</summary>
    /// <param name="dailyReturns">Daily simple returns, fractions.</param>
    public static double? Of(ReadOnlySpan<double> dailyReturns)
    {
        var n = dailyReturns.Length;
        if (n < 2)
            return null;
        var downside = 0.0;
        foreach (var r in dailyReturns)
        {
            if (r < 0)
                downside += r * r;
        }
        if (downside == 0)
            return null;
        return SharpeRatio.Mean(dailyReturns) / Math.Sqrt(downside / n) * Math.Sqrt(SharpeRatio.TradingDaysPerYear);
    }
}
