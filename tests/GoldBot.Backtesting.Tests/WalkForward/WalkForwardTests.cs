using GoldBot.Backtesting.Tests.Engine;
using GoldBot.Backtesting.WalkForward;
using GoldBot.Market;

namespace GoldBot.Backtesting.Tests.WalkForward;

/// <summary>Walk-forward folds on the real MGC file: boundaries, no look-ahead, stitching and the fallback.</summary>
public sealed class WalkForwardTests
{
    private static readonly WalkForwardOptions SmallGrid = new()
    {
        Folds = 3,
        MinScores = [6, 7],
        MinStopAtrs = [0m, 1m],
        RunnerTargetRs = [2.5m],
        MinTrades = 1,
        WarmupBars = 1_000,
    };

    private static IReadOnlyList<Bar> Bars => MgcData.Bars.Bars;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Folds_cover_the_data_in_time_order_without_overlap(bool anchored)
    {
        var folds = WalkForwardAnalysis.Split(Bars, 4, anchored);

        Assert.Equal(4, folds.Count);
        Assert.Equal(Bars.Count, folds[^1].OutOfSampleEnd);
        for (var i = 0; i < folds.Count; i++)
        {
            var f = folds[i];
            Assert.Equal(i + 1, f.Index);
            Assert.Equal(f.InSampleEnd, f.OutOfSampleStart);
            Assert.True(f.InSampleStart < f.InSampleEnd && f.OutOfSampleStart < f.OutOfSampleEnd);
            Assert.Equal(anchored ? 0 : i == 0 ? 0 : folds[i - 1].OutOfSampleStart, f.InSampleStart);
            if (i > 0)
                Assert.Equal(folds[i - 1].OutOfSampleEnd, f.OutOfSampleStart);
        }
        // Equal time, not equal bar counts: each out-of-sample part spans about a fifth of the calendar.
        var span = Bars[^1].OpenTime - Bars[0].OpenTime;
        Assert.All(folds, f => Assert.InRange((Bars[f.OutOfSampleEnd - 1].OpenTime - Bars[f.OutOfSampleStart].OpenTime) / span, 0.15, 0.21));
    }

    [Fact]
    public async Task Out_of_sample_trades_lie_inside_their_fold_and_stitch_into_one_run()
    {
        var result = await WalkForwardAnalysis.RunAsync(Bars, MgcData.Bars.Period, MgcData.Settings, SmallGrid);

        Assert.Equal(3, result.Folds.Count);
        foreach (var fold in result.Folds)
        {
            Assert.True(fold.InSampleStart < fold.OutOfSampleStart);
            Assert.All(fold.OutOfSample.Trades, t => Assert.InRange(t.EntryTime, fold.OutOfSampleStart, fold.OutOfSampleEnd));
            Assert.Contains(fold.Chosen.MinScore, SmallGrid.MinScores);
            Assert.Contains(fold.Chosen.MinStopAtr, SmallGrid.MinStopAtrs);
            Assert.Equal(fold.Range.OutOfSampleEnd - fold.Range.OutOfSampleStart, fold.OutOfSample.Run.Bars);
        }
        var stitched = result.OutOfSample;
        Assert.Equal(result.Folds.SelectMany(f => f.OutOfSample.Trades).Select(t => (t.Id, t.PnL)), stitched.Trades.Select(t => (t.Id, t.PnL)));
        Assert.Equal(Bars.Count - result.Folds[0].Range.OutOfSampleStart, stitched.Run.Bars);
        Assert.Equal(stitched.Run.Bars, stitched.Equity.Count);
        Assert.All(stitched.Equity.Zip(stitched.Equity.Skip(1)), p => Assert.True(p.First.Time < p.Second.Time));
        var net = stitched.Trades.Sum(t => t.PnL!.Value);
        Assert.Equal(stitched.Run.StartingBalance + net, stitched.Equity[^1].Equity);
        if (stitched.Trades.Count > 0)
            Assert.Equal(stitched.Run.StartingBalance + net, stitched.Trades[^1].BalanceAfter);
        Assert.Equal(stitched.Days.Select(d => d.Date).Distinct().Count(), stitched.Days.Count);
        Assert.Equal(stitched.Trades.Count, stitched.Days.Sum(d => d.TradesClosed));
    }

    [Fact]
    public async Task A_fold_reads_no_bar_after_its_out_of_sample_part()
    {
        var all = Bars.ToArray();
        var range = WalkForwardAnalysis.Split(all, 3, anchored: false)[1];
        // The same fold on data cut right after its out-of-sample part: anything read from the future would change it.
        var cut = all[..range.OutOfSampleEnd];

        var full = await WalkForwardAnalysis.RunFoldAsync(all, MgcData.Bars.Period, MgcData.Settings, SmallGrid, range, CancellationToken.None);
        var truncated = await WalkForwardAnalysis.RunFoldAsync(cut, MgcData.Bars.Period, MgcData.Settings, SmallGrid, range, CancellationToken.None);

        Assert.Equal(full.Chosen, truncated.Chosen);
        Assert.Equal(full.InSampleNetPnL, truncated.InSampleNetPnL);
        Assert.Equal(full.OutOfSample.Trades.Select(t => (t.Id, t.EntryTime, t.PnL)), truncated.OutOfSample.Trades.Select(t => (t.Id, t.EntryTime, t.PnL)));
        Assert.Equal(full.OutOfSample.Equity, truncated.OutOfSample.Equity);
    }

    [Fact]
    public async Task Without_enough_in_sample_trades_a_fold_keeps_the_configured_parameters()
    {
        var options = SmallGrid with { Folds = 1, MinTrades = 10_000 };

        var result = await WalkForwardAnalysis.RunAsync(Bars, MgcData.Bars.Period, MgcData.Settings, options);

        var fold = Assert.Single(result.Folds);
        Assert.True(fold.FellBack);
        Assert.Equal(new WalkForwardParameters(7, 0m, 2.5m), fold.Chosen);
    }
}
