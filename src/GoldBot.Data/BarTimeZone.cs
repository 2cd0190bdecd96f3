namespace GoldBot.MarketData;

/// <summary>
/// The clock a bars file stamps its bars in, when the stamps carry no UTC offset: the wall-clock
/// time of a time zone, optionally shifted by a fixed amount. A stamp <c>s</c> is the UTC instant
/// whose local time in <see cref="Zone"/> is <c>s − <see cref="Shift"/></c>. This is how MetaTrader
/// brokers define "NY-close" server time: New York time plus 7 hours, so that the daily rollover at
/// 17:00 New York falls at 00:00 server time all year (UTC+2 in winter, UTC+3 during US DST).
/// </summary>
public sealed class BarTimeZone
{
    /// <summary>Stamps are UTC.</summary>
    public static BarTimeZone Utc { get; } = new(TimeZoneInfo.Utc, TimeSpan.Zero, "UTC");

    /// <summary>
    /// MetaTrader 5 "NY-close" broker server time: America/New_York + 7 h, i.e. UTC+2 while US DST
    /// is off and UTC+3 while it is on (US DST calendar: second Sunday of March to first Sunday of
    /// November). Source: ../shared/data/README.md §3 (<c>utc = server − 3h</c> during US DST,
    /// <c>− 2h</c> otherwise), confirmed there by the 0.997 return correlation with the UTC MGC bars.
    /// </summary>
    public static BarTimeZone NewYorkClose { get; } =
        new(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), TimeSpan.FromHours(7), "MT5 server time (New York + 7 h)");

    /// <summary>Creates a clock from a zone and a shift added to that zone's wall-clock time.</summary>
    /// <param name="zone">The zone whose offsets and daylight-saving rules apply.</param>
    /// <param name="shift">Added to the zone's local time to give the stamp (0 for the zone itself).</param>
    /// <param name="name">Shown in error messages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> or <paramref name="name"/> is null.</exception>
    public BarTimeZone(TimeZoneInfo zone, TimeSpan shift, string name)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(name);
        Zone = zone;
        Shift = shift;
        Name = name;
    }

    /// <summary>The clock of an IANA time zone (for example <c>America/Chicago</c>) without a shift.</summary>
    /// <exception cref="TimeZoneNotFoundException">The zone id is unknown on this machine.</exception>
    public static BarTimeZone Of(string timeZoneId) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId), TimeSpan.Zero, timeZoneId);

    /// <summary>The names <see cref="Parse"/> takes besides IANA ids, as written in the configuration and on the command line.</summary>
    public const string Names = "utc, new-york-close or an IANA time zone id (e.g. America/Chicago)";

    /// <summary>
    /// The clock named <paramref name="name"/>: <c>utc</c>, <c>new-york-close</c> (<see cref="NewYorkClose"/>, MetaTrader 5 server
    /// time) or an IANA id such as <c>America/Chicago</c>; case and surrounding blanks are ignored for the first two.
    /// </summary>
    /// <exception cref="ArgumentException">The name is none of those (the message says which names are taken).</exception>
    public static BarTimeZone Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        switch (name.Trim().ToLowerInvariant())
        {
            case "utc":
                return Utc;
            case "new-york-close":
                return NewYorkClose;
            default:
                try
                {
                    return Of(name.Trim());
                }
                catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
                {
                    throw new ArgumentException($"'{name}' is not {Names}", nameof(name), e);
                }
        }
    }

    /// <summary>
    /// The clock of a bars file's offset-less stamps: the one named (<see cref="Parse"/>), else <see cref="NewYorkClose"/> for a
    /// file whose name contains <c>servertime</c> (the MetaTrader 5 XAUUSD export, ../shared/data/README.md §3), else null (UTC).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a clock <see cref="Parse"/> takes.</exception>
    public static BarTimeZone? ForFile(string? name, string path) =>
        !string.IsNullOrWhiteSpace(name) ? Parse(name)
        : System.IO.Path.GetFileName(path).Contains("servertime", StringComparison.OrdinalIgnoreCase) ? NewYorkClose
        : null;

    /// <summary>The zone whose rules apply.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Added to the zone's local time to give the stamp.</summary>
    public TimeSpan Shift { get; }

    /// <summary>Name used in messages.</summary>
    public string Name { get; }

    /// <summary>
    /// Converts a stamp without offset to UTC. Returns false when the stamp does not exist on this
    /// clock (the hour skipped when daylight saving starts). A stamp that occurs twice (the hour
    /// repeated when daylight saving ends) is read as standard time, the later instant, as
    /// <see cref="TimeZoneInfo.ConvertTimeToUtc(DateTime, TimeZoneInfo)"/> does.
    /// </summary>
    public bool TryToUtc(DateTime stamp, out DateTimeOffset utc)
    {
        var local = DateTime.SpecifyKind(stamp - Shift, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            utc = default;
            return false;
        }
        utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
