namespace GoldBot.MarketData;

/// <summary>
/// Converts offset-less stamps to UTC on one <see cref="BarTimeZone"/> as <see cref="BarTimeZone.TryToUtc"/> does, remembering
/// the last local day on which the zone's offset is the same from 00:00 to 23:59:59.9999999 with neither end skipped nor
/// repeated (every day but the few of a daylight-saving change): a stamp on that day is then its local time minus that offset,
/// without asking <see cref="TimeZoneInfo"/> again (about 150 ns a stamp on New York time). Any other day, and any stamp
/// outside years 2–9998, goes to <see cref="BarTimeZone.TryToUtc"/>. Assumes a zone does not change its offset and change it
/// back within one day (no tz database zone does). One instance per read: not thread-safe.
/// </summary>
internal sealed class ClockDayCache(BarTimeZone clock)
{
    private DateTime _day = DateTime.MinValue; // MinValue: nothing remembered yet
    private TimeSpan _offset;

    /// <summary>The clock converted on.</summary>
    public BarTimeZone Clock { get; } = clock;

    /// <summary>See <see cref="BarTimeZone.TryToUtc"/>: false when the stamp does not exist on the clock.</summary>
    public bool TryToUtc(DateTime stamp, out DateTimeOffset utc)
    {
        if (stamp.Year is < 2 or > 9998)
            return Clock.TryToUtc(stamp, out utc);
        var local = stamp - Clock.Shift;
        var day = local.Date;
        if (day != _day && !Remember(day))
            return Clock.TryToUtc(stamp, out utc);
        utc = new DateTimeOffset(DateTime.SpecifyKind(local - _offset, DateTimeKind.Unspecified), TimeSpan.Zero);
        return true;
    }

    private bool Remember(DateTime day)
    {
        var zone = Clock.Zone;
        DateTime first = DateTime.SpecifyKind(day, DateTimeKind.Unspecified), last = first.AddDays(1).AddTicks(-1);
        if (zone.IsInvalidTime(first) || zone.IsInvalidTime(last) || zone.IsAmbiguousTime(first) || zone.IsAmbiguousTime(last))
            return false;
        var offset = zone.GetUtcOffset(first);
        if (zone.GetUtcOffset(last) != offset)
            return false;
        (_day, _offset) = (day, offset);
        return true;
    }
}
