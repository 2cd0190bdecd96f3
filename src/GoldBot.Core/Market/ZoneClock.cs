namespace GoldBot.Market;

/// <summary>
/// UTC instants on the wall clock of one US time zone (<see cref="ExchangeTimeZones"/>): the same result as
/// <see cref="TimeZoneInfo.ConvertTime(DateTimeOffset, TimeZoneInfo)"/>, with the zone's offset kept for the UTC calendar day of
/// the last instant converted. When a day's first and last instants have the same offset, every instant of that day has it,
/// because a US zone changes its offset only twice a year, months apart (15 U.S.C. §260a: the second Sunday of March and the
/// first Sunday of November); on the two days of a change each instant goes through the zone's rules. Per-signal code so
/// converts twice a day instead of at every instant. Not thread-safe: one caller.
/// </summary>
/// <param name="zone">A US time zone (one whose offset changes at most once a day).</param>
public sealed class ZoneClock(TimeZoneInfo zone)
{
    private DateTime _day = DateTime.MaxValue;
    // The offset of every instant of _day, or null on a day when the offset changes.
    private TimeSpan? _offset;

    /// <summary>The zone's wall-clock time (and offset) at <paramref name="utc"/>.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset utc)
    {
        var day = utc.UtcDateTime.Date;
        if (day != _day)
        {
            // The last UTC day has no successor to bound it; its instants are converted one by one.
            var first = zone.GetUtcOffset(day);
            _offset = day < DateTime.MaxValue.Date && zone.GetUtcOffset(day.AddDays(1).AddTicks(-1)) == first ? first : null;
            _day = day;
        }
        return _offset is { } offset ? utc.ToOffset(offset) : TimeZoneInfo.ConvertTime(utc, zone);
    }
}
