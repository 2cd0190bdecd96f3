using System.Diagnostics;
using GoldBot.Backtesting.Baselines;
using GoldBot.Backtesting.Combine;
using GoldBot.Backtesting.Engine;
using GoldBot.Backtesting.Statistics;
using GoldBot.Backtesting.WalkForward;
using GoldBot.Market;

namespace GoldBot.Backtesting.Run;

/// <summary>One way of trading compared by <see cref="SetupComparison"/>: a name and the settings it changes.</summary>
/// <param name="Name">Shown in the table, e.g. <c>breaker_block</c>.</param>
/// <param name="Apply">The variant's settings from the configured ones.</param>
public sealed record ComparisonVariant(string Name, Func<BacktestSettings, BacktestSettings> Apply)
{
    /// <summary>
    /// The variants compared, all with learning off unless named: each tradeable pattern alone, then all of them together,
    /// entered at market with the <c>fixed_r</c> exits; then <c>order_block</c> (the default) with each other entry mode and
    /// exit profile, one change at a time, and Mode B with <c>atr_trail</c> together (issue 12 §2); then <c>order_block</c> and
    /// all patterns under each learning policy (issue 13 §5: does learning beat learning switched off, out of sample?).
    /// </summary>
    public static IReadOnlyList<ComparisonVariant> Standard { get; } =
    [
        .. GoldBot.Strategy.StrategyOptions.TradeablePatterns.Select(p => Only([p])),
        Only(GoldBot.Strategy.StrategyOptions.TradeablePatterns, "all patterns"),
        Managed("limit", "fixed_r"),
        Managed("market", "atr_trail"),
        Managed("market", "structure"),
        Managed("limit", "atr_trail"),
        Only(["order_block"], "order_block + learning (evidence)", "Evidence"),
        Only(["order_block"], "order_block + learning (plan)", "Plan"),
        Only(GoldBot.Strategy.StrategyOptions.TradeablePatterns, "all patterns + learning (evidence)", "Evidence"),
        Only(GoldBot.Strategy.StrategyOptions.TradeablePatterns, "all patterns + learning (plan)", "Plan"),
    ];

    private static ComparisonVariant Only(IReadOnlyList<string> patterns, string? name = null, string learning = "Off") =>
        new(name ?? string.Join("+", patterns), s => s with
        {
            Strategy = s.Strategy with { Patterns = [.. patterns], EntryMode = "market", ExitProfile = "fixed_r" },
            Learning = s.Learning with { Policy = learning },
        });

    /// <summary><c>order_block</c> entered by <paramref name="entryMode"/> and managed by <paramref name="exitProfile"/>.</summary>
    private static ComparisonVariant Managed(string entryMode, string exitProfile) =>
        new(string.Join(" + ", new[] { "order_block", entryMode == "limit" ? "limit entry" : null, exitProfile == "fixed_r" ? null : exitProfile }.OfType<string>()),
            s => s with
            {
                Strategy = s.Strategy with { Patterns = ["order_block"], EntryMode = entryMode, ExitProfile = exitProfile },
                Learning = s.Learning with { Policy = "Off" },
            });
}

/// <summary>One row of the comparison table: out-of-sample figures of a variant or of a baseline over the same bars.</summary>
/// <param name="Name">Variant or baseline name.</param>
/// <param name="IsBaseline">True for a baseline row (not walk-forward: it has no parameters to tune).</param>
/// <param name="Trades">Closed trades.</param>
/// <param name="WinRate">Wins ÷ trades, null without trades.</param>
/// <param name="ExpectancyR">Mean R multiple (net P&amp;L ÷ initial risk), null without trades with a risk.</param>
/// <param name="ExpectancyRInterval">95 % percentile-bootstrap interval of the mean R multiple.</param>
/// <param name="ExpectancyUsd">Mean net P&amp;L per trade, USD.</param>
/// <param name="ExpectancyUsdInterval">95 % percentile-bootstrap interval of the mean net P&amp;L per trade, USD.</param>
/// <param name="NetPnL">Net P&amp;L after costs, USD.</param>
/// <param name="ProfitFactor">Gross profit ÷ gross loss.</param>
/// <param name="MaxDrawdownUsd">Largest peak-to-trough drop of the marked equity, USD.</param>
/// <param name="CombinePassProbability">Monte Carlo chance of passing the Combine from these trades (<see cref="CombineMonteCarlo"/>).</param>
public sealed record ComparisonRow(
    string Name,
    bool IsBaseline,
    int Trades,
    decimal? WinRate,
    decimal? ExpectancyR,
    ConfidenceInterval? ExpectancyRInterval,
    decimal? ExpectancyUsd,
    ConfidenceInterval? ExpectancyUsdInterval,
    decimal NetPnL,
    decimal? ProfitFactor,
    decimal MaxDrawdownUsd,
    double? CombinePassProbability);

