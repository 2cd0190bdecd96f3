namespace GoldBot.Market;

/// <summary>Finding bars by time in a series ordered by open time.</summary>
public static class BarSearch
{
    /// <summary>
    /// Index of the first bar opening at or after <paramref name="time"/> (UTC), or
    /// <c>bars.Count</c> when there is none. Binary search: <paramref name="bars"/> must be in
    /// strictly increasing open time, as every <c>BarFile</c> is.
    /// </summary>
    public static int FirstAtOrAfter(IReadOnlyList<Bar> bars, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(bars);
        int lo = 0, hi = bars.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (bars[mid].OpenTime < time)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
