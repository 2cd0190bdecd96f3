using GoldBot.Backtesting.Baselines;
using GoldBot.Backtesting.Combine;
using GoldBot.Backtesting.Engine;
using GoldBot.Backtesting.Report;
using GoldBot.Backtesting.Statistics;
using GoldBot.Backtesting.WalkForward;
using GoldBot.Market;
using GoldBot.MarketData;

namespace GoldBot.Backtesting.Run;

/// <summary>
/// The whole backtest behind <c>goldbot backtest</c>, composed from the engine, statistics, Combine,
/// walk-forward and baseline libraries, all on the same bars, settings, costs and fill model:
/// <list type="number">
/// <item><c>strategy</c>: the order-block strategy on every bar with the configured parameters
/// (<see cref="BacktestEngine"/>), its statistics (<see cref="BacktestStatistics"/>, bootstrap seeded
/// with <see cref="BacktestRunOptions.Seed"/>), the Combine applied day by day
/// (<see cref="CombineSimulator"/>) and its Monte Carlo pass probability (<see cref="CombineMonteCarlo"/>);</item>
/// <item><c>walk_forward</c>: <see cref="WalkForwardAnalysis"/> (tuned in sample, traded out of sample), unless skipped;</item>
/// <item><c>baselines</c>: buy-and-hold (1 contract), EMA 20/50 crossover and random entries matched to the strategy (<see cref="Baseline"/>),
/// each summarised from its trades, days and bar-close drawdown without keeping its equity curve;</item>
/// <item><c>zones</c>: the order blocks for the chart (<see cref="OrderBlockZones"/>).</item>
/// </list>
/// Deterministic: the same bars, settings and seed give the same result.
/// </summary>
public static class BacktestRun
{
    /// <summary>The stage names reported through <see cref="BacktestRunOptions.Progress"/>, in order.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["strategy", "walk_forward", "baselines", "zones"];

