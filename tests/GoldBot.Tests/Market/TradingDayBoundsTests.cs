using GoldBot.Market;

namespace GoldBot.Tests.Market;

/// <summary>The remembered trading-day bounds give what the per-instant time-zone conversions give.</summary>
public sealed class TradingDayBoundsTests
{
    [Fact]
    public void Every_7_minutes_of_2024_to_2026_lies_in_its_own_trading_day_and_buckets_as_without_the_bounds()
    {
        // Six daylight-saving changes in America/Chicago; 7 minutes steps through every minute of the hour over the range.
        var day = default(TradingDayBounds);
        var frames = new[] { TimeFrame.Minutes(15), TimeFrame.Minutes(60), TimeFrame.Minutes(240), TimeFrame.Minutes(1440) };
        var days = 0;
        for (var utc = new DateTimeOffset(2024, 1, 1, 0, 3, 0, TimeSpan.Zero); utc < new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero); utc += TimeSpan.FromMinutes(7))
        {
            var next = day.For(utc);
            if (next != day)
            {
                Assert.Equal(TradingDayBounds.Of(utc), next);
                Assert.True(day == default || next.Open == day.End, $"{next} does not follow {day}");
                days++;
            }
            day = next;
            Assert.Equal(CmeSession.TradingDayOf(utc), day.Day);
            Assert.True(day.Contains(utc));
            foreach (var frame in frames)
                Assert.Equal(frame.BucketOpen(utc), frame.BucketOpen(utc, day));
        }
        Assert.Equal(DateOnly.FromDateTime(new DateTime(2027, 1, 1)).DayNumber - DateOnly.FromDateTime(new DateTime(2024, 1, 1)).DayNumber + 1, days);
    }

    [Fact]
    public void A_bucket_asked_of_a_day_that_does_not_contain_the_instant_is_refused()
    {
        var utc = new DateTimeOffset(2025, 12, 2, 14, 37, 0, TimeSpan.Zero);
        var day = TradingDayBounds.Of(utc);
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeFrame.Minutes(15).BucketOpen(day.End, day));
        Assert.False(default(TradingDayBounds).Contains(utc));
    }
}
