namespace GoldBot.Smc.Reference;

/// <summary>
/// The swings of one type that <see cref="Liquidity"/> has not yet grouped (nor used as a group
/// start), searchable by level band and by position: a segment tree over the swings sorted by
/// level whose nodes hold the smallest entry number below them (entries are numbered in bar
/// order). <see cref="Claim"/> reports and removes every remaining swing with
/// low ≤ level ≤ high and entry &lt; limit, smallest entry first, in O((1 + k) log S), which
/// replaces the library's
/// quadratic rescans of all later swings (smc.py#L634-L645).
/// </summary>
internal sealed class UngroupedSwingIndex
{
    private const int Removed = int.MaxValue;

    private readonly double[] _sortedLevels;
    private readonly int[] _rankOfEntry;
    private readonly int[] _tree;
    private readonly int _leaves;

    /// <summary>Indexes entries 0..count−1 with the given levels; NaN levels are never claimed.</summary>
    public UngroupedSwingIndex(ReadOnlySpan<double> levels)
    {
        var count = levels.Length;
        var keys = new double[count];
        var entries = new int[count];
        var ranked = 0;
        for (var e = 0; e < count; e++)
        {
            if (double.IsNaN(levels[e]))
                continue;
            keys[ranked] = levels[e];
            entries[ranked++] = e;
        }
        Array.Sort(keys, entries, 0, ranked);
        _sortedLevels = keys[..ranked];
        _rankOfEntry = new int[count];
        Array.Fill(_rankOfEntry, -1);
        _leaves = 1;
        while (_leaves < ranked)
            _leaves <<= 1;
        _tree = new int[2 * _leaves];
        Array.Fill(_tree, Removed);
        for (var r = 0; r < ranked; r++)
        {
            _rankOfEntry[entries[r]] = r;
            _tree[_leaves + r] = entries[r];
        }
        for (var node = _leaves - 1; node >= 1; node--)
            _tree[node] = Math.Min(_tree[2 * node], _tree[(2 * node) + 1]);
    }

    /// <summary>Removes <paramref name="entry"/> (no-op if already removed or never indexed).</summary>
    public void Remove(int entry)
    {
        var rank = _rankOfEntry[entry];
        if (rank < 0)
            return;
        var node = _leaves + rank;
        _tree[node] = Removed;
        for (node >>= 1; node >= 1; node >>= 1)
            _tree[node] = Math.Min(_tree[2 * node], _tree[(2 * node) + 1]);
    }

    /// <summary>
    /// Appends to <paramref name="claimed"/> (in ascending entry order) and removes every
    /// remaining entry with <paramref name="low"/> ≤ level ≤ <paramref name="high"/> (float64,
    /// inclusive) and <paramref name="after"/> &lt; entry &lt; <paramref name="limit"/>. Entries up
    /// to <paramref name="after"/> met on the way are removed without being reported (callers
    /// pass increasing <paramref name="after"/> values).
    /// </summary>
    public void Claim(double low, double high, int after, int limit, List<int> claimed)
    {
        if (_sortedLevels.Length == 0 || !(low <= high))
            return;
        var first = LowerBound(low);
        var last = UpperBound(high) - 1;
        if (first > last)
            return;
        // The smallest remaining entry in the level band is the next group member, if it is
        // below the limit; repeat until none is left.
        while (true)
        {
            var entry = RangeMin(first, last);
            if (entry >= limit)
                return;
            // Entries up to `after` were group starts; they leave the index when first met.
            if (entry > after)
                claimed.Add(entry);
            Remove(entry);
        }
    }

    // Smallest entry number among leaves first..last (bottom-up segment tree query).
    private int RangeMin(int first, int last)
    {
        var result = Removed;
        var left = first + _leaves;
        var right = last + _leaves + 1;
        while (left < right)
        {
            // Unconditional loads and selects instead of branches (the branches mispredict).
            var leftValue = _tree[left];
            var rightValue = _tree[right - 1];
            result = Math.Min(result, (left & 1) != 0 ? leftValue : Removed);
            result = Math.Min(result, (right & 1) != 0 ? rightValue : Removed);
            left = (left + 1) >> 1;
            right >>= 1;
        }
        return result;
    }

    // First rank whose level is ≥ value (branch-free halving, so no mispredictions).
    private int LowerBound(double value)
    {
        var levels = _sortedLevels;
        int first = 0, length = levels.Length;
        while (length > 0)
        {
            var half = length >> 1;
            var below = levels[first + half] < value;
            first = below ? first + half + 1 : first;
            length = below ? length - half - 1 : half;
        }
        return first;
    }

    // First rank whose level is > value.
    private int UpperBound(double value)
    {
        var levels = _sortedLevels;
        int first = 0, length = levels.Length;
        while (length > 0)
        {
            var half = length >> 1;
            var atOrBelow = levels[first + half] <= value;
            first = atOrBelow ? first + half + 1 : first;
            length = atOrBelow ? length - half - 1 : half;
        }
        return first;
    }
}