/// <summary>The comparison: its rows (variants first, then the baselines), the out-of-sample span and the wall time.</summary>
/// <param name="Rows">
/// Variants in the order asked, then the three baselines over the out-of-sample bars: buy and hold, the EMA 20/50 crossover and
/// random entries matched to the first variant's out-of-sample trade rate and stops.
/// </param>
/// <param name="OutOfSampleStart">Open time of the first out-of-sample bar, UTC.</param>
/// <param name="OutOfSampleBars">Bars out of sample.</param>
/// <param name="Wall">Wall time of the whole comparison.</param>
public sealed record ComparisonResult(IReadOnlyList<ComparisonRow> Rows, DateTimeOffset OutOfSampleStart, int OutOfSampleBars, TimeSpan Wall);

/// <summary>
/// <c>goldbot backtest --compare</c> (issue 12 §4): each <see cref="ComparisonVariant"/> through the same walk-forward test
/// (<see cref="WalkForwardAnalysis"/>: tuned on earlier data, traded on the next segment) on the same bars, costs and fill
/// model, so the only difference between two rows is the variant; the three baselines over the same out-of-sample bars
/// beside them. Variants run in parallel, one per core. Deterministic for a seed.
/// </summary>
public static class SetupComparison
{
    /// <summary>Runs the comparison.</summary>
    /// <exception cref="ArgumentException">Too few bars for the folds, or a time frame that is not a multiple of the bar period.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static async Task<ComparisonResult> RunAsync(IReadOnlyList<Bar> bars, TimeSpan barPeriod, BacktestSettings settings,
        IReadOnlyList<ComparisonVariant> variants, WalkForwardOptions walkForward, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(variants);
        var watch = Stopwatch.StartNew();
        var statistics = StatisticsOptions.Default with { Seed = seed };
        var runs = await Task.WhenAll(variants.Select(v => Task.Run(async () =>
            (await WalkForwardAnalysis.RunAsync(bars, barPeriod, v.Apply(settings), walkForward, null, cancellationToken)).OutOfSample, cancellationToken)));

        var start = runs[0].Run.Start;
        var outOfSample = bars.Where(b => b.OpenTime >= start).ToList();
        var rows = variants.Select((v, i) => Row(v.Name, false, runs[i], statistics, seed)).ToList();
        rows.Add(Row("buy and hold (1 contract)", true, await Baseline.BuyAndHoldAsync(outOfSample, barPeriod, settings, recordEquity: false, cancellationToken: cancellationToken), statistics, seed));
        rows.Add(Row("EMA 20/50 crossover", true, await Baseline.EmaCrossoverAsync(outOfSample, barPeriod, settings, recordEquity: false, cancellationToken: cancellationToken), statistics, seed));
        // Matched to the first variant's out-of-sample trades (their rate and stops): the configured setup's chance level.
        rows.Add(Row("random entries", true, await Baseline.RandomEntriesAsync(outOfSample, barPeriod, variants[0].Apply(settings), runs[0], seed,
            recordEquity: false, cancellationToken: cancellationToken), statistics, seed));
        return new ComparisonResult(rows, start, outOfSample.Count, watch.Elapsed);
    }

    private static ComparisonRow Row(string name, bool baseline, BacktestResult result, StatisticsOptions options, int seed)
    {
        var summary = PerformanceSummary.Of(result, options);
        var t = summary.Totals;
        var r = result.Trades.Where(x => x.IsClosed && x.RMultiple is not null).Select(x => (double)x.RMultiple!.Value).ToArray();
        var monteCarlo = t.Trades == 0 ? null : (double?)CombineMonteCarlo.Run(result, CombineRules.Combine50K, MonteCarloOptions.Default with { Seed = seed }).PassProbability;
        return new ComparisonRow(name, baseline, t.Trades, t.WinRate, t.ExpectancyR, BootstrapInterval.OfMean(r, seed: seed), t.Expectancy,
            summary.ExpectancyInterval, t.NetPnL, t.ProfitFactor, summary.Drawdown.MaxUsd, monteCarlo);
    }
}
