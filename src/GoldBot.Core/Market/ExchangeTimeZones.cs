namespace GoldBot.Market;

/// <summary>
/// The time zones GoldBot's rules are written in, found by IANA id (Linux, macOS) or, where IANA
/// ids cannot be resolved (Windows with invariant globalization, which has no ICU), by Windows id.
/// Both ids name the same DST-aware US zone.
/// </summary>
public static class ExchangeTimeZones
{
    /// <summary>US Central time (CME Globex, Topstep rules): America/Chicago, or Windows "Central Standard Time".</summary>
    public static TimeZoneInfo Chicago { get; } = Find("America/Chicago", "Central Standard Time");

    /// <summary>US Eastern time (session names, news times): America/New_York, or Windows "Eastern Standard Time".</summary>
    public static TimeZoneInfo NewYork { get; } = Find("America/New_York", "Eastern Standard Time");

    private static TimeZoneInfo Find(string iana, string windows) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var zone) || TimeZoneInfo.TryFindSystemTimeZoneById(windows, out zone)
            ? zone
            : throw new TimeZoneNotFoundException($"neither '{iana}' nor '{windows}' is known to this system");
}
