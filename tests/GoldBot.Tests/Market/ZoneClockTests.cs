using GoldBot.Market;

namespace GoldBot.Tests.Market;

/// <summary>The clock that keeps a week's offset gives what converting every instant through the zone's rules gives.</summary>
public sealed class ZoneClockTests
{
    public static TheoryData<string> Zones() => ["chicago", "new_york"];

    private static TimeZoneInfo Zone(string name) => name == "chicago" ? ExchangeTimeZones.Chicago : ExchangeTimeZones.NewYork;

    [Theory]
    [MemberData(nameof(Zones))]
    public void Every_7_minutes_of_2018_to_2027_reads_as_the_conversion(string name)
    {
        // Eighteen daylight-saving changes; 7-minute steps pass through every minute of the hour.
        var zone = Zone(name);
        var clock = new ZoneClock(zone);
        var changes = 0;
        var previous = TimeSpan.Zero;
        for (var utc = new DateTimeOffset(2018, 1, 1, 0, 3, 0, TimeSpan.Zero); utc < new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero); utc += TimeSpan.FromMinutes(7))
        {
            var expected = TimeZoneInfo.ConvertTime(utc, zone);
            var local = clock.ToLocal(utc);
            Assert.Equal((expected.DateTime, expected.Offset), (local.DateTime, local.Offset));
            changes += expected.Offset != previous && previous != TimeSpan.Zero ? 1 : 0;
            previous = expected.Offset;
        }
        Assert.Equal(18, changes);
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void Instants_around_each_change_and_out_of_order_read_as_the_conversion(string name)
    {
        // One tick either side of every whole UTC hour of 2024–2026 (the changes fall on whole hours), visited forwards,
        // then backwards: the remembered week must never answer for another.
        var zone = Zone(name);
        var clock = new ZoneClock(zone);
        var instants = new List<DateTimeOffset>();
        for (var hour = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero); hour < new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero); hour += TimeSpan.FromHours(1))
            instants.AddRange([hour.AddTicks(-1), hour, hour.AddTicks(1)]);
        foreach (var utc in instants.Concat(Enumerable.Reverse(instants)))
        {
            var expected = TimeZoneInfo.ConvertTime(utc, zone);
            var local = clock.ToLocal(utc);
            Assert.Equal((expected.DateTime, expected.Offset), (local.DateTime, local.Offset));
        }
    }

    [Fact]
    public void The_first_and_last_days_of_the_calendar_convert_too()
    {
        var clock = new ZoneClock(ExchangeTimeZones.Chicago);
        foreach (var utc in new[] { DateTimeOffset.MaxValue, DateTimeOffset.MaxValue.AddHours(-30), DateTimeOffset.MinValue.AddDays(1), DateTimeOffset.MaxValue })
            Assert.Equal(TimeZoneInfo.ConvertTime(utc, ExchangeTimeZones.Chicago).DateTime, clock.ToLocal(utc).DateTime);
    }
}
