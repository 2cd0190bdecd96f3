namespace GoldBot.Market;

/// <summary>
/// Builds bars of a longer <see cref="TimeFrame"/> from closed source bars, one source bar at
/// a time, without allocating. Buckets are aligned to the CME trading day (17:00 CT).
/// A bucket is complete when a source bar ending exactly at the bucket's end arrives, or,
/// after a gap (halt, holiday, missing data), when the first bar of a later bucket arrives;
/// a partial bucket therefore only ever uses bars that have already closed (causal).
/// </summary>
public sealed class BarAggregator
{
    private readonly TimeSpan _sourcePeriod;
    // Source bars of the target's own period (e.g. hourly bars for a 1-hour entry frame) pass through, their open aligned.
    private readonly bool _sameFrame;
    private Bar _current;
    // The open time of the open bucket's last source bar: a bar opening then or later completes the bucket.
    private DateTimeOffset _lastSourceOpen;
    private bool _open;
    private TradingDayBounds _day;
    // The bucket found last, as UTC ticks [open, end), its end cut at its trading day's end, and that day's end: the next
    // bar's bucket is found from them without a division while it is this one or the next of the same day.
    private DateTimeOffset _bucketOpenTime;
    private long _bucketOpen, _bucketEnd, _dayEnd;

    /// <summary>Creates an aggregator from <paramref name="sourcePeriod"/> bars to <paramref name="target"/> bars.</summary>
    /// <exception cref="ArgumentException">The target period is not a whole multiple of the source period.</exception>
    public BarAggregator(TimeSpan sourcePeriod, TimeFrame target)
    {
        if (sourcePeriod <= TimeSpan.Zero || target.Period.Ticks % sourcePeriod.Ticks != 0)
            throw new ArgumentException($"Cannot build {target} bars from {sourcePeriod.TotalMinutes:0.##}-minute bars: the target must be a whole multiple of the source.", nameof(target));
        _sourcePeriod = sourcePeriod;
        Target = target;
        _sameFrame = sourcePeriod == target.Period;
    }

    /// <summary>The time frame this aggregator produces.</summary>
    public TimeFrame Target { get; }

    /// <summary>
    /// Adds one closed source bar. Writes completed target bars (0, 1 or 2: a bucket left
    /// partial by a gap, then possibly the bucket this bar completes) to <paramref name="completed"/>
    /// in time order and returns how many were written.
    /// </summary>
    /// <param name="bar">A closed source bar; its open time must be later than the previous one.</param>
    /// <param name="completed">Destination with room for at least two bars.</param>
    public int Add(in Bar bar, Span<Bar> completed)
    {
        var bucketOpen = BucketOpen(bar.OpenTime);
        if (_sameFrame)
        {
            // Each bar is a whole bucket, complete as it arrives (what Merge gives when the periods are equal).
            completed[0] = bar with { OpenTime = bucketOpen };
            return 1;
        }
        return Merge(bar, bucketOpen, completed);
    }

    /// <summary>Adds <paramref name="bar"/> to its bucket, opening at <paramref name="bucketOpen"/>; as <see cref="Add"/>.</summary>
    private int Merge(in Bar bar, DateTimeOffset bucketOpen, Span<Bar> completed)
    {
        var count = 0;
        if (_open && bucketOpen != _current.OpenTime)
        {
            completed[count++] = _current;
            _open = false;
        }

        if (!_open)
        {
            _current = bar with { OpenTime = bucketOpen };
            _lastSourceOpen = bucketOpen + (Target.Period - _sourcePeriod);
            _open = true;
        }
        else
        {
            _current = new Bar(
                _current.OpenTime,
                _current.Open,
                Math.Max(_current.High, bar.High),
                Math.Min(_current.Low, bar.Low),
                bar.Close,
                _current.Volume + bar.Volume);
        }

        if (bar.OpenTime >= _lastSourceOpen)
        {
            completed[count++] = _current;
            _open = false;
        }
        return count;
    }

    /// <summary>
    /// <see cref="TimeFrame.BucketOpen(DateTimeOffset, in TradingDayBounds)"/> of <paramref name="utc"/> in its trading day:
    /// the same instant, found by comparisons while <paramref name="utc"/> is in the last bucket found or the next one of its day.
    /// </summary>
    private DateTimeOffset BucketOpen(DateTimeOffset utc)
    {
        var ticks = utc.UtcTicks;
        if (ticks >= _bucketEnd && _bucketEnd < _dayEnd && ticks < Math.Min(_bucketEnd + Target.Period.Ticks, _dayEnd))
        {
            // The next bucket of the day: it opens where the last one (not cut by the day's end, so a whole period) ended.
            (_bucketOpen, _bucketEnd) = (_bucketEnd, Math.Min(_bucketEnd + Target.Period.Ticks, _dayEnd));
            _bucketOpenTime = new DateTimeOffset(_bucketOpen, TimeSpan.Zero);
        }
        else if (ticks < _bucketOpen || ticks >= _bucketEnd)
            FindBucket(utc);
        return _bucketOpenTime;
    }

    /// <summary>Finds the bucket of <paramref name="utc"/> from its trading day (a day's first bar, or after a gap).</summary>
    private void FindBucket(DateTimeOffset utc)
    {
        _day = _day.For(utc);
        _bucketOpenTime = Target.BucketOpen(utc, _day);
        _dayEnd = _day.End.UtcTicks;
        _bucketOpen = _bucketOpenTime.UtcTicks;
        _bucketEnd = Math.Min(_bucketOpen + Target.Period.Ticks, _dayEnd);
    }

    /// <summary>Emits the partial bucket at the end of the data, if any.</summary>
    public bool TryFlush(out Bar partial)
    {
        partial = _current;
        var had = _open;
        _open = false;
        return had;
    }
}
