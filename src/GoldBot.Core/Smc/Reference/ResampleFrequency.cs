using System.Globalization;

namespace GoldBot.Smc.Reference;

/// <summary>
/// A pandas 1.5.3 resample frequency as used by <c>ohlc.resample(time_frame)</c> in
/// <c>previous_high_low</c> (smc.py#L720-L726), reduced to the bin label each bar falls in.
/// Fixed frequencies (<c>S</c>, <c>T</c>/<c>min</c>, <c>H</c>, <c>D</c>, with a multiple)
/// use left-closed, left-labelled bins anchored at midnight of the first bar's day
/// (<c>origin="start_day"</c>). <c>W</c> (= <c>W-SUN</c>) and <c>W-MON</c>…<c>W-SAT</c> and
/// <c>M</c> (month end) are right-closed and right-labelled; pandas moves their edges to the end
/// of the anchor day, so a bin covers whole days and is labelled at 00:00 of its last day.
/// <c>MS</c> (month start) is left-closed and left-labelled. Aliases follow pandas:
/// the name is upper-cased except <c>MS</c>, so <c>4h</c> is four hours and <c>m</c> is a month.
/// </summary>
internal sealed class ResampleFrequency
{
    private enum Kind
    {
        Fixed,
        Weekly,
        MonthEnd,
        MonthStart,
    }

    private readonly Kind _kind;
    private readonly long _ticks;
    private readonly DayOfWeek _anchor;

    private ResampleFrequency(Kind kind, long ticks, DayOfWeek anchor)
    {
        _kind = kind;
        _ticks = ticks;
        _anchor = anchor;
    }

    /// <summary>Parses a pandas offset alias such as <c>1h</c>, <c>4h</c>, <c>15min</c>, <c>1D</c>, <c>W</c>, <c>M</c>.</summary>
    /// <exception cref="ArgumentException">The alias is not one of the supported forms.</exception>
    public static ResampleFrequency Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        var multiple = 1L;
        if (digits > 0 && (!long.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out multiple) || multiple <= 0 || multiple > 1_000_000))
            throw Unsupported(text);
        var name = text[digits..];
        if (name != "MS" && name != "ms")
            name = name.ToUpperInvariant();
        if (name == "MIN")
            name = "T";
        if (name == "W")
            name = "W-SUN";

        switch (name)
        {
            case "S": return new ResampleFrequency(Kind.Fixed, multiple * TimeSpan.TicksPerSecond, default);
            case "T": return new ResampleFrequency(Kind.Fixed, multiple * TimeSpan.TicksPerMinute, default);
            case "H": return new ResampleFrequency(Kind.Fixed, multiple * TimeSpan.TicksPerHour, default);
            case "D": return new ResampleFrequency(Kind.Fixed, multiple * TimeSpan.TicksPerDay, default);
        }
        if (multiple != 1)
            throw Unsupported(text);
        switch (name)
        {
            case "M": return new ResampleFrequency(Kind.MonthEnd, 0, default);
            case "MS": return new ResampleFrequency(Kind.MonthStart, 0, default);
            case "W-SUN": return new ResampleFrequency(Kind.Weekly, 0, DayOfWeek.Sunday);
            case "W-MON": return new ResampleFrequency(Kind.Weekly, 0, DayOfWeek.Monday);
            case "W-TUE": return new ResampleFrequency(Kind.Weekly, 0, DayOfWeek.Tuesday);
            case "W-WED": return new ResampleFrequency(Kind.Weekly, 0, DayOfWeek.Wednesday);
            case "W-THU": return new ResampleFrequency(Kind.Weekly, 0, DayOfWeek.Thursday);
            case "W-FRI": return new ResampleFrequency(Kind.Weekly, 0, DayOfWeek.Friday);
            case "W-SAT": return new ResampleFrequency(Kind.Weekly, 0, DayOfWeek.Saturday);
        }
        throw Unsupported(text);
    }

    /// <summary>The label (as ticks) of the bin holding <paramref name="time"/>; <paramref name="origin"/> is the first bar's midnight.</summary>
    public long Label(DateTime time, DateTime origin)
    {
        switch (_kind)
        {
            case Kind.Fixed:
                var elapsed = time.Ticks - origin.Ticks;
                var floor = elapsed >= 0 ? elapsed / _ticks : ((elapsed + 1) / _ticks) - 1;
                return origin.Ticks + (floor * _ticks);
            case Kind.Weekly:
                var date = time.Date;
                return date.AddDays(((int)_anchor - (int)date.DayOfWeek + 7) % 7).Ticks;
            case Kind.MonthEnd:
                return new DateTime(time.Year, time.Month, DateTime.DaysInMonth(time.Year, time.Month)).Ticks;
            default:
                return new DateTime(time.Year, time.Month, 1).Ticks;
        }
    }

    private static ArgumentException Unsupported(string text) =>
        new($"time frame '{text}' is not supported; use a pandas alias such as 15min, 1h, 4h, 1D, W, W-MON, M or MS.", nameof(text));
}
