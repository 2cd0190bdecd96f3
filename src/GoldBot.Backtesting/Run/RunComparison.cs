using GoldBot.Backtesting.Statistics;
using GoldBot.Backtesting.WalkForward;

namespace GoldBot.Backtesting.Run;

/// <summary>
/// The parts of stats.json that compare the strategy with what it must beat, built from the same
/// rounded rows as every other statistic (<see cref="StatisticRow"/>), so stats.json and the report agree:
/// <list type="bullet">
/// <item>section <c>out_of_sample</c>: the walk-forward test's stitched out-of-sample run (Pardo's
/// evidence that the configuration makes money on data it was not tuned on) with its bootstrap
/// intervals of the expectancy and the win rate (<see cref="BootstrapInterval"/>);</item>
/// <item>section <c>comparison</c>: the strategy's net P&amp;L minus each baseline's, and yes/no verdicts;</item>
/// <item>breakdown <c>baselines</c>: one row per run (strategy, walk_forward_oos, buy_and_hold,
/// ema_crossover, random_entries) with the same columns;</item>
/// <item>breakdown <c>walk_forward_folds</c>: the parameters chosen in each fold and their in- and out-of-sample P&amp;L.</item>
/// </list>
/// </summary>
public static class RunComparison
{
    /// <summary>Columns of the <c>baselines</c> breakdown.</summary>
    public static IReadOnlyList<BreakdownColumn> BaselineColumns { get; } =
    [
        new("trades", "Trades", StatisticUnit.Count),
        new("net_pnl", "Net P&L (USD)", StatisticUnit.Usd),
        new("win_rate", "Win rate", StatisticUnit.Fraction),
        new("profit_factor", "Profit factor", StatisticUnit.Ratio),
        new("expectancy_usd", "Expectancy (USD)", StatisticUnit.Usd),
        new("sharpe", "Sharpe", StatisticUnit.Ratio),
        new("max_drawdown_usd", "Max drawdown (USD)", StatisticUnit.Usd),
    ];

    /// <summary>Columns of the <c>walk_forward_folds</c> breakdown.</summary>
    public static IReadOnlyList<BreakdownColumn> FoldColumns { get; } =
    [
        new("min_score", "Min score", StatisticUnit.Count),
        new("min_stop_atr", "Min stop (ATR)", StatisticUnit.Ratio),
        new("runner_target_r", "Runner target (R)", StatisticUnit.R),
        new("fell_back", "Kept configured (1 = yes)", StatisticUnit.Count),
        new("in_sample_trades", "In-sample trades", StatisticUnit.Count),
        new("in_sample_net_pnl", "In-sample net P&L (USD)", StatisticUnit.Usd),
        new("out_of_sample_trades", "Out-of-sample trades", StatisticUnit.Count),
        new("out_of_sample_net_pnl", "Out-of-sample net P&L (USD)", StatisticUnit.Usd),
    ];

