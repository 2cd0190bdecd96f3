using GoldBot.Backtesting.Statistics;
using MathNet.Numerics.Statistics;

namespace GoldBot.Backtesting.Tests.Statistics;

public sealed class RatioTests
{
    // Returns 0.01, -0.01, 0.02: mean 1/150, sample variance 7/30000, downside Σmin(r,0)²/N = 0.0001/3.
    // Sharpe = (1/150) / √(7/30000) · √252 = 4√3; Sortino = (1/150) / √(1/30000) · √252 = √336.
    private static readonly double[] Returns = [0.01, -0.01, 0.02];

    [Fact]
    public void Sharpe_matches_the_hand_computed_value()
    {
        Assert.Equal(4 * Math.Sqrt(3), SharpeRatio.Of(Returns)!.Value, 9);
    }

    [Fact]
    public void Sharpe_matches_MathNet_mean_over_sample_standard_deviation()
    {
        var expected = Returns.Mean() / Returns.StandardDeviation() * Math.Sqrt(252);
        Assert.Equal(expected, SharpeRatio.Of(Returns)!.Value, 12);
    }

    [Fact]
    public void Sortino_divides_by_downside_deviation_over_all_returns()
    {
        Assert.Equal(Math.Sqrt(336), SortinoRatio.Of(Returns)!.Value, 9);
    }

    [Fact]
    public void Ratios_are_undefined_for_one_return_flat_returns_or_no_losses()
    {
        Assert.Null(SharpeRatio.Of([0.01]));
        Assert.Null(SharpeRatio.Of([0.01, 0.01, 0.01]));
        Assert.Null(SortinoRatio.Of([0.01]));
        Assert.Null(SortinoRatio.Of([0.01, 0.02]));
    }

    [Fact]
    public void Daily_returns_chain_close_to_close_from_the_first_open()
    {
        var days = HandMadeResults.Days(100_000m, [1_000m, -1_010m, 1_999.8m]);
        var returns = DailyReturns.Of(days);
        Assert.Equal(Returns, returns.Select(r => Math.Round(r, 12)));
    }

    [Fact]
    public void Cagr_compounds_over_calendar_years_of_365_25_days()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // 730.5 days = 2 years: 100 → 121 is 10 % a year.
        Assert.Equal(0.10, CompoundAnnualGrowthRate.Of(100m, 121m, start, start.AddDays(730.5))!.Value, 12);
        Assert.Equal(-1, CompoundAnnualGrowthRate.Of(100m, 0m, start, start.AddDays(10)));
        Assert.Null(CompoundAnnualGrowthRate.Of(100m, 121m, start, start));
    }

    [Fact]
    public void Calmar_is_cagr_over_absolute_drawdown_fraction()
    {
        Assert.Equal(2.0, CalmarRatio.Of(0.10, 0.05)!.Value, 12);
        Assert.Equal(2.0, CalmarRatio.Of(0.10, -0.05)!.Value, 12);
        Assert.Null(CalmarRatio.Of(0.10, 0));
        Assert.Null(CalmarRatio.Of(null, 0.05));
    }

    [Fact]
    public void Drawdown_is_measured_from_the_running_peak_in_usd_and_fraction()
    {
        // Peak 1,000 → 800 is 200 USD (20 %); later peak 2,000 → 1,700 is 300 USD (15 %).
        var drawdown = EquityDrawdown.Of([900m, 1_000m, 800m, 2_000m, 1_700m, 1_900m]);
        Assert.Equal(300m, drawdown.MaxUsd);
        Assert.Equal(0.20, drawdown.MaxFraction, 12);
        Assert.Equal(new EquityDrawdown(0m, 0), EquityDrawdown.Of([]));
    }

    [Fact]
    public void Drawdown_equals_the_fraction_taken_at_every_point_on_random_curves()
    {
        // EquityDrawdown divides only at a new deepest fall under a peak; the definition divides at every point.
        var random = new Random(12);
        for (var curve = 0; curve < 500; curve++)
        {
            var equity = RandomCurve(random);

            decimal peak = 0, maxUsd = 0;
            double maxFraction = 0;
            for (var i = 0; i < equity.Length; i++)
            {
                peak = i == 0 ? equity[0] : Math.Max(peak, equity[i]);
                maxUsd = Math.Max(maxUsd, peak - equity[i]);
                if (peak > 0)
                    maxFraction = Math.Max(maxFraction, (double)((peak - equity[i]) / peak));
            }

            Assert.Equal(new EquityDrawdown(maxUsd, maxFraction), EquityDrawdown.Of(equity));
        }
    }

    [Fact]
    public void The_running_drawdown_equals_the_drawdown_of_the_curve_so_far_after_every_point()
    {
        var random = new Random(13);
        for (var curve = 0; curve < 200; curve++)
        {
            var equity = RandomCurve(random);

            var running = new EquityDrawdown.Running();
            Assert.Equal(default, running.Drawdown);
            for (var i = 0; i < equity.Length; i++)
            {
                running.Add(equity[i]);
                Assert.Equal(EquityDrawdown.Of(equity[..(i + 1)]), running.Drawdown);
            }
        }
    }

    /// <summary>A random equity curve of 0–399 points, USD, starting at −50,000 to +2,000 and moving by −300 to +300.99 a point.</summary>
    private static decimal[] RandomCurve(Random random)
    {
        var equity = new decimal[random.Next(0, 400)];
        var value = random.Next(-50, 3) * 1_000m;
        for (var i = 0; i < equity.Length; i++)
            equity[i] = value += random.Next(-300, 301) + random.Next(0, 100) / 100m;
        return equity;
    }

    [Fact]
    public void Wilson_interval_matches_the_published_example()
    {
        // Brown, Cai & DasGupta (2001) / Newcombe (1998) case: 81 of 263 → Wilson 95 % (0.2553, 0.3662).
        var interval = WilsonScoreInterval.Of(81, 263);
        Assert.Equal(0.2553, interval.Lower, 4);
        Assert.Equal(0.3662, interval.Upper, 4);
        Assert.Equal(0, WilsonScoreInterval.Of(0, 10).Lower);
        Assert.Equal(1, WilsonScoreInterval.Of(10, 10).Upper, 12);
    }
}
