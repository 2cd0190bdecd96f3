using GoldBot.Market;

namespace GoldBot.Tests.Market;

/// <summary>
/// The CME trading day (17:00 CT to 16:00 CT) around its boundary, on ordinary days and on both
/// 2025 DST weekends (spring forward Sunday 9 March, fall back Sunday 2 November), where the
/// UTC instant of 17:00 CT moves by an hour.
/// </summary>
public sealed class CmeSessionTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    [Theory]
    // Winter (CST = UTC-6): 17:00 CT is 23:00 UTC. Tuesday 2 December 2025.
    [InlineData("2025-12-02T22:59:59Z", "2025-12-02")]
    [InlineData("2025-12-02T23:00:00Z", "2025-12-03")]
    [InlineData("2025-12-02T06:00:00Z", "2025-12-02")] // 00:00 CT belongs to the day that opened at 17:00 the evening before
    [InlineData("2025-12-02T05:59:59Z", "2025-12-02")] // 23:59:59 CT on the 1st, after the 17:00 open
    // Summer (CDT = UTC-5): 17:00 CT is 22:00 UTC. Tuesday 3 June 2025.
    [InlineData("2025-06-03T21:59:59Z", "2025-06-03")]
    [InlineData("2025-06-03T22:00:00Z", "2025-06-04")]
    [InlineData("2025-06-03T22:30:00Z", "2025-06-04")] // a fixed UTC-6 would call this 16:30 and keep the 3rd
    public void Trading_day_advances_at_17_00_Chicago(string utc, string expected)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CmeSession.TradingDayOf(instant));
    }

    [Fact]
    public void Sunday_evening_belongs_to_Monday()
    {
        // Sunday 30 November 2025, 17:00 CST = 23:00 UTC: the Globex week opens on Monday's trading day.
        Assert.Equal(new DateOnly(2025, 12, 1), CmeSession.TradingDayOf(Utc(2025, 11, 30, 23, 0)));
        Assert.Equal(new DateOnly(2025, 12, 1), CmeSession.TradingDayOf(Utc(2025, 12, 1, 0, 0))); // Sunday 18:00 CT
        Assert.Equal(new DateOnly(2025, 11, 30), CmeSession.TradingDayOf(Utc(2025, 11, 30, 22, 59))); // Sunday 16:59 CT
    }

    [Fact]
    public void Spring_forward_weekend_moves_the_open_from_23_00_to_22_00_UTC()
    {
        // Friday 7 March 2025 is still CST: 17:00 CT = 23:00 UTC.
        Assert.Equal(new DateOnly(2025, 3, 7), CmeSession.TradingDayOf(Utc(2025, 3, 7, 22, 59)));
        Assert.Equal(new DateOnly(2025, 3, 8), CmeSession.TradingDayOf(Utc(2025, 3, 7, 23, 0)));
        // Sunday 9 March 2025 after 02:00 is CDT: 17:00 CT = 22:00 UTC, and that opens Monday.
        Assert.Equal(new DateOnly(2025, 3, 9), CmeSession.TradingDayOf(Utc(2025, 3, 9, 21, 59, 59)));
        Assert.Equal(new DateOnly(2025, 3, 10), CmeSession.TradingDayOf(Utc(2025, 3, 9, 22, 0)));

        Assert.Equal(Utc(2025, 3, 6, 23, 0), CmeSession.TradingDayOpen(new DateOnly(2025, 3, 7)));
        Assert.Equal(Utc(2025, 3, 9, 22, 0), CmeSession.TradingDayOpen(new DateOnly(2025, 3, 10)));
    }

    [Fact]
    public void Fall_back_weekend_moves_the_open_from_22_00_to_23_00_UTC()
    {
        // Friday 31 October 2025 is CDT: 17:00 CT = 22:00 UTC.
        Assert.Equal(new DateOnly(2025, 10, 31), CmeSession.TradingDayOf(Utc(2025, 10, 31, 21, 59)));
        Assert.Equal(new DateOnly(2025, 11, 1), CmeSession.TradingDayOf(Utc(2025, 10, 31, 22, 0)));
        // Sunday 2 November 2025 after 02:00 CDT is CST again: 17:00 CT = 23:00 UTC.
        Assert.Equal(new DateOnly(2025, 11, 2), CmeSession.TradingDayOf(Utc(2025, 11, 2, 22, 30)));
        Assert.Equal(new DateOnly(2025, 11, 3), CmeSession.TradingDayOf(Utc(2025, 11, 2, 23, 0)));

        Assert.Equal(Utc(2025, 10, 30, 22, 0), CmeSession.TradingDayOpen(new DateOnly(2025, 10, 31)));
        Assert.Equal(Utc(2025, 11, 2, 23, 0), CmeSession.TradingDayOpen(new DateOnly(2025, 11, 3)));
    }

    [Fact]
    public void Exchange_time_that_does_not_exist_moves_forward_and_an_ambiguous_one_takes_daylight_time()
    {
        // 02:30 on 9 March 2025 does not exist in Chicago; it becomes 03:30 CDT = 08:30 UTC.
        Assert.Equal(Utc(2025, 3, 9, 8, 30), CmeSession.AtExchangeTime(new DateOnly(2025, 3, 9), new TimeOnly(2, 30)));
        // 01:30 on 2 November 2025 happens twice; the first (CDT, UTC-5) is 06:30 UTC.
        Assert.Equal(Utc(2025, 11, 2, 6, 30), CmeSession.AtExchangeTime(new DateOnly(2025, 11, 2), new TimeOnly(1, 30)));
        Assert.Equal(Utc(2025, 12, 2, 21, 8), CmeSession.AtExchangeTime(new DateOnly(2025, 12, 2), new TimeOnly(15, 8)));
        Assert.Equal(Utc(2025, 6, 3, 20, 8), CmeSession.AtExchangeTime(new DateOnly(2025, 6, 3), new TimeOnly(15, 8)));
    }

    [Fact]
    public void Exchange_time_of_day_follows_the_Chicago_offset()
    {
        Assert.Equal(new TimeOnly(8, 30), CmeSession.ExchangeTimeOfDay(Utc(2025, 12, 2, 14, 30)));
        Assert.Equal(new TimeOnly(9, 30), CmeSession.ExchangeTimeOfDay(Utc(2025, 6, 3, 14, 30)));
        Assert.Equal(TimeSpan.FromHours(-6), CmeSession.ToExchangeTime(Utc(2025, 12, 2, 14, 30)).Offset);
        Assert.Equal(TimeSpan.FromHours(-5), CmeSession.ToExchangeTime(Utc(2025, 6, 3, 14, 30)).Offset);
    }

    [Fact]
    public void The_trading_day_from_the_cached_opens_equals_the_conversion_every_7_minutes_of_2006_to_2027()
    {
        // 22 years: dozens of daylight-saving changes, including the 2007 rule change.
        for (var t = Utc(2006, 1, 1, 0, 3); t < Utc(2028, 1, 1, 0, 0); t += TimeSpan.FromMinutes(7))
            Assert.Equal(CmeSession.TradingDayOfByConversion(t), CmeSession.TradingDayOf(t));
        // Exactly at each open and one tick before it.
        for (var day = new DateOnly(2006, 1, 2); day < new DateOnly(2028, 1, 1); day = day.AddDays(1))
        {
            var open = CmeSession.TradingDayOpen(day);
            Assert.Equal(day, CmeSession.TradingDayOf(open));
            Assert.Equal(CmeSession.TradingDayOfByConversion(open.AddTicks(-1)), CmeSession.TradingDayOf(open.AddTicks(-1)));
            Assert.Equal(day.AddDays(-1), CmeSession.TradingDayOf(open.AddTicks(-1)));
        }
    }
}
