namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Simple daily returns of account equity over CME trading days: r_d = E_d ÷ E_(d−1) − 1, where E_d is
/// the equity at the close of trading day d and E_0 is the first day's opening equity. Returns are
/// fractions (0.01 = 1 %). Only days with bars appear, so weekends and holidays contribute no zero
/// returns (the convention of QuantStats and empyrical on a trading-day index).
/// </summary>
public static class DailyReturns
{
    /// <summary>The daily returns of <paramref name="days"/>, in order; empty without days.</summary>
    /// <exception cref="ArgumentException">An equity value is ≤ 0 where a return is computed from it.</exception>
    public static double[] Of(IReadOnlyList<TradingDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var returns = new double[days.Count];
        var previous = days.Count > 0 ? days[0].StartEquity : 0m;
        for (var i = 0; i < days.Count; i++)
        {
            if (previous <= 0)
                throw new ArgumentException($"equity {previous} before {days[i].Date} is not positive; returns are undefined", nameof(days));
            returns[i] = (double)(days[i].EndEquity / previous - 1m);
            previous = days[i].EndEquity;
        }
        return returns;
    }
}
