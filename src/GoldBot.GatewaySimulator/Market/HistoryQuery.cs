using GoldBot.Market;

namespace GoldBot.GatewaySimulator.Market;

/// <summary>
/// <c>History/retrieveBars</c> over the bars already replayed: source bars opening in [start, end)
/// are aggregated to <c>unit × unitNumber</c>, the latest <c>limit</c> are kept and returned newest
/// first, like the live gateway (fixtures/projectx-live/README.md item 7). errorCodes: 2 UnitInvalid,
/// 3 UnitNumberInvalid, 4 LimitInvalid (research/topstepx-api.md §3).
/// Buckets up to a day align to the CME trading day (<see cref="TimeFrame.BucketOpen(DateTimeOffset)"/>, 17:00 CT); a week
/// starts at the open of its Monday trading day, a month at the open of its first trading day. The
/// requested period must be a whole multiple of the file's period (the simulator cannot split bars).
/// </summary>
public static class HistoryQuery
{
    /// <summary>Largest <c>limit</c> accepted (research/topstepx-api.md §6: at most 20,000 bars per request).</summary>
    public const int MaxBars = 20_000;

    /// <summary>Runs the query.</summary>
    /// <param name="closed">Closed source bars, oldest first.</param>
    /// <param name="partial">The source bar still forming, if any.</param>
    /// <param name="sourcePeriod">Period of the source bars.</param>
    /// <param name="now">Market time (UTC); a bucket ending after it is partial.</param>
    /// <returns>errorCode (0 on success), message, and the bars newest first.</returns>
    public static (int ErrorCode, string? Message, IReadOnlyList<Bar> Bars) Run(
        IEnumerable<Bar> closed, Bar? partial, TimeSpan sourcePeriod, DateTimeOffset now,
        DateTimeOffset start, DateTimeOffset end, int unit, int unitNumber, int limit, bool includePartialBar)
    {
        ArgumentNullException.ThrowIfNull(closed);
        if (unit is < (int)BarUnit.Second or > (int)BarUnit.Month)
            return (2, $"Invalid unit {unit}; use 1 Second, 2 Minute, 3 Hour, 4 Day, 5 Week or 6 Month", []);
        if (unitNumber < 1)
            return (3, $"Invalid unitNumber {unitNumber}", []);
        if (limit < 1 || limit > MaxBars)
            return (4, $"Invalid limit {limit}; must be in [1, {MaxBars}]", []);

        Func<DateTimeOffset, DateTimeOffset> bucketOf;
        Func<DateTimeOffset, DateTimeOffset> bucketEnd;
        var barUnit = (BarUnit)unit;
        if (barUnit is BarUnit.Week or BarUnit.Month)
        {
            if (unitNumber != 1)
                return (3, $"unitNumber must be 1 for {barUnit} bars in the simulator", []);
            bucketOf = barUnit == BarUnit.Week ? WeekOpen : MonthOpen;
            bucketEnd = barUnit == BarUnit.Week
                ? b => CmeSession.TradingDayOpen(CmeSession.TradingDayOf(b).AddDays(7))
                : b => CmeSession.TradingDayOpen(FirstOfNextMonth(CmeSession.TradingDayOf(b)));
        }
        else
        {
            var period = barUnit switch
            {
                BarUnit.Second => TimeSpan.FromSeconds(unitNumber),
                BarUnit.Minute => TimeSpan.FromMinutes(unitNumber),
                BarUnit.Hour => TimeSpan.FromHours(unitNumber),
                _ => TimeSpan.FromDays(unitNumber),
            };
            if (period > TimeSpan.FromDays(1) || period.Ticks % sourcePeriod.Ticks != 0 || period.Ticks % TimeSpan.TicksPerMinute != 0)
                return (3, $"The simulator holds {sourcePeriod.TotalMinutes:0.##}-minute bars: request a whole multiple of that, up to one day", []);
            var frame = new TimeFrame(period);
            bucketOf = frame.BucketOpen;
            bucketEnd = b => b + period;
        }

        var source = closed.Where(b => b.OpenTime >= start && b.OpenTime < end);
        if (includePartialBar && partial is { } p && p.OpenTime >= start && p.OpenTime < end)
            source = source.Append(p);

        var buckets = new List<Bar>();
        DateTimeOffset? current = null;
        foreach (var bar in source)
        {
            var open = bucketOf(bar.OpenTime);
            if (current != open)
            {
                buckets.Add(bar with { OpenTime = open });
                current = open;
                continue;
            }
            var last = buckets[^1];
            buckets[^1] = new Bar(open, last.Open, Math.Max(last.High, bar.High), Math.Min(last.Low, bar.Low), bar.Close, last.Volume + bar.Volume);
        }
        if (!includePartialBar && buckets.Count > 0 && bucketEnd(buckets[^1].OpenTime) > now)
            buckets.RemoveAt(buckets.Count - 1);

        var newestFirst = buckets.Skip(Math.Max(0, buckets.Count - limit)).Reverse().ToList();
        return (0, null, newestFirst);
    }

    private static DateTimeOffset WeekOpen(DateTimeOffset utc)
    {
        var day = CmeSession.TradingDayOf(utc);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return CmeSession.TradingDayOpen(monday);
    }

    private static DateTimeOffset MonthOpen(DateTimeOffset utc)
    {
        var day = CmeSession.TradingDayOf(utc);
        return CmeSession.TradingDayOpen(new DateOnly(day.Year, day.Month, 1));
    }

    private static DateOnly FirstOfNextMonth(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1);
}
