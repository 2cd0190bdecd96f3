using GoldBot.Smc;

namespace GoldBot.Tests.Smc;

/// <summary>The swing structure's trend alone equals the full engine's swing trend at every bar.</summary>
public sealed class SwingTrendTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    public void Every_bar_of_the_MGC_files_and_of_a_random_walk_has_the_engines_swing_trend(int swingLength)
    {
        var random = new Random(swingLength);
        var price = 40_000L;
        var walk = Enumerable.Range(0, 5_000).Select(i =>
        {
            // Trending stretches and ranges, with equal highs and lows (ties decide whether a bar is a swing).
            price += random.Next(-4, 5) + (i / 500 % 2 == 0 ? 1 : -1);
            return SmcTestData.Bar(i, price, price + random.Next(0, 3), price - random.Next(0, 3), price + random.Next(-2, 3));
        });
        var options = new SmcOptions { SwingLength = swingLength, InternalSwingLength = Math.Min(3, swingLength) };
        var series = new[] { SmcTestData.Ticks(SmcTestData.Mgc3Minute, 0.1m), SmcTestData.Ticks(SmcTestData.Mgc15Minute, 0.1m), [.. walk] };
        foreach (var bars in series)
        {
            var engine = new SmcEngine(options, TimeSpan.FromMinutes(15));
            var trend = new SwingTrend(options);
            var changes = 0;
            for (var t = 0; t < bars.Length; t++)
            {
                var before = trend.Trend;
                engine.OnBar(bars[t]);
                trend.OnBar(bars[t]);
                Assert.Equal(engine.Trend(StructureScope.Swing), trend.Trend);
                changes += trend.Trend != before ? 1 : 0;
            }
            // The comparison is only worth something if the trend turned, both ways, many times.
            Assert.True(changes > 10, $"{changes} trend changes");
        }
    }

    [Fact]
    public void Invalid_options_are_refused_as_by_the_engine()
    {
        var options = new SmcOptions { SwingLength = 0 };
        Assert.Throws<ArgumentException>(() => new SmcEngine(options, TimeSpan.FromMinutes(15)));
        Assert.Throws<ArgumentException>(() => new SwingTrend(options));
    }
}
