using GoldBot.Backtesting.Engine;
using GoldBot.Backtesting.Statistics;
using GoldBot.Execution;
using GoldBot.Market;

namespace GoldBot.Backtesting.WalkForward;

/// <summary>
/// Walk-forward analysis (Pardo, <i>The Evaluation and Optimization of Trading Strategies</i>, 2nd
/// ed., ch. 11): the bars are cut by time into k + 1 equal segments; fold i (1 … k) tunes the
/// parameters by grid search on its in-sample part (segment i − 1, or segments 0 … i − 1 when
/// anchored) and trades the best set, unchanged, on segment i, its out-of-sample part. Only the
/// out-of-sample parts make up the result, stitched into one run.
/// <list type="bullet">
/// <item>Objective: the highest in-sample net P&amp;L (USD, after costs) among grid points with at
/// least <see cref="WalkForwardOptions.MinTrades"/> trades; ties go to the earlier grid point; with
/// none, the configured parameters are kept (<see cref="WalkForwardFold.FellBack"/>).</item>
/// <item>Warm-up: every run (in or out of sample) starts <see cref="WalkForwardOptions.WarmupBars"/>
/// earlier and feeds those bars to the strategy only (<see cref="BacktestOptions.WarmupBars"/>):
/// indicators and SMC state are warm, no trade is entered before the part starts, and no bar after
/// the part ends is read.</item>
/// <item>Each part starts flat from the starting balance with fresh risk state, and is flattened at its end (<c>end_of_data</c>).</item>
/// </list>
/// </summary>
public static class WalkForwardAnalysis
{
    /// <summary>Cuts <paramref name="bars"/> into the fold ranges: k + 1 segments of equal time (by bar open), in order, without overlap.</summary>
    /// <exception cref="ArgumentException">Fewer than one fold, or a segment with no bars.</exception>
    public static IReadOnlyList<FoldRange> Split(IReadOnlyList<Bar> bars, int folds, bool anchored)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 1);
        if (bars.Count < folds + 1)
            throw new ArgumentException($"{bars.Count} bars cannot make {folds + 1} segments", nameof(bars));
        var first = bars[0].OpenTime;
        var span = bars[^1].OpenTime - first;
        var cuts = new int[folds + 2];
        cuts[^1] = bars.Count;
        for (var j = 1; j <= folds; j++)
        {
            cuts[j] = BarSearch.FirstAtOrAfter(bars, first + span * j / (folds + 1));
            if (cuts[j] <= cuts[j - 1])
                throw new ArgumentException($"segment {j} of {folds + 1} has no bars", nameof(bars));
        }
        if (cuts[^1] <= cuts[^2])
            throw new ArgumentException($"segment {folds + 1} of {folds + 1} has no bars", nameof(bars));
        var ranges = new FoldRange[folds];
        for (var i = 1; i <= folds; i++)
            ranges[i - 1] = new FoldRange(i, anchored ? 0 : cuts[i - 1], cuts[i], cuts[i], cuts[i + 1]);
        return ranges;
    }

    /// <summary>Runs the walk-forward test of the order-block strategy.</summary>
    /// <param name="bars">Closed bars in time order, prices in points.</param>
    /// <param name="barPeriod">Length of each bar.</param>
    /// <param name="settings">The configured trading settings; the grid overrides MinScore, MinStopAtr and RunnerTargetR.</param>
    /// <param name="options">Folds, grid, objective and warm-up; null for the defaults.</param>
    /// <param name="progress">Receives the fraction of folds done (0–1); null for none.</param>
    /// <exception cref="ArgumentException">See <see cref="Split"/>; or an empty grid.</exception>
    public static async ValueTask<WalkForwardResult> RunAsync(IReadOnlyList<Bar> bars, TimeSpan barPeriod, BacktestSettings settings,
        WalkForwardOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new WalkForwardOptions();
        if (options.MinScores.Count == 0 || options.MinStopAtrs.Count == 0 || options.RunnerTargetRs.Count == 0)
            throw new ArgumentException("every grid dimension needs at least one value", nameof(options));
        var array = bars as Bar[] ?? [.. bars];
        var folds = new List<WalkForwardFold>();
        var ranges = Split(array, options.Folds, options.Anchored);
        foreach (var range in ranges)
        {
            folds.Add(await RunFoldAsync(array, barPeriod, settings, options, range, cancellationToken));
            progress?.Report(folds.Count / (double)ranges.Count);
        }
        var description = $"walk-forward, {options.Folds} {(options.Anchored ? "anchored" : "rolling")} folds, out of sample";
        return new WalkForwardResult(folds, Stitch(folds, settings, barPeriod, description));
    }

    /// <summary>
    /// One fold: the grid on the in-sample bars, then the best set on the out-of-sample bars. Reads
    /// no bar at or after <see cref="FoldRange.OutOfSampleEnd"/>.
    /// </summary>
    internal static async ValueTask<WalkForwardFold> RunFoldAsync(Bar[] bars, TimeSpan barPeriod, BacktestSettings settings,
        WalkForwardOptions options, FoldRange range, CancellationToken cancellationToken)
    {
        var configured = new WalkForwardParameters(settings.Strategy.MinScore, settings.Strategy.MinStopAtr, settings.Risk.RunnerTargetR);
        WalkForwardParameters? best = null;
        BacktestResult? bestResult = null;
        var bestPnL = decimal.MinValue;
        foreach (var score in options.MinScores)
        {
            foreach (var stopAtr in options.MinStopAtrs)
            {
                foreach (var runner in options.RunnerTargetRs)
                {
                    var candidate = new WalkForwardParameters(score, stopAtr, runner);
                    var result = await RunPartAsync(bars, barPeriod, With(settings, candidate), options.WarmupBars, range.InSampleStart, range.InSampleEnd,
                        false, "in sample", cancellationToken);
                    var pnl = NetPnL(result);
                    if (result.Trades.Count >= options.MinTrades && pnl > bestPnL)
                        (best, bestResult, bestPnL) = (candidate, result, pnl);
                }
            }
        }

        var fellBack = best is null;
        if (best is null)
        {
            best = configured;
            bestResult = await RunPartAsync(bars, barPeriod, settings, options.WarmupBars, range.InSampleStart, range.InSampleEnd, false, "in sample", cancellationToken);
        }
        // The learning system trades the segment knowing the in-sample trades of the chosen set (all closed before it starts).
        var outOfSample = await RunPartAsync(bars, barPeriod, With(settings, best) with { LearningHistory = bestResult!.Trades }, options.WarmupBars,
            range.OutOfSampleStart, range.OutOfSampleEnd,
            true, $"fold {range.Index} out of sample: score ≥ {best.MinScore}, stop ≥ {best.MinStopAtr} ATR, runner {best.RunnerTargetR} R", cancellationToken);
        return new WalkForwardFold(range, bars[range.InSampleStart].OpenTime, bars[range.OutOfSampleStart].OpenTime,
            bars[range.OutOfSampleEnd - 1].OpenTime + barPeriod, best, fellBack, NetPnL(bestResult!), bestResult!.Trades.Count, outOfSample);
    }

    private static ValueTask<BacktestResult> RunPartAsync(Bar[] bars, TimeSpan barPeriod, BacktestSettings settings, int warmup, int start, int end,
        bool recordEquity, string description, CancellationToken cancellationToken)
    {
        var from = Math.Max(0, start - warmup);
        var options = new BacktestOptions { RecordEquity = recordEquity, WarmupBars = start - from, Description = description };
        return new BacktestEngine(settings).RunAsync(new ArraySegment<Bar>(bars, from, end - from), barPeriod, null, options, cancellationToken);
    }

    private static BacktestSettings With(BacktestSettings settings, WalkForwardParameters p) => settings with
    {
        Strategy = settings.Strategy with { MinScore = p.MinScore, MinStopAtr = p.MinStopAtr },
        Risk = settings.Risk with { RunnerTargetR = p.RunnerTargetR },
    };

    private static decimal NetPnL(BacktestResult result)
    {
        var sum = 0m;
        foreach (var t in result.Trades)
            sum += t.PnL ?? 0;
        return sum;
    }

    private static BacktestResult Stitch(IReadOnlyList<WalkForwardFold> folds, BacktestSettings settings, TimeSpan barPeriod, string description)
    {
        var trades = new List<TradeRecord>();
        var days = new List<TradingDay>();
        var equity = new List<EquityPoint>();
        var offset = 0m;
        var peak = settings.StartingBalance;
        var drawdown = new EquityDrawdown.Running();
        long bars = 0, inMarket = 0;
        int ambiguous = 0;
        decimal worst = 0, best = 0;
        foreach (var fold in folds)
        {
            var part = fold.OutOfSample;
            foreach (var t in part.Trades)
                trades.Add(t with { BalanceAfter = t.BalanceAfter + offset });
            foreach (var d in part.Days)
            {
                var shifted = d with { StartEquity = d.StartEquity + offset, EndEquity = d.EndEquity + offset, LowestEquity = d.LowestEquity + offset };
                // A fold boundary inside a trading day: one day, from the first part's start to the second's end.
                if (days.Count > 0 && days[^1].Date == d.Date)
                    shifted = days[^1] with { EndEquity = shifted.EndEquity, LowestEquity = Math.Min(days[^1].LowestEquity, shifted.LowestEquity), TradesClosed = days[^1].TradesClosed + d.TradesClosed };
                if (days.Count > 0 && days[^1].Date == d.Date)
                    days[^1] = shifted;
                else
                    days.Add(shifted);
            }
            foreach (var e in part.Equity)
            {
                var value = e.Equity + offset;
                peak = Math.Max(peak, value);
                equity.Add(new EquityPoint(e.Time, value, peak - value));
                drawdown.Add(value);
            }
            bars += part.Run.Bars;
            inMarket += part.BarsInMarket;
            ambiguous += part.Ambiguity.Trades;
            worst += part.Ambiguity.WorstCasePnL;
            best += part.Ambiguity.BestCasePnL;
            offset += NetPnL(part);
        }
        var first = folds[0].OutOfSample.Run;
        var run = new BacktestRunInfo(first.Symbol, first.Contract, barPeriod, first.Start, folds[^1].OutOfSample.Run.End, bars, settings.StartingBalance, description);
        return new BacktestResult(run, trades, days, equity, inMarket, new ExitAmbiguity(ambiguous, worst, best))
        {
            BarDrawdown = equity.Count > 0 ? drawdown.Drawdown : null,
        };
    }
}
