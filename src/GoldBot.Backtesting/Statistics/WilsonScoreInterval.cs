namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Wilson score interval of a binomial proportion (Wilson, "Probable inference, the law of succession,
/// and statistical inference", JASA 1927; recommended over the Wald interval by Brown, Cai &amp;
/// DasGupta, Statistical Science 2001): centre (p̂ + z²/2n) ÷ (1 + z²/n), half-width
/// z √(p̂(1 − p̂)/n + z²/4n²) ÷ (1 + z²/n). It stays inside [0, 1] and is not degenerate at p̂ = 0 or 1.
/// </summary>
public static class WilsonScoreInterval
{
    /// <summary>z for a two-sided 95 % interval, the 0.975 standard-normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The 95 % Wilson interval of <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> &lt; 1, or successes outside 0..trials.</exception>
    public static ConfidenceInterval Of(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        const double z = Z95;
        double n = trials, p = successes / n, z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new ConfidenceInterval(Math.Max(0, centre - half), Math.Min(1, centre + half), 0.95);
    }
}
