namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Annualised Sharpe ratio of daily returns (Sharpe, "Mutual Fund Performance", J. Business 1966;
/// "The Sharpe Ratio", J. Portfolio Management 1994): mean(r) ÷ stdev(r) × √252, with the risk-free
/// rate taken as 0, the sample standard deviation (divisor N − 1) and 252 trading days a year — the
/// definition of empyrical <c>sharpe_ratio</c> and QuantStats <c>sharpe</c> with rf = 0.
/// </summary>
public static class SharpeRatio
{
    /// <summary>Trading days per year used to annualise daily ratios.</summary>
    public const int TradingDaysPerYear = 252;

    /// <summary>The annualised Sharpe ratio; null with fewer than two returns or zero dispersion.</summary>
    /// <param name="dailyReturns">Daily simple returns, fractions.</param>
    public static double? Of(ReadOnlySpan<double> dailyReturns)
    {
        var n = dailyReturns.Length;
        if (n < 2)
            return null;
        var mean = Mean(dailyReturns);
        var sumSquares = 0.0;
        foreach (var r in dailyReturns)
            sumSquares += (r - mean) * (r - mean);
        var stdev = Math.Sqrt(sumSquares / (n - 1));
        return stdev == 0 ? null : mean / stdev * Math.Sqrt(TradingDaysPerYear);
    }

    internal static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
            sum += v;
        return sum / values.Length;
    }
}
