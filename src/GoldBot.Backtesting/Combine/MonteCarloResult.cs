using GoldBot.Backtesting.Statistics;

namespace GoldBot.Backtesting.Combine;

/// <summary>The outcome of <see cref="CombineMonteCarlo"/>: how many simulated accounts reached the target first.</summary>
/// <param name="Paths">Simulated accounts.</param>
/// <param name="Passed">Paths that reached the profit target before the maximum-loss floor.</param>
/// <param name="Failed">Paths that touched the floor first.</param>
/// <param name="Undecided">Paths that reached neither within the trade limit.</param>
/// <param name="PassInterval">95 % Wilson score interval of the pass probability (<see cref="WilsonScoreInterval"/>).</param>
/// <param name="MedianTradesToPass">Median number of trades of the passing paths, or null if none passed.</param>
/// <param name="Seed">Seed used.</param>
/// <param name="MaxTradesPerPath">Trade limit per path.</param>
public sealed record MonteCarloResult(
    int Paths,
    int Passed,
    int Failed,
    int Undecided,
    ConfidenceInterval PassInterval,
    int? MedianTradesToPass,
    int Seed,
    int MaxTradesPerPath)
{
    /// <summary>Passed ÷ paths: the estimated probability of reaching the target before the loss limit.</summary>
    public double PassProbability => (double)Passed / Paths;

    /// <summary>Failed ÷ paths.</summary>
    public double FailProbability => (double)Failed / Paths;

    /// <summary>The result as a report/stats.json section (key <c>monte_carlo</c>).</summary>
    public StatisticsSection ToSection() => new("monte_carlo", "Combine Monte Carlo (trade resampling)",
    [
        StatisticRow.Count("paths", "Paths", Paths),
        StatisticRow.Of("pass_probability", "P(target before loss limit)", StatisticUnit.Fraction, PassProbability),
        StatisticRow.Of("pass_probability_lower", "95 % CI lower (Wilson)", StatisticUnit.Fraction, PassInterval.Lower),
        StatisticRow.Of("pass_probability_upper", "95 % CI upper (Wilson)", StatisticUnit.Fraction, PassInterval.Upper),
        StatisticRow.Of("fail_probability", "P(loss limit first)", StatisticUnit.Fraction, FailProbability),
        StatisticRow.Of("undecided_fraction", "Undecided within the trade limit", StatisticUnit.Fraction, (double)Undecided / Paths),
        StatisticRow.Of("median_trades_to_pass", "Median trades to pass", StatisticUnit.Count, (decimal?)MedianTradesToPass),
        StatisticRow.Count("max_trades_per_path", "Trade limit per path", MaxTradesPerPath),
        StatisticRow.Count("seed", "Seed", Seed),
    ]);
}
