namespace GoldBot.Backtesting.Statistics;

/// <summary>Settings of the statistics that involve resampling.</summary>
/// <param name="BootstrapResamples">Bootstrap resamples B for the confidence intervals (default 10,000).</param>
/// <param name="Seed">Seed of the bootstrap's random generator (same seed, same intervals).</param>
/// <param name="ConfidenceLevel">Confidence level of the intervals, fraction (default 0.95).</param>
public sealed record StatisticsOptions(int BootstrapResamples = BootstrapInterval.DefaultResamples, int Seed = 1, double ConfidenceLevel = 0.95)
{
    /// <summary>The defaults: B = 10,000, seed 1, 95 %.</summary>
    public static StatisticsOptions Default { get; } = new();
}
