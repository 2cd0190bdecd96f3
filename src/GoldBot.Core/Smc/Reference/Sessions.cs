using System.Globalization;
using System.Text.RegularExpressions;

namespace GoldBot.Smc.Reference;

/// <summary>
/// <c>smc.sessions(ohlc, session, start_time, end_time, time_zone)</c> of
/// <c>smartmoneyconcepts</c> 0.0.27 (smc.py#L792-L898; spec shared/research/smc.md §2.7):
/// which bars open inside a daily UTC window, with running float32 session high and low.
/// The <c>time_zone</c> handling keeps the library's sign bug (B11).
/// </summary>
public static partial class Sessions
{
    /// <summary>The session names the library knows (smc.py#L820-L857; case-sensitive), plus <c>Custom</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Sydney", "Tokyo", "London", "New York", "Asian kill zone", "London open kill zone",
        "New York kill zone", "london close kill zone", "Custom",
    ];

    /// <summary>
    /// Marks the bars of <paramref name="session"/>. Windows in UTC: Sydney 21:00–06:00, Tokyo
    /// 00:00–09:00, London 07:00–16:00, New York 13:00–22:00, Asian kill zone 00:00–04:00, London
    /// open kill zone 06:00–09:00, New York kill zone 11:00–14:00, london close kill zone
    /// 14:00–16:00, or <c>Custom</c> with <paramref name="startTime"/>/<paramref name="endTime"/>
    /// ("H:MM" or "HH:MM"). Both ends are inclusive; a window with start ≥ end wraps midnight.
    /// <paramref name="timeZone"/> is the zone of the bar times: <c>UTC</c> (default) or
    /// <c>UTC±k</c>/<c>GMT±k</c> (k whole hours), which the library maps to POSIX
    /// <c>Etc/GMT±k</c> and therefore shifts the wrong way (B11). O(N).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Unknown session, Custom without valid times, or an unsupported time zone.</exception>
    /// <exception cref="InvalidOperationException">The series has no times.</exception>
    public static SessionsResult Compute(SmcSeries series, string session, string startTime = "", string endTime = "", string timeZone = "UTC")
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(startTime);
        ArgumentNullException.ThrowIfNull(endTime);
        ArgumentNullException.ThrowIfNull(timeZone);
        // smc.py#L817-L818: checked before anything else.
        if (session == "Custom" && (startTime.Length == 0 || endTime.Length == 0))
            throw new ArgumentException("Custom session requires a start and end time", nameof(session));
        var (start, end) = session switch
        {
            "Sydney" => ("21:00", "06:00"),
            "Tokyo" => ("00:00", "09:00"),
            "London" => ("07:00", "16:00"),
            "New York" => ("13:00", "22:00"),
            "Asian kill zone" => ("00:00", "04:00"),
            "London open kill zone" => ("6:00", "9:00"),
            "New York kill zone" => ("11:00", "14:00"),
            "london close kill zone" => ("14:00", "16:00"),
            "Custom" => (startTime, endTime),
            _ => throw new ArgumentException($"unknown session '{session}'; use one of: {string.Join(", ", Names)}.", nameof(session)),
        };
        var shift = UtcShift(timeZone);
        var times = series.RequireTimes("sessions");
        var startMinute = MinuteOfDay(start);
        var endMinute = MinuteOfDay(end);

        var n = series.Count;
        var high = series.HighArray;
        var low = series.LowArray;
        var active = new int[n];
        var sessionHigh = new float[n];
        var sessionLow = new float[n];
        for (var i = 0; i < n; i++)
        {
            // smc.py#L879-L882: only HH:MM of the (converted) open time counts; seconds are dropped.
            var t = times[i] + shift;
            var minute = (t.Hour * 60) + t.Minute;
            // smc.py#L883-L886: inclusive at both ends; start ≥ end wraps midnight.
            var inside = startMinute < endMinute
                ? startMinute <= minute && minute <= endMinute
                : startMinute <= minute || minute <= endMinute;
            if (!inside)
                continue;
            active[i] = 1;
            // smc.py#L887-L892, §1.4: Python max/min of the float64 price and the previous float32
            // value (0 = inactive, which restarts the extremes), stored back as float32.
            double previousHigh = i > 0 ? sessionHigh[i - 1] : 0;
            sessionHigh[i] = (float)(previousHigh > high[i] ? previousHigh : high[i]);
            var previousLow = i > 0 && sessionLow[i - 1] != 0 ? sessionLow[i - 1] : double.PositiveInfinity;
            sessionLow[i] = (float)(previousLow < low[i] ? previousLow : low[i]);
        }
        return new SessionsResult(active, sessionHigh, sessionLow);
    }

    // smc.py#L859-L863, B11: "UTC±k"/"GMT±k" become the POSIX zone "Etc/GMT±k", whose offset is
    // the opposite (Etc/GMT+2 is UTC−2). tz_localize + tz_convert("UTC") therefore turns a bar at
    // local wall time t into t + k hours for "UTC+k": the data moves the wrong way. No DST.
    private static TimeSpan UtcShift(string timeZone)
    {
        if (timeZone == "UTC")
            return TimeSpan.Zero;
        var posix = timeZone.Replace("GMT", "Etc/GMT", StringComparison.Ordinal).Replace("UTC", "Etc/GMT", StringComparison.Ordinal);
        var match = EtcGmt().Match(posix);
        if (!match.Success)
            throw new ArgumentException($"time zone '{timeZone}' is not supported; use UTC, UTC±k or GMT±k with whole hours (UTC-14 .. UTC+12).", nameof(timeZone));
        if (!match.Groups[2].Success)
            return TimeSpan.Zero;
        var hours = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var west = match.Groups[1].Value == "+";
        if (hours > (west ? 12 : 14))
            throw new ArgumentException($"time zone '{timeZone}' maps to {posix}, which does not exist.", nameof(timeZone));
        // Etc/GMT+k = UTC−k: UTC = local + k hours.
        return TimeSpan.FromHours(west ? hours : -hours);
    }

    // datetime.strptime(text, "%H:%M"): one or two digits each, 0–23 and 0–59.
    private static int MinuteOfDay(string text)
    {
        var match = HourMinute().Match(text);
        if (!match.Success)
            throw new ArgumentException($"time '{text}' does not match format '%H:%M'.", nameof(text));
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 60) + int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^Etc/GMT(?:([+-])(0|[1-9][0-9]?)|0)?$", RegexOptions.CultureInvariant)]
    private static partial Regex EtcGmt();

    [GeneratedRegex(@"^(2[0-3]|[01][0-9]|[0-9]):([0-5][0-9]|[0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex HourMinute();
}
