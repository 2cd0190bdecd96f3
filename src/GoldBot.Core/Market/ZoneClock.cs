namespace GoldBot.Market;

/// <summary>
/// UTC instants on the wall clock of one US time zone (<see cref="ExchangeTimeZones"/>): the same result as
/// <see cref="TimeZoneInfo.ConvertTime(DateTimeOffset, TimeZoneInfo)"/>, with the zone's offset kept for a week of UTC time
/// (from the UTC date of the first instant outside the last week). When a week's first and last instants have the same
/// offset, every instant of it has that offset, because a US zone changes its offset only twice a year, months apart
/// (15 U.S.C. §260a: the second Sunday of March and the first Sunday of November); in the two weeks of a change each instant
/// goes through the zone's rules. Per-signal code so converts twice a week instead of at every instant. Not thread-safe: one
/// caller.
/// </summary>
/// <param name="zone">A US time zone (one whose offset changes at most once a week).</param>
public sealed class ZoneClock(TimeZoneInfo zone)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private DateTime _from = DateTime.MaxValue;
    private DateTime _until = DateTime.MaxValue;
    // The offset of every instant of [_from, _until), or null in a week when the offset changes.
    private TimeSpan? _offset;

    /// <summary>The zone's wall-clock time (and offset) at <paramref name="utc"/>.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset utc)
    {
        var instant = utc.UtcDateTime;
        if (instant < _from || instant >= _until)
        {
            _from = instant.Date;
            // The last week of the calendar has no end to check; its instants are converted one by one.
            _until = _from < DateTime.MaxValue.Date - Week ? _from + Week : DateTime.MaxValue;
            var first = zone.GetUtcOffset(_from);
            _offset = _until != DateTime.MaxValue && zone.GetUtcOffset(_until.AddTicks(-1)) == first ? first : null;
        }
        return _offset is { } offset ? utc.ToOffset(offset) : TimeZoneInfo.ConvertTime(utc, zone);
    }
}
