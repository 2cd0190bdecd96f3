using GoldBot.Smc;

namespace GoldBot.Tests.Smc;

/// <summary>The block-wise window extremes equal a scan of the window at every bar.</summary>
public sealed class SlidingExtremesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(20)]
    [InlineData(33)]
    public void Every_bar_of_the_MGC_file_and_of_a_random_walk_has_the_scanned_extremes(int window)
    {
        var random = new Random(window);
        var price = 40_000L;
        var walk = Enumerable.Range(0, 5_000).Select(i =>
        {
            // Steps of a few ticks, with runs of equal highs and lows (ties are where a monotonic structure goes wrong).
            price += random.Next(-3, 4);
            var high = price + random.Next(0, 3);
            var low = price - random.Next(0, 3);
            return SmcTestData.Bar(i, price, high, low, price);
        });
        foreach (var bars in new[] { SmcTestData.Ticks(SmcTestData.Mgc3Minute, 0.1m), [.. walk] })
        {
            var extremes = new SlidingExtremes(window);
            for (var t = 0; t < bars.Length; t++)
            {
                extremes.Add(bars[t]);
                var from = Math.Max(0, t - window + 1);
                var scanned = bars[from..(t + 1)];
                Assert.Equal((scanned.Max(b => b.High), scanned.Min(b => b.Low)), (extremes.Highest, extremes.Lowest));
            }
        }
    }
}
