namespace GoldBot.Market;

/// <summary>
/// Bar period aligned to the CME trading day: bucket k of a trading day covers
/// [open + k·period, open + (k+1)·period), where open is 17:00 CT (<see cref="CmeSession"/>).
/// Because 17:00 CT is on the hour, minute and hour buckets are also aligned to the clock;
/// four-hour or daily buckets start at 17:00 CT, not at midnight.
/// </summary>
public readonly record struct TimeFrame
{
    /// <summary>Creates a time frame of a whole number of minutes between 1 and 1,440.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is not a whole minute count in [1, 1440].</exception>
    public TimeFrame(TimeSpan period)
    {
        if (period < TimeSpan.FromMinutes(1) || period > TimeSpan.FromDays(1) || period.Ticks % TimeSpan.TicksPerMinute != 0)
            throw new ArgumentOutOfRangeException(nameof(period), period, "A time frame must be a whole number of minutes between 1 minute and 1 day.");
        Period = period;
    }

    /// <summary>Length of one bar.</summary>
    public TimeSpan Period { get; }

    /// <summary>A frame of <paramref name="minutes"/> minutes.</summary>
    public static TimeFrame Minutes(int minutes) => new(TimeSpan.FromMinutes(minutes));

    /// <summary>UTC open time of the bucket that contains <paramref name="utc"/>.</summary>
    public DateTimeOffset BucketOpen(DateTimeOffset utc) => BucketOpen(utc, TradingDayBounds.Of(utc));

    /// <summary>
    /// UTC open time of the bucket that contains <paramref name="utc"/>, in the trading day <paramref name="day"/> that contains it
    /// (<see cref="TradingDayBounds.For"/>: no time-zone conversion while the day lasts).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> does not contain <paramref name="utc"/>.</exception>
    public DateTimeOffset BucketOpen(DateTimeOffset utc, in TradingDayBounds day)
    {
        if (!day.Contains(utc))
            throw new ArgumentOutOfRangeException(nameof(day), day, $"trading day {day.Day} does not contain {utc:O}");
        var elapsed = utc - day.Open;
        return day.Open + TimeSpan.FromTicks(elapsed.Ticks - elapsed.Ticks % Period.Ticks);
    }

    /// <summary>Parses <c>3m</c>, <c>15m</c>, <c>1h</c>, <c>4h</c>, <c>1d</c> (case-insensitive).</summary>
    /// <exception cref="FormatException">The text is not a number followed by m, h or d, or the period is longer than one day.</exception>
    public static TimeFrame Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        if (t.Length >= 2 && int.TryParse(t.AsSpan(0, t.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            // In long arithmetic: "71582789h" must not wrap around to a valid minute count.
            long? minutes = t[^1] switch { 'm' => n, 'h' => n * 60L, 'd' => n * 1440L, _ => null };
            if (minutes is >= 1 and <= 1440)
                return Minutes((int)minutes.Value);
            if (minutes is not null)
                throw new FormatException($"'{text}' is not a time frame; it must be between 1 minute and 1 day (1d).");
        }
        throw new FormatException($"'{text}' is not a time frame; use a number followed by m, h or d, e.g. 15m or 1h.");
    }

    /// <inheritdoc/>
    public override string ToString() =>
        Period.TotalMinutes % 1440 == 0 ? $"{Period.TotalDays:0}d"
        : Period.TotalMinutes % 60 == 0 ? $"{Period.TotalHours:0}h"
        : $"{Period.TotalMinutes:0}m";
}
