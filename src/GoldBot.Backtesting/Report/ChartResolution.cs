namespace GoldBot.Backtesting.Report;

/// <summary>
/// The time step at which the report's price chart shows a run. A chart of more than
/// <c>maxCandles</c> candles is aggregated to the finest step of <see cref="Steps"/> (1 min … 1 week)
/// that brings the count under the limit, so that a 1,000,000-bar run still gives a usable page
/// (1-minute bars over two years become 1-hour candles, about 12,000). Aggregation keeps the whole
/// run visible, so every entry, exit and order block still has a candle to sit on. Buckets are
/// aligned to whole multiples of the step since the Unix epoch (UTC), so a 1-day candle runs
/// 00:00–24:00 UTC.
/// </summary>
/// <param name="Step">Candle step; <see cref="TimeSpan.Zero"/> when the candles are shown as given.</param>
/// <param name="SourceCandles">Candles in the document.</param>
/// <param name="ChartCandles">Candles on the chart after aggregation.</param>
public sealed record ChartResolution(TimeSpan Step, int SourceCandles, int ChartCandles)
{
    /// <summary>The aggregation steps tried, finest first.</summary>
    public static IReadOnlyList<TimeSpan> Steps { get; } =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromDays(1), TimeSpan.FromDays(7),
    ];

    /// <summary>True when the chart shows aggregated candles.</summary>
    public bool IsAggregated => Step > TimeSpan.Zero;

    /// <summary>Picks the resolution for <paramref name="candles"/> (strictly increasing in time).</summary>
    /// <param name="maxCandles">Most candles the chart may hold (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCandles"/> is below 1.</exception>
    public static ChartResolution Choose(IReadOnlyList<ReportCandle> candles, int maxCandles)
    {
        ArgumentNullException.ThrowIfNull(candles);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCandles, 1);
        if (candles.Count <= maxCandles)
            return new ChartResolution(TimeSpan.Zero, candles.Count, candles.Count);
        for (var s = 0; s < Steps.Count - 1; s++)
        {
            // A step that needs more than maxCandles is rejected as soon as it does: no need to count the rest of the run.
            var count = CountBuckets(candles, Steps[s], maxCandles);
            if (count <= maxCandles)
                return new ChartResolution(Steps[s], candles.Count, count);
        }
        return new ChartResolution(Steps[^1], candles.Count, CountBuckets(candles, Steps[^1], int.MaxValue));
    }

    /// <summary>The candles to draw: as given, or one per step with the first open, highest high, lowest low and last close.</summary>
    public IReadOnlyList<ReportCandle> Aggregate(IReadOnlyList<ReportCandle> candles)
    {
        ArgumentNullException.ThrowIfNull(candles);
        if (!IsAggregated)
            return candles;
        var result = new List<ReportCandle>(ChartCandles);
        if (candles.Count == 0)
            return result;
        var first = candles[0];
        var (time, open, high, low, close) = (BucketStart(first.Time, Step), first.Open, first.High, first.Low, first.Close);
        // The bucket being built is kept in locals and added when the next one starts, instead of rewriting the list's last candle.
        for (var i = 1; i < candles.Count; i++)
        {
            var c = candles[i];
            var start = BucketStart(c.Time, Step);
            if (start == time)
            {
                (high, low, close) = (Math.Max(high, c.High), Math.Min(low, c.Low), c.Close);
                continue;
            }
            result.Add(new ReportCandle(time, open, high, low, close));
            (time, open, high, low, close) = (start, c.Open, c.High, c.Low, c.Close);
        }
        result.Add(new ReportCandle(time, open, high, low, close));
        return result;
    }

    /// <summary>
    /// A curve thinned to one point per step (per whole second when not aggregated, the chart's time
    /// unit): the last value of each step, or the largest when <paramref name="keepLargest"/> (so a
    /// drawdown curve keeps its worst point). Points are assumed in time order.
    /// </summary>
    public IReadOnlyList<ReportPoint> Reduce(IReadOnlyList<ReportPoint> points, bool keepLargest)
    {
        ArgumentNullException.ThrowIfNull(points);
        var step = IsAggregated ? Step : TimeSpan.FromSeconds(1);
        var result = new List<ReportPoint>(Math.Min(points.Count, Math.Max(ChartCandles, 16)));
        if (points.Count == 0)
            return result;
        var (time, value) = (BucketStart(points[0].Time, step), points[0].Value);
        for (var i = 1; i < points.Count; i++)
        {
            var p = points[i];
            var start = BucketStart(p.Time, step);
            if (start == time)
            {
                value = keepLargest ? Math.Max(value, p.Value) : p.Value;
                continue;
            }
            result.Add(new ReportPoint(time, value));
            (time, value) = (start, p.Value);
        }
        result.Add(new ReportPoint(time, value));
        return result;
    }

    /// <summary>Start of the step that holds <paramref name="time"/>, UTC.</summary>
    public static DateTimeOffset BucketStart(DateTimeOffset time, TimeSpan step)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var floored = ticks - (((ticks % step.Ticks) + step.Ticks) % step.Ticks);
        return DateTimeOffset.UnixEpoch.AddTicks(floored);
    }

    /// <summary>The buckets of <paramref name="step"/> the candles fill, counted until the count passes <paramref name="limit"/>.</summary>
    private static int CountBuckets(IReadOnlyList<ReportCandle> candles, TimeSpan step, int limit)
    {
        var count = 0;
        var previous = DateTimeOffset.MinValue;
        for (var i = 0; i < candles.Count && count <= limit; i++)
        {
            var start = BucketStart(candles[i].Time, step);
            if (start != previous)
            {
                count++;
                previous = start;
            }
        }
        return count;
    }
}
