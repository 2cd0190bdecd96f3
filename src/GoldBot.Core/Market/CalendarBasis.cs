namespace GoldBot.Market;

/// <summary>How an <see cref="ExchangeCalendar"/> entry was established (its <c>basis</c> in the file).</summary>
public enum CalendarBasis
{
    /// <summary>
    /// <c>verified-by-data</c>: real bars confirm it (the last bar ends at the close, no bar while
    /// closed). The file's source notes name the data and the check.
    /// </summary>
    VerifiedByData,

    /// <summary>
    /// <c>needs-check</c>: taken from the usual CME holiday pattern and third-party calendars; check
    /// it against CME Group's holiday calendar before trading live on or around that day.
    /// </summary>
    NeedsCheck,
}
