using GoldBot.Market;

namespace GoldBot.Tests.Market;

public sealed class ExchangeClockEstimateTests
{
    private static readonly DateTimeOffset T0 = new(2025, 12, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_offset_is_the_smallest_receive_minus_print_delay_positive_when_the_local_clock_is_ahead()
    {
        var estimate = new ExchangeClockEstimate();
        Assert.Null(estimate.Offset);
        Assert.Null(estimate.ExchangeTime(T0));

        // Local clock 3 s ahead, latencies 120, 40 and 300 ms.
        estimate.Add(T0, T0.AddMilliseconds(3_120));
        estimate.Add(T0.AddSeconds(1), T0.AddMilliseconds(4_040));
        estimate.Add(T0.AddSeconds(2), T0.AddMilliseconds(5_300));

        Assert.Equal(TimeSpan.FromMilliseconds(3_040), estimate.Offset);
        Assert.Equal(T0.AddSeconds(10), estimate.ExchangeTime(T0.AddMilliseconds(13_040)));
    }

    [Fact]
    public void The_offset_is_negative_when_the_local_clock_is_behind_by_more_than_the_latency()
    {
        var estimate = new ExchangeClockEstimate();
        estimate.Add(T0, T0.AddMilliseconds(-2_950));
        estimate.Add(T0.AddSeconds(1), T0.AddMilliseconds(-1_900));

        Assert.Equal(TimeSpan.FromMilliseconds(-2_950), estimate.Offset);
        Assert.Equal(T0.AddMilliseconds(2_950), estimate.ExchangeTime(T0));
    }

    [Fact]
    public void A_minimum_older_than_the_window_stops_counting_so_a_clock_stepped_forward_is_followed()
    {
        var estimate = new ExchangeClockEstimate(TimeSpan.FromMinutes(1));
        estimate.Add(T0, T0.AddMilliseconds(50));                       // 50 ms
        estimate.Add(T0.AddSeconds(30), T0.AddMilliseconds(32_100));        // local clock stepped 2 s forward
        Assert.Equal(TimeSpan.FromMilliseconds(50), estimate.Offset);   // the old minimum still counts

        estimate.Add(T0.AddSeconds(60), T0.AddMilliseconds(62_200));        // 62.2 s: the 0.05 s sample is older than a minute
        Assert.Equal(TimeSpan.FromMilliseconds(2_100), estimate.Offset);
    }

    [Fact]
    public void A_smaller_sample_counts_at_once_and_the_newest_sample_always_counts()
    {
        var estimate = new ExchangeClockEstimate(TimeSpan.FromSeconds(10));
        estimate.Add(T0, T0.AddSeconds(3));
        estimate.Add(T0.AddSeconds(1), T0.AddMilliseconds(1_100));          // clock stepped back: 0.1 s
        Assert.Equal(TimeSpan.FromMilliseconds(100), estimate.Offset);

        estimate.Add(T0.AddHours(1), T0.AddHours(1).AddSeconds(5));  // after a long silence, only the newest is in the window
        Assert.Equal(TimeSpan.FromSeconds(5), estimate.Offset);
    }

    [Fact]
    public void Many_rising_samples_keep_the_sliding_minimum()
    {
        var estimate = new ExchangeClockEstimate(TimeSpan.FromSeconds(50));
        for (var i = 0; i < 200; i++)
        {
            // Delay rises 1 ms per print, one print a second: the minimum is the oldest in the window.
            estimate.Add(T0.AddSeconds(i), T0.AddSeconds(i).AddMilliseconds(10 + i));
            var oldestInWindow = Math.Max(0, i - 49);
            Assert.Equal(TimeSpan.FromMilliseconds(10 + oldestInWindow), estimate.Offset);
        }
    }

    [Fact]
    public void The_window_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExchangeClockEstimate(TimeSpan.Zero));
}
