using GoldBot.Market;

namespace GoldBot.Tests.Market;

/// <summary>Bucket alignment to the 17:00 CT trading-day open, and parsing of time-frame text.</summary>
public sealed class TimeFrameTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void Minute_and_hour_buckets_open_on_the_clock()
    {
        var instant = Utc(2025, 12, 2, 14, 37, 12);

        Assert.Equal(Utc(2025, 12, 2, 14, 36), TimeFrame.Minutes(3).BucketOpen(instant));
        Assert.Equal(Utc(2025, 12, 2, 14, 30), TimeFrame.Minutes(15).BucketOpen(instant));
        Assert.Equal(Utc(2025, 12, 2, 14, 0), TimeFrame.Minutes(60).BucketOpen(instant));
        Assert.Equal(Utc(2025, 12, 2, 14, 45), TimeFrame.Minutes(15).BucketOpen(Utc(2025, 12, 2, 14, 45)));
    }

    [Fact]
    public void Four_hour_buckets_start_at_17_00_CT_not_at_midnight()
    {
        // Winter: the trading day of 2 December opens 1 December 23:00 UTC; buckets 23, 03, 07, 11, 15, 19 UTC.
        Assert.Equal(Utc(2025, 12, 2, 11, 0), TimeFrame.Minutes(240).BucketOpen(Utc(2025, 12, 2, 14, 37)));
        Assert.Equal(Utc(2025, 12, 1, 23, 0), TimeFrame.Minutes(240).BucketOpen(Utc(2025, 12, 2, 1, 0)));
        // Summer: the trading day of 3 June opens 2 June 22:00 UTC; buckets 22, 02, 06, 10, 14, 18 UTC.
        Assert.Equal(Utc(2025, 6, 3, 14, 0), TimeFrame.Minutes(240).BucketOpen(Utc(2025, 6, 3, 14, 37)));
        Assert.Equal(Utc(2025, 6, 3, 10, 0), TimeFrame.Minutes(240).BucketOpen(Utc(2025, 6, 3, 13, 59)));
    }

    [Fact]
    public void Daily_bucket_is_the_trading_day()
    {
        Assert.Equal(Utc(2025, 12, 1, 23, 0), TimeFrame.Parse("1d").BucketOpen(Utc(2025, 12, 2, 20, 0)));
        Assert.Equal(Utc(2025, 12, 2, 23, 0), TimeFrame.Parse("1d").BucketOpen(Utc(2025, 12, 2, 23, 0)));
    }

    [Theory]
    [InlineData("3m", 3)]
    [InlineData("15m", 15)]
    [InlineData("1h", 60)]
    [InlineData("4H", 240)]
    [InlineData(" 1d ", 1440)]
    public void Parses_a_number_followed_by_a_unit(string text, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), TimeFrame.Parse(text).Period);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("15")]
    [InlineData("15x")]
    [InlineData("0m")]
    [InlineData("-5m")]
    [InlineData("+5m")]
    [InlineData("1.5h")]
    [InlineData("fifteen")]
    [InlineData("2d")] // longer than a day
    [InlineData("25h")]
    [InlineData("1441m")]
    [InlineData("71582789h")] // 71,582,789 × 60 overflows int to 44 minutes
    public void Bad_text_throws_FormatException(string text)
    {
        var e = Assert.Throws<FormatException>(() => TimeFrame.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, "3m")]
    [InlineData(15, "15m")]
    [InlineData(60, "1h")]
    [InlineData(240, "4h")]
    [InlineData(90, "90m")]
    [InlineData(1440, "1d")]
    public void Prints_the_shortest_form(int minutes, string text)
    {
        Assert.Equal(text, TimeFrame.Minutes(minutes).ToString());
    }

    [Fact]
    public void Rejects_periods_that_are_not_whole_minutes_within_a_day()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeFrame(TimeSpan.FromSeconds(90)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeFrame(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeFrame(TimeSpan.FromMinutes(1441)));
    }
}