    /// <summary>Runs every stage on a loaded bars file.</summary>
    /// <exception cref="ArgumentException">Too few bars (for the run or the walk-forward folds), a time frame that is not a multiple of the bar period, or equity that is not positive on some day.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static ValueTask<BacktestRunResult> ExecuteAsync(BarFile file, BacktestSettings settings, BacktestRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ExecuteAsync(file.Bars, file.Period, settings, options, cancellationToken);
    }

    /// <summary>Runs every stage on <paramref name="bars"/> (closed bars in time order, UTC open times).</summary>
    /// <exception cref="ArgumentException">See <see cref="ExecuteAsync(BarFile, BacktestSettings, BacktestRunOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static async ValueTask<BacktestRunResult> ExecuteAsync(IReadOnlyList<Bar> bars, TimeSpan barPeriod, BacktestSettings settings,
        BacktestRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new BacktestRunOptions();
        var progress = options.Progress;
        var statisticsOptions = StatisticsOptions.Default with { Seed = options.Seed };

        // Two lanes, one per core of a 2-core machine. This one runs the strategy, then the random entries, which need its trades:
        // the longest chain. The passes over the bars that do not depend on the strategy run one after another on a second lane:
        // buy and hold and the EMA crossover, each with its summary, then the zones and the report's price chart; that lane ends about
        // when the strategy does, and the strategy's Combine, Monte Carlo and statistics then run beside the random entries. As
        // separate tasks the passes would share both cores with the strategy and leave the random entries to run alone at the end.
        // The bars in the random entries' entry window do not depend on the strategy either: counted meanwhile. Results are
        // collected in a fixed order.
        var entryBarsInWindow = Task.Run(() => Baseline.EntryBarsInWindow(bars, settings), cancellationToken);
        var beside = Task.Run(async () =>
        {
            var buyAndHold = await SummariseAsync("buy_and_hold", "buy and hold (1 contract)", statisticsOptions,
                Baseline.BuyAndHoldAsync(bars, barPeriod, settings, recordEquity: false, cancellationToken: cancellationToken));
            var emaCrossover = await SummariseAsync("ema_crossover", "EMA 20/50 crossover", statisticsOptions,
                Baseline.EmaCrossoverAsync(bars, barPeriod, settings, recordEquity: false, cancellationToken: cancellationToken));
            var zones = OrderBlockZones.Of(bars, barPeriod, settings.Strategy, settings.Contract, options.MaxZones);
            return (BuyAndHold: buyAndHold, EmaCrossover: emaCrossover, Zones: zones, Chart: PriceChart.Of(BacktestChart.Candles(bars)));
        }, cancellationToken);

        var strategy = await new BacktestEngine(settings).RunAsync(bars, barPeriod, null, new BacktestOptions
        {
            Description = options.Description,
            Progress = Stage(progress, "strategy"),
        }, cancellationToken);
        var strategyStatistics = Task.Run(() =>
        {
            var combine = CombineSimulator.Run(strategy, options.Combine);
            var monteCarlo = CombineMonteCarlo.Run(strategy, options.Combine, options.MonteCarlo with { Seed = options.Seed });
            return (Combine: combine, MonteCarlo: monteCarlo, Statistics: BacktestStatistics.Compute(strategy, statisticsOptions, combine, monteCarlo));
        }, cancellationToken);
        var randomEntries = await SummariseAsync("random_entries", "random entries", statisticsOptions,
            Baseline.RandomEntriesAsync(bars, barPeriod, settings, strategy, options.Seed, recordEquity: false, await entryBarsInWindow, cancellationToken));
        var (combine, monteCarlo, statistics) = await strategyStatistics;
        progress?.Report(new BacktestProgress("strategy", 1));

        WalkForwardResult? walkForward = null;
        BacktestStatistics? outOfSample = null;
        if (options.WalkForward is { } walkForwardOptions)
        {
            walkForward = await WalkForwardAnalysis.RunAsync(bars, barPeriod, settings, walkForwardOptions, Stage(progress, "walk_forward"), cancellationToken);
            outOfSample = BacktestStatistics.Compute(walkForward.OutOfSample, statisticsOptions);
        }
        progress?.Report(new BacktestProgress("walk_forward", 1));

        var (buyAndHold, emaCrossover, zones, chart) = await beside;
        var baselineSummaries = new List<(BaselineRun Run, PerformanceSummary Summary)>(3) { buyAndHold };
        progress?.Report(new BacktestProgress("baselines", 1 / 3.0));
        baselineSummaries.Add(emaCrossover);
        progress?.Report(new BacktestProgress("baselines", 2 / 3.0));
        baselineSummaries.Add(randomEntries);
        progress?.Report(new BacktestProgress("baselines", 1));
        var baselines = baselineSummaries.Select(b => b.Run).ToList();
        progress?.Report(new BacktestProgress("zones", 1));

        var extended = RunComparison.Extend(statistics, walkForward, outOfSample, baselineSummaries, options.WalkForward?.Anchored ?? false);
        return new BacktestRunResult(bars, strategy, extended, combine, monteCarlo, walkForward, outOfSample, baselines, zones, chart);
    }

    /// <summary>A baseline's run and its summary.</summary>
    private static async Task<(BaselineRun Run, PerformanceSummary Summary)> SummariseAsync(string key, string label, StatisticsOptions options,
        ValueTask<BacktestResult> run)
    {
        var result = await run;
        return (new BaselineRun(key, label, result), PerformanceSummary.Of(result, options));
    }

    private static IProgress<double>? Stage(IProgress<BacktestProgress>? progress, string stage) =>
        progress is null ? null : new StageProgress(progress, stage);

    private sealed class StageProgress(IProgress<BacktestProgress> target, string stage) : IProgress<double>
    {
        public void Report(double value) => target.Report(new BacktestProgress(stage, value));
    }
}
