namespace GoldBot.Backtesting.Statistics;

/// <summary>A two-sided confidence interval, in the unit of the statistic it brackets.</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Level">Confidence level, fraction (0.95).</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level)
{
    /// <summary>True when <paramref name="value"/> lies within the bounds, inclusive.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Upper − lower.</summary>
    public double Width => Upper - Lower;
}
