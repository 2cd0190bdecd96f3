using System.Globalization;

namespace GoldBot.MarketData;

/// <summary>
/// Parses the time field of a bars file. The accepted texts are those of <see cref="Formats"/> (tried in order with
/// <see cref="DateTime.TryParseExact(string?, string?[], IFormatProvider?, DateTimeStyles, out DateTime)"/>), then anything
/// <see cref="DateTime.TryParse(string?, IFormatProvider?, DateTimeStyles, out DateTime)"/> reads in the invariant culture.
/// The three shapes every real file uses (<c>2025-11-23 23:00:00+00:00</c>, <c>2025-11-23T23:00:00Z</c>,
/// <c>2018-03-19 00:00:00</c>) are read by a fast path that gives the same instant as those calls; any other text, or any
/// doubt (a year outside 1900–2199, an offset beyond ±14:00), goes to the calls themselves.
/// </summary>
internal static class BarTimeParser
{
    /// <summary>The exact formats, in the order they are tried.</summary>
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss", "yyyy.MM.dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    /// <summary>
    /// Parses a bar time. Text with an offset (<c>Z</c>, <c>±hh:mm</c>) uses it; text without one is read on
    /// <paramref name="clock"/>'s clock. Returns null on success (the instant in UTC; <paramref name="naive"/> true when the text had
    /// no offset) or the reason, <c>bad time '…'</c> or <c>time '…' does not exist on the … clock …</c>.
    /// </summary>
    public static string? TryParse(ReadOnlySpan<char> text, ClockDayCache clock, out DateTimeOffset utc, out bool naive)
    {
        switch (TryParseCommon(text, out var parsed))
        {
            case Shape.Utc:
                naive = false;
                utc = new DateTimeOffset(parsed, TimeSpan.Zero);
                return null;
            case Shape.Naive:
                naive = true;
                return clock.TryToUtc(parsed, out utc) ? null : NonexistentReason(text, clock.Clock);
            default:
                return TryParseSlow(text.ToString(), clock.Clock, out utc, out naive);
        }
    }

    private static string? TryParseSlow(string text, BarTimeZone clock, out DateTimeOffset utc, out bool naive)
    {
        utc = default;
        naive = false;
        if (!DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed)
            && !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out parsed))
            return $"bad time '{text}'";
        if (parsed.Kind == DateTimeKind.Utc)
        {
            utc = new DateTimeOffset(parsed, TimeSpan.Zero);
            return null;
        }
        naive = true;
        return clock.TryToUtc(parsed, out utc) ? null : NonexistentReason(text, clock);
    }

    private static string NonexistentReason(ReadOnlySpan<char> text, BarTimeZone clock) =>
        $"time '{text}' does not exist on the {clock.Name} clock (skipped when daylight saving starts)";

    private enum Shape
    {
        Other,
        Utc,
        Naive,
    }

    /// <summary>
    /// The fast path: <c>yyyy-MM-dd HH:mm:ss</c>, <c>yyyy-MM-ddTHH:mm:ss</c> or <c>yyyy.MM.dd HH:mm:ss</c> (naive, formats 3–5),
    /// the dashed ones followed by <c>Z</c> (format 2) or, with either separator, by <c>±hh:mm</c> (formats 1 and 2), with
    /// every field in range. <see cref="Shape.Other"/> sends the text to the exact formats.
    /// </summary>
    private static Shape TryParseCommon(ReadOnlySpan<char> s, out DateTime parsed)
    {
        parsed = default;
        if (s.Length is not (19 or 20 or 25))
            return Shape.Other;
        var dateSeparator = s[4];
        if (dateSeparator is not ('-' or '.') || s[7] != dateSeparator || s[10] is not (' ' or 'T') || s[13] != ':' || s[16] != ':')
            return Shape.Other;
        if (dateSeparator == '.' && (s.Length != 19 || s[10] != ' '))
            return Shape.Other;
        if (!TwoDigits(s, 0, out var century) || !TwoDigits(s, 2, out var yy) || !TwoDigits(s, 5, out var month) || !TwoDigits(s, 8, out var day)
            || !TwoDigits(s, 11, out var hour) || !TwoDigits(s, 14, out var minute) || !TwoDigits(s, 17, out var second))
            return Shape.Other;
        var year = century * 100 + yy;
        if (year is < 1900 or > 2199 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return Shape.Other;
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if (s.Length == 19)
        {
            parsed = local;
            return Shape.Naive;
        }
        if (s.Length == 20)
        {
            if (s[19] != 'Z' || s[10] != 'T')
                return Shape.Other;
            parsed = DateTime.SpecifyKind(local, DateTimeKind.Utc);
            return Shape.Utc;
        }
        if (s[19] is not ('+' or '-') || s[22] != ':' || !TwoDigits(s, 20, out var offsetHours) || !TwoDigits(s, 23, out var offsetMinutes)
            || offsetHours > 14 || offsetMinutes > 59 || (offsetHours == 14 && offsetMinutes > 0))
            return Shape.Other;
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        parsed = DateTime.SpecifyKind(s[19] == '+' ? local - offset : local + offset, DateTimeKind.Utc);
        return Shape.Utc;
    }

    private static bool TwoDigits(ReadOnlySpan<char> s, int at, out int value)
    {
        int tens = s[at] - '0', units = s[at + 1] - '0';
        value = tens * 10 + units;
        return (uint)tens <= 9 && (uint)units <= 9;
    }
}
