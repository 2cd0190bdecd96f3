using GoldBot.Indicators;
using GoldBot.MarketData;

namespace GoldBot.Tests.Indicators;

/// <summary>The running-sum volume average equals the simple moving average, bit for bit, at every bar.</summary>
public sealed class VolumeMovingAverageTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(20)]
    [InlineData(64)]
    public void Every_bar_of_the_MGC_file_and_of_random_volumes_has_the_simple_moving_averages_value(int period)
    {
        var random = new Random(period);
        var limit = (1L << 53) / period;
        // Ordinary volumes, then stretches near and above the exact range (where doubles stop holding the sum exactly),
        // negative ones, and extremes that wrap the running sum; each stretch longer than the window, so it empties again.
        var stretches = new Func<long>[]
        {
            () => random.Next(0, 5_000),
            () => limit - random.Next(0, 3),
            () => limit + random.NextInt64(0, limit),
            () => -random.NextInt64(0, 2 * limit),
            () => random.Next(2) == 0 ? long.MaxValue - random.Next(0, 1_000) : long.MinValue + random.Next(0, 1_000),
            () => random.Next(0, 5_000),
        };
        var randomVolumes = Enumerable.Range(0, 600).Select(i => stretches[i / 100]()).ToArray();
        var mgcVolumes = BarCsvReader.Read(SharedData.MgcBars).Bars.Select(b => b.Volume).ToArray();
        foreach (var volumes in new[] { mgcVolumes, randomVolumes })
        {
            var expected = new SimpleMovingAverage(period);
            var average = new VolumeMovingAverage(period);
            foreach (var volume in volumes)
            {
                var want = expected.Add(volume);
                var got = average.Add(volume);
                Assert.Equal(want.HasValue, got.HasValue);
                if (want is { } w)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(w), BitConverter.DoubleToInt64Bits(got!.Value));
            }
        }
    }
}
