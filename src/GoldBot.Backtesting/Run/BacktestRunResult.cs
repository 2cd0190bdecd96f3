using GoldBot.Backtesting.Combine;
using GoldBot.Backtesting.Report;
using GoldBot.Backtesting.Statistics;
using GoldBot.Backtesting.WalkForward;
using GoldBot.Market;

namespace GoldBot.Backtesting.Run;

/// <summary>Everything one <see cref="BacktestRun"/> produced: what stats.json, trades.csv and report.html are written from.</summary>
/// <param name="Bars">The input bars (UTC, quote units).</param>
/// <param name="Strategy">The order-block strategy on the full sample with the configured parameters.</param>
/// <param name="Statistics">
/// Statistics of <paramref name="Strategy"/> with the Combine and Monte Carlo sections, plus the
/// sections and breakdowns of <see cref="RunComparison"/> (out of sample, baselines, folds).
/// </param>
/// <param name="Combine">The Combine rules applied to the full-sample run, day by day.</param>
/// <param name="MonteCarlo">Combine pass probability from resampled full-sample trades.</param>
/// <param name="WalkForward">The walk-forward test, or null when skipped.</param>
/// <param name="OutOfSample">Statistics of the stitched out-of-sample run, or null when skipped.</param>
/// <param name="Baselines">Buy-and-hold, EMA crossover and random entries, in that order.</param>
/// <param name="Zones">Order blocks for the chart (see <see cref="OrderBlockZones"/>).</param>
/// <param name="Chart">The report's price chart of <paramref name="Bars"/>, aggregated for <see cref="HtmlReportWriter.DefaultMaxChartCandles"/>, or null.</param>
public sealed record BacktestRunResult(
    IReadOnlyList<Bar> Bars,
    BacktestResult Strategy,
    BacktestStatistics Statistics,
    CombineResult Combine,
    MonteCarloResult MonteCarlo,
    WalkForwardResult? WalkForward,
    BacktestStatistics? OutOfSample,
    IReadOnlyList<BaselineRun> Baselines,
    IReadOnlyList<ReportZone> Zones,
    PriceChart? Chart = null);
