namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Maximum drawdown of an equity curve (Magdon-Ismail &amp; Atiya, "Maximum drawdown", Risk 2004): the
/// largest fall from the running peak to a later point, in USD, and the largest such fall relative to
/// its running peak, (peak − equity) ÷ peak, as a fraction. The two maxima can occur at different
/// points of the curve.
/// </summary>
/// <param name="MaxUsd">Largest peak-to-later-point fall, USD (≥ 0).</param>
/// <param name="MaxFraction">Largest fall relative to the running peak, fraction 0–1 (≥ 0).</param>
public readonly record struct EquityDrawdown(decimal MaxUsd, double MaxFraction)
{
    /// <summary>The drawdowns of a curve given in time order, USD; zero for an empty curve.</summary>
    public static EquityDrawdown Of(IEnumerable<decimal> equity)
    {
        ArgumentNullException.ThrowIfNull(equity);
        var started = false;
        decimal peak = 0, maxUsd = 0, deepestSincePeak = 0;
        double maxFraction = 0;
        foreach (var e in equity)
        {
            if (!started || e > peak)
            {
                peak = e;
                deepestSincePeak = 0;
                started = true;
            }
            var fall = peak - e;
            maxUsd = Math.Max(maxUsd, fall);
            // Under one peak the fraction grows with the fall, so only a fall deeper than any since the peak can raise it:
            // the decimal division (most of the time on a 1,000,000-point curve) is done for those falls only.
            if (peak > 0 && fall > deepestSincePeak)
            {
                deepestSincePeak = fall;
                maxFraction = Math.Max(maxFraction, (double)(fall / peak));
            }
        }
        return new EquityDrawdown(maxUsd, maxFraction);
    }
}
