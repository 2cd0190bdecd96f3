namespace GoldBot.Smc.Reference;

/// <summary>
/// The swings of one type that <see cref="Liquidity"/> has not yet grouped (nor used as a group
/// start), bucketed by level so that a group start only looks at swings near its own level: buckets
/// are at least 2 × tolerance wide, so the band [level − tolerance, level + tolerance] of a start
/// lies within its own bucket and the two next to it. Each bucket keeps its swings in entry (bar)
/// order, and a start only reads them up to its sweep, so grouping is one pass over the swings
/// that can still join a group, instead of the library's rescans of all later swings
/// (smc.py#L634-L645). Membership is decided by the library's exact float64 test; buckets only
/// narrow where it is applied. Building is O(S) (a counting sort by bucket).
/// </summary>
internal sealed class UngroupedSwingIndex
{
    private readonly double[] _levels;
    private readonly double _tolerance;
    private readonly int[] _bucketOf; // per entry; −1 for a NaN level (never in a band)
    private readonly int[] _entries; // entries grouped by bucket, ascending within a bucket
    private readonly int[] _head; // per bucket: position of its first remaining entry
    private readonly int[] _end; // per bucket: end of its range in _entries

    /// <summary>
    /// Indexes entries 0..count−1 (<paramref name="levels"/>[0..count), read in place) with
    /// band half-width <paramref name="tolerance"/>.
    /// </summary>
    public UngroupedSwingIndex(double[] levels, int count, double tolerance)
    {
        _levels = levels;
        _tolerance = tolerance;
        _bucketOf = new int[count];

        // Bucket width: 2 × tolerance, but wide enough that there are at most count + 1 buckets.
        // Infinite levels or a tolerance that is not a finite number ≥ 0 put everything in one
        // bucket (the exact test still decides; a NaN or negative tolerance groups nothing).
        double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        for (var e = 0; e < count; e++)
        {
            if (double.IsNaN(levels[e]))
                continue;
            lowest = Math.Min(lowest, levels[e]);
            highest = Math.Max(highest, levels[e]);
        }
        var width = Math.Max(2 * tolerance, (highest - lowest) / Math.Max(count, 1));
        var oneBucket = !double.IsFinite(lowest) || !double.IsFinite(highest) || !double.IsFinite(tolerance) || !(tolerance >= 0) || !(width > 0);
        var buckets = oneBucket ? 1 : Bucket(highest, lowest, width) + 1;
        _head = new int[buckets + 1];
        _end = new int[buckets];
        for (var e = 0; e < count; e++)
        {
            _bucketOf[e] = double.IsNaN(levels[e]) ? -1 : oneBucket ? 0 : Bucket(levels[e], lowest, width);
            if (_bucketOf[e] >= 0)
                _head[_bucketOf[e] + 1]++;
        }
        for (var b = 0; b < buckets; b++)
        {
            _head[b + 1] += _head[b];
            _end[b] = _head[b + 1];
        }
        _entries = new int[_head[buckets]];
        var next = _head.AsSpan(0, buckets).ToArray();
        for (var e = 0; e < count; e++)
        {
            if (_bucketOf[e] >= 0)
                _entries[next[_bucketOf[e]]++] = e;
        }
    }

    private static int Bucket(double level, double lowest, double width) => (int)Math.Floor((level - lowest) / width);

    /// <summary>
    /// Takes group start <paramref name="entry"/> out of the index; it must be the smallest
    /// entry left (starts are taken in entry order and everything before them has left).
    /// </summary>
    /// <returns>False when no other swing is left in the buckets its band can reach (so it starts no group).</returns>
    public bool RemoveStart(int entry)
    {
        var bucket = _bucketOf[entry];
        if (bucket < 0)
            return false;
        System.Diagnostics.Debug.Assert(_entries[_head[bucket]] == entry, "group starts are taken in entry order");
        _head[bucket]++;
        var any = false;
        for (var b = Math.Max(bucket - 1, 0); b <= Math.Min(bucket + 1, _end.Length - 1); b++)
            any |= _head[b] < _end[b];
        return any;
    }

    /// <summary>
    /// Appends to <paramref name="claimed"/> (in ascending entry order) and removes every
    /// remaining entry below <paramref name="limit"/> whose level is in the band of
    /// <paramref name="entry"/>: [level − tolerance, level + tolerance], float64, inclusive
    /// (smc.py#L617-L618, #L641).
    /// </summary>
    public void Claim(int entry, int limit, List<int> claimed)
    {
        var bucket = _bucketOf[entry];
        if (bucket < 0)
            return;
        var low = _levels[entry] - _tolerance;
        var high = _levels[entry] + _tolerance;
        var before = claimed.Count;
        for (var b = Math.Max(bucket - 1, 0); b <= Math.Min(bucket + 1, _end.Length - 1); b++)
        {
            // The bucket's entries below the limit: claim those in the band, then close the
            // gaps they leave by moving the others up against the first entry not read.
            var stop = _head[b];
            while (stop < _end[b] && _entries[stop] < limit)
            {
                var e = _entries[stop++];
                if (low <= _levels[e] && _levels[e] <= high)
                    claimed.Add(e);
            }
            var write = stop;
            for (var p = stop - 1; p >= _head[b]; p--)
            {
                var e = _entries[p];
                if (!(low <= _levels[e] && _levels[e] <= high))
                    _entries[--write] = e;
            }
            _head[b] = write;
        }
        // Up to three ascending runs (one per bucket): put them in entry order.
        if (claimed.Count - before > 1)
            claimed.Sort(before, claimed.Count - before, null);
    }
}
