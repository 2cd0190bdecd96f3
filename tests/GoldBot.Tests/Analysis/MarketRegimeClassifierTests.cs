using GoldBot.Analysis;
using GoldBot.Market;
using GoldBot.Tests.Smc;

namespace GoldBot.Tests.Analysis;

/// <summary>The regime classifier on synthetic series with a known regime, and on the real MGC bars for causality.</summary>
public sealed class MarketRegimeClassifierTests
{
    private static readonly DateTimeOffset Start = new(2025, 12, 1, 14, 0, 0, TimeSpan.Zero);

    /// <summary>Bars of 15 minutes: close <paramref name="close"/>(i), each with a range of <paramref name="range"/>(i) around it.</summary>
    private static IEnumerable<Bar> Series(int count, Func<int, double> close, Func<int, double> range) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var c = (decimal)Math.Round(close(i), 1);
            var half = (decimal)Math.Round(range(i) / 2, 1);
            return new Bar(Start.AddMinutes(15 * i), c, c + half, c - half, c, 100);
        });

    private static List<MarketRegime> Classify(IEnumerable<Bar> bars)
    {
        var classifier = new MarketRegimeClassifier();
        var regimes = new List<MarketRegime>();
        foreach (var bar in bars)
        {
            classifier.Add(bar);
            regimes.Add(classifier.Regime);
        }
        return regimes;
    }

    [Fact]
    public void A_steady_climb_is_trending_up_and_a_steady_fall_trending_down_after_the_warm_up()
    {
        // A 1-point-per-bar drift with a 2-point range and a small wobble, so ATR stays ordinary.
        var up = Classify(Series(200, i => 4000 + i + Math.Sin(i), _ => 2));
        Assert.All(up.Take(99), r => Assert.Equal(MarketRegime.Unknown, r));
        // Most bars after the warm-up trend up (the wobble makes some ATRs top-decile or the ADX dip), and none trends down.
        Assert.True(up.Skip(120).Count(r => r == MarketRegime.TrendingUp) > 40, string.Join(",", up.Skip(120).GroupBy(r => r).Select(g => $"{g.Key}:{g.Count()}")));
        Assert.DoesNotContain(MarketRegime.TrendingDown, up);

        var down = Classify(Series(200, i => 4200 - i + Math.Sin(i), _ => 2));
        Assert.True(down.Skip(120).Count(r => r == MarketRegime.TrendingDown) > 40);
        Assert.DoesNotContain(MarketRegime.TrendingUp, down);
    }

    [Fact]
    public void A_flat_market_is_ranging_and_a_sudden_wide_bar_is_volatile()
    {
        var flat = Series(200, i => 4000 + 3 * Math.Sin(i / 3.0), _ => 2).ToList();
        var regimes = Classify(flat);
        Assert.True(regimes.Skip(120).All(r => r == MarketRegime.Ranging), string.Join(",", regimes.Skip(120).Distinct()));

        var spike = flat.Take(199).Append(new Bar(Start.AddMinutes(15 * 199), 4000m, 4020m, 3990m, 4015m, 100));
        Assert.Equal(MarketRegime.Volatile, Classify(spike)[^1]);
    }

    [Fact]
    public void Each_bars_regime_depends_only_on_the_bars_up_to_it()
    {
        var bars = SmcTestData.Mgc3Minute;
        var full = Classify(bars);
        Assert.Contains(MarketRegime.TrendingUp, full);
        Assert.Contains(MarketRegime.TrendingDown, full);
        Assert.Contains(MarketRegime.Ranging, full);
        Assert.Contains(MarketRegime.Volatile, full);
        foreach (var t in new[] { 150, 3_000, 9_999 })
            Assert.Equal(full.Take(t), Classify(bars.Take(t)));
    }

    [Fact]
    public void Reading_the_measures_only_at_some_bars_gives_what_reading_at_every_bar_gives()
    {
        // The percentiles and the regime are computed when read: skipping bars must not change what a later read sees.
        var every = new MarketRegimeClassifier();
        var sometimes = new MarketRegimeClassifier();
        var i = 0;
        var compared = 0;
        foreach (var bar in SmcTestData.Mgc3Minute)
        {
            every.Add(bar);
            sometimes.Add(bar);
            var (regime, atr, width) = (every.Regime, every.AtrPercentile, every.BandwidthPercentile);
            if (i++ % 7 == 0)
            {
                Assert.Equal((regime, atr, width, every.Adx, every.EmaSlope),
                    (sometimes.Regime, sometimes.AtrPercentile, sometimes.BandwidthPercentile, sometimes.Adx, sometimes.EmaSlope));
                compared += regime == MarketRegime.Unknown ? 0 : 1;
            }
        }
        Assert.True(compared > 1_000, $"only {compared} classified bars compared");
    }
    [Fact]
    public void The_bandwidth_percentile_is_the_mid_rank_over_the_last_100_widths_however_seldom_it_is_read()
    {
        // The MGC bars, then closes around zero: some 20-bar windows average exactly 0 and have no width (Bollinger's null),
        // which takes no place among the 100. Read at every bar for a while, then every 5th, then not for 300 bars (the
        // widths are computed in batches when read or when 64 bars await theirs).
        var aroundZero = Enumerable.Range(0, 1_200).Select(i => { var c = (decimal)(i % 7 - 3); return new Bar(Start.AddMinutes(15 * i), c, c + 1, c - 1, c, 100); });
        foreach (var bars in new[] { SmcTestData.Mgc3Minute.Take(3_000), aroundZero })
        {
            var classifier = new MarketRegimeClassifier();
            var bands = new GoldBot.Indicators.BollingerBands(20);
            var widths = new List<double>();
            var (i, missing, compared) = (0, 0, 0);
            foreach (var bar in bars)
            {
                classifier.Add(bar);
                var latest = bands.AddWidth((double)bar.Close);
                if (latest is { } w)
                    widths.Add(w);
                else if (i >= 19)
                    missing++;
                if (i++ is < 400 || (i < 600 && i % 5 == 0) || i > 900)
                {
                    var window = widths.TakeLast(100).ToList();
                    double? expected = latest is { } x ? (window.Count(v => v < x) + 0.5 * window.Count(v => v == x)) / window.Count : null;
                    Assert.Equal(expected, classifier.BandwidthPercentile);
                    compared += expected is null ? 0 : 1;
                }
            }
            Assert.True(compared > 500, $"only {compared} widths compared");
            if (bars == aroundZero)
                Assert.True(missing > 10, $"only {missing} windows without a width");
        }

        // The regime needs 100 widths: counted before they are computed, a window without one must not count.
        var (regimeOnly, widthsFirst) = (new MarketRegimeClassifier(), new MarketRegimeClassifier());
        foreach (var bar in aroundZero)
        {
            regimeOnly.Add(bar);
            widthsFirst.Add(bar);
            _ = widthsFirst.BandwidthPercentile;
            Assert.Equal(widthsFirst.Regime, regimeOnly.Regime);
        }
    }

    [Fact]
    public void The_ATR_percentile_is_the_mid_rank_counted_over_the_last_100_ATRs()
    {
        // The MGC bars, then a series whose ranges take four values only (ties, where the equal count matters).
        var ties = Series(600, i => 4000 + i % 7, i => 1 + i % 4);
        foreach (var bars in new[] { SmcTestData.Mgc3Minute.Take(3_000), ties })
        {
            var classifier = new MarketRegimeClassifier();
            var atr = new GoldBot.Indicators.AverageTrueRange(14);
            var atrs = new List<double>();
            foreach (var bar in bars)
            {
                classifier.Add(bar);
                if (atr.Add((double)bar.High, (double)bar.Low, (double)bar.Close) is not { } latest)
                {
                    Assert.Null(classifier.AtrPercentile);
                    continue;
                }
                atrs.Add(latest);
                var window = atrs.TakeLast(100).ToList();
                var expected = (window.Count(a => a < latest) + 0.5 * window.Count(a => a == latest)) / window.Count;
                Assert.Equal(expected, classifier.AtrPercentile);
            }
        }
    }
}
