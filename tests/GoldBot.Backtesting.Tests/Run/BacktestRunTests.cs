using GoldBot.Backtesting.Run;
using GoldBot.Backtesting.Tests.Engine;
using GoldBot.Backtesting.WalkForward;

namespace GoldBot.Backtesting.Tests.Run;

/// <summary>
/// <see cref="BacktestRun"/> on the real MGC file: every number of stats.json's comparison parts is the
/// one its own run gives, the run is deterministic for a seed, and progress reaches every stage.
/// </summary>
public sealed class BacktestRunTests
{
    private static decimal Net(BacktestResult result) => result.Trades.Sum(t => t.PnL ?? 0m);

    [Fact]
    public void The_strategy_statistics_and_Combine_sections_describe_the_full_sample_run()
    {
        var run = MgcRun.Result;
        var stats = run.Statistics;

        Assert.True(run.Strategy.Trades.Count > 0);
        Assert.Equal(MgcData.Bars.Bars.Count, run.Strategy.Run.Bars);
        Assert.Equal(Net(run.Strategy), stats.Section("trades")["net_pnl"].Number);
        Assert.Equal(run.Combine.Rules.Name, stats.Section("combine")["rules"].Text);
        Assert.Equal(run.MonteCarlo.Paths, stats.Section("monte_carlo")["paths"].Number);
        Assert.Equal(run.Strategy.Ambiguity.Trades, stats.Section("ambiguity")["trades"].Number);
    }

    [Fact]
    public void The_out_of_sample_section_is_the_stitched_walk_forward_run()
    {
        var run = MgcRun.Result;
        var section = run.Statistics.Section("out_of_sample");
        var oos = run.WalkForward!.OutOfSample;

        Assert.Equal("done", section["status"].Text);
        Assert.Equal(2, section["folds"].Number);
        Assert.Equal(oos.Trades.Count, section["trades"].Number);
        Assert.Equal(Net(oos), section["net_pnl"].Number);
        Assert.True(section["expectancy_usd_lower"].Number <= section["expectancy_usd"].Number);
        Assert.True(section["expectancy_usd"].Number <= section["expectancy_usd_upper"].Number);
        Assert.Equal(decimal.Round(oos.Trades.Count * section["expectancy_usd_lower"].Number!.Value, 0),
            decimal.Round(section["net_pnl_lower"].Number!.Value, 0));
        // Out of sample starts where the first fold's in-sample segment ends: after a third of the time.
        Assert.True(oos.Run.Start > MgcData.Bars.Bars[0].OpenTime.AddDays(10));
        var folds = run.Statistics.Breakdown("walk_forward_folds");
        Assert.Equal(["fold_1", "fold_2"], folds.Rows.Select(r => r.Key));
        Assert.Equal(Net(oos), folds.Rows.Sum(r => r.Values[7]!.Value));
    }

    [Fact]
    public void The_baselines_table_holds_each_runs_own_figures_and_the_comparison_their_differences()
    {
        var run = MgcRun.Result;
        var table = run.Statistics.Breakdown("baselines");
        var comparison = run.Statistics.Section("comparison");
        var strategyNet = Net(run.Strategy);

        Assert.Equal(["buy_and_hold", "ema_crossover", "random_entries"], run.Baselines.Select(b => b.Key));
        Assert.Equal(strategyNet, table.Value("strategy", "net_pnl"));
        Assert.Equal(Net(run.WalkForward!.OutOfSample), table.Value("walk_forward_oos", "net_pnl"));
        var beatsAll = true;
        foreach (var baseline in run.Baselines)
        {
            Assert.Equal(Net(baseline.Result), table.Value(baseline.Key, "net_pnl"));
            Assert.Equal(baseline.Result.Trades.Count, table.Value(baseline.Key, "trades"));
            Assert.Equal(strategyNet - Net(baseline.Result), comparison[$"edge_over_{baseline.Key}"].Number);
            beatsAll &= strategyNet > Net(baseline.Result);
        }
        Assert.Equal(1, table.Value("buy_and_hold", "trades"));
        Assert.Equal(beatsAll ? "yes" : "no", comparison["beats_all_baselines"].Text);
        Assert.Equal(strategyNet > 0 ? "yes" : "no", comparison["profitable_after_costs"].Text);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_stats_and_progress_finishes_every_stage()
    {
        var reports = new List<BacktestProgress>();
        var options = MgcRun.Options with { Progress = new Recorder(reports) };

        var again = await BacktestRun.ExecuteAsync(MgcData.Bars, MgcData.Settings, options);

        using var stream = new MemoryStream();
        GoldBot.Backtesting.Output.StatsJsonWriter.Write(again.Statistics, stream);
        Assert.Equal(MgcRun.StatsJson(), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal(BacktestRun.Stages, reports.Where(r => r.Fraction == 1).Select(r => r.Stage).Distinct());
        Assert.All(reports, r => Assert.InRange(r.Fraction, 0, 1));
    }

    [Fact]
    public async Task Without_walk_forward_the_section_says_skipped_and_there_is_no_fold_table()
    {
        var skipped = await BacktestRun.ExecuteAsync(MgcData.Bars, MgcData.Settings, MgcRun.Options with { WalkForward = null });

        Assert.Null(skipped.WalkForward);
        Assert.Equal("skipped", skipped.Statistics.Section("out_of_sample")["status"].Text);
        Assert.DoesNotContain(skipped.Statistics.Breakdowns, b => b.Key == "walk_forward_folds");
        Assert.DoesNotContain(skipped.Statistics.Breakdown("baselines").Rows, r => r.Key == "walk_forward_oos");
        Assert.Null(skipped.Statistics.Section("comparison")["out_of_sample_profitable"].Text);
        Assert.Equal(MgcRun.Result.Statistics.Section("trades")["net_pnl"], skipped.Statistics.Section("trades")["net_pnl"]);
    }

    [Fact]
    public async Task Too_few_bars_for_the_folds_is_an_argument_error()
    {
        var bars = MgcData.Bars.Bars.Take(3).ToList();

        await Assert.ThrowsAsync<ArgumentException>(async () => await BacktestRun.ExecuteAsync(bars, TimeSpan.FromMinutes(3), MgcData.Settings,
            new BacktestRunOptions { WalkForward = new WalkForwardOptions { Folds = 4 } }));
    }

    private sealed class Recorder(List<BacktestProgress> reports) : IProgress<BacktestProgress>
    {
        public void Report(BacktestProgress value) => reports.Add(value);
    }
}
