using GoldBot.Backtesting.Statistics;

namespace GoldBot.Backtesting.Tests.Statistics;

public sealed class BootstrapIntervalTests
{
    private static double[] Pattern(int repeats)
    {
        // +100, −50, −50, +200: mean +50 per trade, win rate 1/2.
        double[] one = [100, -50, -50, 200];
        return Enumerable.Repeat(one, repeats).SelectMany(x => x).ToArray();
    }

    [Fact]
    public void Interval_contains_the_point_estimate()
    {
        var interval = BootstrapInterval.OfMean(Pattern(10))!.Value;
        Assert.True(interval.Contains(50), $"{interval} should contain 50");
        Assert.True(interval.Lower < 50 && interval.Upper > 50);
    }

    [Fact]
    public void Interval_narrows_with_more_trades()
    {
        var few = BootstrapInterval.OfMean(Pattern(5))!.Value;
        var many = BootstrapInterval.OfMean(Pattern(500))!.Value;
        Assert.True(many.Width < few.Width / 5, $"{many.Width} vs {few.Width}");   // √100 = 10× narrower in theory
        Assert.True(many.Contains(50));
    }

    [Fact]
    public void Interval_width_matches_the_normal_approximation()
    {
        // Population sd of the pattern: √((50² + 100² + 100² + 150²)/4) = √11,875; n = 400.
        var sd = Math.Sqrt(11_875.0) / Math.Sqrt(400);
        var interval = BootstrapInterval.OfMean(Pattern(100))!.Value;
        Assert.Equal(2 * 1.96 * sd, interval.Width, 0.10 * 2 * 1.96 * sd);
    }

    [Fact]
    public void Same_seed_same_interval_and_constant_sample_collapses()
    {
        Assert.Equal(BootstrapInterval.OfMean(Pattern(3), seed: 7), BootstrapInterval.OfMean(Pattern(3), seed: 7));
        var constant = BootstrapInterval.OfMean([5.0, 5.0, 5.0])!.Value;
        Assert.Equal(5, constant.Lower, 12);
        Assert.Equal(5, constant.Upper, 12);
        Assert.Null(BootstrapInterval.OfMean([]));
    }

    [Fact]
    public void Whole_run_intervals_bracket_expectancy_and_win_rate()
    {
        var stats = BacktestStatistics.Compute(HandMadeResults.SevenTrades(), new StatisticsOptions(5_000));
        var ci = stats.Section("confidence");
        Assert.InRange(21.43m, ci["expectancy_usd_lower"].Number!.Value, ci["expectancy_usd_upper"].Number!.Value);
        Assert.InRange(0.4286m, ci["win_rate_lower"].Number!.Value, ci["win_rate_upper"].Number!.Value);
        Assert.Equal(5_000m, ci["resamples"].Number);
    }
}
