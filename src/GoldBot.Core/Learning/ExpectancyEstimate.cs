namespace GoldBot.Learning;

/// <summary>
/// Results of a set of closed trades in R multiples: count, win rate, the mean shrunk toward a pooled mean, and a 95 %
/// confidence interval. The interval is Student's t on the sample's standard deviation (its quantile from the
/// Cornish–Fisher expansion, Abramowitz and Stegun 26.7.5, within 0.5 % of the table from 5 degrees of freedom): the shrunk
/// mean ± t · s ÷ √n. Shrinking toward the pooled mean (an empirical-Bayes, James–Stein-style estimate; Efron and Morris,
/// 1975) moves the estimate of a small cell toward what all trades show, and the interval keeps the sample's whole width:
/// shrinkage never makes a cell look more certain than its own trades do.
/// </summary>
/// <param name="Trades">Closed trades.</param>
/// <param name="WinRate">Trades with a positive result ÷ trades (0 with none).</param>
/// <param name="Mean">Mean R, shrunk: (n · mean + k · pooled) ÷ (n + k).</param>
/// <param name="Low">Lower 95 % bound, R (null below 2 trades).</param>
/// <param name="High">Upper 95 % bound, R (null below 2 trades).</param>
public sealed record ExpectancyEstimate(int Trades, double WinRate, double Mean, double? Low, double? High)
{
    /// <summary>Estimates from <paramref name="results"/> (R multiples), shrunk toward <paramref name="pooled"/> with weight <paramref name="k"/> trades.</summary>
    public static ExpectancyEstimate Of(IReadOnlyList<double> results, double pooled, int k)
    {
        ArgumentNullException.ThrowIfNull(results);
        var n = results.Count;
        if (n == 0)
            return new ExpectancyEstimate(0, 0, pooled, null, null);
        var mean = results.Average();
        var wins = results.Count(r => r > 0);
        var weight = (double)n / (n + k);
        var shrunk = weight * mean + (1 - weight) * pooled;
        if (n < 2)
            return new ExpectancyEstimate(n, (double)wins / n, shrunk, null, null);
        var variance = results.Sum(r => (r - mean) * (r - mean)) / (n - 1);
        var half = StudentT975(n - 1) * Math.Sqrt(variance / n);
        return new ExpectancyEstimate(n, (double)wins / n, shrunk, shrunk - half, shrunk + half);
    }

    /// <summary>The 97.5 % quantile of Student's t with <paramref name="df"/> degrees of freedom (Cornish–Fisher from z = 1.959964).</summary>
    public static double StudentT975(int df)
    {
        const double z = 1.959963984540054;
        double v = df, z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
    }
}
