using MathNet.Numerics.Statistics;

namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Percentile bootstrap confidence interval of a sample mean (Efron &amp; Tibshirani, <i>An
/// Introduction to the Bootstrap</i>, 1993, §13.3): draw B resamples of the N values with
/// replacement, take each resample's mean, and report the (1 − level)/2 and (1 + level)/2 quantiles
/// of the B means (quantile definition R-7, the numpy/Excel default, via MathNet.Numerics). The random
/// generator is <see cref="Random"/> seeded with <c>seed</c>, so the same input gives the same
/// interval. A win rate is the mean of 1 (win) / 0 (not a win) values.
/// </summary>
public static class BootstrapInterval
{
    /// <summary>Default number of resamples, B.</summary>
    public const int DefaultResamples = 10_000;

    /// <summary>The percentile-bootstrap interval of the mean of <paramref name="values"/>; null for an empty sample.</summary>
    /// <param name="values">The sample (e.g. net P&amp;L per trade, USD).</param>
    /// <param name="resamples">B, ≥ 1.</param>
    /// <param name="seed">Seed of the random generator.</param>
    /// <param name="level">Confidence level, in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> &lt; 1 or <paramref name="level"/> outside (0, 1).</exception>
    public static ConfidenceInterval? OfMean(ReadOnlySpan<double> values, int resamples = DefaultResamples, int seed = 1, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (level is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(level), level, "confidence level must be in (0, 1)");
        var n = values.Length;
        if (n == 0)
            return null;
        var random = new Random(seed);
        var means = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
                sum += values[random.Next(n)];
            means[b] = sum / n;
        }
        var alpha = (1 - level) / 2;
        var lower = ArrayStatistics.QuantileCustomInplace(means, alpha, QuantileDefinition.R7);
        var upper = ArrayStatistics.QuantileCustomInplace(means, 1 - alpha, QuantileDefinition.R7);
        return new ConfidenceInterval(lower, upper, level);
    }
}