    /// <summary>Adds the comparison sections and breakdowns to the strategy's statistics.</summary>
    /// <param name="strategy">Statistics of the full-sample strategy run (with the Combine sections).</param>
    /// <param name="walkForward">The walk-forward test, or null when skipped.</param>
    /// <param name="outOfSample">Statistics of <see cref="WalkForwardResult.OutOfSample"/>, or null when skipped.</param>
    /// <param name="baselines">Baseline runs and their summaries.</param>
    /// <param name="anchored">Whether the walk-forward folds were anchored (for the section's text).</param>
    public static BacktestStatistics Extend(BacktestStatistics strategy, WalkForwardResult? walkForward, BacktestStatistics? outOfSample,
        IReadOnlyList<(BaselineRun Run, PerformanceSummary Summary)> baselines, bool anchored)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(baselines);
        var sections = new List<StatisticsSection>(strategy.Sections)
        {
            OutOfSampleSection(walkForward, outOfSample, anchored),
            ComparisonSection(strategy.Summary, outOfSample?.Summary, baselines),
        };
        var rows = new List<BreakdownRow> { Row("strategy", strategy.Summary) };
        if (outOfSample is not null)
            rows.Add(Row("walk_forward_oos", outOfSample.Summary));
        foreach (var (run, summary) in baselines)
            rows.Add(Row(run.Key, summary));
        var breakdowns = new List<BreakdownTable>(strategy.Breakdowns)
        {
            new("baselines", "Strategy against baselines (same bars, costs and fill model)", "Run", BaselineColumns, rows),
        };
        if (walkForward is not null)
            breakdowns.Add(new("walk_forward_folds", "Walk-forward folds", "Fold", FoldColumns, walkForward.Folds.Select(FoldRow).ToList()));
        return new BacktestStatistics(strategy.Summary, sections, breakdowns);
    }

    private static StatisticsSection OutOfSampleSection(WalkForwardResult? walkForward, BacktestStatistics? outOfSample, bool anchored)
    {
        const string title = "Walk-forward out of sample (parameters tuned on earlier data only)";
        if (walkForward is null || outOfSample is null)
            return new("out_of_sample", title, [StatisticRow.OfText("status", "Status", "skipped")]);
        var s = outOfSample.Summary;
        var t = s.Totals;
        var run = walkForward.OutOfSample.Run;
        return new("out_of_sample", title,
        [
            StatisticRow.OfText("status", "Status", "done"),
            StatisticRow.Count("folds", "Folds", walkForward.Folds.Count),
            StatisticRow.OfText("mode", "Mode", anchored ? "anchored" : "rolling"),
            StatisticRow.OfText("start_utc", "First out-of-sample bar (UTC)", run.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)),
            StatisticRow.Count("bars", "Out-of-sample bars", run.Bars),
            StatisticRow.Count("trades", "Trades", t.Trades),
            StatisticRow.Of("net_pnl", "Net P&L (USD)", StatisticUnit.Usd, t.NetPnL),
            StatisticRow.Of("win_rate", "Win rate", StatisticUnit.Fraction, t.WinRate),
            StatisticRow.Of("profit_factor", "Profit factor", StatisticUnit.Ratio, t.ProfitFactor),
            StatisticRow.Of("expectancy_usd", "Expectancy (USD per trade)", StatisticUnit.Usd, t.Expectancy),
            StatisticRow.Of("expectancy_usd_lower", "Expectancy 95 % CI lower (USD, bootstrap)", StatisticUnit.Usd, s.ExpectancyInterval?.Lower),
            StatisticRow.Of("expectancy_usd_upper", "Expectancy 95 % CI upper (USD, bootstrap)", StatisticUnit.Usd, s.ExpectancyInterval?.Upper),
            StatisticRow.Of("net_pnl_lower", "Net P&L 95 % CI lower (USD, trades × expectancy bound)", StatisticUnit.Usd, t.Trades * s.ExpectancyInterval?.Lower),
            StatisticRow.Of("net_pnl_upper", "Net P&L 95 % CI upper (USD, trades × expectancy bound)", StatisticUnit.Usd, t.Trades * s.ExpectancyInterval?.Upper),
            StatisticRow.Of("win_rate_lower", "Win rate 95 % CI lower (bootstrap)", StatisticUnit.Fraction, s.WinRateInterval?.Lower),
            StatisticRow.Of("win_rate_upper", "Win rate 95 % CI upper (bootstrap)", StatisticUnit.Fraction, s.WinRateInterval?.Upper),
            StatisticRow.Of("sharpe", "Sharpe (daily, annualised √252)", StatisticUnit.Ratio, s.Sharpe),
            StatisticRow.Of("max_drawdown_usd", "Max drawdown (USD)", StatisticUnit.Usd, s.Drawdown.MaxUsd),
            StatisticRow.Count("ambiguous_trades", "Ambiguous trades", walkForward.OutOfSample.Ambiguity.Trades),
        ]);
    }

    private static StatisticsSection ComparisonSection(PerformanceSummary strategy, PerformanceSummary? outOfSample,
        IReadOnlyList<(BaselineRun Run, PerformanceSummary Summary)> baselines)
    {
        var net = strategy.Totals.NetPnL;
        var rows = new List<StatisticRow>();
        var beatsAll = true;
        foreach (var (run, summary) in baselines)
        {
            var edge = net - summary.Totals.NetPnL;
            beatsAll &= edge > 0;
            rows.Add(StatisticRow.Of($"edge_over_{run.Key}", $"Strategy net P&L minus {run.Label} (USD)", StatisticUnit.Usd, edge));
        }
        rows.Add(StatisticRow.OfText("beats_all_baselines", "Strategy beats every baseline (net P&L)", baselines.Count == 0 ? null : YesNo(beatsAll)));
        rows.Add(StatisticRow.OfText("profitable_after_costs", "Full sample profitable after costs", YesNo(net > 0)));
        rows.Add(StatisticRow.OfText("out_of_sample_profitable", "Out of sample profitable after costs", outOfSample is null ? null : YesNo(outOfSample.Totals.NetPnL > 0)));
        rows.Add(StatisticRow.OfText("out_of_sample_expectancy_above_zero", "Out-of-sample expectancy CI above zero",
            outOfSample?.ExpectancyInterval is { } ci ? YesNo(ci.Lower > 0) : null));
        return new("comparison", "Does it make money, and does it beat the baselines?", rows);
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static BreakdownRow Row(string key, PerformanceSummary s)
    {
        var t = s.Totals;
        return new BreakdownRow(key,
        [
            Round(t.Trades, StatisticUnit.Count),
            Round(t.NetPnL, StatisticUnit.Usd),
            Round(t.WinRate, StatisticUnit.Fraction),
            Round(t.ProfitFactor, StatisticUnit.Ratio),
            Round(t.Expectancy, StatisticUnit.Usd),
            StatisticRounding.Round(s.Sharpe, StatisticUnit.Ratio),
            Round(s.Drawdown.MaxUsd, StatisticUnit.Usd),
        ]);
    }

    private static BreakdownRow FoldRow(WalkForwardFold f)
    {
        var oos = f.OutOfSample.Trades.Where(t => t.PnL is not null).ToList();
        return new BreakdownRow(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fold_{f.Range.Index}"),
        [
            Round(f.Chosen.MinScore, StatisticUnit.Count),
            Round(f.Chosen.MinStopAtr, StatisticUnit.Ratio),
            Round(f.Chosen.RunnerTargetR, StatisticUnit.R),
            Round(f.FellBack ? 1 : 0, StatisticUnit.Count),
            Round(f.InSampleTrades, StatisticUnit.Count),
            Round(f.InSampleNetPnL, StatisticUnit.Usd),
            Round(oos.Count, StatisticUnit.Count),
            Round(oos.Sum(t => t.PnL!.Value), StatisticUnit.Usd),
        ]);
    }

    private static decimal? Round(decimal? value, StatisticUnit unit) => StatisticRounding.Round(value, unit);
}
